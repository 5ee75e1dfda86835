"""Turn one ingested Document into Articles: split, sort lines, read metadata and dates.

Per item of the document: split it into articles (listing pages, rule-separated files), then
for each article pick the headline and standfirst, sort the remaining lines into body,
captions and removals (each with its reason), read the metadata and date the article. Parts
that hold no article come back as Rejections with their reason, never as silent drops.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from eventline.clean.boilerplate import Sorted, is_chrome, sort_lines
from eventline.clean.datecues import find_dates
from eventline.clean.dates import DateInputs, latest_past, publication
from eventline.clean.lines import Line, split_lines
from eventline.clean.listing import listing_article
from eventline.clean.metadata import (
    canonical_wire,
    clean_title,
    credited_wire,
    interview_outlet,
    pick_standfirst,
    pick_title,
    read_dateline,
    read_kind,
)
from eventline.clean.split import Header, Segment, Split, split_item
from eventline.clean.windows import edges
from eventline.model import Article, Document, Hints, Item, Piece, Rejection, Removal


@dataclass
class _Draft:
    """An article being read, before its number in the document is known."""

    segment: Segment
    hints: Hints
    title: str | None
    title_outlet: str | None
    standfirst: str | None
    sorted: Sorted
    head_removals: list[Removal]


def _merge_hints(doc: Document, item: Item) -> Hints:
    """Item hints first, document hints filling the gaps."""
    merged = doc.hints.model_dump()
    merged.update({k: v for k, v in item.hints.model_dump().items() if v not in (None, ())})
    return Hints.model_validate(merged)


def _removal(line: Line, reason: str) -> Removal:
    return Removal(start=line.start, end=line.end, reason=reason, text=line.text)


def _head(
    lines: list[Line], hints: Hints
) -> tuple[str | None, str | None, set[int], list[Removal]]:
    """Title, the outlet its suffix names, line indices taken by the head, and their removals."""
    index = pick_title(lines, chrome=is_chrome)
    raw = hints.title or (lines[index].text if index is not None else None)
    if raw is None:
        return None, None, set(), []
    title, suffix_outlet = clean_title(raw, outlet=hints.outlet)
    taken: set[int] = set()
    removals: list[Removal] = []
    folded = {" ".join(raw.split()).casefold(), title.casefold()}
    for i, line in enumerate(lines[:6]):
        if " ".join(line.text.split()).casefold() in folded:
            taken.add(i)
            removals.append(_removal(line, "headline" if not removals else "repeated headline"))
    return title, suffix_outlet, taken, removals


def _draft(segment: Segment, hints: Hints) -> _Draft:
    lines = segment.lines
    title, title_outlet, taken, removals = _head(lines, hints)
    standfirst = None
    if taken:
        rest = [ln for i, ln in enumerate(lines) if i not in taken and i > min(taken)]
        index = pick_standfirst(rest)
        standfirst = rest[index].text if index is not None else None
    sorted_ = sort_lines(lines, skip=taken)
    return _Draft(segment, hints, title, title_outlet, standfirst, sorted_, removals)


def _body(lines: list[Line]) -> tuple[str, tuple[Piece, ...]]:
    """Body paragraphs joined by blank lines, each mapped back to Document.text."""
    parts: list[str] = []
    pieces: list[Piece] = []
    pos = 0
    for line in lines:
        if parts:
            pos += 2
        pieces.append(Piece(body_start=pos, doc_start=line.start, length=len(line.text)))
        parts.append(line.text)
        pos += len(line.text)
    return "\n\n".join(parts), tuple(pieces)


def _article(doc: Document, number: int, draft: _Draft, floor: dt.date | None) -> Article:
    hints, header, sorted_ = draft.hints, draft.segment.header, draft.sorted
    body, pieces = _body(sorted_.body)
    dateline = next(
        (d for line in sorted_.body[:3] if (d := read_dateline(line.text)) is not None), None
    )
    wire = (
        canonical_wire(dateline.wire if dateline else None)
        or credited_wire(sorted_.removals)
        or sorted_.agency
    )
    section = hints.section or header.section or sorted_.section
    captions = "\n".join(c.text for c in sorted_.captions)
    cued = edges(body)  # whole-text cues are read in the opening and the close (clean.windows)
    published = publication(
        DateInputs(
            hints=hints,
            body=cued,
            captions=captions,
            age=header.age or next(iter(sorted_.ages), None),
            context_floor=floor,
            dateline_date=dateline.date if dateline else None,
            date_lines=tuple(sorted_.date_lines),
        )
    )
    outlet = hints.outlet or header.outlet or draft.title_outlet or interview_outlet(cued)
    kind = read_kind(
        title=draft.title,
        body=cued,
        section=section,
        jsonld=hints.jsonld,
        reasons=sorted_.reasons,
        hinted=hints.kind,
        url=hints.url,
    )
    removed = sorted([*draft.head_removals, *sorted_.removals], key=lambda r: r.start)
    return Article(
        id=Article.make_id(doc.id, number),
        document_id=doc.id,
        source_path=doc.source_path,
        item=number,
        kind=kind,
        title=draft.title,
        standfirst=draft.standfirst,
        outlet=outlet,
        wire=wire,
        author=hints.author or sorted_.author,
        section=section,
        dateline=dateline.place if dateline else None,
        url=hints.url,
        published=published,
        body=body,
        pieces=pieces,
        captions=tuple(sorted_.captions),
        removed=tuple(_header_removals(header) + removed),
    )


def _header_removals(header: Header) -> list[Removal]:
    return [_removal(line, "listing header") for line in header.lines]


def _same_age_dates(articles: list[Article], drafts: list[_Draft]) -> list[Article]:
    """On a listing, an undated item as old as a dated sibling was published the same day."""
    by_age = {
        d.segment.header.age: a.published
        for a, d in zip(articles, drafts, strict=True)
        if d.segment.header.age and a.published is not None and a.published.precision == "day"
    }
    out = []
    for article, draft in zip(articles, drafts, strict=True):
        known = by_age.get(draft.segment.header.age) if draft.segment.header.age else None
        if article.published is None and known is not None:
            evidence = f"same age ({draft.segment.header.age}) as a dated item on the page"
            article = article.model_copy(
                update={"published": known.model_copy(update={"evidence": evidence})}
            )
        out.append(article)
    return out


def clean_document(doc: Document) -> tuple[list[Article], list[Rejection]]:
    """Split, clean and date the articles of one document; rejected parts come back with reasons."""
    articles: list[Article] = []
    rejections: list[Rejection] = []
    for position, item in enumerate(doc.items, start=1):
        hints = _merge_hints(doc, item)
        if hints.kind == "listing" and hints.listing:
            articles.append(
                listing_article(doc, len(articles) + 1, hints, start=item.start, end=item.end)
            )
            continue
        lines = split_lines(doc.text, item.start, item.end)
        # An HTML page's main text is one article by the extractor's reading of the page (a
        # listing is told apart in ingest): a related teaser under a headline and a date, or
        # a "* * *" break, does not cut it into several.
        split = Split([Segment(lines)]) if doc.format == "html" else split_item(lines)
        if len(split.segments) > 1:
            # the item's hints describe the page, not each article on it
            hints = Hints(captured=hints.captured)
        drafts = [_draft(seg, hints) for seg in split.segments if seg.lines]
        if not drafts:
            rejections.append(Rejection(source_path=doc.source_path, reason="empty", item=position))
            continue
        floor = _listing_floor(drafts) if len(drafts) > 1 else None
        rejections.extend(
            Rejection(
                source_path=doc.source_path, reason=f"page chrome: {line.text!r}", item=position
            )
            for line in split.chrome
        )
        made: list[tuple[Article, _Draft]] = []
        for draft in drafts:
            if not draft.sorted.body:
                rejections.append(
                    Rejection(
                        source_path=doc.source_path,
                        reason="no article text after cleaning",
                        item=position,
                    )
                )
                continue
            made.append((_article(doc, len(articles) + len(made) + 1, draft, floor), draft))
        articles.extend(_same_age_dates([a for a, _ in made], [d for _, d in made]))
    return articles, rejections


def _listing_floor(drafts: list[_Draft]) -> dt.date | None:
    """The latest past date any item of a listing states: items on one page are recent."""
    floors = []
    for draft in drafts:
        text = "\n".join(line.text for line in draft.sorted.body)
        floor = latest_past(find_dates(text))
        if floor is not None:
            floors.append(floor)
    return max(floors, default=None)
