"""NLP stage: spaCy pipeline with eventline's actor components, and actor resolution.

Importing any name from this package (`from eventline.nlp import load_nlp`) registers the spaCy
factories (`eventline_actors_v1`, `eventline_people_v1`) and the extensions `Span._.actor`,
`Doc._.article`, `Doc._.published`. The names are loaded on first use (PEP 562), so importing
a spaCy-free submodule (`eventline.nlp.kb`, `eventline.nlp.names`, `eventline.nlp.resolve`)
does not import spaCy: commands that parse nothing stay fast.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from eventline.nlp.descriptors import descriptor_actor
    from eventline.nlp.extensions import SPAN_KEY
    from eventline.nlp.extensions import register_extensions as register_extensions
    from eventline.nlp.kb import load_kb, validate_kb_file
    from eventline.nlp.pipeline import (
        MODELS,
        PIPELINE_VERSION,
        ActorExtraction,
        docs_from_bytes,
        docs_to_bytes,
        extract_actors,
        load_nlp,
        model_version,
        resolve_docs,
    )

_PIPELINE = "eventline.nlp.pipeline"
_WHERE = {
    "MODELS": _PIPELINE,
    "PIPELINE_VERSION": _PIPELINE,
    "SPAN_KEY": "eventline.nlp.extensions",
    "ActorExtraction": _PIPELINE,
    "descriptor_actor": "eventline.nlp.descriptors",
    "docs_from_bytes": _PIPELINE,
    "docs_to_bytes": _PIPELINE,
    "extract_actors": _PIPELINE,
    "load_kb": "eventline.nlp.kb",
    "load_nlp": _PIPELINE,
    "model_version": _PIPELINE,
    "register_extensions": "eventline.nlp.extensions",
    "resolve_docs": _PIPELINE,
    "validate_kb_file": "eventline.nlp.kb",
}


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    importlib.import_module(_PIPELINE)  # registers the factories and the extensions
    value = getattr(importlib.import_module(_WHERE[name]), name)
    globals()[name] = value
    return value


__all__ = [
    "MODELS",
    "PIPELINE_VERSION",
    "SPAN_KEY",
    "ActorExtraction",
    "descriptor_actor",
    "docs_from_bytes",
    "docs_to_bytes",
    "extract_actors",
    "load_kb",
    "load_nlp",
    "model_version",
    "resolve_docs",
    "validate_kb_file",
]
