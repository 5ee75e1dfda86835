"""What every evaluation section returns: named figures, their floors, and each miss."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Metric:
    """One figure. `floor` is the value it must reach (None: reported only)."""

    name: str
    value: float
    floor: float | None = None
    detail: str = ""

    @property
    def passed(self) -> bool | None:
        return None if self.floor is None else self.value >= self.floor


@dataclass(frozen=True)
class SectionReport:
    section: str
    metrics: tuple[Metric, ...]
    misses: tuple[str, ...] = field(default=())

    def metric(self, name: str) -> Metric:
        for metric in self.metrics:
            if metric.name == name:
                return metric
        raise KeyError(name)

    @property
    def passed(self) -> bool:
        return all(m.passed is not False for m in self.metrics)


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1; an empty side counts as perfect, not as a division error."""
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
