"""Polish morphology: every reading of a word (morfeusz2 over SGJP), a guesser for words the
dictionary does not know, lemmatisation to a given tag, and generation of inflected forms.

Tags are given in the NKJP tagset (``subst:sg:inst:m1``): SGJP's extra noun subgenders
(``ncol``, ``col``, ``pt``) are dropped and ``part`` is written ``qub``, as in NKJP.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache

import _morfeusz2
import morfeusz2

from kronika import lang as lang_data
from kronika.language.tokenize import abbreviations

SGJP_ONLY_VALUES = {"col", "ncol", "pt"}
QUALIFIER_PROPER = ("nazwisko", "imię", "nazwa_geograficzna", "nazwa_organizacji", "nazwa_własna")


@dataclass(frozen=True, slots=True)
class Reading:
    lemma: str
    tag: str  # NKJP ctag
    qualifiers: tuple[str, ...] = ()  # SGJP name kinds and labels: "nazwisko", "imię", "nazwa_geograficzna"...

    @property
    def pos(self) -> str:
        return self.tag.split(":", 1)[0]


@cache
def morfeusz() -> morfeusz2.Morfeusz:
    """The analyser; its Python wrapper expands dotted tags ("subst:sg:dat.loc:f") for callers of
    ``analyse`` and ``generate``. ``analyse_word`` reads the raw results faster (``_segments``)."""
    return morfeusz2.Morfeusz(expand_tags=True)


@lru_cache(maxsize=10_000)
def nkjp_tag(sgjp_tag: str) -> str:
    parts = [p for p in sgjp_tag.split(":") if p not in SGJP_ONLY_VALUES]
    if parts[0] == "part":
        parts[0] = "qub"
    return ":".join(parts)


@lru_cache(maxsize=50_000)
def expand_tag(sgjp_tag: str) -> tuple[str, ...]:
    """A dotted SGJP tag ("adj:pl:gen:m1.m2:pos") as the NKJP tags it stands for."""
    combos = [""]
    for part in sgjp_tag.split(":"):
        values = [v for v in part.split(".") if v not in SGJP_ONLY_VALUES]
        if values:
            combos = [f"{c}:{v}" if c else v for c in combos for v in values]
    return tuple(dict.fromkeys(nkjp_tag(c) for c in combos))


def base_lemma(lemma: str) -> str:
    """SGJP lemmas carry a homonym mark ("zamek:Sm3~a", "nie:T"): drop it."""
    return lemma.split(":", 1)[0] if len(lemma) > 1 else lemma


@lru_cache(maxsize=200_000)
def analyse_word(form: str) -> tuple[Reading, ...]:
    """All readings of one orthographic word, unknown words guessed from their ending.

    A word morfeusz splits into segments ("powiedziałem" = "powiedział" + "em") gets the
    readings of its first segment. A word ending in a dot ("gen.") is an abbreviation.
    """
    if len(form) > 1 and form.endswith("."):
        expansion = abbreviations("pl").expansions.get(form[:-1].lower())
        if expansion:
            return (Reading(expansion, "brev:pun"),)
        readings = [r for r in analyse_word(form[:-1]) if r.pos == "brev"]
        return tuple(readings) or (Reading(form[:-1], "brev:pun"),)
    found: dict[tuple[str, str, tuple[str, ...]], None] = {}  # each (lemma, tag, qualifiers) once, in order
    for start, lemma, tag_id, name_id, labels_id in _segments(form):
        if start:
            continue
        tag, nkjp_tags, qualifiers = _interpretation(tag_id, name_id, labels_id)
        if tag == "ign":
            continue
        if len(form) == 1 and tag.startswith("brev"):
            lemma = form  # an initial ("J." of "J. Kowalski"), not "Ewangelia świętego Jana"
        lemma = base_lemma(lemma)
        for nkjp in nkjp_tags:
            found[lemma, nkjp, qualifiers] = None
    readings = [Reading(*key) for key in found]
    readings.extend(r for r in _agglutinate(form) if (r.lemma, r.tag, r.qualifiers) not in found)
    if not readings and form.lower() in abbreviations("pl").expansions:  # "r" of "r." split off
        return (Reading(abbreviations("pl").expansions[form.lower()], "brev:pun"),)
    return tuple(readings) or guess(form)


# morfeusz2's extension functions, called directly on the objects behind the wrapper's proxies
# (their ``this``): the wrapper's ``analyse`` makes a new result list per call, iterates it through a
# Python method and reads each attribute through two Python properties, each finding ``this`` again;
# that took twice as long as the analysis itself.
_analyse, _generate = _morfeusz2._Morfeusz_analyse, _morfeusz2._Morfeusz_generate
_clear, _pop, _len = _morfeusz2.InterpsList_clear, _morfeusz2.InterpsList_pop, _morfeusz2.InterpsList___len__
_start = _morfeusz2.MorphInterpretation_startNode_get
_orth = _morfeusz2.MorphInterpretation__orth_get
_lemma = _morfeusz2.MorphInterpretation__lemma_get
_tag_id = _morfeusz2.MorphInterpretation_tagId_get
_name_id = _morfeusz2.MorphInterpretation_nameId_get
_labels_id = _morfeusz2.MorphInterpretation_labelsId_get


@cache
def _native() -> tuple:
    """The analyser and a result list (reused by every call of :func:`_results`), as native objects."""
    return morfeusz()._morfeusz_obj.this, morfeusz2.InterpsList().this


def _results(call, text: str) -> list:
    """The results of ``_analyse`` or ``_generate`` on ``text``, in order, as native objects."""
    analyser, results = _native()
    _clear(results)
    call(analyser, text, results)
    interps = [_pop(results).this for _ in range(_len(results))]  # last first, which empties the list
    interps.reverse()
    return interps


def _segments(form: str) -> list[tuple[int, str, int, int, int]]:
    """morfeusz2's analysis as ``(start node, lemma, tag id, name id, labels id)``; the ids are read
    with :func:`_interpretation`."""
    return [(_start(i), _lemma(i), _tag_id(i), _name_id(i), _labels_id(i)) for i in _results(_analyse, form)]


@lru_cache(maxsize=100_000)
def _interpretation(tag_id: int, name_id: int, labels_id: int) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """``(SGJP tag, the NKJP tags it stands for, qualifiers: names + labels)`` of a result's ids."""
    tag, names, labels = _resolve(tag_id, name_id, labels_id)
    return tag, expand_tag(tag), names + labels


@lru_cache(maxsize=100_000)
def _resolve(tag_id: int, name_id: int, labels_id: int) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """A result's ids as ``(SGJP tag, names, labels)`` (the wrapper's own conversion is slow)."""
    ids = _id_resolver()
    name = ids.getName(name_id)
    return ids.getTag(tag_id), tuple(name.split("|")) if name else (), tuple(ids.getLabels(labels_id))


@cache
def _id_resolver():
    return morfeusz()._morfeusz_obj.getIdResolver()


def _agglutinate(form: str) -> list[Reading]:
    """Person endings written as their own token ("em", "śmy", "m" of "byłem", "byliśmy"):
    morfeusz knows them only after a verb, so ask it about "był" + the ending."""
    if len(form) > 4 or not form.isalpha() or not form.islower():
        return []
    out = []
    for host in ("był", "była", "byli"):
        for start, lemma, tag_id, name_id, labels_id in _segments(host + form):
            tag, nkjp_tags, qualifiers = _interpretation(tag_id, name_id, labels_id)
            if start == 1 and tag.startswith("aglt"):
                out.extend(Reading(base_lemma(lemma), t, qualifiers) for t in nkjp_tags)
    return list(dict.fromkeys(out))


def weights(form: str) -> tuple[float, ...]:
    """How plausible each reading of ``form`` is before context (``lang/pl/readings.yaml``)."""
    return _weights(form)


@lru_cache(maxsize=200_000)
def _weights(form: str) -> tuple[float, ...]:
    readings = analyse_word(form)
    if len(readings) == 1:
        return (1.0,)
    data = lang_data.load("pl", "readings")
    usual = data["usual_class"].get(form.lower())
    usual = {usual} if isinstance(usual, str) else set(usual or ())
    usual_lemma = (data.get("usual_lemma") or {}).get(form.lower())
    if usual or usual_lemma:
        other = data["other_class_weight"]
        out = [
            _prior(r.tag, r.qualifiers) * other
            if (usual and r.pos not in usual) or (usual_lemma and r.lemma != usual_lemma)
            else _prior(r.tag, r.qualifiers)
            for r in readings
        ]
    else:
        out = [_prior(r.tag, r.qualifiers) for r in readings]
    if not any(out):  # the usual class is not among the readings: no preference
        return (1.0,) * len(out)
    return tuple(out)


@cache
def _prior(tag: str, qualifiers: tuple[str, ...]) -> float:
    """A reading's weight by its class and labels alone (per tag and qualifiers: the same for many words)."""
    data = lang_data.load("pl", "readings")
    w = data["class_weight"].get(tag.split(":", 1)[0], 1.0)
    if any(q.endswith(".") for q in qualifiers):
        w *= data["labelled_sense_weight"]
    return w


def guess(form: str) -> tuple[Reading, ...]:
    """Readings of a word SGJP does not know, by the endings in ``lang/pl/guesser.yaml``."""
    rules = _guesser_rules()
    if not form[:1].isupper() or not form.replace("-", "").replace("'", "").replace("’", "").isalpha():
        return (Reading(form, "ign"),)
    for mark in "'’":
        if mark in form:
            stem, _, ending = form.rpartition(mark)
            tag = rules["apostrophe"].get(ending)
            return (Reading(stem, tag, ("guess",)),) if tag else (Reading(form, "ign"),)
    for size in range(min(len(form) - 2, rules["longest"]), 0, -1):
        options = rules["endings"].get(form[-size:])
        if options:
            stem = form[:-size]
            return tuple(Reading(stem + add, tag, ("guess",)) for add, tag in options) + (
                Reading(form, "subst:sg:nom:m1", ("guess",)),
            )
    return (Reading(form, "subst:sg:nom:m1", ("guess",)),)


@cache
def _guesser_rules() -> dict:
    data = lang_data.load("pl", "guesser")
    return {
        "endings": data["endings"],
        "apostrophe": data["apostrophe"],
        "longest": max(len(e) for e in data["endings"]),
    }


def lemmatise(form: str, tag: str | None = None) -> str:
    """The lemma of ``form`` in the reading that agrees best with ``tag`` (first reading if none).

    Capitalised forms keep their capital: "Czerwonym" with an adjective tag gives "Czerwony".
    """
    readings = analyse_word(form)
    if tag:
        best = max(readings, key=lambda r: _agreement(r.tag, tag))
    else:
        best = readings[0]
    lemma = best.lemma
    if form[:1].isupper() and lemma[:1].islower():
        lemma = lemma[:1].upper() + lemma[1:]
    return lemma


def _agreement(candidate: str, wanted: str) -> int:
    c, w = candidate.split(":"), wanted.split(":")
    if c[0] != w[0]:
        return 0
    return 1 + sum(1 for v in w[1:] if v in c[1:])


def generate(lemma: str, tag: str) -> str | None:
    """The form of ``lemma`` with the NKJP ``tag`` ("czerwony", "adj:sg:nom:m3:pos" -> "czerwony")."""
    wanted = tag.split(":")
    best, score = None, -1
    for orth, _lemma, sgjp_tag, _names, _labels in generated_forms(lemma):
        got = nkjp_tag(sgjp_tag).split(":")
        if got[0] != wanted[0]:
            continue
        s = sum(1 for v in wanted[1:] if v in got[1:])
        if s > score:
            best, score = orth, s
    return best


@lru_cache(maxsize=50_000)
def generated_forms(lemma: str) -> tuple:
    """morfeusz2's generation of ``lemma``: ``(form, lemma, SGJP tag, names, labels)`` tuples, one
    per undotted SGJP tag, none for a lemma the generator does not know.

    Read from the native results as ``_segments`` does, with tag, name and label ids resolved through
    caches: the wrapper's ``generate`` expands every tag again in pure Python, which was the slow part."""
    try:
        interps = _results(_generate, lemma)
    except RuntimeError:
        return ()
    out = []
    for i in interps:
        orth, lemma, (tag, names, labels) = _orth(i), _lemma(i), _resolve(_tag_id(i), _name_id(i), _labels_id(i))
        out += [(orth, lemma, t, names, labels) for t in _undotted(tag)]
    return tuple(out)


@lru_cache(maxsize=10_000)
def _undotted(sgjp_tag: str) -> tuple[str, ...]:
    """The plain SGJP tags a dotted one stands for ("subst:sg:dat.loc:f" -> two tags), in the order
    and with the "_" expansion of the wrapper's own ``generate`` (whose expansion this reuses)."""
    return tuple(morfeusz()._expand_tag(sgjp_tag))
