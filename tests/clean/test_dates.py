from __future__ import annotations

from eventline.clean import clean_document
from eventline.clean.dates import DateInputs, publication
from eventline.model import Hints
from tests.clean.helpers import text_doc


def _pub(body: str, **kw: object) -> tuple[str, str] | None:
    hints = kw.pop("hints", Hints())
    found = publication(DateInputs(hints=hints, body=body, **kw))  # type: ignore[arg-type]
    return (found.value, found.precision) if found else None


def test_metadata_is_strongest() -> None:
    body = "OSLO, March 4 (Reuters) - Norway said on Tuesday it would close the strait."
    assert _pub(body, hints=Hints(published="2024-03-05T08:00:00Z")) == ("2024-03-05", "day")


def test_day_and_month_without_year_stay_yearless() -> None:
    assert _pub("Norway said it would close the strait.", dateline_date="March 4") == (
        "--03-04",
        "monthday",
    )
    assert _pub("The ministers meet today (June 23) in Vienna, officials said.") == (
        "--06-23",
        "monthday",
    )


def test_year_from_internal_evidence() -> None:
    body = (
        "The ministers met on Monday (Jun 23) in Vienna.\n\n"
        "They last met on 2 June 2025, when talks broke down."
    )
    assert _pub(body) == ("2025-06-23", "day")


def test_full_dateline_date_and_printed_date_line() -> None:
    assert _pub("text", dateline_date="March 4, 2024") == ("2024-03-04", "day")
    assert _pub("text", date_lines=("Published 5 March 2024",)) == ("2024-03-05", "day")


def test_age_counts_back_from_capture_time() -> None:
    hints = Hints(captured="2025-06-24T03:00:00+00:00")
    assert _pub("Some text.", hints=hints, age="5 hours ago") == ("2025-06-23", "day")
    assert _pub("Some text.", age="5 hours ago") is None  # no capture time: no date


def test_weekday_after_latest_dated_event() -> None:
    body = "The minister told reporters on Tuesday that talks would continue."
    captions = "Delegates arrive for talks in Geneva on March 7, 2024."
    # 2024-03-07 is a Thursday; the next Tuesday is 2024-03-12
    assert _pub(body, captions=captions) == ("2024-03-12", "day")


def test_future_dates_bound_nothing_and_no_evidence_means_none() -> None:
    body = "The minister said on Tuesday the summit will open on March 30, 2031."
    assert _pub(body) is None
    assert _pub("The minister resigned after a long dispute with the cabinet.") is None


def test_a_weekday_the_bounds_cannot_pin_keeps_only_the_month() -> None:
    body = (
        "The two leaders met on Friday. On Oct. 1, 2026 the rebels seized the airport.\n\n"
        "They agreed to attend the upcoming summit scheduled for Oct. 28."
    )
    assert _pub(body) == ("2026-10", "month")


def test_listing_items_with_the_same_age_share_a_date() -> None:
    text = (
        "Gazette One\n7 hours ago\n- World\nLeaders meet in Vienna\n"
        "VIENNA, June 23 (Reuters) - Leaders met in Vienna on Monday. They last met on "
        "2 June 2025.\n\n"
        "Courier Two\n7 hours ago\n- World\nVienna meeting ends without deal\n"
        "The leaders ended their meeting without a deal, officials said.\n"
    )
    articles, _ = clean_document(text_doc(text))
    assert [a.published.value if a.published else None for a in articles] == [
        "2025-06-23",
        "2025-06-23",
    ]
    assert articles[1].published is not None
    assert "same age" in articles[1].published.evidence


def test_jsonld_date_published_of_the_page_not_of_the_claim() -> None:
    block = (
        '{"@type": "ClaimReview", "datePublished": "2025-08-14",'
        ' "itemReviewed": {"@type": "Claim", "datePublished": "2025-08-10"}}'
    )
    assert _pub("Some text.", hints=Hints(jsonld=(block,))) == ("2025-08-14", "day")
    assert _pub("Some text.", hints=Hints(jsonld=("not json",))) is None


def test_year_from_capture_time_when_the_text_gives_none() -> None:
    hints = Hints(captured="2025-01-03T09:00:00Z")
    found = publication(DateInputs(hints=hints, body="Talks ended.", dateline_date="Dec. 30"))
    assert found is not None
    assert (found.value, found.precision) == ("2024-12-30", "day")
    assert "capture" in found.evidence


def test_internal_evidence_beats_capture_time() -> None:
    body = "The treaty signed on January 17, 2025 took effect."
    hints = Hints(captured="2026-05-01")
    assert _pub(body, hints=hints, dateline_date="March 4") == ("2025-03-04", "day")


def test_yearless_values_are_counted() -> None:
    from eventline.clean.dates import count_yearless, is_yearless

    assert is_yearless("--08-15") and is_yearless("XXXX-08-15")
    assert not is_yearless("2025-08-15") and not is_yearless(None)
    assert count_yearless(["--08-15", "2025-08", None, "--01-01"]) == 2


def test_page_date_is_weaker_than_a_printed_date_and_stronger_than_none() -> None:
    hints = Hints(page_date="2025-03-02")
    assert _pub("Talks ended.", hints=hints) == ("2025-03-02", "day")
    printed = ("Published March 1, 2025",)
    assert _pub("Talks ended.", hints=hints, date_lines=printed) == ("2025-03-01", "day")


def test_printed_local_day_wins_over_a_utc_stamp_a_day_earlier() -> None:
    # 21:30 UTC is 06:30 the next morning at UTC+9: the page prints the local day
    hints = Hints(published="2022-02-14T21:30:00Z", printed_date="2022-02-15T06:30")
    assert _pub("text", hints=hints) == ("2022-02-15", "day")
    # a printed time no UTC offset explains leaves the metadata in charge
    odd = Hints(published="2022-02-14T21:30:00Z", printed_date="2022-02-15T06:07")
    assert _pub("text", hints=odd) == ("2022-02-14", "day")
    # two days apart is no time zone
    far = Hints(published="2022-02-14T21:30:00Z", printed_date="2022-02-16")
    assert _pub("text", hints=far) == ("2022-02-14", "day")


def test_printed_header_date_outranks_the_page_wide_date() -> None:
    hints = Hints(printed_date="2021-09-03", page_date="2021-08-30")
    assert _pub("text", hints=hints) == ("2021-09-03", "day")


def test_printed_update_only_when_no_publication_is_printed() -> None:
    both = Hints(printed_date="2021-09-03", printed_updated="2021-09-05")
    assert _pub("text", hints=both) == ("2021-09-03", "day")
    only = Hints(printed_updated="2021-09-05", page_date="2021-08-01")
    assert _pub("text", hints=only) == ("2021-09-05", "day")
