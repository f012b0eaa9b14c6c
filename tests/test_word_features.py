"""The dictionary features the model embeds beside a word's spelling (kronika.language.word_features)."""
import numpy
import pytest
import spacy
from spacy.tokens import Doc

from kronika.language.morphology import analyse_word
from kronika.language.word_features import DictionaryHashEmbed, dictionary_ids, name_kind, name_lemmas


def features(word):
    return name_lemmas(word, analyse_word(word)), name_kind(word, analyse_word(word))


def test_every_case_of_a_surname_shares_its_lemma_and_kind():
    forms = ["Sienkiewicza", "Sienkiewiczem", "Sienkiewiczowi"]
    assert {features(w) for w in forms} == {("sienkiewicz", "nazwisko")}


def test_kind_names_sgjp_name_kinds_and_places():
    lemmas, kind = features("Jaworznem")
    assert lemmas == "jaworzno" and kind.split() == ["city", "nazwa_geograficzna"]
    assert features("Witkoffem") == ("witkoff witkoffem", "guess")  # SGJP does not know him: the guesser's lemmas


def test_a_common_word_says_nothing_of_its_readings():
    assert features("miał") == ("*", "-")  # the noun or the verb "mieć": the tagger decides
    assert features("powiedziała") == ("*", "-")
    assert features(",") == (",", "other") and features("2025") == ("2025", "other")
    assert name_kind("jaworzno", analyse_word("jaworzno")) != name_kind("Jaworzno", analyse_word("Jaworzno"))


def test_ids_are_stable_hashes_of_the_named_features():
    both = ("name_lemmas", "name_kind")
    assert dictionary_ids("Kowalskiego", both) == dictionary_ids("Kowalskiego", both)
    assert dictionary_ids("Kowalskiego", both)[0] != dictionary_ids("Nowaka", both)[0]
    assert dictionary_ids("Kowalskiego", ("name_kind",)) == dictionary_ids("Kowalskiego", both)[1:]


def test_the_embedding_gives_one_vector_per_word():
    vocab = spacy.blank("pl").vocab
    model = DictionaryHashEmbed(width=16, attrs=["NORM", "PREFIX", "SUFFIX", "SHAPE"], rows=[50, 20, 20, 10],
                                dictionary=["name_lemmas", "name_kind"], dictionary_rows=[50, 10])
    doc = Doc(vocab, words=["Spotkał", "się", "z", "Sienkiewiczem", "w", "Jaworznie", "."])
    model.initialize(X=[doc])
    (vectors,) = model.predict([doc])
    assert vectors.shape == (7, 16) and numpy.isfinite(vectors).all()
    extracted = model.layers[0].predict([doc])[0]
    assert extracted.shape == (7, 6)  # four spelling features, then the name's lemmas and kind
    assert int(extracted[3, 4]) == dictionary_ids("Sienkiewiczem", ("name_lemmas",))[0]


def test_a_feature_the_model_does_not_know_is_refused():
    with pytest.raises(ValueError):
        DictionaryHashEmbed(width=16, attrs=["NORM"], rows=[50], dictionary=["colour"], dictionary_rows=[10])
