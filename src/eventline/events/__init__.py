"""Event stage: PLOVER coding, dates and quotes from one article at a time."""

from eventline.events.document import CodedDoc, code_doc, code_text

__all__ = ["CodedDoc", "code_doc", "code_text"]
