"""The actor checks file: valid, large enough, its dates and codes well-formed."""

from __future__ import annotations

from datetime import date

import pytest

from eventline.eval.actor_checks import (
    FRESH_2_SECTIONS,
    FRESH_SECTIONS,
    Outcome,
    load_checks,
    load_fresh_checks,
)
from eventline.nlp.kb import _iso_codes
from eventline.nlp.sectors import load_sectors


def test_checks_are_many_and_well_formed() -> None:
    checks = load_checks()
    assert len(checks.names) + len(checks.descriptors) >= 150
    sectors = load_sectors().export
    for name, day, country, sector in checks.names:
        date.fromisoformat(day)
        assert country is None or country in _iso_codes(), name
        assert sector in sectors, name
    assert len({(n, d) for n, d, _, _ in checks.names}) == len(checks.names)


def test_a_sector_counts_only_with_its_country() -> None:
    assert not Outcome("x", ("FRA", "GOV"), ("DEU", "GOV")).sector_ok
    assert Outcome("x", (None, "IGO"), (None, "IGO")).sector_ok


@pytest.mark.slow
def test_actor_checks_meet_their_floors() -> None:
    from eventline.eval.actor_checks import score_actor_checks
    from eventline.eval.floors import apply_floors
    from eventline.nlp import load_nlp

    report = apply_floors(score_actor_checks(load_nlp()))
    assert all(m.floor is not None for m in report.metrics)
    below = [(m.name, m.value, m.floor) for m in report.metrics if m.passed is False]
    assert not below, below


def test_fresh_checks_are_two_well_formed_halves() -> None:
    fresh = load_fresh_checks()
    sectors = load_sectors().export
    halves = [fresh.names_dev, fresh.names_test]
    assert min(len(h) for h in halves) >= 150
    for half in halves:
        for name, day, country, sector in half:
            date.fromisoformat(day)
            assert country is None or country in _iso_codes(), name
            assert sector in sectors, name
        assert len({(n, d) for n, d, _, _ in half}) == len(half)
    assert set(FRESH_SECTIONS.values()) == {"names_dev", "names_test"}


def test_second_fresh_set_is_two_well_formed_halves() -> None:
    fresh = load_fresh_checks("checks_fresh_2.yaml")
    sectors = load_sectors().export
    for half in (fresh.names_dev, fresh.names_test):
        assert len(half) >= 100
        for name, day, country, sector in half:
            date.fromisoformat(day)
            assert country is None or country in _iso_codes(), name
            assert sector in sectors, name
        assert len({(n, d) for n, d, _, _ in half}) == len(half)
    assert set(FRESH_2_SECTIONS.values()) == {"names_dev", "names_test"}


@pytest.mark.slow
def test_fresh_actor_checks_meet_their_floors() -> None:
    from eventline.eval.actor_checks import score_fresh_actor_checks
    from eventline.eval.floors import apply_floors
    from eventline.nlp import load_nlp

    nlp = load_nlp()
    for section in [*FRESH_SECTIONS, *FRESH_2_SECTIONS]:
        report = apply_floors(score_fresh_actor_checks(nlp, section))
        assert all(m.floor is not None for m in report.metrics), section
        below = [(m.name, m.value, m.floor) for m in report.metrics if m.passed is False]
        assert not below, (section, below)
