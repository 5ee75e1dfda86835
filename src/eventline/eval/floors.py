"""The evaluation gate's floors, kept in one data file (resources/eval/floors.yaml).

Each section's scorer reports its figures; `apply_floors` sets every figure's floor from the
file, which wins over any floor a scorer still declares in code. The file is one mapping per
section (named as `SectionReport.section`), one number per metric. Floors only go up:
resources/eval/floors.lock.yaml records the lowest value each floor may take, and a test
(tests/eval/test_gate.py) fails when a floor in floors.yaml is below its locked value or a
locked floor disappears. Raising a floor means editing both files; lowering one is visible in
review as an edit to the lock.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from importlib import resources
from typing import Any

import yaml

from eventline.errors import ResourceError
from eventline.eval.report import SectionReport

FLOORS = "resources/eval/floors.yaml"
LOCK = "resources/eval/floors.lock.yaml"
Floors = dict[str, dict[str, float]]


def read_floors(path: str) -> Floors:
    """A validated {section: {metric: floor}} table from a packaged YAML file."""
    try:
        text = resources.files("eventline").joinpath(path).read_text(encoding="utf-8")
        data: Any = yaml.safe_load(text)
    except (OSError, yaml.YAMLError) as exc:
        raise ResourceError(path, f"cannot read: {exc}") from exc
    if not isinstance(data, dict) or data.pop("version", None) != 1:
        raise ResourceError(path, "expected a mapping with version: 1")
    table: Floors = {}
    for section, metrics in data.items():
        if not isinstance(metrics, dict):
            raise ResourceError(path, f"{section}: expected a mapping of metric: floor")
        for name, value in metrics.items():
            if not isinstance(value, int | float) or isinstance(value, bool):
                raise ResourceError(path, f"{section}/{name}: floor must be a number")
            table.setdefault(str(section), {})[str(name)] = float(value)
    return table


@cache
def floors() -> Floors:
    return read_floors(FLOORS)


def apply_floors(report: SectionReport, table: Floors | None = None) -> SectionReport:
    """The report with each metric's floor taken from the floors file when it names one."""
    wanted = (floors() if table is None else table).get(report.section, {})
    metrics = tuple(
        replace(m, floor=wanted[m.name]) if m.name in wanted else m for m in report.metrics
    )
    return replace(report, metrics=metrics)
