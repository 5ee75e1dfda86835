"""Store faults give one clear line and leave nothing half-written: an unreachable server, a
missing folder, a read-only file, a lock held by another process, a full disk."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import event

from eventline.errors import StoreError
from eventline.store import Store, connect
from tests.store.corpus import build
from tests.store.test_store import make_doc


def _one_line(exc: pytest.ExceptionInfo[StoreError]) -> str:
    message = str(exc.value)
    assert "\n" not in message
    return message


def test_unreachable_postgresql_names_the_url_without_password() -> None:
    with pytest.raises(StoreError) as caught:
        Store("postgresql://alice:s3cret@127.0.0.1:5999/news")
    message = _one_line(caught)
    assert "s3cret" not in message and "alice" in message and "127.0.0.1:5999/news" in message
    assert "cannot connect" in message


def test_store_in_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as caught:
        Store(f"sqlite:///{tmp_path}/nowhere/x.db")
    assert f"folder {tmp_path}/nowhere does not exist" in _one_line(caught)
    assert not (tmp_path / "nowhere").exists()


def _filled(path: Path) -> None:
    corpus = build()
    with Store(f"sqlite:///{path}") as store:
        store.write_document(corpus.document, corpus.articles)


def test_read_only_store_reads_and_refuses_writes(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    _filled(path)
    before = path.read_bytes()
    with Store(f"sqlite:///{path}", read_only=True) as store:
        assert store.read_only and len(list(store.iter_articles())) == 4
        with pytest.raises(StoreError) as caught:
            store.write_document(*make_doc("Kyiv said so."))
        assert "read-only" in _one_line(caught)
    assert path.read_bytes() == before


def test_unwritable_file_is_opened_read_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "s.db"
    _filled(path)
    path.chmod(0o444)
    if os.geteuid() == 0:  # root may write any file: make the check see what a user would
        monkeypatch.setattr(connect, "_writable", lambda _path: False)
    try:
        with Store(f"sqlite:///{path}") as store:
            assert store.read_only and len(list(store.iter_articles())) == 4
    finally:
        path.chmod(0o644)


def test_locked_store_is_a_clear_error_and_writes_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(connect, "BUSY_TIMEOUT_MS", 100)
    path = tmp_path / "s.db"
    store = Store(f"sqlite:///{path}")
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(StoreError) as caught:
            store.write_document(*make_doc("Kyiv said so."))
        assert "locked by another process" in _one_line(caught)
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert store.counts()["documents"] == 0
    store.close()


def test_full_disk_is_a_clear_error_and_writes_nothing(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path}/s.db")
    with store.engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar_one()

    def cap(dbapi_connection: sqlite3.Connection, _record: object) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count={pages + 2}")

    event.listen(store.engine, "connect", cap)
    store.engine.dispose()
    with pytest.raises(StoreError) as caught:
        store.write_document(*make_doc("A long report. " * 20_000))
    assert "disk is full" in _one_line(caught)
    assert store.counts()["documents"] == 0
    store.close()
