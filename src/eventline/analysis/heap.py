"""Loaded resources kept out of the cyclic garbage collector's walks while a run uses them.

What a loaded pipeline holds (the model, actor KB, gazetteer, lexicons: some 340,000 objects)
lives as long as the run and is never garbage, but each full pass of Python's cyclic garbage
collector walks all of it: about 0.1 s of CPU a pass, several passes in a long run, and in a
forked worker it touches every page those objects sit on, copying pages the worker could have
shared with its parent. `frozen_heap` gives a run a `freeze()` (`gc.freeze`, the collector's
own switch for this) to call once the pipeline is loaded; everything frozen is handed back to
the collector (`gc.unfreeze`) when the outermost `frozen_heap` ends. A process that froze
objects itself before is left as it is (its `freeze()` does nothing). Only the collector's
bookkeeping changes: no object is kept or freed differently while the run lasts.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager

#: How many `frozen_heap` blocks of eventline's own are open (0: none, nothing frozen by us).
_depth = [0]


@contextmanager
def frozen_heap() -> Iterator[Callable[[], None]]:
    """A `freeze()` moving every object alive so far out of the collector's walks; the outer
    block hands them all back on leaving (inner blocks share it)."""
    owned = _depth[0] > 0 or gc.get_freeze_count() == 0

    def freeze() -> None:
        if owned:
            gc.freeze()

    if owned:
        _depth[0] += 1
    try:
        yield freeze
    finally:
        if owned:
            _depth[0] -= 1
            if _depth[0] == 0:
                gc.unfreeze()
