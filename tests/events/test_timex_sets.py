"""Sets (TimeML SET): every hour, weekends, a fixed holiday every year, a clock time of every
day; on sentences written for these tests."""

from __future__ import annotations

import pytest

from eventline.events.timex import find_timexes


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Engineers checked the systems every hour.", "every hour", "PT1H"),
        ("The plant is inspected every weekend.", "every weekend", "XXXX-WXX-WE"),
        ("She sold bread at a market on weekends.", "weekends", "XXXX-WXX-WE"),
        ("He still visits his parents every Christmas.", "every Christmas", "XXXX-12-25"),
        (
            "The agency updates its tally every evening at 6 p.m.",
            "every evening at 6 p.m.",
            "XXXX-XX-XXT18:00",
        ),
        ("The board meets every day at 10:00.", "every day at 10:00", "XXXX-XX-XXT10:00"),
    ],
)
def test_set(text: str, span: str, value: str) -> None:
    found = {(m.text, m.type, m.value) for m in find_timexes(text, anchor="2020-04-09")}
    assert (span, "SET", value) in found


def test_a_moving_holiday_every_year_is_left_a_date() -> None:
    # Easter's day moves from year to year: no month-day names every Easter
    found = [(m.text, m.type) for m in find_timexes("They meet each Easter.", anchor="2020-04-09")]
    assert found == [("Easter", "DATE")]


def test_weekends_with_an_article_is_no_set() -> None:
    assert find_timexes("The weekends were quiet.", anchor="2020-04-09") == []
