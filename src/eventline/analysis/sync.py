"""Write only what changed: corpus linking recomputes records, the store gets the difference.

A digest of every written record (corpus records by id; an article's per-article records
together, by article) is kept in `record_digests`. A link writes the records whose digest is
new or different and deletes those that disappeared, in one transaction, so the cost of the
write follows what the new articles changed, not the size of the corpus. A kind with no
digests yet (a store linked by an older version) is replaced whole once.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import BaseModel
from sqlalchemy import delete, insert, select, update

from eventline.corpus.merge import block_keys
from eventline.model import Actor, Article, EventMention
from eventline.nlp.names import org_key, surname_key
from eventline.store import Store
from eventline.store import schema as S
from eventline.store.schema_analysis import actor_keys, event_blocks, record_digests
from eventline.store.writer import Writer

PER_ARTICLE = ("mentions", "timexes", "event_mentions", "quotes")
CORPUS = ("actors", "duplicate_groups", "stories", "events", "claims")


def _digest(records: Sequence[BaseModel], extra: str = "") -> str:
    text = "\x1e".join([extra, *(r.model_dump_json() for r in records)])
    return hashlib.sha1(text.encode("utf-8"), usedforsecurity=False).hexdigest()


def _article_of(kind: str, record: Any) -> str:
    return str(record.evidence.article if kind == "event_mentions" else record.article)


def sync_records(
    store: Store,
    records: Mapping[str, Sequence[Any]],
    blobs: Mapping[str, bytes],
    *,
    context: Mapping[str, str],
    articles: Mapping[str, Article] | None = None,
    all_blocks: bool = False,
) -> int:
    """Bring the store's records to `records` (every kind of PER_ARTICLE and CORPUS);
    returns how many records were written or deleted. `context` maps an article id to what
    derived columns read from it (publication date, outlet, story), so a record is rewritten
    when that changes too. The event mentions' blocking keys (`event_blocks`) are written for
    the articles rewritten, or for all of them with `all_blocks` (`articles` gives their
    dates)."""
    with store.engine.connect() as conn:
        old: dict[str, dict[str, str]] = defaultdict(dict)
        for kind, rid, digest in conn.execute(select(record_digests)):
            old[kind][rid] = digest
    touched = 0
    with store.batch() as writer:
        touched += _sync_articles(
            writer, records, old["article"], context, articles or {}, all_blocks=all_blocks
        )
        for kind in CORPUS:
            touched += _sync_kind(writer, kind, records[kind], old.get(kind, {}), context)
        for key, data in blobs.items():
            writer.put_blob(key, data)
    return touched


def _set_digests(writer: Writer, kind: str, new: Mapping[str, str], gone: Sequence[str]) -> None:
    table = record_digests
    ids = [*new, *gone]
    for start in range(0, len(ids), 500):
        part = ids[start : start + 500]
        writer.conn.execute(delete(table).where(table.c.kind == kind, table.c.id.in_(part)))
    rows = [{"kind": kind, "id": i, "digest": d} for i, d in new.items()]
    if rows:
        writer.conn.execute(insert(table), rows)


def _sync_articles(
    writer: Writer,
    records: Mapping[str, Sequence[Any]],
    old: dict[str, str],
    context: Mapping[str, str],
    articles: Mapping[str, Article],
    *,
    all_blocks: bool = False,
) -> int:
    by_article: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    for kind in PER_ARTICLE:
        for record in records[kind]:
            by_article[_article_of(kind, record)][kind].append(record)
    digests = {
        art: _digest([r for kind in PER_ARTICLE for r in kinds.get(kind, [])], context.get(art, ""))
        for art, kinds in by_article.items()
    }
    if not old:  # never synced: start from a clean slate
        for kind in PER_ARTICLE:
            writer.clear(kind)
        changed = list(digests)
    else:
        changed = [a for a, d in digests.items() if old.get(a) != d]
    gone = [a for a in old if a not in digests]
    writer.clear_article_analysis([*changed, *gone])
    writer.put_mentions([m for a in changed for m in by_article[a]["mentions"]])
    writer.put_timexes([t for a in changed for t in by_article[a]["timexes"]])
    writer.put_event_mentions([e for a in changed for e in by_article[a]["event_mentions"]])
    writer.put_quotes([q for a in changed for q in by_article[a]["quotes"]])
    _set_digests(writer, "article", {a: digests[a] for a in changed}, gone)
    if all_blocks:
        writer.conn.execute(delete(event_blocks))
    blocked = list(by_article) if all_blocks else changed
    writer.put_event_blocks(
        block_rows([e for a in blocked for e in by_article[a]["event_mentions"]], articles)
    )
    return len(changed) + len(gone)


def block_rows(
    mentions: Sequence[EventMention], articles: Mapping[str, Article]
) -> list[dict[str, str]]:
    """`event_blocks` rows of event mentions (eventline.corpus.merge.block_keys)."""
    return [
        {
            "family": family,
            "code": code,
            "bucket": bucket,
            "mention_id": m.id,
            "article_id": m.evidence.article,
        }
        for m in mentions
        for family, code, bucket in block_keys(m, articles.get(m.evidence.article))
    ]


def write_articles(
    writer: Writer,
    records: Mapping[str, Sequence[Any]],
    article_ids: Sequence[str],
    *,
    context: Mapping[str, str],
    articles: Mapping[str, Article],
) -> None:
    """Write the per-article records of new articles (and their digests and blocking keys)
    without reading any other article's."""
    by_article: dict[str, dict[str, list[Any]]] = defaultdict(lambda: defaultdict(list))
    for kind in PER_ARTICLE:
        for record in records[kind]:
            by_article[_article_of(kind, record)][kind].append(record)
    writer.clear_article_analysis(article_ids)
    for kind in PER_ARTICLE:
        writer.put(kind, records[kind])
    digests = {
        art: _digest([r for kind in PER_ARTICLE for r in kinds.get(kind, [])], context.get(art, ""))
        for art, kinds in by_article.items()
    }
    _set_digests(writer, "article", digests, [a for a in article_ids if a not in digests])
    writer.put_event_blocks(block_rows(records["event_mentions"], articles))


def write_some(
    writer: Writer,
    kind: str,
    items: Sequence[Any],
    gone: Sequence[str],
    *,
    context: Mapping[str, str],
    links: Mapping[str, Sequence[str]] | None = None,
) -> int:
    """Write those of these records of one corpus kind whose digest changed and delete the
    `gone` ids, keeping the digests a later full link compares with (`links`: each event's
    mention ids). Returns how many records were written or deleted: a re-clustered event
    that came out as it was stored is not rewritten."""
    kept = {r.id for r in items}
    gone = [i for i in gone if i not in kept]
    _delete(writer, kind, gone)
    digests = {r.id: _digest([r], context.get(_source(kind, r), "")) for r in items}
    old = _stored_digests(writer, kind, list(digests))
    items = [r for r in items if old.get(r.id) != digests[r.id]]
    if kind == "events":
        chosen = {r.id for r in items}
        writer.upsert_events(
            items, links=None if links is None else {k: v for k, v in links.items() if k in chosen}
        )
    else:
        writer.put(kind, items)
    if kind == "actors":
        writer.put_actor_keys(actor_key_rows(items))
    _set_digests(writer, kind, {r.id: digests[r.id] for r in items}, gone)
    return len(items) + len(gone)


def _stored_digests(writer: Writer, kind: str, ids: Sequence[str]) -> dict[str, str]:
    table = record_digests
    found: dict[str, str] = {}
    for start in range(0, len(ids), 500):
        part = ids[start : start + 500]
        query = select(table.c.id, table.c.digest).where(table.c.kind == kind, table.c.id.in_(part))
        found.update({i: d for i, d in writer.conn.execute(query)})
    return found


def _source(kind: str, record: Any) -> str:
    """The article whose columns a record's derived columns read."""
    if kind == "events":
        return str(record.mentions[0].article) if record.mentions else ""
    if kind == "claims":
        return str(record.reviewer_article)
    return ""


def _sync_kind(
    writer: Writer,
    kind: str,
    items: Sequence[Any],
    old: dict[str, str],
    context: Mapping[str, str],
) -> int:
    digests = {r.id: _digest([r], context.get(_source(kind, r), "")) for r in items}
    if not old:
        writer.clear(kind)
        changed = list(items)
    else:
        changed = [r for r in items if old.get(r.id) != digests[r.id]]
    gone = [i for i in old if i not in digests]
    _delete(writer, kind, gone)
    writer.put(kind, changed)
    if kind == "actors":
        writer.put_actor_keys(actor_key_rows(changed))
    _set_digests(writer, kind, {r.id: digests[r.id] for r in changed}, gone)
    return len(changed) + len(gone)


def actor_key_rows(actors: Sequence[Actor]) -> list[dict[str, str]]:
    """`actor_keys` rows: the resolver's blocking key of each name an actor was seen under."""
    rows: dict[tuple[str, str], dict[str, str]] = {}
    for actor in actors:
        for key in actor_block_keys(actor):
            rows[(key, actor.id)] = {"key": key, "actor_id": actor.id}
    return list(rows.values())


def actor_block_keys(actor: Actor) -> set[str]:
    """A person's folded surnames, an organisation's folded names."""
    forms = {actor.name, *actor.aliases}
    if actor.type == "person":
        return {f"sur:{k}" for f in forms if (k := surname_key(f))}
    return {f"org:{k}" for f in forms if (k := org_key(f))}


def _delete(writer: Writer, kind: str, ids: Sequence[str]) -> None:
    """Remove records of one kind with the rows derived from them."""
    if not ids:
        return
    if kind == "events":
        writer.delete_events(ids)
        return
    if kind == "duplicate_groups":
        writer.delete_duplicate_groups(ids)
        return
    conn = writer.conn
    for start in range(0, len(ids), 500):
        part = list(ids[start : start + 500])
        if kind == "actors":
            conn.execute(delete(S.actor_aliases).where(S.actor_aliases.c.actor_id.in_(part)))
            conn.execute(delete(actor_keys).where(actor_keys.c.actor_id.in_(part)))
            conn.execute(delete(S.actors).where(S.actors.c.id.in_(part)))
        elif kind == "stories":
            conn.execute(
                update(S.articles).where(S.articles.c.story_id.in_(part)).values(story_id=None)
            )
            conn.execute(delete(S.story_articles).where(S.story_articles.c.story_id.in_(part)))
            conn.execute(delete(S.stories).where(S.stories.c.id.in_(part)))
        elif kind == "claims":
            conn.execute(delete(S.claim_evidence).where(S.claim_evidence.c.claim_id.in_(part)))
            conn.execute(delete(S.claims).where(S.claims.c.id.in_(part)))
