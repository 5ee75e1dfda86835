"""The event coder on common news constructions, with sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from eventline.events.document import CodedDoc, code_doc
from eventline.model import EventMention

pytestmark = pytest.mark.slow

Parse = Callable[[str], Doc]


def code(parse: Parse, text: str, *, kind: str = "news", published: str = "2024-03-14") -> CodedDoc:
    return code_doc(parse(text), article_id="t", published=published, kind=kind)


def only(events: list[EventMention], etype: str) -> EventMention:
    found = [e for e in events if e.type == etype]
    assert len(found) == 1, [(e.type, e.trigger) for e in events]
    return found[0]


def countries(refs: tuple) -> list[str | None]:
    return [r.country for r in refs]


def test_host_makes_guest_the_actor(parse: Parse) -> None:
    ev = only(code(parse, "Tomas Brandt hosted Anna Velkor in Berlin on Monday.").events, "CONSULT")
    assert (ev.mode, countries(ev.actor), countries(ev.recipient)) == ("visit", ["FRA"], ["DEU"])
    assert ev.location is not None and (ev.location.name, ev.location.country) == ("Berlin", "DEU")
    assert (ev.date, ev.date_precision) == ("2024-03-11", "day")


def test_meeting_at_third_place_codes_the_party_met_as_recipient(parse: Parse) -> None:
    ev = only(code(parse, "Velkor met with Okafor in Ashgabat, Turkmenistan.").events, "CONSULT")
    assert (countries(ev.actor), countries(ev.recipient)) == (["FRA"], ["NGA"])
    assert ev.mode == "third-party"
    assert ev.location is not None and ev.location.country == "TKM"


def test_meeting_told_together_lists_both_as_actors(parse: Parse) -> None:
    ev = only(code(parse, "Velkor and Okafor met in Ashgabat on Monday.").events, "CONSULT")
    assert sorted(countries(ev.actor)) == ["FRA", "NGA"] and ev.recipient == ()


def test_passive_agent_is_actor(parse: Parse) -> None:
    ev = only(code(parse, "Chile was attacked by Peru.").events, "ASSAULT")
    assert (countries(ev.actor), countries(ev.recipient)) == (["PER"], ["CHL"])


def test_compound_actor_and_treaty_signing(parse: Parse) -> None:
    ev = only(
        code(parse, "France and Germany signed a defence treaty in May 2023.").events, "SUPPORT"
    )
    assert sorted(countries(ev.actor)) == ["DEU", "FRA"]
    assert (ev.date, ev.date_precision) == ("2023-05", "month")


def test_invitation_is_agree(parse: Parse) -> None:
    ev = only(code(parse, "Velkor extended an invitation to Okafor.").events, "AGREE")
    assert (countries(ev.actor), countries(ev.recipient)) == (["FRA"], ["NGA"])


def test_condemnation_of_strikes_yields_two_events(parse: Parse) -> None:
    events = code(parse, "France condemned the Polish strikes on Nigeria.").events
    accuse, assault = only(events, "ACCUSE"), only(events, "ASSAULT")
    assert (countries(accuse.actor), countries(accuse.recipient)) == (["FRA"], ["POL"])
    assert (countries(assault.actor), countries(assault.recipient)) == (["POL"], ["NGA"])


def test_reported_disapproval_is_accuse(parse: Parse) -> None:
    text = "Velkor told Okafor that there was no justification for the German bombing of Chile."
    ev = only(code(parse, text).events, "ACCUSE")
    assert (countries(ev.actor), countries(ev.recipient)) == (["FRA"], ["DEU"])


def test_promise_to_retaliate_is_threat(parse: Parse) -> None:
    ev = code(parse, "Brandt vowed to retaliate against Poland.").events[0]
    assert ev.type == "THREATEN"


def test_evidence_points_into_the_text(parse: Parse) -> None:
    text = "The weather was mild. Poland imposed sanctions on Chile on Friday."
    ev = only(code(parse, text).events, "SANCTION")
    assert ev.evidence.sentence == 1
    assert text[ev.evidence.start : ev.evidence.end] == ev.evidence.text
    assert "imposed" in ev.evidence.text and (ev.mode, countries(ev.recipient)) == (
        "discontinue",
        ["CHL"],
    )


def test_undated_event_is_dated_by_report(parse: Parse) -> None:
    ev = code(parse, "Poland criticised Chile.", published="--06-02").events[0]
    assert (ev.date, ev.date_precision) == ("--06-02", "report")


@pytest.mark.parametrize(
    "text",
    [
        "The weather in Berlin was mild and the markets were calm.",
        "Velkor said the talks had been useful.",
        "Officials discussed the budget at length.",
    ],
)
def test_no_event_without_actors_or_trigger(parse: Parse, text: str) -> None:
    assert [e for e in code(parse, text).events if e.actor] == []
