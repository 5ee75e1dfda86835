"""The `political_parties` rule (#11): PLOVER codes interactions of political actors, so a
non-violent event whose parties are all companies, products, business people or unresolved
names is dropped, and one with a state, a political body, a politically placed person or
civilians of a country among its parties is kept; and `abstract_force`: "the decline in
sales in the US hit ..." is an effect, not an attack. Hand-built parses, plus the party test
on its own."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from eventline.events.args import ActorIndex
from eventline.events.coder import candidates
from eventline.events.patterns import lexicon
from eventline.events.rules import RULES, political_party
from eventline.model import ActorRef
from tests.events.conftest import Row, parsed_doc

TABLE: dict[str, tuple[str, str, str | None, str | None, str]] = {
    "France": ("c_fra", "France", "FRA", None, "GPE"),
    "Peru": ("c_per", "Peru", "PER", None, "GPE"),
    "Vexoran": ("act_vexoran", "Vexoran", None, None, "ORG"),
    "Kestrel": ("act_kestrel", "Kestrel", None, None, "ORG"),
    "the rebels": ("g_rebels", "Rebels", None, "REB", "ORG"),
}


def build(rows: list[Row], ents: tuple[tuple[int, int, str], ...] = ()) -> Doc:
    """A parsed Doc from (word, head, dep, pos, tag, lemma) rows, with optional entities."""
    return parsed_doc(rows, TABLE, ents)


def types(doc: Doc) -> list[str]:
    return [c.type for c in candidates(doc, ActorIndex(doc), lexicon())]


def _supply(giver: str, taker: str) -> list[Row]:
    return [
        (giver, 1, "nsubj", "PROPN", "NNP", giver),
        ("supplied", 1, "ROOT", "VERB", "VBD", "supply"),
        ("weapons", 1, "dobj", "NOUN", "NNS", "weapon"),
        ("to", 1, "dative", "ADP", "IN", "to"),
        (taker, 3, "pobj", "PROPN", "NNP", taker),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]


def test_the_rule_is_registered_after_the_rules_that_name_parties() -> None:
    names = list(RULES)
    assert "political_parties" in names
    assert names.index("political_parties") > names.index("protest_target_country")


@pytest.mark.parametrize(
    ("giver", "taker", "kept"),
    [
        ("Vexoran", "Kestrel", False),  # company to company
        ("Vexoran", "Peru", True),  # a company's deal with a state is an event
        ("France", "Kestrel", True),
        ("France", "Peru", True),
    ],
)
def test_a_transfer_needs_a_political_party(giver: str, taker: str, kept: bool) -> None:
    assert ("AID" in types(build(_supply(giver, taker)))) is kept


def test_violence_by_an_unresolved_party_is_not_gated() -> None:
    doc = build(
        [
            ("Vexoran", 1, "nsubj", "PROPN", "NNP", "Vexoran"),
            ("attacked", 1, "ROOT", "VERB", "VBD", "attack"),
            ("Kestrel", 1, "dobj", "PROPN", "NNP", "Kestrel"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ]
    )
    assert "ASSAULT" in types(doc)


def _ref(id: str, name: str, country: str | None = None, sector: str | None = None) -> ActorRef:
    return ActorRef(id=id, name=name, country=country, sector=sector)


@pytest.mark.parametrize(
    ("ref", "political"),
    [
        (_ref("kb:RUS", "Russia", "RUS"), True),  # the state
        (_ref("place:IRN", "Tehran", "IRN"), True),
        (_ref("u1", "Union of Teachers", "NGA"), True),  # a body placed in a country
        (_ref("e1", "a former ruler", "HTI", "ELI"), True),
        (_ref("p1", "A minister", "DEU", "GOV"), True),
        (_ref("g1", "Rebels", None, "REB"), True),  # armed groups need no country
        (_ref("p2", "A senator", None, "LEG"), True),
        (_ref("o1", "World Bank", None, "IGO"), True),
        (_ref("d1", "protesters (UKR)", "UKR", "CVL"), True),  # civilians of a country
        (_ref("d2", "protesters", None, "CVL"), False),
        (_ref("a3", "Thales"), False),  # unresolved name
        (_ref("a4", "a chief executive", None, "ELI"), False),
    ],
)
def test_political_party(ref: ActorRef, political: bool) -> None:
    assert political_party(ref) is political


def _force(head: str, lemma: str) -> list[Row]:
    """ "The {head} in France hit Peru ." with the actor only inside the subject's phrase."""
    return [
        ("The", 1, "det", "DET", "DT", "the"),
        (head, 5, "nsubj", "NOUN", "NN", lemma),
        ("in", 1, "prep", "ADP", "IN", "in"),
        ("France", 2, "pobj", "PROPN", "NNP", "France"),
        ("has", 5, "aux", "AUX", "VBZ", "have"),
        ("hit", 5, "ROOT", "VERB", "VBN", "hit"),
        ("Peru", 5, "dobj", "PROPN", "NNP", "Peru"),
        (".", 5, "punct", "PUNCT", ".", "."),
    ]


def test_a_force_verb_with_an_abstract_subject_is_an_effect_not_an_attack() -> None:
    assert "ASSAULT" not in types(build(_force("decline", "decline")))


def test_a_force_verb_with_a_role_noun_subject_stays_an_attack() -> None:
    assert "ASSAULT" in types(build(_force("troops", "troop")))


def test_a_force_verb_with_an_actor_subject_stays_an_attack() -> None:
    rows: list[Row] = [
        ("France", 2, "nsubj", "PROPN", "NNP", "France"),
        ("has", 2, "aux", "AUX", "VBZ", "have"),
        ("hit", 2, "ROOT", "VERB", "VBN", "hit"),
        ("Peru", 2, "dobj", "PROPN", "NNP", "Peru"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ]
    assert "ASSAULT" in types(build(rows))
