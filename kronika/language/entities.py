"""Named entities of one article: base forms, the actor dictionary, places on the map, and the
variants of one name clustered into one :class:`Entity`.

``link_entities(doc)`` takes the NER model's raw mentions (``source="model"``) and adds the
dictionary's matches the model missed (declined names, demonyms: ``Rosjanie`` -> Rosja) and
the names ``name_spans`` reads off the morphological dictionary (``source="rule"``).
Where the two overlap the dictionary wins, except that a place named inside an organisation's
name stays as a mention of its own (``Ukrainy`` in ``Rady Bezpieczeństwa i Obrony Ukrainy``).
Every mention gets ``base`` (the whole name in the nominative) and ``entity_id``.

``resolve_reference(doc, start, end)`` answers "who is this?" for a speaker or an actor
written as a name, a declined name or a role (``rzecznik Kremla`` -> Dmitrij Pieskow).
Collective names resolve to what they name: ``strona rosyjska`` -> Rosja; ``Kreml`` stays
the Kreml entity (the gold files list it as its own entity, and "Kreml said" is how the
press writes the Russian presidency), callers that want the state can map it by ``country``.
"""
from __future__ import annotations

import bisect
import re

from kronika.language.actors import Actor, actor_index, fold, slug, words
from kronika.language.name_spans import (cue_types, dictionary_name_runs, english_name, in_english,
                                         join_english_runs, model_name, person_part, word_kind, word_kinds)
from kronika.language.names import base_form
from kronika.model import Doc, Entity, Mention


def _doc_lang(doc: Doc) -> str:
    return "en" if doc.article.lang == "en" else "pl"


def _dictionary_mentions(doc: Doc, ms: list[re.Match]) -> list[tuple[Mention, Actor]]:
    """Every dictionary name in the text (``ms``: its words), longest first; places named inside
    an organisation's name too."""
    ws = [m.group() for m in ms]
    return _scan(doc.text, ms, ws, 0, len(ws))


def _scan(text: str, ms, ws: list[str], i: int, stop: int, only: str | None = None) -> list[tuple[Mention, Actor]]:
    index = actor_index()
    out = []
    while i < stop:
        hit = index.match(ws, i, stop) if ws[i][:1].isalpha() and index.may_start(ws[i]) else None
        if hit and (only is None or hit.actor.type == only):
            n, actor = hit.n, hit.actor
            start, end = ms[i].start(), ms[i + n - 1].end()
            label = "PER" if hit.name in actor.forms else actor.type
            out.append((Mention(start, end, text[start:end], label, hit.name, actor.id, "dictionary"), actor))
            if actor.type == "ORG" and n > 1:
                out += _scan(text, ms, ws, i + 1, i + n, only="LOC")
            i += n
        else:
            i += 1
    return out


def _overlaps(a: Mention, b: Mention) -> bool:
    return a.start < b.end and b.start < a.end


def _nested_place(inner: Mention, outer: Mention) -> bool:
    """A place named inside an organisation's name, after its head (``Rady ... Ukrainy``)."""
    return inner.label == "LOC" and outer.label == "ORG" and _inside(inner, outer) and inner.start > outer.start


def _merge(candidates: list[Mention], found: list[tuple[Mention, Actor | None]]) -> list[tuple[Mention, Actor | None]]:
    """The names ``found`` so far (the dictionary's first) and the ``candidates`` (the model's,
    then the morphological dictionary's) where they add something: a candidate is kept where it
    overlaps nothing found, where it is an organisation's name holding places found
    (``Rady ... Ukrainy``), or where it is a longer name around one word found of its own type
    (``Michel Barnier`` is not the surname Michel, but ``Kushnerem Putin`` are two people)."""
    out: list[tuple[Mention, Actor | None]] = sorted(found, key=lambda ma: ma[0].start)
    starts = [d.start for d, _ in out]
    reach = max((d.end - d.start for d, _ in out), default=0)  # the longest name found
    for m in candidates:
        near = out[bisect.bisect_left(starts, m.start - reach):bisect.bisect_left(starts, m.end)]
        clashing = [d for d, _ in near if _overlaps(m, d)]
        if all(_nested_place(d, m) for d in clashing):
            added = [(m, None)]
        elif len(clashing) == 1 and _name_around(clashing[0], m):
            out = [(d, a) for d, a in out if d is not clashing[0]]
            added = [(m, None)]
        elif m.source == "rule" and m.label == "PER" and all(d.source == "model" and _inside(d, m) for d in clashing):
            out = [(d, a) for d, a in out if d not in clashing]  # "Jean-Claude'a Junckera", not "Jean" + "Junckera"
            added = [(m, None)]
        else:
            continue
        out = sorted(out + added, key=lambda ma: ma[0].start)
        starts = [d.start for d, _ in out]
        reach = max(reach, m.end - m.start)
    return sorted(out, key=lambda ma: (ma[0].start, -ma[0].end))


NAME_KINDS = {"PER", "LOC", "?", "ROMAN", "HYPHEN"}


def _name_around(inner: Mention, outer: Mention) -> bool:
    """Is ``outer`` a name around the one word ``inner`` (its other words being name-like)?"""
    if not (_inside(inner, outer) and " " not in inner.text and inner.label == outer.label):
        return False
    before = [w.group() for w in words(outer.text[:inner.start - outer.start])]
    after = [w.group() for w in words(outer.text[inner.end - outer.start:])]
    # an unknown word may follow the dictionary's word (Michel Barnier), not precede it ("Noworosję Putin")
    return all(word_kind(w, False) == "PER" for w in before) and all(word_kind(w, False) in NAME_KINDS for w in after)


def _inside(inner: Mention, outer: Mention) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end and (inner.start, inner.end) != (outer.start, outer.end)


def _actor_entity(actor: Actor) -> Entity:
    from kronika.language.gazetteer import place_of

    aliases = [n for n in actor.names if n != actor.name]
    entity = Entity(actor.id, actor.name, actor.type, aliases, wikidata=actor.wikidata,
                    country=actor.country, sector=actor.sector)
    if actor.lat is not None:
        entity.lat, entity.lon = actor.lat, actor.lon
    elif actor.type == "LOC":
        place = place_of(actor.name, actor.en, *actor.aliases, country=actor.country)
        if place:
            entity.geonames, entity.lat, entity.lon = place.geonameid, place.lat, place.lon
            entity.country = entity.country or place.country
    return entity


def _local_entity(base: str, label: str) -> Entity:
    entity = Entity(f"kronika:{label.lower()}:{slug(base)}", base, label)
    if label == "LOC":
        from kronika.language.gazetteer import place_of

        place = place_of(base)
        if place:
            entity.geonames, entity.lat, entity.lon, entity.country = place.geonameid, place.lat, place.lon, place.country
            if fold(place.name) != fold(base):
                entity.aliases.append(place.name)  # GeoNames' name: Islamabadzie -> Islamabad, Dublin
    return entity


def link_entities(doc: Doc) -> Doc:
    lang_code = _doc_lang(doc)
    index = actor_index()
    ms = words(doc.text)
    kinds, starts = word_kinds(doc.text, ms) if lang_code == "pl" else ([], [])
    typed = cue_types(doc.text, ms, kinds) if lang_code == "pl" else {}  # "przewoźnik Ryanair": ORG
    model = [person_part(n, doc.text, typed) for m in doc.mentions if (n := model_name(m, doc.text))]
    english = join_english_runs([n for m in model if in_english(doc, m) and (n := english_name(m, doc.text))], doc.text)
    model = sorted([m for m in model if not in_english(doc, m)] + english, key=lambda m: m.start)
    pairs = _merge(model, _dictionary_mentions(doc, ms))
    if lang_code == "pl":  # the morphological dictionary's names fill the gaps
        pairs = _merge(dictionary_name_runs(doc.text, ms, kinds, starts, typed), pairs)

    clusters = Clusters()
    local: list[Mention] = []
    demonyms = index.demonyms
    all_words = {w for m, _ in pairs for w in m.text.split()}
    for mention, actor in pairs:
        if actor is None:
            # words seen elsewhere settle a lone declined surname (Witkoffa); longer names settle themselves
            others = frozenset(all_words - {mention.text}) if mention.label == "PER" and " " not in mention.text else frozenset()
            mention_lang = "en" if lang_code == "en" or in_english(doc, mention) else "pl"
            mention.base = base_form(mention.text, mention.label, mention_lang, others)
            if mention.base in demonyms:  # "Rosjan": people, not the state (see demonyms.yaml)
                continue
            if typed.get(mention.base, mention.label) != mention.label:  # "przewoźnik Ryanair": no person
                mention.label = typed[mention.base]
                mention.base = base_form(mention.text, mention.label, mention_lang, others)
            actor = index.find(mention.base) or index.find(mention.text)
            if actor is None or actor.type != mention.label and not (actor.type == "LOC" and mention.label == "ORG"):
                local.append(mention)
                continue
        entity = clusters.entities.get(actor.id) or clusters.add(_actor_entity(actor))
        mention.entity_id = entity.id
        if mention.text not in actor.forms:  # "Rosjanie" are people (PER), who stand for Rosja
            mention.label = entity.type
        entity.mentions.append(mention)

    # longer names first, so that a surname alone joins the full name seen elsewhere
    for mention in sorted(local, key=lambda m: (-len(m.base.split()), m.start)):
        entity = clusters.find(mention) or clusters.add(_new_local(mention, clusters.entities))
        mention.entity_id = entity.id
        entity.mentions.append(mention)

    doc.mentions = sorted((m for e in clusters.entities.values() for m in e.mentions), key=lambda m: (m.start, m.end))
    doc.entities = list(clusters.entities.values())
    return doc


class Clusters:
    """The article's entities, found again by any of their names (or a person by the surname alone)."""

    def __init__(self):
        self.entities: dict[str, Entity] = {}
        self._names: dict[tuple[str, str], Entity] = {}
        self._surnames: dict[str, list[Entity]] = {}

    def add(self, entity: Entity) -> Entity:
        self.entities[entity.id] = entity
        for name in (entity.name, *entity.aliases):
            self._names.setdefault((entity.type, fold(name)), entity)
        if entity.type == "PER":
            self._surnames.setdefault(fold(entity.name).split()[-1], []).append(entity)
        return entity

    def find(self, mention: Mention) -> Entity | None:
        key = fold(mention.base)
        entity = self._names.get((mention.label, key))
        if entity is None and mention.label == "PER" and " " not in key:
            people = self._surnames.get(key, [])
            entity = people[0] if len(people) == 1 else None
        return entity


def _new_local(mention: Mention, taken: dict[str, Entity]) -> Entity:
    entity = _local_entity(mention.base, mention.label)
    if mention.label == "PER" and " " in mention.base:
        entity.aliases.append(mention.base.split()[-1])
    while entity.id in taken:
        entity.id += "-"
    return entity


# -- who is it? -------------------------------------------------------------------------------

def _add_actor(doc: Doc, actor: Actor) -> Entity:
    entity = doc.entity(actor.id)
    if entity is None:
        entity = _actor_entity(actor)
        doc.entities.append(entity)
    return entity


def entity_named(doc: Doc, name: str) -> Entity | None:
    """The entity of the actor dictionary with this name, added to the doc when it is not there yet
    (a party named only by an adjective: "amerykańscy wysłannicy"); None for a name it does not know."""
    actor = actor_index().find(name)
    return _add_actor(doc, actor) if actor else None


def resolve_reference(doc: Doc, start: int, end: int) -> Entity | None:
    """The entity the text span [start, end) refers to, or None when unsure.

    A role names its holder (``doradca Putina`` is Uszakow, not Putin), unless a person's
    name follows the role (``rzecznik Kremla Dmitrij Pieskow``); without a role, the last
    person named in the span; then an organisation or a place named in it."""
    text = doc.text[start:end]
    index = actor_index()
    spans = words(text)
    people: list[tuple[int, Entity | Actor]] = []  # (word position, who)
    for m in doc.mentions:
        if m.label == "PER" and m.entity_id and start <= m.start < end:
            people.append((sum(1 for w in spans if w.start() + start < m.start), doc.entity(m.entity_id)))
    ws = [w.group() for w in spans]
    named = [(i, hit.actor) for i in range(len(ws)) if (hit := index.match(ws, i))]
    people += [(i, a) for i, a in named if a.type == "PER"]
    role = index.role(text)
    if role and not any(i >= role[1] for i, _ in people):
        return _add_actor(doc, role[0])
    if people:
        who = max(people, key=lambda p: p[0])[1]
        return who if isinstance(who, Entity) else _add_actor(doc, who)
    inside = [m for m in doc.mentions if m.start < end and start < m.end and m.entity_id]
    if inside:
        rank = {"ORG": 0, "LOC": 1}
        return doc.entity(min(inside, key=lambda m: (rank.get(m.label, 2), -m.start)).entity_id)
    return _add_actor(doc, named[-1][1]) if named else None
