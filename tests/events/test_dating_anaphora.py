"""Dates an event takes from the text around it when its own clause has none: the event of
the sentence before that it continues ("Velkor also ...", "during the visit"), and the one
happening a definite act noun names again under another word; on sentences written for these
tests."""

from __future__ import annotations

import pytest

from tests.events.coded import Parse, by_trigger, events


@pytest.mark.slow
def test_the_same_person_continues_the_dated_event_before(parse: Parse) -> None:
    text = (
        "Velkor travelled to Nigeria on Feb. 2, 2022. "
        "According to a statement, Velkor met Okafor in Abuja. "
        "Velkor also rejected the sanctions of Germany."
    )
    ev = by_trigger(events(parse, text), "rejected")
    assert (ev.date, ev.date_precision) == ("2022-02-02", "day")


@pytest.mark.slow
def test_during_the_visit_continues_the_dated_event_before(parse: Parse) -> None:
    text = (
        "Velkor travelled to Nigeria on Feb. 2, 2022. Velkor met Okafor in Abuja. "
        "During the visit, France rejected the sanctions of Germany."
    )
    ev = by_trigger(events(parse, text), "rejected")
    assert (ev.date, ev.date_precision) == ("2022-02-02", "day")


@pytest.mark.slow
def test_an_unrelated_actor_does_not_continue_it(parse: Parse) -> None:
    text = (
        "Velkor travelled to Nigeria on Feb. 2, 2022. "
        "According to a statement, Velkor met Okafor in Abuja. "
        "Poland rejected the sanctions of Germany."
    )
    ev = by_trigger(events(parse, text), "rejected")
    assert ev.date_precision == "report"


@pytest.mark.slow
def test_definite_noun_names_a_dated_event_of_its_type(parse: Parse) -> None:
    text = (
        "Peru's air strikes on Saturday hit three Chilean towns. "
        "France condemns the Peruvian attacks."
    )
    ev = by_trigger(events(parse, text), "attacks")
    assert (ev.date, ev.date_precision) == ("2024-03-09", "day")


@pytest.mark.slow
def test_definite_noun_stays_report_dated_when_dated_events_disagree(parse: Parse) -> None:
    text = (
        "Peru bombed Chile on March 2. Peru shelled Chile again on March 9. "
        "France condemns the Peruvian aggression."
    )
    ev = by_trigger(events(parse, text), "aggression")
    assert ev.date_precision == "report"


@pytest.mark.slow
def test_same_verb_dated_by_story_time_dates_its_repetition(parse: Parse) -> None:
    text = (
        "France signed a border treaty with Chile in May 2023. "
        "France also offered to mediate between Chile and Peru. "
        "Now France's role is larger, with France offering to serve in a mediation role."
    )
    ev = by_trigger(events(parse, text), "offering")
    assert (ev.date, ev.date_precision) == ("2023-05", "month")


@pytest.mark.slow
def test_a_clause_with_an_unplaceable_day_borrows_no_date(parse: Parse) -> None:
    text = "Velkor met Okafor in Paris on Oct. 4, 2023. Velkor met Okafor in Abuja on Friday."
    found = [e for e in events(parse, text, published="2024-10") if e.trigger == "met"]
    assert len(found) == 2
    assert found[1].date_precision == "report"


@pytest.mark.slow
def test_a_possessive_time_dates_its_noun_not_the_verb_acting_on_it(parse: Parse) -> None:
    text = "Okafor condemned Saturday's strikes by Peru on Chile."
    ev = by_trigger(events(parse, text), "condemned")
    assert ev.date_precision == "report"


@pytest.mark.slow
def test_a_possessive_time_of_the_subject_dates_the_clause(parse: Parse) -> None:
    text = "Saturday's strikes by Peru hit three Chilean towns."
    ev = by_trigger(events(parse, text), "hit")
    assert (ev.date, ev.date_precision) == ("2024-03-09", "day")
