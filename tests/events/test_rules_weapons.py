"""Rules of events/rules_weapons.py on hand-built parses: a weapons test is a MOBILIZE, not
an attack; an exercise held alone is a MOBILIZE, a joint one a COOPERATE; hardware moved is
MOBILIZE weapons, troops moved MOBILIZE troops."""

from __future__ import annotations

from spacy.tokens import Doc

from eventline.events.args import ActorIndex
from eventline.events.candidate import EventCandidate
from eventline.events.coder import candidates
from eventline.events.patterns import lexicon
from tests.events.conftest import Row, parsed_doc

TABLE: dict[str, tuple[str, str, str | None, str | None, str]] = {
    "Chile": ("kb:CHL", "Chile", "CHL", None, "GPE"),
    "Peru": ("kb:PER", "Peru", "PER", None, "GPE"),
}


def coded(rows: list[Row]) -> list[tuple[str, str | None]]:
    doc: Doc = parsed_doc(rows, TABLE)
    found: list[EventCandidate] = candidates(doc, ActorIndex(doc), lexicon())
    return [(c.type, c.mode) for c in found]


def test_a_test_launch_is_a_show_of_force_and_a_launch_at_a_party_an_attack() -> None:
    # Chile test-fired two missiles.
    tested: list[Row] = [
        ("Chile", 3, "nsubj", "PROPN", "NNP", "Chile"),
        ("test", 3, "npadvmod", "NOUN", "NN", "test"),
        ("-", 3, "punct", "PUNCT", "HYPH", "-"),
        ("fired", 3, "ROOT", "VERB", "VBD", "fire"),
        ("two", 5, "nummod", "NUM", "CD", "two"),
        ("missiles", 3, "dobj", "NOUN", "NNS", "missile"),
        (".", 3, "punct", "PUNCT", ".", "."),
    ]
    assert coded(tested) == [("MOBILIZE", "weapons")]
    # Chile fired two missiles at Peru.
    fired: list[Row] = [
        ("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"),
        ("fired", 1, "ROOT", "VERB", "VBD", "fire"),
        ("two", 3, "nummod", "NUM", "CD", "two"),
        ("missiles", 1, "dobj", "NOUN", "NNS", "missile"),
        ("at", 1, "prep", "ADP", "IN", "at"),
        ("Peru", 4, "pobj", "PROPN", "NNP", "Peru"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    assert [t for t, _ in coded(fired)] == ["ASSAULT"]


def test_drills_held_alone_mobilize_and_joint_drills_cooperate() -> None:
    # Chile staged naval drills.
    alone: list[Row] = [
        ("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"),
        ("staged", 1, "ROOT", "VERB", "VBD", "stage"),
        ("naval", 3, "amod", "ADJ", "JJ", "naval"),
        ("drills", 1, "dobj", "NOUN", "NNS", "drill"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    assert [t for t, _ in coded(alone)] == ["MOBILIZE"]
    # Chile staged joint naval drills with Peru.
    joint: list[Row] = [
        ("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"),
        ("staged", 1, "ROOT", "VERB", "VBD", "stage"),
        ("joint", 4, "amod", "ADJ", "JJ", "joint"),
        ("naval", 4, "amod", "ADJ", "JJ", "naval"),
        ("drills", 1, "dobj", "NOUN", "NNS", "drill"),
        ("with", 1, "prep", "ADP", "IN", "with"),
        ("Peru", 5, "pobj", "PROPN", "NNP", "Peru"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    assert [t for t, _ in coded(joint)] == ["COOPERATE"]


def test_hardware_moved_is_mobilize_weapons_and_troops_moved_mobilize_troops() -> None:
    # Chile moved tanks to the border.
    tanks: list[Row] = [
        ("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"),
        ("moved", 1, "ROOT", "VERB", "VBD", "move"),
        ("tanks", 1, "dobj", "NOUN", "NNS", "tank"),
        ("to", 1, "prep", "ADP", "IN", "to"),
        ("the", 5, "det", "DET", "DT", "the"),
        ("border", 3, "pobj", "NOUN", "NN", "border"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    assert coded(tanks) == [("MOBILIZE", "weapons")]
    troops = [*tanks[:2], ("troops", 1, "dobj", "NOUN", "NNS", "troop"), *tanks[3:]]
    assert coded(troops) == [("MOBILIZE", "troops")]
    # Chile sailed a carrier to the border: a ship moved is MOBILIZE weapons
    sailed = [tanks[0], ("sailed", 1, "ROOT", "VERB", "VBD", "sail"),
              ("carrier", 1, "dobj", "NOUN", "NN", "carrier"), *tanks[3:]]  # fmt: skip
    assert coded(sailed) == [("MOBILIZE", "weapons")]


def test_own_arms_handed_over_are_given_up_and_other_arms_handed_over_are_aid() -> None:
    # Chile handed over its rifles to Peru.
    own: list[Row] = [
        ("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"),
        ("handed", 1, "ROOT", "VERB", "VBD", "hand"),
        ("over", 1, "prt", "ADP", "RP", "over"),
        ("its", 4, "poss", "PRON", "PRP$", "its"),
        ("weapons", 1, "dobj", "NOUN", "NNS", "weapon"),
        ("to", 1, "prep", "ADP", "IN", "to"),
        ("Peru", 5, "pobj", "PROPN", "NNP", "Peru"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    assert coded(own) == [("RETREAT", "disarm")]
    bare = [*own[:3], ("new", 4, "amod", "ADJ", "JJ", "new"), *own[4:]]
    assert [t for t, _ in coded(bare)] == ["AID"]


def test_prisoners_exchanged_are_released_by_both_sides() -> None:
    # Chile and Peru exchanged prisoners.
    rows: list[Row] = [
        ("Chile", 3, "nsubj", "PROPN", "NNP", "Chile"),
        ("and", 0, "cc", "CCONJ", "CC", "and"),
        ("Peru", 0, "conj", "PROPN", "NNP", "Peru"),
        ("exchanged", 3, "ROOT", "VERB", "VBD", "exchange"),
        ("prisoners", 3, "dobj", "NOUN", "NNS", "prisoner"),
        (".", 3, "punct", "PUNCT", ".", "."),
    ]
    assert coded(rows) == [("RETREAT", "release")]
    greetings = [*rows[:4], ("greetings", 3, "dobj", "NOUN", "NNS", "greeting"), rows[5]]
    assert [t for t, _ in coded(greetings)] != ["RETREAT"]
