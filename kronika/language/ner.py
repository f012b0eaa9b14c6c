"""From the NER model's spans to kronika's mentions and to PolEval 2018's categories.

The model (trained on NKJP, see ``kronika.language.training``) labels persons by their parts
(``persName_forename``, ``persName_surname``, ``persName_addName``, or a bare ``persName``),
places by kind (``placeName_country``, ``placeName_settlement``...), ``orgName``, ``geogName``,
``date`` and ``time``. A fine span is ``(start, end, label)`` in character offsets.
"""
from __future__ import annotations

from functools import cache

from kronika.language.morphology import analyse_word
from kronika.model import Mention, Token

Span = tuple[int, int, str]
SENTENCE_OPENERS = {".", "!", "?", "…", ":", "–", "—", "-", "„", '"', "(", "«"}
NAME_CLASSES = {"subst", "depr", "ger", "adj", "adja", "adjc", "adjp", "num", "brev", "ign", "xxx"}
PERSON_PARTS = {"persName_forename", "persName_surname", "persName_addName", "persName"}
KRONIKA_LABEL = {"persName": "PER", "orgName": "ORG", "placeName": "LOC", "geogName": "LOC"}
# PolEval 2018 writes the additional name in lower case in most of its gold annotations
POLEVAL_PART = {"persName_forename": "persName_forename", "persName_surname": "persName_surname", "persName_addName": "persName_addname"}
# NKJP gives a people without a state of its own ("Żydów", "Romów", "arabskich") a bare
# ``placeName``; PolEval 2018 has no such category and files nations under countries.
POLEVAL_CATEGORY = {"placeName": "placeName_country"}
NAME_QUALIFIER_PART = {"imię": "persName_forename", "nazwisko": "persName_surname"}
PROPER_QUALIFIERS = {"imię", "nazwisko", "nazwa_geograficzna", "guess"} | {
    "nazwa_organizacji", "nazwa_własna", "nazwa_własna_budowli", "pseudonim", "przydomek"}


def refine(spans: list[Span], tokens: list[Token], text: str) -> list[Span]:
    """Corrections from the dictionaries: the type NKJP's annotators gave a name
    (``name_labels``); a one-word entity that SGJP knows only as an ordinary word is dropped; a
    first name the model left out before a surname ("Steve" Witkoff) is added when SGJP knows it
    as a first name or does not know it at all."""
    at_start = {t.start: i for i, t in enumerate(tokens)}
    known = name_labels()
    out: list[Span] = []
    for start, end, label in sorted(spans):
        label = _known_label(known.get("".join(text[start:end].split())), label)
        i = at_start.get(start)
        if i is not None and tokens[i].end == end and _not_a_name(tokens, i, label):
            continue
        if label in ("persName_surname", "persName") and i and not (out and out[-1][1] >= tokens[i - 1].start):
            before = tokens[i - 1]
            if text[before.end : start] == " " and before.text[:1].isupper() and _maybe_forename(before.text):
                out.append((before.start, before.end, "persName_forename"))
        out.append((start, end, label))
    return out


def _known_label(known: str | None, predicted: str) -> str:
    """The label NKJP's annotators (almost) always gave this name, where it differs in kind."""
    if known is None or known in ("date", "time") or known == predicted.split("_")[0] == "persName":
        return predicted
    if known == "persName" and predicted.startswith("persName"):
        return predicted
    return known


@cache
def name_labels() -> dict[str, str]:
    from kronika.language.tagger import model_table

    return model_table("name_labels")


def _not_a_name(tokens: list[Token], i: int, label: str) -> bool:
    """A one-word entity that SGJP knows only as an ordinary word: a verb or adverb anywhere
    ("Rozrasta"), a common noun taken for a person, or any ordinary word opening a sentence
    (except an adjective of a place: "Polskie władze")."""
    if label in ("date", "time"):
        return False
    readings = analyse_word(tokens[i].text)
    qualifiers = {q for r in readings for q in r.qualifiers}
    if qualifiers & PROPER_QUALIFIERS or tokens[i].text.isupper() or readings[0].pos in ("ign", "brev"):
        return False
    classes = {r.pos for r in readings}
    if not classes & NAME_CLASSES:
        return True
    if label in PERSON_PARTS and "nazwa_pospolita" in qualifiers:
        return True
    opens_sentence = i == 0 or tokens[i - 1].text in SENTENCE_OPENERS
    return opens_sentence and not (label.startswith("placeName") and "adj" in classes)


def _maybe_forename(word: str) -> bool:
    qualifiers = {q for r in analyse_word(word) for q in r.qualifiers}
    return "imię" in qualifiers or qualifiers == {"guess"}


def join_person_parts(spans: list[Span], text: str) -> list[tuple[int, int, str, list[Span]]]:
    """Adjacent person parts ("Jan" + "Kowalski") as one ``persName`` with its parts;
    other spans as they are (with no parts)."""
    out: list[tuple[int, int, str, list[Span]]] = []
    for start, end, label in sorted(spans):
        if label in PERSON_PARTS:
            last = out[-1] if out else None
            if last and last[2] == "persName" and text[last[1] : start].strip() in ("", "-"):
                out[-1] = (last[0], end, "persName", last[3] + [(start, end, label)])
                continue
            out.append((start, end, "persName", [(start, end, label)]))
        else:
            out.append((start, end, label, []))
    return out


def to_mentions(spans: list[Span], text: str) -> list[Mention]:
    """kronika's mentions (PER, ORG, LOC) of the names that start with a capital letter:
    dates and times are the time layer's, and "rosyjskich" is an adjective, not a name."""
    out = []
    for start, end, label, _parts in join_person_parts(spans, text):
        kind = KRONIKA_LABEL.get(label.split("_", 1)[0])
        if kind and text[start : start + 1].isupper():
            out.append(Mention(start, end, text[start:end], kind, source="model"))
    return out


def poleval_entities(spans: list[Span], tokens: list[Token], text: str) -> list[Span]:
    """The categories PolEval 2018 scores: each person with its forename, surname and
    additional-name parts; places by kind; settlements named inside organisation names."""
    out: list[Span] = []
    for start, end, label, parts in join_person_parts(spans, text):
        out.append((start, end, POLEVAL_CATEGORY.get(label, label)))
        if label == "persName":
            out.extend(_person_parts(parts, start, end, tokens, text))
        elif label == "orgName":
            out.extend(_places_inside(start, end, tokens))
    return out


def _person_parts(parts: list[Span], start: int, end: int, tokens: list[Token], text: str) -> list[Span]:
    named = [(s, e, POLEVAL_PART[label]) for s, e, label in parts if label in POLEVAL_PART]
    if named:
        return named
    words = [t for t in _tokens_in(tokens, start, end) if t.text[:1].isupper()]
    if len(words) < 2:
        return []
    out = []
    for t in words:
        qualifiers = {q for r in analyse_word(t.text) for q in r.qualifiers}
        part = next((p for q, p in NAME_QUALIFIER_PART.items() if q in qualifiers), None)
        out.append((t.start, t.end, part or ("persName_surname" if t is words[-1] else "persName_forename")))
    return out


def _places_inside(start: int, end: int, tokens: list[Token]) -> list[Span]:
    """A settlement inside an organisation's name: "Uniwersytet Warszawski", "Dynamo Mińsk"."""
    out = []
    inside = _tokens_in(tokens, start, end)
    for t in inside[1:]:
        if t.text[:1].isupper() and any("nazwa_geograficzna" in r.qualifiers for r in analyse_word(t.text)):
            out.append((t.start, t.end, "placeName_settlement"))
    return out


def _tokens_in(tokens: list[Token], start: int, end: int) -> list[Token]:
    return [t for t in tokens if t.start >= start and t.end <= end]
