"""A gathering named before, reached by taking part (issue #9 item 6, places7): "Opening the
session, X said ..." and "X, who chaired the meeting, called ..." are at the meeting the
sentence before placed; another noun of a meeting names it ("the session" after "a meeting"),
and a "for" phrase gives a meeting the place of its clause ("met in Vilnius for a meeting").
Parses are built by hand; the sentences are written for these tests."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from eventline.events.location import dateline_locations
from eventline.model import EventMention, Evidence
from tests.events.conftest import Row

#: "Ministers met in Vilnius for a meeting."
FIRST: list[Row] = [
    ("Ministers", 1, "nsubj", "NOUN", "NNS", "minister"),
    ("met", 1, "ROOT", "VERB", "VBD", "meet"),
    ("in", 1, "prep", "ADP", "IN", "in"),
    ("Vilnius", 2, "pobj", "PROPN", "NNP", "Vilnius"),
    ("for", 1, "prep", "ADP", "IN", "for"),
    ("a", 6, "det", "DET", "DT", "a"),
    ("meeting", 4, "pobj", "NOUN", "NN", "meeting"),
    (".", 1, "punct", "PUNCT", ".", "."),
]


def _doc(second: list[Row], ents: list[tuple[int, str]]) -> Doc:
    """FIRST and `second` (heads relative to its own start) as two sentences."""
    n = len(FIRST)
    rows = FIRST + [(w, h + n, d, p, t, lem) for w, h, d, p, t, lem in second]
    labels = {3: "GPE", **{i + n: label for i, label in ents}}
    return Doc(
        spacy.blank("en").vocab,
        words=[r[0] for r in rows],
        spaces=[i + 1 < len(rows) and rows[i + 1][2] != "punct" for i in range(len(rows))],
        heads=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        pos=[r[3] for r in rows],
        tags=[r[4] for r in rows],
        lemmas=[r[5] for r in rows],
        sent_starts=[i in (0, n) for i in range(len(rows))],
        ents=[f"B-{labels[i]}" if i in labels else "O" for i in range(len(rows))],
    )


def _place_of_second(doc: Doc, trigger: str) -> str | None:
    sent = list(doc.sents)[1]
    event = EventMention(
        id="e1",
        type="ACCUSE",
        trigger=trigger,
        date="2025-06-24",
        date_precision="report",
        evidence=Evidence(article="a", sentence=1, start=sent.start_char, end=sent.end_char),
    )
    (placed,) = dateline_locations(doc, [event], published="2025-06-24")
    where = placed.location
    return None if where is None else f"{where.name}/{where.source}"


def _opening(verb: str, lemma: str) -> Doc:
    # "Opening the session, Novak criticised Brandt." ("Leaving the session, ...")
    return _doc(
        [
            (verb, 5, "advcl", "VERB", "VBG", lemma),
            ("the", 2, "det", "DET", "DT", "the"),
            ("session", 0, "dobj", "NOUN", "NN", "session"),
            (",", 5, "punct", "PUNCT", ",", ","),
            ("Novak", 5, "nsubj", "PROPN", "NNP", "Novak"),
            ("criticised", 5, "ROOT", "VERB", "VBD", "criticise"),
            ("Brandt", 5, "dobj", "PROPN", "NNP", "Brandt"),
            (".", 5, "punct", "PUNCT", ".", "."),
        ],
        [(4, "PERSON"), (6, "PERSON")],
    )


def test_opening_the_session_puts_the_speaker_at_the_meeting_named_before() -> None:
    assert _place_of_second(_opening("Opening", "open"), "criticised") == "Vilnius/context"


def test_leaving_the_session_is_no_taking_part() -> None:
    assert _place_of_second(_opening("Leaving", "leave"), "criticised") is None


def _chaired(date: bool) -> Doc:
    # "Novak, who chaired the meeting, criticised Brandt." (... "who chaired it in May")
    rows: list[Row] = [
        ("Novak", 8 if date else 6, "nsubj", "PROPN", "NNP", "Novak"),
        ("who", 2, "nsubj", "PRON", "WP", "who"),
        ("chaired", 0, "relcl", "VERB", "VBD", "chair"),
        ("the", 4, "det", "DET", "DT", "the"),
        ("meeting", 2, "dobj", "NOUN", "NN", "meeting"),
    ]
    if date:
        rows += [("in", 2, "prep", "ADP", "IN", "in"), ("May", 5, "pobj", "PROPN", "NNP", "May")]
    end = len(rows)
    rows += [
        (",", end + 1, "punct", "PUNCT", ",", ","),
        ("criticised", end + 1, "ROOT", "VERB", "VBD", "criticise"),
        ("Brandt", end + 1, "dobj", "PROPN", "NNP", "Brandt"),
        (".", end + 1, "punct", "PUNCT", ".", "."),
    ]
    ents = [(0, "PERSON"), (end + 2, "PERSON")] + ([(6, "DATE")] if date else [])
    return _doc(rows, ents)


def test_a_relative_clause_of_chairing_the_meeting_puts_the_subject_there() -> None:
    assert _place_of_second(_chaired(False), "criticised") == "Vilnius/context"
    assert _place_of_second(_chaired(True), "criticised") is None  # another time
