"""A listing page becomes one article of kind "listing" whose items carry the page's metadata."""

from __future__ import annotations

from eventline.clean import clean_document
from eventline.model import Document, Hints, Item, ListingItem


def _listing_doc() -> Document:
    text = "First headline about the port\nA teaser line.\n\nSecond headline about the rail"
    items = (
        ListingItem(title="First headline about the port", teaser="A teaser line.",
                    url="https://x.example/a/2025/06/01/port", published="2025-06-01T08:00:00Z",
                    fetch=True, start=0, end=44),
        ListingItem(title="Second headline about the rail", published="Jun 3, 2025",
                    outlet="Valley Daily", start=46, end=len(text)),
    )  # fmt: skip
    hints = Hints(
        kind="listing", title="Transport", outlet="Harbour Times",
        captured="2025-06-04T10:00:00Z", listing=items,
    )  # fmt: skip
    raw = text.encode()
    return Document(
        id=Document.make_id(raw), source_path="front.html", format="html", raw=raw, text=text,
        encoding="utf-8", items=(Item(start=0, end=len(text), hints=hints),),
    )  # fmt: skip


def test_listing_is_one_article_with_items() -> None:
    articles, rejected = clean_document(_listing_doc())
    assert not rejected and len(articles) == 1
    listing = articles[0]
    assert listing.kind == "listing" and listing.title == "Transport"
    assert [i.title for i in listing.items] == [
        "First headline about the port",
        "Second headline about the rail",
    ]
    for item in listing.items:
        assert listing.body[item.start : item.end].startswith(item.title)


def test_items_keep_the_page_metadata_and_normalise_dates() -> None:
    listing = clean_document(_listing_doc())[0][0]
    first, second = listing.items
    assert (first.outlet, second.outlet) == ("Harbour Times", "Valley Daily")
    assert {i.captured for i in listing.items} == {"2025-06-04T10:00:00Z"}
    assert {i.topic for i in listing.items} == {"Transport"}
    assert (first.published, second.published) == ("2025-06-01", "2025-06-03")
    assert (first.fetch, second.fetch) == (True, False)
    assert listing.published is not None and listing.published.value == "2025-06-03"
