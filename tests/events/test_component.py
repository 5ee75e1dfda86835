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


def test_a_line_break_ends_a_sentence(nlp: Language) -> None:
    """A standfirst without a final stop is not parsed into the lead sentence."""
    from eventline.nlp.line_breaks import FACTORY, LineBreaks

    assert Language.has_factory(FACTORY)
    doc = nlp.make_doc("Talks resume in Berlin\nPoland and Germany met on Monday.")
    LineBreaks()(doc)
    poland = next(t for t in doc if t.text == "Poland")
    assert poland.is_sent_start
    assert not next(t for t in doc if t.text == "Germany").is_sent_start


def test_a_wire_dateline_ends_where_the_lead_begins(nlp: Language) -> None:
    """Parsed as one sentence, the dateline's city became the lead's subject and its parties
    appositions; a dateline at a line's start (or none) is its own sentence, the rest unchanged."""
    from eventline.nlp.line_breaks import LineBreaks

    text = "Tariff row deepens\nLIMA, March 3 (Reuters) - Peru and Chile resumed talks on Friday."
    doc = LineBreaks()(nlp.make_doc(text))
    assert next(t for t in doc if t.text == "Peru").is_sent_start
    assert not next(t for t in doc if t.text == "Chile").is_sent_start
    plain = LineBreaks()(nlp.make_doc("Peru and Chile resumed talks on Friday - Lima said."))
    assert not any(t.is_sent_start for t in plain[1:])


def test_a_coded_doc_still_serialises(parse: Callable[[str], Doc], nlp: Language) -> None:
    from spacy.tokens import DocBin

    doc = parse("Poland condemned the German strikes on Chile in Warsaw.")
    nlp.create_pipe("eventline_events_v1")(doc)
    data = DocBin(docs=[doc], store_user_data=True).to_bytes()
    (back,) = DocBin(store_user_data=True).from_bytes(data).get_docs(nlp.vocab)
    assert len(back.spans["events"]) > 0
    assert [s._.event for s in back.spans["events"]] == [s._.event for s in doc.spans["events"]]
