"""Reads and writes of the incremental analysis tables (store/schema_analysis.py).

Kept beside the analysis rather than in `Store` so the store's owner and this stage do not
edit one file; every function takes the `Store` and uses its engine, one transaction each."""

from __future__ import annotations

import hashlib
import json
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, Select, and_, delete, exists, func, insert, literal, select
from sqlalchemy.exc import SQLAlchemyError

from eventline.errors import StoreError
from eventline.store import Store
from eventline.store.db import ARTICLES_CHANGED, RESULTS_CHANGED, get_blobs, lock_for_change
from eventline.store.schema import articles, documents
from eventline.store.schema_analysis import analysis_errors, analysis_results, id_assignments

if TYPE_CHECKING:  # the records load where they are built: "anything new?" needs none
    from typing import TypeAlias

    from eventline.model import AnalysisFailure, Article, ArticleAnalysis

    Outcome: TypeAlias = ArticleAnalysis | AnalysisFailure

#: The change markers (`ARTICLES_CHANGED`, `RESULTS_CHANGED`) and analysis key under which a
#: scan last found no pending article: while they are the same, nothing is pending.
PENDING_CHECKED = "index:pending-checked"


def _json(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str | bytes) else value


def pack(analysis: ArticleAnalysis) -> bytes:
    """Compact JSON, zlib-compressed: stored results are read back whole, never queried."""
    return zlib.compress(analysis.model_dump_json().encode("utf-8"), 6)


def unpack(data: bytes) -> ArticleAnalysis:
    from eventline.model import ArticleAnalysis

    return ArticleAnalysis.model_validate_json(zlib.decompress(data))


def pending_query(key: str, *, everything: bool = False, column: Any = None) -> Select[Any]:
    """Articles' data (or `column`) without an analysis (or a recorded failure) for `key`."""
    query = select(articles.c.data if column is None else column).select_from(articles)
    if not everything:
        # The analysed ids of `key` come from one index (`ix_analysis_results_key_article`,
        # migration 0012): probing each article's result row read the rows' zlib'd results.
        done = select(analysis_results.c.article_id).where(analysis_results.c.key == key)
        failed = exists().where(
            and_(analysis_errors.c.article_id == articles.c.id, analysis_errors.c.key == key)
        )
        query = query.where(articles.c.id.not_in(done), ~failed)
    return query


def changes_marker(conn: Connection, *names: str, extra: str = "") -> bytes:
    """A digest of the store's change markers `names` (ARTICLES_CHANGED, RESULTS_CHANGED)
    and `extra`: equal digests mean that nothing of those kinds was written in between.
    One primary-key read, whatever the store's size."""
    found = get_blobs(conn, names)
    text = "|".join([*(found.get(n, b"-").decode() for n in names), extra])
    return hashlib.sha256(text.encode()).hexdigest().encode()


def anything_pending(store: Store, key: str) -> bool:
    """Is any article without an analysis (or a recorded failure) for `key`?

    When no article or result was written since a scan last found nothing pending for this
    key, nothing is (one indexed read, `PENDING_CHECKED`). Else the anti-join stops at the
    first pending article (`LIMIT 1`, primary-key probes, no article data read); finding
    none, it records the markers it started from, so the next call needs no scan. The
    markers are read before the scan: an article committed meanwhile changes them."""
    with store.engine.connect() as conn:
        marker = changes_marker(conn, ARTICLES_CHANGED, RESULTS_CHANGED, extra=key)
        if get_blobs(conn, [PENDING_CHECKED]).get(PENDING_CHECKED) == marker:
            return False
        query = pending_query(key, column=literal(1)).limit(1)
        found = conn.execute(query).first() is not None
    if not found and not store.read_only:
        store.put_blob(PENDING_CHECKED, marker)
    return found


def pending_count(store: Store, key: str) -> int:
    """Pending articles, counting those other workers hold claimed (still uncommitted)."""
    query = select(func.count()).select_from(pending_query(key).subquery())
    with store.engine.connect() as conn:
        return int(conn.execute(query).scalar_one())


def pending_articles(store: Store, key: str, *, everything: bool = False) -> list[Article]:
    """Articles without an analysis (or a recorded failure) for `key`, in store order."""
    from eventline.model import Article

    query = (
        pending_query(key, everything=everything)
        .join(documents, documents.c.id == articles.c.document_id)
        .order_by(documents.c.source_path, articles.c.item)
    )
    with store.engine.connect() as conn:
        return [Article.model_validate(_json(row[0])) for row in conn.execute(query)]


def write_outcomes(store: Store, outcomes: Sequence[Outcome]) -> None:
    """Store one batch of per-article results in one transaction: an interrupted run keeps
    every batch written before it, and the next run picks up the rest."""
    try:
        with store.engine.begin() as conn:
            write_outcomes_in(conn, outcomes)
    except SQLAlchemyError as exc:
        raise StoreError(store.url, f"cannot write per-article results: {exc}") from exc


def write_outcomes_in(conn: Connection, outcomes: Sequence[Outcome]) -> None:
    """`write_outcomes` inside an open transaction (a worker's claiming transaction)."""
    from eventline.model import AnalysisFailure, ArticleAnalysis

    done = [o for o in outcomes if isinstance(o, ArticleAnalysis)]
    failed = [o for o in outcomes if isinstance(o, AnalysisFailure)]
    now = datetime.now(UTC)
    ids = [o.article for o in outcomes]
    # the articles, then the results marker, before any write: the order every writer takes
    # them in (store.db.lock_for_change), so a delete or a correction cannot deadlock with it
    lock_for_change(conn, ids, (RESULTS_CHANGED,))
    conn.execute(delete(analysis_results).where(analysis_results.c.article_id.in_(ids)))
    conn.execute(delete(analysis_errors).where(analysis_errors.c.article_id.in_(ids)))
    if done:
        conn.execute(
            insert(analysis_results),
            [
                {
                    "article_id": a.article,
                    "key": a.key,
                    "words": a.words,
                    "data": pack(a),
                    "analysed_at": now,
                }
                for a in done
            ],
        )
    if failed:
        conn.execute(
            insert(analysis_errors),
            [
                {
                    "article_id": f.article,
                    "stage": f.stage,
                    "key": f.key,
                    "reason": f.reason,
                    "failed_at": now,
                }
                for f in failed
            ],
        )


def iter_analyses(
    store: Store, *, article_ids: Iterable[str] | None = None
) -> Iterator[ArticleAnalysis]:
    """Stored per-article results (all, or those of `article_ids`), by article id."""
    query = select(analysis_results.c.data).order_by(analysis_results.c.article_id)
    if article_ids is not None:
        query = query.where(analysis_results.c.article_id.in_(list(article_ids)))
    with store.engine.connect() as conn:
        for row in conn.execute(query):
            yield unpack(row[0])


def failures(store: Store) -> list[AnalysisFailure]:
    from eventline.model import AnalysisFailure

    query = select(analysis_errors).order_by(analysis_errors.c.article_id, analysis_errors.c.stage)
    with store.engine.connect() as conn:
        return [
            AnalysisFailure(article=r.article_id, stage=r.stage, reason=r.reason, key=r.key)
            for r in conn.execute(query)
        ]


def analysis_size(store: Store) -> tuple[int, int]:
    """(articles analysed, bytes of their stored results as JSON text)."""
    query = select(func.count(), func.sum(func.length(analysis_results.c.data)))
    with store.engine.connect() as conn:
        count, size = conn.execute(query).one()
    return int(count), int(size or 0)


# --- stable ids ---------------------------------------------------------------------------


def assignments(
    store: Store, kind: str, *, members: Sequence[str] | None = None
) -> dict[str, tuple[str, int]]:
    """member -> (record id, seq) for one kind of record ("event", "dup"): all, or those of
    `members`."""
    a = id_assignments
    query = select(a.c.member, a.c.target, a.c.seq).where(a.c.kind == kind)
    with store.engine.connect() as conn:
        if members is None:
            return {m: (t, s) for m, t, s in conn.execute(query)}
        out: dict[str, tuple[str, int]] = {}
        wanted = sorted(set(members))
        for start in range(0, len(wanted), 500):
            part = query.where(a.c.member.in_(wanted[start : start + 500]))
            out.update({m: (t, s) for m, t, s in conn.execute(part)})
        return out


def update_assignments(
    conn: Any,
    kind: str,
    chosen: dict[str, tuple[str, int]],
    stored: Mapping[str, tuple[str, int] | None] | None = None,
) -> None:
    """Replace the assignments of these members only (an incremental link), writing only the
    rows that change: a re-clustered event mostly keeps its id, and each of its members'
    rows deleted and inserted again dirtied pages of three random-keyed indexes (adding 100
    articles to 20,000 rewrote 1,813 rows, 1,443 of them unchanged). `stored`: the stored
    assignments of members the caller already read in this link (None: it has none), which
    are not read again."""
    a = id_assignments
    members = sorted(chosen)
    known = stored or {}
    held: dict[str, tuple[str, int]] = {
        m: (v[0], int(v[1])) for m in members if m in known and (v := known[m]) is not None
    }
    unread = [m for m in members if m not in known]
    for start in range(0, len(unread), 500):
        part = unread[start : start + 500]
        query = select(a.c.member, a.c.target, a.c.seq).where(
            a.c.kind == kind, a.c.member.in_(part)
        )
        held.update({m: (t, int(s)) for m, t, s in conn.execute(query)})
    changed = {m: chosen[m] for m in members if held.get(m) != tuple(chosen[m])}
    stale = [m for m in changed if m in held]
    for start in range(0, len(stale), 500):
        part = stale[start : start + 500]
        conn.execute(delete(a).where(a.c.kind == kind, a.c.member.in_(part)))
    rows = assignment_rows(kind, changed)
    if rows:
        conn.execute(insert(a), rows)


def assignment_rows(kind: str, chosen: dict[str, tuple[str, int]]) -> list[dict[str, Any]]:
    return [
        {"kind": kind, "member": m, "target": t, "seq": s} for m, (t, s) in sorted(chosen.items())
    ]


def replace_assignments(conn: Any, kind: str, rows: list[dict[str, Any]]) -> None:
    conn.execute(delete(id_assignments).where(id_assignments.c.kind == kind))
    if rows:
        conn.execute(insert(id_assignments), rows)


def max_seq(store: Store) -> int:
    with store.engine.connect() as conn:
        value = conn.execute(select(func.max(id_assignments.c.seq))).scalar()
    return int(value or 0)
