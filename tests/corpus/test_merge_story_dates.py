"""Story-level dates: a mention its report leaves undated (a report known only to its month,
or not dated at all) merges with the mention of the same happening that a story-mate or copy
dates, and takes that date; on hand-built records."""

from __future__ import annotations

import json
from datetime import date

from eventline.corpus.merge import (
    MentionDays,
    dates_compatible,
    merge_events,
    merge_rules,
    merge_with_summaries,
    propagated_dates,
    summary_cluster,
    summary_fits,
)
from eventline.model import Article, Published, content_id
from tests.corpus.helpers import make
from tests.corpus.test_merge import mention


def _month_article(aid: str, month: str) -> Article:
    article = make(aid, "", None, outlet=f"Outlet {aid}")
    published = Published(value=month, precision="month", evidence="test")
    return article.model_copy(update={"published": published})


ARTICLES = {
    "dated": make("dated", "", "2024-10-14", outlet="Outlet dated"),
    "month": _month_article("month", "2024-10"),
    "undated": make("undated", "", None, outlet="Outlet undated"),
    "other": make("other", "", "2024-10-14", outlet="Outlet other"),
}
NO_COPIES: dict[str, str] = {}


def _stated() -> list:  # type: ignore[type-arg]
    return [mention("d1", "dated", date="2024-10-11", precision="day")]


def test_month_report_mention_takes_a_story_mates_day() -> None:
    coarse = mention("c1", "month", date="2024-10", precision="report")
    story = {"dated": "s1", "month": "s1"}
    mentions = [*_stated(), coarse]
    events = merge_events(mentions, articles=ARTICLES, duplicate_of=NO_COPIES, story_of=story)
    assert len(events) == 1
    assert (events[0].date, events[0].date_precision) == ("2024-10-11", "day")
    found = propagated_dates(mentions, articles=ARTICLES, story_of=story)
    assert found == {"c1": ("2024-10-11", "day")}


def test_month_report_mention_needs_a_link() -> None:
    """The same people by id are no evidence for a date as coarse as a month."""
    coarse = mention("c1", "month", date="2024-10", precision="report")
    story = {"dated": "s1", "month": "s2"}
    mentions = [*_stated(), coarse]
    assert (
        len(merge_events(mentions, articles=ARTICLES, duplicate_of=NO_COPIES, story_of=story)) == 2
    )
    assert propagated_dates(mentions, articles=ARTICLES, story_of=story) == {}


def test_month_report_never_takes_a_date_after_its_month() -> None:
    """A report cannot tell of what happened after it was published."""
    coarse = mention("c1", "month", date="2024-10", precision="report")
    later = mention("d2", "dated", date="2024-11-20", precision="day")
    story = {"dated": "s1", "month": "s1"}
    mentions = [later, coarse]
    assert propagated_dates(mentions, articles=ARTICLES, story_of=story) == {}
    october = MentionDays("coarse", date(2024, 10, 1).toordinal(), date(2024, 10, 31).toordinal())
    for day, fits in (
        (date(2024, 9, 28), True),
        (date(2024, 11, 1), True),
        (date(2024, 11, 5), False),
    ):
        when = MentionDays("exact", day.toordinal(), day.toordinal(), day=True)
        assert dates_compatible(october, when, merge_rules()) is fits


def test_undated_report_mention_takes_its_story_date_only() -> None:
    undated = mention("u1", "undated", date=None, precision=None)
    mentions = [*_stated(), undated]
    story = {"dated": "s1", "undated": "s1"}
    assert propagated_dates(mentions, articles=ARTICLES, story_of=story) == {
        "u1": ("2024-10-11", "day")
    }
    assert propagated_dates(mentions, articles=ARTICLES, story_of={"dated": "s1"}) == {}


def test_report_dated_mention_after_the_event_takes_its_date() -> None:
    reported = mention("r1", "other", date="2024-10-14", precision="report")
    mentions = [*_stated(), reported]
    story = {"dated": "s1", "other": "s1"}
    assert propagated_dates(mentions, articles=ARTICLES, story_of=story) == {
        "r1": ("2024-10-11", "day")
    }


def test_event_id_comes_from_the_first_report() -> None:
    coarse = mention("c1", "month", date="2024-10", precision="report")
    undated = mention("u1", "undated", date=None, precision=None)
    story = dict.fromkeys(ARTICLES, "s1")
    for mentions in ([*_stated(), coarse, undated], [undated, coarse, *_stated()]):
        events = merge_events(mentions, articles=ARTICLES, duplicate_of=NO_COPIES, story_of=story)
        assert [e.id for e in events] == [content_id("evt", "c1")]  # "2024-10" sorts first


def test_summary_fits_takes_story_mates_as_merging_does() -> None:
    """The incremental path: a stored event's summary takes a month-report or undated
    mention of a story-mate, and refuses it from an unrelated story."""
    merged = merge_with_summaries(
        _stated(), articles=ARTICLES, duplicate_of=NO_COPIES, story_of={"dated": "s1"}
    )
    summaries = [summary_cluster(json.loads(json.dumps(data))) for _, _, data in merged]
    for art, value, precision in (("month", "2024-10", "report"), ("undated", None, None)):
        probe = mention(f"p_{art}", art, date=value, precision=precision)
        for story, expected in (("s1", [0]), ("s2", [])):
            found = summary_fits(
                probe,
                ARTICLES[art],
                [s for s in summaries if s is not None],
                duplicate_of=NO_COPIES,
                story_of={"dated": "s1", art: story},
            )
            assert found == expected, (art, story)


def test_a_month_of_unknown_year_is_that_month_not_the_report_day() -> None:
    from eventline.corpus.merge import mention_date

    undated = ARTICLES["undated"]
    yearless = make("yearless", "", None, outlet="Outlet yearless")
    published = Published(value="--06-23", precision="day", evidence="test")
    yearless = yearless.model_copy(update={"published": published})
    when = mention_date(mention("m1", "yearless", date="--06", precision="month"), yearless)
    assert when.kind == "exact" and when.monthday and not when.day
    assert (date.fromordinal(when.lo), date.fromordinal(when.hi)) == (
        date(2000, 6, 1),
        date(2000, 6, 30),
    )
    impossible = mention_date(mention("m2", "undated", date="--13", precision="month"), undated)
    assert impossible.kind != "exact"  # an impossible month is no date of its own, no error
