"""A spaCy tagger that learns from ambiguous morphological readings.

The morphosyntactic column of the NKJP release kronika trains on is not disambiguated by hand, so
there is no one gold tag per word to learn from. What is certain is the SET of tags morfeusz2 allows
for the word; this tagger learns to put its probability on that set (weighted by how plausible each
reading is, ``lang/pl/readings.yaml``) and, when it predicts, only ever picks a tag from the set.
"""
from __future__ import annotations

from functools import lru_cache

import numpy
from spacy.attrs import TAG
from spacy.language import Language
from spacy.pipeline import Tagger
from spacy.pipeline.tagger import DEFAULT_TAGGER_MODEL, tagger_score

from kronika.language.morphology import analyse_word, weights


class PartialTagger(Tagger):
    """A tagger that learns from the SET of readings a word may have, not one gold tag.

    The loss is ``-log P(one of the word's morfeusz readings)``; its gradient pushes the
    probability towards the readings the model already prefers among the allowed ones, so the
    context learnt from unambiguous words decides between the readings of ambiguous ones.
    Prediction is restricted to the word's readings as well.
    """

    def _per_word(self, name: str, compute):
        """A bounded cache of ``compute(form)`` on this tagger, emptied when its labels change."""
        key = (name, len(self.cfg["labels"]))  # (spaCy's labels property copies them all)
        cache = self.__dict__.get(key)
        if cache is None:
            cache = self.__dict__[key] = lru_cache(maxsize=200_000)(compute)
        return cache

    def _label_index(self) -> dict[str, int]:
        index = self.__dict__.get("_index")
        if index is None or len(index) != len(self.cfg["labels"]):
            index = self._index = {label: i for i, label in enumerate(self.labels)}
        return index

    def _candidates(self, form: str) -> tuple[tuple[int, ...], numpy.ndarray]:
        """The label ids of the word's readings, and the plausibility weight of each."""
        return self._per_word("candidates", self._find_candidates)(form)

    def _find_candidates(self, form: str) -> tuple[tuple[int, ...], numpy.ndarray]:
        index = self._label_index()
        best: dict[int, float] = {}
        for r, w in zip(analyse_word(form), weights(form)):
            i = index.get(r.tag)
            if i is not None:
                best[i] = max(w, best.get(i, 0.0))
        ids = tuple(sorted(best))
        return ids, numpy.array([best[i] for i in ids], dtype="float32")

    def _find_choice(self, form: str) -> tuple[int | None, numpy.ndarray | None, numpy.ndarray | None]:
        """For prediction: the only allowed label id, or the allowed ids and their log weights."""
        ids, w = self._candidates(form)
        if len(ids) == 1:
            return ids[0], None, None
        if ids:
            with numpy.errstate(divide="ignore"):
                return None, numpy.array(ids), numpy.log(w)
        return None, None, None

    def get_loss(self, examples, scores):
        loss, d_scores = 0.0, []
        candidates = self._per_word("candidates", self._find_candidates)
        for eg, probs in zip(examples, scores):
            probs = self.model.ops.to_numpy(probs)
            mask = numpy.zeros_like(probs)
            for i, token in enumerate(eg.predicted):
                ids, w = candidates(token.text)
                if ids:
                    mask[i, list(ids)] = w
                else:
                    mask[i, :] = 1.0  # nothing known about the word: no gradient
            kept = probs * mask
            total = kept.sum(axis=1, keepdims=True) + 1e-9
            d_scores.append(self.model.ops.asarray(probs - kept / total))
            loss += float(-numpy.log(total).sum())
        return loss, d_scores

    def predict(self, docs):
        """The chosen label id of each token, scoring only the labels its readings allow.

        The output layer is applied to a token only for the few labels morfeusz allows it
        (none for a word with one reading), not for all ~1,100 tags: the full softmax was a
        third of the model's arithmetic. The reading weights are added as logarithms to the
        scores before the softmax (spacy.Tagger.v2 with ``normalize = false``)."""
        tok2vec = self.model.get_ref("tok2vec")
        output = self.model.get_ref("output_layer")
        W = self.model.ops.to_numpy(output.get_param("W"))
        b = self.model.ops.to_numpy(output.get_param("b"))
        vectors = tok2vec.predict(docs) if any(len(doc) for doc in docs) else [None] * len(docs)
        return [self._choose_ids(doc, v, W, b) for doc, v in zip(docs, vectors)]

    def _choose_ids(self, doc, vectors, W: numpy.ndarray, b: numpy.ndarray) -> numpy.ndarray:
        words = doc.user_data.get("words") or [t.text for t in doc]
        if not words:
            return numpy.zeros(0, dtype="int64")
        X = self.model.ops.to_numpy(vectors)
        choice = self._per_word("choice", self._find_choice)
        choices = [choice(word) for word in words]
        best = numpy.array([-1 if only is None else only for only, _, _ in choices], dtype="int64")
        ambiguous = [(i, ids, log_w) for i, (_, ids, log_w) in enumerate(choices) if ids is not None]
        unknown = [i for i, (only, ids, _) in enumerate(choices) if only is None and ids is None]
        if ambiguous:
            positions, cols, log_ws = zip(*ambiguous)
            rows = numpy.repeat(positions, [len(ids) for ids in cols])
            cols, log_w = numpy.concatenate(cols), numpy.concatenate(log_ws)
            scores = numpy.einsum("ij,ij->i", X[rows], W[cols]) + b[cols] + log_w
            # Rounded, so that tags the model cannot tell apart (syncretic cases score equal up to
            # float rounding) go to the lower id whichever BLAS computed the vectors.
            scores = numpy.round(scores, 3)
            order = numpy.lexsort((-scores, rows))  # by token, best score first (ties: lower id)
            rows, cols = rows[order], cols[order]
            first = numpy.r_[True, rows[1:] != rows[:-1]]
            best[rows[first]] = cols[first]
        if unknown:
            # thinc's gemm, not numpy's: waking numpy's BLAS threads after thinc's costs more than the product
            best[unknown] = (self.model.ops.gemm(numpy.ascontiguousarray(X[unknown]), W, trans2=True) + b).argmax(axis=1)
        return best

    def set_annotations(self, docs, batch_tag_ids):
        # The chosen label ids are also left in doc.user_data["tag_ids"], which spares callers a
        # walk over spaCy's tokens.
        hashes = self._label_hashes()
        for doc, best in zip(docs, batch_tag_ids):
            doc.user_data["tag_ids"] = best
            if len(doc):
                doc.from_array([TAG], hashes[best].reshape(-1, 1))

    def _label_hashes(self) -> numpy.ndarray:
        hashes = self.__dict__.get("_hashes")
        if hashes is None or len(hashes) != len(self.labels):
            hashes = self._hashes = numpy.array([self.vocab.strings.add(label) for label in self.labels], dtype="uint64")
        return hashes


@Language.factory(
    "partial_tagger",
    default_config={"model": DEFAULT_TAGGER_MODEL, "overwrite": False, "scorer": {"@scorers": "spacy.tagger_scorer.v1"}},
    default_score_weights={"tag_acc": 1.0},
)
def make_partial_tagger(nlp, name, model, overwrite, scorer=tagger_score):
    return PartialTagger(nlp.vocab, model, name, overwrite=overwrite, scorer=scorer)
