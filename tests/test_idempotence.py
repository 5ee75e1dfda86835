"""Re-ingesting the same inputs leaves the store's content exactly as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from eventline.pipeline import ingest, plan_sources
from eventline.settings import Settings
from eventline.store import Store
from tests.conftest import EXAMPLES, SAMPLES


def content(store: Store) -> list[tuple[object, ...]]:
    with store.engine.connect() as conn:
        query = "SELECT id, source_path, raw, text, meta FROM documents ORDER BY id"
        docs = conn.execute(text(query))
        arts = conn.execute(text("SELECT * FROM articles ORDER BY id"))
        return [tuple(r) for r in docs] + [tuple(r) for r in arts]


@pytest.mark.integration
def test_reingest_is_byte_for_byte_unchanged(tmp_path: Path) -> None:
    inputs = [str(p) for p in (SAMPLES, EXAMPLES) if p.is_dir()]
    if not inputs:
        pytest.skip("neither ../shared samples nor examples/corpus present")
    settings = Settings(db=str(tmp_path / "s.db"))
    with Store(settings.db_url) as store:
        sources, _ = plan_sources(inputs)
        first = ingest(store, sources, settings=settings)
        before = content(store)
        second = ingest(store, sources, settings=settings)
        assert content(store) == before
    assert first.stored > 0 and second.stored == 0 and second.unchanged == first.stored
