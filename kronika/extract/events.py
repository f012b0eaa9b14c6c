"""Events: meetings, talks, proposals, demands, attacks, captures... as PLOVER types with a life cycle.

For every sentence, its clauses are cut (``roles.split_clauses``) and each token whose lemma is a
trigger in ``lang/<lang>/events.yaml`` opens a candidate event. Its participants come from the
grammar of the clause (``roles``), its status from tense, modality, negation and cancellation
(``status``), its date from the time expressions of the clause, then of the sentence, and its
figures from the numbers beside it (``figures``). Mentions of one event across the article are
merged into one :class:`Event` with all its evidence (``event_merge``).
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from functools import cache

from kronika import lang as lang_data
from kronika.extract import language_of
from kronika.extract.event_merge import Candidate, inherit_setting, merge
from kronika.extract.figures import find_figures, numbers
from kronika.extract.roles import (FINITE, NOUN_CLASSES, VERB_CLASSES, Arg, DocView, RoleReader, adjective_parties, agrees,
                                   cases, lemma, lower_case, nominative_reference, within, word_class)
from kronika.extract.status import PARTICIPLES, StatusReader
from kronika.extract.times import event_date
from kronika.model import Doc

VERBAL = VERB_CLASSES | PARTICIPLES | {"ger"}
PLACE_TARGETS = frozenset({"COERCE", "ASSAULT"})  # a captured or attacked place is their recipient
NOT_PARTIES = frozenset({"media"})  # entity sectors (the actor dictionary's) that only report events
TALKS = frozenset({"CONSULT"})  # held by states and people: a place takes part only as a state's metonym
STATE_PLACES = frozenset({"country", "capital"})  # places that stand for a state ("Kijów odpowiedział")
FRONT_PLACES = frozenset({"front"})  # front-line settlements: fought over, never a side in talks


@dataclass(slots=True)
class Trigger:
    types: list[str]
    mode: str | None = None
    pos: str = "any"
    gen: str = "actor"
    needs: str | None = None
    objects: frozenset[str] = frozenset()
    negated_type: str | None = None
    excludes: frozenset[str] = frozenset()  # no event with these in the clause ("odmówił komentarza")
    reflexive: bool | None = None  # False: not with "się" ("zajmować się" is no capture)
    gerund: bool = True  # False: the gerund is no event ("zagrożenie" is a danger, not a threat made)
    personal: bool = False  # True: a neuter singular form is impersonal, no event ("udało się" = it worked)


@dataclass
class Lexicon:
    """A language's triggers and cues, compiled once."""

    triggers: dict[str, Trigger]
    verb_object: dict[str, list[tuple[frozenset[str], Trigger]]]  # verb lemma -> (objects, trigger)
    modes: dict[str, str]
    clauses: dict
    purpose: frozenset[str]
    roles: RoleReader
    status: StatusReader
    light: frozenset[str]  # verbs through which a trigger noun's subject takes part in it
    temporal: frozenset[str]  # prepositions that make a trigger noun a time mark
    party_adjectives: dict[str, str]  # adjective stem -> the party it names
    joins: frozenset[str]  # verbs of taking part in a named event ("uczestniczyć w spotkaniu")
    reference_heads: frozenset[str]  # nouns that head a role phrase naming a party ("strona rosyjska")
    forms: dict[str, str] = field(default_factory=dict)  # inflected form -> trigger lemma (English)

    def __post_init__(self):
        self.index = {**{form: (key, self.triggers[key]) for form, key in self.forms.items()},
                      **{key: (key, trig) for key, trig in self.triggers.items()}}
        self.trigger_words = lower_case(self.index, self.verb_object)  # what _hits can look up

    def lookup(self, tok, base: str | None = None) -> tuple[str, Trigger] | None:
        base = lemma(tok) if base is None else base
        index = self.index
        return index.get(base) or index.get(base.lower()) or index.get(tok.text.lower())


def _trigger(entry: dict) -> Trigger:
    types = entry["type"] if isinstance(entry["type"], list) else [entry["type"]]
    return Trigger(types, entry.get("mode"), entry.get("pos", "any"), entry.get("gen", "actor"),
                   entry.get("needs"), frozenset(entry.get("objects", ())), entry.get("negated_type"),
                   frozenset(entry.get("excludes", ())), entry.get("reflexive"), entry.get("gerund", True),
                   entry.get("personal", False))


@cache
def lexicon(lang: str) -> Lexicon:
    cfg = lang_data.load(lang, "events")
    triggers, forms = {}, {}
    for key, entry in cfg["triggers"].items():
        triggers[key] = _trigger(entry)
        for form in entry.get("forms", ()):
            forms[form] = key
    verb_object: dict[str, list] = {}
    for v in cfg.get("verb_object", ()):
        for verb in v["verbs"]:
            verb_object.setdefault(verb, []).append((frozenset(v["objects"]), _trigger(v)))
    return Lexicon(triggers, verb_object, cfg.get("modes", {}), cfg["clauses"],
                   frozenset(cfg["clauses"].get("purpose_openers", ())), RoleReader(cfg["roles"]),
                   StatusReader(cfg["status"]), frozenset(cfg["roles"].get("light_verbs", ())),
                   frozenset(cfg["roles"].get("temporal_prepositions", ())), cfg["roles"].get("party_adjectives", {}),
                   frozenset(cfg["roles"].get("participation_verbs", ())),
                   frozenset(cfg["roles"].get("reference_heads", ())), forms)


def _pos_ok(trigger: Trigger, cls: str) -> bool:
    if trigger.pos == "verb":
        return cls in VERBAL or cls == "ign"
    if trigger.pos == "noun":
        return cls in NOUN_CLASSES or cls == "ign"
    return True


def _needs_ok(trigger: Trigger, args: list[Arg]) -> bool:
    need = trigger.needs
    if need == "location":
        return any(a.role == "location" for a in args)
    if need == "person":
        return any(a.role == "recipient" and a.label in ("PER", "ORG") for a in args)
    if need == "object":
        return any(a.role in ("recipient", "location") for a in args)
    if need == "place":
        return any(a.role in ("recipient", "location") and a.label == "LOC" for a in args)
    return True


def _clause_lemmas(view: DocView, clause: range) -> set[str]:
    words = {view.lemmas[i] for i in clause}
    return words | {w.lower() for w in words}


def _mode(lex: Lexicon, trigger: Trigger, words: set[str]) -> str | None:
    return next((m for w, m in lex.modes.items() if w in words), trigger.mode)


def _date(doc: Doc, start: int, end: int) -> str | None:
    """The date of an event: the times stage's date for the time expression nearest its trigger."""
    if not doc.times:
        return None
    return event_date(doc, start, end) or None


def _subjects(lex: Lexicon, view: DocView, clause: range) -> list[Arg]:
    """A clause's subjects as actors: nominative mentions, else a resolved role phrase or demonym."""
    subjects = lex.roles.subjects(view, clause)
    if not subjects:
        found = nominative_reference(view, clause, lex.reference_heads, lex.party_adjectives)
        subjects = [found] if found else []
    return [Arg(a.entity, "actor", a.label, a.start, a.end) for a in subjects]


def _carry_subject(lex: Lexicon, view: DocView, clauses: list[range], ci: int, before: list[range],
                   topic: list[Arg]) -> list[Arg]:
    """The subject of the nearest earlier clause of the sentence for a verb that has none; for the
    first clause of a sentence, the subject of one of the two sentences before (``Nie osiągnęli
    porozumienia.``), nearest first, else ``topic``: who acted in the last event of the sentence
    before (``To nie była pierwsza wizyta Witkoffa. Pojawił się ...``)."""
    for clause in reversed(clauses[:ci]):
        subjects = _subjects(lex, view, clause)
        if subjects:
            return subjects
    if ci:
        return []
    for sentence in reversed(before):
        for clause in reversed(view.clauses(sentence, lex.clauses)):
            subjects = _subjects(lex, view, clause)
            if subjects:
                return subjects
    return topic


def _speaker(doc: Doc, offset: int) -> str | None:
    """The speaker of the direct quote around an offset: who "we" and "I" are."""
    return next((q.speaker for q in doc.quotes if q.start <= offset < q.end and q.speaker), None)


def _hits(lex: Lexicon, view: DocView, clause: range, maybe: list[int], words: set[str]) -> list[tuple[int, str, Trigger]]:
    """Trigger tokens of a clause: light-verb constructions first, then single-word triggers.
    ``maybe``: the clause's tokens whose words are in the lexicon (no other token is a trigger)."""
    out = []
    tokens = view.doc.tokens
    for i in maybe:
        tok = tokens[i]
        base = view.lemmas[i]
        hit = next(((base, trig) for objects, trig in lex.verb_object.get(base, ()) if words & objects), None)
        if hit is None:
            hit = lex.lookup(tok, base)
            if hit is None or not _pos_ok(hit[1], word_class(tok)) or (not hit[1].gerund and word_class(tok) == "ger"):
                continue
            if hit[1].objects and not (words & hit[1].objects) or words & hit[1].excludes:
                continue
        if hit[1].reflexive is False and _reflexive(view, clause, i):
            continue  # "zajmować się": to deal with, not to occupy
        if ":neg" in tok.tag:
            continue  # "nieokupowany": a state denied, no event
        if hit[1].personal and ":sg:n:" in tok.tag + ":":
            continue
        out.append((i, *hit))
    return out


def _reflexive(view: DocView, clause: range, i: int) -> bool:
    return any(view.lemmas[j] == "się" for j in range(max(i - 1, clause.start), min(i + 3, clause.stop)))


def _quoted_present(doc: Doc, tok) -> bool:
    """A present-tense "we"/"you" verb in a direct quote (``zgadzamy się``, ``spotykamy się``) voices an
    opinion or a habit, not an event."""
    parts = tok.tag.split(":")
    return (parts[0] == "fin" and "imperf" in parts and ("pri" in parts or "sec" in parts)
            and any(q.start <= tok.start < q.end for q in doc.quotes))


def _time_mark(lex: Lexicon, tokens, clause: range, i: int) -> range | None:
    """For a trigger noun after a temporal preposition (``po rozmowach w Genewie``), a time mark, the
    tokens of its phrase: up to the next verb or nominative. None for any other trigger."""
    j = i - 1
    while j >= clause.start and word_class(tokens[j]) in ("adj", "adja"):
        j -= 1
    if j < clause.start or lemma(tokens[j]).lower() not in lex.temporal:
        return None
    k = i + 1
    while k < clause.stop and word_class(tokens[k]) not in VERB_CLASSES and "nom" not in cases(tokens[k]):
        k += 1
    return range(j, k)


def _arguments(lex: Lexicon, view: DocView, clauses: list[range], ci: int, i: int, trig: Trigger,
               stops: frozenset[int], marks: dict[int, range], before: list[range], topic: list[Arg]) -> list[Arg]:
    """Participants of the trigger at token i. A clause subject acts in a verb's event, and in a
    noun's event only through a light verb (``odbyli spotkanie``). A time mark (``marks``) keeps
    the words of its own phrase, and no other trigger takes them. ``before``: the two sentences
    before, for a sentence that starts without a subject."""
    tokens, clause = view.doc.tokens, clauses[ci]
    args = lex.roles.arguments(view, clause, i, trig.gen, stops - {i})
    is_verb = word_class(tokens[i]) in VERBAL - {"ger"} or word_class(tokens[i]) == "ign"  # untagged: as a verb
    if i in marks:
        phrase = marks[i]
        return [a for a in args if a.start > tokens[i].start and view.token_index(a.start) in phrase]
    for phrase in marks.values():
        args = [a for a in args if view.token_index(a.start) not in phrase]
    head = i if is_verb else lex.status.head_verb(tokens, clause, i)
    acts = is_verb or (head is not None and (lemma(tokens[head]) in lex.light or lemma(tokens[head]) in trig.objects))
    if word_class(tokens[i]) == "imps":  # "zaatakowano Pokrowsk": an impersonal verb has objects only
        args = [Arg(a.entity, "recipient", a.label, a.start, a.end) if a.role == "subject" else a for a in args]
    if not acts:
        args = [a for a in args if a.role != "subject"]
    args = [Arg(a.entity, "actor", a.label, a.start, a.end) if a.role == "subject" else a for a in args]
    if not is_verb and not any(a.role == "actor" for a in args):
        args += [a for a in adjective_parties(view, clause, i, lex.party_adjectives)
                 if all(a.entity != b.entity for b in args)]
    if trig.types[0] in PLACE_TARGETS and not any(a.role in ("recipient", "location") for a in args):
        args += _place_after(view, clause, i, stops)
    if acts and not any(a.role == "actor" for a in args):
        if head is not None and ":pri" in tokens[head].tag and _speaker(view.doc, tokens[head].start):
            speaker = _speaker(view.doc, tokens[head].start)
            args.append(Arg(speaker, "actor", view.label(speaker), tokens[head].start, tokens[head].end))
        else:
            carried = _carry_subject(lex, view, clauses, ci, before, topic)
            chain = [head] + lex.status.governing_verbs(tokens, clause, head)
            finite = next((j for j in chain if word_class(tokens[j]) in FINITE), head)
            own = [a for a in _subjects(lex, view, clause) if a.start < tokens[i].start]  # a subject after its verb is found above
            # a participle with no finite verb over it describes the noun ("wizyty ..., zaplanowanej na
            # wtorek"): it has no subject to carry over, its agreement is the noun's own
            attributive = word_class(tokens[finite]) in PARTICIPLES
            args += own or (carried if not attributive and agrees(view, tokens[finite], carried) else [])
    return [Arg(a.entity, "location" if a.label == "LOC" else "recipient", a.label, a.start, a.end)
            if a.role == "destination" else a for a in args if _party(view.doc, a.entity)]


def _place_after(view: DocView, clause: range, i: int, stops: frozenset[int]) -> list[Arg]:
    """The first place named after a capture or attack noun, deeper in its phrase than the grammar
    reaches (``okrążenie sił broniących północnej części Myrnohradu``), up to the next trigger."""
    tokens = view.doc.tokens
    end = min([j for j in stops if j > i] + [clause.stop])
    for m, first, _ in view.clause_mentions(range(i + 1, end)):
        if view.label(m.entity_id) == "LOC":
            return [Arg(m.entity_id, "recipient", "LOC", m.start, m.end)]
    return []


def _party(doc: Doc, entity_id: str) -> bool:
    """Whether an entity can take part in an event: the media report events ("rozmowa z Reuters" is
    an interview, "jak podał Kommersant" a source), they are no party to them."""
    entity = doc.entity(entity_id)
    return entity is None or entity.sector not in NOT_PARTIES


def _listed_dates(doc: Doc, view: DocView, clauses: list[range], ci: int, lang: str) -> list[tuple[str, int, int]]:
    """Dates listed after a colon that closes clause ci (``trzy razy był w Ankarze: w maju,
    czerwcu, dwukrotnie we wrześniu``): (value, start, end) per occurrence, a date repeated as often as
    an adverb before it says (``dwukrotnie``). Empty when there is no such list."""
    tokens = doc.tokens
    if ci + 1 >= len(clauses) or tokens[clauses[ci + 1].start - 1].text != ":":
        return []
    nxt = clauses[ci + 1]
    lo, hi = tokens[nxt.start].start, tokens[nxt.stop - 1].end
    times = [t for t in doc.times if lo <= t.start < hi and t.kind in ("date", "relative") and t.value]
    if len(times) < 2:
        return []
    adverbs = numbers(lang)["times_adverbs"]
    out = []
    for t in times:
        k = view.token_index(t.start) - 1
        count = adverbs.get(view.lemmas[k].lower()) if k >= nxt.start else None
        out += [(t.value[:10], t.start, t.end)] * int(count or 1)
    return out


def _occurrences(cand: Candidate, listed: list[tuple[str, int, int]]) -> list[Candidate]:
    """One candidate per listed date, each its own event."""
    return [dataclasses.replace(cand, date=value, end=end, distinct=True) for value, _, end in listed]


def _candidates(doc: Doc, lex: Lexicon, view: DocView) -> list[Candidate]:
    tokens = doc.tokens
    out: list[Candidate] = []
    before: list[range] = []  # the two sentences before this one
    topic: list[Arg] = []
    maybe_triggers = view.tokens_with(lex.trigger_words)
    for si, sent in enumerate(view.sentences):
        if not within(maybe_triggers, sent):  # most sentences: no word of the lexicon, no event (no need to cut them)
            before, topic = (before + [sent])[-2:], []
            continue
        clauses = view.clauses(sent, lex.clauses)
        for ci, clause in enumerate(clauses):
            opener = lemma(tokens[clause.start]).lower()
            if opener in lex.purpose:
                continue  # "..., by kontynuować rozmowy": an aim, not an event
            maybe = within(maybe_triggers, clause)
            if not maybe:
                continue  # most clauses: no word of the lexicon, no event
            words = _clause_lemmas(view, clause)
            hits = _hits(lex, view, clause, maybe, words)
            stops = frozenset(i for i, _, _ in hits)
            marks = {i: m for i, _, _ in hits if (m := _time_mark(lex, tokens, clause, i))}
            found: dict[str, Candidate] = {}
            for i, key, trig in hits:
                if _quoted_present(doc, tokens[i]):
                    continue
                time_mark = i in marks
                args = _arguments(lex, view, clauses, ci, i, trig, stops, marks, before, topic)
                if not _needs_ok(trig, args):
                    continue
                people = {a.entity for a in args if a.role != "location"}
                same = None if time_mark else found.get(trig.types[0])
                if same is not None and (not people or people & {a.entity for a in same.args if a.role != "location"}):
                    continue  # one event of a type per clause, unless it names other participants
                start, end = tokens[clause.start].start, tokens[clause.stop - 1].end
                inside = [a for a in args if start <= a.start and a.end <= end]  # not a carried subject
                s_start = min([tokens[i].start] + [a.start for a in inside])
                s_end = max([tokens[i].end] + [a.end for a in inside])
                status, negated = lex.status.status(tokens, clause, i, {i}, opener, lex.light | trig.objects,
                                                    clauses[ci - 1] if ci else None, view.lowered)
                etype = trig.types[0]
                if negated and trig.negated_type:
                    etype, status = trig.negated_type, "occurred"
                cand = Candidate(etype, status, args, key,
                                 _mode(lex, trig, words), s_start, s_end, si)
                cand.date = _date(doc, start, end)
                head = lex.status.head_verb(tokens, clause, i) if word_class(tokens[i]) in NOUN_CLASSES else None
                cand.joins = head is not None and lemma(tokens[head]) in lex.joins
                cand.impersonal = not args and word_class(tokens[head if head is not None else i]) == "imps"
                found[f"{trig.types[0]}@{i}" if same is not None or time_mark else trig.types[0]] = cand
            listed = _listed_dates(doc, view, clauses, ci, language_of(doc))
            for cand in found.values():
                out.extend(_occurrences(cand, listed) if listed else [cand])
        before = (before + [sent])[-2:]
        topic = next((actors for c in reversed(out) if c.sentence == si and (actors := [a for a in c.args if a.role == "actor"])),
                     [])
    return out


def _without_town_parties(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """Talks lose the places among their sides that are towns rather than states: a front-line
    settlement, or a place the article reports captured or attacked, unless it is a country or a
    capital (which stand for governments: "Moskwa i Kijów wznowiły rozmowy"). Such a town comes in
    through a misread case or a subject carried over from a capture sentence."""
    targets = {a.entity for c in candidates if c.type in PLACE_TARGETS for a in c.args
               if a.role in ("recipient", "location") and a.label == "LOC"}

    def town(a: Arg) -> bool:
        if a.label != "LOC" or a.role == "location":
            return False
        entity = doc.entity(a.entity)
        sector = entity.sector if entity else None
        return sector in FRONT_PLACES or (a.entity in targets and sector not in STATE_PLACES)

    for c in candidates:
        if c.type in TALKS:
            c.args = [a for a in c.args if not town(a)]
    return candidates


def find_events(doc: Doc) -> Doc:
    if not doc.tokens:
        doc.events = []
        return doc
    lex = lexicon(language_of(doc))
    view = DocView.of(doc)
    doc.events = merge(_without_town_parties(doc, _candidates(doc, lex, view)), doc)
    inherit_setting(doc, doc.events)
    find_figures(doc, doc.events)
    return doc
