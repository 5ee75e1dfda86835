"""`Span._.actor` and its stored dict (`nlp.extensions`), on hand-built docs."""

from __future__ import annotations

from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from eventline.model import ActorRef
from eventline.nlp.extensions import actor_of, register_extensions, stored_ref


def _doc() -> Doc:
    register_extensions()
    return Doc(Vocab(), words=["Iran", "and", "Iraq", "met", "Iran"])


def test_stored_ref_reads_what_the_extension_holds() -> None:
    doc = _doc()
    spans = [Span(doc, 0, 1, label="GPE"), Span(doc, 2, 3, label="GPE"), Span(doc, 4, 5)]
    spans[0]._.actor_ref = {"id": "IRN", "name": "Iran", "country": "IRN"}
    spans[1]._.actor = ActorRef(id="IRQ", name="Iraq", country="IRQ")
    for span in spans:
        assert stored_ref(span) == span._.actor_ref
    assert stored_ref(spans[2]) is None and spans[2]._.actor is None
    assert spans[1]._.actor == ActorRef(id="IRQ", name="Iraq", country="IRQ")


def test_equal_dicts_share_one_validated_ref() -> None:
    one = actor_of({"id": "a1", "name": "Alba", "country": "PER", "sector": None, "kb_id": None})
    two = actor_of({"id": "a1", "name": "Alba", "country": "PER", "sector": None, "kb_id": None})
    assert one is two and one == ActorRef(id="a1", name="Alba", country="PER")
    assert actor_of({"id": "a1", "name": "Alba"}) == ActorRef(id="a1", name="Alba")
    assert actor_of(None) is None
