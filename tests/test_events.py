"""Events from hand-tagged Polish and English sentences written for these tests."""
from test_events_docs import make_doc

from kronika.extract.events import find_events
from kronika.model import Entity

PEOPLE = {
    "Rubio": ("rubio", "PER"), "Sybiha": ("sybiha", "PER"), "Rubiem": ("rubio", "PER"),
    "Sybihą": ("sybiha", "PER"), "Genewie": ("genewa", "LOC"), "Genewy": ("genewa", "LOC"),
    "Rosja": ("rosja", "LOC"), "Rosję": ("rosja", "LOC"), "Unia": ("ue", "ORG"), "Awdijiwkę": ("awdijiwka", "LOC"),
}


def only(doc):
    assert len(doc.events) == 1, doc.events
    return doc.events[0]


def test_planned_meeting_from_modal_with_partner_and_place():
    doc = make_doc(
        "W|w|prep:loc piątek|piątek|subst:sg:acc:m3 Rubio|Rubio|subst:sg:nom:m1 ma|mieć|fin:sg:ter:imperf "
        "spotkać|spotkać|inf:perf się|się|qub w|w|prep:loc Genewie|Genewa|subst:sg:loc:f z|z|prep:inst "
        "Sybihą|Sybiha|subst:sg:inst:m1 .|.|interp", PEOPLE, times={"W piątek": "2025-12-05"})
    event = only(find_events(doc))
    assert (event.type, event.status) == ("CONSULT", "planned")
    assert event.actors == ["rubio"] and event.recipients == ["sybiha"]
    assert event.location == "genewa"
    assert event.date == "2025-12-05"
    assert event.evidence and "spotkać" in event.evidence[0].text


def test_past_meeting_occurred():
    doc = make_doc("Rubio|Rubio|subst:sg:nom:m1 spotkał|spotkać|praet:sg:m1:perf się|się|qub z|z|prep:inst "
                   "Sybihą|Sybiha|subst:sg:inst:m1 .|.|interp", PEOPLE)
    event = only(find_events(doc))
    assert (event.type, event.status, event.actors, event.recipients) == ("CONSULT", "occurred", ["rubio"], ["sybiha"])


def test_negated_meeting():
    doc = make_doc("Rubio|Rubio|subst:sg:nom:m1 nie|nie|qub spotkał|spotkać|praet:sg:m1:perf się|się|qub "
                   "z|z|prep:inst Sybihą|Sybiha|subst:sg:inst:m1 .|.|interp", PEOPLE)
    assert only(find_events(doc)).status == "negated"


def test_planned_then_cancelled_meeting_is_one_event():
    doc = make_doc(
        "Rubio|Rubio|subst:sg:nom:m1 miał|mieć|praet:sg:m1:imperf spotkać|spotkać|inf:perf się|się|qub "
        "z|z|prep:inst Sybihą|Sybiha|subst:sg:inst:m1 .|.|interp "
        "Spotkanie|spotkanie|subst:sg:nom:n zostało|zostać|praet:sg:n:perf odwołane|odwołać|ppas:sg:nom:n:perf:aff .|.|interp",
        PEOPLE)
    event = only(find_events(doc))
    assert (event.type, event.status) == ("CONSULT", "cancelled")
    assert len(event.evidence) == 2


def test_hypothetical_meeting():
    doc = make_doc("Gdyby|gdyby|comp Rubio|Rubio|subst:sg:nom:m1 spotkał|spotkać|praet:sg:m1:perf się|się|qub "
                   "z|z|prep:inst Sybihą|Sybiha|subst:sg:inst:m1 ,|,|interp byłoby|być|praet:sg:n:imperf "
                   "lepiej|dobrze|adv:com .|.|interp", PEOPLE)
    assert only(find_events(doc)).status == "hypothetical"


def test_talks_noun_with_future_light_verb_is_planned():
    doc = make_doc("Rozmowy|rozmowa|subst:pl:nom:f Rubia|Rubio|subst:sg:gen:m1 z|z|prep:inst Sybihą|Sybiha|subst:sg:inst:m1 "
                   "odbędą|odbyć|fin:pl:ter:perf się|się|qub w|w|prep:loc Genewie|Genewa|subst:sg:loc:f .|.|interp",
                   {**PEOPLE, "Rubia": ("rubio", "PER")})
    event = only(find_events(doc))
    assert (event.type, event.status, event.location) == ("CONSULT", "planned", "genewa")
    assert set(event.actors + event.recipients) == {"rubio", "sybiha"}


def test_agreement_not_reached_is_negated_agree():
    doc = make_doc("Rosja|Rosja|subst:sg:nom:f i|i|conj Unia|Unia|subst:sg:nom:f nie|nie|qub "
                   "osiągnęły|osiągnąć|praet:pl:f:perf porozumienia|porozumienie|subst:sg:gen:n .|.|interp", PEOPLE)
    event = only(find_events(doc))
    assert (event.type, event.status) == ("AGREE", "negated")
    assert set(event.actors) == {"rosja", "ue"}


def test_disagreeing_is_a_rejection():
    doc = make_doc("Rosja|Rosja|subst:sg:nom:f nie|nie|qub zgadza|zgadzać|fin:sg:ter:imperf się|się|qub "
                   "z|z|prep:inst propozycją|propozycja|subst:sg:inst:f Unii|Unia|subst:sg:gen:f .|.|interp",
                   {**PEOPLE, "Unii": ("ue", "ORG")})
    event = only(find_events(doc))
    assert (event.type, event.status, event.actors) == ("REJECT", "occurred", ["rosja"])


def test_sanctions_imposed_on_a_country():
    doc = make_doc("Unia|Unia|subst:sg:nom:f nałożyła|nałożyć|praet:sg:f:perf nowe|nowy|adj:pl:acc:f:pos "
                   "sankcje|sankcja|subst:pl:acc:f na|na|prep:acc Rosję|Rosja|subst:sg:acc:f .|.|interp", PEOPLE)
    event = only(find_events(doc))
    assert (event.type, event.actors, event.recipients) == ("SANCTION", ["ue"], ["rosja"])


def test_capture_from_gerund_takes_the_genitive_place():
    doc = make_doc("Rosja|Rosja|subst:sg:nom:f zdobyła|zdobyć|praet:sg:f:perf Awdijiwkę|Awdijiwka|subst:sg:acc:f .|.|interp",
                   PEOPLE)
    event = only(find_events(doc))
    assert (event.type, event.mode, event.actors, event.recipients) == ("COERCE", "seize", ["rosja"], ["awdijiwka"])


def test_time_mark_noun_does_not_take_the_clause_subject():
    doc = make_doc("Po|po|prep:loc rozmowach|rozmowa|subst:pl:loc:f w|w|prep:loc Genewie|Genewa|subst:sg:loc:f "
                   "Rubio|Rubio|subst:sg:nom:m1 spotkał|spotkać|praet:sg:m1:perf się|się|qub z|z|prep:inst "
                   "Sybihą|Sybiha|subst:sg:inst:m1 .|.|interp", PEOPLE)
    events = find_events(doc).events
    meeting = next(e for e in events if e.trigger == "spotkać")
    assert meeting.actors == ["rubio"] and meeting.recipients == ["sybiha"]
    assert all(e.trigger != "rozmowa" or "rubio" not in e.actors for e in events)


def test_figures_are_kept_with_the_event():
    doc = make_doc("Rubio|Rubio|subst:sg:nom:m1 pięć|pięć|num:pl:acc:m3 razy|raz|subst:pl:gen:m3 "
                   "spotkał|spotkać|praet:sg:m1:perf się|się|qub z|z|prep:inst Sybihą|Sybiha|subst:sg:inst:m1 .|.|interp",
                   PEOPLE)
    event = only(find_events(doc))
    assert [(f.text, f.value, f.unit) for f in event.figures] == [("pięć razy", 5.0, "raz")]


def test_empty_doc_has_no_events():
    doc = make_doc("", {})
    assert find_events(doc).events == []


def test_english_attack_and_planned_meeting():
    people = {"Russia": ("rosja", "LOC"), "Kharkiv": ("charkow", "LOC"), "Zelensky": ("zelenski", "PER"),
              "Trump": ("trump", "PER"), "Paris": ("paryz", "LOC")}
    doc = make_doc("Russia attacked Kharkiv overnight . Zelensky will meet Trump in Paris .", people, lang="en")
    events = {e.type: e for e in find_events(doc).events}
    assert events["ASSAULT"].actors == ["rosja"] and events["ASSAULT"].recipients == ["charkow"]
    meeting = events["CONSULT"]
    assert (meeting.status, meeting.actors, meeting.recipients, meeting.location) == ("planned", ["zelenski"], ["trump"], "paryz")


def test_english_negated_and_cancelled():
    people = {"Trump": ("trump", "PER"), "Putin": ("putin", "PER")}
    doc = make_doc("Trump did not meet Putin . The summit with Putin was cancelled .", people, lang="en")
    statuses = sorted(e.status for e in find_events(doc).events)
    assert statuses == ["cancelled", "negated"]


def test_acts_of_speech_are_not_merged_across_the_article():
    doc = make_doc("Rosja|Rosja|subst:sg:nom:f zgodziła|zgodzić|praet:sg:f:perf się|się|qub z|z|prep:inst Unią|Unia|subst:sg:inst:f .|.|interp "
                   "Potem|potem|adv padał|padać|praet:sg:m3:imperf deszcz|deszcz|subst:sg:nom:m3 .|.|interp "
                   "Rosja|Rosja|subst:sg:nom:f zgodziła|zgodzić|praet:sg:f:perf się|się|qub ponownie|ponownie|adv .|.|interp",
                   {**PEOPLE, "Unią": ("ue", "ORG")})
    assert [e.type for e in find_events(doc).events] == ["AGREE", "AGREE"]


def test_talks_named_by_states_join_the_talks_of_their_people():
    doc = make_doc("Rubio|Rubio|subst:sg:nom:m1 spotkał|spotkać|praet:sg:m1:perf się|się|qub z|z|prep:inst "
                   "Sybihą|Sybiha|subst:sg:inst:m1 .|.|interp "
                   "Rozmowy|rozmowa|subst:pl:nom:f amerykańskiej|amerykański|adj:sg:gen:f:pos i|i|conj "
                   "ukraińskiej|ukraiński|adj:sg:gen:f:pos delegacji|delegacja|subst:sg:gen:f trwały|trwać|praet:pl:f:imperf "
                   "długo|długo|adv .|.|interp",
                   PEOPLE)
    doc.entities[0].country = "US"  # rubio
    doc.entities[1].country = "UA"  # sybiha
    for eid, name, country in (("usa", "Stany Zjednoczone", "US"), ("ukraina", "Ukraina", "UA")):
        doc.entities.append(Entity(eid, name, "LOC", country=country))
    event = only(find_events(doc))
    assert len(event.evidence) == 2 and {"rubio", "sybiha"} <= set(event.actors + event.recipients)


def test_impersonal_attack_has_only_targets():
    doc = make_doc("Zaatakowano|zaatakować|imps:perf Awdijiwkę|Awdijiwka|subst:sg:acc:f .|.|interp", PEOPLE)
    event = only(find_events(doc))
    assert (event.type, event.actors, event.recipients) == ("ASSAULT", [], ["awdijiwka"])


def test_inanimate_name_after_a_verb_is_its_object():
    doc = make_doc("Rosja|Rosja|subst:sg:nom:f zaczęła|zacząć|praet:sg:f:perf ostrzeliwać|ostrzeliwać|inf:imperf "
                   "Charków|Charków|subst:sg:nom:m3 .|.|interp", {**PEOPLE, "Charków": ("charkow", "LOC")})
    event = only(find_events(doc))
    assert (event.actors, event.recipients) == (["rosja"], ["charkow"])


def test_reflexive_sense_is_no_capture():
    doc = make_doc("Rosja|Rosja|subst:sg:nom:f zajmuje|zajmować|fin:sg:ter:imperf się|się|qub "
                   "Awdijiwką|Awdijiwka|subst:sg:inst:f .|.|interp", {**PEOPLE, "Awdijiwką": ("awdijiwka", "LOC")})
    assert find_events(doc).events == []


def test_the_media_are_no_party_to_an_event():
    doc = make_doc("Rubio|Rubio|subst:sg:nom:m1 rozmawiał|rozmawiać|praet:sg:m1:imperf z|z|prep:inst "
                   "Reutersem|Reuters|subst:sg:inst:m3 .|.|interp", {**PEOPLE, "Reutersem": ("reuters", "ORG")})
    doc.entity("reuters").sector = "media"
    event = only(find_events(doc))
    assert (event.actors, event.recipients) == (["rubio"], [])


def test_listed_dates_are_separate_occurrences():
    doc = make_doc("Rubio|Rubio|subst:sg:nom:m1 trzy|trzy|num:pl:acc:m3 razy|raz|subst:pl:acc:m3 "
                   "przyjechał|przyjechać|praet:sg:m1:perf do|do|prep:gen Genewy|Genewa|subst:sg:gen:f :|:|interp "
                   "w|w|prep:loc maju|maj|subst:sg:loc:m3 i|i|conj dwukrotnie|dwukrotnie|adv:pos w|w|prep:loc "
                   "lipcu|lipiec|subst:sg:loc:m3 .|.|interp", PEOPLE, times={"w maju": "2025-05", "w lipcu": "2025-07"})
    events = find_events(doc).events
    assert sorted(e.date for e in events) == ["2025-05", "2025-07", "2025-07"]
    assert all(e.actors == ["rubio"] and e.location == "genewa" for e in events)


def test_impersonal_outcome_of_talks_belongs_to_their_sides():
    doc = make_doc(
        "Rosja|Rosja|subst:sg:nom:f rozmawiała|rozmawiać|praet:sg:f:imperf z|z|prep:inst Unią|Unia|subst:sg:inst:f .|.|interp "
        "Rosja|Rosja|subst:sg:nom:f i|i|conj Unia|Unia|subst:sg:nom:f rozmawiały|rozmawiać|praet:pl:f:imperf długo|długo|adv .|.|interp "
        "Nie|nie|qub osiągnięto|osiągnąć|imps:perf porozumienia|porozumienie|subst:sg:gen:n .|.|interp",
        {**PEOPLE, "Unią": ("ue", "ORG")})
    agree = next(e for e in find_events(doc).events if e.type == "AGREE")
    assert agree.status == "negated" and "rosja" in agree.actors


def test_subject_named_by_a_relational_adjective():
    doc = make_doc("Rosja|Rosja|subst:sg:nom:f milczy|milczeć|fin:sg:ter:imperf .|.|interp "
                   "Rosyjskie|rosyjski|adj:pl:nom:n:pos wojska|wojsko|subst:pl:nom:n ostrzelały|ostrzelać|praet:pl:n:perf "
                   "w|w|prep:loc nocy|noc|subst:sg:loc:f Charków|Charków|subst:sg:nom:m3 .|.|interp",
                   {**PEOPLE, "Charków": ("charkow", "LOC")})
    doc.entity("rosja").name = "Rosja"
    event = only(find_events(doc))
    assert (event.actors, event.recipients) == (["rosja"], ["charkow"])


# --- towns are no sides in talks: carried subjects, misread cases, captured places

TOWNS = {**PEOPLE, "Pokrowska": ("pokrowsk", "LOC"), "Kijów": ("kijow", "LOC"), "Kijowem": ("kijow", "LOC")}


def test_attributive_participle_carries_no_subject_and_adjective_names_the_party():
    doc = make_doc(
        "Rosja|Rosja|subst:sg:nom:f zajęła|zająć|praet:sg:f:perf Awdijiwkę|Awdijiwka|subst:sg:acc:f .|.|interp "
        "Komunikat|komunikat|subst:sg:nom:m3 zbiegł|zbiec|praet:sg:m3:perf się|się|qub z|z|prep:inst "
        "przygotowaniami|przygotowanie|subst:pl:inst:n do|do|prep:gen wizyty|wizyta|subst:sg:gen:f "
        "amerykańskich|amerykański|adj:pl:gen:m1:pos negocjatorów|negocjator|subst:pl:gen:m1 w|w|prep:loc "
        "Genewie|Genewa|subst:sg:loc:f ,|,|interp zaplanowanej|zaplanować|ppas:sg:gen:f:perf:aff na|na|prep:acc "
        "piątek|piątek|subst:sg:acc:m3 .|.|interp", PEOPLE)
    talks = [e for e in find_events(doc).events if e.type == "CONSULT"]
    assert len(talks) == 1
    assert "rosja" not in talks[0].actors + talks[0].recipients
    assert doc.entity(talks[0].actors[0]).name == "Stany Zjednoczone"  # from the actor dictionary
    assert talks[0].location == "genewa"


def test_name_after_a_genitive_adjective_is_no_subject_to_carry():
    # "Pokrowska" is also a feminine adjective: taggers read it as a nominative
    doc = make_doc(
        "Wojska|wojsko|subst:pl:nom:n nie|nie|qub kontrolują|kontrolować|fin:pl:ter:imperf całego|cały|adj:sg:gen:m3:pos "
        "Pokrowska|Pokrowska|adj:sg:nom:f:pos .|.|interp Spotkała|spotkać|praet:sg:f:perf się|się|qub z|z|prep:inst "
        "Sybihą|Sybiha|subst:sg:inst:m1 .|.|interp", TOWNS)
    event = only(find_events(doc))
    assert event.type == "CONSULT" and "pokrowsk" not in event.actors + event.recipients


def test_captured_or_front_line_town_is_no_side_in_talks_but_a_capital_is():
    from kronika.extract.event_merge import Candidate
    from kronika.extract.events import _without_town_parties
    from kronika.extract.roles import Arg

    doc = make_doc("Rubio|Rubio|subst:sg:nom:m1 .|.|interp", TOWNS)
    doc.entities += [Entity("kijow", "Kijów", "LOC", sector="capital"), Entity("awdijiwka", "Awdijiwka", "LOC"),
                     Entity("pokrowsk", "Pokrowsk", "LOC", sector="front")]
    attack = Candidate("ASSAULT", "occurred", [Arg("kijow", "recipient", "LOC", 0, 1),
                                                Arg("awdijiwka", "recipient", "LOC", 0, 1)], "zaatakować", None, 0, 1, 0)
    talks = Candidate("CONSULT", "occurred", [Arg("rubio", "actor", "PER", 0, 1), Arg("kijow", "recipient", "LOC", 0, 1),
                                              Arg("awdijiwka", "recipient", "LOC", 0, 1),
                                              Arg("pokrowsk", "actor", "LOC", 0, 1)], "rozmawiać", None, 0, 1, 0)
    _without_town_parties(doc, [attack, talks])
    assert [a.entity for a in talks.args] == ["rubio", "kijow"]
    assert [a.entity for a in attack.args] == ["kijow", "awdijiwka"]


def test_a_preposition_taking_the_phrase_in_two_cases_gives_the_role_of_the_case_it_lists_first():
    # "na Kapitolu Atak": first word locative, last accusative; "na" lists loc (location) before
    # acc (recipient), and the answer must not depend on the order of a set of cases
    from kronika.extract.events import lexicon
    from kronika.model import Token

    tokens = [Token("na", 0, 2, "na", "prep:loc"), Token("Kapitolu", 3, 11, "Kapitol", "subst:sg:loc:m3"),
              Token("Atak", 12, 16, "atak", "subst:sg:acc:m3")]
    assert lexicon("pl").roles.role(tokens, 1, 2, range(0, 3), -1, "recipient") == "location"
