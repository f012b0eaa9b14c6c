"""Running the trained model fast on a laptop CPU; what it computes is unchanged.

``prepare(nlp)`` is applied once, when the model is loaded (``tagger.load_model``):

- matrix products on numpy's BLAS, one thread;
- new words get only the lexeme attributes the model reads;
- the word vectors before context (the tok2vec's ``embed`` half) remembered per word.
"""
from __future__ import annotations

import numpy
from spacy.attrs import IDS, LOWER
from spacy.tokens import Doc
from thinc.api import NumpyOps
from threadpoolctl import threadpool_limits

EMBEDDED_WORDS_KEPT = 100_000  # ~26 MB of vectors at width 64


def prepare(nlp):
    # numpy's BLAS (OpenBLAS) multiplies the model's small matrices 3x faster than thinc's default,
    # blis, on the 2-core x86 machine measured (same results to float32 rounding), but only on ONE
    # thread: waking a second BLAS thread for every small product made the model 8x slower under load.
    threadpool_limits(limits=1, user_api="blas")
    ops = NumpyOps(use_blis=False)
    for _name, component in nlp.pipeline:
        for layer in component.model.walk():
            layer.ops = ops
    # Each new word becomes a lexeme with some twenty attributes computed in Python; the model
    # reads only those of its features (model.cfg: attrs).
    features = {IDS[name] for name in nlp.config["components"]["tok2vec"]["model"]["embed"]["attrs"]}
    getters = nlp.vocab.lex_attr_getters
    nlp.vocab.lex_attr_getters = {attr: get for attr, get in getters.items() if attr in features | {LOWER}}
    tok2vec = nlp.get_pipe("tok2vec")
    tok2vec.predict = EmbeddingCache(tok2vec.model, nlp.vocab).predict
    return nlp


class EmbeddingCache:
    """The tok2vec of a spaCy model in two halves: ``embed`` gives each word a vector from the
    word alone (hashed norm, prefix, suffix, shape and what the dictionaries know of it
    (``word_features``), mixed by a maxout layer), ``encode`` then
    mixes in the context. The first half is a function of the word, so its vector is computed once
    per word and remembered (most words of an article have been seen before); the second runs
    over every document. Forgotten all at once when full, which keeps memory bounded."""

    def __init__(self, model, vocab, size: int = EMBEDDED_WORDS_KEPT):
        self.embed, self.encode = model.get_ref("embed"), model.get_ref("encode")
        self.width = model.get_dim("nO")
        self.vocab = vocab
        self.size = size
        self.rows: dict[str, int] = {}  # word -> its row in self.table
        self.table = numpy.zeros((1024, self.width), dtype="float32")

    def predict(self, docs: list[Doc]) -> list[numpy.ndarray]:
        return [self._encoded(doc) for doc in docs]

    def _encoded(self, doc: Doc) -> numpy.ndarray:
        """The context half over each sentence of ``doc`` apart (``user_data["sentence_lengths"]``),
        as in training, where every document was one sentence: the encoder pads each sentence's
        edges, so a word at the start of a sentence does not see the end of the one before."""
        embedded = self._embedded(doc)
        lengths = doc.user_data.get("sentence_lengths") or [len(embedded)]
        # What the encoder (``with_array(..., pad)``) does with a list of sentences, in one array:
        # ``pad`` zero rows before each sentence and after the last, the layers run once over
        # all, then each word's row taken back.
        pad = self.encode.attrs["pad"]
        rows = numpy.arange(len(embedded)) + numpy.repeat(pad * numpy.arange(1, len(lengths) + 1), lengths)
        padded = numpy.zeros((len(embedded) + pad * (len(lengths) + 1), self.width), dtype="float32")
        padded[rows] = embedded
        return self.encode.layers[0].predict(padded)[rows]

    def _embedded(self, doc: Doc) -> numpy.ndarray:
        words = doc.user_data.get("words") or [t.text for t in doc]
        rows = self.rows
        new = [w for w in dict.fromkeys(words) if w not in rows]
        if new:
            if len(rows) + len(new) > self.size:
                rows.clear()
                new = list(dict.fromkeys(words))
            first, end = len(rows), len(rows) + len(new)
            if end > len(self.table):
                grown = numpy.zeros((max(end, 2 * len(self.table)), self.width), dtype="float32")
                grown[:first] = self.table[:first]
                self.table = grown
            self.table[first:end] = self.embed.predict([Doc(self.vocab, words=new)])[0]
            rows.update(zip(new, range(first, end)))
        return self.table[[rows[w] for w in words]]
