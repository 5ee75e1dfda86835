"""NLP stage: spaCy pipeline with eventline's actor components, and actor resolution.

Importing this package registers the spaCy factories (`eventline_actors_v1`,
`eventline_people_v1`) and the extensions `Span._.actor`, `Doc._.article`, `Doc._.published`.
"""

from eventline.nlp.descriptors import descriptor_actor
from eventline.nlp.extensions import SPAN_KEY, register_extensions
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

register_extensions()

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
