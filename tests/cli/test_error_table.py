"""docs/cli.md's error table and eventline.errors cannot drift apart (datasette's rule)."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest

from eventline import errors

ROOT = Path(__file__).resolve().parents[2]


def documented_codes() -> dict[str, int]:
    section = (ROOT / "docs" / "cli.md").read_text().split("## Errors", 1)[1]
    codes: dict[str, int] = {}
    for first, code in re.findall(r"^\| ([^|]+) \| (\d+) \|", section, flags=re.M):
        for name in re.findall(r"`(\w+Error)`", first):
            codes[name] = int(code)
    return codes


def test_every_error_class_is_in_the_table_with_its_exit_code() -> None:
    classes = {
        name: cls
        for name, cls in inspect.getmembers(errors, inspect.isclass)
        if issubclass(cls, errors.EventlineError) and cls is not errors.EventlineError
    }
    documented = documented_codes()
    assert set(classes) == set(documented), "docs/cli.md ## Errors lists other classes"
    for name, cls in classes.items():
        assert documented[name] == cls.exit_code, f"{name}: docs say {documented[name]}"


def test_output_and_store_failures_have_their_own_codes() -> None:
    codes = {errors.InputError.exit_code, errors.StoreError.exit_code}
    codes |= {errors.OutputError.exit_code, errors.UsageError.exit_code}
    assert len(codes) == 4 and 1 not in codes and 0 not in codes


def _run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str]:
    from typer.testing import CliRunner

    from eventline.cli.app import app

    result = CliRunner().invoke(app, list(args), env=env)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.exit_code, result.stderr


def test_each_class_reaches_the_user_as_one_line_with_its_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One real command per documented class (ResourceError and ModelError need a broken
    install, so their loaders are made to fail)."""
    import eventline.nlp
    from eventline.corpus import timeline_quad

    def broken_resource() -> None:
        raise errors.ResourceError("quad.yaml", "invalid quad table: test")

    def no_model(**_: object) -> None:
        raise errors.ModelError("spaCy model en_core_web_sm is not installed")

    db = str(tmp_path / "s.db")
    cases = [
        (errors.UsageError, ["--db", db, "events", "--since", "soon"], None),
        (errors.ConfigError, ["--db", db, "summary"], {"EVENTLINE_PROCESSES": "0"}),
        (errors.InputError, ["eval", "--gold", str(tmp_path / "none.yaml")], None),
        (errors.StoreError, ["--db", str(tmp_path), "summary"], None),
        (errors.OutputError, ["--db", db, "export", __file__], None),
        (errors.ResourceError, ["--db", db, "events", "--type", "x"], None),
        (errors.ModelError, ["code", "Russia condemned the strikes."], None),
    ]
    monkeypatch.setattr(timeline_quad, "quad_table", broken_resource)
    monkeypatch.setattr(eventline.nlp, "load_nlp", no_model)
    for cls, args, env in cases:
        code, stderr = _run(*args, env=env)
        lines = stderr.strip().splitlines()
        assert code == cls.exit_code, f"{cls.__name__}: exit {code}, {stderr}"
        assert len(lines) == 1 and lines[0].startswith("error: "), f"{cls.__name__}: {stderr}"
