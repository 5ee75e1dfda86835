"""`analysis.heap.frozen_heap`: what a run freezes is handed back when the run ends, nested
blocks share one freeze, and a process that froze objects itself keeps its own freeze."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

from eventline.analysis.heap import frozen_heap


@pytest.fixture
def unfrozen() -> Iterator[None]:
    gc.unfreeze()
    yield
    gc.unfreeze()


def test_frozen_objects_are_handed_back(unfrozen: None) -> None:
    with frozen_heap() as freeze:
        freeze()
        assert gc.get_freeze_count() > 0
    assert gc.get_freeze_count() == 0


def test_inner_block_keeps_the_outer_freeze(unfrozen: None) -> None:
    with frozen_heap():
        with frozen_heap() as freeze:
            freeze()
        assert gc.get_freeze_count() > 0  # the outer run still uses what was frozen
    assert gc.get_freeze_count() == 0


def test_handed_back_after_an_error(unfrozen: None) -> None:
    with pytest.raises(RuntimeError), frozen_heap() as freeze:
        freeze()
        raise RuntimeError("batch failed")
    assert gc.get_freeze_count() == 0


def test_a_freeze_of_the_process_own_is_kept(unfrozen: None) -> None:
    gc.freeze()
    before = gc.get_freeze_count()
    with frozen_heap() as freeze:
        freeze()
    assert gc.get_freeze_count() == before
