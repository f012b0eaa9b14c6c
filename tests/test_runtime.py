import numpy
import pytest
from spacy.tokens import Doc

from kronika.language.runtime import EmbeddingCache
from kronika.language.tagger import load_model

WORDS = "Rzecznik Kremla Dmitrij Pieskow powiedział , że rozmowy w Moskwie trwały pięć godzin .".split()


@pytest.fixture(scope="module")
def nlp():
    model = load_model()
    if model is None:
        pytest.skip("no trained model in the package")
    return model


def test_remembered_word_vectors_give_what_the_whole_model_gives(nlp):
    tok2vec = nlp.get_pipe("tok2vec").model
    cache = EmbeddingCache(tok2vec, nlp.vocab)
    doc = Doc(nlp.vocab, words=WORDS)
    expected = tok2vec.predict([doc])[0]
    assert numpy.allclose(cache.predict([doc])[0], expected, atol=1e-5)
    assert len(cache.rows) == len(set(WORDS))
    assert numpy.allclose(cache.predict([doc])[0], expected, atol=1e-5)  # now from memory


def test_a_full_cache_starts_again_and_stays_bounded(nlp):
    cache = EmbeddingCache(nlp.get_pipe("tok2vec").model, nlp.vocab, size=10)
    first = cache.predict([Doc(nlp.vocab, words=WORDS[:6])])[0]
    second = cache.predict([Doc(nlp.vocab, words=WORDS[6:])])[0]
    assert first.shape == (6, cache.width) and second.shape == (len(WORDS) - 6, cache.width)
    assert len(cache.rows) <= 10
    assert cache.predict([Doc(nlp.vocab, words=[])])[0].shape == (0, cache.width)


def test_sentences_of_one_document_are_encoded_apart_as_in_training(nlp):
    tok2vec = nlp.get_pipe("tok2vec").model
    cache = EmbeddingCache(tok2vec, nlp.vocab)
    first, second = WORDS[:5], WORDS[5:]
    doc = Doc(nlp.vocab, words=first + second)
    doc.user_data["sentence_lengths"] = [len(first), len(second)]
    apart = [tok2vec.predict([Doc(nlp.vocab, words=words)])[0] for words in (first, second)]
    assert numpy.allclose(cache.predict([doc])[0], numpy.concatenate(apart), atol=1e-5)
