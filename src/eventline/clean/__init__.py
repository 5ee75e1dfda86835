"""Clean stage: split documents into articles, strip boilerplate, read metadata and dates."""

from eventline.clean.pipeline import clean_document

__all__ = ["clean_document"]
