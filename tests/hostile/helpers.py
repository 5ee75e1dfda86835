"""Helpers for the hostile-input suite: a CLI runner that keeps stdout and stderr apart, the
documented error shape, and snapshots of what a hostile command must leave alone.

The corpus is written here, in its own words (three short reports), so the suite needs
nothing from ../shared."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from typer.testing import CliRunner

from eventline.cli.app import app
from eventline.store import Store

ACCORD = (
    "Moscow and Tehran sign grain accord\n\n"
    "MOSCOW, June 3, 2025 - Russia and Iran signed an accord on grain shipments on Tuesday, "
    "the Russian foreign ministry said. Russia also pledged on Tuesday to supply Iran with "
    "wheat. Iranian officials welcomed the deal and said further talks would be held in "
    "Tehran next month.\n"
)
ACCORD_COPY = ACCORD.replace("Moscow and Tehran sign grain accord", "Russia, Iran agree on grain")
STRIKES = (
    "Kyiv accuses Moscow over strikes\n\n"
    "KYIV, June 5, 2025 - Ukraine accused Russia on Thursday of striking power stations near "
    "Kharkiv overnight. Russian officials rejected the accusation and said the strikes hit "
    "military targets.\n"
)
CORPUS = {"accord.txt": ACCORD, "accord-copy.txt": ACCORD_COPY, "strikes.txt": STRIKES}


@dataclass
class Run:
    code: int
    out: str
    err: str


def cli(db: Path | None, *args: str, stdin: str | bytes | None = None,
        env: Mapping[str, str] | None = None) -> Run:  # fmt: skip
    """Run `eventline [--db DB] ARGS` in process; stdout and stderr kept apart."""
    result = CliRunner().invoke(
        app, [*(["--db", str(db)] if db else []), *args], input=stdin, env=env
    )
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception  # a traceback is a failure of the suite, never an outcome
    return Run(result.exit_code, result.stdout, result.stderr)


def one_error_line(run: Run, code: int, *words: str) -> str:
    """The documented error shape: exit `code`, exactly one line on stderr, starting with
    `error:`, naming every one of `words`, and nothing on stdout."""
    lines = [line for line in run.err.splitlines() if line.strip()]
    assert run.code == code, f"exit {run.code}, expected {code}: {run.err}"
    assert len(lines) == 1, f"expected one line, got:\n{run.err}"
    assert lines[0].startswith("error: "), lines[0]
    for word in words:
        assert word in lines[0], f"{word!r} not in {lines[0]!r}"
    assert run.out == ""
    return lines[0]


def snapshot(db: Path) -> list[tuple[str, str, str | None, str | None]]:
    """What a hostile command must leave alone: every article's id, body and metadata."""
    with Store(f"sqlite:///{db}") as store:
        return [
            (a.id, a.body, a.published.value if a.published else None, a.outlet)
            for a in store.iter_articles()
        ]


def counts(db: Path) -> dict[str, int]:
    with Store(f"sqlite:///{db}") as store:
        return store.counts()


def articles_json(db: Path) -> list[dict[str, object]]:
    run = cli(db, "articles", "--json")
    assert run.code == 0, run.err
    return [json.loads(line) for line in run.out.splitlines()]
