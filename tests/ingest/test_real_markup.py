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


def test_links_inside_story_paragraphs_are_no_cards() -> None:
    paragraphs = "".join(
        f'<p class="body-text">The council said on day {n} that the report, published in <a '
        f'href="/2024/03/0{n}/report-{n}">the journal of island transport</a>, supports the '
        "new timetable for the winter months.</p>"
        for n in range(1, 8)
    )
    html = f"<html><body><h1>Ferry timetable approved</h1>{paragraphs}</body></html>"
    assert read_listing(html, main_text="") is None


def test_a_section_front_with_a_lead_teaser_and_menus_is_a_listing() -> None:
    menu = " | ".join(["Home", "World", "Business", "Sport", "Travel", "Tech", "Video"])
    lead = (
        "<p>A storm has closed three ports along the coast and cut power to thousands of "
        "homes, officials say, as crews work through the night.</p>"
    )
    cards = "".join(
        f'<li class="row"><a href="/2024/03/0{n}/story-{n}">Harbour crews clear storm debris in'
        f" town number {n} before the weekend markets reopen</a></li>"
        for n in range(1, 10)
    )
    footer = "<p>© 2024 Example News Network. All rights reserved. Terms apply to all use.</p>"
    body = f"<p>{menu}</p>{lead}{lead}<ul>{cards}</ul><p>{menu}</p>{footer}"
    page = f"<html><body>{body}</body></html>"
    main = "\n".join([menu, lead[3:-4], lead[3:-4], menu, footer[3:-4]])
    listing = read_listing(page, main_text=main)
    assert listing is not None and len(listing.items) == 9


def test_a_date_followed_by_its_update_time_is_the_update() -> None:
    from eventline.ingest.pagedate import read_printed

    printed = read_printed("March 5, 2024 -- Updated 0203 GMT (1003 HKT)", day_first=False)
    assert printed.published is None and printed.updated == "2024-03-05"


def test_footer_links_are_no_items_and_a_lead_headline_is_no_topic() -> None:
    lead = '<h1><a href="/2024/03/04/ferry-vote">Ferry crews vote to end the strike</a></h1>'
    stories = "".join(_card(n) for n in range(1, 6))
    footer = "".join(
        f'<li class="foot"><a href="https://corp.example.com/{slug}">{text}</a></li>'
        for slug, text in (("terms", "Terms of service"), ("ads", "Advertise with us"),
                           ("jobs", "Work for us today"))
    )  # fmt: skip
    page = (
        "<html><head><title>Island News - Front page</title></head><body>"
        f"{lead}{stories}<ul>{footer}</ul></body></html>"
    )
    listing = read_listing(page)
    assert listing is not None and listing.topic == "Island News - Front page"
    assert [i.title for i in listing.items if "service" in i.title or "Work" in i.title] == []
    assert len(listing.items) == 5


def test_a_levantine_and_egyptian_month_pair_is_read() -> None:
    from eventline.ingest.pagedate import read_printed

    printed = read_printed("الثلاثاء، 5 آذار/مارس 2024، آخر تحديث 10:00", day_first=True)
    assert printed.published == "2024-03-05"
    assert read_printed("12 اغسطس 2023", day_first=True).published == "2023-08-12"
