"""Modality: asserted, planned, hypothetical, negated, alleged, speculative; article kinds."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from eventline.events.document import code_doc

pytestmark = pytest.mark.slow


def modalities(parse: Callable[[str], Doc], text: str, etype: str, kind: str = "news") -> set[str]:
    doc = parse(text)
    coded = code_doc(doc, article_id="t", published="2024-03-14", kind=kind, reported_only=False)
    return {e.modality for e in coded.events if e.type == etype}


def test_hypothetical_events_and_reviewed_claims_are_not_reported(
    parse: Callable[[str], Doc],
) -> None:
    doc = parse("If Germany attacks Poland, the alliance will respond.")
    coded = code_doc(doc, article_id="t", published="2024-03-14")
    assert [e.type for e in coded.events if e.type == "ASSAULT"] == []
    assert modalities(
        parse, "If Germany attacks Poland, the alliance will respond.", "ASSAULT"
    ) == {"hypothetical"}


@pytest.mark.parametrize(
    ("text", "etype", "expected"),
    [
        ("Germany attacked Poland on Tuesday.", "ASSAULT", "asserted"),
        ("Germany did not attack Poland.", "ASSAULT", "negated"),
        ("Germany never attacked Poland.", "ASSAULT", "negated"),
        ("If Germany attacks Poland, the alliance will respond.", "ASSAULT", "hypothetical"),
        ("Chile reportedly supplied Peru with drones.", "AID", "alleged"),
        ("Chile allegedly supplied Peru with drones.", "AID", "alleged"),
        ("Velkor will meet Okafor in Abuja next week.", "CONSULT", "planned"),
        ("Velkor is set to visit Poland.", "CONSULT", "planned"),
        ("Peru might attack Chile.", "ASSAULT", "speculative"),
        ("France made no offer of aid to Chile.", "AGREE", "negated"),
        ("Peruvian police arrested no protesters in Lima.", "COERCE", "negated"),
        ("Peruvian police arrested two protesters in Lima.", "COERCE", "asserted"),
    ],
)
def test_news_modality(parse: Callable[[str], Doc], text: str, etype: str, expected: str) -> None:
    assert modalities(parse, text, etype) == {expected}


def test_opinion_inference_is_speculative(parse: Callable[[str], Doc]) -> None:
    text = "The simplest explanation is that Peru sent Chile a request for weapons."
    assert modalities(parse, text, "REQUEST", kind="opinion") == {"speculative"}


def test_fact_check_claim_is_never_asserted(parse: Callable[[str], Doc]) -> None:
    text = "Posts claimed that France had withdrawn its support for Nigeria, which is false."
    found = modalities(parse, text, "SANCTION", kind="fact-check")
    assert found and "asserted" not in found


def test_fact_check_quoted_claim_is_not_asserted(parse: Callable[[str], Doc]) -> None:
    text = 'One viral post read: "Germany has attacked Poland with tanks overnight."'
    found = modalities(parse, text, "ASSAULT", kind="fact-check")
    assert "asserted" not in found


def test_the_same_quote_in_news_is_the_speakers_assertion(parse: Callable[[str], Doc]) -> None:
    text = '"Germany has attacked Poland with tanks overnight," Velkor said.'
    assert modalities(parse, text, "ASSAULT") == {"asserted"}


def test_a_subject_quantified_by_no_negates_the_event_and_its_purpose() -> None:
    import spacy

    from eventline.events.modality import modality
    from eventline.events.patterns import lexicon

    vocab = spacy.blank("en").vocab
    words = ["no", "officers", "will", "be", "sent", "to", "assist", "Peru"]
    doc = Doc(
        vocab,
        words=words,
        heads=[1, 4, 4, 4, 4, 6, 4, 6],
        deps=["det", "nsubjpass", "aux", "auxpass", "ROOT", "aux", "advcl", "dobj"],
        pos=["DET", "NOUN", "AUX", "AUX", "VERB", "PART", "VERB", "PROPN"],
        tags=["DT", "NNS", "MD", "VB", "VBN", "TO", "VB", "NNP"],
        lemmas=["no", "officer", "will", "be", "send", "to", "assist", "Peru"],
    )
    assert modality(doc[4], lexicon()) == "negated"
    assert modality(doc[6], lexicon()) == "negated"


def test_what_someone_would_like_to_see_is_a_wish_not_a_plan() -> None:
    import spacy

    from eventline.events.modality import modality
    from eventline.events.patterns import lexicon

    vocab = spacy.blank("en").vocab
    words = ["we", "would", "like", "to", "see", "Peru", "withdraw"]
    doc = Doc(
        vocab,
        words=words,
        heads=[2, 2, 2, 4, 2, 6, 4],
        deps=["nsubj", "aux", "ROOT", "aux", "xcomp", "nsubj", "ccomp"],
        pos=["PRON", "AUX", "VERB", "PART", "VERB", "PROPN", "VERB"],
        tags=["PRP", "MD", "VB", "TO", "VB", "NNP", "VB"],
        lemmas=["we", "would", "like", "to", "see", "Peru", "withdraw"],
    )
    assert modality(doc[6], lexicon()) == "hypothetical"
