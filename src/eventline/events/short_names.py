"""A short name that repeats the end of a longer name the article gave before ("the United
States Air Force (USAF) ... the Air Force"): the nlp stage resolves each mention on its own
and may not know the short form, leaving a party named but of no country (#11: "Air Force
[- -]" for the senator's target). Within one article such a short form means the body named
in full before it."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Span

from eventline.model import ActorRef

# Ids the nlp stage gives a name it could not resolve in the KB (`act_<hash>`).
_UNKNOWN_NAMED = "act_"
_MIN_WORDS = 2  # "Force" alone is too little to match on


def _words(span: Span) -> tuple[str, ...]:
    return tuple(t.lower_ for t in span if t.pos_ != "DET" and not t.is_punct)


def _unresolved(ref: ActorRef) -> bool:
    return ref.id.startswith(_UNKNOWN_NAMED) and ref.country is None and ref.sector is None


def earlier_full_names(
    spans: Iterable[tuple[Span, ActorRef]], *, person: frozenset[int] = frozenset()
) -> dict[int, ActorRef]:
    """By span start: the resolved party an unresolved name of at least two words stands for,
    when every resolved, longer, earlier name that ends with its words is that one party.
    Spans starting at a position in `person` (people) are left alone: "Murray" after "Patty
    Murray" is the nlp stage's concern."""
    pairs = sorted(spans, key=lambda p: p[0].start)
    found: dict[int, ActorRef] = {}
    for span, ref in pairs:
        short = _words(span)
        if not _unresolved(ref) or len(short) < _MIN_WORDS or span.start in person:
            continue
        fuller = {
            other.id: other
            for earlier, other in pairs
            if earlier.start < span.start
            and not _unresolved(other)
            and len(long := _words(earlier)) > len(short)
            and long[-len(short) :] == short
        }
        if len(fuller) == 1:
            found[span.start] = next(iter(fuller.values()))
    return found
