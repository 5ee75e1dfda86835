"""Places the NER model reads as people ("troops had entered Kherson").

The small English model tags some city names PERSON, above all foreign ones, and the people
stage would make each an actor with no country. A PERSON entity is taken for a place when:

- a locative word comes right before it ("in", "near", "entered", "captured", ... or "the
  city of"; `resources/actors/place_names.yaml`),
- the gazetteer knows its text as a populated place (`places.resolve_place`),
- no person of that name is known (KB, office holders) on the document's day, and the
  document gives no person of that name a title, a first name or another mention as a name
  part ("Lloyd Austin ... in Austin" keeps Austin a person).

Every PERSON entity of that text in the document is then no person: the choice is per
document, read from its text alone.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field
from spacy.tokens import Doc, Span

from eventline.nlp.kb import _validate, resource_path
from eventline.nlp.places import resolve_place

PLACE_NAMES_FILE = "place_names.yaml"
_POPULATED = frozenset({"city", "town", "admin1"})
_MAX_WORDS = 3


class PlaceCues(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    version: int
    before: frozenset[str] = Field(min_length=1)
    nouns: frozenset[str] = Field(min_length=1)


@lru_cache(maxsize=1)
def load_place_cues() -> PlaceCues:
    return _validate(PlaceCues, resource_path(PLACE_NAMES_FILE))


def locative(doc: Doc, start: int, cues: PlaceCues | None = None) -> bool:
    """Does a locative cue end right before token `start`? ("in X", "the city of X")."""
    cues = cues or load_place_cues()
    if start < 1:
        return False
    if doc[start - 1].lower_ in cues.before:
        return True
    return start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].lower_ in cues.nouns


def place_persons(
    doc: Doc,
    persons: list[Span],
    *,
    titled: Collection[int],
    known: Callable[[str], bool],
) -> set[str]:
    """Texts of the PERSON entities among `persons` that name places in this document;
    `titled`: start tokens of names right after a title, `known`: is a text a known person."""
    cues = load_place_cues()
    candidates = {
        p.text
        for p in persons
        if len(p) <= _MAX_WORDS and p.start not in titled and locative(doc, p.start, cues)
    }
    out: set[str] = set()
    for text in candidates:
        words = text.split()
        named = [
            p
            for p in persons
            if p.text != text and (p.text.split()[-len(words) :] == words or text in p.text)
        ]
        if named or any(p.text == text and p.start in titled for p in persons):
            continue
        if known(text):
            continue
        place = resolve_place(text)
        if place is not None and place.kind in _POPULATED:
            out.add(text)
    return out
