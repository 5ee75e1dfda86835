"""Disapproval spoken TO someone about an attack (rules.disapproved_attacker), on parses built
by hand: the recipient is the attacker named in what was said, never the listener or the
victim (issue #11: "the recipient of the accusation is the attacker")."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from eventline.events.args import ActorIndex
from eventline.events.coder import candidates
from eventline.events.patterns import lexicon
from tests.events.conftest import tag_actors

TABLE: dict[str, tuple[str, str, str | None, str | None, str]] = {
    "Putin": ("p_putin", "Vladimir Putin", "RUS", "GOV", "PERSON"),
    "Araghchi": ("p_araghchi", "Abbas Araghchi", "IRN", "GOV", "PERSON"),
    "Iran": ("c_irn", "Iran", "IRN", None, "GPE"),
    "Israel": ("c_isr", "Israel", "ISR", None, "GPE"),
    "US": ("c_usa", "United States", "USA", None, "GPE"),
}
VOCAB = spacy.blank("en").vocab

Row = tuple[str, int, str, str, str, str]
# "Putin told Araghchi that": the speech act and its listener, then the complement from 4 on
SPEAKER: list[Row] = [
    ("Putin", 1, "nsubj", "PROPN", "NNP", "Putin"),
    ("told", 1, "ROOT", "VERB", "VBD", "tell"),
    ("Araghchi", 1, "dobj", "PROPN", "NNP", "Araghchi"),
    ("that", -1, "mark", "SCONJ", "IN", "that"),  # head set to the complement's verb
]


def build(listener: str, complement: list[Row], verb: int) -> Doc:
    """`Putin told <listener> that <complement> .`; `verb` indexes the complement's head."""
    head = len(SPEAKER) + verb
    rows = [r if r[1] >= 0 else (r[0], head, *r[2:]) for r in SPEAKER]
    rows[2] = (listener, *rows[2][1:])
    rows += complement
    rows.append((".", 1, "punct", "PUNCT", ".", "."))
    heads = [1 if r[2] == "ccomp" else r[1] for r in rows]
    doc = Doc(
        VOCAB,
        words=[r[0] for r in rows],
        heads=heads,
        deps=[r[2] for r in rows],
        pos=[r[3] for r in rows],
        tags=[r[4] for r in rows],
        lemmas=[r[5] for r in rows],
        sent_starts=[i == 0 for i in range(len(rows))],
    )
    return tag_actors(doc, TABLE)


def accusations(doc: Doc) -> list[tuple[list[str | None], list[str | None]]]:
    found = candidates(doc, ActorIndex(doc), lexicon())
    return [
        ([a.country for a in c.actor], [r.country for r in c.recipient])
        for c in found
        if c.type == "ACCUSE"
    ]


def test_no_named_attacker_means_no_recipient_not_the_listener_nor_the_victim() -> None:
    # Putin told Iran 's minister that the attacks on Iran had no justification .
    rows: list[Row] = [
        ("Putin", 1, "nsubj", "PROPN", "NNP", "Putin"),
        ("told", 1, "ROOT", "VERB", "VBD", "tell"),
        ("Iran", 4, "poss", "PROPN", "NNP", "Iran"),
        ("'s", 2, "case", "PART", "POS", "'s"),
        ("minister", 1, "dobj", "NOUN", "NN", "minister"),
        ("that", 10, "mark", "SCONJ", "IN", "that"),
        ("the", 7, "det", "DET", "DT", "the"),
        ("attacks", 10, "nsubj", "NOUN", "NNS", "attack"),
        ("on", 7, "prep", "ADP", "IN", "on"),
        ("Iran", 8, "pobj", "PROPN", "NNP", "Iran"),
        ("had", 1, "ccomp", "VERB", "VBD", "have"),
        ("no", 12, "det", "DET", "DT", "no"),
        ("justification", 10, "dobj", "NOUN", "NN", "justification"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    doc = Doc(
        VOCAB,
        words=[r[0] for r in rows],
        heads=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        pos=[r[3] for r in rows],
        tags=[r[4] for r in rows],
        lemmas=[r[5] for r in rows],
        sent_starts=[i == 0 for i in range(len(rows))],
    )
    assert accusations(tag_actors(doc, TABLE)) == [(["RUS"], [])]


def test_the_attacker_named_by_a_possessive_is_the_recipient() -> None:
    # Putin told Araghchi that Israel 's attacks were unjustified .
    doc = build(
        "Araghchi",
        [
            ("Israel", 6, "poss", "PROPN", "NNP", "Israel"),
            ("'s", 4, "case", "PART", "POS", "'s"),
            ("attacks", 7, "nsubj", "NOUN", "NNS", "attack"),
            ("were", 1, "ccomp", "AUX", "VBD", "be"),
            ("unjustified", 7, "acomp", "ADJ", "JJ", "unjustified"),
        ],
        verb=3,
    )
    assert accusations(doc) == [(["RUS"], ["ISR"])]


def test_the_attacker_named_by_an_agent_is_the_recipient() -> None:
    # Putin told Araghchi that the strikes by the US on Iran were unjustified .
    doc = build(
        "Araghchi",
        [
            ("the", 5, "det", "DET", "DT", "the"),
            ("strikes", 11, "nsubj", "NOUN", "NNS", "strike"),
            ("by", 5, "prep", "ADP", "IN", "by"),
            ("the", 8, "det", "DET", "DT", "the"),
            ("US", 6, "pobj", "PROPN", "NNP", "US"),
            ("on", 5, "prep", "ADP", "IN", "on"),
            ("Iran", 9, "pobj", "PROPN", "NNP", "Iran"),
            ("were", 1, "ccomp", "AUX", "VBD", "be"),
            ("unjustified", 11, "acomp", "ADJ", "JJ", "unjustified"),
        ],
        verb=7,
    )
    found = accusations(doc)
    assert found == [(["RUS"], ["USA"])]


def test_a_listener_whose_own_strikes_are_meant_stays_the_recipient() -> None:
    # Putin told Israel that its strikes were unjustified .
    doc = build(
        "Israel",
        [
            ("its", 5, "poss", "PRON", "PRP$", "its"),
            ("strikes", 6, "nsubj", "NOUN", "NNS", "strike"),
            ("were", 1, "ccomp", "AUX", "VBD", "be"),
            ("unjustified", 6, "acomp", "ADJ", "JJ", "unjustified"),
        ],
        verb=2,
    )
    assert accusations(doc) == [(["RUS"], ["ISR"])]


def test_the_speaker_is_never_the_accused_attacker() -> None:
    # Putin told Araghchi that his attacks were unjustified: "his" is not Putin's own side
    doc = build(
        "Araghchi",
        [
            ("his", 5, "poss", "PRON", "PRP$", "his"),
            ("attacks", 6, "nsubj", "NOUN", "NNS", "attack"),
            ("were", 1, "ccomp", "AUX", "VBD", "be"),
            ("unjustified", 6, "acomp", "ADJ", "JJ", "unjustified"),
        ],
        verb=2,
    )
    assert all("RUS" not in recipient for _, recipient in accusations(doc))


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "recipient"),
    [
        ("Putin told Iran's foreign minister that the attacks on Iran had no justification.", []),
        ("Putin told Iran's foreign minister that attacks by Israel were unjustified.", ["ISR"]),
        ("Putin told Iran's foreign minister that Israel's strikes were a crime.", ["ISR"]),
        ("Putin told Israel that its strikes on Iran were unjustified.", ["ISR"]),
    ],
)
def test_the_model_parse_accuses_the_attacker_not_the_listener(
    nlp: Language, text: str, recipient: list[str]
) -> None:
    doc = tag_actors(nlp(text), TABLE)
    assert accusations(doc) == [(["RUS"], recipient)]
