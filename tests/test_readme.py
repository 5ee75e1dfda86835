"""The README's usage examples run, in order, against a fresh store (docs that cannot rot)."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventline.cli.app import app

ROOT = Path(__file__).resolve().parents[1]


def readme_commands() -> list[list[str]]:
    lines = re.findall(
        r"^\.venv/bin/eventline (.+?)(?:\s+#.*)?$", (ROOT / "README.md").read_text(), re.M
    )
    return [shlex.split(line) for line in lines]


@pytest.mark.slow
@pytest.mark.integration
def test_readme_examples_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    db = ["--db", str(tmp_path / "readme.db")]
    commands = readme_commands()
    assert len(commands) >= 8
    article_id = ""
    for words in commands:
        if words[0] == "eval":
            continue  # scored by tests/eval/test_gate.py
        words = [str(ROOT / "examples" / "corpus") if w == "PATH..." else w for w in words]
        words = [article_id if w == "ART_ID" else w for w in words]
        result = runner.invoke(app, [*db, *words])
        assert result.exit_code == 0, f"eventline {' '.join(words)}:\n{result.output}"
        if words[:2] == ["articles", "--json"]:
            article_id = json.loads(result.output.splitlines()[0])["id"]
    assert (tmp_path / "out" / "events.csv").is_file()
    assert (tmp_path / "timeline-RUS-IRN.png").read_bytes().startswith(b"\x89PNG")
