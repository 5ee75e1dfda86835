"""Anchors known only to their month, and year-less anchors whose weekday the text gives."""

from __future__ import annotations

import pytest

from eventline.events.timex import find_timexes
from eventline.events.timex.calendar import days_between, parse_anchor


def values(text: str, anchor: str) -> dict[str, tuple[str, str | None]]:
    return {t.text: (t.value, t.precision) for t in find_timexes(text, anchor=anchor)}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The pact was signed last year.", "2023"),
        ("Two rounds of talks were held this year.", "2024"),
        ("The strike came earlier this month.", "2024-10"),
        ("Tanks crossed the border in August.", "2024-08"),
        ("Elections are due next month.", "2024-11"),
    ],
)
def test_month_anchor_places_years_and_months(text: str, value: str) -> None:
    (found,) = values(text, "2024-10").values()
    assert found[0] == value


@pytest.mark.parametrize(
    "text",
    ["The ministry spoke on Friday.", "Troops withdrew yesterday.", "Talks ended last week."],
)
def test_month_anchor_never_guesses_a_day(text: str) -> None:
    (found,) = values(text, "2024-10").values()
    assert found[0].startswith("XXXX")


def test_month_anchor_today_is_its_month() -> None:
    assert values("Ministers meet today.", "2024-10")["today"] == ("2024-10", "month")


def test_a_weekday_tied_to_a_date_places_other_weekdays() -> None:
    text = "Talks began on Sunday (March 9). On Saturday the envoy left, and on Friday he called."
    found = values(text, "--03-10")
    assert found["Saturday"][0] == "XXXX-03-08"
    assert found["Friday"][0] == "XXXX-03-07"
    assert found["Sunday"][0] == "XXXX-03-09"


def test_the_pair_may_come_date_first() -> None:
    found = values("It opened on March 9, a Sunday. Officials met on Thursday.", "--03-12")
    assert found["Thursday"][0] == "XXXX-03-06"


def test_without_a_pair_a_year_less_weekday_stays_unresolved() -> None:
    found = values("The envoy flew home on Saturday.", "--03-10")
    assert found["Saturday"][0] == "XXXX-WXX-6"


def test_disagreeing_pairs_resolve_nothing() -> None:
    text = "It began on Sunday (March 9) and ended on Sunday (March 11). Aid came on Friday."
    assert values(text, "--03-12")["Friday"][0] == "XXXX-WXX-5"


def test_days_between_month_days() -> None:
    anchor = parse_anchor("--03-10")
    assert anchor is not None
    assert days_between(3, 8, anchor) == 2
    assert days_between(2, 28, anchor) is None  # depends on a leap day
    assert days_between(10, 8, anchor) is None  # more than half a year apart


def test_month_anchor_parses_and_bad_ones_fail() -> None:
    anchor = parse_anchor("2024-10")
    assert anchor is not None and anchor.day is None and anchor.month_only
    from eventline.errors import InputError

    with pytest.raises(InputError):
        parse_anchor("--10")
