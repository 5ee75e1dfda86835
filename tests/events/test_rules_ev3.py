"""Attachment rules on hand-built parses: a role noun under a recipient preposition is the
recipient, and the time the parser hangs on a participle describing the object dates the
clause verb."""

from __future__ import annotations

from spacy.tokens import Doc

from eventline.events.args import ActorIndex
from eventline.events.candidate import EventCandidate
from eventline.events.coder import candidates
from eventline.events.dating import FoundTimex, TimexIndex
from eventline.events.patterns import lexicon
from tests.events.conftest import Row, parsed_doc

TABLE: dict[str, tuple[str, str, str | None, str | None, str]] = {
    "Peruvian police": ("kb:PER.police", "Peru Police", "PER", "COP", "ORG"),
    "Chile": ("kb:CHL", "Chile", "CHL", None, "GPE"),
}

# "Peruvian police fired gas at farmers blocking a road on Tuesday ."
FIRED: list[Row] = [
    ("Peruvian", 1, "amod", "ADJ", "JJ", "peruvian"),
    ("police", 2, "nsubj", "NOUN", "NNS", "police"),
    ("fired", 2, "ROOT", "VERB", "VBD", "fire"),
    ("gas", 2, "dobj", "NOUN", "NN", "gas"),
    ("at", 2, "prep", "ADP", "IN", "at"),
    ("farmers", 4, "pobj", "NOUN", "NNS", "farmer"),
    ("blocking", 5, "acl", "VERB", "VBG", "block"),
    ("a", 8, "det", "DET", "DT", "a"),
    ("road", 6, "dobj", "NOUN", "NN", "road"),
    ("on", 6, "prep", "ADP", "IN", "on"),
    ("Tuesday", 9, "pobj", "PROPN", "NNP", "Tuesday"),
    (".", 2, "punct", "PUNCT", ".", "."),
]

# "Chile condemned the strikes targeting villages on Friday ."
CONDEMNED: list[Row] = [
    ("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"),
    ("condemned", 1, "ROOT", "VERB", "VBD", "condemn"),
    ("the", 3, "det", "DET", "DT", "the"),
    ("strikes", 1, "dobj", "NOUN", "NNS", "strike"),
    ("targeting", 3, "acl", "VERB", "VBG", "target"),
    ("villages", 4, "dobj", "NOUN", "NNS", "village"),
    ("on", 4, "prep", "ADP", "IN", "on"),
    ("Friday", 6, "pobj", "PROPN", "NNP", "Friday"),
    (".", 1, "punct", "PUNCT", ".", "."),
]


def coded(doc: Doc) -> list[EventCandidate]:
    return candidates(doc, ActorIndex(doc), lexicon())


def day(doc: Doc, i: int, date: str) -> FoundTimex:
    tok = doc[i]
    return FoundTimex(tok.idx, tok.idx + len(tok), tok.text, "DATE", date, None, date, "day")


def test_a_role_noun_under_the_recipient_preposition_is_the_recipient() -> None:
    doc = parsed_doc(FIRED, TABLE)
    (ev,) = [c for c in coded(doc) if c.type == "ASSAULT"]
    assert [r.name for r in ev.recipient] == ["farmers"]
    assert ev.recipient[0].sector == "AGR"


def test_the_time_of_a_participle_describing_the_object_dates_the_verb() -> None:
    doc = parsed_doc(FIRED, TABLE)
    tuesday = day(doc, 10, "2024-04-30")
    assert TimexIndex(doc, [tuesday]).of_clause(doc[2]) == tuesday


def test_the_time_of_a_participle_of_an_event_noun_is_the_events_own() -> None:
    doc = parsed_doc(CONDEMNED, TABLE)
    friday = day(doc, 7, "2024-04-26")
    assert TimexIndex(doc, [friday]).of_clause(doc[1]) is None


# "Chile massed thousands of troops near its border with Peru ."
MASSED: list[Row] = [
    ("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"),
    ("massed", 1, "ROOT", "VERB", "VBD", "mass"),
    ("thousands", 1, "dobj", "NOUN", "NNS", "thousand"),
    ("of", 2, "prep", "ADP", "IN", "of"),
    ("troops", 3, "pobj", "NOUN", "NNS", "troop"),
    ("near", 2, "prep", "ADP", "IN", "near"),
    ("its", 7, "poss", "PRON", "PRP$", "its"),
    ("border", 5, "pobj", "NOUN", "NN", "border"),
    ("with", 7, "prep", "ADP", "IN", "with"),
    ("Peru", 8, "pobj", "PROPN", "NNP", "Peru"),
    (".", 1, "punct", "PUNCT", ".", "."),
]


def test_forces_massed_at_a_border_face_the_country_beyond_it() -> None:
    doc = parsed_doc(MASSED, {**TABLE, "Peru": ("kb:PER", "Peru", "PER", None, "GPE")})
    (ev,) = [c for c in coded(doc) if c.type == "MOBILIZE"]
    assert [r.name for r in ev.recipient] == ["Peru"]
