"""The time words of one language, read from ``kronika/lang/<lang>/time.yaml``.

A :class:`TimeWords` holds the word classes (every written form mapped to its value) and the
compiled patterns in which ``{class}`` stands for any word of a class. Polish lemmas are expanded
into their case forms with morfeusz2, so the data file lists ``wtorek`` once and the engine
also knows ``wtorku``, ``wtorkiem``, ``wtorkowe``, ``wtorkowych``...
"""
from __future__ import annotations

import re
from re import _parser as sre  # the standard library's regex parser: which parts are optional
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from kronika import lang as langdata

PLACEHOLDER = re.compile(r"\{(\w+)\}")


def inflect(lemma: str, tag_prefixes: list[str]) -> set[str]:
    """The lemma and those of its forms whose morfeusz2 tag starts with one of the prefixes."""
    from kronika.language.morphology import generated_forms

    forms = {lemma}
    if " " in lemma:  # a phrase is taken as written
        return forms
    for form, _, tag, *_ in generated_forms(lemma):
        if any(tag.startswith(p) for p in tag_prefixes):
            forms.add(form)
    return forms


@dataclass
class WordClass:
    name: str
    case_sensitive: bool = False
    anchor: bool = False  # every pattern holds an anchor word or a digit: patterns are only tried near them
    values: dict[str, Any] = field(default_factory=dict)  # form (folded unless case-sensitive) -> value

    def key(self, text: str) -> str:
        text = re.sub(r"\s+", " ", text)
        return text if self.case_sensitive else text.lower()

    def regex(self) -> str:
        alternation = _alternation(sorted(self.values, key=len, reverse=True))
        return f"(?-i:{alternation})" if self.case_sensitive else f"(?:{alternation})"


def _alternation(forms: list[str]) -> str:
    """A regex of the forms, tried in their order, each space matching any whitespace. Forms are
    grouped by their first character, and so on (a trie: ``wtorek|wtorku`` -> ``w(?:t(?:o(?:r(?:k(?:u|...``):
    the regex engine then tries a class of hundreds of forms only where its first letters stand,
    not form by form at every word. The order is kept: only forms of one group can match at a
    place, and those are tried in their order."""
    groups: dict[str, list[str]] = {}
    for form in forms:
        groups.setdefault(form[:1], []).append(form[1:])
    parts = []
    for first, rests in groups.items():
        head = r"\s+" if first == " " else re.escape(first)
        if len(rests) == 1:
            parts.append(head + re.escape(rests[0]).replace(r"\ ", r"\s+"))
        else:
            parts.append(f"{head}(?:{_alternation(rests)})")
    return "|".join(parts)


DIGIT = "digit"  # the anchor of a number: every pattern with a \d in it has it
DIGIT_ANCHORS, NO_ANCHORS = frozenset((DIGIT,)), frozenset()


@dataclass
class Pattern:
    regex: re.Pattern
    anchors: frozenset[str]  # the anchor classes (or DIGIT) of which the pattern holds a word


@dataclass
class TimeWords:
    lang: str
    classes: dict[str, WordClass]
    patterns: list[Pattern]
    ambiguous: set[str]  # bare words that are also ordinary words or names
    habitual: set[str]  # a word before a weekday that makes it a habit ("w każdy czwartek")
    not_before_bare_year: set[str]  # tags of a word that makes a bare number no year ("na 2000 osób")
    tense: dict[str, Any]
    anchor_words: dict[str, frozenset[str]] = field(default_factory=dict)  # first word -> anchor classes

    def anchors_of(self, word: str) -> frozenset[str]:
        """The anchor classes a word may begin (DIGIT for a number): patterns holding none are not tried."""
        if word[0].isdigit():
            return DIGIT_ANCHORS
        folded, exact = self.anchor_words.get(word.lower()), self.anchor_words.get(word)
        if folded is None or exact is None:  # most words anchor nothing: no new set for them
            return folded or exact or NO_ANCHORS
        return folded | exact

    def value(self, group: str, text: str) -> Any:
        """The value of a matched word: from the class named like the group (``month2`` -> ``month``),
        else from the first class that knows the word."""
        name = group.rstrip("0123456789")
        ordered = [self.classes[name]] if name in self.classes else []
        ordered += [c for c in self.classes.values() if c.name != name]
        for cls in ordered:
            v = cls.values.get(cls.key(text))
            if v is not None:
                return v
        return None

    def is_in(self, class_name: str, text: str) -> bool:
        cls = self.classes.get(class_name)
        return cls is not None and cls.key(text) in cls.values


def _word_class(name: str, spec: dict) -> WordClass:
    cls = WordClass(name, bool(spec.get("case_sensitive")), bool(spec.get("anchor")))
    prefixes = spec.get("inflect")
    for value, words in (spec.get("values") or {}).items():
        for word in words:
            for form in inflect(str(word), prefixes) if prefixes else {str(word)}:
                cls.values.setdefault(cls.key(form), value)
    return cls


def _compile(template: str, classes: dict[str, WordClass]) -> Pattern:
    """A template's spaces match any whitespace (`` ?`` optional whitespace); {class} any word of it."""
    body = template.replace(" ?", r"\s*").replace(" ", r"\s+")
    body = PLACEHOLDER.sub(lambda m: classes[m.group(1)].regex() if m.group(1) in classes else m.group(0), body)
    anchors = {name for name in PLACEHOLDER.findall(template) if name in classes and classes[name].anchor}
    if r"\d" in template:
        anchors.add(DIGIT)
    return Pattern(re.compile(rf"(?<![\w.]){body}(?!\w)", re.IGNORECASE),
                   _required_anchors(template, classes) or frozenset(anchors))


def _required_anchors(template: str, classes: dict[str, WordClass]) -> frozenset[str] | None:
    """Anchors one of which every match of ``template`` holds (None when it needs none), read from
    the template's parse: a pattern that cannot match without a month need not be tried near
    every number. Each anchor class is parsed as a private-use character standing for it."""
    names = [n for n in dict.fromkeys(PLACEHOLDER.findall(template)) if n in classes and classes[n].anchor]
    marker = {name: chr(0xE000 + i) for i, name in enumerate(names)}
    anchor_of = {ord(c): name for name, c in marker.items()}

    def required(items) -> frozenset[str] | None:
        found = [r for op, av in items if (r := required_item(op, av))]
        return min(found, key=lambda r: (DIGIT in r, len(r))) if found else None  # numbers are everywhere

    def required_item(op, av) -> frozenset[str] | None:
        if op == sre.LITERAL:
            return frozenset((anchor_of[av],)) if av in anchor_of else None
        if op == sre.IN:  # a character set: one of several anchors ({month}|{month_adj}), or a digit
            if all(o == sre.LITERAL and a in anchor_of for o, a in av):
                return frozenset(anchor_of[a] for _, a in av)
            return DIGIT_ANCHORS if av == [(sre.CATEGORY, sre.CATEGORY_DIGIT)] else None
        if op == sre.SUBPATTERN:
            return required(av[-1])
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT):
            return required(av[2]) if av[0] >= 1 else None
        if op == sre.BRANCH:
            branches = [required(b) for b in av[1]]
            return frozenset().union(*branches) if all(branches) else None
        return None  # lookarounds and the rest: they consume nothing or hold no anchor

    parsed = sre.parse(PLACEHOLDER.sub(lambda m: marker.get(m.group(1), "x"), template))
    return required(parsed)


def _anchor_words(classes: dict[str, WordClass]) -> dict[str, frozenset[str]]:
    """First word of every form of the anchor classes (folded unless case-sensitive) -> its classes."""
    table: dict[str, set[str]] = {}
    for c in classes.values():
        if c.anchor:
            for form in c.values:
                table.setdefault(re.split(r"[\s.']", form)[0], set()).add(c.name)
    return {word: frozenset(names) for word, names in table.items()}


@cache
def time_words(lang: str) -> TimeWords:
    data = langdata.load(lang, "time")
    classes = {name: _word_class(name, spec) for name, spec in data["words"].items()}
    return TimeWords(
        lang=lang,
        classes=classes,
        patterns=[_compile(t, classes) for t in data["patterns"]],
        ambiguous={w.lower() for w in data.get("ambiguous", [])},
        habitual={w.lower() for w in data.get("habitual", [])},
        not_before_bare_year=set(data.get("not_before_bare_year", [])),
        tense=data.get("tense", {}),
        anchor_words=_anchor_words(classes),
    )
