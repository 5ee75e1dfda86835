"""Country names two states share ("Congo"): the document's other mentions say which is meant.

The KB gives a shared name one state (`resources/actors/namesakes.yaml`: "Congo" is the
Democratic Republic of the Congo, as news has written it since 1997). A document that names
the other state by a form of its own ("Brazzaville", "Republic of Congo", "Congo-Brazzaville")
is about that state, so its bare "Congo" and "Congolese" are too, unless it also names the
default state by a form of its own ("DRC", "Kinshasa"). The choice is per document
and made from the text alone, so it does not depend on which articles came before.
"""

from __future__ import annotations

from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field
from spacy.tokens import Doc, Span

from eventline.errors import ResourceError
from eventline.nlp.extensions import actor_table, ref_of
from eventline.nlp.kb import _validate, packaged_kb, resource_path
from eventline.nlp.matching import kb_entry

NAMESAKES_FILE = "namesakes.yaml"
_STATE_LABELS = frozenset({"COUNTRY", "NORP", "METONYM"})


class Namesake(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    forms: list[str] = Field(min_length=1)
    default: str
    other: str


class NamesakesFile(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    version: int
    namesakes: list[Namesake]


@lru_cache(maxsize=1)
def load_namesakes() -> tuple[Namesake, ...]:
    """The packaged file, each state checked against the KB's countries."""
    path = resource_path(NAMESAKES_FILE)
    data = _validate(NamesakesFile, path)
    kb = packaged_kb()
    for item in data.namesakes:
        for code in (item.default, item.other):
            if kb.country_actor(code) is None:
                raise ResourceError(str(path), f"{code!r} is not a country of the KB")
    return tuple(data.namesakes)


def _bare(span: Span) -> str:
    words = span.text.split()
    return " ".join(words[1:] if words and words[0].lower() == "the" else words)


def read_namesakes(doc: Doc, spans: list[Span]) -> None:
    """Point the document's shared-name state mentions at the other state when the document
    names that state by a form of its own; `spans` are the actor stage's spans (changed in
    place, with the doc's actor table)."""
    states = [s for s in spans if s.label_ in _STATE_LABELS and s._.actor_ref]
    if not states:
        return
    for item in load_namesakes():
        shared = [s for s in states if _bare(s) in item.forms]
        own = {s._.actor_ref.get("country") for s in states if _bare(s) not in item.forms}
        if not shared or item.other not in own or item.default in own:
            continue  # both states named apart ("DRC" and "Brazzaville"): the default stays
        actor = packaged_kb().country_actor(item.other)
        assert actor is not None  # checked by load_namesakes
        entry = kb_entry(actor)
        actor_table(doc).setdefault(str(entry["id"]), entry)
        for span in shared:
            if span._.actor_ref.get("country") == item.default:
                span._.actor_ref = ref_of(entry, sector=span._.actor_ref.get("sector"))
