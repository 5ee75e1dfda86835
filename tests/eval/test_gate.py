"""The evaluation gate (trafilatura's eval_gate): every figure with a floor must reach it.

Floors live in the scorers and only go up."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventline.eval.report import SectionReport
from eventline.eval.runner import evaluate
from tests.conftest import GOLD, SAMPLES, SHARED, need_shared

GOLD_SECTIONS = ("articles", "entities", "events", "quotes", "duplicates", "stories", "claims")


def run(*sections: str) -> dict[str, SectionReport]:
    reports = evaluate(
        gold_path=GOLD,
        samples=SAMPLES,
        meantime=SHARED / "benchmarks" / "meantime",
        plover=SHARED / "docs" / "plover" / "PLOVER_GSR_CAMEO.txt",
        sections=sections,
    )
    return {r.section: r for r in reports}


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
    assert report.metric("type_accuracy").value >= 0.60
    assert report.metric("actor_country").value >= 0.70
