"""An undated statement that goes on from a dated one in the sentence before ("..., an
official said Friday. '...,' said the agency's head after opening the offer") tells of acts
no later than that report: they take its month, not the later publication day
(relative_story.continued_report), on sentences written for this test."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from eventline.events.document import code_doc

pytestmark = pytest.mark.slow


def _offers(parse: Callable[[str], Doc], text: str) -> list[str | None]:
    events = code_doc(parse(text), article_id="t", published="2024-06-22").events
    return [e.date for e in events if e.trigger == "offer"]


def test_an_offer_told_after_a_dated_statement_is_no_later_than_it(
    parse: Callable[[str], Doc],
) -> None:
    text = (
        "Germany will pay $40 million for the shipyard, a Chilean official said Friday. "
        '"The offer of Germany is $2 per share," said the head of the Chilean privatisation '
        "agency after opening Germany's new offer to Chile."
    )
    dates = _offers(parse, text)
    assert dates and all(d == "2024-06" for d in dates)


def test_without_a_dated_statement_before_the_report_date_stays(
    parse: Callable[[str], Doc],
) -> None:
    text = (
        "Germany will pay $40 million for the shipyard. "
        '"The offer of Germany is $2 per share," said the head of the Chilean privatisation '
        "agency after opening Germany's new offer to Chile."
    )
    dates = _offers(parse, text)
    assert dates and all(d == "2024-06-22" for d in dates)
