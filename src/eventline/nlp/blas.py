"""The model's matrix products on numpy's OpenBLAS, one thread, instead of thinc's BLIS.

thinc runs the dense layers of spaCy's CPU models (the tok2vec encoders of the shared
`tok2vec` and of `ner`, the parsers' hidden layers) through `NumpyOps.gemm`, which calls BLIS.
On the x86 machines we measured, numpy's bundled OpenBLAS does the same products in less CPU
time, and the parse it gives is the same (tags, heads, labels, entities, lemmas of every token
of the samples and MEANTIME: tests/nlp/test_blas.py, docs/evaluation.md). thinc's own switch
for this is `NumpyOps(use_blis=False)`.

OpenBLAS starts a thread per core for large products: eventline parallelises with processes
(`--processes`), so those threads would only compete with the other workers and spend CPU
spinning. `use_openblas` therefore pins OpenBLAS to one thread first, through the library's
own `set_num_threads` entry point, and leaves BLIS in place wherever that cannot be done
(no OpenBLAS found in this process, another platform).
"""

from __future__ import annotations

import ctypes
from pathlib import Path

from spacy.language import Language
from thinc.api import Model, NumpyOps

#: Names of OpenBLAS's thread setter in numpy's bundled build (64-bit ints) and in plain builds.
_SETTERS = (
    "scipy_openblas_set_num_threads64_",
    "scipy_openblas_set_num_threads",
    "openblas_set_num_threads64_",
    "openblas_set_num_threads",
)
_MAPS = Path("/proc/self/maps")
_state: dict[str, bool] = {}


def _openblas_paths() -> list[str]:
    """Shared libraries named like OpenBLAS that this process has loaded (Linux only)."""
    try:
        lines = _MAPS.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []
    paths = {line.split()[-1] for line in lines if "openblas" in line.rsplit("/", 1)[-1].lower()}
    return sorted(p for p in paths if p.startswith("/"))


def single_thread_openblas() -> bool:
    """Pin numpy's OpenBLAS to one thread; False when no OpenBLAS could be pinned."""
    if "pinned" in _state:
        return _state["pinned"]
    import numpy  # noqa: F401 - loads the OpenBLAS numpy was built with

    pinned = False
    for path in _openblas_paths():
        try:
            lib = ctypes.CDLL(path)
        except OSError:
            continue
        for name in _SETTERS:
            setter = getattr(lib, name, None)
            if setter is not None:
                setter.argtypes = [ctypes.c_int]
                setter(1)
                pinned = True
                break
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
