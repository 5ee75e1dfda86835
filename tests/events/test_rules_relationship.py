"""Rules on hand-built parses (#11, reviewer round after8): a simple-present "actively
cooperate" describes a relationship (SUPPORT) while "will cooperate" stays COOPERATE;
merger talks are business while peace talks are a consultation; a runner who "beat" a
rival in a sprint is no belligerent."""

from __future__ import annotations

from spacy.tokens import Doc

from eventline.events.args import ActorIndex
from eventline.events.coder import candidates
from eventline.events.patterns import lexicon
from tests.events.conftest import Row, parsed_doc

TABLE: dict[str, tuple[str, str, str | None, str | None, str]] = {
    "Chile": ("kb:CHL", "Chile", "CHL", None, "GPE"),
    "Peru": ("kb:PER", "Peru", "PER", None, "GPE"),
}


def types(rows: list[Row]) -> list[str]:
    doc: Doc = parsed_doc(rows, TABLE)
    return sorted(c.type for c in candidates(doc, ActorIndex(doc), lexicon()))


def test_cooperating_actively_is_relationship_talk_and_a_future_cooperation_an_act() -> None:
    # Chile and Peru actively cooperate on fisheries.
    present: list[Row] = [
        ("Chile", 4, "nsubj", "PROPN", "NNP", "Chile"),
        ("and", 0, "cc", "CCONJ", "CC", "and"),
        ("Peru", 0, "conj", "PROPN", "NNP", "Peru"),
        ("actively", 4, "advmod", "ADV", "RB", "actively"),
        ("cooperate", 4, "ROOT", "VERB", "VBP", "cooperate"),
        ("on", 4, "prep", "ADP", "IN", "on"),
        ("fisheries", 5, "pobj", "NOUN", "NNS", "fishery"),
        (".", 4, "punct", "PUNCT", ".", "."),
    ]
    assert types(present) == ["SUPPORT"]
    # Chile and Peru will cooperate on fisheries.
    future = [*present[:3], ("will", 4, "aux", "AUX", "MD", "will"),
              ("cooperate", 4, "ROOT", "VERB", "VB", "cooperate"), *present[5:]]  # fmt: skip
    assert types(future) == ["COOPERATE"]


def test_merger_talks_are_business_and_peace_talks_a_consultation() -> None:
    # Chile and Peru held merger talks.
    merger: list[Row] = [
        ("Chile", 3, "nsubj", "PROPN", "NNP", "Chile"),
        ("and", 0, "cc", "CCONJ", "CC", "and"),
        ("Peru", 0, "conj", "PROPN", "NNP", "Peru"),
        ("held", 3, "ROOT", "VERB", "VBD", "hold"),
        ("merger", 5, "compound", "NOUN", "NN", "merger"),
        ("talks", 3, "dobj", "NOUN", "NNS", "talk"),
        (".", 3, "punct", "PUNCT", ".", "."),
    ]
    assert types(merger) == []
    peace = [*merger[:4], ("peace", 5, "compound", "NOUN", "NN", "peace"), *merger[5:]]
    assert types(peace) == ["CONSULT"]


def test_a_rival_beaten_in_a_sprint_is_no_assault() -> None:
    # Chile beat Peru in the sprint.
    rows: list[Row] = [
        ("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"),
        ("beat", 1, "ROOT", "VERB", "VBD", "beat"),
        ("Peru", 1, "dobj", "PROPN", "NNP", "Peru"),
        ("in", 1, "prep", "ADP", "IN", "in"),
        ("the", 5, "det", "DET", "DT", "the"),
        ("sprint", 3, "pobj", "NOUN", "NN", "sprint"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    assert types(rows) == []
    border = [*rows[:5], ("border", 3, "pobj", "NOUN", "NN", "border"), rows[6]]
    assert types(border) == ["ASSAULT"]


def test_a_round_of_talks_held_is_a_consultation_and_a_round_of_applause_none() -> None:
    # Chile and Peru held a round of talks.
    talks: list[Row] = [
        ("Chile", 3, "nsubj", "PROPN", "NNP", "Chile"),
        ("and", 0, "cc", "CCONJ", "CC", "and"),
        ("Peru", 0, "conj", "PROPN", "NNP", "Peru"),
        ("held", 3, "ROOT", "VERB", "VBD", "hold"),
        ("a", 5, "det", "DET", "DT", "a"),
        ("round", 3, "dobj", "NOUN", "NN", "round"),
        ("of", 5, "prep", "ADP", "IN", "of"),
        ("talks", 6, "pobj", "NOUN", "NNS", "talk"),
        (".", 3, "punct", "PUNCT", ".", "."),
    ]
    assert types(talks) == ["CONSULT"]
    applause = [*talks[:7], ("applause", 6, "pobj", "NOUN", "NN", "applause"), talks[8]]
    assert types(applause) == []
