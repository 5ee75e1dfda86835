"""Holidays as TIMEX3 day dates (`timex.holidays`), on sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from eventline.events.timex import find_timexes
from eventline.events.timex.holidays import easter

ANCHOR = "2024-11-06"  # a Wednesday


def found(text: str, anchor: str = ANCHOR) -> list[tuple[str, str]]:
    return [(t.text, t.value) for t in find_timexes(text, anchor=anchor)]


@pytest.mark.parametrize(
    ("year", "expected"),
    [(2024, date(2024, 3, 31)), (2025, date(2025, 4, 20)), (1998, date(1998, 4, 12))],
)
def test_easter_sunday(year: int, expected: date) -> None:
    assert easter(year) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The depot will close over Thanksgiving.", ("Thanksgiving", "2024-11-28")),
        ("Fireworks are banned on New Year’s Eve.", ("New Year’s Eve", "2024-12-31")),
        ("The ferries stopped running on Labor Day.", ("Labor Day", "2024-09-02")),
        ("Pilgrims gathered last Easter.", ("last Easter", "2024-03-31")),
        ("The riots of Christmas 1989 are remembered.", ("Christmas 1989", "1989-12-25")),
        ("The parade returns next Memorial Day.", ("next Memorial Day", "2025-05-26")),
    ],
)
def test_holidays_are_day_dates(text: str, expected: tuple[str, str]) -> None:
    assert found(text) == [expected]


def test_names_and_lower_case_words_are_not_holidays() -> None:
    assert found("Divers explored the reefs of Easter Island.") == []
    assert found("The halloween costumes sold out.") == []
