"""Claims: events reported as someone's assertion, with the stances others take on them.

``Gierasimow poinformował o zdobyciu Pokrowska. Doniesień tych nie potwierdzają Ukraińcy.`` gives
a claim by Gierasimow about Pokrowsk (type COERCE), disputed, with Ukraine's ``does_not_confirm``.

An event found by the events stage is *reported* when a report verb (``twierdzi``, ``poinformował``)
or a source preposition (``według``) precedes it in its sentence. It becomes a claim when the verb
leaves the truth with the speaker, when the event is of a contested kind (captures, strikes), or
when someone takes a stance on it in the same or the next sentences. A claim that is disputed, or
a contested kind of event known only from its claimant, is no established event: it is taken out of
``doc.events``. The words are in ``lang/<lang>/claims.yaml``.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from kronika import lang as lang_data
from kronika.extract import language_of
from kronika.extract.events import lexicon
from kronika.extract.roles import (NOUN_CLASSES, VERB_CLASSES, DocView, lemma, lower_case, nominative_reference, within,
                                   word_class)
from kronika.model import Claim, Doc, Event, Span, Stance

REPORT_CLASSES = VERB_CLASSES | {"ign", "pact"}  # a report is a verb ("poinformował"), not its gerund
PLACE_FIRST = {"COERCE", "ASSAULT", "RETREAT"}  # claims about these are about the place or target


@dataclass
class Cues:
    report: dict[str, str]
    sources: frozenset[str]
    claim_types: frozenset[str]
    stance_of: dict[str, str]
    contradictions: list[frozenset[str]]
    negation: frozenset[str]
    window: int
    complementizers: frozenset[str]  # "że": the next clause is what is reported
    about: frozenset[str]  # "o": the rest of the clause is what is reported

    def __post_init__(self):
        # the words that make a token worth reading, for DocView.tokens_with
        self.report_words = lower_case(self.report, self.sources)
        self.stance_words = lower_case(self.stance_of, *self.contradictions)


@cache
def cues(lang: str) -> Cues:
    cfg = lang_data.load(lang, "claims")
    stance_of = {w: stance for stance, ws in cfg["stances"].items() for w in ws}
    return Cues(cfg["report_verbs"], frozenset(cfg["source_prepositions"]), frozenset(cfg["claim_types"]),
                stance_of, [frozenset(c) for c in cfg["contradictions"]], frozenset(cfg["negation"]),
                int(cfg.get("stance_window", 2)), frozenset(cfg["complementizers"]), frozenset(cfg["about"]))


@dataclass
class Report:
    """A report cue in a sentence: who reports, how strongly, and the text it covers: the rest of its
    clause after ``o`` (``poinformował o zdobyciu``) or the complement clause after it (``, że ...``)."""

    claimant: str | None
    strength: str  # assert, inform
    scope: list[tuple[int, int, str]]  # character spans of what is reported, "about" or "that"
    sentence: int


@dataclass
class Found:
    claim: Claim
    sentence: int
    offset: int
    kind: str  # the event's type
    strength: str  # of the report: assert, inform


def _words(view: DocView, i: int) -> tuple[str, str]:
    return view.lowered[i]


def _speaker(view: DocView, clause: range, lang: str) -> str | None:
    """Who speaks in a clause: its nominative subject, or a role phrase or demonym standing as one."""
    subjects = lexicon(lang).roles.subjects(view, clause)
    if subjects:
        return subjects[0].entity
    found = nominative_reference(view, clause, lexicon(lang).reference_heads)
    return found.entity if found else None


def _scope(view: DocView, clauses: list[range], ci: int, i: int, c: Cues) -> list[tuple[int, int, str]]:
    """What a report verb at token i of clause ci reports: its own clause after ``o``, and the following
    clauses when the next one opens with a complementizer."""
    tokens = view.doc.tokens
    clause = clauses[ci]
    out = []
    about = next((k for k in range(i + 1, clause.stop) if _words(view, k)[0] in c.about), None)
    if about is not None:
        out.append((tokens[about].start, tokens[clause.stop - 1].end, "about"))
    if ci + 1 < len(clauses) and _words(view, clauses[ci + 1].start)[0] in c.complementizers:
        nxt = clauses[ci + 1]
        out.append((tokens[nxt.start].start, tokens[nxt.stop - 1].end, "that"))
    return out


def _each_clause(view: DocView, lang: str, cued: list[int]):
    """(sentence index, sentence, its clauses, clause index, clause) over the sentences holding one
    of the ``cued`` tokens (the others are not cut into clauses)."""
    for si, sent in enumerate(view.sentences):
        if not within(cued, sent):
            continue
        clauses = view.clauses(sent, lexicon(lang).clauses)
        for ci, clause in enumerate(clauses):
            yield si, sent, clauses, ci, clause


def _reports(doc: Doc, view: DocView, c: Cues, lang: str) -> list[Report]:
    tokens = doc.tokens
    out = []
    cued = view.tokens_with(c.report_words)  # no other token is a report verb or a source preposition
    for si, sent, clauses, ci, clause in _each_clause(view, lang, cued):
        for i in within(cued, clause):
            lem, word = _words(view, i)
            strength = c.report.get(lem) or c.report.get(word)
            if strength:
                scope = _scope(view, clauses, ci, i, c)
                if word_class(tokens[i]) not in REPORT_CLASSES:  # a noun reading ("twierdzą"): only before "że"
                    scope = [x for x in scope if x[2] == "that"] if i == clause.stop - 1 else []
                if scope:  # the speaker: the clause's subject, or the one before ("Uszakow, przekazał, że")
                    speaker = _speaker(view, clause, lang) or (_speaker(view, clauses[ci - 1], lang) if ci else None)
                    out.append(Report(speaker, strength, scope, si))
                break
            if lem in c.sources or word in c.sources:
                # "według X, ...": the source is the mention right after the preposition
                after = view.mentions_in(tokens[i].end, tokens[clause.stop - 1].end)
                if after:
                    end = tokens[sent.stop - 1].end
                    out.append(Report(after[0].entity_id, "inform", [(after[0].end, end, "that")], si))
                break
    return out


def _stances(doc: Doc, view: DocView, c: Cues, lang: str) -> list[tuple[int, int, Stance]]:
    """(sentence, offset, stance) for every stance cue; its holder is the clause's subject."""
    tokens = doc.tokens
    out = []
    cued = view.tokens_with(c.stance_words)
    for si, _, clauses, ci, clause in _each_clause(view, lang, cued):
        if not within(cued, clause):
            continue  # no stance word and no word of a contradiction: no stance
        words = {w for i in clause for w in _words(view, i)}
        stance = None
        for i in within(cued, clause):
            lem, word = _words(view, i)
            kind = c.stance_of.get(lem) or c.stance_of.get(word)
            if kind:
                negated = i > clause.start and _words(view, i - 1)[0] in c.negation
                if kind == "confirms" and negated:
                    kind = "does_not_confirm"
                elif negated:
                    kind = None
                if kind:
                    stance = (kind, i)
                    break
        reported = stance is None  # a contradicting report: its holder is who reports it
        if stance is None and any(group <= words for group in c.contradictions):
            stance = ("denies", clause.start)
        if stance is None:
            continue
        order = [clauses[ci - 1], clause] if reported and ci > 0 else [clause] + clauses[ci - 1:ci]
        holder = next((h for cl in order if (h := _speaker(view, cl, lang))), None)
        if holder:
            tok = tokens[stance[1]]
            span = Span(tokens[clause.start].start, tokens[clause.stop - 1].end,
                        doc.text[tokens[clause.start].start:tokens[clause.stop - 1].end])
            out.append((si, tok.start, Stance(holder, stance[0], span)))
    return out


def _target(event: Event, claimant: str | None) -> str | None:
    order = ([event.recipients, [event.location], event.actors] if event.type in PLACE_FIRST
             else [event.actors, event.recipients, [event.location]])
    for group in order:
        for entity in group:
            if entity and entity != claimant:
                return entity
    return None


def _asserted(view: DocView, event: Event, span: Span, kind: str, lang: str) -> bool:
    """Whether a report states the event itself: ``twierdzą, że zajęli X`` and ``poinformował o zdobyciu X``
    do; ``ocenił, że spotkanie nie przyniosło postępu`` asserts something about a meeting, not the meeting."""
    if kind == "about":
        return True
    tokens = view.doc.tokens
    lex = lexicon(lang)
    i = next((k for k in range(view.token_index(span.start), view.token_index(max(span.end - 1, span.start)) + 1)
              if (hit := lex.lookup(tokens[k])) and event.type in hit[1].types), None)
    if i is None or word_class(tokens[i]) not in NOUN_CLASSES:
        return True
    head = lex.status.head_verb(tokens, range(view.token_index(span.start), view.token_index(span.end) + 1), i)
    head = head if head is not None else lex.status.head_verb(tokens, range(max(i - 6, 0), min(i + 6, len(tokens))), i)
    return head is not None and lemma(tokens[head]) in lex.light


def _reporter(view: DocView, event: Event, span: Span, reports: list[Report], lang: str) -> Report | None:
    """The report whose scope holds this mention of the event and states it (the nearest before it)."""
    best = None
    for r in reports:
        if not r.claimant or r.claimant in event.recipients:
            continue
        for lo, hi, kind in r.scope:
            if lo <= span.start < hi and _asserted(view, event, span, kind, lang):
                best = r
    return best


def find_claims(doc: Doc) -> Doc:
    doc.claims = []
    if not doc.tokens or not doc.events:
        return doc
    lang = language_of(doc)
    c = cues(lang)
    view = DocView.of(doc)
    reports = _reports(doc, view, c, lang)
    if not reports:
        return doc
    stances = _stances(doc, view, c, lang)
    found: list[Found] = []
    for event in doc.events:
        for span in event.evidence:
            report = _reporter(view, event, span, reports, lang)
            if report is None:
                continue
            target = _target(event, report.claimant)
            if target is None:
                continue
            claim = Claim(id=f"cl{len(found) + 1}", claimant=report.claimant, target=target, type=event.type,
                          status="unverified", date=event.date, event=event.id, evidence=[span])
            found.append(Found(claim, report.sentence, span.start, event.type, report.strength))
            break
    for f in found:
        for si, offset, stance in stances:
            same = si == f.sentence and offset > f.offset
            later = 0 < si - f.sentence <= c.window and not any(
                g.sentence == si and g.offset < offset for g in found)
            if (same or later) and stance.by != f.claim.claimant:
                f.claim.stances.append(stance)
    kept, drop = [], set()
    for f in found:
        claim = f.claim
        kinds = {s.stance for s in claim.stances}
        if kinds & {"denies", "does_not_confirm"}:
            claim.status = "disputed"
        elif "confirms" in kinds:
            claim.status = "confirmed"
        if claim.status != "disputed" and f.strength != "assert" and f.kind not in c.claim_types:
            continue  # a neutral report of an uncontested kind of event is the event itself
        if claim.status == "disputed" or (f.kind in c.claim_types and claim.status == "unverified"):
            drop.add(claim.event)
            claim.event = None
        kept.append(claim)
    seen = set()
    doc.claims = []
    for claim in kept:
        key = (claim.claimant, claim.target, claim.type)
        if key not in seen:
            seen.add(key)
            claim.id = f"cl{len(doc.claims) + 1}"
            doc.claims.append(claim)
    doc.events = [e for e in doc.events if e.id not in drop]
    return doc
