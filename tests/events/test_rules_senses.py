"""Type classes of issue #11 (types4), on sentences written for these tests: the sense of an
event word decides its type (access let in is RETREAT, troops sent to help are AID, a storm
that "struck" is no attack), and triggers the patterns lacked (applying to join a body,
bombs dropped, an embassy closed, a parliament reinstated, a sit-in, data shared)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from eventline.model import EventMention
from tests.events.conftest import ACTORS, text_coder

pytestmark = pytest.mark.slow

TABLE = {
    **ACTORS,
    "United Nations": ("kb:UN", "United Nations", None, "IGO", "ORG"),
    "UN": ("kb:UN", "United Nations", None, "IGO", "ORG"),
    "NATO": ("kb:NATO", "NATO", None, "IGO", "ORG"),
    "European Union": ("kb:EU", "European Union", None, "IGO", "ORG"),
    "Arab League": ("kb:AL", "Arab League", None, "IGO", "ORG"),
}

Code = Callable[[str], list[EventMention]]


@pytest.fixture(scope="module")
def code(nlp: Language) -> Code:
    return text_coder(nlp, TABLE, "2022-05-18")


def types(events: list[EventMention]) -> set[str]:
    return {e.type for e in events}


@pytest.mark.parametrize(
    "text",
    [
        "Poland allowed a UN convoy carrying food and medicine into the city.",
        "Nigeria allowed a French military plane carrying relief supplies to land in Abuja.",
    ],
)
def test_access_let_in_is_retreat(code: Code, text: str) -> None:
    got = types(code(text))
    assert "RETREAT" in got
    assert "CONCEDE" not in got


def test_parties_allowed_to_act_stay_a_concession(code: Code) -> None:
    got = types(code("Nigeria allowed opposition parties to hold rallies in Abuja."))
    assert "CONCEDE" in got


def test_troops_sent_to_help_are_aid(code: Code) -> None:
    events = code("France sent 1,000 troops into Chile on Monday to help the government.")
    assert [e.type for e in events] == ["AID"]
    assert events[0].actor[0].country == "FRA"


def test_troops_sent_alone_stay_mobilize(code: Code) -> None:
    assert types(code("France sent 1,000 troops to the border on Monday.")) == {"MOBILIZE"}


@pytest.mark.parametrize(
    "text",
    [
        "Cyclone Idai killed hundreds of people in Nigeria.",
        "An earthquake struck northern Chile on Monday.",
    ],
)
def test_natural_forces_are_no_attack(code: Code, text: str) -> None:
    assert not code(text)


def test_named_missile_is_still_a_weapon(code: Code) -> None:
    assert "ASSAULT" in types(code("France struck rebel positions with Storm Shadow missiles."))


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Poland formally applied to join the European Union on Monday.", "REQUEST"),
        ("Chile applied for NATO membership in 2008.", "REQUEST"),
        ("Peruvian warplanes dropped cluster bombs on the rebels overnight.", "ASSAULT"),
        ("France evacuated its embassy in Lima as fighting spread.", "SANCTION"),
        ("Germany closed its embassy in Santiago after the attack.", "SANCTION"),
        ("The Nigerian president reinstated the dissolved parliament.", "CONCEDE"),
        ("Polish opposition lawmakers staged a sit-in in parliament.", "PROTEST"),
        ("France began sharing missile warning data with Germany.", "COOPERATE"),
    ],
)
def test_triggers(code: Code, text: str, wanted: str) -> None:
    assert wanted in types(code(text))


def test_applying_to_join_is_the_request_not_the_joining(code: Code) -> None:
    got = types(code("Poland formally applied to join the European Union on Monday."))
    assert "COOPERATE" not in got


def test_a_state_protest_is_disapproval(code: Code) -> None:
    got = types(code("France summoned the Polish ambassador to protest against the decision."))
    assert "PROTEST" not in got
    assert "ACCUSE" in got


def test_citizens_protesting_stay_a_protest(code: Code) -> None:
    assert "PROTEST" in types(code("Chilean students protested outside the palace in Santiago."))


def test_release_of_a_thing_frees_no_one(code: Code) -> None:
    text = "France condemned Poland's release of treated wastewater into the river."
    assert "RETREAT" not in types(code(text))


def test_protests_led_by_parties_are_protests(code: Code) -> None:
    text = (
        "The Nigerian president reinstated parliament, bowing to mass protests led by the rebels."
    )
    got = types(code(text))
    assert "PROTEST" in got
    assert "ACCUSE" not in got


def test_rally_named_after_a_candidate_is_no_protest(code: Code) -> None:
    text = "A gunman opened fire at a Donald Trump rally in Butler, Pennsylvania, on Saturday."
    assert "PROTEST" not in types(code(text))


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("Germany said it stood firmly behind Poland in its dispute with Chile.", "SUPPORT"),
        ("The rebels captured two Nigerian soldiers in a cross-border raid.", "ASSAULT"),
        ("Chile rejected the latest bailout proposal from the European Union.", "AGREE"),
    ],
)
def test_more_triggers(code: Code, text: str, wanted: str) -> None:
    assert wanted in types(code(text))


def test_a_bare_policy_proposal_is_no_agreement(code: Code) -> None:
    assert not code("The French government unveiled a proposal to cut taxes.")


def test_a_pact_signed_by_parties_is_their_signing(code: Code) -> None:
    text = "The UN welcomed the truce agreement signed by France and the rebels in Lima."
    assert "AGREE" not in types(code(text))


def test_forces_deployed_in_an_exercise_are_the_exercise(code: Code) -> None:
    text = (
        "The French and German navies began a joint exercise with the Polish Navy in the "
        "Baltic, deploying aircraft carriers and submarines."
    )
    assert types(code(text)) == {"COOPERATE"}


def test_talks_held_to_coordinate_are_one_consultation(code: Code) -> None:
    text = (
        "Tomas Brandt spoke by telephone with Anna Velkor on Sunday to coordinate their positions."
    )
    assert types(code(text)) == {"CONSULT"}


def test_a_person_flown_out_is_no_visit(code: Code) -> None:
    text = "Chilean soldiers detained Lena Okafor at her residence and flew her to Peru."
    assert types(code(text)) == {"COERCE"}


def test_goods_flown_in_stay_aid(code: Code) -> None:
    text = "The United Nations flew tents and blankets to Lima on Thursday for homeless families."
    assert "AID" in types(code(text))


def test_armed_men_massing_is_a_show_of_force(code: Code) -> None:
    assert types(code("Peruvian troops massed on the Chilean border.")) == {"MOBILIZE"}


def test_protesters_massing_is_a_protest(code: Code) -> None:
    assert "PROTEST" in types(code("Thousands of Polish protesters massed outside parliament."))


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        ("The rebels said they were ready to join peace talks with Nigeria.", "CONSULT"),
        ("France will work with Germany on a new defence plan.", "COOPERATE"),
    ],
)
def test_willingness_to_cooperate(code: Code, text: str, wanted: str) -> None:
    assert wanted in types(code(text))


def test_a_league_of_states_is_no_sport(code: Code) -> None:
    text = "The Arab League condemned the French air strike on a school in Peru."
    assert "ASSAULT" in types(code(text))
