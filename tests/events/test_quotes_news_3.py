"""Frames of real news reporting met on the third MEANTIME annotator's dev half (issue #11
item 5), on sentences written for these tests."""

from __future__ import annotations

import pytest

from eventline.events.quote_spans import find_quote_spans
from eventline.events.speakers import _can_be
from eventline.model import ActorRef
from tests.events.conftest import Parse, quotes, speaker


def test_an_inch_mark_after_a_number_opens_no_quote() -> None:
    text = 'The tablet has a 10.5" screen, while the larger one comes with 12" or 13" panels.'
    assert find_quote_spans(text, min_words=1) == []
    text = 'Ruiz said "we sold 5" before the show ended.'
    assert [text[s.start : s.end] for s in find_quote_spans(text, min_words=1)] == ["we sold 5"]


@pytest.mark.slow
def test_a_relative_who_speaks_for_its_antecedent(parse: Parse) -> None:
    text = (
        "Shares rose for Harbor Bank Corp. and Lakeport Trust & Co., who said they have had "
        "profits this year."
    )
    found = quotes(parse, text)
    assert [(q.speaker_text, q.direct) for q in found] == [
        ("Harbor Bank Corp. and Lakeport Trust & Co.", False)
    ]


@pytest.mark.slow
def test_a_role_at_a_body_then_a_name_after_the_verb_is_that_person(parse: Parse) -> None:
    text = (
        '"It is hard to say if it is enough, but the market is reacting well," said chief '
        "strategist at Lakeport Asset Management, Tomas Brandt."
    )
    assert [speaker(q) for q in quotes(parse, text)] == ["Tomas Brandt"]


@pytest.mark.slow
def test_a_clause_quoted_in_full_after_said_that_is_one_direct_quote(parse: Parse) -> None:
    text = 'Brandt said that "the next target of the traders is the high of last September."'
    found = quotes(parse, text)
    assert [(speaker(q), q.direct) for q in found] == [("Tomas Brandt", True)]


@pytest.mark.slow
def test_according_to_a_bodys_figures_is_that_body(parse: Parse) -> None:
    text = (
        "Lakeport Motors said on Friday that it would sell its truck unit.\n"
        "According to company figures, about one in every fifty buyers had asked for a refund."
    )
    found = [q for q in quotes(parse, text) if q.text.startswith("about one")]
    assert [q.speaker_text for q in found] == ["company"]
    assert found[0].text.rstrip(".\n") == "about one in every fifty buyers had asked for a refund"


@pytest.mark.slow
def test_according_to_over_a_clause_of_another_speaker_is_no_statement(parse: Parse) -> None:
    text = (
        "According to the Lakeport Herald, an insider claimed that the director had been "
        "dismissed over the budget."
    )
    found = quotes(parse, text)
    assert [(q.speaker_text, q.text) for q in found] == [
        ("an insider", "the director had been dismissed over the budget")
    ]


def test_the_company_is_never_a_government_body() -> None:
    government = ActorRef(id="g", name="Lakeport Government", country="LKP", sector="GOV")
    carmaker = ActorRef(id="c", name="Lakeport Motors")
    assert not _can_be("company", government) and _can_be("company", carmaker)
    assert _can_be("agency", government)


@pytest.mark.slow
def test_a_passive_verb_speaks_through_its_agent(parse: Parse) -> None:
    text = (
        '"We welcome the competition," said Brandt.\n'
        'The new model was described by Velkor as "too expensive for most students and families".\n'
        "It was announced by Okafor that the plant would close in May."
    )
    found = quotes(parse, text)
    assert [(speaker(q), q.direct) for q in found] == [
        ("Tomas Brandt", True),
        ("Anna Velkor", True),
        ("Lena Okafor", False),
    ]


@pytest.mark.slow
def test_a_bodys_own_spokesman_speaks_for_that_body(parse: Parse) -> None:
    found = quotes(parse, "On Monday the rebels' spokesman said the talks would resume on Friday.")
    assert [(speaker(q), q.text) for q in found] == [("Rebels", "the talks would resume on Friday")]


@pytest.mark.slow
def test_quoted_words_modifying_a_noun_name_a_thing(parse: Parse) -> None:
    text = (
        '"We will not give up," Brandt said on Monday.\n'
        'The union backed the "pay as you go" plan that the state proposed last year.\n'
        'Its new "buy one get one free" offer drew crowds to the stores.'
    )
    assert [speaker(q) for q in quotes(parse, text)] == ["Tomas Brandt"]


@pytest.mark.slow
def test_he_is_the_man_named_lately_before_a_subject_named_long_ago(parse: Parse) -> None:
    text = (
        "Tomas Brandt met Lena Okafor in Abuja on Tuesday.\n"
        "The meeting lasted four hours.\n"
        "Okafor later thanked Marek Novak for his work.\n"
        "He said the company would hire 500 people."
    )
    assert [speaker(q) for q in quotes(parse, text)] == ["Marek Novak"]


@pytest.mark.slow
def test_a_clause_after_the_object_and_a_comma_is_not_what_was_announced(parse: Parse) -> None:
    text = (
        "Lakeport also announced a new phone, the Volta X2, which will be sold only by "
        "Harbor Telecom in the United States, Orbit will be in Canada."
    )
    assert quotes(parse, text) == []


@pytest.mark.slow
def test_verbs_of_disclosing_report_speech(parse: Parse) -> None:
    text = "Brandt divulged that the plant would close, and Velkor confided that she was relieved."
    assert [speaker(q) for q in quotes(parse, text)] == ["Tomas Brandt", "Anna Velkor"]


@pytest.mark.slow
def test_a_clause_before_an_inverted_told_is_what_was_told(parse: Parse) -> None:
    text = (
        "The carmaker expects to return to profit next year, chief executive Tomas Brandt "
        "told analysts on a conference call."
    )
    found = quotes(parse, text)
    assert [(speaker(q), q.text) for q in found] == [
        ("Tomas Brandt", "The carmaker expects to return to profit next year")
    ]
