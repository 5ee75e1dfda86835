"""Writes of analysis records, inside one transaction (`Store.batch()`).

Per-article results (actor mentions, event mentions, quotes, timexes) are written per article
and pipeline version, replacing that article's previous results; corpus records (actors,
merged events, duplicate groups, stories, claims) are upserted by their stable ids. Each
method keeps the derived rows in step: party and dyad rows of events, article links of
stories and duplicate groups, and the full-text rows of quotes and event evidence.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, Table, and_, bindparam, delete, or_, select, text, update
from sqlalchemy.dialects import postgresql, sqlite

from eventline.model import (
    Actor,
    Article,
    Claim,
    DuplicateGroup,
    Event,
    EventCore,
    EventMention,
    Mention,
    Quote,
    Story,
    Timex,
)
from eventline.store import rows as R
from eventline.store import schema as S
from eventline.store.schema_analysis import actor_keys, event_blocks

_CHUNK = 500
_DYAD_SOURCES = "0008"  # the migration that gave dyad rows their event's sources
# what the rollup reads of stored dyad rows (every column but `sources`, which 0002's
# carry-over, run with this Writer, does not have yet)
_ROLLED = [c for c in S.event_dyads.columns if c.name != "sources"]


class _Unset:
    """Marks an argument that was not given (None means "clear it")."""


UNSET: Any = _Unset()


Row = dict[str, Any]


def _names(table: Table) -> list[str]:
    return [c.name for c in table.primary_key.columns]


def _pk(table: Table, row: Mapping[str, Any]) -> tuple[Any, ...]:
    return tuple(row[n] for n in _names(table))


def _chunks(items: Sequence[str]) -> Iterable[Sequence[str]]:
    for n in range(0, len(items), _CHUNK):
        yield items[n : n + _CHUNK]


class Writer:
    """Write methods bound to one open transaction; obtain one from `Store.batch()`."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self._dialect = postgresql if conn.dialect.name == "postgresql" else sqlite

    def lock_for_change(self, article_ids: Collection[str] = (), *, results: bool = True) -> None:
        """First thing in a transaction that changes articles (and, with `results`, their
        per-article results or failures): lock those articles' rows and the change markers
        in the fixed order of `db.lock_for_change`, so no two such writers deadlock."""
        from eventline.store.db import ARTICLES_CHANGED, RESULTS_CHANGED, lock_for_change

        markers = (ARTICLES_CHANGED, RESULTS_CHANGED) if results else (ARTICLES_CHANGED,)
        lock_for_change(self.conn, article_ids, markers)

    # --- primitives -------------------------------------------------------------------------

    def _insert(self, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
        if rows:
            self.conn.execute(table.insert(), list(rows))

    def _upsert(self, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
        """INSERT … ON CONFLICT (primary key) DO UPDATE: the newest content wins."""
        if not rows:
            return
        stmt: Any = self._dialect.insert(table)
        keys = [c.name for c in table.primary_key.columns]
        changed = {c: stmt.excluded[c] for c in rows[0] if c not in keys}
        if changed:
            stmt = stmt.on_conflict_do_update(index_elements=keys, set_=changed)
        else:
            stmt = stmt.on_conflict_do_nothing()
        self.conn.execute(stmt, list(rows))

    def _delete_in(self, table: Table, column: str, ids: Collection[str]) -> None:
        for part in _chunks(sorted(ids)):
            self.conn.execute(delete(table).where(table.c[column].in_(part)))

    def _replace_owned(
        self, table: Table, owner: str, owners: Collection[str], rows: Sequence[Mapping[str, Any]]
    ) -> None:
        """Make `rows` the only rows of these owners (`table.<owner>` in `owners`), deleting
        and inserting only the rows that differ: an actor seen under thousands of names
        gains one, and rewriting all of them on every link grew with the store. For tables
        of plain text columns (the stored values compare equal to the given ones)."""
        columns = [c.name for c in table.columns]
        keys = _names(table)
        stored: set[tuple[Any, ...]] = set()
        for part in _chunks(sorted(owners)):
            query = select(*table.columns).where(table.c[owner].in_(part))
            stored.update(tuple(row) for row in self.conn.execute(query))
        wanted = {tuple(r[c] for c in columns): r for r in rows}
        gone = [dict(zip(columns, row, strict=True)) for row in sorted(stored - wanted.keys())]
        for start in range(0, len(gone), _CHUNK):
            match = [
                and_(*(table.c[k] == row[k] for k in keys)) for row in gone[start : start + _CHUNK]
            ]
            self.conn.execute(delete(table).where(or_(*match)))
        self._upsert(table, [r for values, r in wanted.items() if values not in stored])

    def _lookup(self, column: str, ids: Collection[str]) -> dict[str, Any]:
        """articles.<column> for the given article ids."""
        found: dict[str, Any] = {}
        for part in _chunks(sorted(ids)):
            query = select(S.articles.c.id, S.articles.c[column]).where(S.articles.c.id.in_(part))
            found.update({row[0]: row[1] for row in self.conn.execute(query)})
        return found

    def _write_parties(self, records: Sequence[EventCore], *, merged: bool = False) -> None:
        """Party and dyad rows of events or mentions; for merged events also what they add
        to the monthly dyad rollup, net of what their previous versions had added."""
        ids = [r.id for r in records]
        dyads = [row for r in records for row in R.dyad_rows(r)]
        if self._dyad_sources():
            parties = [row for r in records for row in R.party_rows(r)]
            self._replace_parties(ids, parties, dyads, merged=merged)
            return
        if merged:
            self._roll(self._stored_dyads(ids), dyads)
        self._delete_in(S.event_parties, "event_id", ids)
        self._delete_in(S.event_dyads, "event_id", ids)
        self._insert(S.event_parties, [row for r in records for row in R.party_rows(r)])
        if dyads:  # 0002's carry-over writes through this Writer before 0008 added `sources`
            dyads = [{k: v for k, v in row.items() if k != "sources"} for row in dyads]
        self._insert(S.event_dyads, dyads)

    def _replace_parties(
        self, ids: Sequence[str], parties: Sequence[Row], dyads: Sequence[Row], *, merged: bool
    ) -> None:
        """Replace these events' party and dyad rows by writing only the rows that changed.
        Most events a link rewrites gain a mention or a source and keep their parties and
        most dyad facts; their rows sit at random places of tables keyed by actor and day,
        so each row deleted and inserted again dirtied (and wrote) its own index pages."""
        p, d = S.event_parties, S.event_dyads
        old_parties: set[tuple[Any, ...]] = set()
        old_dyads: dict[tuple[Any, ...], Row] = {}
        for part in _chunks(sorted(ids)):
            query = select(*p.primary_key.columns).where(p.c.event_id.in_(part))
            old_parties.update(tuple(row) for row in self.conn.execute(query))
            for row in self.conn.execute(select(d).where(d.c.event_id.in_(part))):
                mapping = dict(row._mapping)
                old_dyads[_pk(d, mapping)] = mapping
        if merged:  # what the rollup counts: merged events' rows, old and new
            self._roll([r for r in old_dyads.values() if r["level"] == "event"], dyads)
        new_parties = {_pk(p, row) for row in parties}
        new_dyads = {_pk(d, row): row for row in dyads}
        self._delete_keys(p, sorted(old_parties - new_parties))
        stale = [k for k, row in old_dyads.items() if new_dyads.get(k) != row]
        self._delete_keys(d, sorted(stale))
        self._insert(
            p, [dict(zip(_names(p), k, strict=True)) for k in sorted(new_parties - old_parties)]
        )
        self._insert(d, [row for k, row in new_dyads.items() if old_dyads.get(k) != row])

    def _delete_keys(self, table: Table, keys: Sequence[tuple[Any, ...]]) -> None:
        """Delete rows by their whole primary key."""
        if keys:
            names = _names(table)
            stmt = delete(table).where(*(table.c[n] == bindparam(f"k_{n}") for n in names))
            self.conn.execute(
                stmt, [{f"k_{n}": v for n, v in zip(names, k, strict=True)} for k in keys]
            )

    def _dyad_sources(self) -> bool:
        """Has `event_dyads` its `sources` column (migration 0008)? Not while an older
        migration writes through this Writer (0002 carries the 0001 records over with it).
        Read once per database connection from `alembic_version`, then remembered."""
        info = self.conn.connection.info
        if not info.get("dyad_sources"):
            version = self.conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            info["dyad_sources"] = version is None or str(version) >= _DYAD_SOURCES
        return bool(info["dyad_sources"])

    def _stored_dyads(self, ids: Sequence[str]) -> list[dict[str, Any]]:
        d = S.event_dyads
        found: list[dict[str, Any]] = []
        for part in _chunks(sorted(ids)):
            query = select(*_ROLLED).where(d.c.level == "event", d.c.event_id.in_(part))
            found.extend(dict(row._mapping) for row in self.conn.execute(query))
        return found

    def _roll(self, old: Sequence[Mapping[str, Any]], new: Sequence[Mapping[str, Any]]) -> None:
        """Apply the difference between old and new dyad rows to `dyad_months`."""
        deltas = R.rollup_deltas(old, sign=-1)
        for key, row in R.rollup_deltas(new).items():
            entry = deltas.setdefault(key, row | {"events": 0, "score_sum": 0.0, "scored": 0})
            entry["quad_class"] = row["quad_class"]
            for field in ("events", "score_sum", "scored"):
                entry[field] += row[field]
        rows = [r for r in deltas.values() if r["events"] or r["scored"]]
        if not rows:
            return
        table = S.dyad_months
        stmt: Any = self._dialect.insert(table)
        add = {f: table.c[f] + stmt.excluded[f] for f in ("events", "score_sum", "scored")}
        stmt = stmt.on_conflict_do_update(index_elements=list(R.ROLLUP_KEY), set_=add)
        self.conn.execute(stmt, rows)
        for part in _chunks(sorted({r["lo_key"] for r in rows})):
            self.conn.execute(delete(table).where(table.c.lo_key.in_(part), table.c.events <= 0))

    def _search(self, kind: str, rows: Iterable[tuple[str, str, str]]) -> None:
        """(ref id, article id, text) rows for the full-text index, replacing older ones."""
        fresh = [{"kind": kind, "ref_id": r, "article_id": a, "text": t} for r, a, t in rows if t]
        table = S.search_docs
        for part in _chunks([row["ref_id"] for row in fresh]):
            self.conn.execute(
                delete(table).where(and_(table.c.kind == kind, table.c.ref_id.in_(part)))
            )
        self._insert(table, fresh)

    def search_articles(self, articles: Sequence[Article]) -> None:
        """Index (or re-index) articles' titles and bodies for full-text search."""
        self._search("article", ((a.id, a.id, R.article_search_text(a)) for a in articles))

    # --- per-article results -----------------------------------------------------------------

    def write_article_analysis(
        self,
        article_id: str,
        version: str,
        *,
        mentions: Sequence[Mention] = (),
        events: Sequence[EventMention] = (),
        quotes: Sequence[Quote] = (),
        timexes: Sequence[Timex] = (),
    ) -> None:
        """Replace one article's per-article results and record the pipeline version."""
        self.clear_article_analysis([article_id])
        self.put_mentions(mentions)
        self.put_event_mentions(events)
        self.put_quotes(quotes)
        self.put_timexes(timexes)
        row = {"article_id": article_id, "version": version, "analysed_at": datetime.now(UTC)}
        self._upsert(S.article_analyses, [row])

    def clear_article_analysis(self, article_ids: Collection[str]) -> None:
        """Remove the per-article results of these articles (and what derives from them)."""
        ids = list(article_ids)
        for part in _chunks(ids):
            em = select(S.event_mentions.c.id).where(S.event_mentions.c.article_id.in_(part))
            for table in (S.event_parties, S.event_dyads):
                self.conn.execute(delete(table).where(table.c.event_id.in_(em)))
            docs = S.search_docs
            self.conn.execute(
                delete(docs).where(docs.c.article_id.in_(part), docs.c.kind != "article")
            )
        for table in (S.actor_mentions, S.event_mentions, S.quotes, S.timexes, event_blocks):
            self._delete_in(table, "article_id", ids)
        self._delete_in(S.article_analyses, "article_id", ids)

    def put_mentions(self, mentions: Sequence[Mention]) -> None:
        self._upsert(S.actor_mentions, [R.mention_row(m) for m in mentions])

    def put_timexes(self, timexes: Sequence[Timex]) -> None:
        self._upsert(S.timexes, [R.timex_row(t) for t in timexes])

    def put_event_mentions(self, mentions: Sequence[EventMention]) -> None:
        self._upsert(S.event_mentions, [R.event_mention_row(m) for m in mentions])
        self._write_parties(mentions)
        self._search("evidence", ((m.id, m.evidence.article, m.evidence.text) for m in mentions))

    def put_quotes(self, quotes: Sequence[Quote]) -> None:
        dates = self._lookup("published", {q.article for q in quotes})
        self._upsert(S.quotes, [R.quote_row(q, date=dates.get(q.article)) for q in quotes])
        self._search("quote", ((q.id, q.article, q.text) for q in quotes))

    # --- corpus records ----------------------------------------------------------------------

    def upsert_actors(self, actors: Sequence[Actor]) -> None:
        """Canonical actors and their aliases (the alias table is what new mentions are
        resolved against)."""
        self._upsert(S.actors, [R.actor_row(a) for a in actors])
        rows = [row for a in actors for row in R.alias_rows(a)]
        self._replace_owned(S.actor_aliases, "actor_id", [a.id for a in actors], rows)

    def upsert_events(
        self, events: Sequence[Event], *, links: Mapping[str, Sequence[str]] | None = None
    ) -> None:
        """Merged events by id, with their party rows and mention links. `links` maps an
        event id to its event-mention ids; without it they are recovered from the evidence.
        An event's story is its first report's article's story."""
        stories = self._lookup("story_id", {e.mentions[0].article for e in events if e.mentions})
        self._upsert(
            S.events,
            [
                R.event_row(e, story_id=stories.get(e.mentions[0].article) if e.mentions else None)
                for e in events
            ],
        )
        self._write_parties(events, merged=True)
        if links is None:
            links = self._recover_links(events)
        self._replace_links(links)

    def _replace_links(self, links: Mapping[str, Sequence[str]]) -> None:
        """Each event's mention links, writing only the pairs that changed: most events a
        link rewrites were re-clustered into the members they had, and one gaining a mention
        keeps the others (rewriting them dirtied pages of two random-keyed indexes)."""
        el = S.event_links
        stored: dict[str, set[str]] = {e: set() for e in links}
        for part in _chunks(sorted(links)):
            query = select(el.c.event_id, el.c.mention_id).where(el.c.event_id.in_(part))
            for event_id, mention_id in self.conn.execute(query):
                stored[event_id].add(mention_id)
        gone = sorted((e, m) for e, ms in links.items() for m in stored[e] - set(ms))
        self._delete_keys(el, gone)
        self._insert(
            el,
            [
                {"event_id": e, "mention_id": m}
                for e, ms in links.items()
                for m in ms
                if m not in stored[e]
            ],
        )

    def _recover_links(self, events: Sequence[Event]) -> dict[str, list[str]]:
        articles = sorted({m.article for e in events for m in e.mentions})
        mentions: list[EventMention] = []
        for part in _chunks(articles):
            query = select(S.event_mentions.c.data).where(S.event_mentions.c.article_id.in_(part))
            mentions.extend(EventMention.model_validate(r[0]) for r in self.conn.execute(query))
        return R.event_link_rows(events, mentions)

    def delete_events(self, ids: Collection[str]) -> None:
        self._roll(self._stored_dyads(sorted(ids)), [])
        for table, column in (
            (S.event_links, "event_id"),
            (S.event_parties, "event_id"),
            (S.event_dyads, "event_id"),
            (S.events, "id"),
        ):
            self._delete_in(table, column, ids)

    def upsert_duplicate_groups(self, groups: Sequence[DuplicateGroup]) -> None:
        """Groups by id; each member article gets the group and its canonical copy."""
        self._upsert(S.duplicate_groups, [R.group_row(g) for g in groups])
        a = S.articles
        wanted = {m: (g.id, g.canonical) for g in groups for m in g.members}
        changed: list[dict[str, str]] = []
        for part in _chunks(sorted(wanted)):  # only the rows whose links change, in one statement
            query = select(a.c.id, a.c.duplicate_group_id, a.c.canonical_id)
            for i, group, canonical in self.conn.execute(query.where(a.c.id.in_(part))):
                if (group, canonical) != wanted[i]:
                    changed.append({"b_id": i, "b_group": wanted[i][0], "b_canon": wanted[i][1]})
        if changed:
            self.conn.execute(
                update(a)
                .where(a.c.id == bindparam("b_id"))
                .values(duplicate_group_id=bindparam("b_group"), canonical_id=bindparam("b_canon")),
                changed,
            )

    def delete_duplicate_groups(self, ids: Collection[str]) -> None:
        a = S.articles
        for part in _chunks(sorted(ids)):
            self.conn.execute(
                update(a)
                .where(a.c.duplicate_group_id.in_(part))
                .values(duplicate_group_id=None, canonical_id=None)
            )
        self._delete_in(S.duplicate_groups, "id", ids)

    def upsert_stories(self, stories: Sequence[Story]) -> None:
        """Stories by id; their member lists replace the old ones and set articles.story_id."""
        self._upsert(S.stories, [R.story_row(s) for s in stories])
        self._replace_story_articles(stories)
        self._set_stories({a: s.id for s in stories for a in s.articles})

    def _replace_story_articles(self, stories: Sequence[Story]) -> None:
        """The stories' member rows, writing only those that changed: a link that files a new
        article under a stored story of many members rewrote every member's row."""
        sa = S.story_articles
        stored: dict[tuple[str, str], int] = {}
        for part in _chunks(sorted({s.id for s in stories})):
            query = select(sa.c.story_id, sa.c.article_id, sa.c.position)
            for story_id, article_id, position in self.conn.execute(
                query.where(sa.c.story_id.in_(part))
            ):
                stored[(story_id, article_id)] = position
        wanted = [row for s in stories for row in R.story_article_rows(s)]
        keep = {(r["story_id"], r["article_id"]) for r in wanted}
        gone = [key for key in stored if key not in keep]
        for start in range(0, len(gone), _CHUNK):
            pairs = gone[start : start + _CHUNK]
            self.conn.execute(
                delete(sa).where(
                    or_(*(and_(sa.c.story_id == s, sa.c.article_id == a) for s, a in pairs))
                )
            )
        changed = [
            r for r in wanted if stored.get((r["story_id"], r["article_id"])) != r["position"]
        ]
        self._upsert(sa, changed)

    def _set_stories(self, story_of: Mapping[str, str]) -> None:
        """articles.story_id of these articles, updating only the rows whose story changes
        (one statement for all, not one a story)."""
        a = S.articles
        changed: list[dict[str, str]] = []
        for part in _chunks(sorted(story_of)):
            query = select(a.c.id, a.c.story_id).where(a.c.id.in_(part))
            changed.extend(
                {"b_id": i, "b_story": story_of[i]}
                for i, current in self.conn.execute(query)
                if current != story_of[i]
            )
        if changed:
            self.conn.execute(
                update(a).where(a.c.id == bindparam("b_id")).values(story_id=bindparam("b_story")),
                changed,
            )

    def set_article_links(
        self,
        article_id: str,
        *,
        story_id: str | None = UNSET,
        duplicate_group_id: str | None = UNSET,
        canonical_id: str | None = UNSET,
    ) -> None:
        """Set (or clear, with None) an article's story, duplicate group and canonical copy;
        arguments not given are left as they are."""
        self._set_links(
            [article_id],
            story_id=story_id,
            duplicate_group_id=duplicate_group_id,
            canonical_id=canonical_id,
        )

    def _set_links(self, article_ids: Sequence[str], **values: Any) -> None:
        given = {k: v for k, v in values.items() if v is not UNSET}
        if not given:
            return
        a = S.articles
        # only the rows whose links change: a story's or group's stored members mostly keep
        # theirs, and rewriting an article's row (its whole JSON) dirtied its pages for nothing
        changes = or_(*(a.c[column].is_distinct_from(value) for column, value in given.items()))
        for part in _chunks(list(article_ids)):
            self.conn.execute(update(a).where(a.c.id.in_(part), changes).values(given))

    def upsert_claims(self, claims: Sequence[Claim]) -> None:
        """Claims by id with their evidence links (replaced whole per claim)."""
        outlets = self._lookup("outlet", {c.reviewer_article for c in claims})
        self._upsert(
            S.claims,
            [R.claim_row(c, rating_source=outlets.get(c.reviewer_article)) for c in claims],
        )
        self._delete_in(S.claim_evidence, "claim_id", [c.id for c in claims])
        self._insert(S.claim_evidence, [row for c in claims for row in R.claim_evidence_rows(c)])

    def put_actor_keys(self, rows: Sequence[Mapping[str, Any]]) -> None:
        """Resolver blocking keys of actors (key, actor_id), replacing those actors' keys."""
        self._replace_owned(actor_keys, "actor_id", {r["actor_id"] for r in rows}, rows)

    def upsert_actor_keys(self, rows: Sequence[Mapping[str, Any]]) -> None:
        """Add blocking keys of actors, keeping the ones they have."""
        self._upsert(actor_keys, rows)

    def put_event_blocks(self, rows: Sequence[Mapping[str, Any]]) -> None:
        """Blocking keys of event mentions (family, code, bucket, mention_id, article_id)."""
        self._upsert(event_blocks, rows)

    def put_blob(self, key: str, data: bytes) -> None:
        self._upsert(S.blobs, [{"key": key, "data": data}])

    # --- whole kinds ------------------------------------------------------------------------

    def clear(self, kind: str) -> None:
        """Empty one record kind and everything derived from it."""
        c = self.conn
        if kind == "actors":
            c.execute(delete(S.actor_aliases))
            c.execute(delete(actor_keys))
        elif kind in ("event_mentions", "events"):
            level = "mention" if kind == "event_mentions" else "event"
            for derived in (S.event_parties, S.event_dyads):
                c.execute(delete(derived).where(derived.c.level == level))
            if kind == "events":
                c.execute(delete(S.event_links))
                c.execute(delete(S.dyad_months))
            else:
                c.execute(delete(S.search_docs).where(S.search_docs.c.kind == "evidence"))
        elif kind == "quotes":
            c.execute(delete(S.search_docs).where(S.search_docs.c.kind == "quote"))
        elif kind == "duplicate_groups":
            c.execute(update(S.articles).values(duplicate_group_id=None, canonical_id=None))
        elif kind == "stories":
            c.execute(update(S.articles).values(story_id=None))
            c.execute(delete(S.story_articles))
        elif kind == "claims":
            c.execute(delete(S.claim_evidence))
        c.execute(delete(S.record_tables[kind]))

    def put(self, kind: str, records: Sequence[Any]) -> None:
        """Write records of one kind with the method that kind needs."""
        writers: dict[str, Callable[[Sequence[Any]], None]] = {
            "actors": self.upsert_actors,
            "mentions": self.put_mentions,
            "timexes": self.put_timexes,
            "event_mentions": self.put_event_mentions,
            "quotes": self.put_quotes,
            "duplicate_groups": self.upsert_duplicate_groups,
            "stories": self.upsert_stories,
            "events": self.upsert_events,
            "claims": self.upsert_claims,
        }
        writers[kind](records)


# The order in which kinds are written: links and lookups need what comes before them.
WRITE_ORDER = (
    "actors",
    "mentions",
    "timexes",
    "event_mentions",
    "quotes",
    "duplicate_groups",
    "stories",
    "events",
    "claims",
)
