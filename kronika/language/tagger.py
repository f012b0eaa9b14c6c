"""One lemma and tag per Polish token, and the NER model's mentions.

The spaCy model in ``kronika/language/model/`` (trained by ``kronika train``) has a shared
tok2vec, a tagger that predicts the NKJP ctag among the word's readings
(``partial_tagger.PartialTagger``) and an entity recognizer (``entity_tagger.EntityTagger``).
Then the grammar rules of ``agreement`` adjust the readings of each sentence.
The tagger only ever chooses among the readings morfeusz gives for a word; the reading with that
ctag is kept, ties between lemmas broken by letter case and by how common the lemma is in NKJP.
Without a model, each token gets the most plausible reading by the same tie-breaks.
"""
from __future__ import annotations

import gzip
import json
import os
from functools import cache, lru_cache
from pathlib import Path

from spacy.tokens import Doc

from kronika.language import entity_tagger, partial_tagger, word_features  # noqa: F401  (register the model's factories and features)
from kronika.language.agreement import agree_prepositions, noun_like_pronouns
from kronika.language.morphology import Reading, analyse_word, weights
from kronika.language.tagset import similarity, upos
from kronika.model import Token

MODEL_DIR = Path(__file__).parent / "model"


def model_dir() -> Path:
    """The shipped model, or another one named by $KRONIKA_MODEL (to measure a checkpoint)."""
    return Path(os.environ.get("KRONIKA_MODEL") or MODEL_DIR)


@cache
def load_model():
    """The spaCy model, or None when it has not been trained yet."""
    if not (model_dir() / "meta.json").exists():
        return None
    import spacy

    from kronika.language.runtime import prepare

    return prepare(spacy.load(model_dir()))


def model_table(name: str) -> dict:
    """A gzipped JSON table shipped beside the model (``lemma_counts``, ``name_labels``); empty before training."""
    path = model_dir() / f"{name}.json.gz"
    if not path.exists():
        return {}
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return json.load(f)


@cache
def lemma_counts() -> dict[str, float]:
    return model_table("lemma_counts")


def tag(sentences: list[list[Token]]) -> list[tuple[int, int, str]]:
    """Fill lemma, tag and pos of the tokens of ``sentences``; return the model's entity spans
    ``(start, end, fine NKJP label)`` (see ``kronika.language.ner``). Without a trained model,
    each token gets its most plausible reading and there are no spans."""
    tokens = [t for sentence in sentences for t in sentence]
    nlp = load_model()
    doc, predicted = None, [None] * len(tokens)
    if nlp is not None:
        words = [model_word(w) if w.isupper() else w for w in (t.text for t in tokens)]
        doc = Doc(nlp.vocab, words=words)  # one document for all: spaCy's per-document costs paid once
        doc.user_data["words"] = words
        doc.user_data["sentence_lengths"] = [len(sentence) for sentence in sentences]
        doc = nlp(doc)
        labels = nlp.get_pipe("tagger").labels
        predicted = [labels[i] for i in doc.user_data["tag_ids"].tolist()]
    first = 0
    sentence_of = []
    for k, sentence in enumerate(sentences):
        for i, t in enumerate(sentence):
            form = t.text
            t.lemma, t.tag, t.pos = chosen(form, i == 0 or form[:1].islower(), predicted[first + i])
        agree_prepositions(sentence)
        noun_like_pronouns(sentence)
        sentence_of.extend([k] * len(sentence))
        first += len(sentence)
    spans = []
    for e in doc.ents if doc is not None else ():
        end = e.end
        while sentence_of[end - 1] != sentence_of[e.start]:  # an entity never runs into the next sentence
            end -= 1
        spans.append((tokens[e.start].start, tokens[end - 1].end, e.label_))
    return spans


NAME_QUALIFIERS = frozenset({"imię", "nazwisko", "nazwa_geograficzna"})
ACRONYM_QUALIFIERS = frozenset({"nazwa_organizacji", "nazwa_firmy", "nazwa_instytucji"})


@lru_cache(maxsize=200_000)
def model_word(form: str) -> str:
    """The word as the model is given it: a name in capitals ("MAGDA", "ŁUKASZ", "POLSKA": a
    screenplay's speakers, a headline) in title case, since NKJP, which the model learnt from,
    has almost no names written so; acronyms ("NATO", "USA", "PKP") stay as they are."""
    if len(form) < 4 or not form.isalpha() or not form.isupper():
        return form
    qualifiers = {q for r in analyse_word(form) for q in r.qualifiers}
    if qualifiers & NAME_QUALIFIERS and not qualifiers & ACRONYM_QUALIFIERS:
        return form.title()
    return form


@lru_cache(maxsize=200_000)
def chosen(form: str, lower_word: bool, predicted: str | None) -> tuple[str, str, str]:
    """``(lemma, tag, pos)`` of the reading of ``form`` to keep: the one with the ``predicted``
    ctag (or closest to it), then the more plausible one (``morphology.weights``), then a lemma
    whose letter case fits the word (``lower_word``: a lower-case word, or one opening a sentence,
    is not a proper name), then the commoner lemma."""
    r = _choose(form, lower_word, predicted)
    return r.lemma, r.tag, upos(r.tag, r.lemma)


@lru_cache(maxsize=200_000)
def _choose(form: str, lower_word: bool, predicted: str | None) -> Reading:
    pairs = list(zip(analyse_word(form), weights(form)))
    counts = lemma_counts()
    # the readings with exactly the predicted tag, when there are some, beat all others (similarity 100)
    pairs = [pair for pair in pairs if pair[0].tag == predicted] or pairs

    def score(pair: tuple[Reading, float]) -> tuple:
        r, weight = pair
        agree = similarity(r.tag, predicted) if predicted else 0
        case_fits = r.lemma[:1].islower() == lower_word if form[:1].isalpha() else True
        return (agree, weight, case_fits, counts.get(r.lemma, 0.0))

    return max(pairs, key=score)[0]


