"""A listing page as one article of kind "listing" that carries its items.

The HTML reader found the items (headline, teaser, link, date, outlet); here each item takes
the page's metadata that it does not show itself (outlet, capture time, the page's topic or
tag), so an item read alone still says where and when it was seen. The listing's body is the
items' text, kept for search and display; the analysis codes no events from it.
"""

from __future__ import annotations

import datetime as dt

from eventline.clean.datecues import find_dates, parse_timestamp
from eventline.model import Article, Document, Hints, ListingItem, Piece, Published


def _day(value: str | None) -> str | None:
    """An ISO day for a date as a page shows it ("2025-06-24T07:10Z", "Aug 28, 2025",
    "2025年7月3日"); an age ("2 hours ago") or anything unreadable stays as shown."""
    if not value:
        return None
    stamp = parse_timestamp(value)
    if isinstance(stamp, dt.datetime):
        return stamp.date().isoformat()
    if isinstance(stamp, dt.date):
        return stamp.isoformat()
    found = [m for m in find_dates(value) if m.year is not None]
    if found:
        return dt.date(found[0].year or 0, found[0].month, found[0].day).isoformat()
    return value


def _published(value: str | None) -> Published | None:
    day = _day(value)
    if day is None or parse_timestamp(day) is None:
        return None
    return Published(value=day, precision="day", evidence="metadata", source="hints")


def _latest(items: tuple[ListingItem, ...]) -> Published | None:
    """A listing is as recent as its newest item: the page was current then."""
    days = [i.published for i in items if i.published and parse_timestamp(i.published)]
    if not days:
        return None
    evidence = "the newest item on the listing"
    return Published(value=max(days), precision="day", evidence=evidence, source="items")


def _with_page(item: ListingItem, hints: Hints, topic: str | None) -> ListingItem:
    return item.model_copy(
        update={
            "outlet": item.outlet or hints.outlet,
            "captured": item.captured or hints.captured,
            "topic": item.topic or topic,
            "published": _day(item.published),
        }
    )


def listing_article(doc: Document, number: int, hints: Hints, start: int, end: int) -> Article:
    """The article for a listing item region text[start:end] of `doc`."""
    body = doc.text[start:end]
    topic = hints.title or hints.section
    items = tuple(
        _with_page(item, hints, topic).model_copy(update={"start": item.start, "end": item.end})
        for item in hints.listing
    )
    return Article(
        id=Article.make_id(doc.id, number),
        document_id=doc.id,
        source_path=doc.source_path,
        item=number,
        kind="listing",
        title=hints.title,
        outlet=hints.outlet,
        section=hints.section,
        url=hints.url,
        published=_latest(items) or _published(hints.published or hints.page_date),
        body=body,
        pieces=(Piece(body_start=0, doc_start=start, length=len(body)),),
        items=items,
    )
