"""Score the TIMEX3 normaliser on eventline's own example sentences (resources/timex/examples.yaml).

The sentences cover what MEANTIME's business news rarely shows: durations without numbers,
centuries, sets, future-directed expressions, story time, numeric dates with a locale hint and
year ranges. A prediction is right when it overlaps a gold expression (span) and also carries
its value (value); precision counts, so the "no timex here" sentences guard against noise.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from typing import Any

import yaml

from eventline.errors import ResourceError
from eventline.eval.report import Metric, SectionReport
from eventline.events.timex import TimexMatch, find_timexes

SECTION = "timex_examples"
_RESOURCE = "resources/timex/examples.yaml"


@dataclass(frozen=True)
class ExampleSentence:
    text: str
    anchor: str | None
    day_first: bool | None
    timexes: tuple[tuple[int, int, str], ...]  # start, end, value


def load_examples() -> list[ExampleSentence]:
    """The packaged example sentences; a gold expression not found in its sentence fails."""
    try:
        raw = resources.files("eventline").joinpath(_RESOURCE).read_text(encoding="utf-8")
        data: Any = yaml.safe_load(raw)
    except (OSError, yaml.YAMLError) as exc:
        raise ResourceError(_RESOURCE, f"cannot read: {exc}") from exc
    out = []
    for entry in data.get("sentences", []):
        text, spans, cursor = entry["text"], [], 0
        for timex in entry.get("timexes", []):
            start = text.find(timex["text"], cursor)
            if start < 0:
                raise ResourceError(_RESOURCE, f"{timex['text']!r} not in {text!r}")
            cursor = start + len(timex["text"])
            spans.append((start, cursor, str(timex["value"])))
        out.append(ExampleSentence(text, entry.get("anchor"), entry.get("day_first"), tuple(spans)))
    return out


def _touch(p: TimexMatch, gold: tuple[int, int, str]) -> bool:
    return p.start < gold[1] and gold[0] < p.end


def _f1(right_p: int, predicted: int, right_g: int, gold: int) -> tuple[float, str]:
    precision = right_p / predicted if predicted else 1.0
    recall = right_g / gold if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return f1, f"P {precision:.3f} R {recall:.3f}"


def score_timex_examples() -> SectionReport:
    """Relaxed span F1 and value F1 over the example sentences, every miss listed."""
    n_pred = n_gold = span_p = span_g = value_p = value_g = 0
    misses: list[str] = []
    for sentence in load_examples():
        predicted = find_timexes(
            sentence.text, anchor=sentence.anchor, day_first=sentence.day_first
        )
        n_pred, n_gold = n_pred + len(predicted), n_gold + len(sentence.timexes)
        for p in predicted:
            touching = [g for g in sentence.timexes if _touch(p, g)]
            span_p += bool(touching)
            value_p += any(g[2] == p.value for g in touching)
            if not any(g[2] == p.value for g in touching):
                misses.append(f"{sentence.text[:50]!r}: predicted {p.text!r}={p.value}")
        for g in sentence.timexes:
            touching_p = [p for p in predicted if _touch(p, g)]
            span_g += bool(touching_p)
            value_g += any(p.value == g[2] for p in touching_p)
            if not any(p.value == g[2] for p in touching_p):
                text = sentence.text[g[0] : g[1]]
                misses.append(f"{sentence.text[:50]!r}: gold {text!r}={g[2]} not found")
    span_f1, span_detail = _f1(span_p, n_pred, span_g, n_gold)
    value_f1, value_detail = _f1(value_p, n_pred, value_g, n_gold)
    return SectionReport(
        section=SECTION,
        metrics=(
            Metric("span_f1", span_f1, floor=0.95, detail=span_detail),
            Metric("value_f1", value_f1, floor=0.95, detail=value_detail),
            Metric("timex_count", float(n_gold), detail=f"{n_gold} gold, {n_pred} predicted"),
        ),
        misses=tuple(misses),
    )
