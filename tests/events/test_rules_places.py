"""The place rules (events/rules_places.py) read parties from the event's own place, not from a
place of what the event calls for, nor from a namesake capital the actor stage chose."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventline.events import code_text


@pytest.fixture(scope="module")
def nlp() -> Language:
    from eventline.nlp import load_nlp

    return load_nlp()


@pytest.mark.slow
def test_unnamed_protesters_are_of_the_country_where_they_march(nlp: Language) -> None:
    text = (
        "Thousands of people marched through central Lyon on Saturday to call for a truce in Sudan."
    )
    (protest,) = [
        e for e in code_text(nlp, text, published="2024-05-04").events if e.type == "PROTEST"
    ]
    assert {a.country for a in protest.actor} == {"FRA"}
    assert protest.location is not None and protest.location.name == "Lyon"


@pytest.mark.slow
def test_the_place_recipient_is_the_namesake_the_place_rules_found(nlp: Language) -> None:
    text = "Protesters marched in Paris, Texas, against the plan."
    (protest,) = [
        e for e in code_text(nlp, text, published="2024-05-04").events if e.type == "PROTEST"
    ]
    assert protest.location is not None and protest.location.country == "USA"
    assert "FRA" not in {r.country for r in protest.recipient}
