"""Ingest stage: read inputs, decode bytes, detect the format, build Documents."""

from eventline.ingest.reader import InputSource, iter_sources, read_document

__all__ = ["InputSource", "iter_sources", "read_document"]
