"""The model's matrix products on numpy's OpenBLAS, one thread, instead of thinc's BLIS.

thinc runs the dense layers of spaCy's CPU models (the tok2vec encoders of the shared
`tok2vec` and of `ner`, the parsers' hidden layers) through `NumpyOps.gemm`, which calls BLIS.
On the x86 machines we measured, numpy's bundled OpenBLAS does the same products in less CPU
time, and the parse it gives is the same (tags, heads, labels, entities, lemmas of every token
of the samples and MEANTIME: tests/nlp/test_blas.py, docs/evaluation.md). thinc's own switch
for this is `NumpyOps(use_blis=False)`.

OpenBLAS starts a thread per core for large products: eventline parallelises with processes
(`--processes`), so those threads would only compete with the other workers and spend CPU
spinning. `use_openblas` therefore pins OpenBLAS to one thread first, with `threadpoolctl`
(the library scikit-learn's developers keep for exactly this: it finds the BLAS a process has
loaded and sets its threads), and leaves BLIS in place wherever that cannot be done: no
OpenBLAS loaded in this process, another platform, or an environment installed before
threadpoolctl was a dependency (the parse is the same either way; only the CPU time differs).
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from thinc.api import Model, NumpyOps

_state: dict[str, bool] = {}
#: The limiter that holds OpenBLAS at one thread, kept for the life of the process.
_limits: list[Any] = []


def single_thread_openblas() -> bool:
    """Pin numpy's OpenBLAS to one thread; False when no OpenBLAS could be pinned."""
    if "pinned" in _state:
        return _state["pinned"]
    import numpy  # noqa: F401 - loads the OpenBLAS numpy was built with

    try:
        from threadpoolctl import (  # type: ignore[import-untyped,import-not-found,unused-ignore]
            ThreadpoolController,
        )
    except ImportError:  # an environment older than requirements/*.lock: BLIS stays
        _state["pinned"] = False
        return False
    openblas = ThreadpoolController().select(internal_api="openblas")
    pinned = bool(openblas.lib_controllers)
    if pinned:
        _limits.append(openblas.limit(limits=1))
    _state["pinned"] = pinned
    return pinned


def use_openblas(nlp: Language) -> bool:
    """Give every thinc layer of `nlp` that computes with BLIS an `Ops` that multiplies with
    numpy (one-thread OpenBLAS). True when switched; the pipeline is unchanged otherwise."""
    if not single_thread_openblas():
        return False
    ops = NumpyOps(use_blis=False)
    for _, proc in nlp.pipeline:
        model = getattr(proc, "model", None)
        if not isinstance(model, Model):
            continue
        for node in model.walk():
            current = node.ops
            if isinstance(current, NumpyOps) and type(current) is NumpyOps and current.use_blis:
                node.ops = ops  # not a subclass (AppleOps...): those choose their own products
    return True
