"""Copies added in batches (`StoredDuplicates.add_many`) leave the band table as adding the
same articles one at a time does: the same entries, bands, groups and roots, also when a
batch holds copies of each other and of articles stored by an earlier batch."""

from __future__ import annotations

import sys
from pathlib import Path

from sqlalchemy import select

from eventline.analysis.dedup_table import StoredDuplicates
from eventline.corpus.dedup import DuplicateIndex
from eventline.model import Article
from eventline.store import Store
from eventline.store.schema_analysis import dedup_bands, dedup_entries

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from synth_corpus import articles


def _articles(n: int) -> list[Article]:
    return articles(n, seed=5, window=120)


def _tables(store: Store) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    with store.engine.connect() as conn:
        entries = [tuple(r) for r in conn.execute(select(dedup_entries).order_by("seq"))]
        bands = sorted(tuple(r) for r in conn.execute(select(dedup_bands)))
    return entries, bands


def test_batches_equal_one_at_a_time(tmp_path: Path) -> None:
    arts = _articles(300)
    one = StoredDuplicates(DuplicateIndex())
    with Store(f"sqlite:///{tmp_path}/one.db") as store:
        with store.engine.begin() as conn:
            roots_one = [one.add(conn, a) for a in arts]
        expected = _tables(store)
    assert sum(r is not None for r in roots_one) >= 10, "the synthetic corpus plants copies"
    many = StoredDuplicates(DuplicateIndex())
    roots_many: list[int | None] = []
    with Store(f"sqlite:///{tmp_path}/many.db") as store:
        for start in (0, 70, 71, 200):  # uneven batches, one of a single article
            end = {0: 70, 70: 71, 71: 200, 200: 300}[start]
            with store.engine.begin() as conn:
                roots_many.extend(many.add_many(conn, arts[start:end]))
        found = _tables(store)
    assert roots_many == roots_one
    assert found[0] == expected[0]  # entries: seq, signature, group root, link
    assert found[1] == expected[1]  # every band row


def test_an_empty_batch_writes_nothing(tmp_path: Path) -> None:
    table = StoredDuplicates(DuplicateIndex())
    with Store(f"sqlite:///{tmp_path}/s.db") as store:
        with store.engine.begin() as conn:
            assert table.add_many(conn, []) == []
        assert _tables(store) == ([], [])
