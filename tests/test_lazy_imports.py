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
    })
print(json.dumps(results))
"""

ARTICLE = (
    "Ministers meet in Vienna\n\n"
    "VIENNA, March 4 (Northline Wire) - Austrian Foreign Minister Karl Brandt hosted "
    "Hungarian Foreign Minister Peter Szabo in Vienna on Tuesday for talks on energy "
    "supplies. Brandt said the two governments had agreed to set up a joint commission.\n"
)


def run_cli(*calls: list[str]) -> list[dict[str, object]]:
    env = os.environ | {"PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, json.dumps(list(calls))],
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
