"""Hedges on hand-built parses: conditions beyond "if" ("as long as", "upon"), conditional
forecasts ("would likely"), forecasters' expectations; past conjecture stays speculative."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from eventline.events.modality import modality
from eventline.events.patterns import lexicon

# (word, head, dep, pos, tag, lemma)
Tok = tuple[str, int, str, str, str, str]


def build(rows: list[Tok]) -> Doc:
    return Doc(
        spacy.blank("en").vocab,
        words=[r[0] for r in rows],
        heads=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        pos=[r[3] for r in rows],
        tags=[r[4] for r in rows],
        lemmas=[r[5] for r in rows],
    )


def test_a_measure_under_as_long_as_is_a_condition() -> None:
    # As long as the embargo is in place, Peru will pay more.
    doc = build(
        [
            ("As", 1, "advmod", "ADV", "RB", "as"),
            ("long", 11, "advmod", "ADV", "RB", "long"),
            ("as", 5, "mark", "SCONJ", "IN", "as"),
            ("the", 4, "det", "DET", "DT", "the"),
            ("embargo", 5, "nsubj", "NOUN", "NN", "embargo"),
            ("is", 1, "advcl", "AUX", "VBZ", "be"),
            ("in", 5, "prep", "ADP", "IN", "in"),
            ("place", 6, "pobj", "NOUN", "NN", "place"),
            (",", 11, "punct", "PUNCT", ",", ","),
            ("Peru", 11, "nsubj", "PROPN", "NNP", "Peru"),
            ("will", 11, "aux", "AUX", "MD", "will"),
            ("pay", 11, "ROOT", "VERB", "VB", "pay"),
            ("more", 11, "dobj", "ADJ", "JJR", "more"),
        ]
    )
    assert modality(doc[5], lexicon()) == "hypothetical"
    assert modality(doc[4], lexicon()) == "hypothetical"


def test_loans_under_upon_with_a_modal_are_a_condition() -> None:
    # Chile can take control upon repayment of the loans.
    doc = build(
        [
            ("Chile", 2, "nsubj", "PROPN", "NNP", "Chile"),
            ("can", 2, "aux", "AUX", "MD", "can"),
            ("take", 2, "ROOT", "VERB", "VB", "take"),
            ("control", 2, "dobj", "NOUN", "NN", "control"),
            ("upon", 2, "prep", "SCONJ", "IN", "upon"),
            ("repayment", 4, "pobj", "NOUN", "NN", "repayment"),
            ("of", 5, "prep", "ADP", "IN", "of"),
            ("the", 8, "det", "DET", "DT", "the"),
            ("loans", 6, "pobj", "NOUN", "NNS", "loan"),
        ]
    )
    assert modality(doc[8], lexicon()) == "hypothetical"


def _shift(would: bool) -> Doc:
    # A war would (will) distract voters and likely trigger a shift in support.
    aux = ("would", "MD", "would") if would else ("will", "MD", "will")
    return build(
        [
            ("A", 1, "det", "DET", "DT", "a"),
            ("war", 3, "nsubj", "NOUN", "NN", "war"),
            (aux[0], 3, "aux", "AUX", aux[1], aux[2]),
            ("distract", 3, "ROOT", "VERB", "VB", "distract"),
            ("voters", 3, "dobj", "NOUN", "NNS", "voter"),
            ("and", 3, "cc", "CCONJ", "CC", "and"),
            ("likely", 7, "advmod", "ADV", "RB", "likely"),
            ("trigger", 3, "conj", "VERB", "VB", "trigger"),
            ("a", 9, "det", "DET", "DT", "a"),
            ("shift", 7, "dobj", "NOUN", "NN", "shift"),
            ("in", 9, "prep", "ADP", "IN", "in"),
            ("support", 10, "pobj", "NOUN", "NN", "support"),
        ]
    )


def test_a_conditional_prediction_is_hypothetical() -> None:
    assert modality(_shift(would=True)[7], lexicon()) == "hypothetical"


def _expect(subject: str, lemma: str) -> Doc:
    # Analysts (Officials) expect Peru to impose sanctions.
    return build(
        [
            (subject, 1, "nsubj", "NOUN", "NNS", lemma),
            ("expect", 1, "ROOT", "VERB", "VBP", "expect"),
            ("Peru", 4, "nsubj", "PROPN", "NNP", "Peru"),
            ("to", 4, "aux", "PART", "TO", "to"),
            ("impose", 1, "ccomp", "VERB", "VB", "impose"),
            ("sanctions", 4, "dobj", "NOUN", "NNS", "sanction"),
        ]
    )


def test_what_forecasters_expect_is_speculation_not_a_plan() -> None:
    assert modality(_expect("Analysts", "analyst")[4], lexicon()) == "speculative"
    assert modality(_expect("Officials", "official")[4], lexicon()) == "planned"


def test_conjecture_about_the_past_stays_speculative() -> None:
    # Chile may have asked Peru for weapons.
    doc = build(
        [
            ("Chile", 3, "nsubj", "PROPN", "NNP", "Chile"),
            ("may", 3, "aux", "AUX", "MD", "may"),
            ("have", 3, "aux", "AUX", "VB", "have"),
            ("asked", 3, "ROOT", "VERB", "VBN", "ask"),
            ("Peru", 3, "dobj", "PROPN", "NNP", "Peru"),
            ("for", 3, "prep", "ADP", "IN", "for"),
            ("weapons", 5, "pobj", "NOUN", "NNS", "weapon"),
        ]
    )
    assert modality(doc[3], lexicon()) == "speculative"


def test_the_prospect_of_an_attack_is_no_attack() -> None:
    # Chile faces the prospect of an attack by Peru.
    doc = build(
        [
            ("Chile", 1, "nsubj", "PROPN", "NNP", "Chile"),
            ("faces", 1, "ROOT", "VERB", "VBZ", "face"),
            ("the", 3, "det", "DET", "DT", "the"),
            ("prospect", 1, "dobj", "NOUN", "NN", "prospect"),
            ("of", 3, "prep", "ADP", "IN", "of"),
            ("an", 6, "det", "DET", "DT", "an"),
            ("attack", 4, "pobj", "NOUN", "NN", "attack"),
            ("by", 6, "prep", "ADP", "IN", "by"),
            ("Peru", 7, "pobj", "PROPN", "NNP", "Peru"),
        ]
    )
    assert modality(doc[6], lexicon()) == "hypothetical"


def test_a_hedged_claim_in_a_fact_check_is_the_claim_under_review() -> None:
    # Readers may conclude that Peru severed ties with Chile.
    doc = build(
        [
            ("Readers", 2, "nsubj", "NOUN", "NNS", "reader"),
            ("may", 2, "aux", "AUX", "MD", "may"),
            ("conclude", 2, "ROOT", "VERB", "VB", "conclude"),
            ("that", 5, "mark", "SCONJ", "IN", "that"),
            ("Peru", 5, "nsubj", "PROPN", "NNP", "Peru"),
            ("severed", 2, "ccomp", "VERB", "VBD", "sever"),
            ("ties", 5, "dobj", "NOUN", "NNS", "tie"),
        ]
    )
    assert modality(doc[5], lexicon(), kind="fact-check") == "alleged"
    assert modality(doc[5], lexicon()) == "speculative"
