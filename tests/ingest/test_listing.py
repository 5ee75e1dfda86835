"""Listing pages read as items; article pages, forum indexes and shops are not (issue 9, item 8)."""

from __future__ import annotations

import pytest

from eventline.errors import FormatError
from eventline.ingest.html import extract_html
from eventline.ingest.listing import links_to_article, read_listing


def _card(n: int, *, extra: str = "") -> str:
    return (
        f'<div class="card"><h3><a href="/news/2025/06/{n:02d}/story-number-{n}">Ministers meet'
        f" again over grain exports, round {n}</a></h3><p>Officials said the round {n} talks"
        f" covered rail tariffs and border checks.</p><time datetime='2025-06-{n:02d}'>x</time>"
        f"{extra}</div>"
    )


def _page(body: str, *, head: str = "") -> str:
    return f"<html><head><title>Page</title>{head}</head><body>{body}</body></html>"


def test_a_section_front_gives_one_item_per_card() -> None:
    listing = read_listing(_page("<h1>Trade</h1>" + "".join(_card(n) for n in (3, 4, 5, 6))))
    assert listing is not None and listing.refused is None
    assert listing.topic == "Trade"
    assert [i.published for i in listing.items] == [f"2025-06-0{n}" for n in (3, 4, 5, 6)]
    first = listing.items[0]
    assert first.title == "Ministers meet again over grain exports, round 3"
    assert (
        first.teaser == "Officials said the round 3 talks covered rail tariffs and border checks."
    )
    assert first.fetch


def test_an_article_with_related_links_is_not_a_listing() -> None:
    story = "<p>" + " ".join(["The delegations met in the capital to discuss tariffs."] * 40)
    related = "".join(
        f'<li><a href="/news/2025/06/0{n}/story-{n}">Another story about the region {n}</a></li>'
        for n in range(1, 6)
    )
    assert (
        read_listing(_page(f"<article><h1>Talks</h1>{story}</p></article><ul>{related}</ul>"))
        is None
    )


def test_too_few_cards_are_not_a_listing() -> None:
    assert read_listing(_page(_card(1) + _card(2))) is None


@pytest.mark.parametrize(
    ("extra", "reason"),
    [("<td>48 replies</td><td>2,310 views</td>", "forum"), ("<span>$34.99</span>", "product")],
)
def test_forum_threads_and_product_cards_are_refused(extra: str, reason: str) -> None:
    listing = read_listing(_page("".join(_card(n, extra=extra) for n in (1, 2, 3, 4))))
    assert listing is not None and not listing.items
    assert listing.refused is not None and reason in listing.refused


def test_extract_html_refuses_a_forum_index_with_its_reason() -> None:
    html = _page("".join(_card(n, extra="<span>12 replies</span>") for n in (1, 2, 3)))
    with pytest.raises(FormatError, match="forum index"):
        extract_html(html, source="forum.html", max_bytes=1_000_000, timeout=10)


def test_extract_html_marks_a_listing_and_places_items_in_the_text() -> None:
    html = _page("<h1>Trade</h1>" + "".join(_card(n) for n in (3, 4, 5)))
    text, hints = extract_html(html, source="front.html", max_bytes=1_000_000, timeout=10)
    assert hints.kind == "listing" and hints.title == "Trade" and len(hints.listing) == 3
    for item in hints.listing:
        assert text[item.start : item.end].startswith(item.title)


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://x.example/world/2025/06/24/ceasefire-holds", True),
        ("https://x.example/ceasefire-holds-through-night", True),
        ("https://x.example/tag/sanctions", False),
        ("https://x.example/search?q=grain", False),
        ("https://x.example/world", False),
        (None, False),
    ],
)
def test_links_to_article(url: str | None, expected: bool) -> None:
    assert links_to_article(url, "https://x.example/world") is expected


def test_a_read_more_link_to_the_same_article_stays_in_its_card() -> None:
    cards = "".join(
        f'<div class="c"><h2><a href="/a/2025/06/0{n}/s">Port workers end strike, round {n}</a>'
        f'</h2><a href="/a/2025/06/0{n}/s">Read more about the deal signed on day {n}</a></div>'
        for n in (1, 2, 3)
    )
    listing = read_listing(_page(cards))
    assert listing is not None
    assert [i.title for i in listing.items] == [
        f"Port workers end strike, round {n}" for n in (1, 2, 3)
    ]
    assert listing.items[0].teaser == "Read more about the deal signed on day 1"


def test_a_short_article_with_a_most_read_box_is_not_a_listing() -> None:
    story = "".join(
        f"<p>Dock workers voted on day {n} to accept a contract that ends a strike which had"
        " halted container traffic and left ships waiting offshore.</p>"
        for n in (1, 2, 3)
    )
    box = "".join(
        f'<div class="mr"><a href="/2025/06/0{n}/x">Council approves harbour budget item {n}</a>'
        f"<p>The plan adds money for dredging and a new ferry terminal, part {n}.</p></div>"
        for n in (1, 2, 3, 4)
    )
    assert read_listing(_page(f"<article><h1>Strike ends</h1>{story}</article>{box}")) is None


def test_a_chinese_news_list_is_a_listing() -> None:
    rows = "".join(
        f'<li><a href="/2025/07/0{n}/a{n}.html">欧盟外长会议讨论新一轮制裁措施第{n}次</a>'
        f'<span class="time">2025-07-0{n} 09:20</span></li>'
        for n in (1, 2, 3, 4)
    )
    listing = read_listing(_page(f"<h1>国际新闻</h1><ul>{rows}</ul>"))
    assert listing is not None and len(listing.items) == 4
    assert listing.items[0].published == "2025-07-01"


def test_a_flat_layout_keeps_teasers_with_their_headlines() -> None:
    rows = "".join(
        f'<h2><a href="/n/2025/06/0{n}/i-{n}">Regional ministers sign water accord {n}</a></h2>'
        f"<p>The accord shares river flows between the upstream and downstream states, part {n},"
        " officials told reporters after the ceremony.</p>"
        f'<span class="date">2025-06-0{n}</span>'
        for n in (1, 2, 3, 4)
    )
    listing = read_listing(_page(f"<h1>Water</h1><div>{rows}</div>"))
    assert listing is not None and len(listing.items) == 4
    assert listing.items[1].teaser is not None and "part 2," in listing.items[1].teaser
    assert listing.items[1].published == "2025-06-02"


def test_a_script_link_on_a_card_is_no_item_url() -> None:
    cards = "".join(_card(n) for n in (3, 4, 5)) + _card(6).replace(
        'href="/news/2025/06/06/story-number-6"', 'href="javascript:void(0)"'
    )
    listing = read_listing(_page(cards))
    assert listing is not None and len(listing.items) >= 3
    assert not any((item.url or "").startswith("javascript") for item in listing.items)
