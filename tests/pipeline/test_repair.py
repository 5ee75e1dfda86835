"""Repair commands end to end: delete an article, correct its metadata, list failures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventline.cli.app import app
from eventline.model import Article, DuplicateGroup, EventMention
from eventline.store import Store
from tests.pipeline.test_analyse import COPY, OTHER, WIRE


def call(db: Path, *args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["--db", str(db), *args])
    return result.exit_code, result.output


def _articles(db: Path) -> dict[str, Article]:
    with Store(f"sqlite:///{db}") as store:
        return {a.source_path.rsplit("/", 1)[-1]: a for a in store.iter_articles()}


@pytest.mark.slow
def test_delete_update_and_errors(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in (("wire.txt", WIRE), ("copy.txt", COPY), ("other.txt", OTHER)):
        (folder / name).write_text(text)
    assert call(db, "ingest", str(folder))[0] == 0
    code, output = call(db, "analyse", "--processes", "1")
    assert code == 0, output
    arts = _articles(db)

    code, output = call(db, "update", arts["other.txt"].id[:12], "--published", "2025-02-30")
    assert code == 2 and "not a calendar date" in output and len(output.splitlines()) == 1
    code, output = call(db, "update", arts["other.txt"].id[:12], "--published", "2024-11-08")
    assert code == 0, output
    assert _articles(db)["other.txt"].published.value == "2024-11-08"  # type: ignore[union-attr]
    code, output = call(db, "update", arts["other.txt"].id, "--kind", "opinion")
    assert code == 0 and _articles(db)["other.txt"].kind == "opinion"

    code, output = call(db, "delete", arts["copy.txt"].id[:12])
    assert code == 0 and "deleted 1 article" in output
    with Store(f"sqlite:///{db}") as store:
        assert store.records("duplicate_groups", DuplicateGroup) == []
        mentions = store.records("event_mentions", EventMention)
        assert mentions and arts["copy.txt"].id not in {m.evidence.article for m in mentions}
    code, output = call(db, "ingest", str(folder / "copy.txt"))
    assert code == 0 and "1 stored" in output, "its document went with it: ingest takes it back"
    assert call(db, "analyse", "--processes", "1")[0] == 0
    with Store(f"sqlite:///{db}") as store:
        assert len(store.records("duplicate_groups", DuplicateGroup)) == 1

    code, output = call(db, "delete", "--source", str(folder / "other.txt"))
    assert code == 0 and "other.txt" not in _articles(db)
    assert call(db, "delete", "--source", "nowhere.txt")[0] == 2
    code, output = call(db, "errors", "--json")
    assert code == 0 and [json.loads(x) for x in output.splitlines() if x.startswith("{")] == []


def test_reingest_with_new_metadata_updates_it(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    path = tmp_path / "other.txt"
    path.write_text(OTHER)
    assert call(db, "ingest", str(path))[0] == 0
    code, output = call(db, "ingest", str(path))
    assert code == 0 and "1 unchanged" in output and "new metadata" not in output
    code, output = call(db, "ingest", str(path), "--published", "2024-11-08", "--outlet", "Desk")
    assert code == 0 and "1 metadata updated" in output, output
    article = _articles(db)["other.txt"]
    assert article.published is not None and article.published.value == "2024-11-08"
    assert article.outlet == "Desk"
