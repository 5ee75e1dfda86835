"""The fresh place set loads in two halves, coordinates count within 50 km, and the held-out
half is scored without listing its misses."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventline.eval.floors import apply_floors
from eventline.eval.places import (
    EXAMPLES_FRESH,
    FRESH_SECTIONS,
    _near,
    km_between,
    load_place_examples,
    place_named,
    score_fresh_place_examples,
)
from eventline.model import Place


def test_fresh_set_loads_two_halves_of_sixty() -> None:
    day_dev, dev = load_place_examples(EXAMPLES_FRESH, half="dev")
    day_test, test = load_place_examples(EXAMPLES_FRESH, half="test")
    assert day_dev == day_test and len(dev) == len(test) == 60
    assert {e["text"] for e in dev}.isdisjoint(e["text"] for e in test)


def test_coordinates_count_within_fifty_km() -> None:
    assert km_between(0.0, 0.0, 0.0, 1.0) == pytest.approx(111.2, abs=0.2)
    expected = {"name": "Somewhere", "lat": 10.0, "lon": 20.0}
    close = Place(name="Somewhere", latitude=10.3, longitude=20.0, kind="city")
    far = Place(name="Somewhere", latitude=10.6, longitude=20.0, kind="city")
    assert _near(close, expected) and not _near(far, expected)
    assert not _near(Place(name="Somewhere", kind="city"), expected)
    assert not _near(None, expected)


@pytest.fixture(scope="module")
def nlp() -> Language:
    from eventline.nlp import load_nlp

    return load_nlp()


@pytest.mark.slow
@pytest.mark.parametrize("section", sorted(FRESH_SECTIONS))
def test_fresh_halves_meet_floors_and_the_held_out_half_lists_no_misses(
    nlp: Language, section: str
) -> None:
    report = apply_floors(score_fresh_place_examples(nlp, section))
    assert {m.name for m in report.metrics} >= {"right", "coordinates_50km"}
    for metric in report.metrics:
        assert metric.passed is not False, f"{metric.name}={metric.value:.3f}"
    if section.endswith("-test"):
        assert report.misses == ()  # held out: scored only, never read


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "named"),
    [
        # where firms in an act's complement are is not where the act happened
        ("Union leaders demanded pay in line with that of car companies in Canada.", None),
        ("The minister urged banks in Canada to cut their rates.", None),
        # a place of the act itself, or of firms acting, still counts
        ("The minister met union leaders in Canada.", "country"),
        ("Firms in Canada protested the new tariff.", "country"),
    ],
)
def test_firms_seat_names_no_place_of_the_act(nlp: Language, text: str, named: str | None) -> None:
    doc = nlp(text)
    assert place_named(doc[:]) == named
