from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventline.cli.app import app

ROOT = Path(__file__).resolve().parents[2]
STORY = "Envoys meet in Doha\n\nDOHA, May 2 - Envoys from both sides met on Friday for talks.\n"


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def call(runner: CliRunner, db: Path, *args: str, stdin: str | None = None) -> tuple[int, str]:
    result = runner.invoke(app, ["--db", str(db), *args], input=stdin)
    return result.exit_code, result.output


def test_ingest_list_show_export(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    (tmp_path / "a.txt").write_text(STORY)
    code, output = call(runner, db, "ingest", str(tmp_path / "a.txt"))
    assert code == 0, output
    code, output = call(runner, db, "articles", "--json")
    rows = [json.loads(line) for line in output.splitlines()]
    assert len(rows) == 1
    row = rows[0]
    for field in ("id", "source_path", "item", "kind", "title", "outlet", "wire", "author",
                  "published", "body", "captions"):  # fmt: skip
        assert field in row
    assert row["source_path"] == str(tmp_path / "a.txt") and row["item"] == 1
    code, output = call(runner, db, "show", row["id"][:10])
    assert code == 0 and "Envoys from both sides" in output
    code, _ = call(runner, db, "export", str(tmp_path / "out"), "--format", "csv")
    assert code == 0 and (tmp_path / "out" / "articles.csv").read_text().startswith("id,")
    code, _ = call(runner, db, "export", str(tmp_path / "out"))
    exported = (tmp_path / "out" / "articles.jsonl").read_text().splitlines()
    assert [json.loads(x)["id"] for x in exported] == [row["id"]]


def test_stdin_and_metadata_flags(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    code, output = call(runner, db, "ingest", "-", "--outlet", "Daily Test", stdin=STORY)
    assert code == 0, output
    _, output = call(runner, db, "articles", "--json")
    row = json.loads(output)
    assert row["source_path"] == "-" and row["outlet"] == "Daily Test"


def test_rejections_set_exit_code_and_name_the_file(runner: CliRunner, tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "fine.txt").write_text(STORY)
    code, output = call(runner, tmp_path / "s.db", "ingest", str(tmp_path))
    assert code == 1
    assert re.search(r"rejected .*empty\.txt: empty input", output)
    assert "Traceback" not in output


def test_bad_setting_is_one_line(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["ingest", str(tmp_path)], env={"EVENTLINE_PROCESSES": "0"})
    assert result.exit_code == 2
    assert "processes" in result.output and "Traceback" not in result.output


def test_unknown_article(runner: CliRunner, tmp_path: Path) -> None:
    code, output = call(runner, tmp_path / "s.db", "show", "art_nothing")
    assert code == 2 and "no single article" in output


def test_hostile_text_is_not_rich_markup(runner: CliRunner, tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    hostile = "[bold red]Injected[/bold red] headline\n\nBody [link=x]y[/link]."
    (tmp_path / "x.txt").write_text(hostile)
    call(runner, db, "ingest", str(tmp_path / "x.txt"))
    _, output = call(runner, db, "articles", "--json")
    _, output = call(runner, db, "show", json.loads(output)["id"])
    assert "[link=x]y[/link]" in output


def test_every_command_is_documented() -> None:
    docs = (ROOT / "docs" / "cli.md").read_text()
    names = [c.name or c.callback.__name__ for c in app.registered_commands]  # type: ignore[union-attr]
    names += [g.name for g in app.registered_groups]
    assert len(names) >= 12
    for name in names:
        assert f"eventline {name}" in docs, f"docs/cli.md does not describe `eventline {name}`"
