"""Issue #11 rules on hand-built parses: the party met is the recipient of a meeting told from
one side, a request's addressee named by a role noun, the warning (not the strike warned
against), material ties as COOPERATE, and businesses with a country are still businesses."""

from __future__ import annotations

import pytest

from eventline.events.args import ActorIndex
from eventline.events.candidate import EventCandidate
from eventline.events.coder import candidates
from eventline.events.patterns import lexicon
from eventline.events.rules import political_party
from eventline.model import ActorRef
from tests.events.conftest import Row, candidates_of, names, parsed_doc

TABLE: dict[str, tuple[str, str, str | None, str | None, str]] = {
    "Velkor": ("p_velkor", "Anna Velkor", "FRA", "GOV", "PERSON"),
    "Okafor": ("p_okafor", "Lena Okafor", "NGA", "GOV", "PERSON"),
    "Novak": ("p_novak", "Marek Novak", "POL", "GOV", "PERSON"),
    "Chile": ("kb:CHL", "Chile", "CHL", None, "GPE"),
    "Peru": ("kb:PER", "Peru", "PER", None, "GPE"),
}


def coded(rows: list[Row]) -> list[EventCandidate]:
    return candidates_of(parsed_doc(rows, TABLE))


def test_meeting_told_from_one_side_has_the_party_met_as_recipient() -> None:
    rows: list[Row] = [
        ("Velkor", 1, "nsubj", "PROPN", "NNP", "Velkor"),
        ("met", 1, "ROOT", "VERB", "VBD", "meet"),
        ("Okafor", 1, "dobj", "PROPN", "NNP", "Okafor"),
        ("yesterday", 1, "npadvmod", "NOUN", "NN", "yesterday"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    (ev,) = [c for c in coded(rows) if c.type == "CONSULT"]
    assert (names(ev.actor), names(ev.recipient)) == (["Anna Velkor"], ["Lena Okafor"])


def test_meeting_held_together_has_both_as_actors() -> None:
    rows: list[Row] = [
        ("Velkor", 2, "nsubj", "PROPN", "NNP", "Velkor"),
        ("and", 0, "cc", "CCONJ", "CC", "and"),
        ("Okafor", 0, "conj", "PROPN", "NNP", "Okafor"),
        ("met", 3, "ROOT", "VERB", "VBD", "meet"),
        (".", 3, "punct", "PUNCT", ".", "."),
    ]
    rows[0] = ("Velkor", 3, "nsubj", "PROPN", "NNP", "Velkor")
    (ev,) = [c for c in coded(rows) if c.type == "CONSULT"]
    assert sorted(names(ev.actor)) == ["Anna Velkor", "Lena Okafor"] and ev.recipient == ()


def test_request_to_a_role_noun_names_its_addressee() -> None:
    # the party leader pressed the premier to step down
    rows: list[Row] = [
        ("The", 2, "det", "DET", "DT", "the"),
        ("opposition", 2, "compound", "NOUN", "NN", "opposition"),
        ("leader", 3, "nsubj", "NOUN", "NN", "leader"),
        ("urged", 3, "ROOT", "VERB", "VBD", "urge"),
        ("the", 5, "det", "DET", "DT", "the"),
        ("president", 3, "dobj", "NOUN", "NN", "president"),
        ("to", 7, "aux", "PART", "TO", "to"),
        ("quit", 3, "xcomp", "VERB", "VB", "quit"),
        (".", 3, "punct", "PUNCT", ".", "."),
    ]
    (ev,) = [c for c in coded(rows) if c.type == "REQUEST"]
    assert [(r.sector) for r in ev.actor] == ["OPP"]
    assert [(r.sector, r.name) for r in ev.recipient] == [("GOV", "president")]


def test_warning_against_a_strike_codes_the_warning_not_the_strike() -> None:
    rows: list[Row] = [
        ("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"),
        ("warned", 1, "ROOT", "VERB", "VBD", "warn"),
        ("against", 1, "prep", "ADP", "IN", "against"),
        ("a", 5, "det", "DET", "DT", "a"),
        ("Peruvian", 5, "amod", "ADJ", "JJ", "peruvian"),
        ("strike", 2, "pobj", "NOUN", "NN", "strike"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    table_rows = coded(rows)
    assert "ASSAULT" not in [c.type for c in table_rows]


def test_military_ties_are_material_cooperation() -> None:
    rows: list[Row] = [
        ("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"),
        ("strengthened", 1, "ROOT", "VERB", "VBD", "strengthen"),
        ("military", 3, "amod", "ADJ", "JJ", "military"),
        ("ties", 1, "dobj", "NOUN", "NNS", "tie"),
        ("with", 3, "prep", "ADP", "IN", "with"),
        ("Peru", 4, "pobj", "PROPN", "NNP", "Peru"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    found = [(c.type, names(c.actor), names(c.recipient)) for c in coded(rows)]
    assert ("COOPERATE", ["Chile"], ["Peru"]) in found
    assert all(t != "SUPPORT" for t, _, _ in found)


@pytest.mark.parametrize(
    ("ref", "political"),
    [
        (ActorRef(id="act_zephyr", name="Zephyr Airways", country="FRA"), False),
        (ActorRef(id="act_carrier", name="Lumen Air", country="CHL", sector="BUS"), False),
        (ActorRef(id="act_union", name="Peruvian Union of Miners", country="PER"), True),
        (ActorRef(id="kb:PER", name="Peru", country="PER"), True),
        (ActorRef(id="desc:PER:CVL:farmer", name="farmers", country="PER", sector="CVL"), True),
    ],
)
def test_a_business_with_a_country_is_still_a_business(ref: ActorRef, political: bool) -> None:
    assert political_party(ref) is political


def test_an_attempt_to_help_is_no_aid() -> None:
    rows: list[Row] = [
        ("Chile", 2, "nsubj", "PROPN", "NNP", "Chile"),
        ("was", 2, "aux", "AUX", "VBD", "be"),
        ("trying", 2, "ROOT", "VERB", "VBG", "try"),
        ("to", 4, "aux", "PART", "TO", "to"),
        ("help", 2, "xcomp", "VERB", "VB", "help"),
        ("Peru", 4, "dobj", "PROPN", "NNP", "Peru"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ]
    assert "AID" not in [c.type for c in coded(rows)]


def test_an_event_inside_a_question_put_to_a_speaker_is_not_coded() -> None:
    # "Asked whether Chile would help Peru, Novak said no."
    rows: list[Row] = [
        ("Asked", 7, "advcl", "VERB", "VBD", "ask"),
        ("whether", 4, "mark", "SCONJ", "IN", "whether"),
        ("Chile", 4, "nsubj", "PROPN", "NNP", "Chile"),
        ("would", 4, "aux", "AUX", "MD", "would"),
        ("aid", 0, "ccomp", "VERB", "VB", "aid"),
        ("Peru", 4, "dobj", "PROPN", "NNP", "Peru"),
        (",", 7, "punct", "PUNCT", ",", ","),
        ("Novak", 7, "nsubj", "PROPN", "NNP", "Novak"),
        ("said", 7, "ROOT", "VERB", "VBD", "say"),
        ("no", 7, "dobj", "INTJ", "UH", "no"),
        (".", 7, "punct", "PUNCT", ".", "."),
    ]
    rows[7] = ("Novak", 8, "nsubj", "PROPN", "NNP", "Novak")
    rows = [(w, 8 if h == 7 else h, d, p, t, lm) for w, h, d, p, t, lm in rows]
    assert "AID" not in [c.type for c in coded(rows)]


def test_aid_sought_is_the_request_and_its_content() -> None:
    rows: list[Row] = [
        ("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"),
        ("sought", 1, "ROOT", "VERB", "VBD", "seek"),
        ("aid", 1, "dobj", "NOUN", "NN", "aid"),
        ("from", 1, "prep", "ADP", "IN", "from"),
        ("Peru", 3, "pobj", "PROPN", "NNP", "Peru"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    found = [(c.type, names(c.actor), names(c.recipient)) for c in coded(rows)]
    assert found == [("REQUEST", ["Chile"], ["Peru"])]


def test_the_actors_own_state_owning_the_object_is_not_the_recipient() -> None:
    # "Velkor praised France's ties with Peru"
    table = {**TABLE, "France": ("kb:FRA", "France", "FRA", None, "GPE")}
    rows: list[Row] = [
        ("Velkor", 1, "nsubj", "PROPN", "NNP", "Velkor"),
        ("praised", 1, "ROOT", "VERB", "VBD", "praise"),
        ("France", 4, "poss", "PROPN", "NNP", "France"),
        ("'s", 2, "case", "PART", "POS", "'s"),
        ("ties", 1, "dobj", "NOUN", "NNS", "tie"),
        ("with", 4, "prep", "ADP", "IN", "with"),
        ("Peru", 5, "pobj", "PROPN", "NNP", "Peru"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    doc = parsed_doc(rows, table)
    found = candidates(doc, ActorIndex(doc), lexicon())
    (ev,) = [c for c in found if c.trigger.lemma_ == "praise"]
    assert (ev.type, names(ev.actor), names(ev.recipient)) == ("SUPPORT", ["Anna Velkor"], ["Peru"])


def test_an_object_before_in_makes_no_phrasal_give_in() -> None:
    rows: list[Row] = [
        ("Chile", 2, "nsubj", "PROPN", "NNP", "Chile"),
        ("will", 2, "aux", "AUX", "MD", "will"),
        ("give", 2, "ROOT", "VERB", "VB", "give"),
        ("millions", 2, "dobj", "NOUN", "NNS", "million"),
        ("in", 2, "prep", "ADP", "IN", "in"),
        ("loans", 4, "pobj", "NOUN", "NNS", "loan"),
        ("to", 2, "dative", "ADP", "IN", "to"),
        ("Peru", 6, "pobj", "PROPN", "NNP", "Peru"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ]
    assert "CONCEDE" not in [c.type for c in coded(rows)]
