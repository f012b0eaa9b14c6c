"""Who, whom and where of an event, read from the grammar of its clause.

Polish marks roles with case: the nominative subject acts, ``z`` + instrumental is the partner,
``w``/``na`` + locative the place, the genitive after a nominalised trigger its object
(``zdobyciu Pokrowska``). English marks them with word order and prepositions. Both are
declared per language in ``lang/<lang>/events.yaml`` under ``roles``; this module only walks
the tokens.

A mention's *governor* is found by walking left from it over its noun phrase (titles, adjectives,
genitive attributes, coordinated names) to the first preposition, or to the trigger itself.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from functools import cached_property

from kronika.model import Doc, Mention, Token

VERB_CLASSES = {"fin", "praet", "inf", "imps", "impt", "bedzie", "pcon", "pant", "winien", "pred", "aglt"}
NOUN_CLASSES = {"subst", "ger", "depr"}
FINITE = {"fin", "praet", "imps", "bedzie"}
QUOTE_MARKS = {",", '"', "„", "”", "“", "«", "»", "'"}  # passed over between a verb and its object
PUNCT_CLASSES = {"interp"}
UPOS_TO_CLASS = {  # English (and any tokens tagged only with UPOS) mapped onto the same classes
    "VERB": "fin", "AUX": "fin", "NOUN": "subst", "PROPN": "subst", "ADJ": "adj", "ADP": "prep",
    "CCONJ": "conj", "SCONJ": "comp", "PART": "qub", "NUM": "num", "PUNCT": "interp", "DET": "adj",
    "PRON": "ppron3", "ADV": "adv", "X": "ign",
}

CASES = frozenset({"nom", "gen", "dat", "acc", "inst", "loc", "voc"})


def lemma(tok: Token) -> str:
    """The lemma without Morfeusz's homonym mark (``by:T`` -> ``by``); the lower-cased word as fallback."""
    base = tok.lemma.split(":", 1)[0] if tok.lemma else ""
    return base or tok.text.lower()


def word_class(tok: Token) -> str:
    """The NKJP grammatical class (``subst``, ``praet``...), from the tag or, failing that, the UPOS."""
    if tok.tag and tok.lang == "pl":
        return tok.tag.split(":", 1)[0]
    if tok.pos:
        return UPOS_TO_CLASS.get(tok.pos, "ign")
    return "interp" if not tok.text[:1].isalnum() else "ign"


def cases(tok: Token) -> set[str]:
    """The cases a Polish tag allows (``dat.loc`` gives both); empty where the tag has none."""
    if tok.lang != "pl" or not tok.tag:
        return set()
    return _tag_values(tok.tag) & CASES


@dataclass(slots=True)
class Arg:
    entity: str  # entity id
    role: str  # actor, recipient, location, destination, subject (a nominative: acts when its verb does)
    label: str  # PER, ORG, LOC
    start: int
    end: int


_LAST_VIEW: list = [None]  # the view of the doc the pipeline is on


@dataclass
class DocView:
    """Index of a doc for the event stages: tokens per sentence, mentions per token."""

    doc: Doc
    token_starts: list[int] = field(init=False)
    mentions: list[Mention] = field(init=False)

    @classmethod
    def of(cls, doc: Doc) -> "DocView":
        """The view of a doc, built once for the events and the claims stage that follows it."""
        last = _LAST_VIEW[0]
        if last is not None and last.doc is doc and len(last.lemmas) == len(doc.tokens) and last.mention_count == len(doc.mentions):
            return last
        _LAST_VIEW[0] = view = cls(doc)
        return view

    def __post_init__(self):
        self.token_starts = [t.start for t in self.doc.tokens]
        self.mentions = sorted((m for m in self.doc.mentions if m.entity_id), key=lambda m: m.start)
        self._mention_starts = [m.start for m in self.mentions]
        self._references: dict[tuple[int, int], str | None] = {}
        self._clauses: dict[int, list[range]] = {}
        self.lemmas = [lemma(t) for t in self.doc.tokens]  # asked for again and again: once per doc
        self.mention_count = len(self.doc.mentions)

    @cached_property
    def sentences(self) -> list[range]:
        """Token index ranges, one per sentence (one for the whole text when no sentences)."""
        if not self.doc.sentences:
            return [range(0, len(self.doc.tokens))] if self.doc.tokens else []
        out = []
        for s in self.doc.sentences:
            i = bisect.bisect_left(self.token_starts, s.start)
            j = bisect.bisect_left(self.token_starts, s.end)
            if j > i:
                out.append(range(i, j))
        return out

    @cached_property
    def time_tokens(self) -> frozenset[int]:
        """Tokens inside time expressions: no participant's noun phrase runs across them."""
        out = set()
        for t in self.doc.times:
            out.update(range(self.token_index(t.start), self.token_index(max(t.end - 1, t.start)) + 1))
        return frozenset(out)

    def clauses(self, sentence: range, cfg: dict) -> list[range]:
        """``split_clauses`` of a sentence, cut once per doc."""
        if sentence.start not in self._clauses:
            self._clauses[sentence.start] = split_clauses(self.doc.tokens, sentence, cfg)
        return self._clauses[sentence.start]

    @cached_property
    def lowered(self) -> list[tuple[str, str]]:
        """(lemma, word) of each token in lower case: the form the word lists are looked up in."""
        return [(base.lower(), t.text.lower()) for base, t in zip(self.lemmas, self.doc.tokens)]

    def tokens_with(self, words: frozenset[str]) -> list[int]:
        """Indices of the tokens whose lemma or word in lower case is one of ``words`` (a list made
        by :func:`lower_case`; it then holds every token whose lemma or word, as written or in lower
        case, is on the original list): the few tokens a word list can match, found in one pass so
        that the clauses holding none of them are passed over (see :func:`within`)."""
        return [i for i, (low_base, low_word) in enumerate(self.lowered) if low_base in words or low_word in words]

    def reference(self, start: int, end: int) -> str | None:
        """``reference`` of a span, asked once per doc (the entity linker's role search is not cheap)."""
        key = (start, end)
        if key not in self._references:
            self._references[key] = reference(self.doc, start, end)
        return self._references[key]

    def token_index(self, offset: int) -> int:
        return max(bisect.bisect_right(self.token_starts, offset) - 1, 0)

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        i = bisect.bisect_left(self._mention_starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def clause_mentions(self, clause: range) -> list[tuple[Mention, int, int]]:
        """The mentions inside a clause, each with the indices of its first and last token."""
        tokens = self.doc.tokens
        return [(m, self.token_index(m.start), self.token_index(max(m.end - 1, m.start)))
                for m in self.mentions_in(tokens[clause.start].start, tokens[clause.stop - 1].end)]

    def label(self, entity_id: str) -> str:
        e = self.doc.entity(entity_id)
        return e.type if e else "ORG"


def lower_case(*lists) -> frozenset[str]:
    """The words of the lists in lower case, for :meth:`DocView.tokens_with` (what is no string,
    such as a YAML ``no`` read as False, matches no token and is left out)."""
    return frozenset(w.lower() for words in lists for w in words if isinstance(w, str))


def within(indices: list[int], span: range) -> list[int]:
    """The indices (sorted) that lie in ``span``."""
    return indices[bisect.bisect_left(indices, span.start):bisect.bisect_left(indices, span.stop)]


def split_clauses(tokens: list[Token], span: range, cfg: dict) -> list[range]:
    """Clauses of one sentence: cut at ``; : – ( )`` and at a comma before a clause opener."""
    breaks = set(cfg["breaks"])
    openers = set(cfg["openers"])
    bare = set(cfg.get("bare_openers", ()))  # open a clause even without a comma (English "said that")
    out, start = [], span.start
    for i in span:
        tok = tokens[i]
        cut = tok.text in breaks
        if tok.text.lower() in bare and i > start:
            out.append(range(start, i))
            start = i
            continue
        if not cut and tok.text == "," and i + 1 < span.stop:
            nxt = tokens[i + 1]
            if word_class(nxt) == "prep" and i + 2 < span.stop:  # ", na które", ", w których"
                nxt = tokens[i + 2]
            # an opener, or a finite verb: "Jak podał Kommersant, zakończyły się rozmowy"
            cut = lemma(nxt) in openers or nxt.text.lower() in openers or word_class(nxt) in FINITE
        if cut and i > start:
            out.append(range(start, i))
            start = i + 1
        elif cut:
            start = i + 1
    if start < span.stop:
        out.append(range(start, span.stop))
    return out


class RoleReader:
    """Reads the arguments of one trigger from its clause (one instance per language)."""

    def __init__(self, cfg: dict):
        self.preps: dict[str, dict[str, str]] = cfg["prepositions"]
        self.bare: dict[str, str] = cfg.get("bare_cases", {})
        self.np_classes = set(cfg["noun_phrase_classes"])
        self.coordinators = set(cfg["coordinators"])
        self.skip_words = set(cfg.get("skip_words", ()))  # words a noun phrase may start with ("the")

    def governor(self, tokens: list[Token], first: int, clause: range, trigger: int, stops: frozenset[int] = frozenset(),
                 time_tokens: frozenset[int] = frozenset()) -> int | None:
        """Index of the preposition or trigger that governs the phrase starting at ``first``.

        ``stops`` are other triggers: a phrase they govern is theirs. The walk ends with no governor
        at a time expression, and at a noun whose case cannot head or continue the phrase
        (a nominative subject does not sit inside ``w Genewie``)."""
        i = first - 1
        current = cases(tokens[first])
        while i >= clause.start:
            if i == trigger or i in stops:
                return i
            if i in time_tokens:
                return None
            tok = tokens[i]
            cls = word_class(tok)
            word = lemma(tok).lower()
            if cls == "prep" or word in self.preps:
                return i
            if cls in self.np_classes or word in self.coordinators or word in self.skip_words or tok.text in {".", "-", "'"}:
                found = cases(tok)
                if found and current and not (found & current) and "gen" not in current and "gen" not in found:
                    return None
                if found and found != {"gen"}:
                    current = found
                i -= 1
                continue
            return None
        return None

    def after_verb(self, tokens: list[Token], first: int, last: int, clause: range,
                   time_tokens: frozenset[int] = frozenset()) -> bool:
        """An inanimate noun (masculine inanimate or neuter: its nominative is its accusative) whose
        phrase follows a verb, over adjuncts (``ostrzelały w nocy Charków``): the verb's object,
        whatever the tagger chose."""
        if not _tag_values(tokens[last].tag) & {"m3", "n"}:
            return False
        i = first - 1
        while i >= clause.start and (word_class(tokens[i]) in self.np_classes or lemma(tokens[i]).lower() in self.coordinators
                                     or tokens[i].text in QUOTE_MARKS or i in time_tokens or word_class(tokens[i]) == "prep"):
            i -= 1
        return i >= clause.start and word_class(tokens[i]) in VERB_CLASSES

    def role(self, tokens: list[Token], first: int, last: int, clause: range, trigger: int, gen_role: str,
             stops: frozenset[int] = frozenset(), time_tokens: frozenset[int] = frozenset()) -> str | None:
        """The role of the mention spanning tokens first..last, or None when it is only an attribute.
        A nominative with no preposition is the clause's ``subject``: the caller decides whether it acts."""
        case = cases(tokens[last]) | cases(tokens[first])  # a name's head is its first or its last word
        gov = self.governor(tokens, first, clause, trigger, stops, time_tokens)
        if gov is not None and gov in stops:
            return None  # the phrase belongs to another trigger or is a time expression
        if gov is not None and gov != trigger:
            by_case = self.preps.get(lemma(tokens[gov]).lower())
            if not by_case:
                return None
            if "any" in by_case:
                return by_case["any"]
            for c, by in by_case.items():  # in the order listed: ``case`` is a set, its order would change from run to run
                if c in case:
                    return by
            # a case the preposition does not take: an indeclinable name right after it ("w Miami") still counts
            return next(iter(by_case.values())) if not case or gov == first - 1 else None
        if gov == trigger:
            if word_class(tokens[trigger]) in NOUN_CLASSES and (not case or "gen" in case):
                return gen_role
            return "recipient"
        if case:
            if "nom" in case and self.after_verb(tokens, first, last, clause, time_tokens):
                return "recipient"
            for c in ("nom", "dat", "acc"):
                if c in case and c in self.bare:
                    return self.bare[c]
            return None
        return "subject" if first < trigger else "recipient"

    def arguments(self, view: DocView, clause: range, trigger: int, gen_role: str,
                  stops: frozenset[int] = frozenset()) -> list[Arg]:
        tokens = view.doc.tokens
        out = []
        for m, first, last in view.clause_mentions(clause):
            if first <= trigger <= last:
                continue
            role = self.role(tokens, first, last, clause, trigger, gen_role, stops, view.time_tokens)
            if role:
                out.append(Arg(m.entity_id, role, view.label(m.entity_id), m.start, m.end))
        return out

    def subjects(self, view: DocView, clause: range) -> list[Arg]:
        """Nominative mentions of a clause with no preposition before them: who a verb's clause is about."""
        tokens = view.doc.tokens
        out = []
        for m, first, last in view.clause_mentions(clause):
            case = cases(tokens[last]) | cases(tokens[first])  # a name's head is its first or its last word
            if _oblique_modifier(tokens, first, clause):
                continue  # "(nie kontrolują) całego Pokrowska": a name tagged nominative after a genitive adjective
            if (self.governor(tokens, first, clause, -1, frozenset(), view.time_tokens) is None and (not case or "nom" in case)
                    and not self.after_verb(tokens, first, last, clause, view.time_tokens)):
                out.append(Arg(m.entity_id, "subject", view.label(m.entity_id), m.start, m.end))
        return out


def _oblique_modifier(tokens, first: int, clause: range) -> bool:
    """Whether the adjective right before a name has a case and it is not the nominative: the name,
    whatever its own tag says, is then in that case too (names that are also adjectives,
    "Pokrowska", are often tagged nominative)."""
    j = first - 1
    if j < clause.start or word_class(tokens[j]) != "adj":
        return False
    case = cases(tokens[j])
    return bool(case) and "nom" not in case


def reference(doc: Doc, start: int, end: int) -> str | None:
    """The entity id the language stage resolves a span to (a role phrase, a demonym), or None."""
    from kronika.language.entities import resolve_reference

    entity = resolve_reference(doc, start, end)
    return entity.id if entity else None


def _dictionary_entity(doc: Doc, name: str):
    from kronika.language.entities import entity_named

    return entity_named(doc, name)


def nominative_reference(view: DocView, clause: range, heads: frozenset[str] = frozenset(),
                         stems: dict[str, str] | None = None) -> Arg | None:
    """A subject written as a role phrase (``strona rosyjska``, ``przedstawiciele Kremla``) that the
    entity linker resolves, or whose relational adjective names a party (``rosyjskie wojska``, with
    ``stems`` as in :func:`adjective_parties`): the first such nominative noun phrase of the clause
    whose head is one of ``heads`` (``strona``, ``władze``, ``wojsko``)."""
    tokens = view.doc.tokens
    for i in clause:
        tok = tokens[i]
        if word_class(tok) not in NOUN_CLASSES or "nom" not in cases(tok):
            continue
        if i > clause.start and word_class(tokens[i - 1]) == "prep":
            continue
        k = i
        while k - 1 >= clause.start and word_class(tokens[k - 1]) in ("adj", "adja"):
            k -= 1
        j = i
        while j + 1 < clause.stop and (word_class(tokens[j + 1]) in ("adj", "adja")
                                       or "gen" in cases(tokens[j + 1]) and word_class(tokens[j + 1]) in NOUN_CLASSES):
            j += 1
        if lemma(tok).lower() not in heads:
            continue  # names and demonyms are mentions already; asking the linker is not cheap
        entity = view.reference(tokens[k].start, tokens[j].end)
        if entity is None and stems:
            named = _named_parties(view, range(k, j + 1), stems)
            entity = named[0].id if named else None
        if entity:  # spanning its head noun, whose number the verb agrees with
            return Arg(entity, "subject", view.label(entity), tok.start, tok.end)
    return None


def _named_parties(view: DocView, indices, stems: dict[str, str]) -> list:
    """The entities that relational adjectives among these tokens name (``rosyjsko-amerykańskie``): the
    doc's own, else the actor dictionary's (added to the doc)."""
    by_name = {}
    for e in view.doc.entities:
        for name in (e.name, *e.aliases):
            by_name.setdefault(name, e)
    out = []
    for j in indices:
        for part in view.doc.tokens[j].text.lower().split("-"):
            name = next((n for stem, n in stems.items() if part.startswith(stem)), None)
            entity = (by_name.get(name) or _dictionary_entity(view.doc, name)) if name else None
            if entity and entity not in out:
                out.append(entity)
    return out


def adjective_parties(view: DocView, clause: range, trigger: int, stems: dict[str, str]) -> list[Arg]:
    """Parties named by relational adjectives around a trigger noun: ``rozmowy rosyjsko-amerykańskie``,
    ``rosyjskie żądania``, ``rozmowy amerykańskiej i rosyjskiej delegacji``. ``stems`` maps an adjective
    stem to the party's name; the party must be an entity of the doc already."""
    tokens = view.doc.tokens
    window = []
    j = trigger - 1
    while j >= clause.start and word_class(tokens[j]) in ("adj", "adja", "interp", "conj", "ign") and trigger - j <= 4:
        window.append(j)
        j -= 1
    j = trigger + 1
    while j < clause.stop and j - trigger <= 5:
        cls = word_class(tokens[j])
        if cls in ("adj", "adja", "conj", "interp", "ign", "adv") or (cls in NOUN_CLASSES and word_class(tokens[j - 1]) in ("adj", "adja")):
            window.append(j)
            j += 1
            continue
        break
    start, end = tokens[trigger].start, tokens[trigger].end
    return [Arg(e.id, "actor", e.type, start, end) for e in _named_parties(view, sorted(window), stems)]


GENDERS = {"m1", "m2", "m3", "f", "n"}


def _tag_values(tag: str) -> set[str]:
    return {v for part in tag.split(":")[1:] for v in part.split(".")}


def agrees(view: DocView, verb: Token, subjects: list[Arg]) -> bool:
    """Whether a verb can have these subjects: number, and a neuter past tense only a neuter subject
    (``udało`` cannot take ``Uszakow``; ``zajęli`` takes ``Rosjanie``). Unknown features agree."""
    if not subjects:
        return False
    verb_values = _tag_values(verb.tag)
    number = verb_values & {"sg", "pl"}
    if not number:
        return True
    if len(subjects) > 1:
        return "pl" in number
    head = view.doc.tokens[view.token_index(max(subjects[0].end - 1, subjects[0].start))]
    values = _tag_values(head.tag)
    if values & {"sg", "pl"} and not (values & number):
        return False
    # gender only where it is sure: a neuter verb ("udało się") takes no person (taggers guess names' gender)
    return not (number == {"sg"} and verb_values & GENDERS == {"n"} and values & GENDERS and "n" not in values)
