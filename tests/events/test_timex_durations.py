"""Durations side by side are one ("9 minutes 4 seconds"), and a bare plural unit set against
another ("months, not weeks", "days or weeks") is a duration; sentences written for these tests."""

from __future__ import annotations

import pytest

from eventline.events.timex import find_timexes


def _found(text: str) -> list[tuple[str, str]]:
    return [(m.text, m.value) for m in find_timexes(text, anchor="2012-08-06")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She won in 9 minutes 4 seconds.", [("9 minutes 4 seconds", "PT9M4S")]),
        ("The flight took two hours and 15 minutes.", [("two hours and 15 minutes", "PT2H15M")]),
        ("He served three years and six months.", [("three years and six months", "P3Y6M")]),
        # a coarser unit after a finer one starts a new duration
        ("Within 24 hours 12 people had died.", [("24 hours", "PT24H")]),
        ("This will take months, not weeks.", [("months", "PXM"), ("weeks", "PXW")]),
        ("A deal could come in days or weeks.", [("days", "PXD"), ("weeks", "PXW")]),
    ],
)
def test_durations(text: str, expected: list[tuple[str, str]]) -> None:
    assert _found(text) == expected
