"""Polish language core: tokens, sentences, morphology, guesser, tagset, the shipped model."""
from __future__ import annotations

import pytest

from kronika.language.core import annotate
from kronika.language.morphology import analyse_word, generate, generated_forms, lemmatise, morfeusz
from kronika.language.tagset import feature
from kronika.language.tokenize import split_sentences, tokenize
from kronika.model import Article, Doc, Paragraph


def doc_of(text: str, **kw) -> Doc:
    return annotate(Doc(Article(id="t", text=text, source="test", **kw)))


def sentences(text: str, lang: str = "pl") -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, tokenize(text, lang=lang), lang)]


def words(text: str) -> list[str]:
    return [text[s:e] for s, e in tokenize(text)]


def test_abbreviations_and_initials_do_not_end_sentences():
    text = "Gen. J. Nowak, szef sztabu, przyleciał m.in. z prof. Wiśniewską do Kijowa. Rozmowy trwały ok. trzech godzin."
    assert sentences(text) == [
        "Gen. J. Nowak, szef sztabu, przyleciał m.in. z prof. Wiśniewską do Kijowa.",
        "Rozmowy trwały ok. trzech godzin.",
    ]


def test_sentence_may_end_with_a_unit_abbreviation():
    text = "Wojska wycofały się w 2023 r. Teraz wracają. Zginęło 10 tys. żołnierzy."
    assert sentences(text) == ["Wojska wycofały się w 2023 r.", "Teraz wracają.", "Zginęło 10 tys. żołnierzy."]


def test_unit_abbreviation_inside_a_sentence():
    text = "W 2027 r. Polska obejmie przewodnictwo. Wydatki sięgną 4,7 proc. PKB w tym roku. Było 6 st. C w nocy."
    assert sentences(text) == ["W 2027 r. Polska obejmie przewodnictwo.", "Wydatki sięgną 4,7 proc. PKB w tym roku.", "Było 6 st. C w nocy."]


def test_closing_quote_stays_with_its_sentence():
    text = "„Nie zgodzimy się na to!” – powiedział minister. Potem wyszedł."
    assert sentences(text) == ["„Nie zgodzimy się na to!” – powiedział minister.", "Potem wyszedł."]


def test_sentences_never_cross_paragraphs():
    text = "Pierwszy akapit bez kropki\nDrugi akapit."
    doc = doc_of(text)
    assert [text[s.start : s.end] for s in doc.sentences] == ["Pierwszy akapit bez kropki", "Drugi akapit."]


def test_paragraph_language_is_kept():
    text = "Rozmowy trwają.\nTalks are ongoing, Mr. Smith said."
    doc = annotate(Doc(Article(id="t", text=text, source="t", paragraphs=[Paragraph(0, 15, "pl"), Paragraph(16, len(text), "en")])))
    assert [s.lang for s in doc.sentences] == ["pl", "en"]
    assert {t.lang for t in doc.tokens if t.start > 15} == {"en"}


def test_token_offsets_are_exact():
    text = "  Delegacja  USA (Steve Witkoff)\tprzyjechała 3.12.2025 o godz. 12.30 do Moskwy. "
    doc = doc_of(text)
    assert all(text[t.start : t.end] == t.text for t in doc.tokens)
    assert "3.12.2025" in [t.text for t in doc.tokens] and "12.30" in [t.text for t in doc.tokens]


def test_dashes_and_quotes_are_tokens():
    assert words("-Tak, zgadzamy się - odparł.") == ["-", "Tak", ",", "zgadzamy", "się", "-", "odparł", "."]
    assert words("– Nie – powiedział „twardo”.")[:3] == ["–", "Nie", "–"]
    assert words("„twardo”") == ["„", "twardo", "”"]


def test_apostrophe_forms_are_one_token():
    assert words("Rozmowa ze Steve'em i o Steve’a planie.") == ["Rozmowa", "ze", "Steve'em", "i", "o", "Steve’a", "planie", "."]


def test_tokens_are_spacys_whatever_the_chunk_cache_holds():
    """tokenize asks spaCy's tokenizer only about chunks it has not seen (see kronika.language.tokenize)."""
    from kronika.language.tokenize import tokenizer

    text = "Gen. Nowak (PiS) powiedział m.in.: Cannot XD, Steve'a 3.12.2025 godz. 12.30 - tak!\n  ok…   „Nie”"
    for lang in ("pl", "en"):
        spacy_tokens = [(t.idx, t.idx + len(t)) for t in tokenizer(lang)(text) if not t.is_space]
        assert tokenize(text, lang=lang) == spacy_tokens
        assert tokenize(text, lang=lang) == spacy_tokens  # again, every chunk now known
        assert tokenize("x " + text + " y", 2, 2 + len(text), lang) == [(s + 2, e + 2) for s, e in spacy_tokens]


@pytest.mark.parametrize(
    "form, lemma, tag",
    [
        ("Witkoffowi", "Witkoff", "subst:sg:dat:m1"),
        ("Witkoffem", "Witkoff", "subst:sg:inst:m1"),
        ("Kushnera", "Kushner", "subst:sg:gen:m1"),
        ("Umerowem", "Umerow", "subst:sg:inst:m1"),
        ("Myrnohradu", "Myrnohrad", "subst:sg:gen:m3"),
        ("Pokrowska", "Pokrowsk", "subst:sg:gen:m3"),
        ("Steve'em", "Steve", "subst:sg:inst:m1"),
    ],
)
def test_guesser_declines_unknown_names(form, lemma, tag):
    assert any(r.lemma == lemma and r.tag == tag for r in analyse_word(form))
    assert lemmatise(form, tag) == lemma


def test_lemmatise_to_the_nominative():
    assert lemmatise("Putinem", "subst:sg:inst:m1") == "Putin"
    assert lemmatise("placu", "subst:sg:loc:m3") == "plac"
    assert lemmatise("Czerwonym", "adj:sg:loc:m3:pos") == "Czerwony"
    assert lemmatise("Zełenskim", "adj:sg:inst:m1:pos") == "Zełenski"


def test_generate_inflects_an_adjective():
    assert generate("rosyjski", "adj:sg:inst:f:pos") == "rosyjską"


@pytest.mark.parametrize("lemma", ["czerwony", "Putin", "być", "on", "xyzzyq"])
def test_generated_forms_are_the_wrappers_forms_read_faster(lemma):
    # generated_forms reads morfeusz2's raw results; the same forms and tags, in the same order
    expected = [(form, lem, tag, tuple(names), tuple(labels)) for form, lem, tag, names, labels in morfeusz().generate(lemma)]
    assert list(generated_forms(lemma)) == expected


def test_readings_use_nkjp_tags():
    tags = {r.tag for r in analyse_word("mieszkania")}
    assert "subst:sg:gen:n" in tags and "subst:pl:nom:n" in tags
    assert {r.tag for r in analyse_word("nie")} >= {"qub"}
    assert any(r.lemma == "być" and r.tag.startswith("aglt") for r in analyse_word("śmy"))


def test_tagset_features():
    assert feature("subst:sg:inst:m1", "case") == "inst"
    assert feature("subst:sg:inst:m1", "gender") == "m1"
    assert feature("praet:pl:m1:perf", "aspect") == "perf"
    assert feature("fin:sg:ter:imperf", "person") == "ter"
    assert feature("fin:sg:ter:imperf", "pos") == "fin"
    assert feature("adj:sg:nom:m1:com", "degree") == "com"
    assert feature("ger:sg:nom:n:perf:neg", "negation") == "neg"
    assert feature("interp", "case") is None
    assert feature("", "pos") is None


def test_tokens_get_tags_and_lemmas():
    doc = doc_of("Prezydent rozmawiał wczoraj z ministrem obrony.")
    by_text = {t.text: t for t in doc.tokens}
    assert by_text["rozmawiał"].tag.startswith("praet:sg:m1")
    assert by_text["rozmawiał"].lemma == "rozmawiać"
    assert by_text["ministrem"].feature("case") == "inst"
    assert by_text["ministrem"].lemma == "minister"
    assert by_text["."].pos == "PUNCT"


def test_preposition_agrees_in_case_with_its_noun():
    doc = doc_of("Rozmawiano o tym, że w nowej Polsce nie ma miejsca na wojnę.")
    by_text = {t.text: t for t in doc.tokens}
    assert by_text["w"].tag.startswith("prep:loc")
    assert by_text["nowej"].feature("case") == "loc" and by_text["Polsce"].feature("case") == "loc"
    assert by_text["tym"].lemma == "to" and by_text["o"].tag == "prep:loc"  # "o tym": the locative of "to"
    assert by_text["na"].tag == "prep:acc" and by_text["wojnę"].feature("case") == "acc"


def test_shipped_model_finds_a_person_and_a_place():
    from kronika.language.tagger import load_model

    assert load_model() is not None, "kronika/language/model/ is missing: run `kronika train`"
    doc = doc_of("W poniedziałek Andrzej Kowalczyk poleciał do Warszawy na rozmowy z rządem.")
    found = {(m.text, m.label) for m in doc.mentions}
    assert ("Andrzej Kowalczyk", "PER") in found
    assert ("Warszawy", "LOC") in found


def test_english_paragraphs_get_tokens_and_name_candidates():
    doc = doc_of("Talks in Geneva ended, Mr. Smith said. They resume on Monday.", lang="en")
    assert len(doc.sentences) == 2
    assert all(t.lang == "en" for t in doc.tokens)
    assert any(m.text == "Geneva" for m in doc.mentions)


def test_empty_article():
    doc = doc_of("")
    assert doc.tokens == [] and doc.sentences == [] and doc.mentions == []


def test_nkjp_nested_labels_become_outer_entities_with_person_parts():
    from kronika.language.training import outer_iob

    column = ["B-persName#B-persName-forename", "I-persName#B-persName-surname", "O",
              "B-orgName", "I-orgName#B-placeName-settlement", "B-placeName-country", "I-placeName-country"]
    assert outer_iob(column) == ["B-persName_forename", "B-persName_surname", "O",
                                 "B-orgName", "I-orgName", "B-placeName_country", "I-placeName_country"]


def test_entity_labels_decode_to_spans():
    from kronika.language.entity_tagger import decode, iob

    assert iob("U-orgName") == "B-orgName" and iob("L-orgName") == "I-orgName" and iob("-") is None
    labels = ["B-persName_forename", "B-persName_surname", "O", "I-orgName", "I-orgName", "I-geogName"]
    assert decode([(i, label) for i, label in enumerate(labels) if label != "O"]) == [
        (0, 1, "persName_forename"), (1, 2, "persName_surname"), (3, 5, "orgName"), (5, 6, "geogName")]


def test_person_parts_join_into_one_person_and_poleval_categories():
    from kronika.language.ner import poleval_entities, to_mentions

    text = "Spotkał Jana Nowaka w polskim Sejmie."
    spans = [(8, 12, "persName_forename"), (13, 19, "persName_surname"), (22, 29, "placeName_country")]
    assert [(m.text, m.label) for m in to_mentions(spans, text)] == [("Jana Nowaka", "PER")]  # "polskim" is no name
    assert set(poleval_entities(spans, [], text)) == {
        (8, 19, "persName"), (8, 12, "persName_forename"), (13, 19, "persName_surname"), (22, 29, "placeName_country")}
    # NKJP's bare placeName (a people without a state) is a country in PolEval's categories
    assert poleval_entities([(0, 5, "placeName")], [], "Romów było wielu.") == [(0, 5, "placeName_country")]


def test_poleval_measure_counts_as_the_official_script():
    from kronika.evaluate.ner import counts, gold_entities

    gold = gold_entities("T1\tpersName 0 11\tJan Kowalski\nT2\tplaceName_country 20 27\tpolskim\nA1\tderivType_placeName_country T2 relAdj\n"
                         "T3\torgName 30 34;40 45\tBank Pekao\n")
    assert gold == {(0, 11, "persName"), (20, 27, "placeName_country"), (30, 34, "orgName"), (40, 45, "orgName")}
    predicted = {(0, 3, "persName"), (27, 29, "placeName_country"), (50, 55, "orgName")}
    assert counts(gold, predicted, exact=False) == (2, 1, 2)  # touching ranges overlap, as officially
    assert counts(gold, predicted, exact=True) == (0, 3, 4)
