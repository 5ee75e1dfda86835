"""TimeML conventions of business news (`timex.periods` and the period rules it works with),
on sentences written for these tests."""

from __future__ import annotations

import pytest

from eventline.events.timex import find_timexes

ANCHOR = "2024-11-06"  # a Wednesday, in the fourth quarter


def found(text: str, anchor: str = ANCHOR) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in find_timexes(text, anchor=anchor)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Spending in fiscal 2023 overshot the plan.", ("fiscal 2023", "DATE", "FY2023")),
        ("The fiscal year 2025 budget was cut.", ("fiscal year 2025", "DATE", "FY2025")),
        ("Freight rates have slumped in recent months.", ("recent months", "DURATION", "PXM")),
        ("Tariffs may climb in the coming weeks.", ("the coming weeks", "DATE", "FUTURE_REF")),
        ("More layoffs loom in the months ahead.", ("the months ahead", "DATE", "FUTURE_REF")),
        ("Ridership fell 9% over the past month.", ("the past month", "DURATION", "P1M")),
        ("Wheat yields have improved in the last decade.", ("the last decade", "DURATION", "P10Y")),
        ("The trust reviews its holdings each quarter.", ("each quarter", "SET", "P3M")),
        ("Rents grew 5% a year in the city.", ("a year", "SET", "P1Y")),
        ("The mill burns $3 million a month in cash.", ("a month", "SET", "P1M")),
        ("Bonuses are paid at year's end.", ("year's end", "DATE", "2024")),
        ("The dam was finished three decades ago.", ("three decades ago", "DATE", "199")),
    ],
)
def test_period_expressions(text: str, expected: tuple[str, str, str]) -> None:
    assert found(text) == [expected]


def test_a_fraction_of_a_group_is_not_a_quarter_of_a_year() -> None:
    assert found("Nearly a quarter of the branches will close.") == []
    assert found("Exports shrank for two consecutive quarters.") == [
        ("two consecutive quarters", "DURATION", "P2Q")
    ]


def test_the_same_period_a_year_earlier_takes_the_period_just_named() -> None:
    text = "Profit rose in the second quarter from the same period a year earlier."
    assert found(text) == [
        ("the second quarter", "DATE", "2024-Q2"),
        ("the same period a year earlier", "DATE", "2023-Q2"),
    ]
    text = "Car sales fell in October against the same month last year."
    assert found(text)[-1] == ("the same month last year", "DATE", "2023-10")


def test_a_year_earlier_period_alone_is_the_last_closed_quarter_a_year_back() -> None:
    assert found("Margins beat the year-earlier period.") == [
        ("the year-earlier period", "DATE", "2023-Q3")
    ]


def test_the_previous_quarter_follows_the_quarter_named_before_it() -> None:
    text = "Second-quarter output was 4% above the previous quarter."
    assert [v for _, _, v in found(text)] == ["2024-Q2", "2024-Q1"]


def test_a_day_closing_a_period_names_that_period() -> None:
    assert found("Claims rose in the week ended Nov. 2.") == [
        ("the week ended Nov. 2", "DATE", "2024-W44")
    ]
    assert found("Net income for the nine months ended Sept. 30 doubled.") == [
        ("the nine months ended Sept. 30", "DURATION", "P9M")
    ]
    assert found("Results for the quarter ending Sept. 30 disappointed.")[0][2] == "2024-Q3"


def test_a_reported_period_is_read_against_the_anchor() -> None:
    assert found("Profit for the quarter fell 3%.") == [("the quarter", "DATE", "2024-Q3")]
    assert found("Sales for the year will top $2 billion.") == [("the year", "DATE", "2024")]
    assert found("She was named player of the year.") == []


def test_a_year_earlier_than_a_quarter_is_that_quarter_a_year_back() -> None:
    text = (
        "The brewer earned $9 million in the quarter ended Sept. 30, "
        "against $7 million a year earlier."
    )
    assert [v for _, _, v in found(text)] == ["2024-Q3", "2023-Q3"]


def test_a_unit_of_something_is_a_stretch_of_time() -> None:
    assert found("Talks resumed after a month of strikes.") == [("a month", "DURATION", "P1M")]
    assert found("The ferry sails twice a week.") == [("twice a week", "SET", "P1W")]


def test_a_scheduled_present_points_a_weekday_ahead() -> None:
    assert found("Parliament convenes Friday to debate the budget.") == [
        ("Friday", "DATE", "2024-11-08")
    ]
    assert found("Parliament debated the budget Friday.") == [("Friday", "DATE", "2024-11-01")]


def test_the_fall_of_a_regime_is_not_autumn() -> None:
    assert found("Exiles returned after the fall of the junta.") == []
    assert found("The fall in copper prices hurt the miners.") == []
    assert found("The plant reopened in the fall.") == [("fall", "DATE", "2024-FA")]
