"""Grammar rules applied to the chosen readings of a sentence: a preposition and its noun phrase
share a case, and an adjectival pronoun with no noun after it is the noun-like pronoun."""
from __future__ import annotations

from functools import lru_cache

from kronika import lang as lang_data
from kronika.language.morphology import Reading, analyse_word
from kronika.language.tagset import CATEGORY_OF_VALUE, similarity, upos
from kronika.model import Token

CASES = {v for v, category in CATEGORY_OF_VALUE.items() if category == "case"}
HEADS = {"subst", "depr", "ppron12", "ppron3", "siebie", "num", "numcol", "ger"}
MODIFIERS = {"adj", "pact", "ppas", "adv", "qub", "dig"}


def agree_prepositions(sentence: list[Token]) -> None:
    """A preposition, the adjectives after it and their noun share a case ("w nowej Polsce":
    prep:loc + loc + loc). Where the chosen readings disagree, the noun takes its reading closest
    to the chosen one among those in a case the preposition governs, and the others follow it."""
    for i, prep in enumerate(sentence[:-1]):
        if not prep.tag.startswith("prep"):
            continue
        phrase = []
        for t in sentence[i + 1 : i + 5]:
            phrase.append(t)
            if t.tag.split(":", 1)[0] not in MODIFIERS:
                break
        noun = phrase[-1] if phrase and phrase[-1].tag.split(":", 1)[0] in HEADS else None
        if noun is None:
            continue
        cases = _governed_cases(prep.text)
        if _case(noun.tag) not in cases and not _recase(noun, cases):
            continue
        case = _case(noun.tag)
        _recase(prep, {case})
        for t in phrase[:-1]:
            if _case(t.tag) not in (None, case):
                _recase(t, {case})


def noun_like_pronouns(sentence: list[Token]) -> None:
    """"o tym, że": an adjectival pronoun with no nominal word after it is its noun-like
    counterpart (``pronoun_without_noun`` in ``lang/pl/readings.yaml``), in the same case, or,
    where the noun-like one has no such form ("tym" is no dative of "to"), in a case the
    preposition before it governs, which the preposition then takes too."""
    pairs = lang_data.load("pl", "readings").get("pronoun_without_noun") or {}
    for i, t in enumerate(sentence):
        if t.lemma not in pairs or not t.tag.startswith("adj"):
            continue
        after = sentence[i + 1].tag.split(":", 1)[0] if i + 1 < len(sentence) else ""
        if after in HEADS or after in ("adj", "pact", "ppas"):
            continue
        readings = [r for r in analyse_word(t.text) if r.lemma == pairs[t.lemma]]
        prep = sentence[i - 1] if i and sentence[i - 1].tag.startswith("prep") else None
        same = [r for r in readings if _case(r.tag) == _case(t.tag)]
        if not same and prep is not None:
            same = [r for r in readings if _case(r.tag) in _governed_cases(prep.text)]
        if same:
            set_reading(t, max(same, key=lambda r: similarity(r.tag, t.tag)))
            if prep is not None:
                _recase(prep, {_case(t.tag)})


def _recase(t: Token, cases) -> bool:
    """Give ``t`` its reading closest to the current one among those in one of ``cases``."""
    options = [r for r in analyse_word(t.text) if _case(r.tag) in cases]
    if not options:
        return False
    set_reading(t, max(options, key=lambda r: similarity(r.tag, t.tag)))
    return True


@lru_cache(maxsize=10_000)
def _governed_cases(preposition: str) -> frozenset[str]:
    """The cases a preposition's readings govern ("w": loc, acc)."""
    return frozenset(r.tag.split(":")[1] for r in analyse_word(preposition) if r.pos == "prep" and ":" in r.tag)


@lru_cache(maxsize=10_000)
def _case(tag: str) -> str | None:
    return next((v for v in tag.split(":")[1:] if v in CASES), None)


def set_reading(t: Token, r: Reading) -> None:
    t.lemma, t.tag = r.lemma, r.tag
    t.pos = upos(r.tag, r.lemma)
