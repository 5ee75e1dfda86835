"""The TIMEX3 normaliser on sentences written for these tests."""

from __future__ import annotations

import pytest

from eventline.errors import InputError
from eventline.events.timex import TimexMatch, date_of, find_timexes, normalise

ANCHOR = "2025-06-25"  # a Wednesday


def values(text: str, anchor: str | None = ANCHOR, **kwargs: object) -> dict[str, str]:
    return {t.text: t.value for t in find_timexes(text, anchor=anchor, **kwargs)}  # type: ignore[arg-type]


def only(text: str, anchor: str | None = ANCHOR) -> TimexMatch:
    found = find_timexes(text, anchor=anchor)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The mayor resigned on Monday.", "2025-06-23"),
        ("The council will vote on Monday.", "2025-06-30"),
        ("The ferry is set to sail on Saturday.", "2025-06-28"),
        ("The ferry sailed on Saturday.", "2025-06-21"),
        ("Officials met last Wednesday.", "2025-06-18"),
        ("The summit opens next Friday.", "2025-06-27"),
    ],
)
def test_weekdays_follow_tense(text: str, expected: str) -> None:
    match = only(text)
    assert (match.type, match.value, match.precision) == ("DATE", expected, "day")


def test_weekday_on_the_anchor_day_in_the_past_is_the_anchor() -> None:
    assert only("Shares fell on Wednesday.").value == "2025-06-25"


def test_reporting_clause_after_a_comma_does_not_decide_the_tense() -> None:
    assert only("The envoys will meet on Thursday, an aide said.").value == "2025-06-26"


def test_tense_hint_overrides_the_lexical_guess() -> None:
    text = "The envoys meet on Thursday."
    assert values(text, tense_hint=lambda _: "past") == {"Thursday": "2025-06-19"}
    assert values(text, tense_hint=lambda _: "future") == {"Thursday": "2025-06-26"}


@pytest.mark.parametrize(
    ("text", "anchor", "expected"),
    [
        ("Trade resumed on Oct. 1.", "2024-10-11", "2024-10-01"),
        ("He left office on Sept. 30.", "2024-10-11", "2024-09-30"),
        ("The deal was signed on 23 June 2025.", ANCHOR, "2025-06-23"),
        ("The deal was signed on Oct. 23, 2023.", ANCHOR, "2023-10-23"),
        ("Polls closed on March 3rd.", ANCHOR, "2025-03-03"),
        ("The report is dated 2025-06-21.", ANCHOR, "2025-06-21"),
    ],
)
def test_explicit_days(text: str, anchor: str, expected: str) -> None:
    assert only(text, anchor).value == expected


def test_a_day_range_gives_two_dates() -> None:
    found = find_timexes("Talks are planned for Oct. 23–24.", anchor="2024-10-11")
    assert [(t.text, t.value) for t in found] == [("Oct. 23", "2024-10-23"), ("24", "2024-10-24")]


def test_december_date_read_in_january_is_last_year() -> None:
    assert only("The strike began on Dec. 28.", "2025-01-03").value == "2024-12-28"


def test_months_without_year() -> None:
    assert only("Prices rose in January.", "2025-06-23").value == "2025-01"
    assert only("The rebels attacked last November.", "2024-10-11").value == "2023-11"
    assert only("Elections will be held in November.", "2024-10-11").value == "2024-11"
    late = only("The ceasefire collapsed in late July.", "2024-10-11")
    assert (late.value, late.mod, late.precision) == ("2024-07", "END", "month")


def test_month_words_that_are_not_dates() -> None:
    assert find_timexes("You may go, and they march on.", anchor=ANCHOR) == []
    assert find_timexes("May the best team win.", anchor=ANCHOR) == []
    assert find_timexes("The singer June Tabor performed.", anchor=ANCHOR) == []
    assert only("Markets fell in May.").value == "2025-05"


def test_relative_periods() -> None:
    text = (
        "Earlier this month, at the start of the month, this year, last year, next week, "
        "today, yesterday and tomorrow."
    )
    assert values(text, "2025-06-23") == {
        "Earlier this month": "2025-06",
        "the start of the month": "2025-06",
        "this year": "2025",
        "last year": "2024",
        "next week": "2025-W27",
        "today": "2025-06-23",
        "yesterday": "2025-06-22",
        "tomorrow": "2025-06-24",
    }


def test_years_durations_and_references() -> None:
    text = "In 2022 and in February 2022 it grew; in the past few years it slowed down. Now it is"
    assert values(text) == {
        "2022": "2022",
        "February 2022": "2022-02",
        "the past few years": "PXY",
        "Now": "PRESENT_REF",
    }
    kinds = {t.text: t.type for t in find_timexes(text, anchor=ANCHOR)}
    assert kinds["the past few years"] == "DURATION"


def test_a_duration_before_an_unknown_reference_stays_a_duration() -> None:
    match = only("Two days after the vote, the assembly dissolved itself.")
    assert (match.type, match.value) == ("DURATION", "P2D")


def test_numbers_that_are_not_years() -> None:
    found = find_timexes("Some 2000 people marched; the ship left at 1930 GMT.", anchor=ANCHOR)
    assert [(t.text, t.type, t.value) for t in found] == [
        ("1930 GMT", "TIME", "2025-06-25T19:30Z")  # a clock time on the report's day, not 1930
    ]
    assert find_timexes("The index gained 2015.5 points, or 3.2%.", anchor=ANCHOR) == []
    assert find_timexes("A 34-year-old man was arrested.", anchor=ANCHOR) == []


def test_ago_quarters_seasons_and_sets() -> None:
    text = "Two weeks ago the firm reported third-quarter results; it pays dividends every Monday."
    assert values(text) == {
        "Two weeks ago": "2025-06-11",
        "third-quarter": "2024-Q3",
        "every Monday": "XXXX-WXX-1",
    }
    assert only("Exports rose in the second quarter of 2024.").value == "2024-Q2"
    assert only("The offensive is expected this summer.").value == "2025-SU"


def test_clock_time_joins_its_day() -> None:
    match = only("The rally began on Tuesday at 3 p.m.")
    assert (match.type, match.value) == ("TIME", "2025-06-24T15:00")


def test_unknown_anchor_year_is_never_guessed() -> None:
    assert only("Fighting resumed on Oct. 1.", "--10-05").value == "XXXX-10-01"
    assert only("Fighting resumed yesterday.", "--10-05").value == "XXXX-10-04"
    assert only("Fighting resumed on Monday.", "--10-05").value == "XXXX-WXX-1"
    assert only("Fighting resumed in January.", "--10-05").value == "XXXX-01"
    assert only("Fighting resumed yesterday.", "--03-01").value == "XXXX-XX-XX"  # leap year?


def test_no_anchor_keeps_relative_values_unknown() -> None:
    match = only("Fighting resumed yesterday.", None)
    assert (match.value, match.anchor) == ("XXXX-XX-XX", None)
    assert only("It ended in 1998.", None).value == "1998"


def test_expressions_do_not_cross_line_breaks() -> None:
    found = normalise("Markets closed on Friday\nJune 20, 2025\nTrading resumed.", anchor=ANCHOR)
    assert [t.text for t in found] == ["Friday", "June 20, 2025"]


def test_bad_anchor_is_an_input_error() -> None:
    with pytest.raises(InputError):
        find_timexes("today", anchor="23/06/2025")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-06-23", ("2025-06-23", "day")),
        ("2025-06-23T15:00", ("2025-06-23", "day")),
        ("XXXX-06-23", ("--06-23", "monthday")),
        ("2025-06", ("2025-06", "month")),
        ("2024", ("2024", "year")),
        ("2024-W23", ("2024-06-03", "week")),
        ("2024-Q3", ("2024", "year")),
        ("PRESENT_REF", (None, None)),
        ("P2D", (None, None)),
        ("XXXX-WXX-1", (None, None)),
        ("199", (None, None)),
    ],
)
def test_date_of(value: str, expected: tuple[str | None, str | None]) -> None:
    assert date_of(value) == expected


# --- HeidelTime-class expressions (issue 9, item 5) -------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("The dam held for a century.", "a century", "P100Y"),
        ("Rescuers searched for hours.", "hours", "PTXH"),
        ("The strike lasted months.", "months", "PXM"),
        ("Turnout was the lowest in years.", "years", "PXY"),
    ],
)
def test_durations_without_numbers(text: str, span: str, value: str) -> None:
    assert values(text) == {span: value}


def test_plural_units_without_a_cue_are_nouns() -> None:
    assert values("Opening hours are posted and the months are named after gods.") == {}


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Mills spread in the 19th century.", "the 19th century", "18"),
        ("Since the late eighteenth century the town grew.", "the late eighteenth century", "17"),
        ("Trade boomed in the 1990s.", "the 1990s", "199"),
    ],
)
def test_centuries_and_decades(text: str, span: str, value: str) -> None:
    assert values(text) == {span: value}


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The board meets every week.", "P1W"),
        ("Pilgrims come each spring.", "XXXX-SP"),
        ("The bus runs twice a day.", "P1D"),
        ("Guards patrol every evening.", "XXXX-XX-XXTEV"),
    ],
)
def test_sets(text: str, value: str) -> None:
    match = only(text)
    assert (match.type, match.value) == ("SET", value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The truce holds until March.", "2026-03"),
        ("The truce lasted until March.", "2025-03"),
        ("A ruling was expected in April.", "2026-04"),
        ("The vote was delayed to Friday.", "2025-06-27"),
        ("The launch was postponed until September.", "2025-09"),
    ],
)
def test_future_directed_expressions(text: str, value: str) -> None:
    assert only(text).value == value


def test_story_time_anchors_anaphoric_expressions() -> None:
    text = "On 12 May 2011 the mine flooded. Two days later all were out. That year was bleak."
    assert values(text) == {
        "12 May 2011": "2011-05-12",
        "Two days later": "2011-05-14",
        "That year": "2011",
    }


def test_story_time_too_coarse_leaves_the_day_unknown() -> None:
    found = values("One summer evening in 2009 she left. The next morning she called.")
    assert found == {"summer evening in 2009": "2009-SU", "The next morning": "2009-XX-XXTMO"}


def test_anaphors_without_a_story_date_use_the_anchor() -> None:
    assert only("The following day the talks resumed.").value == "2025-06-26"


def test_deictic_expressions_keep_the_publication_anchor() -> None:
    found = values("The treaty was signed in 2009. Yesterday it was renewed.")
    assert found["Yesterday"] == "2025-06-24"


@pytest.mark.parametrize(
    ("text", "day_first", "value"),
    [
        ("Signed on 7/8/07 in Paris.", None, "2007-07-08"),
        ("Signed on 08.07.2007 in Paris.", None, "2007-07-08"),
        ("Signed on 7/8/07 in Paris.", True, "2007-08-07"),
        ("Signed on 25/12/2024 in Paris.", False, "2024-12-25"),
    ],
)
def test_numeric_dates_with_locale_hints(text: str, day_first: bool | None, value: str) -> None:
    assert values(text, anchor="2007-07-09", day_first=day_first) == {text[10:-10]: value}


def test_impossible_numeric_dates_and_versions_are_not_dates() -> None:
    assert values("Version 13/13/2020 and ratio 1.2.3 and 31/02/2020.") == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The 1914-18 war.", {"1914": "1914", "18": "1918"}),
        ("The 2015–2016 season.", {"2015": "2015", "2016": "2016"}),
    ],
)
def test_year_ranges_give_both_ends(text: str, expected: dict[str, str]) -> None:
    assert values(text) == expected


def test_iso_dates_are_not_year_ranges() -> None:
    assert values("Filed 2015-06-12.") == {"2015-06-12": "2015-06-12"}


def test_clock_times_take_the_report_day_and_their_zone() -> None:
    assert values("Trading closed at 16:00 UTC.") == {"16:00 UTC": "2025-06-25T16:00Z"}
    assert values("Talks will resume at 3 p.m. on Friday.") == {
        "3 p.m. on Friday": "2025-06-27T15:00"
    }
    assert values("Trading closed at 16:00 UTC.", anchor="--06-25") == {
        "16:00 UTC": "XXXX-XX-XXT16:00Z"
    }


@pytest.mark.parametrize(
    ("text", "span", "value"),
    [
        ("Shares fell for six straight days.", "six straight days", "P6D"),
        ("Exports shrank for two consecutive quarters.", "two consecutive quarters", "P2Q"),
        ("The firm posted its first annual loss.", "annual", "P1Y"),
    ],
)
def test_more_durations_and_sets(text: str, span: str, value: str) -> None:
    assert values(text) == {span: value}
