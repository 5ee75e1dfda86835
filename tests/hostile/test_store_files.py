"""A store that is not a store: one line with exit code 4 (StoreError), never a traceback,
for every read command."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.hostile.helpers import cli, one_error_line

READERS = [["summary"], ["articles"], ["events"], ["actors"], ["export", "OUT"]]


def corrupt_pages(db: Path) -> None:
    """Keep the SQLite header page, overwrite every later page: the file opens, reads fail."""
    size = db.stat().st_size
    with db.open("r+b") as handle:
        handle.seek(4096)
        handle.write(b"\xa5" * (size - 4096))


@pytest.mark.parametrize("args", READERS, ids=lambda a: a[0])
def test_random_bytes_are_not_a_store(tmp_path: Path, args: list[str]) -> None:
    db = tmp_path / "random.db"
    db.write_bytes(os.urandom(8192))
    args = [str(tmp_path / "out") if a == "OUT" else a for a in args]
    one_error_line(cli(db, *args), 4, "store", str(db))


@pytest.mark.parametrize("args", READERS, ids=lambda a: a[0])
def test_corrupt_pages_in_a_real_store(db: Path, tmp_path: Path, args: list[str]) -> None:
    for suffix in ("-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    corrupt_pages(db)
    args = [str(tmp_path / "out") if a == "OUT" else a for a in args]
    one_error_line(cli(db, *args), 4, "store", str(db))


def test_store_path_is_a_folder(tmp_path: Path) -> None:
    one_error_line(cli(tmp_path, "summary"), 4, "store")


def test_store_in_a_missing_folder(tmp_path: Path) -> None:
    one_error_line(cli(tmp_path / "no" / "such" / "x.db", "summary"), 4, "store")
