"""Markup seen on real crawled pages (benchmarks/real_pages.py): HTML comments between cards
and before the headline are no elements and must not stop a page from being read."""

from __future__ import annotations

from eventline.ingest.html import extract_html
from eventline.ingest.listing import read_listing
from eventline.ingest.pagedate import printed_dates

_STORY = "".join(
    f"<p>The regional council approved the new ferry timetable on day {n} of the session, "
    "after months of complaints from island residents about cancelled crossings.</p>"
    for n in range(1, 7)
)


def _card(n: int) -> str:
    return (
        f'<div class="card"><h3><a href="/news/2024/03/{n:02d}/ferry-story-{n}">Ferry crews'
        f" vote on a new roster, round {n}</a></h3><!-- card end --></div><!-- ad slot {n} -->"
    )


def test_comments_between_cards_do_not_break_a_listing() -> None:
    body = "<h1>Transport</h1>" + "".join(_card(n) for n in range(1, 6))
    listing = read_listing(f"<html><body>{body}</body></html>")
    assert listing is not None and len(listing.items) == 5


def test_a_comment_before_the_headline_is_skipped_when_reading_the_date() -> None:
    html = (
        "<html><body><div><!-- kicker --><span>Transport</span><h1>Ferry timetable approved"
        "</h1><p class='date'>March 4, 2024</p></div>" + _STORY + "</body></html>"
    )
    assert printed_dates(html, title="Ferry timetable approved").published is not None


def test_an_article_with_commented_markup_is_read() -> None:
    html = (
        "<html><head><title>Ferry timetable approved</title></head><body><div><!-- top -->"
        "<h1>Ferry timetable approved</h1><!-- byline --></div><article><!-- body -->"
        + _STORY
        + "</article></body></html>"
    )
    text, hints = extract_html(html, source="t.html", max_bytes=10**7, timeout=30)
    assert "ferry timetable" in text and hints.kind != "listing"
