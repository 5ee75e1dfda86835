"""Issue #11 dates: a time in a phrase naming something else does not date the event, and an
event put before or after a dated time or happening is dated within the interval that gives,
never at the later publication day; a small check set of sentences written for these tests
(published 2024-03-14 unless said)."""

from __future__ import annotations

import pytest

from tests.events.coded import Parse, by_trigger, events


def _date(parse: Parse, text: str, trigger: str) -> tuple[str | None, str | None]:
    ev = by_trigger(events(parse, text), trigger)
    return ev.date, ev.date_precision


# text, trigger, "date precision" expected
CHECKS = [
    # a pluperfect before a dated happening: before it, at its month
    (
        "Peru had sent troops to Chile in the weeks before the March 2 strikes.",
        "sent",
        "2024-03 month",
    ),
    (
        "Peru shelled Chilean border posts on March 2. Peru had sent troops to Chile before "
        "the shelling.",
        "sent",
        "2024-03 month",
    ),
    ("Before the war began in 2022, Peru had supplied gas to Chile.", "supplied", "2022 year"),
    # a time of the object noun describes the noun, not the act
    ("Peru threatened to quit the 2015 border treaty.", "threatened", "2024-03-14 report"),
    # "before March 8" puts the act before that day, not on it
    ("Velkor met Okafor before March 8.", "met", "2024-03 month"),
    # after a dated happening, with the report in the same month: that month
    ("Velkor met Okafor after the March 2 strikes.", "met", "2024-03 month"),
    # after one in another month: no unit holds the interval, the report dates it
    ("Velkor met Okafor after the January 2 strikes.", "met", "2024-03-14 report"),
    # "since 2022" after a record says since when nothing matched, not when the act was
    (
        "Peru launched its biggest attack on Chile since 2022 on Monday.",
        "launched",
        "2024-03-11 day",
    ),
    ("Peru launched its biggest attack on Chile since 2022.", "launched", "2024-03-14 report"),
    # a counted offset is more precise and wins
    (
        "France expelled two Peruvian diplomats a day after the March 2 attack.",
        "expelled",
        "2024-03-03 day",
    ),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "trigger", "expected"), CHECKS)
def test_check_set(parse: Parse, text: str, trigger: str, expected: str) -> None:
    assert _date(parse, text, trigger) == tuple(expected.split())


@pytest.mark.slow
def test_a_past_perfect_continuing_a_dated_sentence_takes_its_month(parse: Parse) -> None:
    text = "Peru shelled Chilean border posts on March 2. Peru had warned Chile against an attack."
    found = events(parse, text)
    assert (by_trigger(found, "shelled").date, by_trigger(found, "warned").date) == (
        "2024-03-02",
        "2024-03",
    )


@pytest.mark.slow
def test_a_state_running_to_a_time_in_the_report_month_keeps_the_report(parse: Parse) -> None:
    assert _date(parse, "Peru has deployed troops in Chile until March.", "deployed") == (
        "2024-03-14",
        "report",
    )


@pytest.mark.slow
def test_taking_part_in_a_dated_happening_is_at_its_time(parse: Parse) -> None:
    text = "Rebels clashed with Peruvian troops during the 2019 election protests."
    assert _date(parse, text, "clashed") == ("2019", "year")


@pytest.mark.slow
def test_a_past_day_written_without_its_year_is_not_after_the_report(parse: Parse) -> None:
    # "October 7" in March, told in the past: last October, not next
    assert _date(parse, "Peru attacked Chile on October 7.", "attacked") == ("2023-10-07", "day")
    ev = by_trigger(events(parse, "Peru will attack Chile on October 7."), "attack")
    assert ev.date == "2024-10-07"  # a plan keeps the coming one
