"""The band table in the store finds exactly the groups the in-memory index finds."""

from __future__ import annotations

import sys
from pathlib import Path

from eventline.analysis.dedup_table import StoredDuplicates, canonical
from eventline.corpus.dedup import DuplicateIndex
from eventline.model import Article
from eventline.store import Store

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
from synth_corpus import articles


def _articles(n: int) -> list[Article]:
    return articles(n, seed=3, window=200)


def test_band_table_equals_in_memory_index(tmp_path: Path) -> None:
    arts = _articles(400)
    memory = DuplicateIndex()
    for art in arts:
        memory.add(art)
    expected = {g.members: g.canonical for g in memory.groups()}
    assert len(expected) >= 10, "the synthetic corpus plants copies"
    table = StoredDuplicates(DuplicateIndex())
    with Store(f"sqlite:///{tmp_path}/s.db") as store:
        with store.engine.begin() as conn:
            for art in arts:
                table.add(conn, art)
            assert table.known(conn, [a.id for a in arts]) == {a.id for a in arts}
        with store.engine.connect() as conn:
            groups = table.groups(conn)
    found = {tuple(sorted(m.article for m in ms)): canonical(ms) for ms in groups.values()}
    assert found == expected
