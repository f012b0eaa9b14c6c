"""What the dictionaries know about a name, as features of the NER and tagger model.

spaCy's ``MultiHashEmbed`` embeds a word by its spelling alone (norm, prefix, suffix, shape), so a
name the model never saw in NKJP is a stranger to it. ``kronika.DictionaryHashEmbed.v1`` embeds
more features, each a function of the word alone (so the runtime's per-word cache still holds),
named in ``model.cfg``:

- ``name_kind`` (shipped): what kind of name SGJP takes the word for (first name, surname,
  geographical name, organisation..., or a guess) and what kind of place the GeoNames gazetteer
  knows by that name (country, city). PolEval 2018: 0.781 -> 0.804.
- ``name_lemmas``: the lemmas of a capitalised word's readings, so that every case of a name looks
  alike to the model. With ``name_kind``, PolEval 0.807, but the full tags (case) on UD fell from
  0.772 to 0.765: not shipped.

Neither says anything of a common word. Telling the model a common word's lemmas or grammatical
classes ("miał": the noun, or the verb "mieć") showed the tagger the set of readings it is trained to
put its probability on (``partial_tagger``), and it learnt to choose among them less well (UD lemma
accuracy 0.961 -> 0.958), although the entities gained a little more (PolEval 0.818).
"""
from __future__ import annotations

from functools import lru_cache

import numpy
from spacy.attrs import IDS
from spacy.strings import get_string_id
from spacy.util import registry
from thinc.api import HashEmbed, Maxout, Model, chain, concatenate, list2ragged, ragged2list, with_array

from kronika.language.morphology import analyse_word

NAME_KINDS = frozenset({
    "imię", "nazwisko", "nazwa_geograficzna", "nazwa_organizacji", "nazwa_firmy", "nazwa_instytucji",
    "nazwa_własna", "nazwa_obiektu", "pseudonim", "przydomek", "guess",
})


@registry.architectures("kronika.DictionaryHashEmbed.v1")
def DictionaryHashEmbed(
    width: int, attrs: list[str], rows: list[int], dictionary: list[str], dictionary_rows: list[int]
) -> Model:
    """``MultiHashEmbed`` (no static vectors) with the ``dictionary`` features (names of
    ``FEATURES``) embedded after the spelling ones, in tables of ``dictionary_rows`` rows."""
    if len(rows) != len(attrs) or len(dictionary_rows) != len(dictionary) or not set(dictionary) <= set(FEATURES):
        raise ValueError(f"rows {rows} for attrs {attrs}, dictionary_rows {dictionary_rows} for {dictionary} (of {list(FEATURES)})")
    all_rows = list(rows) + list(dictionary_rows)
    # seeds as MultiHashEmbed gives them (8, 9...), so the spelling tables start as they would there
    embeddings = [HashEmbed(width, n, column=i, seed=8 + i, dropout=0.0) for i, n in enumerate(all_rows)]
    return chain(
        word_feature_extractor([IDS[a] for a in attrs], list(dictionary)),
        list2ragged(),
        with_array(concatenate(*embeddings)),
        with_array(Maxout(width, width * len(embeddings), nP=3, dropout=0.0, normalize=True)),
        ragged2list(),
    )


def word_feature_extractor(columns: list[int], dictionary: list[str]) -> Model:
    return Model("extract_word_features", _extract, attrs={"columns": columns, "dictionary": dictionary})


def _extract(model: Model, docs, is_train: bool):
    columns, dictionary = model.attrs["columns"], tuple(model.attrs["dictionary"])
    features = []
    for doc in docs:
        spelling = doc.to_array(columns).reshape(len(doc), len(columns))
        known = numpy.array([dictionary_ids(t.text, dictionary) for t in doc], dtype="uint64").reshape(len(doc), len(dictionary))
        features.append(model.ops.asarray2i(numpy.hstack([spelling, known]), dtype="uint64"))
    return features, lambda d_features: []


@lru_cache(maxsize=300_000)
def dictionary_ids(word: str, dictionary: tuple[str, ...]) -> tuple[int, ...]:
    readings = analyse_word(word)
    return tuple(_feature_id(name, FEATURES[name](word, readings)) for name in dictionary)


@lru_cache(maxsize=100_000)
def _feature_id(name: str, value: str) -> int:
    return get_string_id(f"{name}={value}")


def name_lemmas(word: str, readings) -> str:
    """"Sienkiewiczem" -> "sienkiewicz"; "Kraków" -> "krak kraka kraków"; "miał" -> "*"."""
    if not word[:1].isupper():
        return "*" if word[:1].isalpha() else word.lower()
    return " ".join(sorted({r.lemma.lower() for r in readings}))


def name_kind(word: str, readings) -> str:
    """"Sienkiewiczem" -> "nazwisko"; "Kraków" -> "city imię nazwa_geograficzna nazwisko";
    "Witkoffem" -> "guess"; "miał" -> "-"."""
    if not word[:1].isalpha():
        return "other"
    kinds = {q for r in readings for q in r.qualifiers if q in NAME_KINDS}
    if word[:1].isupper():
        place = next(filter(None, (_gazetteer_kind(name) for name in dict.fromkeys([r.lemma for r in readings] + [word]))), None)
        if place:
            kinds.add(place)
    return " ".join(sorted(kinds)) or "-"


@lru_cache(maxsize=100_000)
def _gazetteer_kind(name: str) -> str | None:
    from kronika.language.gazetteer import lookup

    place = lookup(name)
    return place.kind if place else None


FEATURES = {"name_lemmas": name_lemmas, "name_kind": name_kind}
