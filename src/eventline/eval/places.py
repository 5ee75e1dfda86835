"""How many coded events get a place when their text names one (issue 9, item 6).

An event's text is its evidence span (the clause that reports it, not the whole sentence:
"Putin met Araghchi in Moscow two days after the US struck Iran" names no place of the
strike). It *names a place* when it holds a place-name entity (GPE, LOC, FAC) that the
gazetteer (`eventline.nlp.places`) reads as a city or region, or a country named after a place
preposition ("in Iran"); organisations and groupings never count, nor names acting as a state
or describing someone (subjects, "Washington senator", "Iran's"). Figures: the
share of such events with a location, and of those whose sentence names a city the share whose
location has coordinates. Run on the development samples (`places`) and on MEANTIME
(`meantime-places`). No gold: this measures coverage, and the misses list the sentences.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Literal

from spacy.tokens import Doc, Span

from eventline.eval.report import Metric, SectionReport
from eventline.model import EventMention
from eventline.nlp.places import is_grouping, resolve_place

Named = Literal["city", "country"] | None
_PREPS = frozenset({"in", "at", "near", "outside", "inside", "across", "around"})
_LABELS = frozenset({"GPE", "LOC", "FAC"})


def place_named(sent: Span) -> Named:
    """The most precise kind of place the span names: "city" (city or region), "country"
    (a country after a place preposition) or None."""
    found: Named = None
    for ent in sent.ents:
        if ent.label_ not in _LABELS or is_grouping(ent.text) or _as_actor(ent):
            continue
        place = resolve_place(ent.text)
        if place is None:
            continue
        if place.kind in ("city", "admin1"):
            return "city"
        before = sent.doc[ent.start - 1] if ent.start > 0 else None
        if before is not None and before.lower_ in _PREPS:
            found = "country"
    return found


def _as_actor(ent: Span) -> bool:
    """A place name acting as a state ("Moscow warned", "Moscow and Tehran cooperate") or
    describing someone ("Washington senator Patty Murray") names no event location."""
    root = ent.root
    heads = [root, *([root.head] if root.dep_ == "conj" else [])]
    if any(h.dep_ in ("nsubj", "nsubjpass") for h in heads):
        return True
    return root.dep_ in ("compound", "amod", "poss", "nmod")


def _event_text(doc: Doc, event: EventMention) -> Span | None:
    """The event's own text: its evidence span (the clause that reports it), so that a place
    of another event told in the same sentence ("met in Moscow two days after the US struck
    Iran") does not count."""
    return doc.char_span(event.evidence.start, event.evidence.end, alignment_mode="expand")


def score_places(
    section: str, coded: Iterable[tuple[Doc, Sequence[EventMention]]]
) -> SectionReport:
    events = named = placed = cities = with_coords = located = 0
    misses: list[str] = []
    for doc, mentions in coded:
        sents = list(doc.sents)
        for event in mentions:
            events += 1
            located += event.location is not None
            sent = sents[event.evidence.sentence] if event.evidence.sentence < len(sents) else None
            text = _event_text(doc, event)
            kind = place_named(text) if text is not None else None
            if kind is None:
                continue
            named += 1
            placed += event.location is not None
            if kind == "city":
                cities += 1
                with_coords += event.location is not None and event.location.latitude is not None
            where = event.location
            if where is None and sent is not None:
                misses.append(f"{event.type}: {sent.text.strip()[:160]}")
            elif kind == "city" and sent is not None and where and where.latitude is None:
                misses.append(f"{event.type} at {where.name}: {sent.text[:140]}")
    return SectionReport(
        section,
        (
            Metric("placed", placed / named if named else 1.0, None, f"{placed}/{named}"),
            Metric(
                "city_coordinates",
                with_coords / cities if cities else 1.0,
                None,
                f"{with_coords}/{cities}",
            ),
            Metric("events_naming_a_place", named / events if events else 0.0, None,
                   f"{named} of {events} coded events"),
            Metric("events_with_place", located / events if events else 0.0, None,
                   f"{located} of {events} coded events"),
        ),
        tuple(misses),
    )  # fmt: skip


def meantime_coded(root: Path, nlp: Any) -> list[tuple[Doc, list[EventMention]]]:
    """Parse and code every MEANTIME document (its creation date as publication date)."""
    from eventline.eval.meantime_events import _GLOB, read_document
    from eventline.events import code_doc

    out = []
    for path in sorted(root.glob(_GLOB)):
        mdoc = read_document(path)
        doc = nlp.make_doc(mdoc.text)
        doc._.published = mdoc.creation
        doc = nlp(doc)
        coded = code_doc(doc, article_id=f"meantime_{mdoc.name}", published=mdoc.creation)
        out.append((doc, coded.events))
    return out
