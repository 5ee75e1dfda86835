"""The event coder as a spaCy component: `nlp.add_pipe("eventline_events_v1")`.

Like spaCy's `span_ruler` and `spancat`, which write the same `doc.spans[key]` so that config
chooses between a rule-based and a learned component, `eventline_events_v1` writes each coded
event as a span of its evidence in `doc.spans["events"]` (label: the PLOVER type) with the
full record in `span._.event`. `code_doc` reads events from that key when a component has
filled it, so any coder registered under another name (a learned one, say) that writes the
same key and extension is used in place of the rules without touching the rest of the stage.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from eventline.model import EventMention, content_id

SPAN_KEY = "events"


def _get_event(span: Span) -> EventMention | None:
    records = span.doc._.event_records
    return records.get(span.id) if records else None


def _set_event(span: Span, event: EventMention) -> None:
    if span.doc._.event_records is None:
        span.doc._.event_records = {}
    span.doc._.event_records[span.id] = event


def register_event_extensions() -> None:
    """`Span._.event` (the `EventMention`, stored on the doc by span id: spaCy keys span
    extensions by offsets alone, and two events may share one clause) and `Doc._.kind`."""
    if not Span.has_extension("event"):
        Span.set_extension("event", getter=_get_event, setter=_set_event)
    for name in ("kind", "article", "published", "event_records"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def write_event_spans(doc: Doc, events: list[EventMention], *, span_key: str = SPAN_KEY) -> None:
    """Each event as the span of its evidence, labelled with its type."""
    register_event_extensions()
    spans = []
    for i, event in enumerate(events):
        found = doc.char_span(event.evidence.start, event.evidence.end, alignment_mode="expand")
        if found is None:
            continue
        # span_id keeps two events over one clause apart: span extensions are keyed by it
        span = Span(doc, found.start, found.end, label=event.type, span_id=i + 1)
        span._.event = event
        spans.append(span)
    doc.spans[span_key] = spans


def events_from_spans(doc: Doc, *, span_key: str = SPAN_KEY) -> list[EventMention] | None:
    """The events a coder component wrote, or None when no component ran."""
    if span_key not in doc.spans or not Span.has_extension("event"):
        return None
    return [s._.event for s in doc.spans[span_key] if isinstance(s._.event, EventMention)]


class EventCoder:
    """Rule-based PLOVER coder over the parse and the actor spans (`events/coder.py`)."""

    def __init__(self, *, span_key: str = SPAN_KEY) -> None:
        self.span_key = span_key
        register_event_extensions()

    def __call__(self, doc: Doc) -> Doc:
        from eventline.events.document import code_doc  # the stage's entry point

        published = doc._.published
        article = doc._.article or content_id("txt", doc.text, published)
        coded = code_doc(doc, article_id=article, published=published, kind=doc._.kind or "news")
        write_event_spans(doc, coded.events, span_key=self.span_key)
        return doc


@Language.factory(
    "eventline_events_v1",
    default_config={"span_key": SPAN_KEY},
    requires=["doc.sents", "token.dep", "token.lemma", "doc.spans"],
    assigns=["doc.spans", "span._.event"],
)
def make_event_coder(nlp: Language, name: str, span_key: str) -> EventCoder:
    """Registry entry: `nlp.add_pipe("eventline_events_v1", last=True)`."""
    return EventCoder(span_key=span_key)


register_event_extensions()
