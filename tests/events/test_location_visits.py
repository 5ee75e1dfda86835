"""Places of visit events (issue 9, visitplace), on sentences written for these tests: an event
told by a visit noun is at the visit's destination, and an act whose clause hangs on a visit
phrase ("X, on a visit to Y, signed ...") is at Y unless its own clause names another place."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventline.events import code_text
from eventline.model import EventMention, Place


@pytest.fixture(scope="module")
def nlp() -> Language:
    from eventline.nlp import load_nlp

    return load_nlp()


def _events(nlp: Language, text: str) -> list[EventMention]:
    return code_text(nlp, text, published="2024-05-02").events


def _where(events: list[EventMention], trigger: str) -> Place | None:
    (event,) = [e for e in events if e.trigger == trigger]
    return event.location


def _name(place: Place | None) -> str | None:
    return place.name if place is not None else None


@pytest.mark.slow
def test_an_aside_visit_and_the_act_it_frames_are_at_the_destination(nlp: Language) -> None:
    text = (
        "Peru's trade minister, on a three-day visit to Buenos Aires, signed a fishing accord "
        "with Argentina on Thursday."
    )
    events = _events(nlp, text)
    assert _name(_where(events, "visit")) == "Buenos Aires"
    assert _name(_where(events, "signed")) == "Buenos Aires"
    text = "Peru's trade minister, on a tour of Ecuador, signed a fishing accord with Quito."
    place = _where(_events(nlp, text), "signed")
    assert place is not None and (place.kind, place.country) == ("country", "ECU")


@pytest.mark.slow
def test_a_part_of_a_visit_or_a_visiting_aside_sets_the_act_there(nlp: Language) -> None:
    text = "On the last day of his visit to Hanoi, the Japanese premier praised Vietnam's reforms."
    assert _name(_where(_events(nlp, text), "praised")) == "Hanoi"
    text = (
        "Visiting Buenos Aires on Thursday, Peru's trade minister signed an accord with Argentina."
    )
    assert _name(_where(_events(nlp, text), "signed")) == "Buenos Aires"
    text = (
        "Peru's trade minister, who is on a two-day visit to Buenos Aires, signed an accord with "
        "Argentina on Thursday."
    )
    assert _name(_where(_events(nlp, text), "signed")) == "Buenos Aires"
    text = (
        "Peru's trade minister, who arrived in Buenos Aires on Thursday for a two-day visit, "
        "signed an accord with Argentina."
    )
    assert _name(_where(_events(nlp, text), "signed")) == "Buenos Aires"
    # a visit of another time is not where the act happened
    text = (
        "Peru's trade minister, who travelled to Buenos Aires last year, signed an accord with "
        "Argentina on Thursday."
    )
    assert _where(_events(nlp, text), "signed") is None


@pytest.mark.slow
def test_a_visit_is_at_its_destination_not_where_it_was_announced(nlp: Language) -> None:
    text = "Speaking in Washington, the US secretary of state announced a trip to Hanoi next month."
    assert _name(_where(_events(nlp, text), "trip")) == "Hanoi"
    # a city of the destination's country named by the clause is more precise
    text = "The French president began a two-day visit to Lebanon in Beirut on Monday."
    assert _name(_where(_events(nlp, text), "visit")) == "Beirut"


@pytest.mark.slow
def test_what_is_no_visit_there_names_no_place_of_the_act(nlp: Language) -> None:
    text = "On the eve of a visit to Hanoi, the Japanese premier praised Vietnam's reforms."
    assert _name(_where(_events(nlp, text), "praised")) != "Hanoi"
    text = "After returning from Hanoi, the Japanese premier praised Vietnam's reforms."
    assert _name(_where(_events(nlp, text), "praised")) != "Hanoi"
    # an act whose own clause names another place is there
    text = (
        "Peru's trade minister, on a visit to Buenos Aires, told reporters in Santiago that the "
        "accord was close."
    )
    assert _name(_where(_events(nlp, text), "visit")) == "Buenos Aires"
