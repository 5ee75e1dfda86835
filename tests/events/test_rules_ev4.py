"""A named author's noun act under another party's act ("rejected an offer from Chile") is
that author's event too; the noun's possessive alone is not. A meeting noun after "at" is a
venue; an agreement "under" which an act happens is no new agreement; a negated condition
("if X did not withdraw") reports nothing."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from eventline.events.candidate import EventCandidate
from eventline.events.document import code_doc
from tests.events.conftest import Row, candidates_of, names, parsed_doc

TABLE: dict[str, tuple[str, str, str | None, str | None, str]] = {
    "Chile": ("kb:CHL", "Chile", "CHL", None, "GPE"),
    "Peru": ("kb:PER", "Peru", "PER", None, "GPE"),
}


def coded(rows: list[Row]) -> list[EventCandidate]:
    return candidates_of(parsed_doc(rows, TABLE))


def test_an_offer_from_a_named_party_is_its_own_event_addressed_to_the_rejecter() -> None:
    # Peru rejected an offer from Chile.
    rows: list[Row] = [
        ("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"),
        ("rejected", 1, "ROOT", "VERB", "VBD", "reject"),
        ("an", 3, "det", "DET", "DT", "an"),
        ("offer", 1, "dobj", "NOUN", "NN", "offer"),
        ("from", 3, "prep", "ADP", "IN", "from"),
        ("Chile", 4, "pobj", "PROPN", "NNP", "Chile"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    found = {c.type: (names(c.actor), names(c.recipient)) for c in coded(rows)}
    assert found == {"REJECT": (["Peru"], ["Chile"]), "AGREE": (["Chile"], ["Peru"])}


def test_an_offer_named_by_its_possessive_only_is_what_the_rejection_answers() -> None:
    # Peru rejected Chile's offer.
    rows: list[Row] = [
        ("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"),
        ("rejected", 1, "ROOT", "VERB", "VBD", "reject"),
        ("Chile", 4, "poss", "PROPN", "NNP", "Chile"),
        ("'s", 2, "case", "PART", "POS", "'s"),
        ("offer", 1, "dobj", "NOUN", "NN", "offer"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    assert [c.type for c in coded(rows)] == ["REJECT"]


def test_a_meeting_noun_after_at_is_a_venue_unless_it_names_the_other_side() -> None:
    # Peru spoke at a summit.
    venue: list[Row] = [
        ("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"),
        ("spoke", 1, "ROOT", "VERB", "VBD", "speak"),
        ("at", 1, "prep", "ADP", "IN", "at"),
        ("a", 4, "det", "DET", "DT", "a"),
        ("summit", 2, "pobj", "NOUN", "NN", "summit"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    assert [c.type for c in coded(venue)] == []
    # Peru spoke at a summit with Chile.
    met = [
        *venue[:5],
        ("with", 4, "prep", "ADP", "IN", "with"),
        ("Chile", 5, "pobj", "PROPN", "NNP", "Chile"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    assert [(c.type, names(c.actor)) for c in coded(met)] == [("CONSULT", ["Peru"])]


def test_an_agreement_under_which_an_act_happens_is_no_new_agreement() -> None:
    # Peru resumed trading under its agreement with Chile.
    rows: list[Row] = [
        ("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"),
        ("resumed", 1, "ROOT", "VERB", "VBD", "resume"),
        ("trading", 1, "dobj", "NOUN", "NN", "trading"),
        ("under", 1, "prep", "ADP", "IN", "under"),
        ("its", 5, "poss", "PRON", "PRP$", "its"),
        ("agreement", 3, "pobj", "NOUN", "NN", "agreement"),
        ("with", 5, "prep", "ADP", "IN", "with"),
        ("Chile", 6, "pobj", "PROPN", "NNP", "Chile"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    assert "AGREE" not in [c.type for c in coded(rows)]
    # Peru reached an agreement with Chile.
    signed: list[Row] = [
        rows[0],
        ("reached", 1, "ROOT", "VERB", "VBD", "reach"),
        ("an", 3, "det", "DET", "DT", "an"),
        ("agreement", 1, "dobj", "NOUN", "NN", "agreement"),
        ("with", 3, "prep", "ADP", "IN", "with"),
        ("Chile", 4, "pobj", "PROPN", "NNP", "Chile"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    assert "AGREE" in [c.type for c in coded(signed)]


@pytest.mark.slow
def test_a_negated_condition_reports_nothing(parse: Callable[[str], Doc]) -> None:
    doc = parse("Germany warned of war if Poland did not withdraw its troops.")
    coded = code_doc(doc, article_id="t", published="2024-03-14", reported_only=False)
    assert {e.modality for e in coded.events if e.type == "RETREAT"} == {"hypothetical"}
    assert "RETREAT" not in [e.type for e in code_doc(doc, article_id="t", published=None).events]


def test_a_release_of_a_thing_is_no_retreat_but_a_release_of_people_is() -> None:
    # Chile's release of wastewater began.
    rows: list[Row] = [
        ("Chile", 2, "poss", "PROPN", "NNP", "Chile"),
        ("'s", 0, "case", "PART", "POS", "'s"),
        ("release", 5, "nsubj", "NOUN", "NN", "release"),
        ("of", 2, "prep", "ADP", "IN", "of"),
        ("wastewater", 3, "pobj", "NOUN", "NN", "wastewater"),
        ("began", 5, "ROOT", "VERB", "VBD", "begin"),
        (".", 5, "punct", "PUNCT", ".", "."),
    ]
    assert "RETREAT" not in [c.type for c in coded(rows)]
    hostages = [*rows[:4], ("hostages", 3, "pobj", "NOUN", "NNS", "hostage"), *rows[5:]]
    assert "RETREAT" in [c.type for c in coded(hostages)]


def test_an_event_noun_after_in_is_the_setting_of_a_coded_act() -> None:
    # Peru arrested Chile in an investigation.
    rows: list[Row] = [
        ("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"),
        ("arrested", 1, "ROOT", "VERB", "VBD", "arrest"),
        ("Chile", 1, "dobj", "PROPN", "NNP", "Chile"),
        ("in", 1, "prep", "ADP", "IN", "in"),
        ("an", 5, "det", "DET", "DT", "an"),
        ("investigation", 3, "pobj", "NOUN", "NN", "investigation"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    assert [c.type for c in coded(rows)] == ["COERCE"]


def test_a_retaliating_participle_on_an_act_is_that_act() -> None:
    # Peru expelled diplomats, retaliating against Chile.
    rows: list[Row] = [
        ("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"),
        ("expelled", 1, "ROOT", "VERB", "VBD", "expel"),
        ("diplomats", 1, "dobj", "NOUN", "NNS", "diplomat"),
        (",", 1, "punct", "PUNCT", ",", ","),
        ("retaliating", 1, "advcl", "VERB", "VBG", "retaliate"),
        ("against", 4, "prep", "ADP", "IN", "against"),
        ("Chile", 5, "pobj", "PROPN", "NNP", "Chile"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    assert [c.type for c in coded(rows)] == ["SANCTION"]
    # Peru retaliated against Chile.
    alone: list[Row] = [
        rows[0],
        ("retaliated", 1, "ROOT", "VERB", "VBD", "retaliate"),
        ("against", 1, "prep", "ADP", "IN", "against"),
        ("Chile", 2, "pobj", "PROPN", "NNP", "Chile"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    assert [c.type for c in coded(alone)] == ["ASSAULT"]


def test_coordinated_patrols_are_cooperation_and_a_patrol_alone_a_mobilization() -> None:
    # Peru began coordinated patrols.
    rows: list[Row] = [
        ("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"),
        ("began", 1, "ROOT", "VERB", "VBD", "begin"),
        ("coordinated", 3, "amod", "ADJ", "JJ", "coordinated"),
        ("patrols", 1, "dobj", "NOUN", "NNS", "patrol"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    assert [c.type for c in coded(rows)] == ["COOPERATE"]
    alone = [*rows[:2], ("patrols", 1, "dobj", "NOUN", "NNS", "patrol"), rows[4]]
    assert [c.type for c in coded(alone)] == ["MOBILIZE"]


@pytest.mark.slow
def test_an_attack_each_side_pins_on_the_other_is_an_accusation(
    parse: Callable[[str], Doc],
) -> None:
    text = (
        "Peru said Chilean soldiers had shelled the border post, while Chile blamed"
        " Peruvian troops for the attack."
    )
    found = code_doc(parse(text), article_id="t", published=None).events
    assert sorted((e.type, e.trigger) for e in found) == [("ACCUSE", "blamed"), ("ACCUSE", "said")]
    alone = code_doc(
        parse("Peru said Chilean soldiers had shelled the border post."),
        article_id="t",
        published=None,
    )
    assert [e.type for e in alone.events] == ["ASSAULT"]


def test_petrarch_verbs_without_a_code_of_their_own_are_no_generated_triggers() -> None:
    # Peru protected Chile. / Peru annulled Chile. (a PETRARCH block with no code / curated)
    def rows(verb: str, lemma: str) -> list[Row]:
        return [
            ("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"),
            (verb, 1, "ROOT", "VERB", "VBD", lemma),
            ("Chile", 1, "dobj", "PROPN", "NNP", "Chile"),
            (".", 1, "punct", "PUNCT", ".", "."),
        ]

    assert [c.type for c in coded(rows("protected", "protect"))] == []
    assert [c.type for c in coded(rows("annulled", "annul"))] == ["SANCTION"]


def test_a_summit_on_whose_sidelines_an_act_happens_is_its_occasion() -> None:
    # Peru met Chile on the sidelines of the summit.
    rows: list[Row] = [
        ("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"),
        ("met", 1, "ROOT", "VERB", "VBD", "meet"),
        ("Chile", 1, "dobj", "PROPN", "NNP", "Chile"),
        ("on", 1, "prep", "ADP", "IN", "on"),
        ("the", 5, "det", "DET", "DT", "the"),
        ("sidelines", 3, "pobj", "NOUN", "NNS", "sideline"),
        ("of", 5, "prep", "ADP", "IN", "of"),
        ("the", 8, "det", "DET", "DT", "the"),
        ("summit", 6, "pobj", "NOUN", "NN", "summit"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    assert [c.trigger.text for c in coded(rows)] == ["met"]


def test_a_convoy_allowed_in_is_humanitarian_access_whatever_the_parse_of_its_clause() -> None:
    # Peru allowed the aid convoy to enter.
    rows: list[Row] = [
        ("Peru", 1, "nsubj", "PROPN", "NNP", "Peru"),
        ("allowed", 1, "ROOT", "VERB", "VBD", "allow"),
        ("the", 4, "det", "DET", "DT", "the"),
        ("aid", 4, "compound", "NOUN", "NN", "aid"),
        ("convoy", 6, "nsubj", "NOUN", "NN", "convoy"),
        ("to", 6, "aux", "PART", "TO", "to"),
        ("enter", 1, "ccomp", "VERB", "VB", "enter"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    assert [(c.type, c.mode) for c in coded(rows)] == [("RETREAT", "access")]
