"""Story-level dating of reports of unknown day (`corpus.story_dates`), on hand-built records:
a month-only report's "met Wednesday" joins a story-mate's stated day, the report gets that
day as its reference, and its other undated and weekday mentions are dated by it."""

from __future__ import annotations

from eventline.corpus.story_dates import (
    StoryDate,
    apply_story_dates,
    original_dates,
    story_dated,
)
from eventline.model import Article, EventMention, Published, Timex
from tests.corpus.helpers import make
from tests.corpus.test_merge import mention


def _month(aid: str, month: str) -> Article:
    article = make(aid, "", None, outlet=f"Outlet {aid}")
    return article.model_copy(
        update={"published": Published(value=month, precision="month", evidence="test")}
    )


# 2023-05-17 is a Wednesday.
ARTICLES = {
    "dated": make("dated", "", "2023-05-19", outlet="Outlet dated"),
    "month": _month("month", "2023-05"),
    "undated": make("undated", "", None, outlet="Outlet undated"),
}
STORY = {"dated": "s1", "month": "s1", "undated": "s1"}


def _weekday(art: str, start: int, day: int) -> Timex:
    return Timex(
        id=f"t{art}{start}",
        article=art,
        start=start,
        end=start + 3,
        text="Wed",
        type="DATE",
        value=f"XXXX-WXX-{day}",
    )


def _run(
    mentions: list[EventMention], timexes: list[Timex]
) -> tuple[dict[str, EventMention], dict[str, StoryDate]]:
    out, estimates = story_dated(
        mentions, articles=ARTICLES, duplicate_of={}, story_of=STORY, timexes=timexes
    )
    return {m.id: m for m in out}, estimates


def _month_mentions() -> list[EventMention]:
    return [
        mention("d1", "dated", date="2023-05-17", precision="day"),
        mention("c1", "month", date="2023-05", precision="report", start=0),
        mention("c2", "month", type_="ACCUSE", date="2023-05", precision="report", start=100),
        mention("c3", "month", type_="THREATEN", date="2023-05", precision="report", start=200),
        mention("c4", "month", type_="AID", date="2022", precision="year", start=300),
    ]


def test_a_matching_bare_weekday_dates_the_report_and_its_other_mentions() -> None:
    timexes = [_weekday("month", 2, 3), _weekday("month", 202, 1)]  # Wednesday; Monday
    out, estimates = _run(_month_mentions(), timexes)
    assert estimates["month"] == StoryDate("month", "2023-05-17", "day", "d1")
    assert (out["c1"].date, out["c1"].date_precision) == ("2023-05-17", "day")
    assert (out["c2"].date, out["c2"].date_precision) == ("2023-05-17", "report")
    assert (out["c3"].date, out["c3"].date_precision) == ("2023-05-15", "day")  # Monday before
    assert (out["c4"].date, out["c4"].date_precision) == ("2022", "year")  # stated: kept
    assert out["d1"].date == "2023-05-17"


def test_a_weekday_that_does_not_match_or_no_weekday_gives_a_month_report_nothing() -> None:
    out, estimates = _run(_month_mentions(), [_weekday("month", 2, 5)])  # Friday
    assert estimates == {}
    assert out["c2"].date == "2023-05"
    _, estimates = _run(_month_mentions(), [])
    assert estimates == {}


def test_an_undated_report_joining_a_dated_event_gets_its_month() -> None:
    mentions = [
        mention("d1", "dated", date="2023-05-17", precision="day"),
        mention("u1", "undated", date=None, precision=None),
        mention("u2", "undated", type_="REQUEST", date=None, precision=None, start=50),
    ]
    out, estimates = _run(mentions, [])
    assert estimates["undated"] == StoryDate("undated", "2023-05", "month", "d1")
    assert (out["u2"].date, out["u2"].date_precision) == ("2023-05", "report")


def test_reports_outside_the_story_are_not_dated_by_it() -> None:
    mentions = [
        mention("d1", "dated", date="2023-05-17", precision="day"),
        mention("u1", "undated", date=None, precision=None),
    ]
    out, estimates = story_dated(
        mentions, articles=ARTICLES, duplicate_of={}, story_of={"dated": "s1"}, timexes=[]
    )
    assert estimates == {}
    assert out[1].date is None


def test_the_estimate_does_not_depend_on_mention_order() -> None:
    timexes = [_weekday("month", 2, 3)]
    forward = _run(_month_mentions(), timexes)[1]
    backward = _run(list(reversed(_month_mentions())), timexes)[1]
    assert forward == backward


def test_a_month_estimate_dates_report_mentions_to_the_month() -> None:
    estimate = apply_story_dates(
        [mention("x", "month", date="2023-05", precision="report")],
        {"month": StoryDate("month", "2023-05", "month", "d1")},
    )
    assert (estimate[0].date, estimate[0].date_precision) == ("2023-05", "report")


def test_estimating_again_from_re_dated_mentions_gives_the_same_dates() -> None:
    timexes = [_weekday("month", 2, 3), _weekday("month", 202, 1)]
    mentions = _month_mentions()
    first, estimates = _run(mentions, timexes)
    own = original_dates(mentions, list(first.values()))
    assert own["c2"] == ("2023-05", "report") and "d1" not in own and "c4" not in own
    again, estimates_again = story_dated(
        list(first.values()),
        articles=ARTICLES,
        duplicate_of={},
        story_of=STORY,
        timexes=timexes,
        originals=own,
    )
    assert estimates_again == estimates
    assert {m.id: m for m in again} == first
