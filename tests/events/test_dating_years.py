"""Years filled in from the publication date (`dating_years`), without a parser."""

from __future__ import annotations

from eventline.events.dating_years import past_year, year_from_month


def test_a_yearless_past_day_weeks_after_the_report_is_last_years() -> None:
    assert past_year("2025-10-07", "October 7", "2025-06-20", "past") == "2024-10-07"


def test_a_day_near_the_report_a_written_year_or_a_plan_stay() -> None:
    assert past_year("2025-06-25", "June 25", "2025-06-20", "past") == "2025-06-25"
    assert past_year("2025-10-07", "Oct. 7, 2025", "2025-06-20", "past") == "2025-10-07"
    assert past_year("2025-10-07", "October 7", "2025-06-20", "future") == "2025-10-07"
    assert past_year("2025-10", "October", "2025-06-20", "past") == "2025-10"


def test_a_month_in_an_article_known_to_its_month() -> None:
    assert year_from_month("XXXX-08", "2024-10") == "2024-08"
    assert year_from_month("XXXX-11", "2024-10") == "2023-11"
