"""The coder as a registered spaCy component writing doc.spans["events"]."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

import eventline.events  # noqa: F401 - registers the factory
from eventline.events import code_doc, events_from_spans
from eventline.model import EventMention, Evidence

pytestmark = pytest.mark.slow


def test_the_factory_is_registered_under_a_versioned_name() -> None:
    assert Language.has_factory("eventline_events_v1")


def test_the_component_writes_events_as_spans_of_their_evidence(
    parse: Callable[[str], Doc], nlp: Language
) -> None:
    doc = parse("Germany condemned the Polish blockade on Monday.")
    doc._.published = "2024-03-14"
    coder = nlp.create_pipe("eventline_events_v1")
    coder(doc)
    spans = list(doc.spans["events"])
    assert spans and {s.label_ for s in spans} == {e.type for e in events_from_spans(doc) or []}
    for span in spans:
        event = span._.event
        assert (span.start_char, span.end_char) == (event.evidence.start, event.evidence.end)


def test_code_doc_uses_events_another_component_wrote(parse: Callable[[str], Doc]) -> None:
    doc = parse("Germany condemned the Polish blockade on Monday.")
    learned = EventMention(
        id="evm_x",
        type="CONSULT",
        trigger="Germany",
        evidence=Evidence(article="a", sentence=0, start=0, end=7, text="Germany"),
    )
    span = Span(doc, 0, 1, label="CONSULT", span_id=7)
    span._.event = learned
    doc.spans["events"] = [span]
    assert code_doc(doc, article_id="a", published=None).events == [learned]
