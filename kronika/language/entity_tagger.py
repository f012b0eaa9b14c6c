"""Named entities as one IOB label per token, predicted like tags.

spaCy's transition-based recognizer is the slow part of a small pipeline on a laptop CPU; a
softmax over IOB labels on the shared tok2vec costs almost nothing more. The labels come from the
reference entities (``Example.get_aligned_ner``).

The softmax scores each token on its own, so on its own it reads "Katarzyna Muras" as two first
names, or a lone surname as a first name. The labels are therefore decoded together, by Viterbi,
with how much more or less often one label follows another in the training data than it occurs
at all (counted at ``initialize`` and saved in the component's ``cfg``): a first name is rarely
followed by another first name and almost always by a surname. ``transition_weight`` is how much
those counts weigh against the softmax; an ``I-`` label that does not continue an entity of its
type is never chosen.
"""
from __future__ import annotations

from collections import Counter

import numpy
from spacy.language import Language
from spacy.pipeline import Tagger
from spacy.pipeline.tagger import DEFAULT_TAGGER_MODEL
from spacy.tokens import Span
from thinc.api import SequenceCategoricalCrossentropy

TRANSITION_WEIGHT = 0.35  # chosen on NKJP's held-out documents (0.2 to 0.5 score alike; 1.0 is worse)
# A token whose "O" has at least this probability is outside any entity; Viterbi runs only over
# the stretches between such tokens (a few words in a hundred), which keeps decoding cheap.
SURELY_OUTSIDE = 0.995
LOG_SURELY_OUTSIDE = float(numpy.log(SURELY_OUTSIDE))
IMPOSSIBLE = -1e4


def iob(biluo: str | None) -> str | None:
    """spaCy's BILUO tag as IOB ("U-orgName" -> "B-orgName"); None where the annotation is missing."""
    if not biluo or biluo == "-":
        return None
    if biluo[0] in "UL":
        return ("B" if biluo[0] == "U" else "I") + biluo[1:]
    return biluo


def decode(labelled: list[tuple[int, str]]) -> list[tuple[int, int, str]]:
    """The labels of the tokens not labelled "O", as ``(position, IOB label)`` in order ->
    ``(start token, end token, type)`` entities; an ``I-`` label that does not continue an entity
    of its type opens one."""
    spans: list[list] = []
    for i, label in labelled:
        kind = label[2:]
        if label[0] == "I" and spans and spans[-1][1] == i and spans[-1][2] == kind:
            spans[-1][1] = i + 1
        else:
            spans.append([i, i + 1, kind])
    return [tuple(s) for s in spans]


def label_transitions(sequences, labels: list[str]) -> list[list[float]]:
    """log P(label | previous label) from IOB label sequences (add-one smoothed; a sequence is
    preceded and followed by "O"); impossible ``I-`` transitions get ``IMPOSSIBLE`` (JSON, where
    the table is saved, has no infinity)."""
    index = {label: i for i, label in enumerate(labels)}
    counts = Counter()
    for sequence in sequences:
        previous = "O"
        for label in list(sequence) + ["O"]:
            if label is None:  # missing annotation: no evidence either way
                previous = "O"
                continue
            counts[(previous, label)] += 1
            previous = label
    n = len(labels)
    table = numpy.ones((n, n))
    for (a, b), c in counts.items():
        if a in index and b in index:
            table[index[a], index[b]] += c
    # log P(label | previous) - log P(label): the softmax already knows how common each label is
    table = numpy.log(table / table.sum(axis=1, keepdims=True)) - numpy.log(table.sum(axis=0) / table.sum())
    for j, label in enumerate(labels):
        if label.startswith("I-"):
            for i, previous in enumerate(labels):
                if previous[2:] != label[2:]:
                    table[i, j] = IMPOSSIBLE
    return numpy.round(table, 4).tolist()


def viterbi(log_probs: numpy.ndarray, transitions: numpy.ndarray, outside: int, weight: float) -> numpy.ndarray:
    """The best label ids for one document: ``log_probs`` (tokens x labels) from the softmax plus
    ``weight`` x the transitions, decoded over each stretch of tokens not surely outside."""
    best = log_probs.argmax(axis=1)
    unsure = log_probs[:, outside] < LOG_SURELY_OUTSIDE
    best[~unsure] = outside
    trans = weight * transitions
    edges = numpy.flatnonzero(numpy.diff(numpy.concatenate(([0], unsure.view(numpy.int8), [0]))))
    for start, end in zip(edges[::2].tolist(), edges[1::2].tolist()):
        best[start:end] = _viterbi_stretch(log_probs[start:end], trans, outside)
    return best


def _viterbi_stretch(log_probs: numpy.ndarray, trans: numpy.ndarray, outside: int) -> list[int]:
    """Viterbi over a stretch with "O" before and after it."""
    score = trans[outside] + log_probs[0]
    if len(log_probs) == 1:
        return [int((score + trans[:, outside]).argmax())]
    back = []
    for row in log_probs[1:]:
        candidates = score[:, None] + trans
        pointers = candidates.argmax(axis=0)
        back.append(pointers)
        score = candidates[pointers, numpy.arange(len(pointers))] + row
    path = [int((score + trans[:, outside]).argmax())]
    for pointers in reversed(back):
        path.append(int(pointers[path[-1]]))
    return path[::-1]


def log_softmax(scores: numpy.ndarray) -> numpy.ndarray:
    shifted = scores - scores.max(axis=1, keepdims=True)
    return shifted - numpy.log(numpy.exp(shifted).sum(axis=1, keepdims=True))


class EntityTagger(Tagger):
    def initialize(self, get_examples, *, nlp=None, labels=None):
        if labels is None:
            found = {iob(t) for eg in get_examples() for t in eg.get_aligned_ner()}
            labels = sorted(label for label in found if label)
        super().initialize(get_examples, nlp=nlp, labels=labels)
        sequences = ([iob(t) for t in eg.get_aligned_ner()] for eg in get_examples())
        self.cfg["transitions"] = label_transitions(sequences, list(self.labels))

    def get_loss(self, examples, scores):
        """Cross-entropy against the reference labels, times ``loss_weight``: how much the
        entities weigh against the tags in training the shared tok2vec."""
        loss_func = SequenceCategoricalCrossentropy(names=self.labels, normalize=False)
        truths = [[iob(t) for t in eg.get_aligned_ner()] for eg in examples]
        d_scores, loss = loss_func(scores, truths)
        weight = self.cfg.get("loss_weight", 1.0)
        if weight != 1.0:
            d_scores = [d * weight for d in d_scores]
        return float(loss) * weight, d_scores

    def predict(self, docs):
        """The scores of every label for each token; decoded in :meth:`set_annotations`."""
        return self.model.predict(docs)

    def set_annotations(self, docs, batch_scores):
        labels = self.labels
        transitions = self._transitions()
        weight = self.cfg.get("transition_weight", TRANSITION_WEIGHT)
        for doc, scores in zip(docs, batch_scores):
            scores = self.model.ops.to_numpy(scores)
            if not len(scores):
                doc.ents = []
                continue
            outside = labels.index("O")
            if transitions is None:
                ids = scores.argmax(axis=1)
            else:
                ids = viterbi(log_softmax(scores), transitions, outside, weight)
            named = numpy.flatnonzero(ids != outside).tolist()
            found = decode([(i, labels[ids[i]]) for i in named])
            doc.ents = [Span(doc, start, end, label=kind) for start, end, kind in found]

    def _transitions(self) -> numpy.ndarray | None:
        """``cfg["transitions"]`` as an array, converted once (None in a model trained without them)."""
        table = self.cfg.get("transitions")
        if getattr(self, "_transitions_of", ()) is not table:
            self._transitions_of = table
            self._transitions_array = numpy.array(table) if table else None
        return self._transitions_array


@Language.factory(
    "entity_tagger",
    default_config={"model": DEFAULT_TAGGER_MODEL, "overwrite": False, "loss_weight": 1.0, "scorer": {"@scorers": "spacy.ner_scorer.v1"}},
    default_score_weights={"ents_f": 1.0, "ents_p": 0.0, "ents_r": 0.0},
)
def make_entity_tagger(nlp, name, model, overwrite, loss_weight, scorer):
    tagger = EntityTagger(nlp.vocab, model, name, overwrite=overwrite, scorer=scorer)
    tagger.cfg["loss_weight"] = loss_weight
    return tagger
