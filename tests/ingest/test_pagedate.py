"""The date a page prints under its headline (issue 9, item 7): read from the story's header
only, told apart from an update, in any script, and weighed above htmldate's reading of
date-classed elements elsewhere on the page."""

from __future__ import annotations

import pytest

from eventline.ingest.html import extract_html
from eventline.ingest.pagedate import (
    local_timestamp,
    markup_states,
    markup_timestamp,
    printed_dates,
    read_printed,
)

STORY = (
    "<p>The harbour board voted late on Wednesday to rebuild the old fish market as a covered "
    "hall for traders, ending two years of argument over the site and its future use.</p>"
    "<p>Work is expected to begin in the autumn once the design has been approved by the city "
    "planners, who have asked for a second public consultation on the layout.</p>"
)


def _page(header: str, *, lang: str = "en", head: str = "", after: str = "") -> str:
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><title>Market hall approved</title>{head}'
        '</head><body><div class="top"><a href="/">Home</a></div>'
        f'<h1>Market hall approved</h1><div class="byline">{header}</div>'
        f'<div class="story">{STORY}</div>{after}</body></html>'
    )


RELATED = (
    '<div class="related-stories"><ul><li><a href="/a">Board delays vote</a> '
    '<span class="time">{0}</span></li></ul></div>'
    '<div class="comments"><span class="ctime">{1}</span><p>Good news.</p></div>'
)


def test_header_date_is_read_and_other_stories_dates_are_not() -> None:
    html = _page("By Ann Lee | Posted 04/09/2019", after=RELATED.format("03/28/2019", "04/10/2019"))
    # "03/28" elsewhere on the page shows the outlet writes month first
    assert printed_dates(html).published == "2019-04-09"


def test_numeric_day_order_follows_the_page_then_the_language() -> None:
    page_day_first = _page("Posted 04/09/2019", after=RELATED.format("28/03/2019", "x"))
    assert printed_dates(page_day_first).published == "2019-09-04"
    assert printed_dates(_page("Posted 04/09/2019", lang="en-GB")).published == "2019-09-04"
    assert printed_dates(_page("Posted 04/09/2019", lang="en-US")).published == "2019-04-09"
    # dotted dates are day-first wherever they are written
    assert printed_dates(_page("Posted 04.09.2019", lang="en")).published == "2019-09-04"


@pytest.mark.parametrize(
    ("header", "lang", "published", "updated"),
    [
        ("Lucía Pérez · 7 de agosto de 2022, 09:15 · Actualizado 8 ago 2022", "es",
         "2022-08-07T09:15", "2022-08-08"),
        ("Пётр Иванов, 12.10.2021 18:05 Обновлено 13.10.2021", "ru",
         "2021-10-12T18:05", "2021-10-13"),
        ("이지은 기자 | 입력 2022.11.03 07:30 | 수정 2022.11.04 10:00", "ko",
         "2022-11-03T07:30", "2022-11-04T10:00"),
        ("记者 王芳 | 发布时间：2021年5月6日 10:20 | 修改：2021年5月7日", "zh",
         "2021-05-06T10:20", "2021-05-07"),
        ("Mis à jour le 3 février 2023", "fr", None, "2023-02-03"),
    ],
)  # fmt: skip
def test_published_and_updated_stamps_are_told_apart(
    header: str, lang: str, published: str | None, updated: str | None
) -> None:
    found = printed_dates(_page(header, lang=lang))
    assert (found.published, found.updated) == (published, updated)


def test_arabic_indic_digits_and_arabic_month_names() -> None:
    # "الأربعاء ١٤ يونيو ٢٠٢٣" and a Persian-digit date with a Levantine month name
    assert read_printed("الأربعاء ١٤ يونيو ٢٠٢٣", day_first=True).published == "2023-06-14"
    assert read_printed("۲ آذار ۲۰۲۲", day_first=True).published == "2022-03-02"
    assert read_printed("٢٠٢٣/٠٦/١٤ ١٠:٠٥", day_first=True).published == "2023-06-14T10:05"


def test_no_headline_or_no_date_gives_nothing() -> None:
    assert printed_dates("<html><body><p>no headline here 2020-01-01</p></body></html>") == (
        printed_dates("<html></html>")
    )
    assert printed_dates(_page("By Ann Lee")).published is None


def test_markup_timestamp_keeps_its_offset() -> None:
    head = '<meta property="article:published_time" content="2022-03-01T22:10:00+00:00">'
    assert markup_timestamp(_page("", head=head), "2022-03-01") == "2022-03-01T22:10:00+00:00"
    assert markup_timestamp(_page("", head=head), "2022-03-02") is None


def test_date_classed_span_is_not_markup() -> None:
    html = _page("Posted 04/09/2019", after=RELATED.format("03/28/2019", "x"))
    assert not markup_states(html, "2019-03-28")
    head = '<meta name="pubdate" content="2019-04-09">'
    assert markup_states(_page("", head=head), "2019-04-09")


def test_extract_html_prefers_the_header_over_a_related_story_date() -> None:
    html = _page(
        "By Ann Lee | Posted 04/09/2019",
        after=RELATED.format("03/28/2019", "04/11/2019").replace("span class", "time class"),
    )
    _text, hints = extract_html(html, source="t", max_bytes=10**6, timeout=10)
    assert hints.printed_date == "2019-04-09"
    assert hints.published in (None, "2019-04-09")


def test_utc_stamp_moves_to_the_zone_of_a_one_zone_language() -> None:
    ja = '<html lang="ja"><head></head></html>'
    assert local_timestamp("2023-01-09T16:20:00Z", ja) == "2023-01-10T01:20:00+09:00"
    # English is read across many zones; a stamp with its own offset is already local
    assert local_timestamp("2023-01-09T16:20:00Z", "<html lang=en>") == "2023-01-09T16:20:00Z"
    kept = "2023-01-09T16:20:00-05:00"
    assert local_timestamp(kept, ja) == kept
    assert local_timestamp(None, ja) is None


def test_time_element_counts_as_markup_only_outside_related_lists() -> None:
    related = '<ul class="related"><li><time datetime="2019-03-28">Mar 28</time></li></ul>'
    html = _page("Posted 04/09/2019", after=related)
    assert not markup_states(html, "2019-03-28")
    own = _page('<time datetime="2019-04-09T08:00">Apr 9</time>')
    assert markup_states(own, "2019-04-09")
    # a related story's dated URL says nothing about this page
    linked = _page("x", after='<a href="/2019/03/28/board-delays-vote/">Board</a>')
    assert not markup_states(linked, "2019-03-28")
    canonical = '<link rel="canonical" href="https://example.org/2019/04/09/market-hall/">'
    assert markup_states(_page("x", head=canonical), "2019-04-09")


def test_a_deck_sentence_dates_the_event_not_the_page() -> None:
    deck = (
        '<p class="deck">Talks that began on 2 May 2019 ended without a deal, officials said.</p>'
        '<div class="byline">By Ann Lee, 9 May 2019</div>'
    )
    assert printed_dates(_page("", after="").replace('<div class="byline"></div>', deck)) == (
        printed_dates(_page("By Ann Lee, 9 May 2019"))
    )
    assert printed_dates(_page("By Ann Lee, 9 May 2019")).published == "2019-05-09"
