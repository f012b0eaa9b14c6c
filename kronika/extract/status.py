"""The life cycle of an event: occurred, planned, cancelled, negated or hypothetical.

Read from the clause of the trigger: the tense and aspect of its verb (or of the light verb of a
trigger noun: ``rozmowy odbędą się``), modal verbs (``mają się spotkać``), negation
(``nie spotkali się``), cancellation words (``spotkanie odwołano``) and conditionals
(``gdyby``, ``mógłby``). The words are in ``lang/<lang>/events.yaml`` under ``status``.
"""
from __future__ import annotations

from kronika.extract.roles import NOUN_CLASSES, VERB_CLASSES, lemma, word_class
from kronika.model import Token

PARTICIPLES = {"ppas", "pact"}


def _spelling(tok: Token) -> tuple[str, str]:
    """The lemma and the word of a token in lower case, as the lists of words are written."""
    return lemma(tok).lower(), tok.text.lower()


class StatusReader:
    def __init__(self, cfg: dict):
        self.cfg = cfg
        self.sets = {k: set(v) for k, v in cfg.items() if isinstance(v, list)}

    def _is(self, tok: Token, key: str) -> bool:
        return self._any(key, [_spelling(tok)])

    def _any(self, key: str, spelled: list[tuple[str, str]]) -> bool:
        """Is one of the (lemma, word) pairs (lower-cased, see _spelling) in the list ``key``?"""
        words = self.sets.get(key, ())
        return any(low_lemma in words or low_word in words for low_lemma, low_word in spelled)

    def negated_at(self, tokens: list[Token], i: int, clause: range) -> bool:
        """True when a negation stands before token i (over particles such as ``się``, ``już``)."""
        j = i - 1
        while j >= clause.start and self._is(tokens[j], "skip_between"):
            j -= 1
        return j >= clause.start and self._is(tokens[j], "negation")

    def head_verb(self, tokens: list[Token], clause: range, trigger: int) -> int | None:
        """The verb a trigger noun depends on: a participle right after it (``porozumienia osiągnięte``),
        else the nearest verb form of its clause, preferring the left."""
        if trigger + 1 < clause.stop and word_class(tokens[trigger + 1]) in PARTICIPLES:
            return trigger + 1
        best = None
        for i in clause:
            if i != trigger and (word_class(tokens[i]) in VERB_CLASSES or word_class(tokens[i]) in PARTICIPLES):
                if best is None or abs(i - trigger) < abs(best - trigger) or (abs(i - trigger) == abs(best - trigger) and i < trigger):
                    best = i
        return best

    def governing_verbs(self, tokens: list[Token], clause: range, verb: int) -> list[int]:
        """Verbs that carry the tense of an infinitive (``mają [się] spotkać``, ``nie udało się
        wypracować``) or of a passive participle (``zostało odwołane``, ``zostanie podpisane``)."""
        cls = word_class(tokens[verb])
        if cls in PARTICIPLES:
            j = verb - 1
            while j >= clause.start and self._is(tokens[j], "skip_between"):
                j -= 1
            if j < clause.start or not (word_class(tokens[j]) in VERB_CLASSES or self._is(tokens[j], "planned_modals")):
                return []
            return [j] + (self.governing_verbs(tokens, clause, j) if word_class(tokens[j]) == "inf" else [])
        if cls != "inf":
            return []
        out = []
        j = verb - 1
        while j >= clause.start:
            cls = word_class(tokens[j])
            if cls in VERB_CLASSES or self._is(tokens[j], "planned_modals"):
                out.append(j)
                if cls != "inf":
                    break
            elif cls in NOUN_CLASSES and j < verb - 4:
                break
            j -= 1
        return out

    def status(self, tokens: list[Token], clause: range, trigger: int, used: set[int], prefix_open: str | None,
               light: frozenset[str] = frozenset(), before: range | None = None,
               lowered: list[tuple[str, str]] | None = None) -> tuple[str, bool]:
        """(status, negated) of the event triggered at ``trigger``; ``used`` are the trigger's own tokens.

        A trigger noun is negated only through a verb that realises it (``light``: ``nie odbyło się``,
        ``nie osiągnięto``): ``spotkanie nie przyniosło postępu`` still reports a meeting.

        ``before``: the clause before, whose verb an infinitive with none of its own depends on.
        ``negated`` tells the caller that the trigger itself is negated, for triggers whose
        negation is another event type (``nie zgadzają się`` is a rejection).
        ``lowered``: the lower-cased (lemma, word) of every token (``DocView.lowered``), when the caller has them.
        """
        others = [i for i in clause if i not in used]
        # looked up in several lists below
        spelled = {i: lowered[i] if lowered is not None else _spelling(tokens[i]) for i in others}
        if prefix_open in self.sets.get("hypothetical", ()) or self._any("hypothetical", spelled.values()):
            return "hypothetical", False
        if self._any("cancel", spelled.values()):
            return "cancelled", False

        cls = word_class(tokens[trigger])
        is_verb = cls in VERB_CLASSES or cls in PARTICIPLES
        verb = trigger if is_verb else self.head_verb(tokens, clause, trigger)
        chain = ([verb] + self.governing_verbs(tokens, clause, verb)) if verb is not None else []
        if len(chain) == 1 and word_class(tokens[verb]) == "inf" and before is not None:
            # "ma wrócić ..., po czym skontaktować się": an infinitive shares the tense of the clause before
            last = next((j for j in reversed(before) if word_class(tokens[j]) in VERB_CLASSES), None)
            if last is not None:
                chain += [last] + self.governing_verbs(tokens, before, last)

        if self._any("absence", [spelled[i] for i in others if abs(i - trigger) <= 3]):
            return "negated", False
        for v in chain:
            if not is_verb and not (lemma(tokens[v]).lower() in light or self._is(tokens[v], "failure")
                                    or self._is(tokens[v], "cancel_if_negated")):
                continue
            if self.negated_at(tokens, v, clause):
                if not is_verb and self._is(tokens[v], "cancel_if_negated"):
                    return "cancelled", False
                if self._is(tokens[v], "failure") or v == trigger or is_verb:
                    return "negated", True
                return "negated", False
        if self.negated_at(tokens, trigger, clause):
            return "negated", True
        if self._any("conditional_particle", [spelled[i] for i in others if i > clause.start]):
            return "hypothetical", False

        if any(self._is(tokens[i], "planned_modals") for i in chain) or self._any(
            "planned_modals", [spelled[i] for i in others if word_class(tokens[i]) in PARTICIPLES | {"adj", "ign"}]
        ):
            return "planned", False
        if self._any("planned_words", spelled.values()):
            return "planned", False
        for v in chain:
            tag = tokens[v].tag
            cls_v = word_class(tokens[v])
            if cls_v == "bedzie" or self._is(tokens[v], "future_aux"):
                return "planned", False
            if cls_v == "fin" and ":perf" in tag:
                return "planned", False
            if cls_v in ("fin", "praet", "imps", "ppas", "pact", "pcon", "pant", "ger"):
                return "occurred", False
        return "occurred", False
