"""Entities: base forms of whole names, clustering of variants, roles (own sample sentences)."""
import pytest

from kronika.language.entities import link_entities, resolve_reference
from kronika.language.names import base_form
from kronika.model import Article, Doc


@pytest.mark.parametrize("text, label, base", [
    ("Władimirem Putinem", "PER", "Władimir Putin"),
    ("Jurijem Uszakowem", "PER", "Jurij Uszakow"),
    ("Steve'em Witkoffem", "PER", "Steve Witkoff"),
    ("Wołodymyra Zełenskiego", "PER", "Wołodymyr Zełenski"),
    ("Parlamencie Europejskim", "ORG", "Parlament Europejski"),
    ("placu Czerwonym", "LOC", "plac Czerwony"),
    ("Sztabu Generalnego Rosji", "ORG", "Sztab Generalny Rosji"),
    ("Rady Bezpieczeństwa i Obrony Ukrainy", "ORG", "Rada Bezpieczeństwa i Obrony Ukrainy"),
    ("obwodzie charkowskim", "LOC", "obwód charkowski"),
    ("Stanami Zjednoczonymi", "LOC", "Stany Zjednoczone"),
    ("Białego Domu", "ORG", "Biały Dom"),
    ("Wielkiej Brytanii", "LOC", "Wielka Brytania"),
    ("Pokrowska", "LOC", "Pokrowsk"),
    ("Stanów Zjednoczonych", "LOC", "Stany Zjednoczone"),  # a tie settled by the places we know
    ("Niemiec", "LOC", "Niemcy"),
    ("Asię Bibi", "PER", "Asia Bibi"),  # an indeclinable surname after a declined first name
    ("Polaków", "PER", "Polacy"),
    ("Nicola Sturgeon", "PER", "Nicola Sturgeon"),  # a caseless surname keeps the name nominative
    ("Ian Bond", "PER", "Ian Bond"),
    ("Jean-Claude'a Junckera", "PER", "Jean-Claude Juncker"),  # an apostrophe ending is sure
    ("Michael O'Leary", "PER", "Michael O'Leary"),
    ("Qamarowi Javedowi Bajwie", "PER", "Qamar Javed Bajwa"),
    ("Demokratycznej Partii Unionistycznej", "ORG", "Demokratyczna Partia Unionistyczna"),
])
def test_base_forms_of_declined_names(text, label, base):
    assert base_form(text, label) == base


def _doc(text, lang="pl"):
    return link_entities(Doc(Article(id="t", text=text, source="test", lang=lang)))


def test_variants_of_one_name_are_one_entity():
    doc = _doc("Wieczorem Steve Witkoff przyleciał do Moskwy. Witkoffa przyjął na Kremlu Władimir Putin, "
               "a rozmowa ze Steve'em Witkoffem trwała do nocy. Putin podziękował Witkoffowi.")
    by_name = {e.name: e for e in doc.entities}
    witkoff = by_name["Steve Witkoff"]
    assert {m.text for m in witkoff.mentions} == {"Steve Witkoff", "Witkoffa", "Steve'em Witkoffem", "Witkoffowi"}
    assert {m.text for m in by_name["Władimir Putin"].mentions} == {"Władimir Putin", "Putin"}
    assert by_name["Władimir Putin"].wikidata == "Q7747"
    assert all(m.base and m.entity_id for m in doc.mentions)


def test_places_get_coordinates_and_demonyms_count_for_the_country():
    doc = _doc("Rosjanie ogłosili, że zajęli Kupiańsk w obwodzie charkowskim.")
    by_name = {e.name: e for e in doc.entities}
    assert "Rosjanie" in {m.text for m in by_name["Rosja"].mentions}
    kupiansk = by_name["Kupiańsk"]
    assert kupiansk.geonames and 49 < kupiansk.lat < 50.5 and 37 < kupiansk.lon < 38.5
    assert "obwód charkowski" in by_name


def test_place_named_inside_an_organisation_is_a_mention_of_its_own():
    doc = _doc("Posiedzenie Rady Bezpieczeństwa Narodowego i Obrony Ukrainy zwołano na piątek.")
    names = {e.name for e in doc.entities}
    assert {"Rada Bezpieczeństwa Narodowego i Obrony Ukrainy", "Ukraina"} <= names


@pytest.mark.parametrize("phrase, who", [
    ("rzecznik Kremla", "Dmitrij Pieskow"),
    ("rzecznika Kremla", "Dmitrij Pieskow"),
    ("doradca Putina", "Jurij Uszakow"),
    ("ukraińska ambasador w USA", "Olha Stefaniszyna"),
    ("szef Sztabu Generalnego Rosji", "Walerij Gierasimow"),
    ("prezydent Rosji", "Władimir Putin"),
    ("amerykański wysłannik", "Steve Witkoff"),
    ("strona rosyjska", "Rosja"),
    ("Uszakowa", "Jurij Uszakow"),
    ("doradca Putina Jurij Uszakow", "Jurij Uszakow"),
])
def test_resolve_reference_by_name_and_role(phrase, who):
    doc = _doc(f"Wczoraj {phrase} zabrał głos.")
    start = doc.text.index(phrase)
    entity = resolve_reference(doc, start, start + len(phrase))
    assert entity is not None and entity.name == who
    assert entity in doc.entities  # added for the caller, without a mention


def test_resolve_reference_returns_none_when_unsure():
    doc = _doc("Jeden z urzędników nie chciał tego komentować.")
    assert resolve_reference(doc, 0, len("Jeden z urzędników")) is None


def test_english_possessive_names():
    doc = _doc("Putin's adviser Yuri Ushakov met Steve Witkoff in Moscow.", lang="en")
    names = {e.name for e in doc.entities}
    assert {"Władimir Putin", "Jurij Uszakow", "Steve Witkoff", "Moskwa"} <= names


def test_names_outside_the_dictionary_come_from_the_morphological_dictionary():
    doc = _doc("Negocjacje prowadził wczoraj Michel Barnier, a potem Barnier spotkał się z posłami. "
               "Wyrok wydał pakistański Sąd Najwyższy, a w Islamabadzie modlił się Benedykt XVI.")
    by_text = {m.text: m for m in doc.mentions}
    assert by_text["Michel Barnier"].label == "PER" and by_text["Michel Barnier"].base == "Michel Barnier"
    assert by_text["Barnier"].entity_id == by_text["Michel Barnier"].entity_id  # surname joins the full name
    assert by_text["Sąd Najwyższy"].label == "ORG"
    assert by_text["Islamabadzie"].label == "LOC" and by_text["Islamabadzie"].base == "Islamabad"
    assert by_text["Benedykt XVI"].label == "PER"


def test_demonyms_are_people_who_stand_for_their_country():
    doc = _doc("Ukraińcy odrzucili propozycję, a Rosjanie milczeli.")
    rosjanie = next(m for m in doc.mentions if m.text == "Rosjanie")
    assert rosjanie.label == "PER" and doc.entity(rosjanie.entity_id).name == "Rosja"


def test_english_runs_are_cleaned_and_typed():
    from kronika.language.name_spans import english_name
    from kronika.model import Mention

    text = "The Kremlin said. A Russian unit left. The Leningrad Military District moved. CSIS wrote."
    def run(words):
        start = text.index(words)
        return english_name(Mention(start, start + len(words), words, "PER", source="model"), text)

    assert run("A Russian") is None
    district = run("The Leningrad Military District")
    assert district.text == "Leningrad Military District" and district.label == "ORG"
    assert run("CSIS").label == "ORG"


def test_capitalised_common_words_are_not_taken_for_names():
    doc = _doc("Konferencja odbyła się w sali obok, a Pałac był zamknięty. Głos zabrał Jan Nowak z Gdańska.")
    texts = {m.text: m.label for m in doc.mentions}
    assert "Pałac" not in texts
    assert texts.get("Jan Nowak") == "PER" and texts.get("Gdańska") == "LOC"


def test_english_organisation_names_split_by_the_tokenizer_are_rejoined():
    from kronika.language.name_spans import join_english_runs
    from kronika.model import Mention

    text = "analysts at the Center for Strategic and International Studies said"
    parts = [("Center", "ORG"), ("Strategic", "PER"), ("International Studies", "PER")]
    mentions = [Mention(text.index(t), text.index(t) + len(t), t, label, source="model") for t, label in parts]
    joined = join_english_runs(mentions, text)
    assert [(m.text, m.label) for m in joined] == [("Center for Strategic and International Studies", "ORG")]


def test_cue_nouns_type_unknown_names_across_the_article():
    doc = _doc("Tanie linie lotnicze Fryzair ogłosiły cięcia. Szef Fryzaira nie chciał rozmawiać. "
               "Mieszkańcy miasta Ostrawiec protestowali.")
    labels = {m.text: m.label for m in doc.mentions}
    assert labels.get("Fryzair") == "ORG" and labels.get("Fryzaira") == "ORG"
    assert next(m.base for m in doc.mentions if m.text == "Fryzaira") == "Fryzair"


def test_weekdays_and_months_are_never_names():
    from kronika.language.name_spans import model_name
    from kronika.model import Mention

    text = "Wtorek przyniósł przełom. Grudzień będzie chłodny. The talks resumed Friday. Putin Wednesday said no."
    def run(words, label="PER"):
        start = text.index(words)
        return model_name(Mention(start, start + len(words), words, label, source="model"), text)

    assert run("Wtorek") is None and run("Grudzień", "LOC") is None  # capitalised at a sentence start
    assert run("Friday") is None
    putin = run("Putin Wednesday")  # a weekday at the edge of a capitalised run is cut off
    assert putin.text == "Putin" and text[putin.start:putin.end] == "Putin"


def test_english_weekday_is_no_entity_nor_actor():
    from kronika.pipeline import Pipeline

    text = ("Ukrainian negotiators met American envoys in Geneva on Sunday, November 30. "
            "Zelensky said on Monday that the talks were useful.")
    doc = Pipeline()(Article(id="t", text=text, source="test", lang="en"))
    names = {e.name for e in doc.entities}
    assert not names & {"Sunday", "November", "Monday"}
    assert not {"Sunday", "Monday"} & {doc.entity(a).name for e in doc.events for a in e.actors + e.recipients if doc.entity(a)}


def test_base_form_reads_only_the_known_names_its_words_may_have():
    # "known" settles a lone declined surname; other names in it change nothing (and are not cached)
    assert base_form("Witkoffa", "PER", known=frozenset({"Witkoff", "Donald Trump", "Kreml"})) == \
        base_form("Witkoffa", "PER", known=frozenset({"Witkoff"}))
    assert base_form("Rady Bezpieczeństwa", "ORG", known=frozenset({"Rada"})) == base_form("Rady Bezpieczeństwa", "ORG")
