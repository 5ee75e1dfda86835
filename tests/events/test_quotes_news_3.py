"""Frames of real news reporting met on the third MEANTIME annotator's dev half (issue #11
item 5), on sentences written for these tests."""

from __future__ import annotations

import pytest

from eventline.events.quote_spans import find_quote_spans
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
