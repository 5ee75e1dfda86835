"""The ordered type rules (events/rules.py) on parses built by hand, as spaCy's own tests do:
a model upgrade cannot change what these tests mean."""

from __future__ import annotations

from spacy.tokens import Doc

from eventline.events.args import ActorIndex
from eventline.events.coder import candidates
from eventline.events.patterns import lexicon
from eventline.events.rules import RULES
from tests.events.conftest import Row, parsed_doc

TABLE: dict[str, tuple[str, str, str | None, str | None, str]] = {
    "Iran": ("c_irn", "Iran", "IRN", None, "GPE"),
    "France": ("c_fra", "France", "FRA", None, "GPE"),
    "Putin": ("p_putin", "Vladimir Putin", "RUS", "GOV", "PERSON"),
    "US": ("c_usa", "United States", "USA", None, "GPE"),
    "China": ("c_chn", "China", "CHN", None, "GPE"),
    "Peru": ("c_per", "Peru", "PER", None, "GPE"),
    "Chilean": ("c_chl", "Chile", "CHL", None, "NORP"),
}


def build(rows: list[Row]) -> Doc:
    """A parsed Doc from (word, head index, dep, pos, tag, lemma) rows."""
    return parsed_doc(rows, TABLE)


def coded(doc: Doc) -> list[tuple[str, list[str | None], list[str | None], str | None]]:
    found = candidates(doc, ActorIndex(doc), lexicon())
    return [
        (c.type, [a.country for a in c.actor], [r.country for r in c.recipient], c.content)
        for c in found
    ]


def test_rules_run_in_a_fixed_named_order() -> None:
    names = list(RULES)
    assert names.index("embedded_action") < names.index("complement_recipient")
    assert names.index("accusation_target") < names.index("object_owner_recipient")


def test_a_threat_is_the_event_and_the_threatened_action_its_content() -> None:
    doc = build(
        [
            ("Iran", 1, "nsubj", "PROPN", "NNP", "Iran"),
            ("threatened", 1, "ROOT", "VERB", "VBD", "threaten"),
            ("to", 3, "aux", "PART", "TO", "to"),
            ("recall", 1, "xcomp", "VERB", "VB", "recall"),
            ("its", 5, "poss", "PRON", "PRP$", "its"),
            ("ambassador", 3, "dobj", "NOUN", "NN", "ambassador"),
            ("from", 3, "prep", "ADP", "IN", "from"),
            ("France", 6, "pobj", "PROPN", "NNP", "France"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ]
    )
    assert coded(doc) == [("THREATEN", ["IRN"], ["FRA"], "recall its ambassador from France")]


def test_the_recipient_of_a_condemnation_is_the_attacker_not_the_victim() -> None:
    doc = build(
        [
            ("Putin", 1, "nsubj", "PROPN", "NNP", "Putin"),
            ("condemned", 1, "ROOT", "VERB", "VBD", "condemn"),
            ("the", 4, "det", "DET", "DT", "the"),
            ("US", 4, "compound", "PROPN", "NNP", "US"),
            ("attacks", 1, "dobj", "NOUN", "NNS", "attack"),
            ("on", 4, "prep", "ADP", "IN", "on"),
            ("Iran", 5, "pobj", "PROPN", "NNP", "Iran"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ]
    )
    accuse = [c for c in coded(doc) if c[0] == "ACCUSE"]
    assert accuse == [("ACCUSE", ["RUS"], ["USA"], None)]


def test_a_demand_that_names_the_obliged_party_in_its_clause() -> None:
    doc = build(
        [
            ("China", 1, "nsubj", "PROPN", "NNP", "China"),
            ("demanded", 1, "ROOT", "VERB", "VBD", "demand"),
            ("that", 4, "mark", "SCONJ", "IN", "that"),
            ("Peru", 4, "nsubj", "PROPN", "NNP", "Peru"),
            ("cancel", 1, "ccomp", "VERB", "VB", "cancel"),
            ("the", 6, "det", "DET", "DT", "the"),
            ("sale", 4, "dobj", "NOUN", "NN", "sale"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ]
    )
    found = coded(doc)
    assert [(t, a, r) for t, a, r, _ in found] == [("REQUEST", ["CHN"], ["PER"])]


def test_rejecting_a_proposal_makes_its_author_the_recipient() -> None:
    doc = build(
        [
            ("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"),
            ("rejected", 1, "ROOT", "VERB", "VBD", "reject"),
            ("a", 5, "det", "DET", "DT", "a"),
            ("Chilean", 5, "amod", "ADJ", "JJ", "Chilean"),
            ("peace", 5, "compound", "NOUN", "NN", "peace"),
            ("plan", 1, "dobj", "NOUN", "NN", "plan"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ]
    )
    assert [(t, a, r) for t, a, r, _ in coded(doc)] == [("REJECT", ["PER"], ["CHL"])]


def test_unnamed_actors_are_coded_by_their_descriptor() -> None:
    doc = build(
        [
            ("The", 1, "det", "DET", "DT", "the"),
            ("authorities", 2, "nsubj", "NOUN", "NNS", "authority"),
            ("arrested", 2, "ROOT", "VERB", "VBD", "arrest"),
            ("rebel", 4, "compound", "NOUN", "NN", "rebel"),
            ("fighters", 2, "dobj", "NOUN", "NNS", "fighter"),
            (".", 2, "punct", "PUNCT", ".", "."),
        ]
    )
    found = candidates(doc, ActorIndex(doc), lexicon())
    assert [(c.type, c.actor[0].sector, c.recipient[0].sector) for c in found] == [
        ("COERCE", "GOV", "REB")
    ]
    assert found[0].recipient[0].name == "rebel fighters"


def test_a_country_adjective_and_a_role_noun_give_country_and_sector() -> None:
    doc = build(
        [
            ("Chilean", 1, "amod", "ADJ", "JJ", "Chilean"),
            ("farmers", 2, "nsubj", "NOUN", "NNS", "farmer"),
            ("blocked", 2, "ROOT", "VERB", "VBD", "block"),
            ("roads", 2, "dobj", "NOUN", "NNS", "road"),
            (".", 2, "punct", "PUNCT", ".", "."),
        ]
    )
    (ref,) = ActorIndex(doc).refs(doc[1])
    assert (ref.country, ref.sector, ref.name) == ("CHL", "AGR", "Chilean farmers")


def test_blaming_someone_for_an_attack_keeps_the_one_blamed() -> None:
    doc = build(
        [
            ("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"),
            ("blamed", 1, "ROOT", "VERB", "VBD", "blame"),
            ("China", 1, "dobj", "PROPN", "NNP", "China"),
            ("for", 1, "prep", "ADP", "IN", "for"),
            ("the", 5, "det", "DET", "DT", "the"),
            ("bombing", 3, "pobj", "NOUN", "NN", "bombing"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ]
    )
    accuse = [(t, a, r) for t, a, r, _ in coded(doc) if t == "ACCUSE"]
    assert accuse == [("ACCUSE", ["PER"], ["CHN"])]
