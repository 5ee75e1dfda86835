"""Ingest stage: read inputs, decode bytes, detect the format, build Documents."""

from eventline.ingest.reader import (
    InputSource,
    iter_sources,
    parse_document,
    read_bytes,
    read_document,
)

__all__ = ["InputSource", "iter_sources", "parse_document", "read_bytes", "read_document"]
