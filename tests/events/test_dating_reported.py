"""An event told in a report, statement or accusation whose telling has a time, and no time
of its own, happened no later than the telling: it takes the reporting act's time, not the
publication date; on sentences written for these tests."""

from __future__ import annotations

import pytest

from eventline.events.relative_base import month_of
from tests.events.coded import Parse, by_trigger, events


@pytest.mark.slow
def test_an_accused_act_is_the_content_of_the_dated_accusation(parse: Parse) -> None:
    # PLOVER codes the accusation; the act it alleges is its content (issue #11), so no
    # event claims the sending happened on the accusation's day (sixth review)
    text = (
        "Speaking at a press conference in Paris on Feb. 3, Velkor accused Peru "
        "of sending attack drones to Chile."
    )
    found = events(parse, text, published="2024-03")
    assert not [e for e in found if e.trigger == "sending"]
    ev = by_trigger(found, "accused")
    assert ev.content is not None and "sending" in ev.content
    assert ev.date.startswith("2024-02")


@pytest.mark.slow
def test_a_past_event_in_a_dated_report_takes_the_report_time(parse: Parse) -> None:
    text = (
        "The state news agency reported on Sunday that Velkor would meet Okafor "
        "following the military aggression by Peru against Chile."
    )
    found = events(parse, text)
    ev = by_trigger(found, "aggression")
    # no later than the telling, and before the meeting it is followed by: the telling's
    # month, not its day (issue #11, round after17)
    assert (ev.date, ev.date_precision) == ("2024-03", "month")
    assert by_trigger(found, "meet").date_precision == "report"  # planned: may come later


@pytest.mark.slow
def test_a_past_perfect_under_a_report_at_the_time_keeps_the_story_month(parse: Parse) -> None:
    text = (
        "Reports emerged in January about Peruvian arms shipments to Chile. "
        "Le Monde cited French officials at the time as saying that Peru had begun "
        "to transfer radar equipment to Chile."
    )
    ev = by_trigger(events(parse, text, published="2024-03"), "transfer")
    assert (ev.date, ev.date_precision) == ("2024-01", "month")


@pytest.mark.slow
def test_a_past_perfect_under_a_report_month_keeps_that_month(parse: Parse) -> None:
    text = "Le Monde reported in January that Peru had begun to transfer radar equipment to Chile."
    ev = by_trigger(events(parse, text, published="2024-03"), "transfer")
    assert (ev.date, ev.date_precision) == ("2024-01", "month")


@pytest.mark.slow
def test_an_undated_present_report_borrows_no_story_time(parse: Parse) -> None:
    text = (
        "Peru bombed Chile on March 2. "
        "Le Monde says that Peru has begun to transfer radar equipment to Chile."
    )
    ev = by_trigger(events(parse, text), "transfer")
    assert ev.date_precision == "report"


@pytest.mark.slow
def test_a_warning_made_before_a_dated_act_takes_that_month(parse: Parse) -> None:
    text = (
        "France's foreign ministry on Saturday condemned the Peruvian strikes as reckless, "
        "after having previously warned against military intervention."
    )
    ev = by_trigger(events(parse, text), "warned")
    assert (ev.date, ev.date_precision) == ("2024-03", "month")


def test_the_month_of_an_anchor_keeps_a_missing_year() -> None:
    assert month_of("2024-03-09", "day") == ("2024-03", "month")
    assert month_of("--03-09", "monthday") == ("--03", "month")
    assert month_of("2024", "year") == ("2024", "year")


@pytest.mark.slow
def test_a_past_weekday_anchor_without_a_year_gives_the_report_month(parse: Parse) -> None:
    text = (
        "France's foreign ministry on Saturday condemned the Peruvian strikes as reckless, "
        "after having previously warned against military intervention."
    )
    ev = by_trigger(events(parse, text, published="--03-14"), "warned")
    assert (ev.date, ev.date_precision) == ("--03", "month")


@pytest.mark.slow
def test_a_denied_act_takes_the_denial_time(parse: Parse) -> None:
    text = "Velkor denied on Monday that France had sent weapons to Chile."
    ev = by_trigger(events(parse, text), "sent")
    assert (ev.date, ev.date_precision) == ("2024-03", "month")  # a told past: its month


@pytest.mark.slow
def test_a_recent_report_without_a_time_borrows_no_story_time(parse: Parse) -> None:
    text = (
        "Peru invaded Chile in February 2022. "
        "Velkor recently confirmed that Peru had sent attack drones to Chile."
    )
    ev = by_trigger(events(parse, text), "sent")
    assert ev.date_precision == "report"
