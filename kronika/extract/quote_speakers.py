"""Who said it: the entity each speech verb's subject names.

The subjects themselves are found in :mod:`kronika.extract.quote_subjects`. A verb with no subject
of its own (``- ... - dodała.``) takes the last speaker whose grammatical gender agrees with the
verb; a subject named by a role (``ukraińska ambasador``) is resolved through the entity layer.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache

from kronika.extract.quote_subjects import Candidate, Subjects, agrees
from kronika.model import Doc, Entity


@cache
def fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.replace("ł", "l").replace("Ł", "L"))
    return " ".join(re.findall(r"\w+", "".join(c for c in s if not unicodedata.combining(c)).lower()))


@dataclass(slots=True)
class Attribution:
    """A speech verb (or an ``według X`` marker) and who it says spoke."""

    pos: int
    verb: str | None
    gender: str | None
    subject: Candidate | None
    chain_before: list[Candidate] = field(default_factory=list)  # relays: "cytowany przez X"
    chain_after: list[Candidate] = field(default_factory=list)  # sources: "powołując się na X"
    speaker: str | None = None  # entity id, filled by Speakers.resolve_all
    speaker_text: str | None = None
    source_chain: list[str] = field(default_factory=list)
    excluded: set[str] = field(default_factory=set)  # entities named inside the quoted words
    impersonal: bool = False  # "podano", "podkreślono": nobody is named and nobody is inherited


class Speakers(Subjects):
    """Finds and resolves the speakers of one document: subjects as :class:`Subjects` finds them,
    and the entity each attribution names."""

    def resolve_all(self, attributions: list[Attribution]) -> None:
        """Give each attribution an entity, in text order, so that a verb with no subject of
        its own ("- ... - dodał.") inherits the last speaker of its gender."""
        memory: list[tuple[str | None, str | None, str | None, int]] = []  # (entity id, text, gender, offset)
        for a in sorted(attributions, key=lambda a: a.pos):
            if a.speaker is not None:  # named outright (the author of a post)
                memory.append((a.speaker, a.speaker_text, None, a.pos))
                continue
            entity, written = None, None
            if a.impersonal:
                continue
            if a.subject is not None:
                written = self.text[a.subject.start:a.subject.end]
                entity = self.entity(a.subject)
                if entity is None and a.subject.role and not a.subject.generic:  # a bare role points back
                    g = a.gender or a.subject.gender
                    if g == "pl":
                        pass  # "służby podkreślają": a plural names no single speaker
                    elif a.subject.pronoun:
                        entity = self._last_person_before(a.pos, g, a.excluded) or self._remembered(memory, g, a.excluded)
                    elif a.subject.former:
                        entity = self._apposition(a.subject, a.excluded) or self._last_person_before(a.pos, g, a.excluded) \
                            or self._remembered(memory, g, a.excluded)
                    elif self._bare_role(a.subject):
                        entity = self._apposition(a.subject, a.excluded) or self._remembered(memory, g, a.excluded) \
                            or self._last_person_before(a.pos, g, a.excluded)
                    else:  # "szef CERT Orange" goes on about the speaker of its paragraph; a new paragraph's
                        # "rzecznik ukraińskiej armii" is somebody the article has not named
                        same_paragraph = [m for m in memory if "\n" not in self.text[m[3]:a.pos]]
                        entity = self._apposition(a.subject, a.excluded) or self._remembered(same_paragraph, g, a.excluded)
            else:
                since = memory[-1][3] if memory else 0
                entity = self._topic_since(since, a.pos, a.gender, a.excluded)
                unnamed = self._unnamed_last(memory, a.gender) if entity is None else None
                if unnamed is not None:  # "Rzecznik armii przekazał, że ... - ... - powiedział.": the role spoke
                    written = unnamed
                elif entity is None:
                    entity = self._remembered(memory, a.gender, a.excluded) or \
                        self._last_person_before(a.pos, a.gender, a.excluded)
            a.speaker = entity.id if entity else None
            a.speaker_text = written or (entity.name if entity else None)
            chain = [self.entity(c) for c in a.chain_before] + [entity] + [self.entity(c) for c in a.chain_after]
            a.source_chain = [e.id for e in chain if e is not None] if (a.chain_before or a.chain_after) else []
            if entity is not None and a.gender in ("f", "m") and a.subject is not None and not a.subject.role:
                self.known_gender.setdefault(entity.id, a.gender)
            if entity is not None and a.gender != "pl":
                g = a.gender or (a.subject.gender if a.subject else None) or self.gender_of(entity)
                memory.append((entity.id, a.speaker_text, g, a.pos))
            elif entity is None and a.subject is not None and a.subject.role and not (a.subject.pronoun or a.subject.generic):
                # a role naming nobody known ("rzecznik armii") is still the latest speaker; a common
                # noun ("prawnik", "gość") more often points back to the one before
                memory.append((None, written, a.gender or a.subject.gender, a.pos))

    @staticmethod
    def _unnamed_last(memory, g: str | None) -> str | None:
        """The words of the latest speaker when that speaker is a role naming no known entity
        ("rzecznik armii") and agrees with a verb of gender ``g``: a verb with no subject continues them."""
        if memory and memory[-1][0] is None and agrees(g, memory[-1][2]):
            return memory[-1][1]
        return None

    def _topic_since(self, since: int, pos: int, g: str | None, excluded: set[str]) -> Entity | None:
        """A person who opened a sentence (as its subject) after the last speaker and before ``pos``:
        "Putin skrytykował też Europę. - ... - mówił." is Putin's, whoever spoke before."""
        topic = None
        if g == "pl":
            return None  # "Służby podkreślają": a plural verb goes on about no single person
        sentences = self.doc.sentences
        starts = [s.start for s in sentences]
        for sentence in sentences[bisect.bisect_right(starts, since):bisect.bisect_left(starts, pos)]:
            if sentence.end > pos:
                continue
            i, j = self.index(sentence.start), self.index(sentence.end)
            first = next(self.each_candidate(i, j), None)
            if first is not None and first.mention is not None and first.mention.label == "PER" \
                    and self.nominative(first) and not self.quoted.holds(first.start):
                e = self.entity(first)
                if e is not None and e.id not in excluded and (g is None or (self.gender_of(e) == "f") == (g == "f")):
                    topic = e
        return topic

    def _apposition(self, role: Candidate, excluded: set[str] = frozenset()) -> Entity | None:
        """A person named next to the same role noun earlier on ("Dan Fried, były ambasador USA"):
        a bare role ("- ... - dodał były ambasador") points back to them."""
        heads = {self.lemmas[k] for k in range(self.index(role.start), self.index(role.end))} & self.speech.roles
        for k in range(self.index(role.start) - 1, -1, -1):
            if self.lemmas[k] not in heads or self.quoted.holds(self.tokens[k].start):
                continue
            if role.former and not any(t.text.lower() in self.speech.former for t in self.tokens[max(0, k - 2):k]):
                continue  # "były prezydent" is not whoever was called "prezydent" before
            near = [m for m in self.mentions if m.label == "PER" and abs(self.index(m.start) - k) <= 4
                    and self.nominative(Candidate(m.start, m.end, mention=m))  # not "doradca Putina"
                    and not re.search(r"[.!?]", self.text[min(m.end, self.tokens[k].end):max(m.start, self.tokens[k].start)])]
            found = [e for e in (self.entity(Candidate(m.start, m.end, mention=m)) for m in near)
                     if e is not None and e.id not in excluded]
            if found:
                return found[0]
        return None

    def _remembered(self, memory, g: str | None, excluded: set[str] = frozenset()) -> Entity | None:
        """The last speaker of gender ``g``; failing that, for a masculine or genderless verb, the
        last one of unknown gender (women's names show, men's need not). A person the quote itself
        talks about (``excluded``) is not its speaker."""
        if g == "pl":
            return None
        for wanted in (g, None) if g else (None,):
            for entity_id, _, mg, _ in reversed(memory):
                entity = self.doc.entity(entity_id)
                if entity_id in excluded or entity is None:
                    continue
                shown = mg or self.gender_of(entity)
                if g is None or shown == wanted and (wanted is not None or g != "f"):
                    return entity
        return None

    def _last_person_before(self, pos: int, g: str | None, excluded: set[str] = frozenset()) -> Entity | None:
        """The last person named shortly before ``pos`` (outside quotes) whose name agrees with gender ``g``."""
        people = [m for m in self.mentions if m.end <= pos and m.label == "PER" and pos - m.end < 2500
                  and not self.quoted.holds(m.start)]
        entities = [self.entity(Candidate(m.start, m.end, mention=m)) for m in reversed(people)]
        entities = [e for e in entities if e is not None and e.id not in excluded]
        if g == "pl":
            return None
        # Polish marks women's names ("-a", "-ska"), not men's: a feminine verb wants a woman's
        # name, a masculine one any name that is not a woman's.
        return next((e for e in entities if (self.gender_of(e) == "f") == (g == "f") or g is None), None)

    def entity(self, c: Candidate) -> Entity | None:
        """The entity a candidate names: the mention's own, the entity layer's resolution of
        the span, an entity of the same name, or (for a name nobody linked) a new one."""
        if c.mention is not None and c.mention.entity_id:
            found = self.doc.entity(c.mention.entity_id)
            if found is not None:
                return found
        if c.pronoun or c.former or (c.role and self._bare_role(c)):
            return None  # the dictionary knows present office holders only, and a bare "prezydent" is anaphoric
        found = resolve_reference(self.doc, c.start, c.end)
        if found is not None and c.role and any(
                m.entity_id == found.id and (found.type != "PER" or not self.nominative(Candidate(m.start, m.end, mention=m)))
                for m in self.mentions if c.start <= m.start < c.end):
            found = None  # the complement of a role ("doradca Putina", "ambasador w USA") is not who holds it
        if found is not None and c.role and found.type != "PER" and not self._institution(c):
            found = None  # "ekspert PKO BP" is a person, not the bank
        if found is not None or c.role:
            return found
        label = c.mention.label if c.mention is not None else c.label
        written = c.mention.base if c.mention is not None and c.mention.base else self.text[c.start:c.end]
        return self.named(written, label, base=(c.mention is None or not c.mention.base) and not c.outlet)

    def _institution(self, c: Candidate) -> bool:
        return any(self.lemmas[k] in self.speech.institutions for k in range(self.index(c.start), self.index(c.end)))

    def _bare_role(self, c: Candidate) -> bool:
        """A role word with nothing after it ("- ... - dodał prezydent"), or one tied to another
        person ("współpracownik Nawrockiego"): it refers back in the article."""
        i, j = self.index(c.start), self.index(c.end)
        return 0 <= j - 1 < len(self.tokens) and self.lemmas[j - 1] in self.speech.roles \
            or any(self.lemmas[k] in self.speech.relational for k in range(i, j))

    def named(self, written: str, label: str = "PER", base: bool = True) -> Entity:
        """The document's entity called ``written`` (same name, alias or surname), else a new one."""
        name = base_form(written, label, self.doc.article.lang) if base else written
        key = fold(name)
        for e in self.doc.entities:
            names = {fold(n) for n in [e.name, *e.aliases]}
            if key in names or (label == "PER" and e.type == "PER" and key.split()[-1:] == fold(e.name).split()[-1:]):
                return e
        entity = Entity(id=f"speaker:{key.replace(' ', '_')}", name=name, type=label, aliases=[written] if written != name else [])
        self.doc.entities.append(entity)
        return entity


def resolve_reference(doc: Doc, start: int, end: int) -> Entity | None:
    """The entity layer's resolution of a name or role span, or None."""
    from kronika.language.entities import resolve_reference as resolve

    return resolve(doc, start, end)


def base_form(text: str, label: str, lang: str) -> str:
    from kronika.language.names import base_form as base

    return base(text, label, lang) or text
