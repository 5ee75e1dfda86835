"""A bare month told in the past, a few sentences after a sentence that opens on an earlier
year ("In 2004, ...", "One summer evening in 1989, ..."), is that year's month; a year that
only dates a detail ("was founded in 1998") sets no story. Sentences written for these tests."""

from __future__ import annotations

import pytest

from eventline.events.timex import find_timexes


def _month(text: str, month: str) -> str:
    found = {m.text: m.value for m in find_timexes(text, anchor="2006-06-12")}
    return found[month]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        (
            "One evening in 1989, she watched the crowd. That year, she says, all seemed possible."
            "\nShe left school. In September she took a bus to the capital.",
            "1989-09",
        ),
        ("In 2002, the firm opened a plant. In March, it hired 200 workers.", "2002-03"),
        (
            "The firm opened a plant in 2002. That year, it grew fast. In March, it hired 200 "
            "workers.",
            "2002-03",
        ),
        # a year that dates a detail sets no story
        ("The firm was founded in 1998. In March, it reported a loss.", "2006-03"),
        # a present or future clause keeps the publication date's reading
        ("In 2002, the firm opened a plant. Its next plant opens in March.", "2007-03"),
        # too far on, the story is over
        (
            "In 2002, the firm opened a plant. It grew. It hired. It sold shares. It paid out. "
            "In March, it reported a loss.",
            "2006-03",
        ),
    ],
)
def test_story_month(text: str, value: str) -> None:
    assert _month(text, "March" if "March" in text else "September") == value
