"""The actor dictionary (``kronika/lang/pl/actors.yaml``): people, organisations and places
of the war and the peace talks, with Polish and English names, Wikidata ids where certain,
country, sector and the roles by which articles name them (``rzecznik Kremla``).

:class:`ActorIndex` finds actors in text by any declined form of any of their names, by a
name in base form, and by role phrases.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from typing import NamedTuple

from kronika import lang
from kronika.language.morphology import analyse_word
from kronika.language.names import analyse, declined_forms

# a word keeps an apostrophe ending (Steve'a) but not an English possessive (Putin's)
WORD = re.compile(r"[^\W\d_]+(?:['’`](?!s\b)[^\W\d_]+)?|\d+|[^\w\s]")
ROMAN = re.compile(r"^[IVXLC]+$")
FUNCTION_WORDS = {"i", "w", "we", "na", "nad", "ds", "do", "dla", "z", "ze", "of", "the", "and", "for", "in", "on"}


def words(text: str) -> list[re.Match]:
    """The words of a text as the dictionary sees them (hyphens and dots are words of their own)."""
    return list(WORD.finditer(text))


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Case- and diacritic-free form of a name, for looking names up."""
    text = unicodedata.normalize("NFKD", text.replace("ł", "l").replace("Ł", "L").replace("’", "'"))
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).lower().split())


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


@dataclass
class Actor:
    name: str  # canonical Polish base form
    type: str  # PER, ORG, LOC
    wikidata: str | None
    country: str | None
    sector: str | None
    en: str
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)  # Polish role phrases, nominative
    roles_en: list[str] = field(default_factory=list)
    forms: list[str] = field(default_factory=list)  # extra surface forms (demonyms: Rosjanie -> Rosja)
    lat: float | None = None  # a map point for places the gazetteer lacks
    lon: float | None = None

    @property
    def id(self) -> str:
        return self.wikidata or f"kronika:{self.type.lower()}:{slug(self.name)}"

    @cached_property
    def names(self) -> list[str]:
        """Every name a reader accepts, canonical first; for people also the surname alone."""
        out = [self.name, self.en, *self.aliases]
        if self.type == "PER":
            out += [n.split()[-1] for n in out if " " in n and n[:1].isupper() and _surname_like(n.split()[-1])]
        return list(dict.fromkeys(n for n in out if n))

    @cached_property
    def written_names(self) -> list[str]:
        """The names to look for in text: descriptions in lower case (``rosyjska armia``) are
        accepted as aliases but are not names, unless the canonical name is written so (``plac Czerwony``)."""
        return [n for n in self.names if not n[:1].islower() or n == self.name]


def _surname_like(word: str) -> bool:
    """Can the last word of a person's name stand for the person? Not a Roman numeral (Karol III),
    not a word of two letters (Kim Dzong Un), not a common first name (Nicușor Dan, bin Salman)."""
    return len(word) > 2 and not ROMAN.match(word) and not any("imię" in r.qualifiers for r in analyse_word(word))


def _word_forms(word: str) -> frozenset[str]:
    if word.lower() in FUNCTION_WORDS or not word[:1].isalpha():
        return frozenset({word})
    return frozenset(declined_forms(word))


class Hit(NamedTuple):
    """A dictionary name found in text: how many words, whose name, and which name (its base form)."""

    n: int
    actor: "Actor"
    name: str


class ActorIndex:
    """Lookups over the actor dictionary."""

    def __init__(self, actors: list[Actor]):
        self.actors = actors
        self.by_name: dict[str, Actor] = {}
        # first word form -> [(forms of each following word, actor, the name)]
        self._by_first: dict[str, list[tuple[tuple[frozenset[str], ...], Actor, str]]] = {}
        # A name two actors share (Trump: Donald and Melania) goes to the one listed first:
        # the dictionary lists the main actors of each country first.
        for actor in actors:
            for name in actor.names:
                self.by_name.setdefault(fold(name), actor)
            for name in actor.written_names:
                self._add_pattern(name, actor)
            for form in actor.forms:
                self._add_pattern(form, actor, decline=False)
        self._drop_ambiguous()
        self.demonyms = frozenset(f for a in actors for f in a.forms)
        self._roles = [(self._lemmas(r), a) for a in actors for r in a.roles + a.roles_en]
        self._roles.sort(key=lambda ra: -len(ra[0]))
        # roles by the lemmas of their first word, so a span is tried only against roles that can start in it
        self._roles_by_first: dict[str, list[int]] = {}
        for i, (role, _) in enumerate(self._roles):
            for lemma in role[0] if role else ():
                self._roles_by_first.setdefault(lemma, []).append(i)

    def _add_pattern(self, name: str, actor: Actor, decline: bool = True) -> None:
        ws = [m.group() for m in words(name)]
        if not ws:
            return
        sets = tuple(_word_forms(w) if decline else frozenset({w}) for w in ws)
        for first in sets[0]:
            entries = self._by_first.setdefault(first, [])
            if not any(a is actor and s == sets[1:] for s, a, _ in entries):
                entries.append((sets[1:], actor, name))

    def _drop_ambiguous(self) -> None:
        """A one-word form shared by several actors names only the first of them."""
        for first, entries in self._by_first.items():
            single = [a for rest, a, _ in entries if not rest]
            if len({id(a) for a in single}) > 1:
                self._by_first[first] = [e for e in entries if e[0] or e[1] is single[0]]

    def may_start(self, word: str) -> bool:
        """Can a name start with ``word``? False means :meth:`match` finds nothing there: a word
        that no name starts with is looked up again only when capitalised (see ``match``)."""
        return word in self._by_first or word[:1].isupper()

    def match(self, ws: list[str], i: int, stop: int | None = None) -> Hit | None:
        """The longest actor name starting at word ``i`` of ``ws`` (and ending before ``stop``)."""
        stop = len(ws) if stop is None else stop
        w = ws[i]
        entries = self._by_first.get(w)
        if entries is None and w[:1].isupper() and not w.isupper():
            entries = self._by_first.get(w[0].lower() + w[1:])  # "Obwód charkowski" at a sentence start
        best = None
        for rest, actor, name in entries or ():
            n = len(rest)
            if i + n < stop and all(ws[i + 1 + k] in rest[k] for k in range(n)):
                if best is None or n + 1 > best.n:
                    best = Hit(n + 1, actor, name)
        return best

    def find(self, name: str) -> Actor | None:
        """The actor with this name (any of its names, case and diacritics ignored)."""
        return self.by_name.get(fold(name))

    def by_id(self, actor_id: str) -> Actor | None:
        return next((a for a in self.actors if a.id == actor_id), None)

    @staticmethod
    def _lemmas(text: str) -> tuple[frozenset[str], ...]:
        return tuple(word_lemmas(m.group()) for m in words(text))

    def role(self, text: str) -> tuple[Actor, int] | None:
        """The actor a role phrase names (``rzecznika Kremla`` -> Dmitrij Pieskow), longest role
        first, and the number of words up to the role's end. The role's words must appear in
        order, with at most one other word between two of them."""
        span = self._lemmas(text)
        candidates = sorted({i for lemmas in span for lemma in lemmas for i in self._roles_by_first.get(lemma, ())})
        for role, actor in (self._roles[i] for i in candidates):
            end = _find(span, role)
            if end is not None:
                return actor, end
        return None


def word_lemmas(word: str) -> frozenset[str]:
    """Every lemma a word may have (lower case), and the word itself."""
    return frozenset({word.lower()} | {f.lemma.lower() for f in analyse(word) if not f.guessed})


def _find(span: tuple[frozenset[str], ...], role: tuple[frozenset[str], ...]) -> int | None:
    """Where ``role`` ends in ``span`` (one other word allowed between two role words), or None."""
    for start in range(len(span)):
        pos = start
        for k, lemmas in enumerate(role):
            window = range(pos, min(pos + (1 if k == 0 else 2), len(span)))
            hit = next((j for j in window if lemmas & span[j]), None)
            if hit is None:
                break
            pos = hit + 1
        else:
            return pos
    return None


def _actor(entry: dict) -> Actor:
    return Actor(
        name=entry["name"], type=entry["type"], wikidata=entry.get("wikidata"), country=entry.get("country"),
        sector=entry.get("sector"), en=entry.get("en") or entry["name"], aliases=list(entry.get("aliases") or []),
        roles=list(entry.get("roles") or []), roles_en=list(entry.get("roles_en") or []),
        forms=list(entry.get("forms") or []), lat=entry.get("lat"), lon=entry.get("lon"),
    )


@cache
def load_actors() -> list[Actor]:
    """The dictionary, with the collective phrases of ``roles.yaml`` (``strona rosyjska`` -> Rosja)
    and the demonyms of ``demonyms.yaml`` (``Rosjanie`` -> Rosja) attached to their actors."""
    actors = [_actor(e) for e in lang.load("pl", "actors")]
    by_name = {a.name: a for a in actors}
    for code, attr in (("pl", "roles"), ("en", "roles_en")):
        for phrase, name in (_optional(code, "roles").get("collective") or {}).items():
            getattr(by_name[name], attr).append(phrase)
    for code in ("pl", "en"):
        for name, forms in (_optional(code, "demonyms").get("people") or {}).items():
            by_name[name].forms.extend(forms)
    return actors


def _optional(code: str, name: str) -> dict:
    try:
        return lang.load(code, name) or {}
    except FileNotFoundError:
        return {}


@cache
def actor_index() -> ActorIndex:
    """The index over the whole dictionary (built once; about a second)."""
    return ActorIndex(load_actors())
