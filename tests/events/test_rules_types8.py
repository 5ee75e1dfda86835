"""Precision classes of issue #11 (types8), on sentences written for these tests: a firm the
KB gives no sector advising its customers is no REQUEST; a region joined to its own state as
a fellow recipient is kept as that region's government; a kind of actor doing something in
the timeless present ("aid agencies deliver food to people who ...") is background."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.events.conftest import ACTORS, Code, of_type, text_coder

pytestmark = pytest.mark.slow

TABLE = {
    **ACTORS,
    # a firm the actor KB does not know: no country, no sector
    "Nordvik": ("act_nordvik", "Nordvik", None, None, "ORG"),
    "American": ("kb:USA", "United States", "USA", None, "NORP"),
    "Canada": ("kb:CAN", "Canada", "CAN", None, "GPE"),
    "Spain": ("kb:ESP", "Spain", "ESP", None, "GPE"),
    "Morocco": ("kb:MAR", "Morocco", "MAR", None, "GPE"),
    "the health ministry": ("g_health", "Health Ministry", "FRA", "GOV", "ORG"),
    "Aid agencies": ("g_aid", "Aid agencies", None, "NGO", "ORG"),
    "aid agencies": ("g_aid", "Aid agencies", None, "NGO", "ORG"),
    # a kind the resolver placed in a country from the rest of the article, not this sentence
    "Relief groups": ("g_relief", "Relief groups", "FRA", "NGO", "ORG"),
}


@pytest.fixture(scope="module")
def code(nlp: Language) -> Code:
    return text_coder(nlp, TABLE, "2025-01-10")


@pytest.mark.parametrize(
    "text",
    [
        "On Monday, Nordvik told American customers to stop using the charger.",
        "Nordvik told American users to install the update.",
        "Nordvik urged American drivers to bring their cars in for repairs.",
    ],
)
def test_an_unknown_firms_advice_to_customers_is_no_request(code: Code, text: str) -> None:
    assert not of_type(code(text), "REQUEST"), text


def test_a_state_body_advising_consumers_stays_a_request(code: Code) -> None:
    text = "Tomas Brandt told American customers to stop using the charger."
    assert of_type(code(text), "REQUEST")


def test_a_region_joined_to_its_state_is_a_fellow_recipient(code: Code) -> None:
    events = of_type(code("Tomas Brandt thanked Canada and Ontario for their help."), "SUPPORT")
    assert events
    names = {r.name: (r.country, r.sector) for r in events[0].recipient}
    assert names == {"Canada": ("CAN", None), "Ontario": ("CAN", "GOV")}


def test_a_region_of_another_state_is_not_added(code: Code) -> None:
    events = of_type(code("Tomas Brandt thanked Morocco and Catalonia for their help."), "SUPPORT")
    assert events
    assert {r.name for r in events[0].recipient} == {"Morocco"}


@pytest.mark.parametrize(
    "text",
    [
        "Aid agencies deliver food to people who have fled the fighting.",
        "Aid agencies provide shelter to families who lose their homes.",
    ],
)
def test_what_a_kind_of_actor_does_is_background(code: Code, text: str) -> None:
    assert not of_type(code(text), "AID"), text


@pytest.mark.parametrize(
    "text",
    [
        "Aid agencies delivered food to people who had fled the fighting.",
        "Aid agencies will deliver food to people who have fled the fighting.",
        "On Monday aid agencies deliver food to people who have fled the fighting.",
    ],
)
def test_a_past_planned_or_dated_act_of_a_kind_stays(code: Code, text: str) -> None:
    assert of_type(code(text), "AID"), text


def test_a_leaders_statement_of_the_relationship_is_his_sides_support(code: Code) -> None:
    text = '"France and Germany actively cooperate on defence," Tomas Brandt said.'
    events = of_type(code(text), "SUPPORT")
    assert events
    assert [a.country for a in events[0].actor] == ["DEU"]
    assert [r.country for r in events[0].recipient] == ["FRA"]


def test_an_outsiders_statement_of_the_relationship_keeps_both_sides(code: Code) -> None:
    text = '"France and Germany actively cooperate on defence," Lena Okafor said.'
    events = of_type(code(text), "SUPPORT")
    assert events
    assert {a.country for a in events[0].actor} == {"FRA", "DEU"}
    assert not events[0].recipient


def test_a_pledge_of_both_joined_subjects_keeps_both_as_actors(code: Code) -> None:
    events = of_type(code("Tomas Brandt said France and Germany would cooperate."), "COOPERATE")
    assert events
    assert {a.country for a in events[0].actor} == {"FRA", "DEU"}


def test_a_region_in_the_phrase_a_relative_pronoun_stands_for(code: Code) -> None:
    text = "The plan involves the governments of Canada and Ontario, which Tomas Brandt thanked."
    events = of_type(code(text), "SUPPORT")
    assert events
    assert {r.name for r in events[0].recipient} == {"Canada", "Ontario"}


def test_a_country_from_the_rest_of_the_article_does_not_make_a_kind_an_act(code: Code) -> None:
    assert not of_type(
        code("Relief groups deliver food to people who have fled the fighting."), "AID"
    )


def test_a_kind_the_sentence_places_in_a_country_stays(code: Code) -> None:
    text = "Aid agencies in Spain deliver food to people who have fled the fighting."
    assert of_type(code(text), "AID"), text
