"""Full-text search over `search_docs` (article titles and bodies, quotes, event evidence),
one interface over two backends:

- SQLite: an FTS5 external-content table `search_fts` over `search_docs`, kept in sync by
  triggers (so every write path that touches `search_docs` keeps the index right), ranked
  by bm25, Porter-stemmed English with diacritics folded.
- PostgreSQL: a stored `tsvector` column (`to_tsvector('english', text)`) with a GIN index,
  ranked by `ts_rank`; queries go through `websearch_to_tsquery`.

User queries read the same on both: words are all required, "quoted phrases" match as
phrases, `OR` between two terms accepts either, and `-word` excludes a word.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, text

from eventline.store.rows import date_range

_SQLITE_DDL = (
    "CREATE VIRTUAL TABLE search_fts USING fts5(text, content='search_docs', "
    "content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')",
    "CREATE TRIGGER search_docs_ai AFTER INSERT ON search_docs BEGIN "
    "INSERT INTO search_fts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER search_docs_ad AFTER DELETE ON search_docs BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, text) VALUES ('delete', old.id, old.text); END",
    "CREATE TRIGGER search_docs_au AFTER UPDATE ON search_docs BEGIN "
    "INSERT INTO search_fts(search_fts, rowid, text) VALUES ('delete', old.id, old.text); "
    "INSERT INTO search_fts(rowid, text) VALUES (new.id, new.text); END",
)
_POSTGRES_DDL = (
    "ALTER TABLE search_docs ADD COLUMN tsv tsvector "
    "GENERATED ALWAYS AS (to_tsvector('english', text)) STORED",
    "CREATE INDEX ix_search_docs_tsv ON search_docs USING GIN (tsv)",
)
# Objects the backend-specific DDL adds, which the SQLAlchemy tables do not describe.
BACKEND_OBJECTS = frozenset(
    {"search_fts", "search_fts_data", "search_fts_idx", "search_fts_docsize",
     "search_fts_config", "search_fts_content", "tsv", "ix_search_docs_tsv",
     "ix_dyad_months_pair", "ix_event_dyads_evidence"}
)  # fmt: skip


def create_index_ddl(dialect: str) -> tuple[str, ...]:
    return {"sqlite": _SQLITE_DDL, "postgresql": _POSTGRES_DDL}.get(dialect, ())


def drop_index_ddl(dialect: str) -> tuple[str, ...]:
    if dialect == "sqlite":
        drops = ("search_docs_ai", "search_docs_ad", "search_docs_au")
        return (*(f"DROP TRIGGER {t}" for t in drops), "DROP TABLE search_fts")
    if dialect == "postgresql":
        return ("DROP INDEX ix_search_docs_tsv", "ALTER TABLE search_docs DROP COLUMN tsv")
    return ()


def create_timeline_index_ddl(dialect: str) -> tuple[str, ...]:
    """PostgreSQL's covering index for monthly timelines (migration 0006): one pair's
    `dyad_months` rows as an index-only scan, which SQLite's clustered table already is."""
    if dialect != "postgresql":
        return ()
    return (
        "CREATE INDEX ix_dyad_months_pair ON dyad_months (lo_key, hi_key, modality) "
        "INCLUDE (month, direction, date_precision, type, quad_class, events, score_sum, "
        "scored)",
    )


def create_evidence_index_ddl(dialect: str) -> tuple[str, ...]:
    """PostgreSQL's covering index for a timeline's top evidence (migration 0008): what ranks
    one pair's events per period, as an index-only scan of the pair's key range (SQLite's
    `event_dyads` is clustered on that key already)."""
    if dialect != "postgresql":
        return ()
    return (
        "CREATE INDEX ix_event_dyads_evidence ON event_dyads (level, actor_key, recipient_key, "
        "modality, day) INCLUDE (event_id, date_precision, sources, score)",
    )


_TOKEN = re.compile(r'(-?)"([^"]*)"|(\S+)')
_WORD = re.compile(r"\w+")


def fts5_query(query: str) -> str:
    """The websearch-style query as FTS5 syntax, every term quoted so that punctuation in
    the user's words ("U.S.", "cease-fire") can never be a syntax error."""
    parts: list[str] = []
    for negate, phrase, bare in _TOKEN.findall(query):
        if bare == "OR":
            if parts and parts[-1] != "OR":
                parts.append("OR")
            continue
        if bare.startswith("-"):
            negate, bare = "-", bare[1:]
        words = _WORD.findall(phrase if phrase else bare)
        if not words:
            continue
        term = '"' + " ".join(words) + '"'
        parts.append(f"NOT {term}" if negate else term)
    while parts and parts[-1] == "OR":
        parts.pop()
    # FTS5 NOT is binary: "a NOT b"; a leading NOT has nothing to subtract from.
    while parts and parts[0].startswith("NOT "):
        parts.pop(0)
    return " ".join(parts)


@dataclass(frozen=True)
class Filters:
    since: str | None = None
    until: str | None = None
    outlet: str | None = None
    kind: str | None = None
    actor: str | None = None


@dataclass(frozen=True)
class Hit:
    kind: str
    ref_id: str
    article_id: str
    snippet: str
    score: float
    # the article's, read in the same statement as the hits (no second round trip)
    title: str | None = None
    outlet: str | None = None
    published: str | None = None


def _where(filters: Filters) -> tuple[str, dict[str, object]]:
    clauses: list[str] = []
    params: dict[str, object] = {}
    if filters.since:
        clauses.append("a.published >= :since")
        params["since"] = filters.since
    if filters.until:
        clauses.append("a.published <= :until")
        params["until"] = date_range(filters.until)[1] or filters.until  # all of a month
    if filters.outlet:
        clauses.append("a.outlet = :outlet")
        params["outlet"] = filters.outlet
    if filters.kind:
        clauses.append("a.kind = :kind")
        params["kind"] = filters.kind
    if filters.actor:
        clauses.append(
            "EXISTS (SELECT 1 FROM actor_mentions m JOIN actors r ON r.id = m.actor_id "
            "WHERE m.article_id = d.article_id AND (r.id = :actor OR r.country = :actor))"
        )
        params["actor"] = filters.actor
    return "".join(f" AND {c}" for c in clauses), params


# How many of a query's matches are ranked: its newest WINDOW (by index order, the order
# documents were indexed in). A query matching fewer is ranked exactly over all its matches;
# a broader one ("talks ministers", a word in one sentence out of six) is ranked over its
# WINDOW most recently indexed matches, so its cost stops growing with the store: finding
# the window reads about WINDOW / (share of documents matching) documents, newest first.
WINDOW = 500


def search(
    conn: Connection, query: str, *, filters: Filters, limit: int, window: int | None = WINDOW
) -> list[Hit]:
    """The best `limit` of the newest `window` matches of `query` (of every match when
    `window` is None), best first: bm25 on SQLite, `ts_rank` on PostgreSQL; ties by index
    order. Filters apply before the window is taken."""
    where, params = _where(filters)
    params["limit"] = limit
    params["window"] = window if window is not None else -1  # LIMIT -1 / ALL: no limit
    # The article is joined only when a filter needs it: ranking reads the index alone.
    join = "JOIN articles a ON a.id = d.article_id " if where else ""
    if conn.dialect.name == "postgresql":
        params["q"] = query
        sql = _postgres_sql(join, where, windowed=window is not None)
        rows = conn.execute(text(sql), params).all()
        return [_hit(r, r.snippet) for r in rows]
    if conn.dialect.name == "sqlite":
        params["q"] = fts5_query(query)
        return _sqlite_search(conn, join, where, params) if params["q"] else []
    raise NotImplementedError(f"full-text search on {conn.dialect.name}")


def _sqlite_search(conn: Connection, join: str, where: str, params: dict[str, object]) -> list[Hit]:
    """Two statements, so that bm25 runs on the window only and snippets on the hits only.

    The first finds the window's rowids, read newest first straight off the FTS5 doclists
    (FTS5 answers `ORDER BY rowid DESC` without sorting, and stops at the LIMIT), ranks the
    matches in that rowid range by bm25 and keeps the best `limit`. (bm25 also counts each
    term's documents once per query, a cost that follows how common the words are.)
    The second makes the hits' snippets, scanning the matches between the lowest hit and the
    newest document with the hits as a plain filter: FTS5 would run the whole query again
    for each rowid of an `IN` list it used as an index."""
    docs = f"JOIN search_docs d ON d.id = search_fts.rowid {join}" if where else ""
    ranked = conn.execute(
        text(
            "WITH cand AS (SELECT search_fts.rowid AS id FROM search_fts "
            f"{docs}WHERE search_fts MATCH :q{where} "
            "ORDER BY search_fts.rowid DESC LIMIT :window), "
            "best AS (SELECT rowid AS id, bm25(search_fts) AS r FROM search_fts "
            "WHERE search_fts MATCH :q AND rowid >= (SELECT min(id) FROM cand)"
            + (" AND rowid IN (SELECT id FROM cand)" if where else "")
            + " ORDER BY r, rowid LIMIT :limit) "
            f"SELECT best.id, d.kind, d.ref_id, d.article_id, -best.r AS score, {_ARTICLE} "
            f"FROM best JOIN search_docs d ON d.id = best.id {_ARTICLE_JOIN}"
            "ORDER BY best.r, best.id"
        ),
        params,
    ).all()
    if not ranked:
        return []
    ids = {f"h{n}": r.id for n, r in enumerate(ranked)}
    snippets: dict[int, str] = dict(
        conn.execute(
            text(
                "SELECT rowid, snippet(search_fts, 0, '[', ']', '…', 16) FROM search_fts "
                "WHERE search_fts MATCH :q AND rowid >= :low "
                f"AND +rowid IN ({', '.join(':' + k for k in ids)})"
            ),
            {"q": params["q"], "low": min(ids.values()), **ids},
        ).all()
    )
    return [_hit(r, snippets[r.id]) for r in ranked]


# What a hit shows of its article, joined to the hits in the statement that ranks them.
_ARTICLE = "art.title, art.outlet, art.published"
_ARTICLE_JOIN = "LEFT JOIN articles art ON art.id = d.article_id "


def _hit(row: Any, snippet: str) -> Hit:
    return Hit(row.kind, row.ref_id, row.article_id, snippet, float(row.score), row.title,
               row.outlet, row.published)  # fmt: skip


def _postgres_sql(join: str, where: str, *, windowed: bool) -> str:
    """The window's rows, `ts_rank` over the window, headlines of the hits.

    The planner chooses how to find the window from the words' statistics (ANALYZE keeps
    the most common lexemes of `tsv`): a broad query walks the primary key backwards and
    tests each row until the window is full (about `window` / share-of-matches rows, and
    never the GIN posting lists of its common words, which alone cost more than 100 ms at
    a million documents); a selective one reads its few matches through the GIN index and
    sorts them. (A broad word whose matches are all old makes the backward walk long: the
    statistics say how common a word is, not when.)"""
    window = "ORDER BY d.id DESC LIMIT :window" if windowed else ""
    # The query is written out in the WHERE clause, not taken from a CTE, so that the
    # planner sees its lexemes and can estimate how many rows match.
    tsquery = "websearch_to_tsquery('english', :q)"
    return (
        f"WITH cand AS (SELECT d.id, d.tsv FROM search_docs d {join}"
        f"WHERE d.tsv @@ {tsquery}{where} {window}), "
        f"best AS (SELECT cand.id, ts_rank(cand.tsv, {tsquery}) AS score FROM cand "
        "ORDER BY score DESC, cand.id LIMIT :limit) "
        "SELECT d.kind, d.ref_id, d.article_id, "
        f"ts_headline('english', d.text, {tsquery}, 'MaxWords=24, MinWords=8, StartSel=[, "
        f"StopSel=]') AS snippet, best.score, {_ARTICLE} "
        f"FROM best JOIN search_docs d ON d.id = best.id {_ARTICLE_JOIN}"
        "ORDER BY best.score DESC, d.id"
    )
