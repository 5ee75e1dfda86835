"""PostgreSQL through the command line: a plain `postgresql://` URL (mapped to psycopg 3)
works for ingest, listing and search exactly as a SQLite path does."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from eventline.cli.app import app
from eventline.store.connect import normalise_url, public_url


def test_plain_postgresql_url_drives_the_cli(pg_url: str, tmp_path: Path) -> None:
    url = pg_url.replace("postgresql+psycopg://", "postgresql://")
    (tmp_path / "a.txt").write_text(
        "Envoys meet in Doha\n\nDOHA, May 2 - Envoys from both sides met on Friday for talks.\n"
    )
    runner = CliRunner()
    result = runner.invoke(app, ["--db", url, "ingest", str(tmp_path / "a.txt")])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["--db", url, "articles", "--json"])
    assert json.loads(result.output)["title"] == "Envoys meet in Doha"
    result = runner.invoke(app, ["--db", url, "search", "envoy talk", "--json"])
    assert json.loads(result.output.splitlines()[0])["kind"] == "article"


def test_urls_are_mapped_and_printed_without_password() -> None:
    assert normalise_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalise_url("sqlite:///x.db") == "sqlite:///x.db"
    shown = public_url("postgresql+psycopg://alice:s3cret@db.example:5432/news")
    assert "s3cret" not in shown and "alice" in shown and "db.example" in shown
