"""Shared by the dating tests: code one text with the statistical parse and pick an event."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from eventline.events.document import code_doc
from eventline.model import EventMention

Parse = Callable[[str], Doc]


def events(parse: Parse, text: str, published: str = "2024-03-14") -> list[EventMention]:
    return code_doc(parse(text), article_id="t", published=published).events


def by_trigger(found: list[EventMention], trigger: str) -> EventMention:
    hits = [e for e in found if e.trigger == trigger]
    assert hits, [(e.type, e.trigger) for e in found]
    return hits[0]
