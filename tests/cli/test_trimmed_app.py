"""`eventline` builds only the command it runs (`cli.app.only`), and the whole app whenever
the arguments do not name exactly one command, so help and error messages stay the same."""

from __future__ import annotations

import pytest

from eventline.cli.app import app, only


def _names(trimmed: object) -> list[str]:
    commands = [c.name or c.callback.__name__ for c in trimmed.registered_commands]  # type: ignore[attr-defined]
    return sorted([*commands, *(g.name for g in trimmed.registered_groups)])  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("args", "name"),
    [
        (["--db", "x.db", "analyse"], "analyse"),
        (["--db=x.db", "events", "--json"], "events"),
        (["analyse", "--help"], "analyse"),
        (["actors", "check", "kb.yaml"], "actors"),
        (["export", "out"], "export"),
    ],
)
def test_a_named_command_is_built_alone(args: list[str], name: str) -> None:
    assert _names(only(app, args)) == [name]


@pytest.mark.parametrize(
    "args", [[], ["--help"], ["--db", "x.db"], ["bogus"], ["--verbose", "analyse"]]
)
def test_anything_else_gets_the_whole_app(args: list[str]) -> None:
    assert only(app, args) is app
