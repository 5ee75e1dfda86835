"""Loaded once per process: the actor KB for the same files; a model without the components
its package disables."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventline.errors import ResourceError
from eventline.nlp.kb import load_kb, load_roles, packaged_kb


def _actor_file(path: Path, name: str) -> Path:
    actor = f"{{id: X.party, name: {name}, type: organization, sector: PTY, names: [{name}]}}"
    path.write_text(f"version: 1\nactors:\n  - {actor}\n", encoding="utf-8")
    return path


def test_packaged_kb_is_loaded_once_and_shared() -> None:
    assert load_kb() is load_kb()
    assert packaged_kb() is load_kb()
    assert load_kb().roles is load_roles()


def test_user_files_get_their_own_kb(tmp_path: Path) -> None:
    extra = _actor_file(tmp_path / "mine.yaml", "Blue Party")
    mine = load_kb([extra])
    assert mine is not load_kb()
    assert mine is load_kb([extra])
    assert mine.actors["X.party"].name == "Blue Party"
    assert "X.party" not in load_kb().actors


def test_an_edited_file_is_read_again(tmp_path: Path) -> None:
    extra = _actor_file(tmp_path / "mine.yaml", "Blue Party")
    assert load_kb([extra]).actors["X.party"].name == "Blue Party"
    _actor_file(extra, "Teal Party")  # same size, written at once: the contents decide
    assert load_kb([extra]).actors["X.party"].name == "Teal Party"


def test_a_bad_file_is_refused_every_time(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("version: 1\nactors:\n  - {id: X, name: X, type: planet}\n", encoding="utf-8")
    for _ in range(2):
        with pytest.raises(ResourceError):
            load_kb([bad])
    with pytest.raises(ResourceError):
        load_kb([tmp_path / "missing.yaml"])


def test_components_a_model_package_disables_are_not_loaded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from eventline.nlp.pipeline import disabled_components

    package = tmp_path / "zyx_fake_model"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    (package / "meta.json").write_text('{"disabled": ["senter"]}', encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert disabled_components("zyx_fake_model") == ["senter"]
    (package / "meta.json").write_text("not json", encoding="utf-8")
    assert disabled_components("zyx_fake_model") == []
    assert disabled_components("zyx_no_such_model") == []
    assert disabled_components(str(tmp_path / "a" / "path")) == []
