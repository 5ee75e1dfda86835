"""docs/cli.md's error table and eventline.errors cannot drift apart (datasette's rule)."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

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
