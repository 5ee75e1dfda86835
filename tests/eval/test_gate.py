"""The evaluation gate (trafilatura's eval_gate): every figure with a floor must reach it.

Floors live in one data file (resources/eval/floors.yaml) and only go up: floors.lock.yaml
records the lowest value each may take."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventline.errors import ResourceError
from eventline.eval import floors as floors_module
from eventline.eval.floors import FLOORS, LOCK, apply_floors, read_floors
from eventline.eval.report import Metric, SectionReport
from eventline.eval.runner import evaluate
from tests.conftest import GOLD, SAMPLES, SHARED, need_shared

GOLD_SECTIONS = (
    "articles",
    "entities",
    "events",
    "quotes",
    "duplicates",
    "stories",
    "claims",
    "factchecks",
)


def run(*sections: str) -> dict[str, SectionReport]:
    reports = evaluate(
        gold_path=GOLD,
        samples=SAMPLES,
        meantime=SHARED / "benchmarks" / "meantime",
        plover=SHARED / "docs" / "plover" / "PLOVER_GSR_CAMEO.txt",
        sections=sections,
    )
    return {r.section: r for r in reports}


def test_no_floor_is_below_its_locked_value() -> None:
    current, locked = read_floors(FLOORS), read_floors(LOCK)
    lowered = [
        f"{section}/{name}: {current.get(section, {}).get(name)} < {value}"
        for section, metrics in locked.items()
        for name, value in metrics.items()
        if current.get(section, {}).get(name, float("-inf")) < value
    ]
    assert not lowered, f"floors lowered or removed: {lowered}"


def test_the_floors_file_sets_floors_over_the_scorers_own() -> None:
    report = SectionReport("demo", (Metric("a", 0.5, 0.2), Metric("b", 0.5), Metric("c", 0.5)))
    applied = apply_floors(report, {"demo": {"a": 0.6, "b": 0.4}})
    assert [m.floor for m in applied.metrics] == [0.6, 0.4, None]
    assert not applied.passed  # a = 0.5 is below the file's 0.6


def test_a_malformed_floors_file_is_an_error(monkeypatch: pytest.MonkeyPatch) -> None:
    class Fake:
        def joinpath(self, _path: str) -> Fake:
            return self

        def read_text(self, encoding: str) -> str:
            return "version: 1\nevents: {recall: high}\n"

    monkeypatch.setattr(floors_module.resources, "files", lambda _pkg: Fake())
    with pytest.raises(ResourceError, match="floor must be a number"):
        read_floors(FLOORS)


@pytest.mark.slow
@pytest.mark.integration
def test_development_gold_meets_every_floor() -> None:
    need_shared()
    for section, report in run(*GOLD_SECTIONS).items():
        below = [m for m in report.metrics if m.passed is False]
        assert not below, f"{section}: {[(m.name, m.value, m.floor) for m in below]}"


@pytest.mark.slow
@pytest.mark.integration
def test_plover_gold_standard_meets_its_floors() -> None:
    need_shared()
    if not Path(SHARED / "docs" / "plover" / "PLOVER_GSR_CAMEO.txt").is_file():
        pytest.skip("PLOVER gold standard records not present")
    report = run("plover-gsr")["plover_gsr"]
    assert report.metric("type_accuracy").floor is not None
    below = [(m.name, m.value, m.floor) for m in report.metrics if m.passed is False]
    assert not below, below
