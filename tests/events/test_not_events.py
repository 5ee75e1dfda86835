"""Uses of event words that report no political event, and a venue that is no party
(rules.not_events, rules.venue_is_no_party), on sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from spacy.tokens import Doc

from eventline.events.document import code_doc

pytestmark = pytest.mark.slow


def types(parse: Callable[[str], Doc], text: str) -> list[str]:
    return [e.type for e in code_doc(parse(text), article_id="t", published=None).events]


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Brandt said that Velkor threatens national security.", "THREATEN"),
        ("A new poll suggests Velkor would beat Brandt in the election.", "ASSAULT"),
        ("Reporters asked Velkor whether France would send troops.", "REQUEST"),
        ("Novak yielded to temptation and bought a new car.", "CONCEDE"),
        ("Velkor and Brandt will discuss Europe on Novak's radio show.", "CONSULT"),
    ],
)
def test_not_an_event(parse: Callable[[str], Doc], text: str, absent: str) -> None:
    assert absent not in types(parse, text)


def test_the_real_uses_stay_events(parse: Callable[[str], Doc]) -> None:
    assert "THREATEN" in types(parse, "Velkor threatened Germany with sanctions.")
    assert "REQUEST" in types(parse, "Velkor asked Germany to send troops.")


def test_a_meeting_venue_is_not_one_of_its_sides(parse: Callable[[str], Doc]) -> None:
    doc = code_doc(
        parse("Okafor and Novak held the Berlin talks on Monday."),
        article_id="t",
        published=None,
    )
    consults = [e for e in doc.events if e.type == "CONSULT"]
    assert consults
    assert all("DEU" not in {a.country for a in e.actor} for e in consults)
