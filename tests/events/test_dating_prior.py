"""Issue #11 dates (round after17): an event the text places before another time, without a
time of its own, is never dated at the later day it is told or reported on. A cause or an act
a clause follows ("due to the ban", "following the attack", "in response to the strikes")
takes the month of that clause's time (or of its telling, or of the report); a past act
marked as earlier than its telling ("during their most recent talks", "recently met", "has
already sent") takes the report's month. Present-tense and unmarked events keep their report
date. Sentences written for these tests, published 2024-03-14 (a Thursday)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from eventline.events.relative_prior import placed_before
from tests.events.coded import Parse, by_trigger, events
from tests.events.conftest import Row, parsed_doc


def _date(parse: Parse, text: str, trigger: str) -> tuple[str | None, str | None]:
    ev = by_trigger(events(parse, text), trigger)
    return ev.date, ev.date_precision


# text, trigger, "date precision" expected
CHECKS = [
    # a cause named by a noun was in force before the report that tells its effect
    ("Chile tells airlines not to fly to Peru due to the Peruvian ban.", "ban", "2024-03 month"),
    (
        "Chile tells airlines not to fly to Peru due to the Peruvian ban.",
        "tells",
        "2024-03-14 report",
    ),
    # an act a dated clause follows: before that clause's day, in its month
    (
        "Peru and Chile held talks on Monday following the Chilean attack.",
        "attack",
        "2024-03 month",
    ),
    (
        "Peru and Chile held talks on Monday following the Chilean attack.",
        "talks",
        "2024-03-11 day",
    ),
    # told in a dated report, followed by what is told: no later than the telling, its month
    (
        "The agency said on Monday that Peru and Chile held talks following the Chilean attack.",
        "attack",
        "2024-03 month",
    ),
    (
        "Peru imposed sanctions on Chile in response to the Chilean attack.",
        "attack",
        "2024-03 month",
    ),
    # a past act marked as earlier than its telling: the report's month, not its day
    (
        "Peru and Chile discussed trade during their most recent talks, an official said.",
        "discussed",
        "2024-03 month",
    ),
    ("At their last meeting, Peru and Chile discussed trade.", "discussed", "2024-03 month"),
    ("Peru recently met Chile in Geneva.", "met", "2024-03 month"),
    ("Peru has already sent troops to Chile.", "sent", "2024-03 month"),
    ("Peru is already sending troops to Chile.", "sending", "2024-03-14 report"),
    ("Peru has sent troops to Chile.", "sent", "2024-03-14 report"),
    # a state running from a dated start: dated by its start, not the report
    (
        "Peru has been shelling Chilean towns since the March 2 attack.",
        "shelling",
        "2024-03 month",
    ),
    (
        "Peru had been supplying gas to Chile until the March 2 strikes.",
        "supplying",
        "2024-03 month",
    ),
    ("Peru is shelling Chilean towns since the March 2 attack.", "shelling", "2024-03-14 report"),
    # unmarked or present: the report date stays
    ("Peru and Chile discuss trade during their talks.", "discuss", "2024-03-14 report"),
    ("Peru and Chile discussed trade, an official said.", "discussed", "2024-03-14 report"),
    ("Police arrested Okafor after a protest.", "arrested", "2024-03-14 report"),
]


@pytest.mark.slow
@pytest.mark.parametrize(("text", "trigger", "expected"), CHECKS)
def test_check_set(parse: Parse, text: str, trigger: str, expected: str) -> None:
    assert _date(parse, text, trigger) == tuple(expected.split())


@pytest.mark.slow
def test_a_cause_dated_in_its_own_phrase_keeps_its_day(parse: Parse) -> None:
    # a time of the noun's own phrase is its date, not an inherited one
    text = "Peru and Chile held talks on Monday following the Chilean attack on March 2."
    assert _date(parse, text, "attack") == ("2024-03-02", "day")


@pytest.mark.slow
def test_a_cause_named_elsewhere_with_a_day_keeps_that_day(parse: Parse) -> None:
    text = (
        "Chile attacked Peruvian border posts on Saturday. Peru and Chile held talks on "
        "Monday following the attack."
    )
    found = [e for e in events(parse, text) if e.trigger in ("attacked", "attack")]
    assert found and all(e.date == "2024-03-09" for e in found)


@pytest.mark.slow
def test_a_planned_event_keeps_its_report_date(parse: Parse) -> None:
    text = "Velkor said Peru would impose sanctions on Chile due to the Chilean attack."
    assert _date(parse, text, "impose")[1] == "report"


def _because_of(of_heads_noun: bool) -> Doc:
    """ "Talks collapsed because of the veto ." in the parser's two readings: "of" heading the
    noun under "because", or "because" heading the noun with "of" hung on it as a pcomp."""
    rows: list[Row] = [
        ("Talks", 1, "nsubj", "NOUN", "NNS", "talk"),
        ("collapsed", 1, "ROOT", "VERB", "VBD", "collapse"),
        ("because", 1, "prep", "SCONJ", "IN", "because"),
        ("of", 2, "prep" if of_heads_noun else "pcomp", "ADP", "IN", "of"),
        ("the", 5, "det", "DET", "DT", "the"),
        ("veto", 3 if of_heads_noun else 2, "pobj", "NOUN", "NN", "veto"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    return parsed_doc(rows, {})


@pytest.mark.parametrize("of_heads_noun", [True, False])
def test_a_cause_is_placed_before_its_clause_in_either_parse(of_heads_noun: bool) -> None:
    doc = _because_of(of_heads_noun)
    verb = placed_before(doc[5])
    assert verb is not None and verb.i == 1
    assert placed_before(doc[0]) is None  # the clause's own subject is no cause
