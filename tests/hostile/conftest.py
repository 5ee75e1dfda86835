"""The hostile-input suite's fixtures: one small analysed store, copied for every test.

The store is analysed once per session through the CLI (it loads the spaCy model); every
test works on its own copy, so a test can only spoil its own store."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.hostile.helpers import CORPUS, cli


@pytest.fixture(scope="session")
def analysed_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile-base")
    folder = root / "corpus"
    folder.mkdir()
    for name, text in CORPUS.items():
        (folder / name).write_text(text, encoding="utf-8")
    db = root / "base.db"
    ingest = cli(db, "ingest", str(folder))
    assert ingest.code == 0, ingest.err
    analyse = cli(db, "analyse")
    assert analyse.code == 0, analyse.err
    return db


@pytest.fixture
def db(analysed_store: Path, tmp_path: Path) -> Path:
    """A private copy of the analysed store (with its WAL files, if any)."""
    target = tmp_path / "store.db"
    for suffix in ("", "-wal", "-shm"):
        source = Path(f"{analysed_store}{suffix}")
        if source.exists():
            shutil.copyfile(source, f"{target}{suffix}")
    return target
