"""Event stage: PLOVER coding, dates and quotes from one article at a time.

Importing this package registers the spaCy factory `eventline_events_v1` (events/component.py),
which writes `doc.spans["events"]`."""

from eventline.events.component import EventCoder, events_from_spans, write_event_spans
from eventline.events.document import CodedDoc, code_doc, code_text

__all__ = [
    "CodedDoc",
    "EventCoder",
    "code_doc",
    "code_text",
    "events_from_spans",
    "write_event_spans",
]
