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
        ("German shares rallied in Berlin on Monday.", "PROTEST"),
        ("Velkor declined to comment on the talks with Germany.", "REJECT"),
        ("Velkor agreed with Brandt's argument about Poland.", "AGREE"),
        ("Germany released a new report on Poland.", "RETREAT"),
        ("Brandt talked about the weather in Chile.", "CONSULT"),
    ],
)
def test_not_an_event(parse: Callable[[str], Doc], text: str, absent: str) -> None:
    assert absent not in types(parse, text)


def test_the_real_uses_stay_events(parse: Callable[[str], Doc]) -> None:
    assert "THREATEN" in types(parse, "Velkor threatened Germany with sanctions.")
    assert "REQUEST" in types(parse, "Velkor asked Germany to send troops.")
    assert "RETREAT" in types(parse, "Nigeria released the hostages on Sunday.")
    assert "REJECT" in types(parse, "Velkor refused to respond to the demands of Germany.")


def test_a_meeting_venue_is_not_one_of_its_sides(parse: Callable[[str], Doc]) -> None:
    doc = code_doc(
        parse("Okafor and Novak held the Berlin talks on Monday."),
        article_id="t",
        published=None,
    )
    consults = [e for e in doc.events if e.type == "CONSULT"]
    assert consults
    assert all("DEU" not in {a.country for a in e.actor} for e in consults)


def test_a_cooperation_announced_as_not_happening_is_a_refusal(
    parse: Callable[[str], Doc],
) -> None:
    events = code_doc(
        parse("Germany said it would not accept the demands of Poland."),
        article_id="t",
        published=None,
    ).events
    rejects = [e for e in events if e.type == "REJECT"]
    assert rejects and rejects[0].modality == "asserted"
    assert "CONCEDE" not in {e.type for e in events}


def test_troops_arriving_are_no_visit(parse: Callable[[str], Doc]) -> None:
    got = types(parse, "Polish peacekeeping troops arrived in Nigeria on Monday.")
    assert "CONSULT" not in got


def test_the_subject_of_faces_an_attack_is_its_target(parse: Callable[[str], Doc]) -> None:
    events = code_doc(
        parse("Poland faces a direct attack from Germany."), article_id="t", published=None
    ).events
    (ev,) = [e for e in events if e.type == "ASSAULT"]
    assert [a.country for a in ev.actor] == ["DEU"]
    assert [r.country for r in ev.recipient] == ["POL"]


def test_an_object_pronoun_is_not_its_own_verbs_subject(parse: Callable[[str], Doc]) -> None:
    events = code_doc(
        parse("Velkor met the Polish envoys and urged them to send troops."),
        article_id="t",
        published=None,
    ).events
    assert all({a.id for a in e.actor}.isdisjoint(r.id for r in e.recipient) for e in events), [
        (e.type, e.actor, e.recipient) for e in events
    ]
    assert events


def test_force_with_crowd_control_weapons_is_an_assault(parse: Callable[[str], Doc]) -> None:
    armed = types(parse, "Police in Poland dispersed the crowd with water cannon.")
    plain = types(parse, "Police in Poland dispersed the demonstrators on Sunday.")
    assert "ASSAULT" in armed and "COERCE" not in armed
    assert "COERCE" in plain


def test_a_protest_targets_the_party_its_purpose_names(parse: Callable[[str], Doc]) -> None:
    events = code_doc(
        parse("Students in Warsaw staged a hunger strike to protest Germany's border policy."),
        article_id="t",
        published=None,
    ).events
    (ev,) = [e for e in events if e.type == "PROTEST"]
    assert [r.country for r in ev.recipient] == ["DEU"]
