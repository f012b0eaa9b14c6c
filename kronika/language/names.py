"""Base forms of whole names: ``Władimirem Putinem`` -> ``Władimir Putin``,
``Sztabu Generalnego Rosji`` -> ``Sztab Generalny Rosji``, and the reverse, the declined
forms of a base name (to find an actor's name in any case).

Polish names decline word by word, but not every word: in a person's name every word
takes the case; in an organisation's or a place's name only the head noun and the
adjectives agreeing with it do, while genitive complements stay as written
(``Rady Bezpieczeństwa i Obrony Ukrainy`` -> ``Rada Bezpieczeństwa i Obrony Ukrainy``).
Words morfeusz2 knows are inflected with its generator; foreign surnames and towns it does
not know are guessed from their endings (``kronika/lang/pl/declension.yaml``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from kronika import lang
from kronika.language.morphology import analyse_word, generated_forms, nkjp_tag

CASES = ("nom", "gen", "dat", "acc", "inst", "loc", "voc")
NOUN_POS = {"subst", "depr"}
ADJ_POS = {"adj", "ppas", "pact"}
PERSON = {"imię", "nazwisko"}
PROPER = {"nazwa_geograficzna", "nazwa_organizacji", "nazwa_własna_budowli", "człon_nazwy_geograficznej",
          "nazwa_firmy", "człon_nazwy_organizacji", "nazwa_instytucji", "nazwa_obiektu"}
VOWELS = set("aąeęioóuy")
ADJECTIVE_ENDINGS = ("ej", "ą", "ego", "emu", "ym", "ich", "ymi", "im", "ych")
GUESSED_ENDING = 0.6  # the trust in a reading guessed from a case ending
ALL_GENDERS = frozenset({"m1", "m2", "m3", "f", "n"})
APOSTROPHES = "'’`"
TO_APOSTROPHE = str.maketrans({a: "'" for a in APOSTROPHES})


@dataclass(frozen=True, slots=True)
class Form:
    """One reading of a word: its lemma and what its tag says."""

    lemma: str
    pos: str
    number: frozenset[str]
    cases: frozenset[str]
    genders: frozenset[str]
    kind: str = ""  # "person" (first name, surname), "name" (place, organisation...), "" (common word)
    trust: float = 1.0  # 1 for the dictionary's readings; guesses less (0.6 by an ending, 0 the word as it is)
    degree: str = ""

    @property
    def guessed(self) -> bool:
        return self.trust < 1


def _parse(lemma: str, tag: str, qualifiers) -> Form | None:
    values = _tag_values(tag)
    if values is None:
        return None
    pos, number, cases, genders, degree = values
    return Form(lemma.split(":")[0], pos, number, cases, genders, _kind(qualifiers or ()), 1.0, degree)


@lru_cache(maxsize=10_000)
def _kind(qualifiers: tuple[str, ...]) -> str:
    """The kind of name (:attr:`Form.kind`) SGJP's qualifiers of a reading say."""
    quals = set(qualifiers)
    return "person" if PERSON & quals else "name" if PROPER & quals else ""


@lru_cache(maxsize=10_000)
def _tag_values(tag: str) -> tuple[str, frozenset[str], frozenset[str], frozenset[str], str] | None:
    """A nominal tag's part of speech, numbers, cases, genders and degree; None for another tag."""
    parts = tag.split(":")
    if parts[0] not in NOUN_POS | ADJ_POS or len(parts) < 4:
        return None
    degree = parts[4] if parts[0] == "adj" and len(parts) > 4 else ""
    return parts[0], frozenset(parts[1].split(".")), frozenset(parts[2].split(".")), frozenset(parts[3].split(".")), degree


@lru_cache(maxsize=200_000)
def analyse(word: str) -> tuple[Form, ...]:
    """The nominal readings of one word: the dictionary's (morfeusz2), else guessed from the ending
    by the rules here, which also run backwards to decline a name (see :func:`declined_forms`)."""
    if any(a in word for a in APOSTROPHES):
        return guess(word)
    found = [r for r in analyse_word(word) if "guess" not in r.qualifiers and r.pos != "ign"]
    forms = [f for r in found if (f := _parse(r.lemma, r.tag, r.qualifiers))]
    return tuple(forms) if forms else guess(word)


@cache
def _endings():
    return sorted(lang.load("pl", "declension")["endings"], key=lambda r: -len(r["end"]))


@cache
def _endings_by_size() -> tuple[tuple[int, dict[str, list[dict]]], ...]:
    """The ending rules by the length of their ending, longest first, then by the ending: the rules a
    word's ending matches, found without trying each, come in the order of :func:`_endings`."""
    by_size: dict[int, dict[str, list[dict]]] = {}
    for rule in _endings():
        by_size.setdefault(len(rule["end"]), {}).setdefault(rule["end"], []).append(rule)
    return tuple(sorted(by_size.items(), reverse=True))


def _after_ok(stem: str, after: str | list[str] | None) -> bool:
    """Does the stem end as the rule's ``after`` asks: a string of letters, "C" (a consonant) or a list of endings."""
    if not after:
        return bool(stem)
    if isinstance(after, list):
        return stem.lower().endswith(tuple(after))
    last = stem[-1:].lower()
    if after == "C":
        return bool(last) and last.isalpha() and last not in VOWELS
    return bool(last) and last in after


@lru_cache(maxsize=100_000)
def guess(word: str) -> tuple[Form, ...]:
    """Readings of an unknown capitalised word from its ending, the word itself as nominative first."""
    # the word as it is: a nominative, or a foreign name that does not decline (Bibi, May)
    out = [Form(word, "subst", _shared("sg"), _shared(*CASES), ALL_GENDERS, "name", 0.0)]
    norm = _normalise_apostrophe(word)
    for size, rules_by_end in _endings_by_size():
        if len(norm) - size < 2:
            continue
        stem, end = norm[: len(norm) - size], norm[len(norm) - size:]
        for rule in rules_by_end.get(end, ()):
            if _after_ok(stem, rule.get("after")):
                out.append(_guessed(stem, end, rule))
    return tuple(out)


def _guessed(stem: str, end: str, rule: dict) -> Form:
    """The reading an ending rule guesses for a word ``stem`` + ``end``."""
    # masculine names in -a decline as feminine nouns do (Bajwa -> Bajwie), but a final -y
    # or -i is as likely the name's own (Barry, O'Leary, Naimski)
    genders = ("f", "m1") if rule["gender"] == "f" and rule["base"].endswith("a") and end not in ("y", "i") else \
        ("f",) if rule["gender"] == "f" else ("m1", "m3")
    return Form(stem + rule["base"], "subst", _shared("sg"), _shared(*rule["cases"].split(".")),
                _shared(*genders), "name", rule.get("trust", GUESSED_ENDING))


@cache
def _shared(*values: str) -> frozenset[str]:
    """One frozenset for each set of values the guesses use: the guesses are many, the sets few
    (and each object kept in a cache is one more for Python's garbage collector to walk)."""
    return frozenset(values)


def _normalise_apostrophe(word: str) -> str:
    return word.translate(TO_APOSTROPHE)


@lru_cache(maxsize=50_000)
def generate(lemma: str) -> tuple[tuple[str, str], ...]:
    """Every form of a lemma morfeusz2 knows, with its tag."""
    return tuple((orth, nkjp_tag(tag)) for orth, _, tag, _, _ in generated_forms(lemma))


@lru_cache(maxsize=100_000)
def nominative(form: Form, number: frozenset[str] | None = None, genders: frozenset[str] | None = None) -> str:
    """The nominative of a reading, keeping its number (and the head's gender for adjectives)."""
    if form.guessed:
        return form.lemma
    number = number or form.number
    genders = genders or form.genders
    for orth, pos, numbers, form_genders, last in _nominatives(form.lemma):
        if pos == form.pos and number & numbers and genders & form_genders:
            if form.pos == "ppas" and not last.endswith("aff") or form.pos == "adj" and last != (form.degree or "pos"):
                continue
            return orth
    return form.lemma


@lru_cache(maxsize=50_000)
def _nominatives(lemma: str) -> tuple[tuple[str, str, frozenset[str], frozenset[str], str], ...]:
    """The nominative forms of a lemma, in the generator's order, with what :func:`nominative`
    asks of their tag: part of speech, numbers, genders and the tag's last value."""
    return tuple((orth, *values) for orth, _, tag, _, _ in generated_forms(lemma) if (values := _nominative_tag(tag)))


@lru_cache(maxsize=10_000)
def _nominative_tag(sgjp_tag: str) -> tuple[str, frozenset[str], frozenset[str], str] | None:
    """What :func:`nominative` asks of an SGJP tag in the nominative, in NKJP's terms (see
    :func:`_nominatives`); None for another tag."""
    parts = nkjp_tag(sgjp_tag).split(":")
    if len(parts) < 4 or "nom" not in parts[2].split("."):
        return None
    return parts[0], frozenset(parts[1].split(".")), frozenset(parts[3].split(".")), parts[-1]


def _cased(new: str, old: str) -> str:
    """Give ``new`` the capitalisation of ``old``."""
    if old.isupper() and len(old) > 1:
        return new.upper()
    if old[:1].isupper():
        return new[:1].upper() + new[1:]
    return new


def _agree(a: Form, number, case, genders) -> bool:
    return case in a.cases and bool(a.number & number) and bool(a.genders & genders)


def _person(words: list[str], known: frozenset[str]) -> str:
    """Every word of a person's name takes the case: pick the case and gender all words can share.
    A surname that shows no sure case (Sturgeon, Bibi, O'Leary) leaves the name in the nominative
    unless the dictionary knows the first name's case (Asię Bibi -> Asia Bibi, but Nicola Sturgeon stays)."""
    caseless = len(words) > 1 and all(f.trust < GUESSED_ENDING or "sg" not in f.number for f in _word_forms(words[-1])) \
        and not any(GUESSED_ENDING < f.trust < 1 for w in words for f in _word_forms(w))  # Jean-Claude'a
    choices = [_person_choices(w, known) for w in words]
    shared = set(choices[0]).intersection(*choices[1:]) if choices else set(CASE_GENDERS)
    best, best_score = None, None
    for case_gender in CASE_GENDERS:
        if case_gender not in shared:
            continue
        picked = [chosen[case_gender] for chosen in choices]
        score = 0.7 if caseless and case_gender[0] == "nom" else 0.0
        for _f, f_score in picked:
            score += f_score
        if best_score is None or score > best_score:
            best, best_score = picked, score
    if best is None:
        return " ".join(words)
    # only the winner is spelled (each nominative may ask the generator for a new lemma's forms);
    # plural stays plural: Polaków -> Polacy
    return " ".join(_cased(nominative(f), w) for w, (f, _score) in zip(words, best))


PERSON_GENDERS = ("m1", "f")
CASE_GENDERS = tuple((case, gender) for case in CASES for gender in PERSON_GENDERS)  # in the order tried
PERSON_POS = NOUN_POS | {"adj"}


def _person_choices(word: str, known: frozenset[str]) -> dict[tuple[str, str], tuple[Form, float]]:
    """For each (case, gender of PERSON_GENDERS) a word of a person's name may take, its best
    reading there, with the reading's score: a known nominative first, then :func:`_person_score`,
    then the singular; of equals the first."""
    forms = _word_forms(word)
    named = any(r.kind == "person" and "sg" in r.number for r in forms)  # a first name or surname in SGJP
    chosen: dict[tuple[str, str], tuple[Form, float]] = {}
    ranks: dict[tuple[str, str], tuple] = {}
    for f in forms:
        if f.pos not in PERSON_POS:
            continue
        rank = (f.lemma in known, _person_score(f, named), "sg" in f.number)
        for case in f.cases:
            for gender in PERSON_GENDERS:
                if gender in f.genders and ((case, gender) not in ranks or rank > ranks[case, gender]):
                    ranks[case, gender] = rank
                    chosen[case, gender] = (f, 2 * rank[0] + rank[1])
    return chosen


def _person_score(f: Form, named: bool) -> float:
    """How likely a reading is as a word of a person's name: a first name or surname in the
    singular (Ian Bond is not the plural of Bonda); a known name left undeclined (Jean in
    Jean-Claude'a); else any reading the dictionary knows, or a guess by how sure it is."""
    if f.kind == "person":
        return 2.0 if "sg" in f.number else 0.5
    if named and f.trust == 0:
        return 1.0
    return f.trust


@lru_cache(maxsize=100_000)
def _word_forms(word: str) -> tuple[Form, ...]:
    if "-" in word.strip("-"):
        return (Form(word, "subst", _shared("sg"), _shared(*CASES), _shared("m1", "m3", "f", "n"), "name", 0.0),)
    forms = analyse(word)
    if word[:1].isupper() and not any(f.guessed for f in forms):
        # a capitalised word may be a foreign name that merely looks like a Polish word
        forms = forms + guess(word)
    return forms


def _phrase(words: list[str], place: bool) -> str:
    """An organisation's or a place's name: the head noun and its agreeing adjectives take
    the nominative; whatever follows the first word that does not agree stays as written."""
    best, best_key, ties = None, None, []
    by_case = [_forms_by_case(w) for w in words]
    for case in CASES:
        for first in by_case[0].get(case, ()):
            out, head, pre_adj = [], None, []
            for i, w in enumerate(words):
                forms = [first] if i == 0 else by_case[i].get(case, ())
                if head is None:
                    noun = next((f for f in forms if f.pos in NOUN_POS), None)
                    adj = next((f for f in forms if f.pos in ADJ_POS), None)
                    if adj and (not noun or (i + 1 < len(words) and not noun.kind)):
                        pre_adj.append((adj, w))
                        continue
                    if noun:
                        head = noun
                        out = [_cased(nominative(a, head.number, head.genders), aw) for a, aw in pre_adj
                               if _agree(a, head.number, case, head.genders)]
                        if len(out) < len(pre_adj):
                            break
                        out.append(_cased(nominative(noun), w))
                        continue
                    break
                # "Unionistycznej": an adjective the dictionary lacks, known by its ending
                unknown = all(f.guessed for f in forms) and w.endswith(ADJECTIVE_ENDINGS)
                adj = next((f for f in forms if (f.pos in ADJ_POS or unknown and f.trust == GUESSED_ENDING)
                            and _agree(f, head.number, case, head.genders)), None)
                if not adj:
                    break
                out.append(_cased(nominative(adj, head.number, head.genders), w))
            if head is None:
                continue
            n = len(out)
            # a place's name prefers the dictionary's geographic readings (Ukrainy -> Ukraina, not ukraina)
            key = (n, place and head.kind == "name" and not head.guessed, head.kind != "person", head.trust,
                   head.genders != {"m2"}, "sg" in head.number, case == "nom")  # (m2: Polaki, a slur)
            if best_key is None or key > best_key:
                best, best_key, ties = out + words[n:], key, []
            if key == best_key:
                ties.append(" ".join(out + words[n:]))
    if place and len(set(ties)) > 1:  # Słupsku: Słupsk or Słupsko? the one we know, or the bigger on the map
        return max(ties, key=_place_rank)
    return " ".join(best) if best else " ".join(words)


@lru_cache(maxsize=100_000)
def _forms_by_case(word: str) -> dict[str, tuple[Form, ...]]:
    """The readings of a word (:func:`_word_forms`) by each case they may be in, in order."""
    out: dict[str, list[Form]] = {}
    for f in _word_forms(word):
        for case in CASES:
            if case in f.cases:
                out.setdefault(case, []).append(f)
    return {case: tuple(forms) for case, forms in out.items()}


def _place_rank(name: str) -> int:
    # imported here: both modules read words through this one
    from kronika.language.actors import actor_index
    from kronika.language.gazetteer import lookup

    if actor_index().find(name):
        return 10**12
    place = lookup(name)
    return place.population if place else -1


def base_form(text: str, label: str, lang_code: str = "pl", known: frozenset[str] = frozenset()) -> str:
    """The whole name in its base (nominative) form. ``known`` holds nominatives already seen
    in the article or the dictionary, which settle ambiguous guesses (``Witkoffa``)."""
    if known:
        # only the lemmas the name's words may have count (:func:`_person` asks ``f.lemma in known``):
        # kept to those, ``known`` mostly comes out empty and the result is cached across articles
        known = known & _lemmas_of(text) if label == "PER" and lang_code == "pl" else frozenset()
    return _base_form(text, label, lang_code, known)


@lru_cache(maxsize=100_000)
def _lemmas_of(text: str) -> frozenset[str]:
    """The lemmas of every reading of every word of a name (words split at spaces and hyphens)."""
    return frozenset(f.lemma for w in re.split(r"[\s-]+", text) if w for f in _word_forms(w))


@lru_cache(maxsize=100_000)
def _base_form(text: str, label: str, lang_code: str, known: frozenset[str] = frozenset()) -> str:
    text = " ".join(text.split())
    if not text:
        return text
    if lang_code != "pl":
        return re.sub(r"[’']s?$", "", text) if re.search(r"\w[’']s?$", text) else text
    words = text.split(" ")
    if label == "PER":
        # a double name declines in both parts: Jeana-Claude'a -> Jean-Claude
        parts = [p for w in words for p in w.split("-") if p]
        if len(parts) == len(words) or all(parts):
            based = iter(_person(parts, known).split(" "))
            return " ".join("-".join(next(based) for p in w.split("-") if p) for w in words)
    return _phrase(words, label == "LOC")


def declined_forms(word: str) -> set[str]:
    """Every form of one word of a base name, for matching it in any case."""
    forms = {word}
    if not word or not word[0].isalpha():
        return forms
    readings = analyse(word)
    for f in readings:
        if f.guessed or "nom" not in f.cases or f.lemma.lower() != word.lower() and f.pos in NOUN_POS and f.number == {"pl"}:
            continue
        for orth, tag in generate(f.lemma):
            parts = tag.split(":")
            if parts[0] == f.pos and len(parts) > 3 and f.number & set(parts[1].split(".")) and f.genders & set(parts[3].split(".")):
                forms.add(_cased(orth, word))
    if word[:1].isupper() and (all(f.guessed for f in readings) or any(f.kind for f in readings)):
        forms |= {_cased(w, word) for w in _guessed_forms(word)}
    return forms


def _guessed_forms(word: str) -> set[str]:
    """Forms made by the ending rules run backwards (from the nominative)."""
    out = set()
    for rule in _endings():
        base, end = rule["base"], rule["end"]
        if base and not word.endswith(base):
            continue
        stem = word[: len(word) - len(base)] if base else word
        if not _after_ok(stem, rule.get("after")):
            continue
        if rule["gender"] == "f" and not base:
            continue
        if end.startswith("'") and not (stem[-1:] in ("e", "y") and not base):
            continue
        out.add(stem + end)
        if end.startswith("'"):
            out.add(stem + "’" + end[1:])
    return out
