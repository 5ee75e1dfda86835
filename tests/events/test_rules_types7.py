"""Type and actor classes of issue #11 (types7), on sentences written for these tests: an
unnamed public role (the senator, police, rebel fighters) is an actor on its own when it is
the asserted clause's doer, while vague roles and reporting frames are not; forces moving
toward a place are MOBILIZE; a refusal's mode is read from what is refused."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.events.conftest import ACTORS, Code, of_type, text_coder

pytestmark = pytest.mark.slow

TABLE = {
    **ACTORS,
    "Acme": ("b_acme", "Acme", None, "BUS", "ORG"),
    "Zarqa Brigades": ("act_zarqa", "Zarqa Brigades", None, None, "ORG"),
    "Qasr Front": ("act_qasr", "Qasr Front", None, None, "ORG"),
    "Tobin Group": ("act_tobin", "Tobin Group", None, None, "ORG"),
}


@pytest.fixture(scope="module")
def code(nlp: Language) -> Code:
    return text_coder(nlp, TABLE, "2025-01-10")


@pytest.mark.parametrize(
    ("text", "kind", "sector"),
    [
        ("The senator criticised the ruling.", "ACCUSE", "LEG"),
        ("Rebel fighters attacked an army base near the border.", "ASSAULT", "REB"),
        ("The authorities imposed a curfew after the riots.", "COERCE", "GOV"),
        ("Militants seized the town on Sunday.", "COERCE", "REB"),
    ],
)
def test_a_public_role_is_an_actor_on_its_own(
    code: Code, text: str, kind: str, sector: str
) -> None:
    found = of_type(code(text), kind)
    assert found, text
    assert {a.sector for a in found[0].actor} == {sector}
    assert all(a.country is None for a in found[0].actor)  # no country given: none invented


@pytest.mark.parametrize(
    "text",
    [
        "Officials discussed the budget.",
        "Customers complained about the new fees.",
        "Many people criticised the decision.",
        "The senator could criticise the ruling.",
        "If police attack the crowd, the unions will strike.",
    ],
)
def test_vague_roles_and_unasserted_acts_need_a_second_party(code: Code, text: str) -> None:
    assert not [e for e in code(text) if not e.recipient], text


def test_the_crowd_a_coercive_verb_names_is_its_recipient(code: Code) -> None:
    events = code("Police dispersed the protesters with tear gas.")
    assert [e.type for e in events] == ["ASSAULT"]
    assert {a.sector for a in events[0].actor} == {"COP"}
    assert {r.sector for r in events[0].recipient} == {"OPP"}


def test_a_state_body_joined_to_a_named_state_party_is_its_state(code: Code) -> None:
    text = "Tomas Brandt condemned the visit, and the army announced drills near the border."
    events = code(text)
    drills = of_type(events, "MOBILIZE")
    assert drills and {a.country for a in drills[0].actor} == {"DEU"}


def test_the_article_country_places_a_role_of_no_country(code: Code) -> None:
    events = code("Fighting continued in Nigeria on Monday. Rebel fighters attacked an army base.")
    attack = of_type(events, "ASSAULT")
    assert attack and {(a.country, a.sector) for a in attack[0].actor} == {("NGA", "REB")}


@pytest.mark.parametrize(
    ("text", "mode", "country"),
    [
        ("The German destroyer sailed toward the disputed islands.", "weapons", "DEU"),
        ("Nigerian troops advanced toward the town.", "troops", "NGA"),
        ("Polish warships sailed through the strait on Monday.", "weapons", "POL"),
    ],
)
def test_forces_moving_toward_a_place_are_mobilize(
    code: Code, text: str, mode: str, country: str
) -> None:
    moves = of_type(code(text), "MOBILIZE")
    assert moves, text
    assert moves[0].mode == mode
    assert {a.country for a in moves[0].actor} == {country}


@pytest.mark.parametrize(
    "text",
    [
        "The cruise ship sailed to Lisbon.",
        "Shares advanced on Thursday.",
        "Fans headed to the stadium.",
        "The team advanced to the final.",
        "Nigerian troops advanced on Thursday.",
    ],
)
def test_other_movements_are_no_mobilization(code: Code, text: str) -> None:
    assert not of_type(code(text), "MOBILIZE"), text


@pytest.mark.parametrize(
    ("text", "mode"),
    [
        ("Poland blocked the sanctions package at a summit.", "change"),
        ("Poland vetoed the bill during the summit.", "change"),
        ("Poland vetoed the aid package for Chile at a summit in Berlin.", "assist"),
        ("Chile refused to release the prisoners at the meeting.", "yield"),
        ("Peru rejected the offer of talks.", "meet"),
    ],
)
def test_a_refusal_takes_its_mode_from_what_is_refused(code: Code, text: str, mode: str) -> None:
    rejections = of_type(code(text), "REJECT")
    assert rejections, text
    assert rejections[0].mode == mode


def test_a_partner_in_a_pledge_to_cooperate_is_the_recipient(code: Code) -> None:
    events = code("Tomas Brandt agreed to cooperate with Poland on energy.")
    assert events
    for e in events:
        assert {a.name for a in e.actor} == {"Tomas Brandt"}
        assert {r.name for r in e.recipient} == {"Poland"}


@pytest.mark.parametrize(
    "text",
    [
        "Acme advised customers to change their passwords.",
        "Acme urged customers to update their devices.",
    ],
)
def test_a_firms_advice_to_customers_is_no_request(code: Code, text: str) -> None:
    assert not of_type(code(text), "REQUEST"), text


def test_craft_named_by_their_force_are_its_party(code: Code) -> None:
    events = of_type(code("Government helicopters dropped barrel bombs on the town."), "ASSAULT")
    assert events and {a.sector for a in events[0].actor} == {"GOV"}


def test_a_suicide_bomber_is_no_air_strike(code: Code) -> None:
    events = of_type(code("A suicide bomber killed six soldiers at a checkpoint."), "ASSAULT")
    assert events and events[0].mode == "suicide-attack"
    assert {a.sector for a in events[0].actor} == {"UAF"}


@pytest.mark.parametrize(
    ("text", "sector"),
    [
        ("The Zarqa Brigades attacked a village near the border.", "REB"),
        ("Fighters from the Qasr Front seized two towns in the north.", "REB"),
        ("The Tobin Group militia attacked a village near the border.", "UAF"),
    ],
)
def test_an_armed_group_the_kb_does_not_know_is_armed(code: Code, text: str, sector: str) -> None:
    events = [e for e in code(text) if e.type in ("ASSAULT", "COERCE")]
    assert events, text
    assert {a.sector for a in events[0].actor} == {sector}


def test_an_unknown_name_of_no_armed_kind_keeps_no_sector(code: Code) -> None:
    events = code("The Tobin Group criticised the ruling.")
    assert all(a.sector is None for e in events for a in e.actor)
