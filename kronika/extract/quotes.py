"""The quotes stage: direct quotations with their speakers, and reported speech.

``find_quotes(doc)`` fills ``doc.quotes`` with the DIRECT quotations only: words in quotation
marks, dash-introduced lines of speech and embedded social-media posts, each with the speaker
the article gives (an entity id) or None. Quoted words nobody is said to have said (scare
quotes, titles, named plans, teasers of other articles) are not quotes.

Reported speech (``Uszakow poinformował, że ...``, ``według Uszakowa ...``, ``jak przekazał
Pieskow, ...``) is kept apart, as :class:`Quote` objects with ``direct=False``: the quotes layer
means word-for-word quotations (that is what the gold and ``score.py`` count), and mixing
paraphrases into it would make "what exactly did Uszakow say" unanswerable. They are returned
by :func:`find_statements` and stored in ``doc.statements``.

``source_chain`` lists, for a quote or statement that passed through others, the entity ids
from the outermost relay to the innermost source: ``powiedział Uszakow, cytowany przez
Interfax`` -> [Interfax, Uszakow]; ``jak podała agencja Reutera, powołując się na Kommersant``
-> [Reuters, Kommersant]. It is empty when the speaker is quoted first-hand.
"""
from __future__ import annotations

import bisect
import re

from kronika.extract import language_of
from kronika.extract.quote_marks import (SENTENCE_END, Quoted, Spans, dash_speech, embedded_posts, outermost,
                                         quotation_marks, sentence_ends, trim)
from kronika.extract.quote_speakers import Attribution, Speakers
from kronika.extract.quote_subjects import Candidate, Speech, by_first_word, gender
from kronika.model import Doc, Quote, Span

WORD = re.compile(r"\w+")


def find_quotes(doc: Doc) -> Doc:
    finder = QuoteFinder(doc)
    doc.quotes = finder.direct
    doc.statements = finder.statements
    return doc


def find_statements(doc: Doc) -> list[Quote]:
    """Reported speech in ``doc``: Quote objects with ``direct=False``."""
    return QuoteFinder(doc).statements


class QuoteFinder:
    """Runs over one document once; ``direct`` and ``statements`` hold the results."""

    def __init__(self, doc: Doc):
        self.doc, self.text = doc, doc.text
        self.lang = language_of(doc)
        self.speech = Speech.load(self.lang)
        if self.text and not doc.tokens:
            _annotate(doc)
        self.sp = Speakers(doc, self.speech)
        self.tokens = doc.tokens
        self.sentences = [(s.start, s.end) for s in doc.sentences] or self._sentences_by_punctuation()
        self.sentence_starts = [s for s, _ in self.sentences]
        self.paragraphs = [(p.start, p.end) for p in doc.article.paragraphs] or \
            [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", self.text)]
        self.paragraph_starts = [s for s, _ in self.paragraphs]
        self.teaser_links = self._teaser_links()
        self.verbs: dict[tuple[int, bool, bool], str | None] = {}  # _speech_verb's answers, by token and kind
        self.attributions: dict[int, Attribution] = {}  # by the offset of the verb or marker
        self.closing_verbs: set[int] = set()  # token indices of verbs that close a quote
        # the tokens that may be a speech verb or open "według X": the only ones reported speech
        # can start at (most words are neither, so the token-by-token passes look at these alone)
        openers = by_first_word(self.speech.according_to)
        self.speech_tokens = [k for k, (lemma, word) in enumerate(zip(self.sp.lemmas, self.sp.lowered))
                              if lemma in self.speech.verbs or word in openers]
        # the first words of "cytowany przez", "powołując się na"...: _chain's phrases start with these
        self.chain_openers = by_first_word(self.speech.source_cited).keys() | by_first_word(self.speech.relayed_by).keys()
        self.direct: list[Quote] = []
        self.statements: list[Quote] = []
        if self.text and self.tokens:
            self._run()

    # --- text geometry -------------------------------------------------------------------
    def _sentences_by_punctuation(self) -> list[tuple[int, int]]:
        out, start = [], 0
        for end in sentence_ends(self.text):
            if self.text[start:end].strip():
                out.append((start, end))
            start = end
        return out

    def sentence(self, offset: int) -> tuple[int, int]:
        i = max(bisect.bisect_right(self.sentence_starts, offset) - 1, 0)
        return self.sentences[i] if self.sentences else (0, len(self.text))

    def previous_sentence(self, offset: int) -> tuple[int, int] | None:
        i = bisect.bisect_right(self.sentence_starts, offset) - 2
        return self.sentences[i] if i >= 0 else None

    def paragraph(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self.paragraph_starts, offset) - 1  # paragraphs are sorted and disjoint
        return self.paragraphs[i] if i >= 0 and offset < self.paragraphs[i][1] else (0, len(self.text))

    def _teaser_links(self) -> list[tuple[int, int, int]]:
        """Each "ZOBACZ:" in the text: where it starts, where its colon ends, and where the first
        sentence after it ends (the end of the text when none does)."""
        out = []
        for prefix in self.speech.teasers:
            marker = prefix + ":"
            at = self.text.find(marker)
            while at >= 0:
                stop = SENTENCE_END.search(self.text, at)
                out.append((at, at + len(marker), stop.end() if stop else len(self.text)))
                at = self.text.find(marker, at + 1)
        return out

    def in_teaser(self, offset: int) -> bool:
        """Is ``offset`` in a link to another article ("ZOBACZ: ...", up to its first full stop)?"""
        if not self.teaser_links:
            return False
        p, _ = self.paragraph(offset)
        return any(p <= at and colon <= offset <= stop for at, colon, stop in self.teaser_links)

    # --- finding ------------------------------------------------------------------------
    def _run(self) -> None:
        dash = dash_speech(self.text, self._closes, lambda i: self.paragraph(i)[1], lambda i: self.sentence(i)[1])
        posts = embedded_posts(self.text, self._post_start, list(self.speech.buttons))
        quoted = outermost(posts + dash + quotation_marks(self.text))
        self.inside = Spans([(q.start, q.end) for q in quoted])
        # a title in quotation marks ("napisała „Gazeta Wyborcza”") may still be a speaker
        labels = [q for q in quoted if q.form == "marks" and self._is_label(q)]
        self.sp.quoted = Spans([(q.start, q.end) for q in quoted if q not in labels])
        self.sp.titles = [(q.start, q.end) for q in labels]
        found: list[tuple[Quoted, Attribution | None]] = []
        previous: tuple[Quoted, Attribution | None] | None = None
        for q in quoted:
            if self.in_teaser(q.outer_start):
                continue
            a = self._attribution(q, previous)
            if a is None and not self._keeps_without_speaker(q):
                continue
            if a is not None:
                a.excluded |= {m.entity_id for m in self.doc.mentions if q.start <= m.start < q.end and m.entity_id}
            if q.form == "marks" and self._is_label(q):
                continue
            found.append((q, a))
            previous = (q, a)
        statements = self._statements()
        self._other_speech()
        self.sp.resolve_all(list(self.attributions.values()))
        self.direct = merge_repeats([self._quote(q, a, True) for q, a in found])
        self.statements = [self._quote(q, a, False) for q, a in statements]

    def _speech_verb(self, k: int, closing: bool = False, labelling: bool = False) -> str | None:
        if not labelling and self.sp.lemmas[k] not in self.speech.verbs:
            return None  # most words: short of a labelling verb, Speech.verb names only the speech verbs
        key = (k, closing, labelling)
        if key not in self.verbs:  # asked of most tokens several times
            nxt = self.tokens[k + 1].text.lower() if k + 1 < len(self.tokens) else ""
            self.verbs[key] = self.speech.verb(self.tokens[k], next_word=nxt, closing=closing, labelling=labelling,
                                               lemma=self.sp.lemmas[k])
        return self.verbs[key]

    def _closes(self, offset: int) -> bool:
        """Does an attribution start at ``offset`` (just after a closing dash)?"""
        return self._closing_verb(offset) is not None

    def _closing_verb(self, offset: int) -> int | None:
        i = self.sp.index(offset)
        for k in range(i, min(i + 7, len(self.tokens))):
            t = self.tokens[k]
            if t.text in (".", "!", "?", "-", "–", "—", "„", '"', "“") or (k > i and t.text[:1] == "\n"):
                return None
            if self._speech_verb(k, closing=True):
                return k
        return None

    def _post_start(self, end: int) -> int:
        """Where an embedded post ending at ``end`` starts: back over sentences in another
        language than the article's, else the paragraph holding it."""
        from kronika.ingest.langid import detect

        s, e = self.sentence(max(end - 1, 0))
        if detect(self.text[s:end]) == self.lang:
            p = self.paragraph(max(end - 1, 0))
            return p[0] if end - p[0] < 1500 else s
        start = s
        while True:
            prev = self.previous_sentence(start)
            if prev is None or detect(self.text[prev[0]:prev[1]]) == self.lang:
                return start
            start = prev[0]

    # --- attribution --------------------------------------------------------------------
    def _attribution(self, q: Quoted, previous) -> Attribution | None:
        if q.form == "post":
            return self._post_author(q)
        closing = q.closing if q.form == "dash" else self._after_marks(q)
        if closing is not None:
            v = self._closing_verb(closing)
            if v is not None and (q.form == "dash" or self._dash_before(closing) or v - self.sp.index(closing) <= 1):
                self.closing_verbs.add(v)
                a = self._verb_attribution(v, trailing=True, lo=self.sp.index(closing))
                if q.form == "marks":  # "Według X ... „...” - podała agencja": X said it, the agency relayed it
                    marker = self._sentence_marker(q.outer_start)
                    if marker is not None and marker.subject is not None:
                        marker.chain_before = [a.subject] if a.subject is not None else []
                        return marker
                return a
        if q.form == "dash":
            prev = self.previous_sentence(q.outer_start)
            if prev and self.text[prev[0]:prev[1]].rstrip().endswith(":"):
                return self._before(prev[0], prev[1])
            if previous and previous[0].form == "dash" and previous[1] is not None \
                    and not self.text[self.sentence(previous[0].outer_end)[1]:q.outer_start].strip():
                return previous[1]  # "- A - powiedział X. - B." : B is X's too
            return None
        s, _ = self.sentence(q.outer_start)
        ends = [m.end() for m in SENTENCE_END.finditer(self.text, s, q.outer_start)]
        return self._before(max([s, *ends]), q.outer_start)  # a splitter may run on past „...”. "No"

    def _after_marks(self, q: Quoted) -> int | None:
        """Offset of the attribution after closing marks (``„...” - dodał``, ``"...," said X``)."""
        m = re.match(r"[ \t]*(,?[ \t]*[-–—][ \t]+|,[ \t]*)", self.text[q.outer_end:])
        if m:
            return q.outer_end + m.end()
        if self.text[q.end:q.outer_end][:1] in ",?!" or self.text[q.end - 1:q.end] in ",?!":
            return q.outer_end + len(self.text[q.outer_end:]) - len(self.text[q.outer_end:].lstrip(" \t"))
        return None

    def _sentence_marker(self, offset: int) -> Attribution | None:
        """A ``według X`` that opens the sentence holding ``offset``."""
        s, _ = self.sentence(offset)
        k = self.sp.index(s)
        n = self.sp.phrase_at(k, self.speech.according_to) if k < len(self.tokens) else 0
        return self._marker_attribution(k, n) if n and self.tokens[k].start < offset else None

    def _dash_before(self, offset: int) -> bool:
        """Was the attribution at ``offset`` opened by a dash (not just a comma, which may
        start a new clause: „...”, a Tshisekedi ocenił...)?"""
        return any(c in "-–—" for c in self.text[max(0, offset - 3):offset])

    def _before(self, lo: int, hi: int) -> Attribution | None:
        """The last speech verb or ``według X`` marker in [lo, hi) outside other quotes."""
        i, j = self.sp.index(lo), self.sp.index(hi)
        markers_only = False
        for k in range(j - 1, i - 1, -1):
            t = self.tokens[k]
            if self._inside(t.start):
                continue
            if self._speech_verb(k, labelling=True) and not markers_only:
                if self.sp.passive(k) and self.sp.agent(k, self.sp.index(self.sentence(t.start)[1])) is None:
                    # "może być postrzegana jako „...”": only a "zdaniem X" may still name the source
                    markers_only = True
                    continue
                return self._verb_attribution(k, trailing=False, lo=i)
            n = self.sp.phrase_at(k, self.speech.according_to)
            if n:
                return self._marker_attribution(k, n)
        return None

    def _verb_attribution(self, v: int, trailing: bool, lo: int) -> Attribution:
        t = self.tokens[v]
        if t.start in self.attributions:
            return self.attributions[t.start]
        s, e = self.sentence(t.start)
        lo = max(lo, self.sp.index(s)) if not trailing else lo
        hi = self.sp.index(e)
        subject = self.sp.subject(v, lo, hi, trailing)
        nxt = self.tokens[v + 1].text.lower() if v + 1 < len(self.tokens) else ""
        impersonal = t.tag.startswith("imps") or (t.tag.startswith("fin:sg:ter") and nxt == "się")  # "mówi się"
        a = Attribution(t.start, self.speech.lemma(t), gender(t.tag), subject, impersonal=impersonal)
        self._chain(a, self.sp.index(s), hi)
        self.attributions[t.start] = a
        return a

    def _marker_attribution(self, k: int, n: int) -> Attribution:
        t = self.tokens[k]
        if t.start not in self.attributions:
            s, e = self.sentence(t.start)
            found = self.sp.candidates(k + n, self.sp.index(e), skip_phrases=False, oblique=True)[:2]
            named = [c for c in found if not c.role]  # "według ministra energii Larsa Aagaarda"
            self.attributions[t.start] = Attribution(t.start, None, None, (named or found or [None])[0])
        return self.attributions[t.start]

    def _post_author(self, q: Quoted) -> Attribution:
        s, e = q.author
        mention = self.sp.mention_at(s)
        if mention is None or mention.end < e - 1:  # the whole signature names the author
            label = "ORG" if any(w.lower() in self.speech.roles for w in WORD.findall(self.text[s:e])) else "PER"
            entity = self.sp.named(self.text[s:e].strip(), label, base=False)
            a = Attribution(s, None, None, None, speaker=entity.id, speaker_text=self.text[s:e].strip())
        else:
            a = Attribution(s, None, None, Candidate(mention.start, mention.end, mention=mention))
        self.attributions[s] = a
        return a

    def _chain(self, a: Attribution, i: int, j: int) -> None:
        """Relays and sources named around the verb: ``cytowany przez X``, ``powołując się na Y``."""
        openers = self.chain_openers
        for k in range(i, j):
            if self.sp.lowered[k] not in openers or self._inside(self.tokens[k].start):
                continue  # no phrase of either kind starts here
            n = self.sp.phrase_at(k, self.speech.source_cited)
            if n:
                found = self.sp.candidates(k + n, j, skip_phrases=False)
                a.chain_after += found[:1]
            n = self.sp.phrase_at(k, self.speech.relayed_by)
            if n and self.tokens[k].start > a.pos:
                found = self.sp.candidates(k + n, j, skip_phrases=False)
                a.chain_before += found[:1]

    def _inside(self, offset: int) -> bool:
        return self.inside.holds(offset)

    # --- filters ------------------------------------------------------------------------
    def _keeps_without_speaker(self, q: Quoted) -> bool:
        """A dash line opening a paragraph is speech even when the article names no speaker."""
        return q.form == "dash" and len(self.paragraphs) > 2 and self.paragraph(q.outer_start)[0] == q.outer_start

    def _is_label(self, q: Quoted) -> bool:
        """Scare quotes and names: ``tzw. „...”``, ``plan „...”``, ``„Financial Times”``."""
        before = self.tokens[max(0, self.sp.index(q.outer_start) - 3):self.sp.index(q.outer_start)]
        lowered = [t.text.lower() for t in before]
        for marker in self.speech.label_markers:
            if tuple(lowered[-len(marker):]) == marker:
                return True
        ws = WORD.findall(self.text[q.start:q.end])
        return bool(ws) and len(ws) <= 6 and all(w[:1].isupper() or w.isdigit() or len(w) <= 3 for w in ws) \
            and self.text[q.end - 1] not in ".!?…" and ws[0][:1].isupper() and len(ws) < 4 + (len(ws) > 1)

    # --- reported speech ----------------------------------------------------------------
    def _statements(self) -> list[tuple[Quoted, Attribution]]:
        out = []
        for k in self.speech_tokens:
            t = self.tokens[k]
            if self._inside(t.start) or self.in_teaser(t.start):
                continue
            found = self._reported(k)
            if found is None:
                continue
            (start, end), a = found
            start, end = trim(self.text, start, end)
            start = start + (self.text[start] == ",") if end > start else start
            start, end = trim(self.text, start, end)
            quoted = {w for qs, qe in self.inside if start <= qs < end for w in WORD.findall(self.text[qs:qe])}
            if len(set(WORD.findall(self.text[start:end])) - quoted) >= 3:
                s, e = self.sentence(t.start)
                out.append((Quoted(start, end, s, e, "reported"), a))
        return out

    def _reported(self, k: int) -> tuple[tuple[int, int], Attribution] | None:
        """The reported words and attribution of the speech verb or ``według`` marker at token ``k``."""
        if not self._speech_verb(k, closing=True) and not self.sp.phrase_at(k, self.speech.according_to):
            return None  # most words: neither a speech verb (of any kind) nor "według"
        t = self.tokens[k]
        s, e = self.sentence(t.start)
        dash_before = k > 0 and self.tokens[k - 1].text in ("-", "–", "—")
        if dash_before and k not in self.closing_verbs and self._speech_verb(k, closing=True) \
                and self.text[s:self.tokens[k - 1].start].strip():
            # "Delegacje spotkają się w czwartek – poinformował X." (no opening dash: a paraphrase)
            return (s, self.tokens[k - 1].start), self._verb_attribution(k, trailing=True, lo=k)
        if self._speech_verb(k) and k not in self.closing_verbs:
            nxt = self._complementiser_after(k)
            if nxt is not None:
                body = (self.tokens[nxt].end, e)
            elif k > 0 and self.sp.lemmas[k - 1] == "jak" and "," in self.text[t.end:e]:
                comma = self.text.index(",", t.end)
                if self.sp.phrase_at(self.sp.index(comma + 1), self.speech.source_cited) and "," in self.text[comma + 1:e]:
                    comma = self.text.index(",", comma + 1)  # past "powołując się na X,"
                body = (comma + 1, e)
            else:
                return None
            return body, self._verb_attribution(k, trailing=False, lo=self.sp.index(s))
        n = self.sp.phrase_at(k, self.speech.according_to)
        if not n or t.start in self.attributions:
            return None
        a = self._marker_attribution(k, n)
        after = a.subject.end if a.subject else self.tokens[k + n - 1].end
        return ((after, e) if self.text[s:t.start].strip() == "" else (s, e)), a

    def _other_speech(self) -> None:
        """Speech verbs that carry neither a quote nor a reported clause ("Bogucki skomentował
        w TVN24 odwołanie spotkania") still tell who spoke last, when their subject is a linked person."""
        for k in self.speech_tokens:
            t = self.tokens[k]
            if t.start in self.attributions or self._inside(t.start) or not self._speech_verb(k) \
                    or t.tag.split(":")[0] not in ("praet", "fin"):  # not "cytowany przez IFX"
                continue
            s, e = self.sentence(t.start)
            subject = self.sp.subject(k, self.sp.index(s), self.sp.index(e), trailing=False)
            if subject is not None and subject.mention is not None and subject.mention.entity_id \
                    and subject.mention.label == "PER":
                self.attributions[t.start] = Attribution(t.start, self.speech.lemma(t), gender(t.tag), subject)

    def _complementiser_after(self, v: int) -> int | None:
        """``powiedział (dziennikarzom), że``: the index of "że" when it follows the verb closely."""
        for k in range(v + 1, min(v + 6, len(self.tokens))):
            if self.sp.lemmas[k] in self.speech.complementisers and self.sp.lemmas[k] != "czy":
                return k
            if k == v + 1 and self.speech.lemma(self.tokens[v]) in self.speech.complement_optional \
                    and self.tokens[k].text[:1].isalpha():
                return v  # "said the talks were useful": the clause starts right after the verb
            if self.tokens[k].text in ".!?:;\"„”" or self._speech_verb(k, closing=True) \
                    or self.tokens[k].tag.split(":")[0] in ("praet", "fin"):
                return None
        return None

    # --- output -------------------------------------------------------------------------
    def _quote(self, q: Quoted, a: Attribution | None, direct: bool) -> Quote:
        text = self.text[q.start:q.end]
        s = self.sentence(q.outer_start)[0]
        e = self.sentence(a.pos)[1] if a is not None and a.pos >= q.end else self.sentence(max(q.end - 1, 0))[1]
        lang = self.lang
        if q.form == "post":
            from kronika.ingest.langid import detect

            lang = detect(text, self.lang)
            s = q.start
        return Quote(q.start, q.end, text, speaker=a.speaker if a else None, speaker_text=a.speaker_text if a else None,
                     direct=direct, verb=a.verb if a else None, lang=lang,
                     source_chain=list(a.source_chain) if a else [], evidence=Span(min(s, q.start), max(e, q.end),
                                                                               self.text[min(s, q.start):max(e, q.end)]),
                     handle=q.handle, posted=q.posted)


def merge_repeats(quotes: list[Quote]) -> list[Quote]:
    """One quote for words an article repeats (a lead summary, a heading, the body): of two
    quotes by the same speaker where the shorter shares all its words, or at least half of them
    and three or more, with the longer, keep the longer."""
    kept: list[tuple[Quote, set[str]]] = []  # with the set of its words
    for q in sorted(quotes, key=lambda q: -len(WORD.findall(q.text))):
        ws = set(WORD.findall(q.text.lower()))
        if not any((k.speaker == q.speaker or q.speaker is None) and _repeats(ws, kws) for k, kws in kept):
            kept.append((q, ws))
    return sorted((q for q, _ in kept), key=lambda q: q.start)


def _repeats(shorter: set[str], longer: set[str]) -> bool:
    shared = len(shorter & longer)
    return shared == len(shorter) or shared >= max(3, 0.5 * len(shorter))


def _annotate(doc: Doc) -> None:
    """Tokens for a document that skipped the language stage (the quotes stage needs verbs)."""
    from kronika.language.core import annotate

    annotate(doc)
