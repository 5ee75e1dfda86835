"""Repair: remove articles, or correct an article's metadata, and bring the analysis along.

`delete_articles` removes the articles, their document when no article of it is left (so the
same file can be ingested again), their per-article results, failures and id assignments, and
every record derived from them; `update_article` rewrites an article's metadata and drops its
per-article result, since the publication date anchors its relative dates and the kind
switches modality rules. Both then re-link the corpus from stored results with new indexes
(the near-duplicate and story indexes cannot forget an article or its old date), keeping the
ids of every record that survives.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete, func, select, update

from eventline.analysis import state
from eventline.errors import UsageError
from eventline.model import Article, Document, Kind, Precision, Published
from eventline.store import Store
from eventline.store.schema import articles, blobs, documents, search_docs, story_articles
from eventline.store.schema_analysis import analysis_errors, analysis_results, id_assignments

_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_PRECISION: dict[int, Precision] = {4: "year", 7: "month", 10: "day"}
REBUILD_KEYS = ("index:duplicates:params", "index:stories")
KINDS: tuple[str, ...] = ("news", "opinion", "analysis", "fact-check")


def find_articles(
    store: Store, *, ids: Sequence[str] = (), source: str | None = None
) -> list[Article]:
    """Articles by id (or unique prefix) and/or by source path; an unknown one is an error."""
    found: dict[str, Article] = {}
    for prefix in ids:
        article = store.article(prefix)
        if article is None:
            raise UsageError("article", prefix, "no single article has this id or prefix")
        found[article.id] = article
    if source is not None:
        matched = [a for a in store.iter_articles() if a.source_path == source]
        if not matched:
            raise UsageError("--source", source, "no stored article comes from this source path")
        found.update((a.id, a) for a in matched)
    return list(found.values())


def delete_articles(store: Store, targets: Sequence[Article]) -> int:
    """Remove the articles and everything stored for them (corpus records: re-link after)."""
    ids = [a.id for a in targets]
    documents_of = {a.document_id for a in targets}
    with store.batch() as writer:
        conn = writer.conn
        # articles, then both markers, before any write: the order every writer takes them
        # (a worker may hold a pending one until it has written its result)
        writer.lock_for_change(ids)
        # read under the lock: a worker that held an article has written its mentions by now
        stored = select(analysis_results.c.data).where(analysis_results.c.article_id.in_(ids))
        mention_ids = [
            m.id for row in conn.execute(stored) for m in state.unpack(row[0]).event_mentions
        ]
        writer.clear_article_analysis(ids)
        conn.execute(delete(analysis_results).where(analysis_results.c.article_id.in_(ids)))
        conn.execute(delete(analysis_errors).where(analysis_errors.c.article_id.in_(ids)))
        members = [*ids, *mention_ids]
        conn.execute(delete(id_assignments).where(id_assignments.c.member.in_(members)))
        conn.execute(delete(search_docs).where(search_docs.c.article_id.in_(ids)))
        conn.execute(delete(story_articles).where(story_articles.c.article_id.in_(ids)))
        conn.execute(delete(articles).where(articles.c.id.in_(ids)))
        for document_id in documents_of:
            left = conn.execute(
                select(func.count()).where(articles.c.document_id == document_id)
            ).scalar_one()
            if not left:
                conn.execute(delete(documents).where(documents.c.id == document_id))
    return len(ids)


def published_from(value: str) -> Published:
    """A user-supplied publication date: YYYY, YYYY-MM or YYYY-MM-DD, checked on a calendar."""
    import datetime as dt

    if not _DATE.match(value):
        raise UsageError("--published", value, "not a date; use YYYY, YYYY-MM or YYYY-MM-DD")
    padded = value + "-01" * ((10 - len(value)) // 3)
    try:
        dt.date.fromisoformat(padded)
    except ValueError as exc:
        raise UsageError("--published", value, f"not a calendar date ({exc})") from exc
    precision: Precision = _PRECISION[len(value)]
    return Published(value=value, precision=precision, evidence="user", source="user")


def update_article(
    store: Store,
    article: Article,
    *,
    published: str | None = None,
    outlet: str | None = None,
    kind: str | None = None,
) -> Article:
    """Write corrected metadata and drop the article's per-article result (re-analyse after)."""
    changes: dict[str, Any] = {}
    if published is not None:
        changes["published"] = published_from(published)
    if outlet is not None:
        changes["outlet"] = outlet.strip() or None
    if kind is not None:
        if kind not in KINDS:
            raise UsageError("--kind", kind, f"not an article kind; use {', '.join(KINDS)}")
        changes["kind"] = kind
    if not changes:
        raise UsageError(
            "article", article.id, "nothing to update: give --published, --outlet or --kind"
        )
    fixed = article.model_copy(update=changes)
    _write_article(store, fixed)
    return fixed


def _write_article(store: Store, article: Article) -> None:
    kind: Kind = article.kind
    with store.batch() as writer:
        conn = writer.conn
        # the article, then both markers (it writes both tables): see delete_articles
        writer.lock_for_change([article.id])
        conn.execute(
            update(articles)
            .where(articles.c.id == article.id)
            .values(
                kind=kind,
                title=article.title,
                url=article.url,
                outlet=article.outlet,
                published=article.published.value if article.published else None,
                data=article.model_dump(mode="json"),
            )
        )
        writer.clear_article_analysis([article.id])
        # The copy and story indexes hold the old date: rebuild them on the next link.
        conn.execute(delete(blobs).where(blobs.c.key.in_(REBUILD_KEYS)))
        conn.execute(delete(analysis_results).where(analysis_results.c.article_id == article.id))
        conn.execute(delete(analysis_errors).where(analysis_errors.c.article_id == article.id))


def replace_metadata(store: Store, doc: Document, fresh: Sequence[Article]) -> bool:
    """Re-ingested bytes: write the articles' new metadata where it differs from the stored
    articles (same ids: they derive from the bytes), and the document's hints."""
    changed = []
    for article in fresh:
        stored = store.article(article.id)
        if stored is not None and stored != article:
            changed.append(article)
    if not changed:
        return False
    for article in changed:
        _write_article(store, article)
    with store.batch() as writer:
        meta = {
            "items": [i.model_dump(mode="json") for i in doc.items],
            "hints": doc.hints.model_dump(mode="json"),
        }
        writer.conn.execute(update(documents).where(documents.c.id == doc.id).values(meta=meta))
    return True
