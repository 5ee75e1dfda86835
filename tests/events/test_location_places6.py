"""Event places, sixth round (issue 9, item 6), on sentences written for these tests: a gathering
named before ("At the town hall, ..."), a demonym's place noun ("a Lebanese village"), a state
Capitol, an arrest after an act somewhere, and names that are no place of the event (a person
the NER typed as a place)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventline.events import code_text
from eventline.model import EventMention, Place
from eventline.nlp.places import _state_capitals, country_place, state_capital


@pytest.fixture(scope="module")
def nlp() -> Language:
    from eventline.nlp import load_nlp

    return load_nlp()


def _events(nlp: Language, text: str, published: str = "2024-01-16") -> list[EventMention]:
    return code_text(nlp, text, published=published).events


def _where(events: list[EventMention], trigger: str) -> Place | None:
    (event,) = [e for e in events if e.trigger == trigger]
    return event.location


def test_every_state_capital_is_a_city_of_its_state() -> None:
    for state in _state_capitals():
        place = state_capital(state)
        assert place is not None and place.kind == "city", state
        assert place.admin1 is not None and place.admin1.casefold() == state, state
        assert place.latitude is not None
    assert state_capital("Ontario") is None


def test_a_country_place_carries_the_gazetteer_s_short_name() -> None:
    place = country_place("SYR")
    assert place is not None and (place.name, place.kind, place.country) == (
        "Syria",
        "country",
        "SYR",
    )
    assert country_place("XXX") is None


@pytest.mark.slow
def test_an_event_at_a_gathering_named_before_is_where_that_gathering_was(nlp: Language) -> None:
    text = (
        "MANCHESTER, N.H. — Former Governor Dan Reyes met with local business owners in Nashua "
        "on Friday and then held a town hall in Concord.\n\nAt the town hall, Reyes attacked "
        "President Joe Biden's economic record."
    )
    place = _where(_events(nlp, text), "attacked")
    assert place is not None and (place.name, place.source) == ("Concord", "context")
    text = (
        "Trump held a rally in Erie on Saturday. Haley spoke at a fundraiser in Boston.\n\n"
        "At the rally, Trump accused Haley of lying."
    )
    place = _where(_events(nlp, text), "accused")
    assert place is not None and place.name == "Erie"


@pytest.mark.slow
def test_a_demonym_s_place_noun_is_in_its_country_not_a_border(nlp: Language) -> None:
    place = _where(_events(nlp, "Israeli jets struck a Lebanese village on Monday."), "struck")
    assert place is not None and (place.name, place.kind, place.country) == (
        "Lebanon",
        "country",
        "LBN",
    )
    events = _events(nlp, "Troops killed five militants in an Afghan province on Monday.")
    place = _where(events, "killed")
    assert place is not None and place.country == "AFG"
    events = _events(nlp, "Troops killed five militants near the Afghan border on Monday.")
    assert all(e.location is None or e.location.country != "AFG" for e in events)


@pytest.mark.slow
def test_a_state_capitol_is_in_the_state_s_capital(nlp: Language) -> None:
    text = "MADISON, Wis. (AP) — Protesters rallied outside the state Capitol on Monday."
    place = _where(_events(nlp, text), "rallied")
    assert place is not None and (place.name, place.admin1) == ("Madison", "Wisconsin")
    text = "Protesters rallied at the Georgia State Capitol on Monday."
    place = _where(_events(nlp, text), "rallied")
    assert place is not None and place.name == "Atlanta"
    text = "Protesters rallied outside the Texas Capitol on Monday."
    place = _where(_events(nlp, text), "rallied")
    assert place is not None and place.name == "Austin"
    text = "Protesters rallied at the Capitol in Denver on Monday."
    place = _where(_events(nlp, text), "rallied")
    assert place is not None and place.name == "Denver"
    # a bare "the Capitol" filed from a city that is no state capital: not that city
    events = _events(nlp, "DALLAS (AP) — Protesters rallied at the Capitol on Monday.")
    assert all(e.location is None or e.location.name != "Dallas" for e in events)


@pytest.mark.slow
def test_an_arrest_after_an_act_is_where_the_act_was(nlp: Language) -> None:
    text = (
        "Police arrested 12 people on Tuesday after protesters blocked the entrance to the "
        "convention center in Milwaukee."
    )
    place = _where(_events(nlp, text), "arrested")
    assert place is not None and place.name == "Milwaukee"
    text = "Police in Paris arrested a man on Tuesday after an attack in Nice."
    place = _where(_events(nlp, text), "arrested")
    assert place is not None and place.name == "Paris"


@pytest.mark.slow
def test_a_person_the_ner_typed_as_a_place_is_no_place(nlp: Language) -> None:
    text = (
        "PHOENIX — Arizona Governor Katie Hobbs signed a bill on Wednesday that expands early "
        "voting.\n\nRepublicans in the Legislature accused Hobbs of rushing the measure."
    )
    place = _where(_events(nlp, text), "accused")
    assert place is None or place.name != "Hobbs"


@pytest.mark.slow
def test_where_the_actor_just_arrived_or_is_visiting(nlp: Language) -> None:
    events = _events(nlp, "After arriving in Kyiv on Tuesday, Blinken met Zelensky.")
    place = _where(events, "met")
    assert place is not None and place.name == "Kyiv"
    text = "On a visit to Kyiv on Tuesday, the German foreign minister pledged more air defenses."
    place = _where(_events(nlp, text), "pledged")
    assert place is not None and place.name == "Kyiv"
    # a place left is not where the event happened
    text = (
        "After returning from Kyiv on Tuesday, the German foreign minister pledged more air "
        "defenses."
    )
    place = _where(_events(nlp, text), "pledged")
    assert place is None or place.name != "Kyiv"


@pytest.mark.slow
def test_a_site_named_after_its_region_is_in_the_region(nlp: Language) -> None:
    events = _events(nlp, "At the Iowa State Fair on Tuesday, DeSantis criticized Trump.")
    place = _where(events, "criticized")
    assert place is not None and (place.kind, place.admin1) == ("admin1", "Iowa")


@pytest.mark.slow
def test_a_relative_clause_on_the_subject_puts_it_somewhere_at_the_time(nlp: Language) -> None:
    text = "Trump, who was campaigning in Iowa on Tuesday, accused Haley of lying."
    place = _where(_events(nlp, text), "accused")
    assert place is not None and (place.admin1, place.source) == ("Iowa", "context")
    text = "Haley, who held a town hall in Nashua on Tuesday, criticized Trump."
    place = _where(_events(nlp, text), "criticized")
    assert place is not None and place.name == "Nashua"
    # where someone lives, or an act of another day, is not where the event happened
    place = _where(
        _events(nlp, "Trump, who lives in Florida, criticized Haley on Tuesday."), "criticized"
    )
    assert place is None
    text = "Haley, who held a rally in Nashua on Monday, criticized Trump on Tuesday."
    place = _where(_events(nlp, text), "criticized")
    assert place is None


@pytest.mark.slow
def test_the_state_capital_is_the_capital_of_the_article_s_state(nlp: Language) -> None:
    text = (
        "GREEN BAY, Wis. (AP) — Republicans criticized Gov. Tony Evers in the state capital on "
        "Tuesday."
    )
    place = _where(_events(nlp, text), "criticized")
    assert place is not None and (place.name, place.source) == ("Madison", "text")
    place = _where(_events(nlp, "Protesters rallied in the Texas capital on Tuesday."), "rallied")
    assert place is not None and place.name == "Austin"
    text = (
        "ATLANTA (AP) — Georgia lawmakers met on Tuesday.\n\nProtesters rallied in the Georgia "
        "capital on Tuesday."
    )
    place = _where(_events(nlp, text), "rallied")
    assert place is not None and (place.name, place.country) == ("Atlanta", "USA")
    place = _where(_events(nlp, "Protesters rallied in the Iranian capital on Tuesday."), "rallied")
    assert place is not None and place.name == "Tehran"


@pytest.mark.slow
def test_protesters_are_coded_by_the_city_they_rally_in_a_candidate_s_rally_is_not(
    nlp: Language,
) -> None:
    events = _events(nlp, "MADISON, Wis. (AP) — Protesters rallied outside the state Capitol.")
    (event,) = [e for e in events if e.trigger == "rallied"]
    assert [a.country for a in event.actor] == ["USA"]
    events = _events(nlp, "Trump held a rally in Erie on Saturday.")
    assert not [e for e in events if e.type == "PROTEST"]
