"""Who the recipient is (#11), on sentences written for these tests and parsed by the model:
a place named as where an act happened is no recipient (a criticism at a rally in a town, a
protest in a town, an attack outside a town: the state, not the town); a party only beside
a speaker is no co-speaker; a state's deal with its own provinces keeps them as parties; the
author of a relative clause on an act noun ("which X ordered") is not its recipient; a
bid's owner named by "by" is whom its rejection is aimed at; a named person a warrant is for
stays its target though the sentence names a foreign country; a threatener's own state in
what it threatens is not its target."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language

from eventline.model import EventMention
from tests.events.conftest import text_coder

pytestmark = pytest.mark.slow

TABLE: dict[str, tuple[str, str, str | None, str | None, str]] = {
    "Anna Velkor": ("p_velkor", "Anna Velkor", "USA", "LEG", "PERSON"),
    "Velkor": ("p_velkor", "Anna Velkor", "USA", "LEG", "PERSON"),
    "Tomas Brandt": ("p_brandt", "Tomas Brandt", "DEU", "GOV", "PERSON"),
    "Lena Okafor": ("p_okafor", "Lena Okafor", "NGA", "GOV", "PERSON"),
    "Dubuque": ("geo:dubuque", "Dubuque", "USA", None, "GPE"),
    "Kenyan": ("kb:KEN", "Kenya", "KEN", None, "NORP"),
    "Eldoret": ("geo:eldoret", "Eldoret", "KEN", None, "GPE"),
    "Goma": ("geo:goma", "Goma", "COD", None, "GPE"),
    "Congolese": ("kb:COD", "Congo", "COD", None, "NORP"),
    "Chile": ("kb:CHL", "Chile", "CHL", None, "GPE"),
    "Germany": ("kb:DEU", "Germany", "DEU", None, "GPE"),
    "Nigerian": ("kb:NGA", "Nigeria", "NGA", None, "NORP"),
    "federal government": ("kb:CAN_GOV", "Canada Government", "CAN", "GOV", "ORG"),
    "Ottawa": ("kb:CAN", "Canada", "CAN", "GOV", "GPE"),
    "FBI": ("kb:USA_FBI", "Federal Bureau of Investigation", "USA", "COP", "ORG"),
    "Supreme Court": ("kb:USA_JUD", "Supreme Court", "USA", "JUD", "ORG"),
    "White House": ("kb:USA_GOV", "White House", "USA", "GOV", "ORG"),
}

Code = Callable[[str], list[EventMention]]


@pytest.fixture(scope="module")
def code(nlp: Language) -> Code:
    return text_coder(nlp, TABLE, "2024-05-01")


def by_trigger(events: list[EventMention], trigger: str) -> EventMention:
    (event,) = [e for e in events if e.trigger == trigger]
    return event


def recipients(event: EventMention) -> set[str]:
    return {r.name for r in event.recipient}


def actors(event: EventMention) -> set[str]:
    return {a.name for a in event.actor}


def test_a_criticism_at_a_rally_in_a_town_is_aimed_at_no_town(code: Code) -> None:
    event = by_trigger(code("Anna Velkor attacked her rival at a rally in Dubuque."), "attacked")
    assert event.type == "ACCUSE"
    assert "Dubuque" not in recipients(event)


def test_a_criticism_keeps_its_named_target_beside_a_place(code: Code) -> None:
    event = by_trigger(code("Lena Okafor criticized Chile at a summit in Eldoret."), "criticized")
    assert recipients(event) == {"Chile"}


@pytest.mark.parametrize("prep", ["in", "near", "outside", "across"])
def test_a_protest_in_a_town_addresses_the_government_not_the_town(code: Code, prep: str) -> None:
    event = by_trigger(code(f"Kenyan farmers blocked roads {prep} Eldoret."), "blocked")
    assert event.type == "PROTEST"
    assert "Eldoret" not in recipients(event)
    assert {(r.country, r.sector) for r in event.recipient} <= {("KEN", "GOV")}


def test_an_attack_outside_a_town_is_coded_against_its_state(code: Code) -> None:
    event = by_trigger(code("Congolese rebels attacked a convoy outside Goma."), "attacked")
    assert "Goma" not in recipients(event)
    assert {r.country for r in event.recipient} <= {"COD"}


def test_a_party_beside_a_speaker_is_no_co_speaker(code: Code) -> None:
    text = "Anna Velkor, alongside Tomas Brandt, accused Chile of lying."
    event = by_trigger(code(text), "accused")
    assert actors(event) == {"Anna Velkor"}
    assert recipients(event) == {"Chile"}


def test_a_party_along_with_a_speaker_still_speaks(code: Code) -> None:
    event = by_trigger(code("Anna Velkor, along with Tomas Brandt, condemned Chile."), "condemned")
    assert actors(event) == {"Anna Velkor", "Tomas Brandt"}


@pytest.mark.parametrize(
    ("text", "trigger", "want"),
    [
        (
            "The federal government signed an agreement with Ontario and Quebec.",
            "signed",
            {"Ontario", "Quebec"},
        ),
        ("Ottawa reached a deal with the province of Ontario.", "reached", {"Ontario"}),
    ],
)
def test_a_states_deal_with_its_provinces_keeps_them_as_parties(
    code: Code, text: str, trigger: str, want: set[str]
) -> None:
    event = by_trigger(code(text), trigger)
    assert recipients(event) == want
    assert {r.country for r in event.recipient} == {"CAN"}


def test_who_ordered_an_investigation_is_not_its_target(code: Code) -> None:
    text = "An FBI investigation, which Anna Velkor approved, targeted the senator."
    found = [e for e in code(text) if e.trigger == "investigation"]
    assert all("Anna Velkor" not in recipients(e) for e in found)


def test_a_rejected_bid_is_aimed_at_its_bidder_named_by_by(code: Code) -> None:
    text = "The Supreme Court rejected a bid by Chile to join the case."
    event = by_trigger(code(text), "rejected")
    assert recipients(event) == {"Chile"}


def test_a_warrant_for_a_named_person_stays_aimed_at_that_person(code: Code) -> None:
    text = "A Nigerian tribunal issued an arrest warrant for Lena Okafor, who fled to Chile."
    event = by_trigger(code(text), "warrant")
    assert recipients(event) == {"Lena Okafor"}


def test_an_offer_to_host_talks_is_made_to_both_sides_of_the_talks(code: Code) -> None:
    text = "The offer by Lena Okafor to host talks between Chile and Congolese rebels was welcomed."
    event = by_trigger(code(text), "offer")
    assert "Chile" in recipients(event)


def test_a_threatener_s_own_state_in_what_is_threatened_is_not_its_target(code: Code) -> None:
    event = by_trigger(code("Tomas Brandt warned that Germany would retaliate."), "warned")
    assert "Germany" not in recipients(event)


def test_a_threat_conditional_on_another_party_is_aimed_at_it(code: Code) -> None:
    text = "Tomas Brandt warned that Germany would respond if Chile deployed missiles."
    event = by_trigger(code(text), "warned")
    assert recipients(event) == {"Chile"}


def test_a_rejected_proposal_from_a_state_s_own_region_is_aimed_at_that_region(
    code: Code,
) -> None:
    event = by_trigger(code("The White House rejected a proposal from California."), "rejected")
    assert recipients(event) == {"California"}
    assert {r.country for r in event.recipient} == {"USA"}
