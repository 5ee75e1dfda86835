"""Dates events take from each other ("two days after the strikes", "the strikes" dated
elsewhere, "his remarks coincided with ..."), on sentences written for these tests."""

from __future__ import annotations

import pytest

from eventline.events.relative import shift
from tests.events.coded import Parse, by_trigger, events


def test_shift_keeps_unknown_years() -> None:
    assert shift("2024-03-01", -2) == "2024-02-28"
    assert shift("--03-01", -1) == "--02-29"
    assert shift("2024-03", 1) is None


@pytest.mark.slow
def test_offset_before_a_dated_clause(parse: Parse) -> None:
    text = "Velkor left Paris on Tuesday, two days after Peru attacked Chile."
    ev = by_trigger(events(parse, text), "attacked")
    assert (ev.date, ev.date_precision) == ("2024-03-10", "day")


@pytest.mark.slow
def test_offset_after_a_dated_event(parse: Parse) -> None:
    text = (
        "On Monday, Peru attacked Chile. "
        "France expelled the envoy of Peru two days after the attack."
    )
    ev = by_trigger(events(parse, text), "expelled")
    assert ev.date == "2024-03-13"


@pytest.mark.slow
def test_same_event_named_twice_takes_its_date(parse: Parse) -> None:
    text = "Peru's strikes on Saturday hit Chile. Velkor condemned the strikes."
    found = [e for e in events(parse, text) if e.type == "ASSAULT"]
    assert {e.date for e in found} == {"2024-03-09"}


@pytest.mark.slow
def test_fresh_events_of_the_same_kind_stay_report_dated(parse: Parse) -> None:
    text = "Germany imposed sanctions on Peru on Monday. Germany imposed fresh sanctions on Chile."
    second = [e for e in events(parse, text) if e.type == "SANCTION"][-1]
    assert second.date_precision == "report"


@pytest.mark.slow
def test_no_offset_without_a_date_on_either_side(parse: Parse) -> None:
    text = "Velkor left Paris two days after Peru attacked Chile."
    ev = by_trigger(events(parse, text), "attacked")
    assert ev.date_precision == "report"


@pytest.mark.slow
def test_remarks_coincided_with_an_event(parse: Parse) -> None:
    text = (
        "Speaking in Lagos on March 4, Okafor accused Peru of lying. "
        "Her remarks coincided with fresh Nigerian sanctions on Peru."
    )
    ev = by_trigger(events(parse, text), "sanctions")
    assert ev.date == "2024-03-04"
