"""Event places in campaign and world news written for these tests: towns below the cities'
cut, "where" clauses, names the NER took for people or organisations, venues, "in the state",
and scenes a message or medium does not continue (events/location.py, events/scene.py)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventline.events import code_text
from eventline.model import EventMention, Place


@pytest.fixture(scope="module")
def nlp() -> Language:
    from eventline.nlp import load_nlp

    return load_nlp()


def _events(nlp: Language, text: str, published: str = "2024-09-14") -> list[EventMention]:
    return code_text(nlp, text, published=published).events


def _where(events: list[EventMention], evidence: str) -> Place | None:
    (event,) = [e for e in events if e.evidence.text.startswith(evidence)]
    return event.location


@pytest.mark.slow
def test_a_small_town_beside_its_state_abbreviation_is_the_town(nlp: Language) -> None:
    events = _events(nlp, "Farmers protested in Mosinee, Wis., on Saturday.")
    place = _where(events, "Farmers protested")
    assert place is not None and (place.name, place.kind, place.admin1) == (
        "Mosinee",
        "city",
        "Wisconsin",
    )


@pytest.mark.slow
def test_a_town_of_the_article_s_state_beats_a_foreign_namesake(nlp: Language) -> None:
    text = (
        "CONCORD, N.H. (AP) — Haley told voters in Nashua on Friday that she would stay in the "
        "race.\n\nSununu endorsed Haley on Friday at a rally in Londonderry."
    )
    place = _where(_events(nlp, text), "Sununu endorsed")
    assert place is not None and (place.country, place.admin1) == ("USA", "New Hampshire")


@pytest.mark.slow
def test_a_where_clause_takes_the_place_it_hangs_from(nlp: Language) -> None:
    text = "CONCORD, N.H. (AP) — Haley drove on to Concord, where she met with Gov. Chris Sununu."
    events = _events(nlp, text)
    place = _where(events, "where she met")
    assert place is not None and (place.name, place.admin1) == ("Concord", "New Hampshire")
    events = _events(
        nlp, "Haley held a rally in Des Moines on Friday night, where she attacked her rivals."
    )
    place = _where(events, "where she attacked")
    assert place is not None and place.name == "Des Moines"
    text = "In Geneva, the envoys described a situation where Iran attacked Israel."
    for event in _events(nlp, text):  # no gathering: the clause around names no place of it
        assert event.location is None or event.location.name != "Geneva"


@pytest.mark.slow
def test_a_name_the_ner_took_for_someone_is_a_place_without_person_evidence(
    nlp: Language,
) -> None:
    place = _where(_events(nlp, "Harris met supporters in Hialeah on Tuesday."), "Harris met")
    assert place is not None and (place.name, place.admin1) == ("Hialeah", "Florida")
    text = "Georgia Gov. Brian Kemp signed the bill on Monday. Harris attacked Kemp on Tuesday."
    for event in _events(nlp, text):
        assert event.location is None or event.location.name != "Kemp"


@pytest.mark.slow
def test_a_venue_takes_the_city_named_with_it(nlp: Language) -> None:
    text = "Supporters of Harris rallied at Madison Square Garden on Sunday."
    place = _where(_events(nlp, text), "Supporters")
    assert place is not None and (place.name, place.country) == ("New York", "USA")


@pytest.mark.slow
def test_the_state_is_the_one_state_of_the_article(nlp: Language) -> None:
    text = (
        "DES MOINES, Iowa (AP) — Haley accused Trump on Saturday of avoiding the debates.\n\n"
        "Haley met voters in the state on Saturday."
    )
    place = _where(_events(nlp, text), "Haley met voters")
    assert place is not None and (place.kind, place.admin1) == ("admin1", "Iowa")
    two = "Haley campaigned in Ohio and Michigan. Harris met voters in the state on Friday."
    place = _where(_events(nlp, two), "Harris met voters")
    assert place is None  # two states: "the state" is neither


@pytest.mark.slow
def test_a_post_does_not_continue_the_scene_before(nlp: Language) -> None:
    text = (
        "Harris met union leaders in Detroit on Monday.\n\n"
        "Trump attacked Harris in a post on Truth Social on Monday."
    )
    assert _where(_events(nlp, text), "Trump attacked") is None


@pytest.mark.slow
def test_drones_over_a_region_are_placed_in_the_region(nlp: Language) -> None:
    text = "Ukrainian air defences shot down 14 drones over the Sumy region."
    place = _where(_events(nlp, text), "Ukrainian")
    assert place is not None and (place.kind, place.admin1) == ("admin1", "Sumy")


@pytest.mark.slow
def test_a_lead_naming_no_place_takes_the_scene_the_next_sentence_sets(nlp: Language) -> None:
    text = (
        "Nikki Haley on Saturday accused Donald Trump of dodging the debates.\n\n"
        "Speaking at a town hall in Nashua, N.H., Haley said Trump owed voters an answer."
    )
    place = _where(_events(nlp, text, "2024-01-06"), "Nikki Haley")
    assert place is not None and (place.name, place.source) == ("Nashua", "context")
    other_day = (
        "Nikki Haley on Saturday accused Donald Trump of dodging the debates.\n\n"
        "On Thursday, speaking at a town hall in Nashua, N.H., Haley said Trump owed voters an "
        "answer."
    )
    assert _where(_events(nlp, other_day, "2024-01-06"), "Nikki Haley") is None


@pytest.mark.slow
def test_a_quote_told_by_the_scene_s_people_is_said_there(nlp: Language) -> None:
    text = (
        "Putin hosted Iranian Foreign Minister Abbas Araghchi in Moscow on Monday.\n\n"
        '"The aggression against Iran has no basis," Putin told Araghchi in televised remarks.'
    )
    place = _where(_events(nlp, text, "2025-06-23"), '"The aggression')
    assert place is not None and (place.name, place.source) == ("Moscow", "context")
    other = (
        "Putin hosted Iranian Foreign Minister Abbas Araghchi in Moscow on Monday.\n\n"
        '"The aggression against Iran has no basis," Erdogan told reporters.'
    )
    for event in _events(nlp, other, "2025-06-23"):
        if event.evidence.text.startswith('"The aggression'):
            assert event.location is None


@pytest.mark.slow
def test_an_actor_of_the_country_named_like_the_dateline_s_state_is_of_the_state(
    nlp: Language,
) -> None:
    text = (
        "ATLANTA (AP) — Georgia's secretary of state on Saturday rejected a demand from the "
        "Republican Party."
    )
    (reject,) = [e for e in _events(nlp, text) if e.type == "REJECT"]
    place = reject.location
    assert place is not None and (place.name, place.source) == ("Atlanta", "dateline")


@pytest.mark.slow
def test_countries_the_scene_s_people_speak_of_in_a_quote_sentence_keep_the_scene(
    nlp: Language,
) -> None:
    text = (
        "Erdogan met Aliyev in Astana on Thursday.\n\n"
        "During the talks, Erdogan praised Turkey's ties with Azerbaijan as "
        '"brotherly and strategic."'
    )
    places = {e.location.name for e in _events(nlp, text) if e.location is not None}
    kinds = {e.type: e.location for e in _events(nlp, text) if e.evidence.sentence == 1}
    assert places == {"Astana"} and kinds and all(p is not None for p in kinds.values())


@pytest.mark.slow
def test_an_institution_at_which_someone_speaks_is_no_small_town(nlp: Language) -> None:
    # "Cornell" is also a Wisconsin town of 1,400 people: "at Cornell" is the university
    text = "Harris spoke to students at Cornell on Friday and criticized Trump."
    for event in _events(nlp, text):
        assert event.location is None or event.location.admin1 != "Wisconsin"


@pytest.mark.slow
def test_a_lead_after_a_dateline_split_off_sets_the_scene_of_the_next_paragraph(
    nlp: Language,
) -> None:
    text = (
        "ATLANTA (AP) — Former President Barack Obama campaigned for Kamala Harris in Atlanta on "
        "Thursday, urging voters to turn out early.\n\n"
        "Obama criticized Trump's handling of the pandemic."
    )
    place = _where(_events(nlp, text, "2024-10-05"), "Obama criticized")
    assert place is not None and (place.name, place.source) == ("Atlanta", "context")


@pytest.mark.slow
def test_a_date_describing_a_noun_does_not_set_the_sentence_apart(nlp: Language) -> None:
    text = (
        "Sen. JD Vance debated Gov. Tim Walz in New York on Tuesday night.\n\n"
        "Walz accused Vance of trying to rewrite the history of the 2020 election."
    )
    place = _where(_events(nlp, text, "2024-10-02"), "Walz accused")
    assert place is not None and place.name == "New York"


@pytest.mark.slow
def test_a_town_the_ner_took_for_an_organisation_takes_its_state(nlp: Language) -> None:
    text = "Trump returned to Butler, Pennsylvania, on Saturday for a rally."
    place = _where(_events(nlp, text, "2024-10-05"), "Trump returned")
    assert place is not None and (place.name, place.kind, place.admin1) == (
        "Butler",
        "city",
        "Pennsylvania",
    )
    text = "North Korean troops clashed with Ukrainian forces in Kursk, Kyiv says."
    for event in _events(nlp, text, "2024-11-05"):
        assert event.location is None or event.location.admin1 != "Kyiv"
