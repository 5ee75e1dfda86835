"""Crowd and workforce rules on hand-built parses: a workers' strike is a protest, a crowd
counted but not named protests as the people of the country where it marches."""

from __future__ import annotations

from eventline.events.candidate import EventCandidate
from tests.events.conftest import Row, candidates_of, parsed_doc

TABLE: dict[str, tuple[str, str, str | None, str | None, str]] = {
    "Chile": ("kb:CHL", "Chile", "CHL", None, "GPE"),
    "Peru": ("kb:PER", "Peru", "PER", None, "GPE"),
}


def coded(rows: list[Row]) -> list[EventCandidate]:
    return candidates_of(parsed_doc(rows, TABLE))


def began_a_strike(subject: str, lemma: str, over: str) -> list[Row]:
    """ "<subject> began a strike over <over> ." """
    return [
        (subject, 1, "nsubj", "NOUN", "NNS", lemma),
        ("began", 1, "ROOT", "VERB", "VBD", "begin"),
        ("a", 3, "det", "DET", "DT", "a"),
        ("strike", 1, "dobj", "NOUN", "NN", "strike"),
        ("over", 3, "prep", "ADP", "IN", "over"),
        (over, 4, "pobj", "NOUN", "NN", over),
        ("in", 1, "prep", "ADP", "IN", "in"),
        ("Chile", 6, "pobj", "PROPN", "NNP", "Chile"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]


def test_a_strike_by_workers_is_a_protest() -> None:
    types = {(c.type, c.mode) for c in coded(began_a_strike("Teachers", "teacher", "land"))}
    assert types == {("PROTEST", "strike")}


def test_a_strike_over_pay_is_a_protest_whoever_strikes() -> None:
    types = {(c.type, c.mode) for c in coded(began_a_strike("Rebels", "rebel", "pay"))}
    assert types == {("PROTEST", "strike")}


def test_an_armed_strike_stays_an_attack() -> None:
    assert {c.type for c in coded(began_a_strike("Rebels", "rebel", "land"))} == {"ASSAULT"}


def test_a_counted_crowd_marching_protests_as_the_country_it_marches_in() -> None:
    rows: list[Row] = [
        ("Thousands", 1, "nsubj", "NOUN", "NNS", "thousand"),
        ("marched", 1, "ROOT", "VERB", "VBD", "march"),
        ("in", 1, "prep", "ADP", "IN", "in"),
        ("Lima", 2, "pobj", "PROPN", "NNP", "Lima"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    (ev,) = coded(rows)
    assert (ev.type, [a.country for a in ev.actor]) == ("PROTEST", ["PER"])
