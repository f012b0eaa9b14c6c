"""Speech verbs and their subjects: where Polish (and English) news names who spoke.

A speech verb's subject is looked for after the verb in an attribution that closes a quote
(``- ... - powiedział rzecznik Kremla Dmitrij Pieskow``) and before it inside a sentence
(``Uszakow przekazał, że ...``). The subject is a :class:`Candidate` span: a name, a role phrase
(``ukraińska ambasador``), a pronoun or a common noun. Which entity it names is decided in
:mod:`kronika.extract.quote_speakers`.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache

from kronika import lang as langdata
from kronika.extract.quote_marks import Spans
from kronika.language.morphology import analyse_word
from kronika.model import Doc, Entity, Mention, Token
# NKJP classes that are forms of a verb (a gerund, "przekazanie", is a noun and is not here)
VERB_CLASSES = {"praet", "fin", "bedzie", "impt", "imps", "pcon", "pant", "ppas", "pact", "winien"}
NAME_POS = {"PROPN"}
PHRASE_POS = {"NOUN", "PROPN", "ADJ", "NUM", "X", "DET"}


def words(phrase: str) -> tuple[str, ...]:
    return tuple(phrase.lower().split())


@dataclass(frozen=True)
class Speech:
    """One language's speech words (``kronika/lang/<lang>/speech.yaml``)."""

    verbs: frozenset[str]
    closing_only: frozenset[str]
    labelling: frozenset[str]
    passive: frozenset[str]
    according_to: tuple[tuple[str, ...], ...]
    complementisers: frozenset[str]
    complement_optional: frozenset[str]
    source_cited: tuple[tuple[str, ...], ...]
    relayed_by: tuple[tuple[str, ...], ...]
    roles: frozenset[str]
    role_modifiers: frozenset[str]
    outlets: frozenset[str]
    institutions: frozenset[str]
    relational: frozenset[str]
    former: frozenset[str]
    pronouns: frozenset[str]
    prepositions: frozenset[str]
    addressee_verbs: frozenset[str]
    not_names: frozenset[str]
    label_markers: tuple[tuple[str, ...], ...]
    teasers: tuple[str, ...]
    buttons: tuple[str, ...]
    reflexive_not_speech: frozenset[str] = frozenset()
    oblique_endings: str = r"$^"  # a regex: endings of declined (not nominative) name forms
    oblique_place_endings: str = r"$^"  # the same, added for places and organisations
    forms: dict = field(default_factory=dict)
    relative_pronouns: frozenset[str] = frozenset()  # "który", "którą"...: they open a relative clause
    relative_subjects: frozenset[str] = frozenset()  # those of them that are the clause's subject
    clause_openers: frozenset[str] = frozenset()  # other words that open a clause ("co")
    particles_before_verb: frozenset[str] = frozenset()  # skipped between a subject and its verb

    @staticmethod
    @cache
    def load(lang: str) -> Speech:
        d = langdata.load(lang, "speech")
        phrases = lambda key: tuple(sorted((words(p) for p in d.get(key) or []), key=len, reverse=True))
        return Speech(
            verbs=frozenset(d["speech_verbs"]), closing_only=frozenset(d.get("closing_only") or []),
            labelling=frozenset(d.get("labelling_verbs") or []), passive=frozenset(d.get("passive_participles") or []),
            according_to=phrases("according_to"),
            complementisers=frozenset(d.get("complementisers") or []),
            complement_optional=frozenset(d.get("complement_optional") or []), source_cited=phrases("source_cited"),
            relayed_by=phrases("relayed_by"), roles=frozenset(d.get("roles") or []),
            role_modifiers=frozenset(d.get("role_modifiers") or []), outlets=frozenset(d.get("outlets") or []),
            institutions=frozenset(d.get("institutions") or []),
            relational=frozenset(d.get("relational_roles") or []),
            former=frozenset(d.get("former") or []),
            pronouns=frozenset(d.get("pronouns") or []), prepositions=frozenset(d.get("prepositions") or []),
            addressee_verbs=frozenset(d.get("addressee_verbs") or []),
            not_names=frozenset(d.get("not_names") or []), label_markers=phrases("label_markers"),
            teasers=tuple(d.get("teaser_prefixes") or []), buttons=tuple(d.get("post_buttons") or []),
            forms=dict(d.get("forms") or {}),
            relative_pronouns=frozenset(d.get("relative_pronouns") or []),
            relative_subjects=frozenset(d.get("relative_subjects") or []),
            clause_openers=frozenset(d.get("clause_openers") or []),
            particles_before_verb=frozenset(d.get("particles_before_verb") or []),
            reflexive_not_speech=frozenset(d.get("reflexive_not_speech") or []),
            oblique_endings="(" + "|".join(d.get("oblique_name_endings") or ["$^"]) + ")$",
            oblique_place_endings="(" + "|".join(d.get("oblique_place_endings") or ["$^"]) + ")$",
        )

    def lemma(self, t: Token) -> str:
        return self.lemmas([t], [t.text.lower()])[0]

    def lemmas(self, tokens: list[Token], words: list[str]) -> list[str]:
        """The lemma of each token as the speech lists write it: its word's entry in ``forms``, else
        its lemma without Morfeusz's homonym mark, lower-cased, else the word. ``words``: the tokens'
        texts in lower case. (One comprehension for a whole document: a call per token costs more.)"""
        forms = self.forms
        return [forms.get(w) or (t.lemma.split(":")[0].lower() if t.lemma else w) for t, w in zip(tokens, words)]

    def verb(self, t: Token, closing: bool = False, labelling: bool = False, next_word: str = "",
             lemma: str | None = None) -> str | None:
        """The lemma of ``t`` when it is a speech verb (a closing-only one when ``closing``);
        ``next_word`` is the word after it, ``lemma`` its lemma when the caller has it."""
        cls = t.tag.split(":")[0]
        lemma = self.lemma(t) if lemma is None else lemma
        if labelling and (lemma in self.passive or t.text.lower() in self.passive):
            return lemma
        if t.lang == "pl" and cls not in VERB_CLASSES:
            return None
        if lemma in self.reflexive_not_speech and next_word == "się":
            return None  # "Ukraina zapowiada się jako ...": "promises to be", not "announces"
        if lemma in self.verbs and (closing or lemma not in self.closing_only):
            return lemma
        if labelling and lemma in self.labelling and cls != "inf":  # "można uznać za „sukces”" names nobody
            return lemma
        return None


@cache
def by_first_word(phrases: tuple[tuple[str, ...], ...]) -> dict[str, list[tuple[str, ...]]]:
    """``phrases`` grouped by their first word, each group in the order of ``phrases``."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for p in phrases:
        index.setdefault(p[0], []).append(p)
    return index


def _may_be_nominative(t: Token, number: str) -> bool:
    return any(r.tag.startswith(f"subst:{number}:nom:") and r.lemma == t.lemma for r in analyse_word(t.text))


def gender(tag: str) -> str | None:
    """'f', 'm', 'n' for a singular form, 'pl' for a plural one, None when the tag has neither."""
    parts = tag.split(":")
    if "pl" in parts[1:]:
        return "pl"
    for value, g in (("f", "f"), ("m1", "m"), ("m2", "m"), ("m3", "m"), ("n", "n")):
        if value in parts[1:]:
            return g
    return None


def agrees(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def name_gender(entity: Entity) -> str | None:
    """A person's gender from the shape of a Polish or Slavic name, when it shows one."""
    if entity.type != "PER":
        return None
    parts = entity.name.split()
    if re.search(r"(ska|cka|dzka|owa|ewa|ina|yna)$", parts[-1]) or (len(parts) > 1 and parts[0].endswith("a")):
        return "f"
    if re.search(r"(ski|cki|dzki|ow|ew|in|yn|ij|yj)$", parts[-1]):
        return "m"
    return None


@dataclass(slots=True)
class Candidate:
    """A span that may be a speaker: a name (with its mention when NER found one) or a role."""

    start: int
    end: int
    mention: Mention | None = None
    role: bool = False
    gender: str | None = None
    generic: bool = False  # a common noun ("mężczyzna", "część mediów"): only the entity layer may name it
    outlet: bool = False  # named after an outlet noun, in whatever case: "agencja Reutera"
    pronoun: bool = False  # "on", "ona": the last person named
    label: str = "PER"  # the type of a new entity made for an unlinked name
    former: bool = False  # "były prezydent": not the office's present holder


class Subjects:
    """Finds the speech verbs' subjects in one document (the tokens, mentions and quoted spans it
    looks at are kept here)."""

    def __init__(self, doc: Doc, speech: Speech):
        self.doc, self.speech, self.text = doc, speech, doc.text
        self.tokens = doc.tokens
        self.starts = [t.start for t in self.tokens]
        self.mentions = sorted(doc.mentions, key=lambda m: m.start)
        # each offset inside a mention -> the first mention holding it (later ones written first, then overwritten)
        self.mention_by_offset = {offset: m for m in reversed(self.mentions) for offset in range(m.start, m.end)}
        self.lowered = [t.text.lower() for t in self.tokens]
        self.lemmas = speech.lemmas(self.tokens, self.lowered)
        self.quoted = Spans()  # spans of quoted words: nobody inside them is a speaker
        self.titles: list[tuple[int, int]] = []  # quoted names of things ("Gazeta Wyborcza")
        self.known_gender: dict[str, str] = {}  # entity id -> gender of the verbs it was the subject of

    # --- tokens -------------------------------------------------------------------------
    def index(self, offset: int) -> int:
        """Index of the first token starting at or after ``offset``."""
        return bisect.bisect_left(self.starts, offset)

    def mention_at(self, offset: int) -> Mention | None:
        return self.mention_by_offset.get(offset)

    def phrase_at(self, i: int, phrases: tuple[tuple[str, ...], ...]) -> int:
        """Length (in tokens) of the first of ``phrases`` starting at token ``i``, or 0."""
        if i >= len(self.lowered):
            return 0
        for p in by_first_word(phrases).get(self.lowered[i], ()):
            if tuple(self.lowered[i:i + len(p)]) == p:
                return len(p)
        return 0

    def _is_prep(self, t: Token) -> bool:
        return t.pos == "ADP" or t.tag.startswith("prep") or t.text.lower() in self.speech.prepositions

    # --- candidates ---------------------------------------------------------------------
    def candidates(self, i: int, j: int, skip_phrases: bool = True, oblique: bool = False) -> list[Candidate]:
        """Possible subjects among tokens [i, j): names and role phrases, left to right.

        With ``skip_phrases``, a prepositional phrase ("przez agencję IFX", "w Senacie") and
        a relay ("na antenie Polsat News") hold no subject and are skipped.
        """
        return list(self.each_candidate(i, j, skip_phrases, oblique))

    def each_candidate(self, i: int, j: int, skip_phrases: bool = True, oblique: bool = False) -> Iterator[Candidate]:
        """:meth:`candidates` one by one, each found only when asked for (the first one is often enough)."""
        k = i
        while k < j:
            t = self.tokens[k]
            if self.quoted.holds(t.start):
                k += 1
                continue
            if skip_phrases and (self._is_prep(t) or self.phrase_at(k, self.speech.relayed_by)):
                k += max(1, self.phrase_at(k, self.speech.relayed_by))
                if k < j:  # the word right after a preposition is its object, whatever case it looks like
                    m = self.mention_at(self.tokens[k].start)
                    k = max(k + 1, self.index(m.end)) if m is not None else k + 1
                while k < j and self._in_phrase(self.tokens[k]):
                    k += 1
                continue
            m = self.mention_at(t.start)
            if m is not None and m.text.split()[0].lower() not in self.speech.not_names:
                yield Candidate(m.start, m.end, mention=m)
                k = max(k + 1, self.index(m.end))
                continue
            if self.lemmas[k] in self.speech.roles:  # also "Szef" opening a sentence, tagged as a name
                cand, k = self._role_phrase(k, j, oblique)
                yield cand
                continue
            if t.pos in NAME_POS and t.text[:1].isupper() and t.text.lower() not in self.speech.not_names:
                e = k
                while e + 1 < j and self.tokens[e + 1].pos in NAME_POS and self.tokens[e + 1].text[:1].isupper():
                    e += 1
                yield Candidate(t.start, self.tokens[e].end)
                k = e + 1
                continue
            k += 1

    def _in_phrase(self, t: Token) -> bool:
        """Does ``t`` continue a prepositional phrase (a noun phrase not in the nominative)?"""
        if t.lang == "pl":
            return t.pos in PHRASE_POS and (t.feature("case") or "") != "nom"
        return t.pos == "PROPN" or t.text.lower() in ("the", "a", "an")

    def _role_phrase(self, k: int, j: int, oblique: bool = False) -> tuple[Candidate, int]:
        """A role noun with its adjectives and genitive complements ("ukraińska ambasador w USA"),
        or the name standing right after it ("rzecznik Kremla Dmitrij Pieskow")."""
        s = k
        while s > 0 and (self.tokens[s - 1].pos == "ADJ" and self.tokens[s - 1].text[:1].islower()
                         or self.tokens[s - 1].text.lower() in self.speech.role_modifiers | self.speech.former):
            s -= 1
        g = next((gender(t.tag) for t in self.tokens[s:k + 1] if t.pos == "ADJ"), None)
        e = k + 1
        holder = None
        while e < j and e - k <= 6:
            t = self.tokens[e]
            m = self.mention_at(t.start)
            if m is not None and self.lemmas[k] in self.speech.outlets and e == k + 1:
                return Candidate(m.start, m.end, mention=m, outlet=True), self.index(m.end)  # "agencja Reutera"
            title = next(((qs, qe) for qs, qe in self.titles if qs - 2 <= t.end <= qs + 1), None)
            if title is not None and self.lemmas[k] in self.speech.outlets and e == k + 1:
                return Candidate(*title, outlet=True, label="ORG"), self.index(title[1]) + 1  # dziennik „Népszava”
            if m is not None and m.label == "PER" and self.nominative(Candidate(m.start, m.end, mention=m)):
                return Candidate(m.start, m.end, mention=m, gender=g), self.index(m.end)
            if m is not None:  # a complement: "doradca Putina", "rzecznik Kremla"
                if oblique and m.label == "PER":  # "według prezydenta Ukrainy Wołodymyra Zełenskiego"
                    holder = m
                e = max(e + 1, self.index(m.end))
                continue
            if t.pos in NAME_POS and t.text[:1].isupper() and (oblique or (t.feature("case") or "nom") == "nom"):
                # a name NER did not find: at most the last two words of a run ("Kremla Dmitrij Pieskow")
                last = e
                while last + 1 < j and self.tokens[last + 1].pos in NAME_POS:
                    last += 1
                first = max(e, last - 1) if last > e else e
                return Candidate(self.tokens[first].start, self.tokens[last].end, gender=g), last + 1
            if t.pos not in PHRASE_POS and not (self._is_prep(t) and t.text.lower() in ("w", "ds.", "in", "of", "to")):
                break
            e += 1
        if holder is not None:
            return Candidate(holder.start, holder.end, mention=holder, gender=g), e
        end = self.tokens[e - 1].end
        while e - 1 > k and self._is_prep(self.tokens[e - 1]):
            e -= 1
            end = self.tokens[e - 1].end
        former = any(t.text.lower() in self.speech.former for t in self.tokens[s:k])
        return Candidate(self.tokens[s].start, end, role=True, gender=g, former=former), e

    def nominative(self, c: Candidate) -> bool:
        """Is the name written in its base form (a subject), not declined ("Putina", "Kremla")?"""
        if c.outlet:
            return True
        if c.mention is not None and c.mention.base:
            base, text = (" ".join(x.lower().replace("’", "'").split()) for x in (c.mention.base, c.mention.text))
            if base.endswith(text):  # not folded: "Rosją" is not "Rosja"
                return True
            # the dictionary may spell the name otherwise ("Dmitrijew" for "Dmitriew"): look at the ending
            last = text.split()[-1] if text else ""
            if c.mention.label != "PER" and re.search(self.speech.oblique_place_endings, last):
                return False
            return not re.search(self.speech.oblique_endings, last)
        cases = {t.feature("case") for t in self.tokens[self.index(c.start):self.index(c.end)]} - {None}
        return not cases or "nom" in cases

    # --- subjects -------------------------------------------------------------------------
    def subject(self, v: int, lo: int, hi: int, trailing: bool) -> Candidate | None:
        """The subject of the speech verb at token ``v`` within tokens [lo, hi)."""
        verb = self.tokens[v]
        if verb.tag.startswith("pcon"):  # "..., ostrzegając, że": the subject of the clause's finite verb
            finite = next((k for k in range(v - 1, lo - 1, -1) if self.tokens[k].tag.split(":")[0] in ("praet", "fin")
                           and not self.quoted.holds(self.tokens[k].start)), None)
            if finite is not None:
                return self.subject(finite, lo, hi, trailing=False)
        before = v - 1
        while before >= lo and self.lemmas[before] in self.speech.particles_before_verb:
            before -= 1
        if before >= lo and self.tokens[before].text.lower() in self.speech.relative_pronouns:
            if self.tokens[before].text.lower() not in self.speech.relative_subjects:
                # "masakry, którą określał ...": the relative clause keeps the main clause's subject
                main = self._last_subject(self.candidates(lo, before))
                if main is not None:
                    return main
            start = self.tokens[lo].start
            people = [m for m in self.mentions if start <= m.start and m.end <= self.tokens[before].start
                      and m.label == "PER" and not self.quoted.holds(m.start)]
            if people:
                return Candidate(people[-1].start, people[-1].end, mention=people[-1])
            named = [c for c in self.candidates(lo, before, skip_phrases=False, oblique=True) if not c.role]
            people = [c for c in named if self._person(c)]
            return (people or named or [None])[-1]
        if self.passive(v):
            by = self.agent(v, hi)
            if by is not None:  # the agent is the phrase right after "przez", or a common noun ("przez władze")
                found = self.candidates(by + 1, min(hi, by + 5), skip_phrases=False)
                if found and self.index(found[0].start) <= by + 3:
                    return found[0]
                if by + 1 < hi:  # an agent that is no name: somebody, but not the previous speaker
                    return Candidate(self.tokens[by + 1].start, self.tokens[by + 1].end, role=True, generic=True)
                return None
        after_end = self._sentence_stop(v + 1, hi) if trailing else self._clause_end(v + 1, hi)
        after = [c for c in self.candidates(v + 1, after_end) if not self._pronoun(c)] \
            if self.lemmas[v] not in self.speech.addressee_verbs else []
        clause_start = lo if trailing else self._clause_start(v, lo)
        g = gender(verb.tag)
        first_after = self._first_subject([c for c in after if self._may_be(c, g)])
        last_before = self._last_subject([c for c in self.candidates(clause_start, v) if self._may_be(c, g)])
        if last_before is not None and self._pronoun_between(last_before.end, v):
            last_before = None
        pronoun = next((k for k in (v - 1, v + 1) if 0 <= k < len(self.tokens) and lo <= k < hi
                        and self.tokens[k].text.lower() in self.speech.pronouns), None)
        if pronoun is not None and not (trailing and first_after) and not (not trailing and last_before):
            t = self.tokens[pronoun]  # "Powiedział on, że ...": the last person named, not the last speaker
            return Candidate(t.start, t.end, role=True, pronoun=True)
        found = (first_after or last_before) if trailing else (last_before or first_after)
        common = self._common_noun_subject(v, clause_start, after_end)
        if common is not None and (found is None or abs(self.index(common.start) - v) < abs(self.index(found.start) - v)) \
                and not (found is not None and self._person(found) and self._same_phrase(common, found)):
            return common  # "dopytuje mężczyzna, na co Kriwonogich...", but "inspektor ... Holger Neumann" is one
        return found

    def _same_phrase(self, a: Candidate, b: Candidate) -> bool:
        """No punctuation or verb between two spans: a title and the name it goes with."""
        lo, hi = sorted((a, b), key=lambda c: c.start)
        between = self.tokens[self.index(lo.end):self.index(hi.start)]
        return not any(t.pos in ("PUNCT", "VERB", "AUX", "SCONJ", "CCONJ") for t in between)

    def _may_be(self, c: Candidate, g: str | None) -> bool:
        """Can ``c`` be the subject of a verb of gender ``g``? ("Rozmówczyni Dmytra Swiatnenki
        nie odpowiadała": the man is no subject of a feminine verb.)"""
        if g not in ("f", "m") or c.role:
            return True
        if c.mention is not None and c.mention.entity_id:
            e = self.doc.entity(c.mention.entity_id)
            shown = self.gender_of(e) if e is not None else None
            return shown is None or shown == g or c.mention.label != "PER"
        genders = {gender(t.tag) for t in self.tokens[self.index(c.start):self.index(c.end)]} - {None}
        return not (g == "f" and genders == {"m"})

    def _first_subject(self, cands: list[Candidate]) -> Candidate | None:
        """The first name in the nominative after a verb; a person over an institution, and the
        name after a bare role ("powiedział były konsul w Kanadzie Jan Nowak")."""
        nom = [c for c in cands if self.nominative(c)]
        people = [c for c in nom if self._person(c)]
        if people:
            return people[0]
        return next((c for c in nom if not self._is_place(c)), nom[0] if nom else None)

    def _last_subject(self, cands: list[Candidate]) -> Candidate | None:
        nom = [c for c in cands if self.nominative(c)]
        people = [c for c in nom if self._person(c)]
        return (people or nom or [None])[-1]

    def _common_noun_subject(self, v: int, lo: int, hi: int) -> Candidate | None:
        """A subject that is no name ("Część mediów opisuje", "dopytuje mężczyzna"): a noun in the
        nominative agreeing with the verb, right before or after it. Such a speaker is not the
        previous one, so it stops the inheritance of speakers."""
        verb = self.tokens[v]
        number = "pl" if ":pl:" in verb.tag + ":" else "sg" if ":sg:" in verb.tag + ":" else None
        if number is None:
            return None
        for side in (range(v - 1, max(lo, v - 3) - 1, -1), range(v + 1, min(hi, v + 3))):
            for k in side:
                t = self.tokens[k]
                if t.pos not in ("NOUN", "ADJ") or (k > 0 and self._is_prep(self.tokens[k - 1])):
                    break
                nxt = self.tokens[k + 1] if k + 1 < len(self.tokens) else None
                # before the verb, a noun whose nominative and accusative are spelt alike ("Część
                # mediów opisuje") is taken for the subject, whichever of the two the tagger chose
                nominative = t.feature("case") == "nom" or (k < v and t.feature("case") == "acc" and _may_be_nominative(t, number))
                if t.pos == "NOUN" and nominative and t.feature("number") == number \
                        and self.lemmas[k] not in self.speech.roles \
                        and not (nxt and nxt.pos in ("NOUN", "PROPN") and nxt.feature("case") in ("nom", None)) \
                        and agrees(gender(verb.tag) if number == "sg" else None, gender(t.tag)):
                    return Candidate(t.start, t.end, role=True, generic=True)
        return None

    def passive(self, v: int) -> bool:
        verb = self.tokens[v]
        return verb.tag.startswith("ppas") or self.lemmas[v] in self.speech.passive \
            or verb.text.lower() in self.speech.passive

    def agent(self, v: int, hi: int) -> int | None:
        """Index of the "przez" (or "by") that introduces the agent of a passive verb."""
        return next((k for k in range(v + 1, hi) if self.lemmas[k] in ("przez", "by")), None)

    def _sentence_stop(self, i: int, hi: int) -> int:
        """The first full stop after token ``i`` (a sentence splitter may read "X." as an initial)."""
        return next((k for k in range(i, hi) if self.tokens[k].text in (".", "!", "?")), hi)

    def _clause_end(self, i: int, hi: int) -> int:
        for k in range(i, hi):
            if self.tokens[k].text in (",", ":", ";", "„", '"', "“", "«", "-", "–", "—") \
                    or self.lemmas[k] in self.speech.complementisers:
                return k
        return hi

    def _clause_start(self, v: int, lo: int) -> int:
        for k in range(v - 1, lo - 1, -1):
            t = self.tokens[k]
            if t.text in (";", ":", "”", "»") or self.lemmas[k] in self.speech.complementisers \
                    or self.lemmas[k] in self.speech.relative_pronouns or self.lemmas[k] in self.speech.clause_openers:
                return k + 1
        return lo

    def _pronoun(self, c: Candidate) -> bool:
        return self.text[c.start:c.end].lower() in self.speech.pronouns

    def _pronoun_between(self, a: int, b: int) -> bool:
        return any(self.lemmas[k] in self.speech.pronouns for k in range(self.index(a), b))

    def _person(self, c: Candidate) -> bool:
        return c.mention.label == "PER" if c.mention is not None else not c.role

    def _is_place(self, c: Candidate) -> bool:
        return c.mention is not None and c.mention.label == "LOC"

    def gender_of(self, e: Entity) -> str | None:
        """'f' or 'm' as the article's own verbs showed it, else as the name shows it."""
        return self.known_gender.get(e.id) or name_gender(e)
