"""A scene reaches the act a speaker reports as its own ("Police said they arrested 20 of
them"), not an act the speaker reports of others ("Police said troops arrested ...")."""

from __future__ import annotations

from spacy.tokens import Doc

from eventline.events.scene import context_locations
from eventline.model import EventMention, Evidence, Place
from tests.events.test_scene import LAGOS, POLICE, RALLY, Word, _doc


def said(subject: str) -> list[Word]:
    """ "Police said <subject> arrested them ." """
    return [
        ("Police", 1, "nsubj", "NOUN", "police"),
        ("said", 1, "ROOT", "VERB", "say"),
        (subject, 3, "nsubj", "PRON" if subject == "they" else "NOUN", subject.lower()),
        ("arrested", 1, "ccomp", "VERB", "arrest"),
        ("them", 3, "dobj", "PRON", "they"),
        (".", 1, "punct", "PUNCT", "."),
    ]


def place_of_reported_arrest(doc: Doc) -> Place | None:
    last = list(doc.sents)[-1]
    clause = doc[last.start + 2 : last.start + 5]  # "<subject> arrested them"
    event = EventMention(
        id="e1",
        type="COERCE",
        actor=(POLICE,),
        evidence=Evidence(article="a", sentence=1, start=clause.start_char, end=clause.end_char),
    )
    scene = next(iter(doc.sents))
    out = context_locations(
        doc,
        [event],
        scene_of=lambda s: LAGOS if s.start == scene.start else None,
        participants=lambda s: set(),
    )
    return out[0].location


def test_the_speakers_own_act_takes_the_scene() -> None:
    place = place_of_reported_arrest(_doc([RALLY, said("they")]))
    assert place is not None and (place.name, place.source) == ("Lagos", "context")


def test_an_act_the_speaker_tells_of_others_does_not() -> None:
    assert place_of_reported_arrest(_doc([RALLY, said("soldiers")])) is None
