"""Broken settings: a config file that is not TOML, a missing one, a bad value, an empty or
unknown store URL. One line, the documented exit code (ConfigError 2, StoreError 4)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.hostile.helpers import cli, one_error_line


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"processes = \n", ["is not valid TOML", "line 1"]),
        (b"\xff\xfe\x00p", ["is not valid TOML"]),
        (b'processes = "many"\n', ["'processes'", "valid integer"]),
        (b"no_such_setting = 1\n", ["no_such_setting"]),
    ],
)
def test_a_broken_config_file(tmp_path: Path, content: bytes, words: list[str]) -> None:
    config = tmp_path / "eventline.toml"
    config.write_bytes(content)
    run = cli(tmp_path / "s.db", "summary", env={"EVENTLINE_CONFIG": str(config)})
    one_error_line(run, 2, *words)


def test_a_missing_config_file(tmp_path: Path) -> None:
    run = cli(tmp_path / "s.db", "summary", env={"EVENTLINE_CONFIG": str(tmp_path / "no.toml")})
    one_error_line(run, 2, "EVENTLINE_CONFIG", "no config file")


@pytest.mark.parametrize(("url", "code"), [("", 2), ("foo://bar", 4)])
def test_a_store_url_that_names_nothing(url: str, code: int) -> None:
    run = cli(None, "--db", url, "summary")
    one_error_line(run, code, "db" if code == 2 else "foo://bar")
