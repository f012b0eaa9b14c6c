"""Time expressions: recognition and resolution against the publication date (own sample sentences)."""
from datetime import date, datetime, timezone

import pytest

from kronika.extract.times import event_date, find_times, times_in
from kronika.model import Article, Doc, Sentence, Token

THURSDAY = date(2025, 12, 4)  # a Thursday
TUESDAY = date(2025, 12, 2)


def times(text: str, published: date = THURSDAY, lang: str = "pl") -> dict[str, str]:
    """{expression text: value} of a text published on the given day."""
    doc = find_times(Doc(Article(id="t", text=text, source="test", published_date=published, lang=lang)))
    return {t.text: t.value for t in doc.times}


def value(text: str, expression: str, published: date = THURSDAY, lang: str = "pl") -> str | None:
    return times(text, published, lang).get(expression)


# --- weekdays and the tense of their clause


@pytest.mark.parametrize("text, expression, expected", [
    ("We wtorek delegacja przyleciała do Moskwy.", "We wtorek", "2025-12-02"),
    ("Ministrowie rozmawiali w poniedziałek przez telefon.", "w poniedziałek", "2025-12-01"),
    ("W sobotę odbędzie się kolejna runda rozmów.", "W sobotę", "2025-12-06"),
    ("Delegacje mają się spotkać w piątek w Genewie.", "w piątek", "2025-12-05"),
    ("Szczyt będzie trwał od poniedziałku.", "od poniedziałku", "2025-12-08"),
    ("Prezydent poleci do Kijowa we wtorek.", "we wtorek", "2025-12-09"),
    ("W niedzielę ostrzelano elektrownię.", "W niedzielę", "2025-11-30"),
])
def test_weekday_takes_the_tense_of_its_clause(text, expression, expected):
    assert value(text, expression) == expected


@pytest.mark.parametrize("text", [
    "W czwartek minister spotkał się z ambasadorem.",  # past
    "W czwartek minister spotka się z ambasadorem.",  # future (perfective present)
    "Minister ma w czwartek spotkać się z ambasadorem.",  # ma + infinitive
    "W czwartek minister rozmawia z ambasadorem.",  # present
])
def test_publication_weekday_is_the_publication_date_in_every_tense(text):
    assert value(text, next(iter(times(text)))) == "2025-12-04"


def test_conditional_is_not_the_past():
    # published on a Thursday: "by ... odbyło się" wishes, it does not report
    assert value("Opozycja chciała, żeby głosowanie odbyło się w piątek.", "w piątek") == "2025-12-05"


def test_present_tense_date_takes_the_nearest_year():
    assert value("Mamy już zaproszenie na 16 stycznia.", "na 16 stycznia") == "2026-01-16"


def test_weekday_adjective_in_a_past_report_keeps_a_recent_day_else_the_nearer_one():
    # published on a Thursday
    assert value("Premier zapowiedział piątkowe posiedzenie rządu.", "piątkowe") == "2025-12-05"
    assert value("Po wtorkowych rozmowach delegacja wyjechała.", "Po wtorkowych") == "2025-12-02"
    assert value("Wysłannik uczestniczył w niedzielnych rozmowach.", "w niedzielnych") == "2025-11-30"


def test_since_a_month_with_a_present_verb_looks_back():
    assert value("Kurs jest najwyższy od maja.", "od maja") == "2025-05"
    assert value("Nowe stawki wejdą w życie od 1 stycznia.", "od 1 stycznia") == "2026-01-01"


def test_last_and_next_weekday_skip_the_publication_day():
    found = times("W ubiegły czwartek i w przyszły czwartek.")
    assert found == {"W ubiegły czwartek": "2025-11-27", "w przyszły czwartek": "2025-12-11"}


def test_weekday_adjectives():
    found = times("Wtorkowe rozmowy trwały pięć godzin. Po czwartkowym spotkaniu nikt nie zabrał głosu.")
    assert found == {"Wtorkowe": "2025-12-02", "Po czwartkowym": "2025-12-04"}


def test_weekday_with_part_of_day_and_evening_adjective():
    assert value("We wtorek po południu podpisano porozumienie.", "We wtorek po południu") == "2025-12-02"
    assert value("We wtorkowy wieczór padły pierwsze strzały.", "We wtorkowy wieczór") == "2025-12-02"


def test_time_words_inside_names_are_not_dates():
    assert times("Wywiadu udzielił telewizji India Today. W Wielki Piątek kościoły są otwarte.") == {}
    assert times("Trump Tuesday said the talks went well.", lang="en") == {"Tuesday": "2025-12-02"}


def test_capitalised_preposition_after_a_headline_opens_a_sentence():
    found = times("Delegacja w drodze do Moskwy W poniedziałek rzecznik odpowiedział na pytania.\nŹródło: PAP\nWtorek był spokojny.")
    assert found == {"W poniedziałek": "2025-12-01", "Wtorek": "2025-12-02"}


def test_habitual_weekday_is_not_a_date():
    assert times("Komunikaty sztab wydaje w każdy czwartek.") == {}


# --- written and numeric dates


@pytest.mark.parametrize("text, expected", [
    ("Porozumienie podpisano 2.12.2025 w stolicy.", {"2.12.2025": "2025-12-02"}),
    ("Rozmowy odbyły się 2 grudnia.", {"2 grudnia": "2025-12-02"}),
    ("Rozmowy odbyły się 2 grudnia 2025 r. na Kremlu.", {"2 grudnia 2025 r.": "2025-12-02"}),
    ("Dokument ma datę 2 XII 2025 i podpis ministra.", {"2 XII 2025": "2025-12-02"}),
    ("Raport z 2025-12-02 opisuje straty.", {"z 2025-12-02": "2025-12-02"}),
    ("Wojna trwa od 24 lutego 2022 roku.", {"od 24 lutego 2022 roku": "2022-02-24"}),
    ("W czwartek, 4 grudnia, doszło do ataku.", {"W czwartek, 4 grudnia": "2025-12-04"}),
])
def test_dates(text, expected):
    assert times(text) == expected


def test_day_and_month_without_year_follow_the_tense():
    assert value("Ostatnie wybory odbyły się 28 grudnia.", "28 grudnia") == "2024-12-28"
    assert value("Kolejne spotkanie odbędzie się 10 stycznia.", "10 stycznia") == "2026-01-10"


# --- months and years


@pytest.mark.parametrize("text, expression, expected", [
    ("W grudniu spadł pierwszy śnieg.", "W grudniu", "2025-12"),
    ("W lutym wysłannik odwiedził Moskwę.", "W lutym", "2025-02"),
    ("Wybory odbędą się w maju.", "w maju", "2026-05"),
    ("Rozejm złamano już w lipcu.", "w lipcu", "2025-07"),
    ("Na początku roku zapowiedziano reformę.", None, None),  # a year part without a year: not a date
    ("W 2022 roku Rosja zaatakowała Ukrainę.", "W 2022 roku", "2022"),
    ("Umowę zawarto w 2014 r. w Mińsku.", "w 2014 r.", "2014"),
    ("Sankcje obowiązują od listopada ubiegłego roku.", "od listopada ubiegłego roku", "2024-11"),
    ("Raport opublikowano w październiku br. w Brukseli.", "w październiku br.", "2025-10"),
])
def test_months_and_years(text, expression, expected):
    found = times(text)
    if expression is None:
        assert found == {}
    else:
        assert found.get(expression) == expected


def test_bare_year_after_a_preposition_unless_it_counts_a_noun():
    found = times("W 2024 było gorzej, od 2019 ceny rosną. Na 2000 żołnierzy przypada 30 lekarzy.")
    assert found == {"W 2024": "2024", "od 2019": "2019"}


def test_future_month_after_publication_month_is_this_year_and_past_month_after_it_last_year():
    published = date(2025, 6, 15)
    assert value("Szczyt NATO odbędzie się w lipcu.", "w lipcu", published) == "2025-07"
    assert value("Szczyt NATO odbył się w lipcu.", "w lipcu", published) == "2024-07"


def test_month_as_a_reporting_period_is_over():
    assert value("Urzędy przedstawią jutro dane o inflacji za listopad.", "za listopad") == "2025-11"
    assert value("Badanie przeprowadzono w drugiej połowie listopada.", "w drugiej połowie listopada") == "2025-11"


def test_month_adjective_is_the_nearest_such_month():
    found = times("Inflacja będzie niższa od listopadowej projekcji. Sierpniowy szczyt nic nie dał.")
    assert found == {"od listopadowej": "2025-11", "Sierpniowy": "2025-08"}


# --- relative expressions


@pytest.mark.parametrize("text, expression, expected", [
    ("Wczoraj minister podał się do dymisji.", "Wczoraj", "2025-12-03"),
    ("Przedwczoraj doszło do wybuchu.", "Przedwczoraj", "2025-12-02"),
    ("Jutro rząd zbierze się ponownie.", "Jutro", "2025-12-05"),
    ("Pojutrze rozpocznie się szczyt.", "Pojutrze", "2025-12-06"),
    ("Dziś rano ogłoszono alarm.", "Dziś rano", "2025-12-04"),
    ("Dzisiaj nikt tego nie skomentował.", "Dzisiaj", "2025-12-04"),
    ("Ukraina do dziś temu zaprzecza.", "do dziś", "2025-12-04"),
    ("Nie możemy czekać do jutra.", "do jutra", "2025-12-05"),
    ("Wczorajsze rozmowy zakończyły się fiaskiem.", "Wczorajsze", "2025-12-03"),
    ("Tydzień temu padła stolica obwodu.", "Tydzień temu", "2025-11-27"),
    ("Dwa dni temu ogłoszono mobilizację.", "Dwa dni temu", "2025-12-02"),
    ("Trzy lata temu zaczęła się wojna.", "Trzy lata temu", "2022"),
    ("W zeszłym tygodniu odwołano ambasadora.", "W zeszłym tygodniu", "2025-W48"),
    ("W przyszłym miesiącu ruszy odbudowa.", "W przyszłym miesiącu", "2026-01"),
    ("W ubiegłym roku eksport spadł.", "W ubiegłym roku", "2024"),
    ("W tym roku wysłannik był w Moskwie pięć razy.", "W tym roku", "2025"),
    ("Tegoroczny budżet obrony jest rekordowy.", "Tegoroczny", "2025"),
])
def test_relative(text, expression, expected):
    assert value(text, expression) == expected


@pytest.mark.parametrize("text, expression, expected", [
    ("Przed tygodniem wojska wycofały się z miasta.", "Przed tygodniem", "2025-11-27"),
    ("Przed trzema laty podpisano rozejm.", "Przed trzema laty", "2022"),
    ("Za tydzień ministrowie spotkają się w Brukseli.", "Za tydzień", "2025-12-11"),
    ("Za dwa dni rusza konferencja.", "Za dwa dni", "2025-12-06"),
    ("Wybory odbędą się za osiem lat.", "za osiem lat", "2033"),
])
def test_counted_before_and_after(text, expression, expected):
    assert value(text, expression) == expected


def test_per_year_and_before_a_named_day_are_not_dates():
    assert times("Emerytura rośnie o 4 proc. za rok. Przed dniem wyborów trwa cisza.") == {}


@pytest.mark.parametrize("text, expression, expected", [
    ("Drony nadleciały w nocy z 9 na 10 września.", "w nocy z 9 na 10 września", "2025-09-09"),
    ("W nocy z niedzieli na poniedziałek ostrzelano port.", "W nocy z niedzieli na poniedziałek", "2025-11-30"),
    ("Wypłata przyjdzie 19 grudnia, w piątek.", "19 grudnia, w piątek", "2025-12-19"),
    ("Mgły utrzymają się od 1-3 grudnia.", "od 1-3 grudnia", "2025-12-01"),
])
def test_nights_ranges_and_appositions_take_their_first_day(text, expression, expected):
    assert times(text) == {expression: expected}


def test_vague_counts_and_anaphoric_days_are_not_dates():
    assert times("Kilka dni temu doszło do ataku.") == {}
    assert times("Następnego dnia delegacja wróciła do kraju.") == {}
    assert times("Obecnie trwają walki o miasto.") == {}


# --- parts of periods


@pytest.mark.parametrize("text, expression, expected, precision", [
    ("Pod koniec listopada wojska zajęły miasto.", "Pod koniec listopada", "2025-11", "month"),
    ("W połowie grudnia rozpocznie się szczyt.", "W połowie grudnia", "2025-12", "month"),
    ("Na przełomie listopada i grudnia trwały rozmowy.", "Na przełomie listopada i grudnia", "2025-11", "month"),
    ("Pod koniec lutego tego roku doszło do kłótni.", "Pod koniec lutego tego roku", "2025-02", "month"),
    ("Na początku 2024 roku zmieniono dowódcę.", "Na początku 2024 roku", "2024", "year"),
    ("Pod koniec ubiegłego roku podpisano umowę.", "Pod koniec ubiegłego roku", "2024", "year"),
])
def test_parts_of_periods_keep_the_precision_of_the_whole(text, expression, expected, precision):
    doc = find_times(Doc(Article(id="t", text=text, source="test", published_date=THURSDAY)))
    (t,) = doc.times
    assert (t.text, t.value, t.precision, t.kind) == (expression, expected, precision, "period")


# --- clock times and zones


@pytest.mark.parametrize("text, published, expression, expected", [
    ("Rozmowy rozpoczęły się o godzinie 17:46 czasu polskiego.", TUESDAY,
     "o godzinie 17:46 czasu polskiego", "2025-12-02T17:46+01:00"),
    ("Rozmowy rozpoczęły się o godzinie 17:46 czasu polskiego.", date(2025, 7, 1),
     "o godzinie 17:46 czasu polskiego", "2025-07-01T17:46+02:00"),
    ("Konferencję zaplanowano o 9.30.", TUESDAY, "o 9.30", "2025-12-02T09:30+01:00"),
    ("Spotkanie zaczęło się o 19:00 czasu moskiewskiego.", TUESDAY,
     "o 19:00 czasu moskiewskiego", "2025-12-02T19:00+03:00"),
    ("Komunikat wydano o godz. 12 UTC.", TUESDAY, "o godz. 12 UTC", "2025-12-02T12:00+00:00"),
    ("Alarm ogłoszono o 3:15 CET.", TUESDAY, "o 3:15 CET", "2025-12-02T03:15+01:00"),
])
def test_clock_times_with_zones(text, published, expression, expected):
    assert value(text, expression, published) == expected


def test_clock_time_takes_the_day_of_its_clause_or_an_earlier_one_of_its_sentence():
    found = times("W poniedziałek o 15:30 rozpoczęło się posiedzenie.")
    assert found == {"W poniedziałek": "2025-12-01", "o 15:30": "2025-12-01T15:30+01:00"}
    found = times("W poniedziałek, o 15:30, zebrał się sztab.")
    assert found["o 15:30"] == "2025-12-01T15:30+01:00"
    found = times("Zaplanowano na godz. 15:00 wystąpienie prezesa (wczoraj rada obniżyła stopy).")
    assert found["na godz. 15:00"] == "2025-12-04T15:00+01:00"


def test_durations_and_scores_are_not_times():
    assert times("Negocjacje trwały ponad pięć godzin, a ostrzał przez trzy dni. Mecz skończył się 21:25.") == {}


# --- English


@pytest.mark.parametrize("text, expression, expected", [
    ("Witkoff met Putin on Tuesday.", "on Tuesday", "2025-12-02"),
    ("The envoys will meet Umerov on Friday.", "on Friday", "2025-12-05"),
    ("The talks were held last week in Geneva.", "last week", "2025-W48"),
    ("The memo is dated December 2, 2025.", "December 2, 2025", "2025-12-02"),
    ("The memo is dated Dec. 2, 2025.", "Dec. 2, 2025", "2025-12-02"),
    ("The envoy visited Moscow in February.", "in February", "2025-02"),
    ("The meeting began at 5:46 p.m. ET.", "at 5:46 p.m. ET", "2025-12-04T17:46-05:00"),
    ("The ministers spoke yesterday.", "yesterday", "2025-12-03"),
    ("Russia annexed the peninsula in 2014.", "in 2014", "2014"),
    ("The offensive began two days ago.", "two days ago", "2025-12-02"),
    ("Fighting intensified in late November.", "in late November", "2025-11"),
])
def test_english(text, expression, expected):
    assert value(text, expression, lang="en") == expected


def test_english_year_naming_an_event():
    assert times("After Trump's 2024 election victory the 2022 invasion was discussed.", lang="en") == {
        "2024": "2024", "2022": "2022"}


def test_english_may_as_a_verb_is_not_a_month():
    assert times("Talks may resume soon, officials may say.", lang="en") == {}


def test_english_date_inside_a_polish_article():
    found = times("Barros skomentował rozmowy na X. Russia rejected the terms. — George Barros December 2, 2025")
    assert found == {"December 2, 2025": "2025-12-02"}


# --- tense from the language stage's tokens


def test_tense_from_tokens_when_the_language_stage_ran():
    text = "W piątek ministrowie rozmawiali."
    article = Article(id="t", text=text, source="test", published_date=TUESDAY)
    tokens = [Token("W", 0, 1, "w", "prep:acc"), Token("piątek", 2, 8, "piątek", "subst:sg:acc:m3"),
              Token("ministrowie", 9, 20, "minister", "subst:pl:nom:m1"),
              Token("rozmawiali", 21, 31, "rozmawiać", "praet:pl:m1:imperf"), Token(".", 31, 32, ".", "interp")]
    doc = find_times(Doc(article, tokens=tokens, sentences=[Sentence(0, 32)]))
    assert [t.value for t in doc.times] == ["2025-11-28"]


# --- without a publication date, and the API for events


def test_without_publication_date_only_absolute_dates():
    doc = find_times(Doc(Article(id="t", text="We wtorek, 2 grudnia 2025 r., i w środę.", source="test")))
    assert [(t.text, t.value) for t in doc.times] == [("We wtorek, 2 grudnia 2025 r.", "2025-12-02")]


def test_publication_time_zone_for_english_clock_times():
    article = Article(id="t", text="The strike came at 4 a.m.", source="test", lang="en",
                      published=datetime(2025, 12, 4, 9, 0, tzinfo=timezone.utc), published_date=THURSDAY)
    assert [t.value for t in find_times(Doc(article)).times] == ["2025-12-04T04:00+00:00"]


def test_times_in_and_event_date():
    text = ("W poniedziałek ministrowie rozmawiali w Paryżu, a w środę spotkają się w Rzymie. "
            "Pod koniec listopada doszło do ataku.")
    doc = find_times(Doc(Article(id="t", text=text, source="test", published_date=TUESDAY)))
    paris, rome, attack = text.index("rozmawiali"), text.index("spotkają"), text.index("ataku")
    assert [t.text for t in times_in(doc, 0, text.index(","))] == ["W poniedziałek"]
    assert event_date(doc, paris, paris + 10) == "2025-12-01"
    assert event_date(doc, rome, rome + 8) == "2025-12-03"
    assert event_date(doc, attack, attack + 5) == "2025-11"
    assert event_date(doc, 0, 0) == "2025-12-01"


def test_event_date_gives_a_clock_times_day_and_a_weeks_month():
    text = "Atak nastąpił o godzinie 4:10 czasu kijowskiego. W zeszłym tygodniu podpisano umowę."
    doc = find_times(Doc(Article(id="t", text=text, source="test", published_date=THURSDAY)))
    assert event_date(doc, text.index("Atak"), text.index("Atak") + 4) == "2025-12-04"
    assert event_date(doc, text.index("podpisano"), text.index("podpisano") + 9) == "2025-11"


def test_event_date_is_none_without_a_time_in_clause_or_sentence():
    text = "Wczoraj padło miasto. Sztab nie podał szczegółów."
    doc = find_times(Doc(Article(id="t", text=text, source="test", published_date=THURSDAY)))
    assert event_date(doc, text.index("Sztab"), text.index("Sztab") + 5) is None


# --- a weekday fixes the year of a day and month; planning words point forward

SATURDAY_AFTER_NEW_YEAR = date(2026, 1, 3)
MONDAY = date(2025, 12, 1)


def test_weekday_with_day_and_month_picks_the_year_it_falls_in():
    # 29 December is a Monday in 2025, not in 2026: the future tense alone would say 2026
    assert value("Negocjatorzy spotkają się w poniedziałek 29 grudnia.", "w poniedziałek 29 grudnia",
                 SATURDAY_AFTER_NEW_YEAR) == "2025-12-29"
    assert value("The envoys will meet again on Monday, December 29.", "on Monday, December 29",
                 SATURDAY_AFTER_NEW_YEAR, "en") == "2025-12-29"
    assert value("Rozmowy mają ruszyć 29 grudnia, w poniedziałek.", "29 grudnia, w poniedziałek",
                 SATURDAY_AFTER_NEW_YEAR) == "2025-12-29"


def test_weekday_that_fits_no_nearby_year_leaves_the_tense_rule():
    # 29 December is a Thursday in none of 2025, 2026, 2027 (published in 2026)
    assert value("Negocjatorzy spotkają się w czwartek 29 grudnia.", "w czwartek 29 grudnia",
                 SATURDAY_AFTER_NEW_YEAR) == "2026-12-29"


@pytest.mark.parametrize("text, expression, expected", [
    ("Konferencję donorów, zaplanowaną na 5 grudnia, przełożono.", "na 5 grudnia", "2025-12-05"),
    ("Ogłoszono, że głosowanie planowane na styczeń się nie odbędzie.", "na styczeń", "2026-01"),
    ("Rzecznik mówił o szczycie zapowiedzianym na 10 grudnia.", "na 10 grudnia", "2025-12-10"),
])
def test_planned_for_a_date_points_to_the_future_whatever_the_tense(text, expression, expected):
    assert value(text, expression, MONDAY) == expected


def test_english_planned_for_a_date_points_to_the_future():
    assert value("The donor conference was cancelled. It had been planned for December 9.", "December 9",
                 MONDAY, "en") == "2025-12-09"


# --- the word classes' regexes


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_class_regex_matches_what_the_plain_alternation_matches(lang):
    """A class's regex groups its forms by their first letters (a trie); it must find what the
    plain alternation of the forms, longest first, finds: the same spans, in any letter case."""
    import re

    from kronika.extract.timewords import time_words

    for cls in time_words(lang).classes.values():
        forms = sorted(cls.values, key=len, reverse=True)
        plain = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms)
        plain = f"(?-i:{plain})" if cls.case_sensitive else f"(?:{plain})"
        # every form, capitalised and upper-cased, glued to the next one and spaced out
        words = [w for f in forms for w in (f, f.capitalize(), f.upper(), f.replace(" ", "  \n"))]
        text = " ".join(words) + "".join(words)
        for wrap in ("(?<!\\w){}(?!\\w)", "{}", "(?:{})x?"):
            old, new = (re.compile(wrap.format(r), re.IGNORECASE) for r in (plain, cls.regex()))
            assert [m.span() for m in new.finditer(text)] == [m.span() for m in old.finditer(text)], cls.name
