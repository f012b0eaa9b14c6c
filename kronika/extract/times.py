"""Times: date, month, year and clock-time expressions, resolved against the publication date.

``find_times(doc)`` fills ``doc.times``. It needs only the text and the publication date: when the
language stage has left tokens and sentences it reads the tense from their tags, otherwise it
splits sentences itself and reads the verbs with morfeusz2 (so ``kronika eval times`` runs
without the language model). The words and patterns of each language are data
(``kronika/lang/<lang>/time.yaml``, read by :mod:`kronika.extract.timewords`).

Resolution rules (the values follow ``../shared/eval/GUIDELINES.md``):
- A weekday takes the tense of its clause: past -> the latest such day on or before the
  publication date, future (perfective present, ``będzie``, ``mają/ma`` + infinitive, "will")
  -> the next one on or after it, present, conditional (``by`` + past form) or no verb -> the
  nearer of the two (the earlier on a tie). So the publication weekday itself is always the
  publication date. ``ubiegły``/``last`` and ``przyszły``/``next`` fix the direction and skip
  the publication day itself. An adjective (``piątkowe posiedzenie``) names a day of the news
  cycle, which a past report may announce: in a past clause it is the past day only up to four
  days back, else the nearer one ("zwrócił się o utajnienie piątkowego posiedzenia" on Thursday).
- A month (or day and month) without a year is this year's, unless the clause is in the past and
  it lies after the publication date (then last year's), in the future and it lies before it
  (then next year's; not for a day less than a month before it: a range already begun, "potrwa
  od 1 grudnia"), or in the present (then the nearest such month: "mamy zaproszenie na 16
  stycznia" in December is next January), but after ``od`` (since) the past one ("najwyższy od
  maja"). With no verb at all it is this year's.
  ``tego roku``/``ubiegłego roku`` name the year. An adjective of a month (``listopadowa
  projekcja``) names a known event: the nearest such month, whatever the tense.
- A part of a period (``pod koniec listopada``, ``early December``) keeps the precision of the
  whole period; ``na przełomie listopada i grudnia`` takes the first month. A week is an ISO week
  (``2025-W49``, precision ``week``).
- A clock time takes the date of the nearest day expression of its clause (else one before it in
  its sentence), else the publication date; its zone is the one written (``czasu moskiewskiego`` +03:00), else the language's default
  (Polish: Europe/Warsaw by date), with zoneinfo giving the summer or winter offset.
- ``dziś``/``do dziś``/``today`` are the publication date; ``obecnie``/``teraz`` are not times
  (they name no calendar date). Durations ("pięć godzin", "przez trzy dni") are not matched.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from functools import cache, lru_cache
from zoneinfo import ZoneInfo

from kronika.extract import language_of
from kronika.extract.timewords import TimeWords, time_words
from kronika.lang import LANGUAGES
from kronika.model import Doc, TimeExpr

DEFAULT_ZONE = {"pl": "Europe/Warsaw"}  # other languages: the publication's own offset, else UTC
PREVIOUS_WORD = re.compile(r"(\w+)[ \t]+$")  # on the same line
TOKEN = re.compile(r"\w+")
NEXT_WORD = re.compile(r"[ \t]+(\w+)")
ADJECTIVE_DAYS_BACK = 4  # a past report keeps a weekday adjective's day this far back, else the nearer day
RECENT_DAYS = 31  # a day this recent in a future clause is this year's: a range already begun ("potrwa od 1 grudnia")
WINDOW_BEFORE, WINDOW_AFTER = 60, 80  # characters: longer than any prefix or suffix of a pattern



@dataclass
class Candidate:
    start: int
    end: int
    lang: str
    rank: int  # the pattern's place in its language's list: earlier wins a tie
    groups: dict[str, str]

    @property
    def length(self) -> int:
        return self.end - self.start


# ---------------------------------------------------------------------------------------------
# the stage


def find_times(doc: Doc) -> Doc:
    """Fill ``doc.times`` with the time expressions of the article, in text order."""
    text = doc.text
    pub = publication_date(doc)
    primary = language_of(doc)
    languages = [primary, *(code for code in LANGUAGES if code != primary)]
    # one pass over the words for all languages; anchors_of of any language gives these and no others
    first_words = _anchor_first_words()
    anchors = [m for m in TOKEN.finditer(text)
               if (word := m.group())[0].isdigit() or word in first_words or word.lower() in first_words]
    chosen = _choose([c for rank, code in enumerate(languages) for c in _candidates(text, anchors, code, rank)])
    times: list[TimeExpr] = []
    # clock times last: they take the date of a day expression of their sentence
    for cand in sorted(chosen, key=lambda c: "hour" in c.groups):
        resolved = _resolve(doc, cand, pub, times)
        if resolved:
            value, precision, kind = resolved
            times.append(TimeExpr(cand.start, cand.end, text[cand.start:cand.end], value, precision, kind))
    doc.times = sorted(times, key=lambda t: t.start)
    return doc


def publication_date(doc: Doc) -> date | None:
    a = doc.article
    if a.published_date:
        return a.published_date
    return a.published.date() if a.published else None


@cache
def _anchor_first_words() -> frozenset[str]:
    """The words (as written and folded) that begin a form of an anchor class in some language."""
    return frozenset(word for code in LANGUAGES for word in time_words(code).anchor_words)


def _candidates(text: str, words_found: list[re.Match], lang: str, lang_rank: int) -> list[Candidate]:
    """The matches of a language's patterns, each pattern tried only around the words that can
    anchor it (``words_found``: the words of the text that may anchor an expression in any language)."""
    words = time_words(lang)
    anchored = [(m, anchors) for m in words_found if (anchors := words.anchors_of(m.group()))]
    windows: dict[frozenset[str], list[tuple[int, int]]] = {}  # by the anchors a pattern needs
    found: dict[tuple[int, int, int], Candidate] = {}
    for rank, pattern in enumerate(words.patterns):
        if pattern.anchors not in windows:
            windows[pattern.anchors] = _windows(text, [m for m, anchors in anchored if anchors & pattern.anchors])
        for lo, hi in windows[pattern.anchors]:
            for m in pattern.regex.finditer(text, lo, hi):
                if m.group(0).lower() in words.ambiguous or _habitual(words, pattern.regex, m) or _in_name(words, m):
                    continue
                if "bare_year" in pattern.regex.groupindex and _counts_something(words, m):
                    continue
                groups = {k: v for k, v in m.groupdict().items() if v is not None}
                found[m.start(), m.end(), rank] = Candidate(m.start(), m.end(), lang, lang_rank * 1000 + rank, groups)
    return list(found.values())


def _windows(text: str, anchors: list[re.Match]) -> list[tuple[int, int]]:
    """Stretches of text around anchor words, merged, each ending at a space: a match holds an
    anchor and reaches at most WINDOW_BEFORE characters before it and WINDOW_AFTER after it."""
    windows: list[tuple[int, int]] = []
    for m in anchors:
        lo, hi = max(0, m.start() - WINDOW_BEFORE), m.end() + WINDOW_AFTER
        space = text.find(" ", hi)
        hi = len(text) if space < 0 else space
        if windows and lo <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(hi, windows[-1][1]))
        else:
            windows.append((lo, hi))
    return windows


def _habitual(words: TimeWords, pattern: re.Pattern, m: re.Match) -> bool:
    """A weekday after "każdy", "co", "every": a habit, not a date."""
    weekday = "weekday" in pattern.groupindex and m.group("weekday")
    return bool(weekday) and _word_before(m.string, m.start()) in words.habitual


def _in_name(words: TimeWords, m: re.Match) -> bool:
    """A capitalised word after a capitalised word is part of a name ("India Today", "Wielki Piątek"),
    unless its class is always capitalised (English weekdays and months: "Trump Tuesday said")."""
    first = m.group(0).split()[0]
    before = PREVIOUS_WORD.search(m.string, max(0, m.start() - 30), m.start())
    if not (first[0].isupper() and before and before.group(1)[0].isupper()):
        return False
    # a capitalised preposition ("W poniedziałek") opens a sentence, even after a headline
    return any(c.anchor and not c.case_sensitive and c.key(first) in c.values for c in words.classes.values())


def _counts_something(words: TimeWords, m: re.Match) -> bool:
    """A bare number before a noun counts it ("na 2000 podopiecznych"): no year."""
    after = NEXT_WORD.match(m.string, m.end())
    if not after or not words.not_before_bare_year:
        return False
    from kronika.language.morphology import analyse_word

    return any(r.tag.startswith(tuple(words.not_before_bare_year)) for r in analyse_word(after.group(1)))


def _word_before(text: str, offset: int) -> str:
    m = PREVIOUS_WORD.search(text, max(0, offset - 30), offset)
    return m.group(1).lower() if m else ""


def _choose(candidates: list[Candidate]) -> list[Candidate]:
    """The longest candidates that do not overlap (the earlier language and pattern on a tie)."""
    taken: list[Candidate] = []
    for c in sorted(candidates, key=lambda c: (-c.length, c.rank, c.start)):
        if all(c.end <= t.start or c.start >= t.end for t in taken):
            taken.append(c)
    return sorted(taken, key=lambda c: c.start)


# ---------------------------------------------------------------------------------------------
# resolution


def _resolve(doc: Doc, c: Candidate, pub: date | None, days: list[TimeExpr]):
    """(value, precision, kind) of a candidate, or None when it names no date we can give.
    Without a publication date only expressions that carry their year are resolved."""
    words = time_words(c.lang)
    g = c.groups
    value = lambda name: words.value(name, g[name])  # noqa: E731
    year = int(g.get("year") or g.get("bare_year") or 0) or None
    if year is None and "yearshift" in g and pub:
        year = pub.year + value("yearshift")
    if "hour" in g:
        return _clock(doc, c, pub, days)
    if year is None and pub is None:
        return None
    kind = "period" if "part" in g or "month2" in g else "date"
    if "day" in g and "month" in g:
        return _day_month(doc, c, year, pub)
    if "month" in g:
        month = _month(words, g["month"])
        return f"{year or _month_year(doc, c, month, pub):04d}-{month:02d}", "month", kind
    if year is not None:
        return f"{year:04d}", "year", kind
    if "weekday" in g:
        return _weekday(doc, c, pub).isoformat(), "day", "relative"
    if "yearadj" in g:
        return f"{pub.year + value('yearadj'):04d}", "year", "relative"
    if "relday" in g:
        return (pub + timedelta(days=value("relday"))).isoformat(), "day", "relative"
    if "shift" in g and "unit" in g:
        return _shifted(pub, value("unit"), value("shift"), "period" if "part" in g else "relative")
    direction = 1 if "later" in g else -1  # "za tydzień", "in two weeks" count forward
    if "one_unit" in g:
        return _counted(pub, value("one_unit"), direction)
    if "unit" in g and "count" in g:
        count = int(g["count"]) if g["count"].isdigit() else value("count")
        return _counted(pub, value("unit"), direction * count) if count else None
    return None


def _day_month(doc: Doc, c: Candidate, year: int | None, pub: date | None):
    words = time_words(c.lang)
    month, day = _month(words, c.groups["month"]), int(c.groups["day"])
    weekday = c.groups.get("weekday") or c.groups.get("weekday2")
    if year is None and weekday:
        year = _year_of_weekday(month, day, words.value("weekday", weekday), pub)
    if year is None:
        lead = doc.text[c.start:c.end]
        year = _year_of(month, day, tense_at(doc, c.start, c.end, c.lang, lead=lead), pub, _since(doc, c))
    try:
        return date(year, month, day).isoformat(), "day", "date"
    except ValueError:
        return None


def _month_year(doc: Doc, c: Candidate, month: int, pub: date) -> int:
    """The year of a month named without one; an adjective takes the nearest such month, a period
    (``za listopad``) the latest one that is over."""
    words = time_words(c.lang)
    if words.is_in("month_adj", c.groups["month"]):
        return _nearest_year(month, pub)
    if words.is_in("period_prep", _first_word(doc, c)):
        return _year_of(month, None, "past", pub)
    lead = doc.text[c.start:c.end]
    return _year_of(month, None, tense_at(doc, c.start, c.end, c.lang, lead=lead), pub, _since(doc, c))


def _since(doc: Doc, c: Candidate) -> bool:
    return time_words(c.lang).is_in("since_prep", _first_word(doc, c))


def _first_word(doc: Doc, c: Candidate) -> str:
    return doc.text[c.start:c.end].split()[0]


def _month(words: TimeWords, text: str) -> int:
    return int(text) if text.isdigit() else words.value("month", text)


def _year_of(month: int, day: int | None, tense: str | None, pub: date, since: bool = False) -> int:
    """The year of a month (and day) written without one: see the module's rules. ``since``: the
    expression opens with "od"/"since", which with a present verb looks back ("najwyższy od maja")."""
    here, then = (month, day or 0), (pub.month, pub.day if day else 0)
    if tense == "past" and here > then:
        return pub.year - 1
    if tense == "future" and here < then and not (day and _days_before(month, day, pub) <= RECENT_DAYS):
        return pub.year + 1
    if tense == "present" and not since:
        return _nearest_year(month, pub)
    if since and here > then:
        return pub.year - 1
    return pub.year


def _year_of_weekday(month: int, day: int, weekday: int, pub: date) -> int | None:
    """The year (the publication year or a neighbour, the nearest to the publication date) in which
    a day and month written with a weekday ("wtorek 2 grudnia") fall on that weekday; None if none does."""
    fits = []
    for year in (pub.year, pub.year - 1, pub.year + 1):
        try:
            if date(year, month, day).isoweekday() == weekday:
                fits.append(date(year, month, day))
        except ValueError:  # 29 February
            continue
    return min(fits, key=lambda d: abs((d - pub).days)).year if fits else None


def _nearest_year(month: int, pub: date) -> int:
    """The year whose such month lies nearest to the publication month (this year's on a tie)."""
    return min((pub.year, pub.year - 1, pub.year + 1), key=lambda y: abs(y * 12 + month - pub.year * 12 - pub.month))


def _days_before(month: int, day: int, pub: date) -> int:
    try:
        return (pub - date(pub.year, month, day)).days
    except ValueError:  # 29 February
        return RECENT_DAYS + 1


def _weekday(doc: Doc, c: Candidate, pub: date) -> date:
    words = time_words(c.lang)
    g = c.groups
    target = words.value("weekday", g["weekday"])
    back = (pub.isoweekday() - target) % 7
    ahead = (target - pub.isoweekday()) % 7
    shift = words.value("shift", g["shift"]) if "shift" in g else 0
    if shift < 0:
        return pub - timedelta(days=back or 7)
    if shift > 0:
        return pub + timedelta(days=ahead or 7)
    tense = tense_at(doc, c.start, c.end, c.lang, lead=doc.text[c.start:c.end])
    if words.is_in("weekday_adj", g["weekday"]) and "daypart" not in g and tense == "past" and back > ADJECTIVE_DAYS_BACK:
        tense = None  # "(wniosek o utajnienie) piątkowego posiedzenia": a past report may announce the day
    if tense == "past":
        return pub - timedelta(days=back)
    if tense == "future":
        return pub + timedelta(days=ahead)
    return pub - timedelta(days=back) if back <= ahead else pub + timedelta(days=ahead)


def _shifted(pub: date, unit: str, shift: int, kind: str):
    if unit == "year":
        return f"{pub.year + shift:04d}", "year", kind
    if unit == "month":
        m = pub.year * 12 + pub.month - 1 + shift
        return f"{m // 12:04d}-{m % 12 + 1:02d}", "month", kind
    if unit == "week":
        y, w, _ = (pub + timedelta(weeks=shift)).isocalendar()
        return f"{y:04d}-W{w:02d}", "week", kind
    return None  # "tego dnia", "następnego dnia": a day named by the story, not the calendar


def _counted(pub: date, unit: str, count: int):
    """``count`` units from the publication date (negative: ago): a day for days and weeks."""
    if unit in ("day", "week"):
        days = count * (7 if unit == "week" else 1)
        return (pub + timedelta(days=days)).isoformat(), "day", "relative"
    return _shifted(pub, unit, count, "relative")


def _clock(doc: Doc, c: Candidate, pub: date | None, days: list[TimeExpr]):
    words = time_words(c.lang)
    g = c.groups
    hour, minute = int(g["hour"]), int(g.get("minute", 0))
    ampm = g.get("ampm", "").lower()
    if ampm.startswith("p") and hour < 12:
        hour += 12
    elif ampm.startswith("a") and hour == 12:
        hour = 0
    if hour > 23:
        return None
    if "day" in g:  # a time stamp: 04.12.2025 08:21
        try:
            day = date(int(g["year"]), _month(words, g["month"]), int(g["day"]))
        except ValueError:
            return None
    else:
        day = _day_of_sentence(doc, c, days) or pub
    if day is None:
        return None
    zone = words.value("zone", g["zone"]) if "zone" in g else None
    offset = _offset(zone, day, time(hour, minute), c.lang, doc)
    return f"{day.isoformat()}T{hour:02d}:{minute:02d}{offset}", "minute", "time"


def _day_of_sentence(doc: Doc, c: Candidate, times: list[TimeExpr]) -> date | None:
    """The day of a clock time: the nearest day expression of its clause, else the nearest one
    before it in its sentence (not a later aside: "o 15:00 (wczoraj RPP ...)")."""
    days = [t for t in times if t.precision == "day"]
    lo, hi = clause_bounds(doc, c.start, c.end, c.lang)
    near = [t for t in days if lo <= t.start < hi]
    if not near:
        lo, _ = sentence_bounds(doc, c.start)
        near = [t for t in days if lo <= t.start < c.start]
    if not near:
        return None
    return date.fromisoformat(min(near, key=lambda t: abs(t.start - c.start)).value)


def _offset(zone: str | None, day: date, clock: time, lang: str, doc: Doc) -> str:
    zone = zone or DEFAULT_ZONE.get(lang)
    if zone is None:
        published = doc.article.published
        tz = published.tzinfo if published and published.tzinfo else timezone.utc
        delta = datetime.combine(day, clock, tzinfo=tz).utcoffset()
    elif zone[0] in "+-":
        return zone
    else:
        delta = datetime.combine(day, clock, tzinfo=ZoneInfo(zone)).utcoffset()
    minutes = int(delta.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


# ---------------------------------------------------------------------------------------------
# sentences, clauses and tense

# a sentence ends at . ! ? after a word of three letters or more (not "gen.", "p.m.") before a capital
SENTENCE_END = re.compile(r"(?<=\w\w\w)[.!?…][\"”»)]*\s+(?=[\"„“«(–-]?\s*[A-ZĄĆĘŁŃÓŚŹŻ])|[!?…]\s+|\n+")
CLAUSE_MARKS = r"[,;:()\[\]„”“\"«»]|\s[-–—]\s"
WORD = re.compile(r"\w+(?:'\w+)?|'\w+")


def sentence_bounds(doc: Doc, offset: int) -> tuple[int, int]:
    """The sentence around an offset: the language stage's, else found by punctuation."""
    s = doc.sentence_at(offset) if doc.sentences else None
    if s is not None:
        return s.start, s.end
    ends = _sentence_ends(doc.text)
    i = bisect.bisect_right(ends, offset)
    return (ends[i - 1] if i else 0), (ends[i] if i < len(ends) else len(doc.text))


@lru_cache(maxsize=16)
def _sentence_ends(text: str) -> list[int]:
    return [m.end() for m in SENTENCE_END.finditer(text)]


@cache
def _clause_mark(lang: str) -> re.Pattern:
    words = time_words(lang).tense.get("clause_words", [])
    alternatives = [CLAUSE_MARKS] + ([r"(?<!\w)(?:%s)(?!\w)" % "|".join(map(re.escape, words))] if words else [])
    return re.compile("|".join(alternatives), re.IGNORECASE)


def clause_bounds(doc: Doc, start: int, end: int, lang: str = "pl") -> tuple[int, int]:
    """The clause around a span: its sentence cut at punctuation and at the words that open a clause."""
    lo, hi = sentence_bounds(doc, start)
    text = doc.text
    # a clause opens after its punctuation, or at its opening word ("żeby" stays in: it makes the mood)
    before = [m.start() if m.group()[0].isalpha() else m.end() for m in _clause_mark(lang).finditer(text, lo, start)]
    after = _clause_mark(lang).search(text, end, hi)
    return (before[-1] if before else lo), (after.start() if after else hi)


@dataclass
class Verb:
    start: int
    tense: str  # past, present, future
    lemma: str
    infinitive_follows: bool = False


def tense_at(doc: Doc, start: int, end: int, lang: str = "pl", lead: str = "") -> str | None:
    """The tense of the verb nearest to a span in its clause (else its sentence): past, present,
    future, or None when there is no verb. ``mają się spotkać`` is future; a past verb of scheduling
    (``zaplanowano``) with a forward preposition (``na czwartek``) counts as future too."""
    if lead and _planned_for(doc.text, start, lead, lang):
        return "future"
    for lo, hi in (clause_bounds(doc, start, end, lang), sentence_bounds(doc, start)):
        verbs = [v for v in _verbs(doc, lo, hi, lang) if not start <= v.start < end]
        if verbs:
            verb = min(verbs, key=lambda v: abs(v.start - start))
            return _tense_of(verb, lang, lead)
    return None


def _planned_for(text: str, start: int, lead: str, lang: str) -> bool:
    """A planning word right before a forward preposition and the time ("zaplanowanej na wtorek",
    "planowany na grudzień", "scheduled for Tuesday"): the future, whatever the tense of the word."""
    words = time_words(lang)
    before = WORD.findall(text[max(0, start - 50):start])
    first = lead.split()[0] if lead.split() else ""
    if not words.is_in("future_prep", first):  # the preposition outside the span ("planned for | December 5")
        if not before or not words.is_in("future_prep", before[-1]):
            return False
        before = before[:-1]
    schedule = set(words.tense.get("schedule", []))
    return any(schedule & _lemmas(w, lang) for w in before[-2:])  # the word before, or one adverb back


def _lemmas(word: str, lang: str) -> set[str]:
    """All the lemmas a word may have (every morfeusz2 reading where the language has morphology)."""
    if "tags" not in time_words(lang).tense:
        return {word.lower()}
    from kronika.language.morphology import analyse_word

    return {word.lower()} | {r.lemma for r in analyse_word(word)}


def _tense_of(verb: Verb, lang: str, lead: str) -> str:
    rules = time_words(lang).tense
    first = lead.split()[0].lower() if lead.split() else ""
    if verb.lemma in rules.get("schedule", []) and time_words(lang).is_in("future_prep", first):
        return "future"
    if verb.tense == "present" and verb.infinitive_follows and verb.lemma in rules.get("modals", []):
        return "future"
    return verb.tense


def _verbs(doc: Doc, lo: int, hi: int, lang: str) -> list[Verb]:
    rules = time_words(lang).tense
    if "tags" not in rules:
        return _verbs_by_words(doc.text, lo, hi, rules)
    tokens = doc.tokens_in(lo, hi) if doc.tokens else []
    if tokens and any(t.tag for t in tokens):
        words = [(t.start, t.lemma or t.text, t.tag) for t in tokens]
    else:
        words = [(m.start(), *_reading(m.group(), lang)) for m in WORD.finditer(doc.text, lo, hi)]
    verbs = []
    for i, (start, lemma, tag) in enumerate(words):
        tense = _tense_of_tag(tag, rules)
        if tense:
            before = words[max(0, i - 3) : i]
            if any(_pos(t) in rules["compound_future"] for _, _, t in before):
                tense = "future"  # "będzie trwał": the future of an imperfective verb
            elif tense == "past" and any(lemma.lower() in rules.get("conditional", []) for _, lemma, _ in before):
                tense = "present"  # "by prezydium utajniło": a wish or purpose, not a past event
            following = [_pos(t) for _, _, t in words[i + 1 : i + 5]]
            verbs.append(Verb(start, tense, lemma, rules["infinitive"] in following))
    return verbs


def _pos(tag: str) -> str:
    return tag.split(":", 1)[0]


def _tense_of_tag(tag: str, rules: dict) -> str | None:
    perfective = rules["perfective"]
    if _pos(tag) == perfective["pos"] and f":{perfective['aspect']}" in tag:
        return perfective["tense"]
    return rules["tags"].get(_pos(tag))


@lru_cache(maxsize=100_000)
def _reading(word: str, lang: str = "pl") -> tuple[str, str]:
    """(lemma, tag) of a word without the tagger. Of its morfeusz2 readings: a past form or
    ``będzie`` first (they rarely collide with other words), then a present form (``fin``) unless
    the word is also a noun or adjective ("nadzieję", "w stanie") and its verb is not a common one
    ("mają", "zostanie")."""
    from kronika.language.morphology import analyse_word

    readings = analyse_word(word)
    if not readings:
        return word, ""
    rules = time_words(lang).tense
    common = set(rules.get("modals", [])) | set(rules.get("auxiliaries", []))
    only_verb = all(o.pos in rules["verbs"] for o in readings)

    def rank(r) -> int:
        if r.pos == rules["present"]:
            return 2 if only_verb or r.lemma in common else 0
        return 3 if _tense_of_tag(r.tag, rules) else int(r.pos == rules["infinitive"])

    best = max(readings, key=rank)
    return best.lemma, best.tag


def _verbs_by_words(text: str, lo: int, hi: int, rules: dict) -> list[Verb]:
    """Languages without morphology in kronika (English): tense from lists of words."""
    table = {w.lower(): tense for tense, ws in rules.get("words", {}).items() for w in ws}
    suffix = rules.get("past_suffix")
    verbs = []
    for m in WORD.finditer(text, lo, hi):
        w = m.group().lower()
        tense = table.get(w) or ("past" if suffix and w.endswith(suffix) and len(w) > len(suffix) + 2 else None)
        if tense:
            verbs.append(Verb(m.start(), tense, w))
    return verbs


# ---------------------------------------------------------------------------------------------
# for the other stages


def times_in(doc: Doc, start: int, end: int) -> list[TimeExpr]:
    """The time expressions lying inside [start, end)."""
    return [t for t in doc.times if start <= t.start and t.end <= end]


def event_date(doc: Doc, start: int, end: int) -> str | None:
    """The date of an event whose trigger (or evidence) spans [start, end): the value of the time
    expression nearest to it in its clause, else in its sentence, as ``YYYY-MM-DD``, ``YYYY-MM`` or
    ``YYYY`` (a clock time gives its day, an ISO week the month of its Thursday)."""
    lang = language_of(doc)
    for lo, hi in (clause_bounds(doc, start, end, lang), sentence_bounds(doc, start)):
        near = times_in(doc, min(lo, start), max(hi, end))
        if near:
            t = min(near, key=lambda t: min(abs(t.start - end), abs(start - t.end)))
            return calendar_value(t)
    return None


def calendar_value(t: TimeExpr) -> str:
    """A time's value as a calendar date at its own precision (``YYYY-MM-DD``, ``YYYY-MM``, ``YYYY``)."""
    if t.precision == "week":
        year, week = t.value.split("-W")
        return date.fromisocalendar(int(year), int(week), 4).isoformat()[:7]
    return t.value[:10]
