"""Which side of the publication date a bare month falls on when no parser gives the tense:
"since" points back whatever the sentence's other clauses say, and the verb "last" ("will
begin in May and last a month") is no past cue, unlike the adjective ("last week")."""

from __future__ import annotations

import pytest

from eventline.events.timex import find_timexes


def _values(text: str, anchor: str = "2020-04-09") -> dict[str, str]:
    return {m.text: m.value for m in find_timexes(text, anchor=anchor)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Schools have been closed since early March and will stay shut until September.",
            {"early March": "2020-03", "September": "2020-09"},
        ),
        ("Prices will keep rising, as they have since March.", {"March": "2020-03"}),
        ("A national survey will begin in May and last about a month.", {"May": "2020-05"}),
        ("Exports fell in May, last year's figures showed.", {"May": "2019-05"}),
        ("Prices rose in May, the last time they did.", {"May": "2019-05"}),
    ],
)
def test_direction(text: str, expected: dict[str, str]) -> None:
    found = _values(text)
    assert {k: found.get(k) for k in expected} == expected


def test_a_day_after_since_lies_before_the_report() -> None:
    found = find_timexes("Troops have shelled the town since October 7.", anchor="2025-06-20")
    assert [m.value for m in found] == ["2024-10-07"]
