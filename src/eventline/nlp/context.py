"""Document context for office holders whose title names no country.

"Lavrov flew to Tehran ... Lavrov met then-President Ebrahim Raisi": the title "President" says
nothing of a country, but the passage does: a named visitor from one country at a scene in
another. Only then does the holder get the scene's country. A lone "President Biden arrived in
Warsaw" stays country-less: the traveller is the titled person, and nothing says who hosted.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from spacy.tokens import Doc, Span

from eventline.nlp.kb import Title

_SCENE_LABELS = frozenset({"COUNTRY", "METONYM"})


def needs_country(roles: Iterable[dict[str, Any]], titles: Mapping[str, Title]) -> bool:
    """True when every role lacks a country and one is a head-of-state or single office."""
    roles = list(roles)
    if not roles or any(r.get("country") for r in roles):
        return False
    found = [titles.get(r.get("key") or "") for r in roles]
    return any(t is not None and (t.head or t.single) for t in found)


def passage(doc: Doc, start: int) -> tuple[int, int]:
    """Token range from the start of the previous sentence to `start`."""
    sent = doc[start].sent
    first = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    return first, start


def host_country(
    doc: Doc,
    start: int,
    *,
    refs: Iterable[Span],
    visitors: Iterable[tuple[int, str]],
    scene_words: frozenset[str],
) -> str | None:
    """The one scene country in the passage before token `start`, if a named person of another
    country (a visitor: token index, country) appears in that passage too."""
    first, end = passage(doc, start)
    scenes = {
        ref._.actor_ref["country"]
        for ref in refs
        if ref.label_ in _SCENE_LABELS
        and first <= ref.start < end
        and ref.start > 0
        and doc[ref.start - 1].lower_ in scene_words
    }
    scenes.discard(None)
    if len(scenes) != 1:
        return None
    scene = next(iter(scenes))
    present = {country for i, country in visitors if first <= i < end}
    return scene if present and scene not in present else None


def span_countries(spans: Iterable[Span]) -> dict[str, int]:
    """How often the document's actor mentions name each country."""
    counts: dict[str, int] = {}
    for span in spans:
        country = (span._.actor_ref or {}).get("country")
        if country:
            counts[country] = counts.get(country, 0) + 1
    return counts


def dominant_country(counts: Mapping[str, int], *, share: float) -> str | None:
    """The country that holds at least `share` of the document's country mentions."""
    total = sum(counts.values())
    if not total:
        return None
    best = max(counts, key=lambda c: (counts[c], c))
    return best if counts[best] / total >= share else None


def sector_country(spans: Iterable[Span], sector: str, *, before: int) -> str | None:
    """The one country the document gave a mention of `sector` before token `before`
    ("Kenyan police" ... "police"); None when it gave none or several."""
    found = {
        ref.get("country")
        for span in spans
        if span.end <= before
        and (ref := span._.actor_ref or {}).get("sector") == sector
        and ref.get("country")
    }
    return next(iter(found)) if len(found) == 1 else None
