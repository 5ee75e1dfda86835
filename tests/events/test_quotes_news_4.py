"""Frames of real news reporting met on the MEANTIME dev halves (issue #11 item 5): where a
reported clause ends, and "according to" inside a relative clause; on sentences written for
these tests."""

from __future__ import annotations

import pytest

from tests.events.conftest import Parse, quotes, speaker


def _said(parse: Parse, text: str) -> list[tuple[str | None, str, bool]]:
    return [(q.speaker_text, q.text, q.direct) for q in quotes(parse, text)]


@pytest.mark.slow
def test_a_speech_verb_coordinated_after_the_clause_is_the_speakers_next_act(
    parse: Parse,
) -> None:
    text = (
        "On Monday, Harris went on a rant on the radio, saying that the board was asleep "
        "and called for them to resign at once."
    )
    assert [t for _, t, _ in _said(parse, text)] == ["the board was asleep"]


@pytest.mark.slow
def test_a_clause_cut_after_a_bare_subordinator_goes_on_past_the_comma(parse: Parse) -> None:
    text = (
        "Ruth Kim, an analyst at Fox Bank, said that the index drop is troubling since "
        "without that floor, traders may fear that prices can slide further."
    )
    said = [t for _, t, _ in _said(parse, text)]
    assert said == [
        "the index drop is troubling since without that floor, traders may fear that prices "
        "can slide further"
    ]


@pytest.mark.slow
def test_according_to_inside_a_relative_clause_sources_that_clause(parse: Parse) -> None:
    text = (
        "According to the agency, the number of claims rose 2,000 to 91,000, which, "
        "according to the Times, is near a record high."
    )
    said = sorted((w, t) for w, t, _ in _said(parse, text))
    assert said == [
        ("Times", "is near a record high"),
        ("agency", "the number of claims rose 2,000 to 91,000"),
    ]


@pytest.mark.slow
def test_a_second_that_clause_after_a_nested_statement_is_the_outer_speakers(
    parse: Parse,
) -> None:
    text = (
        "Ruiz said the ministry had told him that it had no wish to run the firm and that he "
        "expected that still to be his task."
    )
    said = {w: t for w, t, _ in _said(parse, text)}
    assert said["ministry"] == "it had no wish to run the firm"
    assert said["Ruiz"].endswith("and that he expected that still to be his task")


@pytest.mark.slow
def test_a_clause_opening_on_an_inverted_condition_goes_on_to_its_main_clause(
    parse: Parse,
) -> None:
    text = (
        "However, Lee went on to say that should a supplier be willing to pay the fee itself, "
        "he did not object to the deal."
    )
    assert [t for _, t, _ in _said(parse, text)] == [
        "should a supplier be willing to pay the fee itself, he did not object to the deal"
    ]


@pytest.mark.slow
def test_a_surname_misspelt_with_a_final_s_is_the_person_named_before(parse: Parse) -> None:
    text = (
        "Marek Novak, the province's minister of trade, hopes the union will back the plan. "
        '"The sector will be smaller, but it will be viable," said Novaks.'
    )
    found = quotes(parse, text)
    assert [q.speaker.name if q.speaker else None for q in found] == ["Marek Novak"]


@pytest.mark.slow
def test_pointing_to_something_as_being_a_cause_reports_it(parse: Parse) -> None:
    text = (
        "Ann Roe, head of research at Fabrik, points to falling steel prices having a strong "
        "effect on the margins of the group as being the main reason for the cuts."
    )
    assert [t for _, t, _ in _said(parse, text)] == [
        "falling steel prices having a strong effect on the margins of the group as being the "
        "main reason for the cuts"
    ]
    assert _said(parse, "Analysts point to the rise in bond prices and the cuts.") == []


@pytest.mark.slow
def test_a_relative_clause_between_subject_and_verb_keeps_the_subject(parse: Parse) -> None:
    text = (
        "A statement on Germany's website, the front page of which currently shows a grey "
        'photograph, states: "We have lost a founder and a friend. We will miss her deeply."'
    )
    assert [speaker(q) for q in quotes(parse, text)] == ["Germany"]


def test_a_verbless_piece_cut_off_after_an_abbreviation_opens_the_next_sentence() -> None:
    import spacy
    from spacy.tokens import Doc

    from eventline.events.indirect import _cut_lead

    words = ["The", "head", "of", "Fabrik", "Inc.", "Anna", "Berg", "has", "died", "."]
    doc = Doc(spacy.blank("en").vocab, words=words)
    for tok in doc:
        tok.is_sent_start = tok.i in (0, 5)
        tok.pos_ = "VERB" if tok.text == "died" else "NOUN"
    second = list(doc.sents)[1]
    assert [t.text for t in _cut_lead(second)] == ["The", "head", "of", "Fabrik", "Inc."]
    doc[1].pos_ = "VERB"  # a piece with a verb of its own is a sentence
    assert _cut_lead(list(doc.sents)[1]) == []
