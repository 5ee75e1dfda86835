"""A worker keeps only the claimed articles still pending once their rows are locked (#10:
no article analysed twice). The claiming statement reads results as of its start, so an
article another worker finished while it ran looks pending; the re-check sees the commit."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from eventline.analysis import state
from eventline.analysis import worker as worker_module
from eventline.analysis.key import analysis_key
from eventline.model import Article, ArticleAnalysis
from eventline.pipeline import ingest, plan_sources
from eventline.settings import Settings
from eventline.store import Store

pytestmark = pytest.mark.parametrize("store", ["postgresql"], indirect=True)


def _articles(store: Store, folder: Path, settings: Settings, count: int) -> list[Article]:
    folder.mkdir()
    for n in range(count):
        text = f"Notice {n}\n\nThe bridge at mile {n} reopened on Friday after repairs.\n"
        (folder / f"n{n:03d}.txt").write_text(text, encoding="utf-8")
    ingest(store, plan_sources([str(folder)])[0], settings=settings)
    return sorted(state.pending_articles(store, analysis_key(settings)), key=lambda a: a.id)


def test_a_claimed_article_finished_meanwhile_is_dropped(
    store: Store, settings: Settings, tmp_path: Path
) -> None:
    key = analysis_key(settings)
    found = _articles(store, tmp_path / "in", settings, 3)
    # What a stale claim would hold: all three, though one was analysed by another worker.
    state.write_outcomes(store, [ArticleAnalysis(article=found[1].id, key=key)])
    with store.engine.connect() as conn:
        kept = worker_module._still_pending(conn, found, key)
    assert [a.id for a in kept] == [found[0].id, found[2].id]


def test_claim_batch_analyses_only_pending_articles(
    store: Store, settings: Settings, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key = analysis_key(settings)
    found = _articles(store, tmp_path / "in", settings, 3)
    state.write_outcomes(store, [ArticleAnalysis(article=found[0].id, key=key)])
    seen: list[str] = []

    def analyse(batch: Sequence[Article], *_: Any, **__: Any) -> list[ArticleAnalysis]:
        seen.extend(a.id for a in batch)
        return [ArticleAnalysis(article=a.id, key=key) for a in batch]

    monkeypatch.setattr(worker_module, "analyse_bounded", analyse)
    done = worker_module.claim_batch(store, None, settings, key=key)  # type: ignore[arg-type]
    assert sorted(done) == sorted(seen) == sorted(a.id for a in found[1:])
    assert worker_module.claim_batch(store, None, settings, key=key) == []  # type: ignore[arg-type]
