"""Incremental corpus linking: new articles are linked against what the store holds, and only
the records they touch are read, recomputed and written.

- **New articles** are the analysed articles the near-duplicate table has not seen; when an
  article already linked has a newer result (re-analysis), the settings changed, a linked
  article was deleted or the store was linked by a version without blocking keys, the caller
  links in full (`new_articles` answers None).
- **Actors**: the new articles' actor tables are resolved among themselves (the resolver of
  the full link); each resulting actor that the store already holds (same id: KB actors, the
  same name and country) or that one stored actor of a compatible type, country, sector and
  given names carries as an alias (`actor_aliases`) is mapped to it. Stored actors keep their
  ids and names; a relink may choose another canonical name when new mentions change the
  most informative one.
- **Copies** through the band table, **stories** continue from the persisted index (as in
  the full link).
- **Events**: each new mention probes the blocking keys of stored mentions (`event_blocks`:
  type family, participant code, month, widened by the merge windows); the stored events
  holding a hit, and those of articles whose copy group's canonical changed, are
  re-clustered with the new mentions. Everything a new mention could merge with is in that
  set, so an event of the incremental link differs from a relink's only where greedy order
  matters (a re-clustered event pulling a member away from an event outside the set); ids
  are kept (`StableIds`). Source counts are recomputed for the touched events only.
- **Claims** are re-linked only when a new fact-check arrives or new evidence (a touched
  event, a new quote) falls within a claim's window, against the events and quotes of the
  claims' windows.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from typing import Any, TypeVar, cast

from sqlalchemy import Connection, Text, func, or_, select, type_coerce

from eventline.analysis.ids import StableIds
from eventline.analysis.resolve import Resolved, apply_canonical
from eventline.analysis.story_table import StoredStories
from eventline.analysis.sync import actor_block_keys, write_articles, write_some
from eventline.corpus.claims_link import claim_window, link_claims
from eventline.corpus.merge import (
    BLOCKS_VERSION,
    merge_rules,
    probe_keys,
    summary_cluster,
)
from eventline.model import (
    Actor,
    Article,
    ArticleAnalysis,
    Claim,
    Event,
    EventMention,
    Mention,
    Precision,
    Published,
    Quote,
)
from eventline.nlp.names import given_compatible, given_keys
from eventline.nlp.resolve import _titles, resolve_tables
from eventline.store import Store
from eventline.store import schema as S
from eventline.store.schema_analysis import (
    actor_keys,
    analysis_results,
    dedup_entries,
    event_blocks,
    event_summaries,
)

LINKED_AT_KEY = "index:linked:at"
BLOCKS_KEY = "index:event-blocks"

T = TypeVar("T")


def _parts(items: Iterable[T], size: int = 500) -> Iterable[list[T]]:
    ordered = sorted(set(items))  # type: ignore[type-var]
    for start in range(0, len(ordered), size):
        yield ordered[start : start + size]


def blocks_marker() -> bytes:
    """What the stored blocking keys were computed with (the merge rules' version)."""
    return f"merge-rules:{merge_rules().version}:blocks:{BLOCKS_VERSION}".encode()


def linked_at(store: Store) -> bytes:
    """The newest stored result's time: results written after a link are new to it."""
    with store.engine.connect() as conn:
        latest = conn.execute(select(func.max(analysis_results.c.analysed_at))).scalar()
    return (latest.isoformat() if latest else "").encode()


def new_articles(store: Store) -> list[str] | None:
    """Analysed articles no link has seen yet, or None when they cannot be linked alone."""
    if store.get_blob(BLOCKS_KEY) != blocks_marker():
        return None
    last = store.get_blob(LINKED_AT_KEY)
    if not last:
        return None
    seen = select(dedup_entries.c.article_id)
    r = analysis_results
    with store.engine.connect() as conn:
        # The results written since the link (an index range, `ix_analysis_results_analysed_at`),
        # then whether a linked article is among them: asked the other way round, SQLite
        # probed a result row for every linked article.
        after = datetime.fromisoformat(last.decode())
        since = select(r.c.article_id).where(r.c.analysed_at > after)
        recent = [row[0] for row in conn.execute(since)]
        for part in _parts(recent):
            query = select(dedup_entries.c.article_id).where(dedup_entries.c.article_id.in_(part))
            if conn.execute(query.limit(1)).first() is not None:
                return None
        return [
            row[0] for row in conn.execute(select(r.c.article_id).where(~r.c.article_id.in_(seen)))
        ]


def articles_by_id(conn: Connection, ids: Iterable[str]) -> list[Article]:
    """Articles in store order (the order a full link adds them in)."""
    found: list[tuple[str, int, Article]] = []
    for part in _parts(ids):
        query = (
            select(S.documents.c.source_path, S.articles.c.item, S.articles.c.data)
            .join(S.documents, S.documents.c.id == S.articles.c.document_id)
            .where(S.articles.c.id.in_(part))
        )
        for path, item, data in conn.execute(query):
            found.append((path, item, Article.model_validate(data)))
    return [a for _, _, a in sorted(found, key=lambda f: (f[0], f[1]))]


def article_stubs(conn: Connection, ids: Iterable[str]) -> dict[str, Article]:
    """What merging reads of stored articles (`corpus.merge`, `attach`: the outlet and the
    publication date), from the articles' columns: each an `Article` without its text (an
    empty body, no pieces) and a publication date without its evidence. A fraction of the
    cost of `articles_by_id`, which reads and validates each article's whole record."""
    a = S.articles
    out: dict[str, Article] = {}
    for part in _parts(ids):
        query = select(a.c.id, a.c.document_id, a.c.item, a.c.outlet, a.c.published).where(
            a.c.id.in_(part)
        )
        for article_id, document_id, item, outlet, published in conn.execute(query):
            out[article_id] = _STUB.model_copy(
                update={
                    "id": article_id,
                    "document_id": document_id,
                    "item": item,
                    "outlet": outlet,
                    "published": None if published is None else _published(published),
                }
            )
    return out


#: What `article_stubs` copies (a copy costs about a quarter of filling in the defaults).
_STUB = Article.model_construct(id="", document_id="", source_path="", item=0, body="")


def _published(value: str) -> Published:
    size = len(value)
    precision: Precision = "month" if size == 7 else "year" if size == 4 else "day"
    return Published.model_construct(value=value, precision=precision, evidence="")


# --- actors ------------------------------------------------------------------------------


def _actors(conn: Connection, ids: Iterable[str]) -> dict[str, Actor]:
    out: dict[str, Actor] = {}
    for part in _parts(ids):
        query = select(S.actors.c.data).where(S.actors.c.id.in_(part))
        for (data,) in conn.execute(query):
            actor = Actor.model_validate(data)
            out[actor.id] = actor
    return out


def _kb(actor: Actor) -> bool:
    """A knowledge-base actor: its id is shared by every article naming it."""
    return not actor.id.startswith("act_")


def _actors_by_key(conn: Connection, keys: Iterable[str]) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for part in _parts(keys):
        query = select(actor_keys.c.key, actor_keys.c.actor_id).where(actor_keys.c.key.in_(part))
        for key, actor_id in conn.execute(query.order_by(actor_keys.c.key, actor_keys.c.actor_id)):
            found.setdefault(key, []).append(actor_id)
    return found


def _compatible(new: Actor, old: Actor) -> bool:
    if new.type != old.type:
        return False
    if new.country and old.country and new.country != old.country:
        return False
    if new.sector and old.sector and new.sector != old.sector:
        return False
    if new.type == "person":
        return given_compatible(given_keys(new.name), given_keys(old.name))
    return True


def _tables(analyses: Sequence[ArticleAnalysis]) -> list[dict[str, dict[str, Any]]]:
    return [cast(dict[str, dict[str, Any]], a.actors) for a in analyses]


def role_key_rows(
    analyses: Sequence[ArticleAnalysis], canonical: dict[tuple[int, str], Actor]
) -> list[dict[str, str]]:
    """`actor_keys` rows "role:COUNTRY:PAST:TITLE" of the people holding an office (and the
    office it is part of, "leader" for heads), so an unnamed office holder in a new article
    ("Turkey's foreign minister") can join the one stored person holding it, as the
    resolver's `_attach_roles` does within one link."""
    titles = _titles()
    rows: dict[tuple[str, str], dict[str, str]] = {}
    for index, table in enumerate(_tables(analyses)):
        for local, entry in table.items():
            actor = canonical.get((index, local))
            if actor is None or entry.get("type") != "person" or entry.get("role_only"):
                continue
            for role in entry.get("roles", []):
                held = titles.get(role.get("key", ""))
                if held is None or not actor.country:
                    continue
                names = {held.key, held.parent, "leader" if held.head else None} - {None}
                for name in names:
                    key = f"role:{actor.country}:{int(bool(role.get('past')))}:{name}"
                    rows[(key, actor.id)] = {"key": key, "actor_id": actor.id}
    return list(rows.values())


def _role_holders(
    conn: Connection, analyses: Sequence[ArticleAnalysis], local: dict[tuple[int, str], Actor]
) -> dict[str, set[str]]:
    """For each actor of the batch made only of unnamed office holders of a single office:
    the stored people holding that office."""
    tables = _tables(analyses)
    people = {a.id for k, a in local.items() if not tables[k[0]][k[1]].get("role_only")}
    wanted: dict[str, str] = {}
    for index, table in enumerate(tables):
        for local_id, entry in table.items():
            actor = local.get((index, local_id))
            role = entry.get("role_only")
            title = _titles().get(role.get("key", "")) if role else None
            if actor is None or actor.id in people or title is None or not title.single:
                continue
            past = int(bool(role.get("past"))) if role else 0
            wanted[actor.id] = f"role:{entry.get('country')}:{past}:{title.key}"
    found = _actors_by_key(conn, set(wanted.values()))
    return {actor_id: set(found.get(key, [])) for actor_id, key in wanted.items()}


def resolve_new(store: Store, analyses: Sequence[ArticleAnalysis]) -> tuple[Resolved, list[Actor]]:
    """The new articles' records with canonical refs, and the actors to write (new ones, and
    stored ones that gained aliases)."""
    local = resolve_tables(_tables(analyses))
    forms: dict[str, set[str]] = {}
    for index, analysis in enumerate(analyses):
        for mention in analysis.mentions:
            actor = local.get((index, mention.actor.id)) if mention.actor else None
            if actor is not None:
                forms.setdefault(actor.id, set()).add(mention.text)
    found = {a.id: a for a in local.values()}
    with store.engine.connect() as conn:
        stored = _actors(conn, found)
        unmatched = [a for a in found.values() if a.id not in stored and not _kb(a)]
        blocks = {
            a.id: actor_block_keys(a.model_copy(update={"aliases": tuple(forms.get(a.id, ()))}))
            for a in unmatched
        }
        by_key = _actors_by_key(conn, {k for keys in blocks.values() for k in keys})
        holders = _role_holders(conn, analyses, local)
        wanted = {i for ids in by_key.values() for i in ids} | {
            i for ids in holders.values() for i in ids
        }
        stored |= _actors(conn, wanted - set(stored))
    mapped = {i: stored[i] for i in found if i in stored}
    for actor_id, ids in holders.items():
        if len(ids) == 1 and actor_id not in mapped and next(iter(ids)) in stored:
            mapped[actor_id] = stored[next(iter(ids))]
    unmatched = [a for a in unmatched if a.id not in mapped]
    for actor in unmatched:
        hits = {i for k in blocks[actor.id] for i in by_key.get(k, [])}
        fits = [stored[i] for i in sorted(hits) if i in stored and _compatible(actor, stored[i])]
        if len(fits) > 1 and actor.type == "person":  # as the resolver: the same first name
            first = given_keys(actor.name)[:1]
            fits = [f for f in fits if first and given_keys(f.name)[:1] == first]
        if len(fits) == 1:
            mapped[actor.id] = fits[0]
    canonical = {key: mapped.get(actor.id, actor) for key, actor in local.items()}
    resolved = apply_canonical(analyses, canonical)
    resolved.role_keys = role_key_rows(analyses, canonical)
    write: list[Actor] = []
    for actor in resolved.actors:
        old = stored.get(actor.id)
        if old is None:
            write.append(actor)
            continue
        aliases = tuple(dict.fromkeys((*old.aliases, *actor.aliases)))
        if aliases != old.aliases:
            write.append(old.model_copy(update={"aliases": aliases}))
    return resolved, write


# --- events ------------------------------------------------------------------------------


#: Rows of probe keys sent in one statement (3 parameters each: under SQLite's and
#: PostgreSQL's parameter limits).
PROBE_ROWS = 3000


def _marker(conn: Connection) -> str:
    """The driver's positional parameter marker ("?" for sqlite3, "%s" for psycopg)."""
    return "?" if conn.dialect.paramstyle == "qmark" else "%s"


def _probe_exact(
    conn: Connection, keys: Sequence[tuple[str, str, str]], *, events: bool = False
) -> set[str]:
    """Stored mention ids filed under any of these exact keys: a `VALUES` list of the keys
    joined to `event_blocks` on its primary key, so each key is one index lookup (SQLite:
    `SCAN k` then `SEARCH b USING COVERING INDEX (family=? AND code=? AND bucket=?)`) and
    a few thousand keys cost one statement. The SQL is written out rather than built with
    `sqlalchemy.values`, whose compilation of thousands of parameters costs more than the
    per-pair queries it replaces. `events`: the events holding those mentions instead, joined
    in the same statement (`ix_event_links_mention_id`), so the mention ids are not sent back
    and forth."""
    hits: set[str] = set()
    mark = _marker(conn)
    want = "DISTINCT l.event_id" if events else "b.mention_id"
    join = " JOIN event_links l ON l.mention_id = b.mention_id" if events else ""
    for start in range(0, len(keys), PROBE_ROWS):
        part = keys[start : start + PROBE_ROWS]
        rows = ", ".join([f"({mark}, {mark}, {mark})"] * len(part))
        sql = (
            f"WITH k(family, code, bucket) AS (VALUES {rows}) "
            f"SELECT {want} FROM k JOIN event_blocks b "
            "ON b.family = k.family AND b.code = k.code AND b.bucket = k.bucket" + join
        )
        params = tuple(x for key in part for x in key)
        hits.update(r[0] for r in conn.exec_driver_sql(sql, params))
    return hits


def _probe(conn: Connection, keys: set[tuple[str, str, str]], *, events: bool = False) -> set[str]:
    """Stored mention ids filed under any of these blocking keys (a bucket with "%" is a
    LIKE pattern: those few keys are probed one (family, code) pair a query); `events`: the
    ids of the events holding them."""
    b, el = event_blocks, S.event_links
    hits = _probe_exact(conn, sorted(k for k in keys if "%" not in k[2]), events=events)
    patterns: dict[tuple[str, str], list[str]] = {}
    for family, code, bucket in keys:
        if "%" in bucket:
            patterns.setdefault((family, code), []).append(bucket)
    for (family, code), buckets in sorted(patterns.items()):
        query = select(b.c.mention_id).where(
            b.c.family == family,
            b.c.code == code,
            or_(*(b.c.bucket.like(x) for x in sorted(buckets))),
        )
        if events:
            query = select(el.c.event_id).where(el.c.mention_id.in_(query))
        hits.update(r[0] for r in conn.execute(query))
    return hits


def _column_in(
    conn: Connection, want: Any, column: Any, values: Iterable[str], query: Any = None
) -> set[str]:
    """`want` of the rows whose `column` is one of `values` (`query`: a select of `want`
    to filter, else one of its table)."""
    out: set[str] = set()
    base: Any = query
    if base is None:
        base = select(want)
    for part in _parts(values):
        out.update(r[0] for r in conn.execute(base.where(column.in_(part))))
    return out


def load_summaries(conn: Connection, ids: Iterable[str]) -> dict[str, Any]:
    """The stored summaries of these events (`eventline.corpus.merge.summary_cluster`); an
    event without one (linked before migration 0007) or of another version is left out."""
    out: dict[str, Any] = {}
    s = event_summaries
    for part in _parts(ids):
        for event_id, data in conn.execute(
            select(s.c.event_id, s.c.data).where(s.c.event_id.in_(part))
        ):
            cluster = summary_cluster(json.loads(zlib.decompress(bytes(data))))
            if cluster is not None:
                out[event_id] = cluster
    return out


def write_summaries(
    conn: Connection, summaries: dict[str, dict[str, Any]], gone: Iterable[str] = ()
) -> None:
    """Replace the summaries of `gone` and of the events in `summaries` by these, writing
    only the rows whose bytes change: most re-clustered events come out as they were stored,
    and deleting and inserting their rows again dirtied pages of a random-keyed index."""
    s = event_summaries
    data = {
        i: zlib.compress(json.dumps(d, separators=(",", ":")).encode())
        for i, d in sorted(summaries.items())
    }
    stored: dict[str, bytes] = {}
    for part in _parts(data):
        query = select(s.c.event_id, s.c.data).where(s.c.event_id.in_(part))
        stored.update((i, bytes(b)) for i, b in conn.execute(query))
    same = {i for i, b in data.items() if stored.get(i) == b}
    for part in _parts({*gone, *data} - same):
        conn.execute(s.delete().where(s.c.event_id.in_(part)))
    rows = [{"event_id": i, "data": b} for i, b in data.items() if i not in same]
    for start in range(0, len(rows), 500):
        conn.execute(s.insert(), rows[start : start + 500])


def load_raw_summaries(conn: Connection, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """The stored summary data of these events (with an attach state where one was kept)."""
    out: dict[str, dict[str, Any]] = {}
    s = event_summaries
    for part in _parts(ids):
        for event_id, data in conn.execute(
            select(s.c.event_id, s.c.data).where(s.c.event_id.in_(part))
        ):
            out[event_id] = json.loads(zlib.decompress(bytes(data)))
    return out


def moved_articles(
    conn: Connection, regrouped: Iterable[str], duplicate_of: Mapping[str, str]
) -> set[str]:
    """The stored articles of a touched copy group whose canonical changed (the stored
    group's canonical, or the article itself when it had no group, against `duplicate_of`).
    The clustering reads a copy group only through its canonical (`merge` links and
    independent sources use `duplicate_of.get(article, article)`), so the events of the
    others are unchanged unless a new mention joins them, which the fit test decides."""
    a, g = S.articles, S.duplicate_groups
    stored: dict[str, str] = {}
    for part in _parts(regrouped):
        query = (
            select(a.c.id, g.c.canonical_id)
            .join(g, g.c.id == a.c.duplicate_group_id)
            .where(a.c.id.in_(part))
        )
        stored.update((article, canonical) for article, canonical in conn.execute(query))
    return {x for x in regrouped if stored.get(x, x) != duplicate_of.get(x, x)}


def candidate_events(
    conn: Connection,
    new: Sequence[EventMention],
    articles: dict[str, Article],
    linked: set[str],
    regrouped: set[str],
) -> tuple[set[str], set[str]]:
    """(stored events a new mention could join: those of its blocking keys and of `linked`
    articles sharing a story or copy group with a new one; events of `regrouped` articles,
    whose copy group's canonical changed and which are always re-clustered)."""
    keys = {k for m in new for k in probe_keys(m, articles.get(m.evidence.article))}
    em, el = S.event_mentions, S.event_links
    events = _probe(conn, keys, events=True)
    of_articles = select(el.c.event_id).join(em, em.c.id == el.c.mention_id)
    events |= _column_in(conn, el.c.event_id, em.c.article_id, linked - regrouped, of_articles)
    moved = _column_in(conn, em.c.id, em.c.article_id, regrouped) if regrouped else set()
    return events, _column_in(conn, el.c.event_id, el.c.mention_id, moved) if moved else set()


def event_members(conn: Connection, events: Iterable[str]) -> dict[str, list[str]]:
    """Event id -> its mention ids."""
    el = S.event_links
    out: dict[str, list[str]] = {}
    for part in _parts(events):
        query = select(el.c.event_id, el.c.mention_id).where(el.c.event_id.in_(part))
        for event_id, mention_id in conn.execute(query):
            out.setdefault(event_id, []).append(mention_id)
    return out


def read_mentions(conn: Connection, ids: Iterable[str]) -> list[EventMention]:
    em = S.event_mentions
    mentions: list[EventMention] = []
    raw = type_coerce(em.c.data, Text)  # SQLite: the JSON text, validated in one pass
    for part in _parts(ids):
        for (data,) in conn.execute(select(raw).where(em.c.id.in_(part))):
            if isinstance(data, str | bytes):
                mentions.append(EventMention.model_validate_json(data))
            else:  # PostgreSQL's driver hands JSON over parsed
                mentions.append(EventMention.model_validate(data))
    return mentions


def read_events(conn: Connection, ids: Iterable[str]) -> dict[str, Event]:
    out: dict[str, Event] = {}
    for part in _parts(ids):
        for (data,) in conn.execute(select(S.events.c.data).where(S.events.c.id.in_(part))):
            event = Event.model_validate(data)
            out[event.id] = event
    return out


def merge_touched(
    store: Store,
    new: Sequence[EventMention],
    *,
    articles: dict[str, Article],
    duplicate_of: Mapping[str, str],
    linked: set[str],
    stories: StoredStories,
    next_seq: int,
    regrouped: set[str] | None = None,
    redated: Sequence[EventMention] = (),
) -> tuple[list[tuple[Event, list[str], dict[str, Any]]], set[str], StableIds]:
    """Link the new mentions to the stored events: a mention that fits exactly one stored
    event is attached to it; the others are re-clustered with the stored events they could
    join or whose copy groups changed (`eventline.analysis.event_link`), and the events of
    stored mentions a story date re-dated (`redated`, as re-dated): (events with their
    mention ids and summaries, ids of the touched stored events, the id assigner).
    `duplicate_of`: each article's copy group canonical (`dedup_table.Canonicals`)."""
    from eventline.analysis.event_link import link_events

    return link_events(
        store,
        new,
        articles=articles,
        duplicate_of=duplicate_of,
        linked=linked,
        stories=stories,
        next_seq=next_seq,
        regrouped=regrouped or set(),
        redated=redated,
    )


# --- claims ------------------------------------------------------------------------------


def _in_windows(day: str | None, windows: Sequence[Any]) -> bool:
    if not day or day.startswith("--"):
        return False
    value = day[:10]
    return any(w is None or (w[0].isoformat() <= value <= w[1].isoformat()) for w in windows)


def relink_claims(
    store: Store,
    raw: Sequence[Claim],
    *,
    fresh_claims: bool,
    events: Sequence[Event],
    gone_events: set[str],
    quotes: Sequence[Quote],
    mentions: Sequence[Mention],
    articles: dict[str, Article],
) -> list[Claim] | None:
    """Claims re-linked with the evidence of their windows, or None when no new fact-check
    or evidence falls within any claim's window (the stored claims stand)."""
    if not raw:
        return None
    windows = [claim_window(c) for c in raw]
    quote_days = [
        articles[q.article].published.value  # type: ignore[union-attr]
        for q in quotes
        if q.article in articles and articles[q.article].published is not None
    ]
    news = any(_in_windows(e.date, windows) for e in events) or any(
        _in_windows(d, windows) for d in quote_days
    )
    if not (fresh_claims or news):
        return None
    ev, qu = S.events, S.quotes
    event_query, quote_query = select(ev.c.data), select(qu.c.data)
    if all(w is not None for w in windows):
        lo = min(w[0] for w in windows if w is not None).isoformat()
        hi = max(w[1] for w in windows if w is not None).isoformat()
        event_query = event_query.where(ev.c.day >= lo, ev.c.day <= hi + "~")
        quote_query = quote_query.where(qu.c.date >= lo, qu.c.date <= hi + "~")
    ids = {e.id for e in events} | gone_events
    with store.engine.connect() as conn:
        stored_events = [Event.model_validate(r[0]) for r in conn.execute(event_query)]
        stored_quotes = [Quote.model_validate(r[0]) for r in conn.execute(quote_query)]
        reviewers = {c.reviewer_article for c in raw}
        stored_mentions = [
            Mention.model_validate(r[0])
            for part in _parts(reviewers)
            for r in conn.execute(
                select(S.actor_mentions.c.data).where(S.actor_mentions.c.article_id.in_(part))
            )
        ]
    quote_ids = {q.id for q in quotes}
    return link_claims(
        raw,
        events=[*(e for e in stored_events if e.id not in ids), *events],
        quotes=[*(q for q in stored_quotes if q.id not in quote_ids), *quotes],
        articles=articles,
        mentions=[*stored_mentions, *mentions],
    )


__all__ = [
    "BLOCKS_KEY",
    "LINKED_AT_KEY",
    "article_stubs",
    "articles_by_id",
    "blocks_marker",
    "candidate_events",
    "event_members",
    "linked_at",
    "load_raw_summaries",
    "load_summaries",
    "merge_touched",
    "moved_articles",
    "new_articles",
    "read_events",
    "read_mentions",
    "relink_claims",
    "resolve_new",
    "write_articles",
    "write_some",
    "write_summaries",
]
