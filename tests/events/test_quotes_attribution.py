"""Reporting verbs beyond "say", questions, partial quotes and where one statement ends, on
sentences written for these tests (model-parsed: marked slow)."""

from __future__ import annotations

import pytest

from tests.events.conftest import Parse, quotes, speaker


@pytest.mark.slow
@pytest.mark.parametrize(
    "verb", ["informed the council", "contended", "revealed", "told reporters", "warned"]
)
def test_reporting_verbs_beyond_say(parse: Parse, verb: str) -> None:
    found = quotes(parse, f"Velkor {verb} that the budget for the bridge had doubled.")
    assert [(speaker(q), q.direct) for q in found] == [("Anna Velkor", False)]
    assert found[0].text.endswith("the budget for the bridge had doubled")


@pytest.mark.slow
def test_a_question_put_to_someone_is_not_their_statement(parse: Parse) -> None:
    text = "Asked whether the talks could collapse, Velkor replied that both sides had signed."
    found = quotes(parse, text)
    assert [q.text for q in found] == ["both sides had signed"]


@pytest.mark.slow
def test_a_reported_clause_with_a_quoted_fragment_is_kept(parse: Parse) -> None:
    text = 'Velkor told the delegates that the offer was "the best we have had in a decade".'
    found = quotes(parse, text)
    indirect = [q for q in found if not q.direct]
    assert len(indirect) == 1 and "the offer was" in indirect[0].text
    assert any(q.direct and q.text == "the best we have had in a decade" for q in found)


@pytest.mark.slow
def test_a_second_part_with_its_own_attribution_is_its_own_quote(parse: Parse) -> None:
    text = (
        '"We asked the neighbours for their votes by Friday," Velkor said after the talks. '
        '"They listened, but they did not move an inch," she added.'
    )
    assert len([q for q in quotes(parse, text) if q.direct]) == 2


@pytest.mark.slow
def test_a_long_attribution_between_two_parts_keeps_one_quote(parse: Parse) -> None:
    text = (
        '"Food must never become a weapon in any war," Velkor said at a joint press '
        'conference in Paris. "The corridor will stay open all year."'
    )
    direct = [q for q in quotes(parse, text) if q.direct]
    assert len(direct) == 1 and direct[0].text.endswith("open all year.")
    assert speaker(direct[0]) == "Anna Velkor"


@pytest.mark.slow
def test_a_pronoun_speaker_skips_people_named_inside_a_quote(parse: Parse) -> None:
    text = (
        "Velkor visited Berlin on Monday. "
        '"Okafor will lead the talks until the summit, and she has my trust," she said.'
    )
    (q,) = [q for q in quotes(parse, text) if q.direct]
    assert speaker(q) == "Anna Velkor"


@pytest.mark.slow
def test_a_role_noun_speaker_is_the_person_named_with_that_role(parse: Parse) -> None:
    text = (
        "Foreign Minister Anna Velkor met Tomas Brandt in Berlin. "
        '"We agreed on a timetable for the new bridge," the minister told reporters.'
    )
    (q,) = [q for q in quotes(parse, text) if q.direct]
    assert speaker(q) == "Anna Velkor"


@pytest.mark.slow
def test_a_ministry_is_not_its_spokeswoman(parse: Parse) -> None:
    text = (
        "Foreign Ministry spokeswoman Lena Okafor spoke on Monday. "
        "The ministry said that the border would stay closed until March."
    )
    (q,) = [q for q in quotes(parse, text) if not q.direct]
    assert speaker(q) != "Lena Okafor"


@pytest.mark.slow
def test_a_parenthetical_attribution_reports_the_clause_around_it(parse: Parse) -> None:
    found = quotes(parse, "The new bridge, Velkor said, would open to traffic in May.")
    assert [(speaker(q), q.text) for q in found] == [
        ("Anna Velkor", "The new bridge would open to traffic in May")
    ]
