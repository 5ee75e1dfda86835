"""Score the TIMEX3 normaliser on eventline's own example sentences.

Two sets, both written for eventline: resources/timex/examples.yaml covers what MEANTIME's
business news rarely shows (durations without numbers, centuries, sets, future-directed
expressions, story time, numeric dates with a locale hint, year ranges); resources/timex/
timeml.yaml covers the TimeML / TempEval-3 news conventions (fiscal years, quarters relative
to the publication date, "the past year" as a duration, "recent years", adjectival durations,
"the same period a year earlier"), whose misses MEANTIME under-represents. A prediction is
right when it overlaps a gold expression (span) and also carries its value (value); precision
counts, so the "no timex here" sentences guard against noise. The TimeML set's figures are
reported as `timeml_*` metrics of the same section.
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
TIMEML_RESOURCE = "resources/timex/timeml.yaml"


@dataclass(frozen=True)
class ExampleSentence:
    text: str
    anchor: str | None
    day_first: bool | None
    timexes: tuple[tuple[int, int, str], ...]  # start, end, value


def load_examples(resource: str = _RESOURCE, split: str | None = None) -> list[ExampleSentence]:
    """The packaged example sentences (of one `split` when given); a gold expression not found
    in its sentence fails."""
    try:
        raw = resources.files("eventline").joinpath(resource).read_text(encoding="utf-8")
        data: Any = yaml.safe_load(raw)
    except (OSError, yaml.YAMLError) as exc:
        raise ResourceError(resource, f"cannot read: {exc}") from exc
    out = []
    for entry in data.get("sentences", []):
        if split is not None and entry.get("split") != split:
            continue
        text, spans, cursor = entry["text"], [], 0
        for timex in entry.get("timexes", []):
            start = text.find(timex["text"], cursor)
            if start < 0:
                raise ResourceError(resource, f"{timex['text']!r} not in {text!r}")
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


@dataclass
class _Tally:
    predicted: int = 0
    gold: int = 0
    span_p: int = 0
    span_g: int = 0
    value_p: int = 0
    value_g: int = 0


def _score(sentences: list[ExampleSentence], misses: list[str], tag: str) -> _Tally:
    """Count one set's predictions and gold expressions; every miss goes to `misses`."""
    tally = _Tally()
    for sentence in sentences:
        predicted = find_timexes(
            sentence.text, anchor=sentence.anchor, day_first=sentence.day_first
        )
        tally.predicted += len(predicted)
        tally.gold += len(sentence.timexes)
        for p in predicted:
            touching = [g for g in sentence.timexes if _touch(p, g)]
            tally.span_p += bool(touching)
            tally.value_p += any(g[2] == p.value for g in touching)
            if not any(g[2] == p.value for g in touching):
                misses.append(f"{tag}{sentence.text[:50]!r}: predicted {p.text!r}={p.value}")
        for g in sentence.timexes:
            touching_p = [p for p in predicted if _touch(p, g)]
            tally.span_g += bool(touching_p)
            tally.value_g += any(p.value == g[2] for p in touching_p)
            if not any(p.value == g[2] for p in touching_p):
                text = sentence.text[g[0] : g[1]]
                misses.append(f"{tag}{sentence.text[:50]!r}: gold {text!r}={g[2]} not found")
    return tally


def _metrics(tally: _Tally, prefix: str, floor: float | None) -> tuple[Metric, ...]:
    span_f1, span_detail = _f1(tally.span_p, tally.predicted, tally.span_g, tally.gold)
    value_f1, value_detail = _f1(tally.value_p, tally.predicted, tally.value_g, tally.gold)
    count = f"{tally.gold} gold, {tally.predicted} predicted"
    return (
        Metric(f"{prefix}span_f1", span_f1, floor=floor, detail=span_detail),
        Metric(f"{prefix}value_f1", value_f1, floor=floor, detail=value_detail),
        Metric(f"{prefix}timex_count", float(tally.gold), detail=count),
    )


def score_timex_examples() -> SectionReport:
    """Relaxed span F1 and value F1 over both example sets, every miss listed."""
    misses: list[str] = []
    examples = _score(load_examples(), misses, "")
    timeml = _score(load_examples(TIMEML_RESOURCE), misses, "timeml ")
    return SectionReport(
        section=SECTION,
        metrics=_metrics(examples, "", 0.95) + _metrics(timeml, "timeml_", None),
        misses=tuple(misses),
    )


FRESH_RESOURCE = "resources/timex/fresh.yaml"
FRESH_SECTIONS = {"timex-fresh": "dev", "timex-fresh-test": "test"}


def score_timex_fresh(section: str) -> SectionReport:
    """Whole news articles annotated in TimeML by an annotator who did not see the code, each
    normalised against its publication date: the dev half lists its misses, the held-out half
    only its figures."""
    split = FRESH_SECTIONS[section]
    misses: list[str] = []
    tally = _score(load_examples(FRESH_RESOURCE, split), misses, "")
    return SectionReport(
        section=section.replace("-", "_"),
        metrics=_metrics(tally, "", None),
        misses=tuple(misses) if split == "dev" else (),
    )
