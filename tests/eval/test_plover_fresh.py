"""The fresh PLOVER set loads in two halves, its scorer counts as the held-out measures do,
and both sections report (with floors met) through the evaluation runner."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventline.eval.floors import apply_floors
from eventline.eval.plover_fresh import (
    RESOURCE_2,
    RESOURCE_3,
    SECTIONS,
    Coded,
    FreshRecord,
    GoldEvent,
    load_fresh,
    score_fresh,
    score_plover_fresh,
)
from eventline.eval.runner import SECTIONS as RUNNER_SECTIONS
from eventline.model import ActorRef, EventMention, Evidence

PLOVER_TYPES = {
    *("AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST"),
    *("ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"),
}


def test_halves_load_with_their_no_event_sentences() -> None:
    dev, test = load_fresh("dev"), load_fresh("test")
    assert len(dev) == len(test) == 127
    assert {r.id for r in dev}.isdisjoint(r.id for r in test)
    for half in (dev, test):
        assert sum(not r.events for r in half) == 22
        assert {e.type for r in half for e in r.events} <= PLOVER_TYPES


def test_second_set_has_disjoint_halves_of_plover_types() -> None:
    dev, test = load_fresh("dev", RESOURCE_2), load_fresh("test", RESOURCE_2)
    assert len(dev) >= 100 and len(test) >= 100
    assert {r.id for r in dev}.isdisjoint(r.id for r in test)
    for half in (dev, test):
        assert any(not r.events for r in half)
        assert {e.type for r in half for e in r.events} <= PLOVER_TYPES


def test_third_set_halves_balance_types_and_map_kosovo() -> None:
    dev, test = load_fresh("dev", RESOURCE_3), load_fresh("test", RESOURCE_3)
    assert len(dev) == len(test) == 120
    assert {r.id for r in dev}.isdisjoint(r.id for r in test)
    for half in (dev, test):
        assert sum(not r.events for r in half) >= 20
        assert {e.type for r in half for e in r.events} == PLOVER_TYPES
    codes = {c for r in (*dev, *test) for e in r.events for c in e.sources | e.targets}
    assert "KOS" not in codes  # the manual's Kosovo code, mapped to the coder's XKX


def test_null_code_stands_by_its_sector() -> None:
    """IS and al Qaeda carry no code; they still count, as rebels (REB)."""
    coded = [r for half in ("dev", "test") for r in load_fresh(half)]
    assert any("REB" in e.targets | e.sources for r in coded for e in r.events)


def test_sections_are_registered() -> None:
    assert set(SECTIONS) <= set(RUNNER_SECTIONS)


def _ref(code: str) -> ActorRef:
    return ActorRef(id=code.lower(), name=code, country=code)


def _event(etype: str, actor: str, recipient: str | None, start: int, end: int) -> EventMention:
    return EventMention(
        id=f"{etype}{start}",
        type=etype,
        actor=(_ref(actor),),
        recipient=(_ref(recipient),) if recipient else (),
        evidence=Evidence(article="a", sentence=0, start=start, end=end),
    )


def _record(rid: str, *events: GoldEvent) -> FreshRecord:
    return FreshRecord(id=rid, date="2021-05-04", text="made up", split="dev", events=events)


def test_scores_follow_the_held_out_definitions() -> None:
    """A found pair, a wrong recipient, a joint act without recipient and an empty sentence
    given an event (a false positive of that type)."""
    meet = GoldEvent("CONSULT", frozenset({"FRA"}), frozenset({"DEU"}), "met")
    joint = GoldEvent("AGREE", frozenset({"FRA", "DEU"}), frozenset(), "agreed")
    hit = Coded(_record("r1", meet), (_event("CONSULT", "FRA", "DEU", 0, 9),), None)
    wrong = _event("CONSULT", "FRA", "ITA", 0, 9)
    miss = Coded(_record("r2", meet), (wrong,), wrong)
    both = _event("AGREE", "DEU", None, 0, 5)
    joint_ok = Coded(_record("r3", joint), (both,), both)
    noise = _event("CONSULT", "ITA", None, 0, 3)
    empty = Coded(_record("r4"), (noise,), noise)
    report = score_fresh([hit, miss, joint_ok, empty], section="t", list_misses=True)
    assert report.metric("pair_recall").value == pytest.approx(2 / 3)
    assert report.metric("recipient_code").detail == "1/2"
    assert report.metric("main_type_accuracy").detail == "2/3"  # r1 has no primary
    assert report.metric("no_event_clean").value == 0.0
    # CONSULT: tp 2, fp 1 (r4); AGREE: tp 1 -> macro (0.8 + 1) / 2
    assert report.metric("type_macro_f1").value == pytest.approx(0.9)
    assert [m.split(":")[0] for m in report.misses] == ["r2", "r4"]
    quiet = score_fresh([hit, miss, joint_ok, empty], section="t", list_misses=False)
    assert quiet.misses == () and quiet.metrics == report.metrics


@pytest.fixture(scope="module")
def nlp() -> Language:
    from eventline.nlp import load_nlp

    return load_nlp()


@pytest.mark.slow
@pytest.mark.parametrize("section", sorted(SECTIONS))
def test_sections_report_and_meet_floors(nlp: Language, section: str) -> None:
    report = apply_floors(score_plover_fresh(nlp, section))
    assert {m.name for m in report.metrics} >= {"type_macro_f1", "pair_recall"}
    for metric in report.metrics:
        assert metric.floor is not None and metric.passed, f"{metric.name}={metric.value:.3f}"
    if section.endswith("-test"):
        assert report.misses == ()  # held out: scored only, never read
