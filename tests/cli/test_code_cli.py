"""`eventline code` shows the GDELT-comparable fields (CAMEO, Goldstein) and the embedded
action of a speech act, in the table and in --json."""

from __future__ import annotations

import json
from typing import Any

from rich.console import Console
from typer.testing import CliRunner

from eventline.cli.analysis import coded_table
from eventline.cli.app import app


def _render(records: list[dict[str, Any]]) -> str:
    console = Console(width=250, record=True)
    console.print(coded_table(records))
    return console.export_text()


def _record(**extra: Any) -> dict[str, Any]:
    base = {
        "type": "THREATEN", "mode": None, "actor": [{"name": "Chad"}],
        "recipient": [{"name": "Mali"}], "date": "2024-03-01", "modality": "asserted",
        "trigger": "threatened", "cameo": "130", "goldstein": -6.0, "content": None,
    }  # fmt: skip
    return base | extra


def test_table_shows_cameo_goldstein_and_content_only_when_present() -> None:
    plain = _render([_record()])
    header = plain.splitlines()[0].split()
    assert header[-2:] == ["cameo", "goldstein"]
    assert "130" in plain and "-6.0" in plain
    both = _render([_record(content="close the border"), _record(goldstein=None, cameo=None)])
    assert both.splitlines()[0].split()[-1] == "content"
    assert "close the border" in both
    assert "+" not in both.splitlines()[2]  # no score printed where there is none


def _code(sentence: str) -> list[dict[str, Any]]:
    result = CliRunner().invoke(app, ["code", sentence, "--date", "2025-06-22", "--json"])
    assert result.exit_code == 0, result.output
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_json_carries_the_new_fields_on_example_sentences() -> None:
    threat = _code("Iran threatened to recall its ambassador from France.")
    first = next(r for r in threat if r["type"] == "THREATEN")
    assert first["cameo"] and first["goldstein"] is not None
    assert "recall" in (first["content"] or "")
    condemned = _code("Vladimir Putin condemned the US strikes on Iran.")
    accuse = next(r for r in condemned if r["type"] == "ACCUSE")
    assert [r["country"] for r in accuse["recipient"]] == ["USA"]
    assert {"cameo", "goldstein", "content"} <= accuse.keys()
