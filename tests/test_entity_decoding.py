import numpy
import pytest

from kronika.language.entity_tagger import IMPOSSIBLE, label_transitions, viterbi
from kronika.language.training import join_abbreviation_dots

LABELS = ["B-persName_forename", "B-persName_surname", "I-persName_surname", "O"]
O = LABELS.index("O")


def test_transitions_are_counted_and_impossible_continuations_ruled_out():
    sequences = [["O", "B-persName_forename", "B-persName_surname", "O"]] * 20 + [["B-persName_surname", "I-persName_surname"]]
    table = numpy.array(label_transitions(sequences, LABELS))
    forename, surname, inside = (LABELS.index(x) for x in LABELS[:3])
    assert table[forename, surname] > table[forename, forename]
    assert table[O, inside] == IMPOSSIBLE and table[forename, inside] == IMPOSSIBLE
    assert table[surname, inside] > IMPOSSIBLE


def test_viterbi_reads_two_first_names_in_a_row_as_first_name_and_surname():
    sequences = [["O", "B-persName_forename", "B-persName_surname", "O", "O"]] * 50 + [["O", "B-persName_surname", "O"]] * 10
    table = numpy.array(label_transitions(sequences, LABELS))
    # The softmax alone: both words first names (the second one only just), then a sure "O".
    probs = numpy.array([[0.90, 0.05, 0.01, 0.04], [0.55, 0.40, 0.01, 0.04], [0.0, 0.0, 0.0, 1.0]])
    log_probs = numpy.log(probs + 1e-9)
    assert log_probs.argmax(axis=1).tolist() == [0, 0, O]
    best = viterbi(log_probs, table, O, weight=1.0)
    assert [LABELS[i] for i in best] == ["B-persName_forename", "B-persName_surname", "O"]


def test_an_inside_label_never_opens_an_entity():
    table = numpy.array(label_transitions([["O", "B-persName_surname", "I-persName_surname"]] * 5, LABELS))
    log_probs = numpy.log(numpy.array([[0.05, 0.05, 0.85, 0.05]]))
    assert LABELS[viterbi(log_probs, table, O, weight=0.5)[0]] != "I-persName_surname"


def test_abbreviation_dots_of_nkjp_are_joined_as_the_tokenizer_joins_them():
    sentence = [("przy", "prep:loc", "O"), ("ul", "brev:pun", "B-geogName"), (".", "interp", "I-geogName"),
                ("Polnej", "adj:sg:loc:f:pos", "I-geogName"), ("m.in", "brev:pun", "O"), (".", "interp", "O"),
                ("Jan", "subst:sg:nom:m1", "B-persName"), ("K", "brev:npun", "I-persName"), (".", "interp", "I-persName")]
    assert [w for w, _, _ in join_abbreviation_dots(sentence)] == ["przy", "ul.", "Polnej", "m.in.", "Jan", "K", "."]
    assert join_abbreviation_dots(sentence)[1] == ("ul.", "brev:pun", "B-geogName")


def test_names_in_capitals_reach_the_model_in_title_case_but_acronyms_do_not():
    from kronika.language.tagger import model_word

    assert model_word("MAGDA") == "Magda" and model_word("ŁUKASZ") == "Łukasz"
    assert [model_word(w) for w in ("NATO", "USA", "PKP", "UWAGA", "Magda", "ul.")] == ["NATO", "USA", "PKP", "UWAGA", "Magda", "ul."]


def _trained_entity_tagger(loss_weight: float):
    import spacy
    from spacy.tokens import Doc, Span
    from spacy.training import Example

    import kronika.language.entity_tagger  # noqa: F401  (registers the factory)

    nlp = spacy.blank("pl")
    nlp.add_pipe("entity_tagger", config={"loss_weight": loss_weight})
    reference = Doc(nlp.vocab, words="Spotkali się Steve Witkoff i Jurij Uszakow .".split())
    reference.ents = [Span(reference, 2, 4, "persName"), Span(reference, 5, 7, "persName")]
    examples = [Example(Doc(nlp.vocab, words=[t.text for t in reference]), reference)]
    nlp.initialize(lambda: examples)
    return nlp.get_pipe("entity_tagger"), examples


def test_the_entity_loss_is_weighted_against_the_tags_and_transitions_are_learnt_at_initialize():
    plain, examples = _trained_entity_tagger(1.0)
    heavy, _ = _trained_entity_tagger(3.0)
    docs = [eg.predicted for eg in examples]
    loss, gradient = plain.get_loss(examples, plain.model.predict(docs))
    heavy_loss, heavy_gradient = heavy.get_loss(examples, heavy.model.predict(docs))
    assert heavy_loss == pytest.approx(3 * loss)
    assert numpy.allclose(heavy_gradient[0], 3 * gradient[0])
    table = numpy.array(plain.cfg["transitions"])
    assert table.shape == (len(plain.labels), len(plain.labels))
