"""Commands that parse nothing (listings, `analyse` with nothing new, `relink`) never import
spaCy; parsing still loads it where it runs (#10).

Each check runs the CLI in a fresh interpreter (this test process has spaCy loaded already)
and reports whether `spacy` ended up in `sys.modules`.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from eventline.analyse import analyse
from eventline.pipeline import ingest, plan_sources
from eventline.settings import Settings
from eventline.store import Store

SRC = Path(__file__).resolve().parents[1] / "src"

#: Runs each argv list (json in argv[1]) through the CLI, then prints one json line per call:
#: exit code, output, and whether spaCy had been imported by then.
SCRIPT = """
import json, sys
from typer.testing import CliRunner
from eventline.cli.app import app
results = []
for args in json.loads(sys.argv[1]):
    result = CliRunner().invoke(app, args)
    results.append({
        "args": args,
        "code": result.exit_code,
        "output": result.output,
        "spacy": "spacy" in sys.modules,
        "trafilatura": "trafilatura" in sys.modules,
        "loaded": sorted(m for m in json.loads(sys.argv[2]) if m in sys.modules),
    })
print(json.dumps(results))
"""

ARTICLE = (
    "Ministers meet in Vienna\n\n"
    "VIENNA, March 4 (Northline Wire) - Austrian Foreign Minister Karl Brandt hosted "
    "Hungarian Foreign Minister Peter Szabo in Vienna on Tuesday for talks on energy "
    "supplies. Brandt said the two governments had agreed to set up a joint commission.\n"
)


#: What `analyse` with nothing new must not load (#10): records and their validation, the
#: store's writer (and through it the corpus modules), the PostgreSQL dialect on SQLite,
#: rich's tables and progress bars (it prints one line, to a pipe here), queries, the
#: linking and parsing modules, Alembic (the schema is current).
HEAVY = (
    "eventline.model",
    "eventline.public",
    "eventline.queries",
    "eventline.store.writer",
    "eventline.corpus.merge",
    "eventline.analysis.link",
    "eventline.analysis.run",
    "sqlalchemy.dialects.postgresql",
    "rich.table",
    "rich.progress",
    "rapidfuzz",
    "alembic",
    "yaml",
)


def run_cli(*calls: list[str]) -> list[dict[str, object]]:
    env = os.environ | {"PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, json.dumps(list(calls)), json.dumps(HEAVY)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=True,
    )
    results: list[dict[str, object]] = json.loads(done.stdout.strip().splitlines()[-1])
    return results


def test_help_and_an_empty_analyse_import_no_spacy(tmp_path: Path) -> None:
    db = str(tmp_path / "empty.db")
    results = run_cli(["--help"], ["--db", db, "analyse"], ["--db", db, "events"])
    for result in results:
        assert result["code"] == 0, result
        assert result["spacy"] is False, result["args"]
        assert result["trafilatura"] is False, result["args"]  # only `ingest` reads pages
    assert "analyse" in str(results[0]["output"])


@pytest.mark.slow
def test_nothing_new_and_listings_import_no_spacy_but_new_articles_parse(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "wire.txt").write_text(ARTICLE)
    settings = Settings(db=str(tmp_path / "s.db"))
    with Store(settings.db_url) as store:
        sources, _ = plan_sources([str(folder)])
        ingest(store, sources, settings=settings)
        first = analyse(store, settings=settings)
    assert first.parsed == 1 and first.actors > 0
    db = ["--db", settings.db]
    listings = [
        [*db, "analyse"],
        [*db, "articles"],
        [*db, "events"],
        [*db, "actors"],
        [*db, "quotes"],
        [*db, "search", "Vienna"],
        [*db, "summary"],
        [*db, "errors"],
        [*db, "timeline", "Austria", "Hungary"],
        [*db, "export", str(tmp_path / "out")],
        [*db, "relink"],
    ]
    results = run_cli(*listings)
    for result in results:
        assert result["code"] == 0, result
        assert result["spacy"] is False, result["args"]
    assert "(0 newly analysed)" in str(results[0]["output"])

    (folder / "second.txt").write_text(ARTICLE.replace("Vienna", "Graz"))
    (pending,) = run_cli([*db, "ingest", str(folder)], [*db, "analyse"])[1:]
    assert pending["code"] == 0, pending
    assert "(1 newly analysed)" in str(pending["output"])
    assert pending["spacy"] is True


def test_nothing_new_loads_no_records_writer_or_tables(tmp_path: Path) -> None:
    """Start-up is most of a run with nothing new: it loads only what deciding "nothing to
    do" and printing one line need (settings, the store's engine and schema, the CLI)."""
    from eventline.analysis import state
    from eventline.analysis.key import analysis_key
    from eventline.model import ArticleAnalysis

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "wire.txt").write_text(ARTICLE)
    settings = Settings(db=str(tmp_path / "s.db"))
    with Store(settings.db_url) as store:
        ingest(store, plan_sources([str(folder)])[0], settings=settings)
        key = analysis_key(settings)
        fake = [ArticleAnalysis(article=a.id, key=key) for a in state.pending_articles(store, key)]
        state.write_outcomes(store, fake)
        assert analyse(store, settings=settings).linked
    (result,) = run_cli(["--db", settings.db, "analyse"])
    assert result["code"] == 0, result
    assert "(0 newly analysed)" in str(result["output"])
    assert result["loaded"] == [], result["loaded"]
