"""The query layer: filtering, counting and keyset paging done in SQL, answers as public
models (`eventline.public`). The CLI, the exports and the API call these and keep no query
logic of their own (sqlite-utils' `rows_where`, the FastAPI template's routes).

Paging is by key, not offset: a page ends with an opaque cursor holding the sort key of its
last row, and the next page starts after it, so page 1000 costs what page 1 does and rows
added meanwhile neither repeat nor vanish. `limit=None` returns every match in one page.

Event filters: `actor` and `recipient` are an actor id or an ISO3 country; `since` and
`until` compare with the first day an event's date can denote (`2025-06` → 2025-06-01), and
`until` takes in every day of a partial date ("2025-06" means to the end of June). Undated
events are left out as soon as a date bound is given.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from typing import Any, Literal, TypeVar

from pydantic import BaseModel
from sqlalchemy import (
    ColumnElement,
    Connection,
    Date,
    Select,
    and_,
    case,
    cast,
    exists,
    func,
    literal,
    select,
    tuple_,
)

from eventline.errors import ConfigError
from eventline.model import Article
from eventline.public import (
    ActorOut,
    ArticleOut,
    ClaimOut,
    DyadTimeline,
    EventOut,
    ListingItemOut,
    MentionOut,
    Page,
    QuoteOut,
    SearchHit,
    StoryOut,
    TimelineBucket,
    TimexOut,
)
from eventline.store import Store
from eventline.store import schema as S
from eventline.store.rows import date_range, joint_key
from eventline.store.search import WINDOW as SEARCH_WINDOW
from eventline.store.search import Filters
from eventline.store.search import search as run_search

Period = Literal["week", "month"]
T = TypeVar("T", bound=BaseModel)
PAGE = 1000  # rows per page when a query is read through to the end (`iter_all`)


# --- cursors ----------------------------------------------------------------------------------


def encode_cursor(key: Sequence[Any]) -> str:
    raw = json.dumps(list(key), separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, *, size: int) -> list[Any]:
    try:
        key = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (ValueError, UnicodeDecodeError) as exc:
        raise ConfigError("cursor", "not a cursor eventline gave") from exc
    if not isinstance(key, list) or len(key) != size:
        raise ConfigError("cursor", "not a cursor for this query")
    return key


@contextmanager
def _reading(store: Store, what: str) -> Iterator[Connection]:
    """`store.reading`, with each statement in its own snapshot on PostgreSQL (autocommit):
    psycopg would send a BEGIN before the first statement and the pool a ROLLBACK when the
    connection goes back, two round trips that a query answered by one statement (a page
    and its count are one, below) does not need. SQLite reads never open a transaction."""
    with store.reading(what) as conn:
        if conn.dialect.name == "postgresql":
            conn.execution_options(isolation_level="AUTOCOMMIT")
        yield conn


def _page(
    conn: Connection,
    query: Select[Any],
    *,
    key: Sequence[ColumnElement[Any]],
    limit: int | None,
    cursor: str | None,
    count: bool = True,
    counted: Select[Any] | None = None,
) -> tuple[list[Any], int | None, str | None]:
    """Rows of `query` after `cursor` in `key` order, the total count (None unless `count`),
    and the next cursor. `query` selects the key columns last, labelled k0, k1, …
    `counted`, when given, is a cheaper query with as many rows as `query` (the driving
    index range alone, without the joins that only fetch what is shown): it is counted.
    The count rides along the page as an uncorrelated scalar subquery, computed once, so a
    page is one statement (one round trip); only an empty page after a cursor counts apart."""
    total_query = select(func.count()).select_from(
        (query if counted is None else counted).subquery()
    )
    if cursor is not None:
        after = decode_cursor(cursor, size=len(key))
        query = query.where(tuple_(*key) > tuple_(*(literal(v) for v in after)))
    query = query.order_by(*key)
    if count:
        query = query.add_columns(total_query.scalar_subquery().label("n_total"))
    if limit is not None:
        query = query.limit(limit + 1)
    rows = list(conn.execute(query).all())
    total: int | None = None
    if count:
        if rows:
            total = int(rows[0].n_total)
        else:
            total = 0 if cursor is None else int(conn.execute(total_query).scalar_one())
    more = limit is not None and len(rows) > limit
    rows = rows[:limit] if limit is not None else rows
    names = [f"k{n}" for n in range(len(key))]
    nxt = encode_cursor([getattr(rows[-1], n) for n in names]) if more and rows else None
    return rows, total, nxt


def _keys(*columns: ColumnElement[Any]) -> list[ColumnElement[Any]]:
    return [c.label(f"k{n}") for n, c in enumerate(columns)]


# --- events -----------------------------------------------------------------------------------


def _has_events(conn: Connection) -> bool:
    return conn.execute(select(S.events.c.id).limit(1)).first() is not None


def _event_source(
    table: Any, *, level: str, actor: str | None, recipient: str | None
) -> tuple[Any, Any, ColumnElement[Any], ColumnElement[Any], list[ColumnElement[Any]]]:
    """The table that drives the scan (alone, and joined to the event rows), its day and
    id columns, and its filters: the dyad key range when both sides are given, the party
    key range for one side, else the events in day order. A driving row is one event (its
    key ends with the event's day and id), so the driver alone counts the matches."""
    if actor and recipient:
        d = S.event_dyads
        src = d.join(table, table.c.id == d.c.event_id)
        where = [d.c.level == level, d.c.actor_key == actor, d.c.recipient_key == recipient]
        return d, src, d.c.day, d.c.event_id, where
    if actor or recipient:
        p = S.event_parties
        src = p.join(table, table.c.id == p.c.event_id)
        role = "actor" if actor else "recipient"
        where = [p.c.level == level, p.c.role == role, p.c.key == (actor or recipient)]
        return p, src, p.c.day, p.c.event_id, where
    return table, table, table.c.day, table.c.id, []


def last_day(until: str) -> str:
    """The last day a date bound can denote ("2025-06" → "2025-06-30"), so that `until`
    takes in every day of a partial date on any collation."""
    return date_range(until)[1] or until


def _day_bounds(day: ColumnElement[Any], since: str | None, until: str | None) -> list[Any]:
    bounds: list[Any] = []
    if since:
        bounds.append(day >= since)
    if until:
        bounds.extend([day <= last_day(until), day > ""])
    return bounds


def find_events(
    store: Store,
    *,
    actor: str | None = None,
    recipient: str | None = None,
    type: str | None = None,
    since: str | None = None,
    until: str | None = None,
    story: str | None = None,
    limit: int | None = 100,
    cursor: str | None = None,
    count: bool = True,
) -> Page[EventOut]:
    """Events by actor and recipient (id or ISO3), PLOVER type, date range and story, in
    date order. Merged events once corpus linking has run, else the event mentions.

    The merged events are asked first, page and count in one statement; only an empty
    answer asks whether linking has run, and then the mentions."""
    filters: dict[str, Any] = {"actor": actor, "recipient": recipient, "type": type, "since": since,
               "until": until, "story": story}  # fmt: skip
    paging: dict[str, Any] = {"limit": limit, "cursor": cursor, "count": count}
    with _reading(store, "events") as conn:
        rows, total, nxt = _event_page(conn, merged=True, **filters, **paging)
        merged = bool(rows) or _has_events(conn)
        if not merged:
            rows, total, nxt = _event_page(conn, merged=False, **filters, **paging)
    return Page[EventOut](
        data=[_event_out(r, merged=merged) for r in rows], count=total, next_cursor=nxt
    )


def _event_page(
    conn: Connection,
    *,
    merged: bool,
    actor: str | None,
    recipient: str | None,
    type: str | None,
    since: str | None,
    until: str | None,
    story: str | None,
    limit: int | None,
    cursor: str | None,
    count: bool,
) -> tuple[list[Any], int | None, str | None]:
    table = S.events if merged else S.event_mentions
    level = "event" if merged else "mention"
    driver, src, day, ident, where = _event_source(
        table, level=level, actor=actor, recipient=recipient
    )
    where += _day_bounds(day, since, until)
    # The count reads the driving key range alone unless a filter needs the event row.
    counted = select(ident).select_from(driver).where(and_(True, *where))
    if type:
        where.append(table.c.type == type.upper())
    if story:
        where.append(S.events.c.story_id == story if merged else literal(False))
    extra = [table.c.sources, table.c.story_id] if merged else []
    query = select(
        table.c.data, table.c.quad_class, table.c.score, *extra, *_keys(day, ident)
    ).select_from(src)
    if where:
        query = query.where(and_(*where))
    return _page(
        conn, query, key=[day, ident], limit=limit, cursor=cursor, count=count,
        counted=None if type or story else counted,
    )  # fmt: skip


def _event_out(row: Any, *, merged: bool) -> EventOut:
    data = dict(_json(row.data))
    extra = {"quad_class": row.quad_class, "score": row.score}
    if merged:
        return EventOut.model_validate(data | extra | {"story": row.story_id})
    evidence = data.pop("evidence")
    data.pop("trigger", None)
    return EventOut.model_validate(data | extra | {"mentions": [evidence], "sources": 1})


def joint_events(store: Store, a: str, b: str) -> list[EventOut]:
    """Events where `a` and `b` act together and no recipient is named ("Russia and Iran
    signed a treaty"): part of their relation, though no actor → recipient pair holds them.
    Found through the pair's "joint" party rows, one key range (merged events once linking
    has run); `a == b` means every recipient-less event `a` acts in."""
    with _reading(store, "events") as conn:
        merged = _has_events(conn)
        table = S.events if merged else S.event_mentions
        level = "event" if merged else "mention"
        p = S.event_parties
        if a != b:
            ids = select(p.c.event_id).where(
                p.c.level == level, p.c.role == "joint", p.c.key == joint_key(a, b)
            )
        else:
            recipient = (
                select(p.c.event_id)
                .where(p.c.level == level, p.c.role == "recipient", p.c.event_id == table.c.id)
                .exists()
            )
            ids = select(p.c.event_id).where(p.c.level == level, p.c.role == "actor", p.c.key == a)
            ids = ids.where(~recipient)
        extra = [table.c.sources, table.c.story_id] if merged else []
        query = select(table.c.data, table.c.quad_class, table.c.score, *extra).where(
            table.c.id.in_(ids)
        )
        rows = conn.execute(query.order_by(table.c.id)).all()
    return [_event_out(r, merged=merged) for r in rows]


def iter_events(store: Store, **filters: Any) -> Iterator[EventOut]:
    """Every matching event, a page at a time (bounded memory for exports)."""
    return iter_all(find_events, store, **filters)


def iter_all(find: Callable[..., Page[T]], store: Store, /, **filters: Any) -> Iterator[T]:
    """Every match of a `find_*` query, read a page of `PAGE` at a time and not counted, so
    memory is bounded by a page and the cost by the matches (the exports and `--json`
    listings stream through this)."""
    cursor: str | None = None
    while True:
        page = find(store, **filters, limit=PAGE, cursor=cursor, count=False)
        yield from page.data
        if page.next_cursor is None:
            return
        cursor = page.next_cursor


# --- actors -----------------------------------------------------------------------------------


def find_actors(
    store: Store,
    *,
    country: str | None = None,
    type: str | None = None,
    sector: str | None = None,
    name: str | None = None,
    order: Literal["mentions", "id"] = "mentions",
    limit: int | None = 100,
    cursor: str | None = None,
    count: bool = True,
) -> Page[ActorOut]:
    """Canonical actors, most mentioned first (or by id: `order="id"` reads no mention
    counts, for paging through every actor), with every mention that resolved to them.
    `name` matches the canonical name or any alias, ignoring case."""
    a, m = S.actors, S.actor_mentions
    counts = (
        select(m.c.actor_id, func.count().label("n"))
        .where(m.c.actor_id.is_not(None))
        .group_by(m.c.actor_id)
        .subquery()
    )
    n = func.coalesce(counts.c.n, 0)
    where: list[Any] = []
    if country:
        where.append(a.c.country == country.upper())
    if type:
        where.append(a.c.type == type)
    if sector:
        where.append(a.c.sector == sector.upper())
    if name:
        al = S.actor_aliases
        where.append(exists().where(al.c.actor_id == a.c.id, al.c.key.contains(name.casefold())))
    key: list[ColumnElement[Any]] = [-n, a.c.id] if order == "mentions" else [a.c.id]
    source = a.outerjoin(counts, counts.c.actor_id == a.c.id) if order == "mentions" else a
    query = select(a.c.data, a.c.id.label("actor_id"), *_keys(*key)).select_from(source)
    query = query.where(and_(True, *where))
    with _reading(store, "actors") as conn:
        rows, total, nxt = _page(conn, query, key=key, limit=limit, cursor=cursor, count=count)
        mentions = _mentions_of(conn, [r.actor_id for r in rows])
    data = [_actor_out(_json(r.data), mentions.get(r.actor_id, [])) for r in rows]
    return Page[ActorOut](data=data, count=total, next_cursor=nxt)


def actors_named(store: Store, name: str) -> list[dict[str, Any]]:
    """The stored actors whose id, canonical name or an alias is `name`, ignoring case and a
    leading "the " (as `--actor` options read a name), as their JSON records. One look-up
    in the casefolded alias index, never a read of every actor."""
    wanted = name.strip().casefold()
    forms = sorted({wanted, wanted.removeprefix("the ")})
    a, al = S.actors, S.actor_aliases
    by_alias = select(al.c.actor_id).where(al.c.key.in_(forms))
    query = (
        select(a.c.data)
        .where(a.c.id.in_(forms) | a.c.id.in_(by_alias))  # ids are lowercase (content ids)
        .order_by(a.c.id)
    )
    with _reading(store, "actors") as conn:
        return [_json(r.data) for r in conn.execute(query)]


def _mentions_of(conn: Connection, actor_ids: list[str]) -> dict[str, list[MentionOut]]:
    m = S.actor_mentions
    found: dict[str, list[MentionOut]] = {}
    for n in range(0, len(actor_ids), 500):
        query = (
            select(m.c.actor_id, m.c.article_id, m.c.start, m.c.end, m.c.data)
            .where(m.c.actor_id.in_(actor_ids[n : n + 500]))
            .order_by(m.c.id)
        )
        for row in conn.execute(query):
            text = _json(row.data)["text"]
            found.setdefault(row.actor_id, []).append(
                MentionOut(article=row.article_id, start=row.start, end=row.end, text=text)
            )
    return found


def _actor_out(data: dict[str, Any], mentions: list[MentionOut]) -> ActorOut:
    roles = data.get("roles") or []
    role = roles[0]["title"] if roles else None
    return ActorOut.model_validate(data | {"role": role, "mentions": mentions})


# --- quotes -----------------------------------------------------------------------------------


def find_quotes(
    store: Store,
    *,
    speaker: str | None = None,
    speaker_id: str | None = None,
    article: str | None = None,
    since: str | None = None,
    until: str | None = None,
    limit: int | None = 100,
    cursor: str | None = None,
    count: bool = True,
) -> Page[QuoteOut]:
    """Quotations; `speaker` matches part of the speaker's name, ignoring case; dates are
    the publication dates of the quoting articles."""
    q = S.quotes
    where: list[Any] = []
    if speaker:
        where.append(func.lower(q.c.speaker).contains(speaker.lower()))
    if speaker_id:
        where.append(q.c.speaker_id == speaker_id)
    if article:
        where.append(q.c.article_id == article)
    if since:
        where.append(q.c.date >= since)
    if until:
        where.append(q.c.date <= last_day(until))
    query = select(q.c.data, q.c.date, *_keys(q.c.id)).where(and_(True, *where))
    with _reading(store, "quotes") as conn:
        rows, total, nxt = _page(conn, query, key=[q.c.id], limit=limit, cursor=cursor, count=count)
    data = [QuoteOut.model_validate(_json(r.data) | {"date": r.date}) for r in rows]
    return Page[QuoteOut](data=data, count=total, next_cursor=nxt)


# --- articles ---------------------------------------------------------------------------------


def find_articles(
    store: Store,
    *,
    since: str | None = None,
    until: str | None = None,
    outlet: str | None = None,
    kind: str | None = None,
    story: str | None = None,
    duplicate_group: str | None = None,
    limit: int | None = 100,
    cursor: str | None = None,
    count: bool = True,
) -> Page[ArticleOut]:
    """Stored articles in input order (source path, then position in the source), with the
    duplicate group and story corpus linking put them in."""
    a, d = S.articles, S.documents
    where: list[Any] = []
    if since:
        where.append(a.c.published >= since)
    if until:
        where.append(a.c.published <= last_day(until))
    for column, value in (
        (a.c.outlet, outlet),
        (a.c.kind, kind),
        (a.c.story_id, story),
        (a.c.duplicate_group_id, duplicate_group),
    ):
        if value:
            where.append(column == value)
    key = [d.c.source_path, a.c.item, a.c.id]
    query = (
        select(a.c.data, a.c.story_id, a.c.duplicate_group_id, *_keys(*key))
        .select_from(a.join(d, d.c.id == a.c.document_id))
        .where(and_(True, *where))
    )
    with _reading(store, "articles") as conn:
        rows, total, nxt = _page(conn, query, key=key, limit=limit, cursor=cursor, count=count)
    data = [
        article_out(
            Article.model_validate(_json(r.data)),
            duplicate_group=r.duplicate_group_id,
            story=r.story_id,
        )
        for r in rows
    ]
    return Page[ArticleOut](data=data, count=total, next_cursor=nxt)


def article_out(
    article: Article, *, duplicate_group: str | None = None, story: str | None = None
) -> ArticleOut:
    published = article.published
    return ArticleOut(
        **article.model_dump(
            include={"id", "document_id", "source_path", "item", "kind", "title", "standfirst",
                     "outlet", "wire", "author", "section", "dateline", "url", "body"}
        ),
        published=published.value if published else None,
        published_precision=published.precision if published else None,
        published_evidence=published.evidence if published else None,
        captions=[c.text for c in article.captions],
        duplicate_group=duplicate_group,
        story=story,
        items=[i.model_dump(mode="json", exclude={"start", "end"}) for i in article.items],
    )  # fmt: skip


def iter_listing_items(store: Store) -> Iterator[ListingItemOut]:
    """Every item of every listing page, page by page in input order, with the page's
    article id and the item's 1-based position on it (so the linked articles can be
    fetched)."""
    for page in iter_all(find_articles, store, kind="listing"):
        for position, item in enumerate(page.items, start=1):
            yield ListingItemOut.model_validate(item | {"article": page.id, "position": position})


# --- timexes, claims, stories -----------------------------------------------------------------


def find_timexes(
    store: Store,
    *,
    article: str | None = None,
    value: str | None = None,
    limit: int | None = 100,
    cursor: str | None = None,
    count: bool = True,
) -> Page[TimexOut]:
    """Temporal expressions by id, of one article or with one normalised value."""
    t = S.timexes
    pairs = ((t.c.article_id, article), (t.c.value, value))
    where = [column == wanted for column, wanted in pairs if wanted]
    query = select(t.c.data, *_keys(t.c.id)).where(and_(True, *where))
    with _reading(store, "timexes") as conn:
        rows, total, nxt = _page(conn, query, key=[t.c.id], limit=limit, cursor=cursor, count=count)
    data = [TimexOut.model_validate(_json(r.data)) for r in rows]
    return Page[TimexOut](data=data, count=total, next_cursor=nxt)


def find_claims(
    store: Store,
    *,
    verdict: str | None = None,
    rating_source: str | None = None,
    limit: int | None = 100,
    cursor: str | None = None,
    count: bool = True,
) -> Page[ClaimOut]:
    """Fact-checked claims by id, by verdict or by the outlet that rated them."""
    c = S.claims
    pairs = ((c.c.verdict, verdict), (c.c.rating_source, rating_source))
    where = [column == value for column, value in pairs if value]
    query = select(c.c.data, *_keys(c.c.id)).where(and_(True, *where))
    with _reading(store, "claims") as conn:
        rows, total, nxt = _page(conn, query, key=[c.c.id], limit=limit, cursor=cursor, count=count)
    data = [ClaimOut.model_validate(_json(r.data)) for r in rows]
    return Page[ClaimOut](data=data, count=total, next_cursor=nxt)


def find_stories(
    store: Store,
    *,
    since: str | None = None,
    until: str | None = None,
    limit: int | None = 100,
    cursor: str | None = None,
    count: bool = True,
) -> Page[StoryOut]:
    """Stories by id with their member articles in the order the story took them in;
    `since`/`until` keep stories last seen on or after / first seen on or before."""
    s, sa = S.stories, S.story_articles
    where: list[Any] = []
    if since:
        where.append(s.c.last_seen >= since)
    if until:
        where.append(s.c.first_seen <= last_day(until))
    query = select(s.c.title, s.c.first_seen, s.c.last_seen, *_keys(s.c.id))
    query = query.where(and_(True, *where))
    with _reading(store, "stories") as conn:
        rows, total, nxt = _page(conn, query, key=[s.c.id], limit=limit, cursor=cursor, count=count)
        members: dict[str, list[str]] = {}
        ids = [r.k0 for r in rows]
        for n in range(0, len(ids), 500):
            part = select(sa.c.story_id, sa.c.article_id).where(sa.c.story_id.in_(ids[n : n + 500]))
            for story_id, article_id in conn.execute(part.order_by(sa.c.story_id, sa.c.position)):
                members.setdefault(story_id, []).append(article_id)
    data = [
        StoryOut(id=r.k0, title=r.title, articles=members.get(r.k0, []), start=r.first_seen,
                 end=r.last_seen)
        for r in rows
    ]  # fmt: skip
    return Page[StoryOut](data=data, count=total, next_cursor=nxt)


# --- timelines --------------------------------------------------------------------------------

# "report": dated by the report itself, a full day (as the events list and exports show it)
_FINE_ENOUGH = {"month": {"day", "month", "report"}, "week": {"day", "report"}}


def dyad_timeline(
    store: Store,
    a: str,
    b: str,
    *,
    by: Period = "month",
    directed: bool = False,
    modality: str | None = "asserted",
) -> DyadTimeline:
    """Events between `a` and `b` (actor ids or ISO3) per month or ISO week: counts per PLOVER
    type and quad class and the mean PLOVER score. Months come from the `dyad_months`
    rollup, weeks from the per-event dyad rows aggregated per day; events whose date is
    coarser than the period are counted as `coarse`, undated ones as `undated`."""
    with _reading(store, "the timeline") as conn:
        # `.all()` fetches in one call: iterating a result fetches row by row, which at a
        # few thousand rows cost more than the query (psycopg).
        if by == "month":
            rows = conn.execute(_monthly(a, b, directed=directed, modality=modality)).all()
        else:
            queries = _daily(a, b, directed, modality)
            rows = [row for q in queries for row in conn.execute(q).all()]
    return _buckets(rows, a=a, b=b, by=by, directed=directed)


def _monthly(a: str, b: str, *, directed: bool, modality: str | None) -> Select[Any]:
    """Per month from the `dyad_months` rollup: a few rows per month whatever the size.
    The months of events dated too coarsely for a month are summed into one row ("-", as a
    year), those of the fine-enough precisions into one per month and type, so that the
    rows fetched and folded in Python are about one per month and type."""
    m = S.dyad_months
    lo, hi = sorted((a, b))
    where = [m.c.lo_key == lo, m.c.hi_key == hi]
    if directed:
        where.append(m.c.direction.in_((1 if a == lo else 2, 3)))
    if modality:
        where.append(m.c.modality == modality)
    fine = m.c.date_precision.in_(sorted(_FINE_ENOUGH["month"]))
    columns = [
        case((m.c.month == "", ""), (fine, m.c.month), else_="-").label("day"),
        case((m.c.month == "", ""), (fine, "month"), else_="year").label("date_precision"),
        m.c.type,
        m.c.quad_class,
    ]
    return (
        select(
            *columns,
            func.sum(m.c.events).label("n"),
            func.sum(m.c.score_sum).label("score"),
            func.sum(m.c.scored).label("scored"),
        )
        .where(and_(*where))
        .group_by(*columns)
    )


def _daily(a: str, b: str, directed: bool, modality: str | None) -> list[Select[Any]]:
    """Per day from the dyad facts (for weeks): a → b, and unless directed b → a without
    the events already counted as a → b."""
    d = S.event_dyads
    columns = [d.c.day, d.c.date_precision, d.c.type, d.c.quad_class]
    aggregates = [
        func.count().label("n"),
        func.sum(d.c.score).label("score"),
        func.count(d.c.score).label("scored"),
    ]

    def one_way(x: str, y: str) -> Select[Any]:
        where = [d.c.level == "event", d.c.actor_key == x, d.c.recipient_key == y]
        if modality:
            where.append(d.c.modality == modality)
        return select(*columns, *aggregates).where(and_(*where)).group_by(*columns)

    if directed:
        return [one_way(a, b)]
    r = S.event_dyads.alias("r")
    twice = exists().where(
        r.c.level == "event", r.c.actor_key == a, r.c.recipient_key == b,
        r.c.day == d.c.day, r.c.event_id == d.c.event_id,
    )  # fmt: skip
    return [one_way(a, b), one_way(b, a).where(~twice)]


def dyad_top_events(
    store: Store,
    a: str,
    b: str,
    *,
    by: Period = "month",
    directed: bool = False,
    modality: str | None = "asserted",
    per: int = 3,
) -> dict[str, list[EventOut]]:
    """The `per` best-attested merged events between `a` and `b` in each month or ISO week
    (most sources, then the largest absolute PLOVER score, then id), by period label; events
    dated too coarsely for the period are left out, as the timeline leaves them out.

    The pair's dyad rows (a → b, and b → a unless directed) are ranked per period from
    their own columns (day, precision, sources, score; PostgreSQL reads them from a covering
    index), and only the best of each period are read from `events` for what is shown, so
    no event row or JSON is read for the rest of the relation."""
    d, e = S.event_dyads, S.events
    fine = sorted(_FINE_ENOUGH[by])

    def one_way(x: str, y: str) -> Select[Any]:
        where = [d.c.level == "event", d.c.actor_key == x, d.c.recipient_key == y,
                 d.c.day > "", d.c.date_precision.in_(fine)]  # fmt: skip
        if modality:
            where.append(d.c.modality == modality)
        return select(d.c.event_id, d.c.day, d.c.sources, d.c.score).where(*where)

    both = not (directed or a == b)
    # UNION ALL, not UNION: an event reported both ways is two rows with the same rank key,
    # so the best 2 × per rows of a period hold its best `per` events (deduplicated below)
    # without the hash of every row a UNION costs.
    pairs = (one_way(a, b).union_all(one_way(b, a)) if both else one_way(a, b)).subquery()
    depth = 2 * per if both else per
    with _reading(store, "the timeline") as conn:
        dialect = conn.dialect.name
        rank = func.row_number().over(
            partition_by=_period_key(pairs.c.day, by, dialect),
            order_by=[pairs.c.sources.desc(), func.abs(func.coalesce(pairs.c.score, 0.0)).desc(),
                      _bytewise(pairs.c.event_id, dialect)],
        )  # fmt: skip
        ranked = select(pairs.c.event_id, pairs.c.day, rank.label("rank")).subquery()
        best = conn.execute(
            select(ranked.c.event_id, ranked.c.day)
            .where(ranked.c.rank <= depth)
            .order_by(ranked.c.rank, ranked.c.event_id)
        ).all()
        # The shown events are read by id in a second statement: joined to the ranking, the
        # planner (which cannot tell how few rows survive the rank filter) would merge-join
        # a quarter of `events`.
        ids = list(dict.fromkeys(row.event_id for row in best))
        events: dict[str, EventOut] = {}
        for n in range(0, len(ids), 500):
            part = select(e.c.id, e.c.data, e.c.quad_class, e.c.score, e.c.sources, e.c.story_id)
            for row in conn.execute(part.where(e.c.id.in_(ids[n : n + 500]))).all():
                events[row.id] = _event_out(row, merged=True)
    found: dict[str, list[EventOut]] = {}
    for hit in best:
        period = found.setdefault(_period(hit.day, by), [])
        if len(period) < per and all(shown.id != hit.event_id for shown in period):
            period.append(events[hit.event_id])
    return found


def _bytewise(value: ColumnElement[Any], dialect: str) -> ColumnElement[Any]:
    """Text compared byte by byte (code point order, as Python compares ids): PostgreSQL's
    database collation (here C.UTF-8) sorts through the locale, several times slower on
    the tens of thousands of rows a large pair ranks; SQLite compares bytes already."""
    return value.collate("C") if dialect == "postgresql" else value


def _period_key(day: ColumnElement[Any], by: Period, dialect: str) -> ColumnElement[Any]:
    """An SQL expression naming the period of an ISO `day`: its month, or its ISO week's
    Monday."""
    if by == "month":
        return _bytewise(func.substr(day, 1, 7), dialect)
    if dialect == "postgresql":
        return func.date_trunc("week", cast(day, Date))
    return func.date(day, "-6 days", "weekday 1")


def _period(day: str, by: Period) -> str:
    if by == "month":
        return day[:7]
    year, week, _ = date.fromisoformat(day).isocalendar()
    return f"{year}-W{week:02d}"


def _buckets(rows: Sequence[Any], *, a: str, b: str, by: Period, directed: bool) -> DyadTimeline:
    """Rows of (day or month, precision, type, quad class, events, score sum, scored) into
    periods; plain dicts, as a long timeline has thousands of rows."""
    fine = _FINE_ENOUGH[by]
    acc: dict[str, list[Any]] = {}  # period → [events, score sum, scored, types, quads]
    undated = coarse = 0
    for day, precision, kind, quad, n, score, scored in rows:
        if not n:
            continue
        if not day:
            undated += n
            continue
        if precision not in fine:
            coarse += n
            continue
        period = day[:7] if by == "month" else _period(day, by)
        entry = acc.get(period)
        if entry is None:
            entry = acc[period] = [0, 0.0, 0, {}, {}]
        entry[0] += n
        entry[1] += score or 0.0
        entry[2] += scored
        entry[3][kind] = entry[3].get(kind, 0) + n
        if quad:
            entry[4][quad] = entry[4].get(quad, 0) + n
    periods = [
        TimelineBucket(
            period=p, events=n, score=round(total / scored, 3) if scored else None,
            score_sum=round(total, 3), types=kinds, quads=quads, scored=scored,
        )
        for p, (n, total, scored, kinds, quads) in sorted(acc.items())
    ]  # fmt: skip
    return DyadTimeline(
        a=a, b=b, by=by, directed=directed, periods=periods, undated=undated, coarse=coarse
    )


# --- full-text search -------------------------------------------------------------------------


def search(
    store: Store,
    query: str,
    *,
    since: str | None = None,
    until: str | None = None,
    outlet: str | None = None,
    kind: str | None = None,
    actor: str | None = None,
    limit: int = 20,
    window: int | None = SEARCH_WINDOW,
) -> list[SearchHit]:
    """The best matches of `query` over article titles and bodies, quotes and event
    evidence, filtered by the article's date, outlet, kind, or an actor it mentions.
    Ranked over the newest `window` matches (after the filters); None ranks every match,
    at a cost that grows with how many there are (`eventline.store.search`)."""
    filters = Filters(since=since, until=until, outlet=outlet, kind=kind, actor=actor)
    with _reading(store, "search") as conn:
        hits = run_search(conn, query, filters=filters, limit=limit, window=window)
    return [
        SearchHit(
            kind=h.kind, id=h.ref_id, article=h.article_id, title=h.title, outlet=h.outlet,
            published=h.published, snippet=h.snippet, score=round(h.score, 4),
        )
        for h in hits
    ]  # fmt: skip


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str | bytes) else value
