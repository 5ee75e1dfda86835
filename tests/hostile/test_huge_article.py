"""One huge article next to a good one: the good one is analysed, the huge one is analysed on
a bounded prefix and listed by `eventline errors`, and nothing stored is lost.

The limit is set small through the environment (EVENTLINE_MAX_ARTICLE_CHARS), so the test
needs a few kilobytes, not megabytes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from sqlalchemy import select

from eventline.store import Store
from eventline.store.schema_analysis import analysis_results
from tests.hostile.helpers import cli, snapshot

LIMIT = 2_000
ENV = {"EVENTLINE_MAX_ARTICLE_CHARS": str(LIMIT)}
GOOD = (
    "Port strike ends in Gdansk\n\n"
    "GDANSK, July 8, 2025 - Dock workers in Gdansk ended a four-day strike on Tuesday after "
    "the port authority agreed to raise wages, the union said. Poland's transport minister "
    "welcomed the deal and said ships would be unloaded by the weekend.\n"
)
SENTENCE = "Officials said the bridge over the river would stay closed for repairs until May. "


def _huge() -> str:
    return "Bridge closed\n\n" + SENTENCE * 100  # about 8,300 characters, over LIMIT


def _with_results(db: Path) -> set[str]:
    with Store(f"sqlite:///{db}") as store, store.engine.connect() as conn:
        return set(conn.execute(select(analysis_results.c.article_id)).scalars())


def _errors(db: Path) -> list[dict[str, str]]:
    run = cli(db, "errors", "--json")
    assert run.code == 0, run.err
    return [json.loads(line) for line in run.out.splitlines()]


@pytest.mark.slow
def test_a_huge_article_does_not_stop_a_good_one(db: Path, tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD)
    (tmp_path / "huge.txt").write_text(_huge())
    ingest = cli(db, "ingest", str(tmp_path / "huge.txt"), str(tmp_path / "good.txt"), env=ENV)
    assert ingest.code == 0, ingest.err  # stored whole: a length in characters is no refusal
    stored = snapshot(db)
    huge_body = next(body for _, body, _, _ in stored if "bridge over the river" in body)
    assert len(huge_body) > 4 * LIMIT

    run = cli(db, "analyse", "--processes", "2", env=ENV)  # one batch each, worker processes
    assert run.code == 0, run.err
    assert "2 newly analysed, 1 article cut at the length limit (see `eventline errors`)" in run.err
    assert "failed" not in run.err  # analysed to its limit: a note, not a failure
    (note,) = _errors(db)
    assert note["stage"] == "limit"
    shown = re.search(r"only the first ([\d,]+) of ([\d,]+) characters", note["reason"])
    assert shown is not None, note["reason"]
    analysed, total = (int(g.replace(",", "")) for g in shown.groups())
    assert LIMIT // 2 <= analysed <= LIMIT and total == len(huge_body)
    assert "max_article_chars" in note["reason"]
    assert snapshot(db) == stored  # nothing stored was changed or lost

    # Both have a result: the good one whole, the huge one from its prefix.
    ids = {body: article_id for article_id, body, _, _ in stored}
    good_id = next(i for body, i in ids.items() if "Gdansk" in body)
    assert {good_id, ids[huge_body]} <= _with_results(db)

    again = cli(db, "analyse", "--processes", "1", env=ENV)
    assert again.code == 0, again.err
    assert "0 newly analysed" in again.err  # recorded, not retried on every run
