"""The extraction pipeline: stages run in order over one article at a time.

Each stage is a callable ``stage(doc) -> doc`` that adds a layer to the :class:`Doc`.
Stages are imported lazily so that commands which only ingest never load the language model.
A stage that fails on one article is recorded on that doc (``doc.problems``) and reported
through ``on_error``; the article keeps the layers it has and the batch goes on.
"""
from __future__ import annotations

import gc
import importlib
from collections.abc import Callable, Iterable, Iterator

from kronika.model import Article, Doc

Stage = Callable[[Doc], Doc]

# name -> "module:function"; the order is the order of dependence.
STAGES: dict[str, str] = {
    "language": "kronika.language:analyse",  # tokens, sentences, lemmas, entities
    "times": "kronika.extract.times:find_times",
    "quotes": "kronika.extract.quotes:find_quotes",
    "events": "kronika.extract.events:find_events",
    "claims": "kronika.extract.claims:find_claims",
}


def load_stage(name: str) -> Stage:
    module, _, func = STAGES[name].partition(":")
    return getattr(importlib.import_module(module), func)


# The language stage caches what it learns about each word (readings, choices, base forms of
# names): some 500,000 long-lived objects after a few hundred articles, which Python's cyclic
# garbage collector would walk again every few thousand allocations (3 ms an article). Collect
# the youngest generation after 50,000 allocations instead of 700, the oldest (all of them) after
# 100 collections of the middle one instead of 10; peak memory is unchanged.
GC_THRESHOLDS = (50_000, 50, 100)


class Pipeline:
    def __init__(self, stages: Iterable[str] = STAGES, on_error: Callable[[Doc, str, Exception], None] | None = None):
        self.names = list(stages)
        self.stages = [load_stage(n) for n in self.names]
        self.on_error = on_error
        if gc.get_threshold()[0] < GC_THRESHOLDS[0]:
            gc.set_threshold(*GC_THRESHOLDS)

    def __call__(self, article: Article) -> Doc:
        doc = Doc(article)
        for name, stage in zip(self.names, self.stages):
            try:
                doc = stage(doc)
            except Exception as error:  # noqa: BLE001 - one bad article must not stop a batch
                doc.problems.append(f"{name}: {type(error).__name__}: {error}")
                if self.on_error:
                    self.on_error(doc, name, error)
        return doc

    def pipe(self, articles: Iterable[Article]) -> Iterator[Doc]:
        for article in articles:
            yield self(article)


def extract(article: Article, stages: Iterable[str] = STAGES) -> Doc:
    """Run the pipeline over one article (builds the pipeline once per call: use Pipeline for many)."""
    return Pipeline(stages)(article)
