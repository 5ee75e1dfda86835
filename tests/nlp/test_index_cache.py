"""Built indexes kept between runs (`actor_kb.cached_index`): a missing, stale, corrupt or
unwritable cache only means the index is built again, and other source bytes are never
answered from a cache made for the old ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventline.nlp import actor_kb, places
from eventline.nlp.actor_kb import cached_index


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("EVENTLINE_CACHE_DIR", str(folder))
    return folder


def _counting(value: object) -> tuple[list[int], object]:
    calls: list[int] = []

    def build() -> object:
        calls.append(1)
        return value

    return calls, build


def test_missing_cache_is_built_then_read_back(cache: Path) -> None:
    calls, build = _counting({"a": [1, 2]})
    assert cached_index("t", b"source", build) == {"a": [1, 2]}
    assert (cache / "t.marshal").is_file()
    assert cached_index("t", b"source", build) == {"a": [1, 2]}
    assert len(calls) == 1


def test_edited_source_is_built_again(cache: Path) -> None:
    cached_index("t", b"source one", lambda: {"a": [1]})
    assert cached_index("t", b"source two", lambda: {"b": [2]}) == {"b": [2]}
    calls, build = _counting({"c": [3]})
    assert cached_index("t", b"source two", build) == {"b": [2]}  # the new one was stored
    assert not calls


def test_corrupt_or_foreign_cache_is_rebuilt(cache: Path) -> None:
    cache.mkdir(parents=True)
    (cache / "t.marshal").write_bytes(b"\x00not marshal at all")
    assert cached_index("t", b"s", lambda: [1]) == [1]
    (cache / "t.marshal").write_bytes(b"")
    assert cached_index("t", b"s", lambda: [2]) == [2]


def test_unwritable_cache_folder_is_no_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder would go", encoding="utf-8")
    monkeypatch.setenv("EVENTLINE_CACHE_DIR", str(blocker / "cache"))
    assert cached_index("t", b"s", lambda: (1, "x")) == (1, "x")


def test_people_and_cities_read_from_cache_equal_built(cache: Path) -> None:
    actor_kb.people.cache_clear()
    built = actor_kb.people()
    actor_kb.people.cache_clear()
    read = actor_kb.people()
    assert (cache / "people.marshal").is_file()
    assert read.by_key == built.by_key and read.by_surname == built.by_surname
    assert read.people == built.people and read.by_id == built.by_id
    fresh = places._Cities(
        (Path(places.__file__).parent.parent / "resources/places/cities.tsv").read_text(
            encoding="utf-8"
        )
    )
    places._cities()  # writes the cache
    again = places._cities()
    assert (cache / "cities.marshal").is_file()
    assert again._index == fresh._index and again._rows == fresh._rows


def test_collector_paused_restores_the_collector_state() -> None:
    import gc

    from eventline.nlp.actor_kb import collector_paused

    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(ValueError), collector_paused():
        raise ValueError("a failing load")
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # a caller's own pause stands
    finally:
        gc.enable()
