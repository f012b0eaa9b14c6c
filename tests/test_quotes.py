"""Direct quotes and their speakers, on sample sentences written for these tests.

The entity layer is stood in for by hand (``names``): each test says which spans are names of
which entity, so what is tested is the quotes stage itself, not the NER model of the day.
"""
from __future__ import annotations

import re

import pytest

import kronika.extract.quote_speakers as quote_speakers
from kronika.extract.quotes import find_quotes, find_statements, merge_repeats
from kronika.ingest import read_text
from kronika.language.core import annotate
from kronika.model import Doc, Entity, Mention, Quote


@pytest.fixture(autouse=True)
def article_entities_only(monkeypatch):
    """Resolve spans through the test's own entities (no actor dictionary)."""

    def resolve(doc, start, end):
        inside = [m for m in doc.mentions if m.start < end and start < m.end and m.entity_id]
        return doc.entity(inside[0].entity_id) if inside else None

    monkeypatch.setattr(quote_speakers, "resolve_reference", resolve)


def make_doc(text: str, names: list[tuple[str, str, str, str]], lang: str = "pl") -> Doc:
    """``names``: (surface form, entity name, label, base form of the surface)."""
    article = read_text(text, id="test", source="test", clean=False)
    article.lang = lang
    doc = annotate(Doc(article))
    doc.mentions, doc.entities = [], []
    for surface, name, label, base in names:
        entity = doc.entity(name) or Entity(id=name, name=name, type=label)
        if entity not in doc.entities:
            doc.entities.append(entity)
        for m in re.finditer(re.escape(surface), text):
            doc.mentions.append(Mention(m.start(), m.end(), surface, label, base=base, entity_id=name))
    doc.mentions.sort(key=lambda m: m.start)
    return doc


def quotes_of(doc: Doc) -> list[tuple[str | None, str]]:
    return [(q.speaker, q.text) for q in find_quotes(doc).quotes]


FADIEJEW = ("Aleksiej Fadiejew", "Aleksiej Fadiejew", "PER", "Aleksiej Fadiejew")
SIKORSKI = ("Radosław Sikorski", "Radosław Sikorski", "PER", "Radosław Sikorski")
SIKORSKI_SHORT = ("Sikorski", "Radosław Sikorski", "PER", "Sikorski")


def name(surface: str, entity: str | None = None, label: str = "PER", base: str | None = None):
    """A span the entity layer would link: its text, entity, label and base form (the text by default)."""
    return (surface, entity or surface, label, base or surface)


# (what it shows, text, names, expected (speaker, quoted words) in order)
CASES = [
    ("quote interrupted by its attribution: two quotes, one speaker",
     "- Pierwsza część mojej odpowiedzi - powiedział Sikorski. - A to jest jej druga część.",
     [SIKORSKI_SHORT],
     [("Radosław Sikorski", "Pierwsza część mojej odpowiedzi"), ("Radosław Sikorski", "A to jest jej druga część")]),
    ("a feminine verb chooses the woman",
     "Ambasador Olha Stefaniszyna spotkała się z senatorem Lindseyem Grahamem. Graham zapowiedział nowe sankcje. "
     "- Nie możemy czekać ani dnia dłużej - powiedziała.",
     [name("Olha Stefaniszyna"), name("Lindseyem Grahamem", "Lindsey Graham", base="Lindsey Graham"),
      name("Graham", "Lindsey Graham")],
     [("Olha Stefaniszyna", "Nie możemy czekać ani dnia dłużej")]),
    ("speaker before the quote, with a colon and with 'jak'",
     "Pieskow powiedział: „Rozmowy były bardzo konstruktywne”. Jak stwierdził Pieskow, „nikt na razie nie mówi o terminach”.",
     [name("Pieskow", "Dmitrij Pieskow")],
     [("Dmitrij Pieskow", "Rozmowy były bardzo konstruktywne"), ("Dmitrij Pieskow", "nikt na razie nie mówi o terminach")]),
    ("a short fragment attributed in its sentence",
     "Radosław Sikorski ocenił, że rosyjskie żądania są „nie do przyjęcia” dla Europy.",
     [SIKORSKI], [("Radosław Sikorski", "nie do przyjęcia")]),
    ("apostrophes in names are no quotation marks",
     "Spotkanie Steve'a Witkoffa z Putinem trwało pięć godzin. 'To był dobry dzień' - powiedział Witkoff.",
     [name("Steve'a Witkoffa", "Steve Witkoff", base="Steve Witkoff"), name("Witkoff", "Steve Witkoff"),
      name("Putinem", "Władimir Putin", base="Putin")],
     [("Steve Witkoff", "To był dobry dzień")]),
    ("words repeated in a lead are one quote",
     "Kluczowe fakty: - Nie ma postępu - przyznała Stefaniszyna.\n\n"
     "- Jeśli chodzi o rozmowy, to nie ma postępu, ale to jest proces - powiedziała Stefaniszyna.",
     [name("Stefaniszyna", "Olha Stefaniszyna")],
     [("Olha Stefaniszyna", "Jeśli chodzi o rozmowy, to nie ma postępu, ale to jest proces")]),
    ("links to other articles are skipped",
     "ZOBACZ: „To brzmi śmiesznie”. Putin o planach Zachodu", [name("Putin", "Władimir Putin")], []),
    ("a headline quote nobody is said to have said is dropped",
     "„Nie jesteśmy bliżej pokoju”\n\nRozmowy trwały pięć godzin.", [], []),
    ("a passive label takes the agent after 'przez'",
     "Czwartek został nazwany „przełomowym dniem” przez Kiriłła Dmitrijewa, szefa funduszu.",
     [name("Kiriłła Dmitrijewa", "Kiriłł Dmitrijew", base="Kiriłł Dmitrijew")],
     [("Kiriłł Dmitrijew", "przełomowym dniem")]),
    ("a passive label with no agent is no quote",
     "Jak napisała „Gazeta Wyborcza”, za atakiem stoi jednostka, która jest nazywana „sztyletem Putina”.",
     [name("Gazeta Wyborcza", label="ORG"), name("Putina", "Władimir Putin", base="Putin")], []),
    ("a passive agent that is no name names nobody",
     "Swietłana udzieliła wywiadu. Portal został uznany przez władze za „organizację niepożądaną” i zamknięty.",
     [name("Swietłana")], [(None, "organizację niepożądaną")]),
    ("'który' points to the person before it",
     "Dziennikarze pytali o słowa premiera Donalda Tuska, który stwierdził, że „Europa musi się zbroić”, "
     "a także o wypowiedź Sikorskiego.",
     [name("Donalda Tuska", "Donald Tusk", base="Donald Tusk"), name("Sikorskiego", "Radosław Sikorski", base="Sikorski")],
     [("Donald Tusk", "Europa musi się zbroić")]),
    ("'którą' keeps the main clause's subject",
     "Janukowycz powielał narrację o masakrze w Buczy, którą nazywał „inscenizacją”.",
     [name("Janukowycz", "Wiktor Janukowycz"), name("Buczy", "Bucza", base="Bucza")],  # a place NER took for a person
     [("Wiktor Janukowycz", "inscenizacją")]),
    ("an outlet named in the genitive is the speaker",
     "„Delegacje spotkają się ponownie w styczniu” - podała agencja Reutera.",
     [name("Reutera", "Reuters", "ORG", "Reuters")], [("Reuters", "Delegacje spotkają się ponownie w styczniu")]),
    ("a dash line opening a paragraph is speech even without a speaker",
     "Pytanie padło na konferencji.\n\n- Czy rozmowy będą kontynuowane?\n\nOdpowiedzi nie było.",
     [], [(None, "Czy rozmowy będą kontynuowane?")]),
    ("an impersonal verb names nobody",
     "Kanclerz Friedrich Merz przemawiał w Bundestagu. W rezolucji podkreślono, że „pamięć o ofiarach jest obowiązkiem”.",
     [name("Friedrich Merz")], [(None, "pamięć o ofiarach jest obowiązkiem")]),
    ("a common-noun subject stops the inheritance of speakers",
     "- Nie ustąpimy - powiedział Sikorski. Część komentatorów opisuje tę politykę jako „twardy kurs”.",
     [SIKORSKI_SHORT], [("Radosław Sikorski", "Nie ustąpimy"), (None, "twardy kurs")]),
    ("a former office holder is not the present one",
     "Na decyzję zareagował Dmitrij Miedwiediew. Były prezydent Rosji stwierdził, że „to dobra wiadomość dla Moskwy”.",
     [name("Dmitrij Miedwiediew"), name("Rosji", "Rosja", "LOC", "Rosja")],
     [("Dmitrij Miedwiediew", "to dobra wiadomość dla Moskwy")]),
    ("a masculine verb takes the nearest name that is not a woman's",
     "Ramzan Kadyrow znowu groził Europie. Głos zabrał też Mark Rutte. "
     "– Nie będę tego komentował – powiedział były premier Holandii.",
     [name("Ramzan Kadyrow"), name("Mark Rutte"), name("Holandii", "Holandia", "LOC", "Holandia")],
     [("Mark Rutte", "Nie będę tego komentował")]),
    ("a person who opens a sentence after the last speaker is the next pro-drop speaker",
     "Jak przekazał Reuters, rozmowy potrwają do wieczora. Putin skrytykował też Europę. "
     "- Europejczycy nie powinni się wtrącać - mówił.",
     [name("Reuters", label="ORG"), name("Putin", "Władimir Putin")],
     [("Władimir Putin", "Europejczycy nie powinni się wtrącać")]),
    ("an answer option in a poll is a label, and 'opowiedzieć się' is no speech",
     "Zełenskiemu ufa 54 proc. badanych, a 16 proc. opowiedziało się za opcją „raczej nie ufam”.",
     [name("Zełenskiemu", "Wołodymyr Zełenski", base="Zełenski")], []),
    ("a person's role is not the organisation in it",
     "Jan Nowak był na konferencji. – Przestępcy nie siedzą w piwnicach – wyjaśnił ekspert PKO BP.",
     [name("Jan Nowak"), name("PKO BP", label="ORG")], [("Jan Nowak", "Przestępcy nie siedzą w piwnicach")]),
    ("a plural subject names no single speaker",
     "Szef straży granicznej Robert Smyk przedstawił dane. Służby podkreślają, że „jedna osoba mogła przechodzić wiele razy”.",
     [name("Robert Smyk")], [(None, "jedna osoba mogła przechodzić wiele razy")]),
    ("an adverbial participle shares the subject of its clause",
     "Głos zabrał generał Mariusz Chmielewski, który przedstawił wojskowy punkt widzenia, ostrzegając, że "
     "„cyberwojna staje się głównym narzędziem”.",
     [name("Mariusz Chmielewski")], [("Mariusz Chmielewski", "cyberwojna staje się głównym narzędziem")]),
    ("an organisation after 'przez' is an agent of the participle, not the speaker",
     "Wiktor Janukowycz wystąpił w Moskwie. - To była prowokacja - mówił na konferencji organizowanej przez "
     "Komitet Ocalenia Ukrainy.",
     [name("Wiktor Janukowycz"), name("Moskwie", "Moskwa", "LOC", "Moskwa"), name("Komitet Ocalenia Ukrainy", label="ORG")],
     [("Wiktor Janukowycz", "To była prowokacja")]),
    ("a feminine verb skips a man whatever his name looks like",
     "Liza Kriwonogich rozmawiała z reporterem Dmytrem Swiatnenką. - Może pani przyjechać do Kijowa - mówił Swiatnenko. "
     "- Wyobraża pan sobie, że już jadę? - odpowiedziała.",
     [name("Liza Kriwonogich"), name("Dmytrem Swiatnenką", "Dmytro Swiatnenko", base="Dmytro Swiatnenko"),
      name("Swiatnenko", "Dmytro Swiatnenko")],
     [("Dmytro Swiatnenko", "Może pani przyjechać do Kijowa"), ("Liza Kriwonogich", "Wyobraża pan sobie, że już jadę?")]),
    ("a man's name is no subject of a feminine verb",
     "Rozmówczyni Dmytra Swiatnenki potwierdziła, że „nie chce rozmawiać”.", [], [(None, "nie chce rozmawiać")]),
    ("a speech verb without quote or clause still sets the last speaker; a relational role refers back",
     "Szef Kancelarii Prezydenta Zbigniew Bogucki skomentował w TVN24 odwołanie spotkania. "
     "– Nie było tego spotkania – powiedział współpracownik Karola Nawrockiego.",
     [name("Zbigniew Bogucki"), name("Karola Nawrockiego", "Karol Nawrocki", base="Karol Nawrocki"),
      name("TVN24", label="ORG")],
     [("Zbigniew Bogucki", "Nie było tego spotkania")]),
    ("the relay of a quote does not speak the next one",
     "- Nie ma przełomu - powiedział Uszakow, cytowany przez agencję Interfax. - Rozmowy będą trwały - dodał.",
     [name("Uszakow", "Jurij Uszakow"), name("Interfax", label="ORG")],
     [("Jurij Uszakow", "Nie ma przełomu"), ("Jurij Uszakow", "Rozmowy będą trwały")]),
    ("'mówi się' is impersonal",
     "Ewa Kuroś mówiła o bezpieczeństwie. Często mówi się, że „hasło jest pierwszą linią obrony”.",
     [name("Ewa Kuroś")], [(None, "hasło jest pierwszą linią obrony")]),
    ("a role opening a sentence is a role, and its organisation is not the speaker",
     "– Serwis działa – tłumaczył Robert Grabowski. Szef CERT Orange przestrzegał firmy przed pozycją „nisko wiszącego owocu”.",
     [name("Robert Grabowski"), name("Orange", label="ORG")],
     [("Robert Grabowski", "Serwis działa"), ("Robert Grabowski", "nisko wiszącego owocu")]),
    ("'zapowiada się' is no speech",
     "Prezes linii Kenton Jarvis podkreślił, że Ukraina zapowiada się jako „największy projekt budowlany”.",
     [name("Kenton Jarvis"), name("Ukraina", label="LOC")], [("Kenton Jarvis", "największy projekt budowlany")]),
]


@pytest.mark.parametrize("text, names, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_quotes_and_speakers(text, names, expected):
    assert quotes_of(make_doc(text, names)) == expected


def test_dash_speech_with_speaker_after_the_verb():
    doc = make_doc("- Nie zgodzimy się na żadne ustępstwa - powiedział w środę rzecznik MSZ Rosji Aleksiej Fadiejew.",
                   [FADIEJEW, ("Rosji", "Rosja", "LOC", "Rosja")])
    [q] = find_quotes(doc).quotes
    assert (q.speaker, q.text, q.verb, q.direct) == ("Aleksiej Fadiejew", "Nie zgodzimy się na żadne ustępstwa",
                                                     "powiedzieć", True)
    assert doc.text[q.start:q.end] == q.text
    assert "powiedział" in q.evidence.text


@pytest.mark.parametrize("dash", ["-", "–", "—"])
def test_every_dash_and_a_continuation_without_subject(dash):
    text = (f"Szef MSZ Radosław Sikorski rozmawiał z dziennikarzami. {dash} Sankcje muszą zostać zaostrzone "
            f"{dash} podkreślił Sikorski. {dash} Nie ma na co czekać {dash} dodał.")
    doc = make_doc(text, [SIKORSKI, SIKORSKI_SHORT])
    assert quotes_of(doc) == [("Radosław Sikorski", "Sankcje muszą zostać zaostrzone"),
                              ("Radosław Sikorski", "Nie ma na co czekać")]


@pytest.mark.parametrize("text", [
    "Według „Rzeczpospolitej” rząd przygotowuje nową ustawę.",
    "Plan „Wschodnia Tarcza” ma kosztować miliardy złotych.",
    "Sikorski mówił o tzw. „flocie cieni” na Bałtyku.",
    "Na Bałtyku pływa „flota cieni”, której statki omijają sankcje.",
])
def test_titles_and_scare_quotes_are_not_quotes(text):
    assert quotes_of(make_doc(text, [SIKORSKI_SHORT])) == []


def test_several_sentences_and_an_editorial_note_in_one_quote():
    text = ("– Myślę, że szuka porozumienia. Ale ich (Rubia i Hegsetha – red.) ocena była bardzo wyraźna "
            "– mówił o Putinie Trump.")
    doc = make_doc(text, [("Trump", "Donald Trump", "PER", "Trump"), ("Putinie", "Władimir Putin", "PER", "Putin")])
    [(speaker, words)] = quotes_of(doc)
    assert speaker == "Donald Trump"
    assert words.startswith("Myślę, że szuka porozumienia.") and words.endswith("ocena była bardzo wyraźna")


def test_role_resolved_through_an_earlier_apposition():
    text = ("Dan Fried, były ambasador USA w Polsce, komentował rozmowy w telewizji. "
            "- Tym razem może być inaczej - podkreślił były ambasador.")
    doc = make_doc(text, [("Dan Fried", "Dan Fried", "PER", "Dan Fried"), ("USA", "Stany Zjednoczone", "LOC", "USA"),
                          ("Polsce", "Polska", "LOC", "Polska")])
    [q] = find_quotes(doc).quotes
    assert (q.speaker, q.speaker_text) == ("Dan Fried", "były ambasador")


def test_name_after_role_in_genitive_is_not_the_speaker():
    text = ("Jurij Uszakow był na spotkaniu. - Nie jesteśmy bliżej porozumienia - powiedział doradca Putina.")
    doc = make_doc(text, [("Jurij Uszakow", "Jurij Uszakow", "PER", "Jurij Uszakow"),
                          ("Putina", "Władimir Putin", "PER", "Putin")])
    [q] = find_quotes(doc).quotes
    assert q.speaker != "Władimir Putin"


def test_embedded_post_keeps_author_handle_date_and_language():
    text = ("Szefowa unijnej dyplomacji skomentowała rozmowy w mediach społecznościowych.\n\n"
            "Russia is not interested in peace. We must keep up the pressure. "
            "— Kaja Kallas (@kajakallas) December 3, 2025 Rozwiń")
    doc = make_doc(text, [("Kaja Kallas", "Kaja Kallas", "PER", "Kaja Kallas")])
    [q] = find_quotes(doc).quotes
    assert q.speaker == "Kaja Kallas"
    assert (q.handle, q.posted, q.lang) == ("kajakallas", "December 3, 2025", "en")
    assert q.text == "Russia is not interested in peace. We must keep up the pressure"


def test_post_author_unknown_to_the_entity_layer_becomes_an_entity():
    text = "Rozmowy relacjonowała ambasada.\n\nThe talks have begun in Moscow. — Russian Embassy, UK (@RussianEmbassy) December 2, 2025"
    doc = make_doc(text, [])
    [q] = find_quotes(doc).quotes
    assert doc.entity(q.speaker).name == "Russian Embassy, UK"


def test_reported_speech_is_a_statement_not_a_quote():
    doc = make_doc("Uszakow poinformował, że rozmowy potrwają do późnego wieczora.",
                   [("Uszakow", "Jurij Uszakow", "PER", "Uszakow")])
    assert find_quotes(doc).quotes == []
    [s] = find_statements(doc)
    assert (s.speaker, s.direct, s.verb) == ("Jurij Uszakow", False, "poinformować")
    assert s.text == "rozmowy potrwają do późnego wieczora"


def test_according_to_and_source_chain():
    text = ("Według Uszakowa strony omówiły kilka wariantów planu. Jak podała agencja Reutera, powołując się na "
            "dziennik Kommersant, delegacje spotkają się ponownie w styczniu.")
    doc = make_doc(text, [("Uszakowa", "Jurij Uszakow", "PER", "Uszakow"), ("Reutera", "Reuters", "ORG", "Reuters"),
                          ("Kommersant", "Kommersant", "ORG", "Kommersant")])
    statements = {s.speaker: s for s in find_statements(doc)}
    assert statements["Jurij Uszakow"].text == "strony omówiły kilka wariantów planu"
    assert statements["Reuters"].source_chain == ["Reuters", "Kommersant"]
    assert statements["Reuters"].text.startswith("delegacje spotkają się")


def test_quote_relayed_by_an_agency():
    doc = make_doc("- Nie ma przełomu - powiedział Uszakow, cytowany przez agencję Interfax.",
                   [("Uszakow", "Jurij Uszakow", "PER", "Uszakow"), ("Interfax", "Interfax", "ORG", "Interfax")])
    [q] = find_quotes(doc).quotes
    assert (q.speaker, q.source_chain) == ("Jurij Uszakow", ["Interfax", "Jurij Uszakow"])


def test_merge_keeps_the_longer_of_one_speakers_repeats_only():
    a = Quote(0, 10, "nie ma postępu", speaker="A")
    b = Quote(20, 60, "nie ma postępu w rozmowach", speaker="A")
    c = Quote(70, 80, "nie ma postępu", speaker="B")
    assert merge_repeats([a, b, c]) == [b, c]


def test_english_quotes():
    text = ("“We are not any closer to peace,” said Yuri Ushakov after the talks. Ushakov said the meeting was useful. "
            "“The American side gave us its proposals,” he added.")
    doc = make_doc(text, [("Yuri Ushakov", "Jurij Uszakow", "PER", "Yuri Ushakov"),
                          ("Ushakov", "Jurij Uszakow", "PER", "Ushakov")], lang="en")
    assert quotes_of(doc) == [("Jurij Uszakow", "We are not any closer to peace"),
                              ("Jurij Uszakow", "The American side gave us its proposals")]
    [s] = find_statements(doc)
    assert s.speaker == "Jurij Uszakow" and s.text == "the meeting was useful"


def test_empty_document_and_no_upstream_layers():
    assert find_quotes(Doc(read_text("", id="e", source="e", clean=False))).quotes == []


def test_someone_the_quote_talks_about_is_not_its_inherited_speaker():
    text = ("- Jesteśmy gotowi na wszystko - powiedział Władimir Putin. "
            "- Władimir Putin znowu grozi Europie - powiedział wicepremier.")
    doc = make_doc(text, [("Władimir Putin", "Władimir Putin", "PER", "Władimir Putin")])
    assert [s for s, _ in quotes_of(doc)] == ["Władimir Putin", None]


def test_english_speaker_before_told_and_not_after_on():
    text = "“Of course we will not lose,” Zelensky told the BBC on Monday. “We will win,” he said on Tuesday."
    doc = make_doc(text, [("Zelensky", "Wołodymyr Zełenski", "PER", "Zelensky"), ("BBC", "BBC", "ORG", "BBC")],
                   lang="en")
    assert [s for s, _ in quotes_of(doc)] == ["Wołodymyr Zełenski", "Wołodymyr Zełenski"]


def test_sentence_closed_by_an_attribution_without_opening_dash_is_reported_speech():
    text = "W czwartek delegacje spotkają się w Miami – poinformował przedstawiciel Białego Domu."
    doc = make_doc(text, [("Białego Domu", "Biały Dom", "ORG", "Biały Dom")])
    assert find_quotes(doc).quotes == []
    [s] = find_statements(doc)
    assert (s.text, s.direct, s.verb) == ("W czwartek delegacje spotkają się w Miami", False, "poinformować")


def test_overt_pronoun_is_the_last_person_named_not_the_last_speaker():
    text = ("- Chcemy tego pomnika szybko - dodał Knut Abraham. W debacie głos zabrał także Goetz Froemming. "
            "Powiedział on, że „relacje z Polską się pogorszyły”.")
    doc = make_doc(text, [("Knut Abraham", "Knut Abraham", "PER", "Knut Abraham"),
                          ("Goetz Froemming", "Goetz Froemming", "PER", "Goetz Froemming")])
    assert quotes_of(doc)[-1] == ("Goetz Froemming", "relacje z Polską się pogorszyły")


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_speech_word_lists_are_all_strings(lang):
    """YAML reads a bare ``on`` or ``no`` as a boolean: every listed word must stay a word."""
    from kronika import lang as langdata

    for key, value in langdata.load(lang, "speech").items():
        items = value.items() if isinstance(value, dict) else [(v, v) for v in value]
        assert all(isinstance(a, str) and isinstance(b, str) for a, b in items), key


def test_according_to_x_then_relayed_by_an_agency():
    text = "Według Biełika polski prezydent „szuka pretekstu” - podała rosyjska agencja RIA Nowosti."
    doc = make_doc(text, [("Biełika", "Dmitrij Biełik", "PER", "Biełik"), ("RIA Nowosti", "RIA Nowosti", "ORG", "RIA Nowosti")])
    [q] = find_quotes(doc).quotes
    assert (q.speaker, q.source_chain) == ("Dmitrij Biełik", ["RIA Nowosti", "Dmitrij Biełik"])


def test_outlet_with_a_quoted_title():
    doc = make_doc("„Minister niczego nie wyjaśnił” - podkreślił dziennik „Népszava”.", [])
    [q] = find_quotes(doc).quotes
    assert doc.entity(q.speaker).name == "Népszava" and doc.entity(q.speaker).type == "ORG"


def test_a_role_named_inside_a_quote_does_not_resolve_the_speaker():
    text = ("Karol Nawrocki przypomniał, że domaga się symetrii. – Liczymy, że pan prezydent Wołodymyr Zełenski "
            "uszanuje ten wysiłek – powiedział prezydent.")
    doc = make_doc(text, [("Karol Nawrocki", "Karol Nawrocki", "PER", "Karol Nawrocki"),
                          ("Wołodymyr Zełenski", "Wołodymyr Zełenski", "PER", "Wołodymyr Zełenski")])
    assert quotes_of(doc)[0][0] == "Karol Nawrocki"


def test_passive_with_a_common_noun_agent_names_nobody():
    text = "Swietłana udzieliła wywiadu. Portal został uznany przez władze za „organizację niepożądaną” i zamknięty."
    doc = make_doc(text, [("Swietłana", "Swietłana", "PER", "Swietłana")])
    assert quotes_of(doc) in ([], [(None, "organizację niepożądaną")])



def test_subjectless_verb_continues_an_unnamed_role_not_an_earlier_named_speaker():
    text = ("Siergiej Ławrow powiedział w poniedziałek, że Moskwa jest gotowa do rozmów.\n\n"
            "Rzecznik polskiej straży granicznej poinformował, że na przejściu w Dorohusku panuje spokój. "
            "- Kolejki ciężarówek są krótsze niż tydzień temu - dodał.")
    doc = make_doc(text, [name("Siergiej Ławrow")])
    [quote] = find_quotes(doc).quotes
    assert (quote.speaker, quote.speaker_text) == (None, "Rzecznik polskiej straży granicznej")


def test_plural_speech_verb_does_not_inherit_a_single_speaker():
    # the tagger reads "Służby" as a genitive here, so the verb is left with no subject of its own
    text = ("- Ruch na przejściu jest stały - powiedział Jan Kowalski. "
            "Piotr Zieliński przyjechał do Medyki w piątek rano. "
            "Służby podkreślają, że „granica pozostaje otwarta przez całą dobę”.")
    doc = make_doc(text, [name("Jan Kowalski"), name("Piotr Zieliński")])
    assert quotes_of(doc) == [("Jan Kowalski", "Ruch na przejściu jest stały"),
                              (None, "granica pozostaje otwarta przez całą dobę")]


def test_dash_quote_stops_at_its_paragraph_end():
    text = ("Wołodymyr Zełenski mówił w Kijowie o rozmowach.\n\n"
            "- Nie oddamy ziemi za obietnice, bo to byłby błąd\n\n"
            "Marco Rubio i Dan Driscoll przylecieli do Genewy - przekazał Reuters.\n\n"
            "- Rozmowy trwają - powiedział Zełenski.")
    names = [name("Wołodymyr Zełenski"), name("Zełenski", "Wołodymyr Zełenski"), name("Marco Rubio"),
             name("Dan Driscoll"), name("Reuters", label="ORG")]
    assert quotes_of(make_doc(text, names)) == [(None, "Nie oddamy ziemi za obietnice, bo to byłby błąd"),
                                                ("Wołodymyr Zełenski", "Rozmowy trwają")]


@pytest.mark.parametrize("text, expected", [
    ('"Tak" i "nie"', ["Tak", "nie"]),  # a mark opening the text
    ('x"Tak" a"b" "c"', ["c"]),  # a mark after a letter opens nothing
    ("'Tak' i l'art 'nie'", ["Tak", "nie"]),
    ("‘Yes’ and x‘no’", ["Yes"]),
])
def test_straight_and_single_quotes_open_only_after_a_non_letter(text, expected):
    from kronika.extract.quote_marks import quotation_marks

    assert [text[q.start:q.end] for q in quotation_marks(text)] == expected
