"""A clause that runs "so far", "yet" or "to date" reaches the report's own time: it takes no
story time from the sentence before it (relative_story.story_date), on sentences written for
this test."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from eventline.events.document import code_doc

pytestmark = pytest.mark.slow


def test_a_state_so_far_keeps_its_report_date(parse: Callable[[str], Doc]) -> None:
    text = (
        "France began talks with Chile on June 3. "
        "Germany has so far made no offer of help to Chile."
    )
    events = code_doc(parse(text), article_id="t", published="2024-06-20").events
    offers = [e for e in events if e.trigger == "offer"]
    assert offers
    assert offers[0].date == "2024-06-20"
