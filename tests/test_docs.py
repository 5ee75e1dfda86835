"""Docs that cannot rot: the README's two commands exist, CI runs the test one, and every
setting is documented."""

from __future__ import annotations

import re
from pathlib import Path

from eventline.settings import Settings

ROOT = Path(__file__).resolve().parents[1]


def test_readme_first_screen_gives_the_two_commands() -> None:
    first_screen = "\n".join((ROOT / "README.md").read_text().splitlines()[:25])
    commands = re.findall(r"^make (\w+)", first_screen, flags=re.M)
    assert commands == ["demo", "test"]
    makefile = (ROOT / "Makefile").read_text()
    assert re.search(r"^demo:", makefile, flags=re.M) and re.search(r"^test:", makefile, flags=re.M)


def test_ci_runs_the_readme_test_command() -> None:
    script = (ROOT / ".ci" / "run").read_text()
    assert re.search(r"^make test$", script, flags=re.M)


def test_every_setting_is_documented() -> None:
    doc = (ROOT / "docs" / "configuration.md").read_text()
    for name in Settings.model_fields:
        assert f"`{name}`" in doc, f"docs/configuration.md does not describe {name}"
