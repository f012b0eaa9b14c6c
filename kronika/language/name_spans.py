"""Where the names are, besides the NER model and the actor dictionary.

- Filters of the model's mentions: a month or a lone adjective is no name.
- Names read off the morphological dictionary (SGJP marks first names, surnames, geographic
  names and organisations) and off the heads of organisations' names (``kronika/lang/pl/name_heads.yaml``),
  for what the model misses: ``Michel Barnier``, ``Sąd Najwyższy``, ``Islamabadzie``, ``WTO``.
- English capitalised runs cleaned and typed (``kronika/lang/en/demonyms.yaml``, ``name_heads.yaml``).
"""
from __future__ import annotations

import bisect
import re
from functools import cache, lru_cache

from kronika import lang
from kronika.language.actors import words
from kronika.language.morphology import analyse_word
from kronika.model import Doc, Mention

LABELS = {"PER", "ORG", "LOC"}


CALENDAR_CLASSES = ("month", "weekday")  # word classes of kronika/lang/<lang>/time.yaml that are never names


@cache
def _calendar_words(classes: tuple[str, ...] = CALENDAR_CLASSES) -> frozenset[str]:
    """Month and weekday names of every language (a Polish article may quote an English post), in
    all their forms, lower-cased: the words of the time data (``time.yaml``, inflected there) and of
    ``months.yaml``; abbreviations with a dot are left out ("Sun." is also a newspaper)."""
    from kronika.extract.timewords import time_words

    out = set()
    for code in lang.LANGUAGES:
        try:
            if "month" in classes:
                out |= {w.lower() for names in lang.load(code, "months")["months"].values() for w in names}
            words = time_words(code).classes
        except (FileNotFoundError, KeyError, TypeError, AttributeError):
            continue
        out |= {w.lower() for name in classes if name in words for w in words[name].values if "." not in w}
    return frozenset(out)


def _without_weekdays(mention: Mention) -> Mention | None:
    """A mention without the weekday names at its ends ("Putin Tuesday" in "Putin Tuesday said"),
    None when nothing else is left. Only weekdays: a month may end a name ("Theresa May")."""
    ws = words(mention.text)
    weekdays = _calendar_words(("weekday",))
    lo, hi = 0, len(ws)
    while lo < hi and ws[lo].group().lower() in weekdays:
        lo += 1
    while hi > lo and ws[hi - 1].group().lower() in weekdays:
        hi -= 1
    if lo == hi:
        return None
    if (lo, hi) == (0, len(ws)):
        return mention
    start, end = mention.start + ws[lo].start(), mention.start + ws[hi - 1].end()
    return Mention(start, end, mention.text[ws[lo].start():ws[hi - 1].end()], mention.label, source=mention.source)


def model_name(mention: Mention, doc_text: str) -> Mention | None:
    """A model mention as a name, or None where it is none: punctuation at its edges is cut off
    ("Wystarczy." -> "Wystarczy"); a month or weekday ("December", "Wtorek") is a date, and a
    weekday at a name's edge is cut off; one word that the
    morphological dictionary reads as a common word ("Rozmowa", "Polskie", "Potrzebie") or a
    bare adjective of nationality ("Russian") is no name."""
    text = mention.text
    lead = len(text) - len(text.lstrip(PUNCTUATION))
    trail = len(text) - len(text.rstrip(PUNCTUATION))
    start, end = mention.start + lead, mention.end - trail
    hyphenated = HYPHENATED_START.search(doc_text, max(0, start - 30), start)  # "Jean-" + "Claude'a Junckera"
    if hyphenated:
        start = hyphenated.start()
    if (start, end) != (mention.start, mention.end):
        mention = Mention(start, end, doc_text[start:end], mention.label, source=mention.source)
        text = mention.text
    if mention.label not in LABELS or len(text.strip()) < 2 or text.lower() in _calendar_words():
        return None
    mention = _without_weekdays(mention)
    if mention is None:
        return None
    text = mention.text
    if " " in text:
        return mention
    kind = word_kind(text, _opens_sentence(doc_text, mention.start))
    if kind in (None, "CAP", "IN") and not text.isupper() or text in _english_lists()[0]:
        return None
    # one word the morphological dictionary (or the gazetteer) knows better: its type wins
    label = kind if kind in ("PER", "LOC") else "LOC" if kind == "?" and _on_the_map(text) else mention.label
    if label != mention.label:
        mention = Mention(mention.start, mention.end, text, label, source=mention.source)
    return mention


def person_part(mention: Mention, doc_text: str, typed: dict[str, str]) -> Mention:
    """A person's name found by the model without the unknown words before its first name, or
    before it an organisation's name a cue noun typed ("Ryanaira Eddie Wilson" -> "Eddie Wilson")."""
    from kronika.language.names import base_form

    ws = words(mention.text)
    if mention.label != "PER" or len(ws) < 3:
        return mention
    first = next((p for p in range(1, len(ws)) if _first_name(ws[p].group())), None)
    if first is None and typed.get(base_form(ws[0].group(), "ORG")) == "ORG":
        first = 1
    if first is None or not all(word_kind(w.group(), False) == "?" for w in ws[:first]):
        return mention
    start = mention.start + ws[first].start()
    return Mention(start, mention.end, doc_text[start:mention.end], "PER", source=mention.source)


PUNCTUATION = ".,:;!?\"'„”“«»()[]–—-"
HYPHENATED_START = re.compile(r"\b[A-ZĄĆĘŁŃÓŚŹŻ][\w'’]*-\Z")


SENTENCE_START = set(".!?…\n:;„\"“”«»-–—(")  # what may stand before a sentence's (or a quote's) first word


def _opens_sentence(text: str, start: int) -> bool:
    """Does the word at ``start`` open a sentence (or a quote)?"""
    before = text[max(0, start - 8):start].rstrip(" \t")[-1:]
    return not before or before in SENTENCE_START


PERSON_QUALIFIERS = {"imię", "nazwisko"}
ROMAN = re.compile(r"^[IVX]+$")
NOUN_POS = {"subst", "depr"}
ORGANISATION_QUALIFIERS = {"nazwa_organizacji", "nazwa_instytucji", "nazwa_firmy"}


@cache
def _name_heads() -> tuple[frozenset[str], frozenset[str]]:
    data = lang.load("pl", "name_heads")
    return frozenset(data["organisation"]), frozenset(data["inside"])


@lru_cache(maxsize=100_000)
def word_kind(word: str, sentence_start: bool) -> str | None:
    """What the morphological dictionary says of a word: "PER" (a first name or surname),
    "LOC" (a geographic name), "ORG" (a noun heading organisations' names), "?" (a capitalised
    word it does not know), "CAP" (another capitalised word), "IN" (a short word allowed
    inside an organisation's name), "ROMAN" (Benedykt XVI), "ACRONYM" (WTO), or None."""
    org_heads, inside = _name_heads()
    if word in inside:
        return "IN"
    if ROMAN.match(word):
        return "ROMAN"
    if word.isupper() and 2 <= len(word) <= 6 and word.isalpha():
        # an organisation's acronym: one SGJP marks so (WTO, ZUS), or one it does not know (UKIP);
        # not a common one (PKB, SMS), a currency (USD) or a word in capitals (WARTO)
        quals = {q for r in analyse_word(word) for q in r.qualifiers}
        return "ACRONYM" if quals and quals <= ORGANISATION_QUALIFIERS | {"guess"} else None
    if not word[:1].isupper() or len(word) < 2 or word.isupper():
        return None
    readings = analyse_word(word)
    if any("guess" in r.qualifiers for r in readings):
        return "?"  # (even opening a sentence: "Theresa May powiedziała")
    if any(r.lemma.lower() in org_heads and r.pos == "subst" for r in readings):
        return "ORG"
    # Inside a sentence the capital letter itself says "name" where the common word is another
    # noun (Benedykt, not benedykta, a plant); not where the name is the common word itself
    # (Pałac, Post) or another part of speech (a headline run into the text: "Ukraińska dyplomatka").
    commons = [r for r in readings if (r.lemma[:1].islower() or "nazwa_pospolita" in r.qualifiers)
               and r.pos not in ("adjp", "brev")]  # "po słupsku" does not make Słupsku a common word
    twins = {r.lemma.lower() for r in commons}
    proper = [r for r in readings if r not in commons and r.lemma[:1].isupper()]
    common = bool(commons) and (sentence_start or any(r.pos not in NOUN_POS for r in commons)
                                or all(r.lemma.lower() in twins for r in proper))
    quals = {q for r in readings for q in r.qualifiers}
    if not common and quals & PERSON_QUALIFIERS and ("nazwa_geograficzna" not in quals or "imię" in quals):
        return "PER"
    if not common and "nazwa_geograficzna" in quals and not quals & PERSON_QUALIFIERS:
        return "LOC"
    return None if sentence_start else "CAP"


def word_kinds(text: str, ms: list[re.Match]) -> tuple[list[str | None], list[bool]]:
    """:func:`word_kind` of every word of a text, and whether it opens a sentence."""
    inside = _name_heads()[1]
    kinds: list[str | None] = [None] * len(ms)
    starts = [False] * len(ms)
    for k, m in enumerate(ms):
        word = m.group()
        if word[0].isupper():
            starts[k] = _opens_sentence(text, m.start())
            kinds[k] = word_kind(word, starts[k])
        elif word in inside:
            kinds[k] = "IN"
        elif word == "-" and 0 < k < len(ms) - 1 and ms[k - 1].end() == m.start() and m.end() == ms[k + 1].start():
            kinds[k] = "HYPHEN"  # Jean-Claude
    return kinds, starts


def dictionary_name_runs(text: str, ms: list[re.Match], kinds: list[str | None], starts: list[bool],
                         typed: dict[str, str]) -> list[Mention]:
    """Names the NER model may miss, read off the morphological dictionary (SGJP marks first
    names, surnames and geographic names) and the heads of organisations' names:
    - a run of person-name words, unknown capitalised words and a Roman numeral, holding at
      least one first name or surname, is a person (``Michel Barnier``, ``Benedykt XVI``);
    - a run of two or more capitalised words holding an organisation head is an organisation
      (``Sąd Najwyższy Pakistanu``, ``Światowej Organizacji Handlu``);
    - a geographic name alone is a place;
    - an unknown word is a person where it ends a person's run elsewhere (``Barnier``)."""
    out: list[Mention] = []
    i = 0
    while i < len(ms):
        if not kinds[i] or kinds[i] == "IN":
            i += 1
            continue
        j = i
        while j + 1 < len(ms) and kinds[j + 1] and text[ms[j].end():ms[j + 1].start()] in (" ", ""):
            j += 1
        while j > i and kinds[j] in ("IN", "HYPHEN"):
            j -= 1
        out += _runs_of(text, ms[i:j + 1], kinds[i:j + 1], starts[i])
        i = j + 1
    out += _after_cues(text, ms, kinds, out, typed)
    # "Barnier" alone, after "Michel Barnier"; "Gilmana" after "Robert Gilman" is no town Gilman
    surnames = {_surname(m.text.split()[-1]) for m in out if m.label == "PER" and " " in m.text}
    out = [Mention(m.start, m.end, m.text, "PER", source="rule") if m.label == "LOC" and _surname(m.text) in surnames
           else m for m in out]
    if surnames:
        # the words inside a name found (asked first: the base form of every other word is costly)
        starts = [m.start() for m in ms]
        inside = {k for o in out for k in range(bisect.bisect_left(starts, o.start), bisect.bisect_left(starts, o.end))}
        for k, m in enumerate(ms):
            if k not in inside and m.group()[:1].isupper() and _surname(m.group()) in surnames:
                out.append(Mention(m.start(), m.end(), m.group(), "PER", source="rule"))
    return out


@lru_cache(maxsize=100_000)
def _surname(word: str) -> str:
    from kronika.language.names import base_form

    return base_form(word, "PER")


@cache
def _cues() -> dict[str, str]:
    """Cue lemma -> the type of the unknown name it announces."""
    return {lemma: label for label, lemmas in lang.load("pl", "name_heads")["cues"].items() for lemma in lemmas}


TYPE_PRECEDENCE = ("ORG", "LOC", "PER")


def cue_types(text: str, ms: list[re.Match], kinds: list[str | None]) -> dict[str, str]:
    """Unknown names typed by the common noun before them: base form -> type
    ("przewoźnik Ryanair" makes Ryanair an organisation wherever the article names it)."""
    from kronika.language.names import base_form

    cues = _cues()
    typed: dict[str, str] = {}
    for k, j in _unknown_runs(text, ms, kinds):
        cue = _cue_before(ms, k, cues)
        if cue:
            name = base_form(text[ms[k].start():ms[j].end()], cue)
            # an organisation's cue is the surer: "szef Ryanaira" names its head, not Ryanair
            if TYPE_PRECEDENCE.index(cue) < TYPE_PRECEDENCE.index(typed.get(name, "PER")) or name not in typed:
                typed[name] = cue
    return typed


def _cue_before(ms: list[re.Match], k: int, cues: dict[str, str]) -> str | None:
    """The type a cue noun before word ``k`` announces, an adjective allowed between
    ("przewoźnik Ryanair", "linie lotnicze Ryanair")."""
    for back in (1, 2):
        if k - back < 0:
            return None
        readings = analyse_word(ms[k - back].group())
        cue = next((cues[r.lemma.lower()] for r in readings if r.lemma.lower() in cues), None)
        if cue or not any(r.pos in ("adj", "ppas", "pact") for r in readings):
            return cue
    return None


def _unknown_runs(text: str, ms: list[re.Match], kinds: list[str | None]) -> list[tuple[int, int]]:
    """(first, last) word of every run of unknown capitalised words."""
    runs, k = [], 0
    while k < len(ms):
        if kinds[k] != "?":
            k += 1
            continue
        j = k
        while j + 1 < len(ms) and kinds[j + 1] == "?" and text[ms[j].end():ms[j + 1].start()] == " ":
            j += 1
        runs.append((k, j))
        k = j + 1
    return runs


def _after_cues(text: str, ms: list[re.Match], kinds: list[str | None], found: list[Mention],
                typed: dict[str, str]) -> list[Mention]:
    """The unknown names ``typed`` by a cue noun somewhere in the article, where nothing else was found."""
    from kronika.language.names import base_form

    out = []
    labels = [lab for lab in ("ORG", "PER", "LOC") if lab in typed.values()]  # (no base form needed for the others)
    if not labels:
        return out
    for k, j in _unknown_runs(text, ms, kinds):
        if any(m.start < ms[j].end() and ms[k].start() < m.end for m in found):
            continue
        name = text[ms[k].start():ms[j].end()]
        label = next((lab for lab in labels if typed.get(base_form(name, lab)) == lab), None)
        if label:
            out.append(Mention(ms[k].start(), ms[j].end(), name, label, source="rule"))
    return out


def _declined_pair(ms: list[re.Match], kinds: list[str]) -> bool:
    """Two or three unknown words declined alike (Saqiba Nisara, Imranem Khanem): a foreign person.
    Names of firms and papers are not declined word by word (Cambridge Analytica, Sunday Times)."""
    if not 2 <= len(kinds) <= 3 or set(kinds) != {"?"}:
        return False
    endings = [m.group()[-1:] if m.group().endswith(("a", "y", "u")) else m.group()[-2:] for m in ms]
    return len(set(endings)) == 1 and endings[0] in ("a", "em", "owi", "ie", "u", "y")


def _on_the_map(word: str) -> bool:
    """Is an unknown word, in its base form, a town of the gazetteer?"""
    from kronika.language.gazetteer import lookup
    from kronika.language.names import base_form

    return lookup(base_form(word, "LOC")) is not None


def _first_name(word: str) -> bool:
    return any("imię" in r.qualifiers for r in analyse_word(word))


def _adjective(word: str) -> bool:
    return any(r.pos in ("adj", "ppas", "pact") for r in analyse_word(word))


def _runs_of(text: str, ms: list[re.Match], kinds: list[str], at_start: bool) -> list[Mention]:
    """The names in one run of adjacent name-like words (``at_start``: opening a sentence)."""
    def mention(a: int, b: int, label: str) -> Mention:
        start, end = ms[a].start(), ms[b].end()
        return Mention(start, end, text[start:end], label, source="rule")

    if kinds[0] != "ORG" and kinds[1:2] == ["ORG"] and not _adjective(ms[0].group()):
        return _runs_of(text, ms[1:], kinds[1:], False)  # "... Ukraińców Policja": a headline run on
    if "ORG" in kinds[:2] and sum(k not in ("IN", "HYPHEN") for k in kinds) >= 2 and kinds[0] != "IN":
        # "Partii Pracy Jeremy Corbyn", "Szwedzkiego Radia Claesa Aronssona": a first name, or two
        # unknown words declined alike, after the organisation open a person's name
        cut = next((k for k in range(2, len(ms)) if kinds[k] in ("PER", "?") and
                    (_first_name(ms[k].group()) or _declined_pair(ms[k:], kinds[k:]))), None)
        if cut is not None:
            return _runs_of(text, ms[:cut], kinds[:cut], at_start) + _runs_of(text, ms[cut:], kinds[cut:], False)
        return [mention(0, len(ms) - 1, "ORG")]
    if kinds == ["ORG"] and not at_start:  # "Senat", "Komisja" capitalised inside a sentence: a short name
        return [mention(0, 0, "ORG")]
    if kinds == ["ACRONYM"]:  # WTO, UKIP: an acronym the dictionaries do not know names an organisation
        return [mention(0, 0, "ORG")]
    if kinds == ["LOC"] or kinds == ["?"] and _on_the_map(ms[0].group()):  # Karaczi, Greifswaldu
        return [mention(0, 0, "LOC")]
    out, start = [], None
    for k, kind in enumerate(kinds + [None]):
        # a surname that is also a common word joins the first name before it: Jan Nowak, Anna Kowalska
        after_first_name = kind == "CAP" and start is not None and _first_name(ms[k - 1].group())
        if kind in ("PER", "?") or after_first_name or (kind in ("ROMAN", "HYPHEN") and start is not None):
            start = k if start is None else start
            continue
        if start is not None and ("PER" in kinds[start:k] or _declined_pair(ms[start:k], kinds[start:k])):
            # "Ryanaira Eddie Wilson": unknown words before a first name belong to something else
            first = next((p for p in range(start + 1, k) if _first_name(ms[p].group())), None)
            if first is not None and all(x == "?" for x in kinds[start:first]):
                start = first
            out.append(mention(start, k - 1, "PER"))
        start = None
    return out


@cache
def _english_lists() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    demonyms = lang.load("en", "demonyms")
    heads = lang.load("en", "name_heads")["organisation"]
    return frozenset(demonyms["adjectives"]), frozenset(demonyms["leading"]), frozenset(heads)


def english_name(mention: Mention, text: str) -> Mention | None:
    """An English capitalised run as a name: without a leading "The"/"A", not a bare adjective
    of nationality ("Russian"), typed ORG by an organisation head noun or as an acronym, LOC when
    the gazetteer knows it; None when nothing of a name is left."""
    from kronika.language.gazetteer import lookup

    adjectives, leading, heads = _english_lists()
    ws = mention.text.split()
    while ws and ws[0] in leading:
        ws = ws[1:]
    if not ws or all(w in adjectives for w in ws) or len(" ".join(ws)) < 2:
        return None
    name = " ".join(ws)
    start = mention.end - len(name) if text[mention.end - len(name):mention.end] == name else mention.start
    label = mention.label
    if any(w in heads for w in ws) or (name.isupper() and len(name) <= 6):
        label = "ORG"
    elif lookup(name):
        label = "LOC"
    return Mention(start, mention.end, text[start:mention.end], label, source=mention.source)


ENGLISH_LINKS = re.compile(r" (?:for|of|and|on|for the|of the|and the) ")


def join_english_runs(mentions: list[Mention], text: str) -> list[Mention]:
    """Capitalised runs split by "for", "of", "and" rejoined where the first is an organisation's
    head: "Center" + "Strategic" + "International Studies" -> "Center for Strategic and International Studies"."""
    heads = _english_lists()[2]
    out: list[Mention] = []
    for m in sorted(mentions, key=lambda m: m.start):
        prev = out[-1] if out else None
        if prev is not None and ENGLISH_LINKS.fullmatch(text[prev.end:m.start]) and \
                (prev.label == "ORG" or any(w in heads for w in prev.text.split())):
            out[-1] = Mention(prev.start, m.end, text[prev.start:m.end], "ORG", source=prev.source)
        else:
            out.append(m)
    return out


def in_english(doc: Doc, mention: Mention) -> bool:
    sentence = doc.sentence_at(mention.start)
    return (sentence.lang if sentence else doc.article.lang) == "en"
