"""`yaml_cache.load_yaml` gives what `yaml.load` gives, parsing a text once per cache."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from eventline import yaml_cache
from eventline.yaml_cache import load_yaml

TEXT = """version: 1
names: [Alpha, "Beta", 3, 2.5, true, null]
nested:
  key: value
  set: !!set {a: null}
"""


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("EVENTLINE_CACHE_DIR", str(folder))
    return folder


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The texts actually handed to the YAML parser."""
    seen: list[str] = []
    real = yaml.load

    def counting(text: str, Loader: type) -> object:  # yaml.load names it Loader
        seen.append(text)
        return real(text, Loader=Loader)

    monkeypatch.setattr(yaml_cache.yaml, "load", counting)
    return seen


def test_same_data_as_yaml_and_parsed_once(cache: Path, parses: list[str]) -> None:
    expected = yaml.load(TEXT, Loader=yaml_cache.LOADER)
    parses.clear()
    first = load_yaml(TEXT, name="a/b.yaml")
    second = load_yaml(TEXT, name="a/b.yaml")
    assert first == expected and second == expected
    assert list(first) == list(expected)  # key order kept
    assert first is not second  # each caller gets its own object
    assert len(parses) == 1
    assert any(cache.iterdir())


def test_edited_text_is_parsed_again(cache: Path, parses: list[str]) -> None:
    load_yaml(TEXT, name="a.yaml")
    edited = TEXT.replace("Alpha", "Gamma")
    assert load_yaml(edited, name="a.yaml")["names"][0] == "Gamma"
    assert len(parses) == 2


def test_data_marshal_cannot_write_is_parsed_every_time(cache: Path, parses: list[str]) -> None:
    text = "day: 2024-03-01\n"
    assert load_yaml(text, name="d.yaml") == {"day": date(2024, 3, 1)}
    assert load_yaml(text, name="d.yaml") == {"day": date(2024, 3, 1)}
    assert len(parses) == 2


def test_unwritable_cache_still_parses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("EVENTLINE_CACHE_DIR", str(blocker / "cache"))
    assert load_yaml(TEXT, name="x.yaml")["version"] == 1


def test_invalid_yaml_raises_yaml_error(cache: Path) -> None:
    with pytest.raises(yaml.YAMLError):
        load_yaml("a: [unclosed\n", name="bad.yaml")
