"""Render a relation timeline: table rows, CSV, and a chart (PNG or SVG).

matplotlib is imported inside `write_chart`, with the Agg backend, so that importing eventline
(and starting the CLI) never pays for it and no display is needed."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any, Literal, TextIO

from eventline.corpus.timeline import Timeline
from eventline.corpus.timeline_quad import quad_table
from eventline.csvsafe import safe_cell
from eventline.errors import OutputError

_COLOURS = {
    "verbal_cooperation": "#9ecae1",
    "material_cooperation": "#2171b5",
    "verbal_conflict": "#fdae6b",
    "material_conflict": "#d94801",
}


def _types() -> list[str]:
    return list(quad_table().types)


def timeline_table(t: Timeline) -> list[dict[str, Any]]:
    """One flat row per period: counts per quad and type, scores, top evidence with ids."""
    table = quad_table()
    rows = []
    for p in t.periods:
        row: dict[str, Any] = {
            "period": p.period,
            "start": p.start,
            "events": p.events,
            "score_mean": p.score,
            "score_sum": p.score_sum,
        }
        row |= {q.id: p.quads.get(q.id, 0) for q in table.quads}
        row |= {typ: p.types.get(typ, 0) for typ in _types()}
        row["evidence"] = " | ".join(f"{ev.text} [{', '.join(ev.articles)}]" for ev in p.evidence)
        rows.append(row)
    return rows


def _columns() -> list[str]:
    table = quad_table()
    return [
        "period", "start", "events", "score_mean", "score_sum",
        *(q.id for q in table.quads), *_types(), "evidence",
    ]  # fmt: skip


def write_csv(t: Timeline, path: Path) -> Path:
    """Write the table (header always present, even for an empty timeline)."""
    try:
        with path.open("w", encoding="utf-8", newline="") as handle:
            write_csv_to(t, handle)
    except OSError as exc:
        raise OutputError(str(path), f"cannot write CSV: {exc.strerror or exc}") from exc
    return path


def write_csv_to(t: Timeline, handle: TextIO) -> None:
    """The CSV table into an open text handle (a file, or stdout); evidence text is made
    safe from spreadsheet formulas (eventline.csvsafe)."""
    writer = csv.DictWriter(handle, fieldnames=_columns())
    writer.writeheader()
    writer.writerows({k: safe_cell(v) for k, v in row.items()} for row in timeline_table(t))


def chart_title(t: Timeline) -> str:
    arrow = "→" if t.directed else "–"
    return f"{t.a}{arrow}{t.b} relations"


def write_chart(t: Timeline, path: Path, *, fmt: Literal["png", "svg"] = "png") -> Path:
    """Bars per quad class and period, the mean PLOVER score as a line on a second axis."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    table = quad_table()
    labels = [p.period for p in t.periods]
    width = 0.8 / len(table.quads)
    fig, ax = plt.subplots(figsize=(min(14.0, max(6.0, 0.45 * len(labels) + 3)), 5.0))
    try:
        for i, quad in enumerate(table.quads):
            xs = [x + (i - 1.5) * width for x in range(len(labels))]
            counts = [p.quads.get(quad.id, 0) for p in t.periods]
            ax.bar(xs, counts, width, label=quad.label, color=_COLOURS.get(quad.id))
        step = max(1, len(labels) // 18)  # at most ~18 tick labels, however long the span
        shown = [label if i % step == 0 else "" for i, label in enumerate(labels)]
        ax.set_xticks(range(len(labels)), shown, rotation=45 if len(labels) > 8 else 0)
        ax.set_xlabel("week" if t.by == "week" else "month")
        ax.set_ylabel("events")
        ax.set_title(chart_title(t))
        score_ax = ax.twinx()
        scored = [(x, p.score) for x, p in enumerate(t.periods) if p.score is not None]
        score_ax.plot(
            [x for x, _ in scored], [s for _, s in scored], "k-o", label="mean PLOVER score"
        )
        score_ax.axhline(0, color="grey", linewidth=0.5)
        score_ax.set_ylim(-10.5, 10.5)
        score_ax.set_ylabel("conflict (−10) … cooperation (+10)")
        handles, names = ax.get_legend_handles_labels()
        more, more_names = score_ax.get_legend_handles_labels()
        ax.legend(handles + more, names + more_names, loc="upper left", fontsize="small")
        if t.undated or t.coarse:
            fig.text(0.01, 0.01, f"not shown: {t.undated} undated, {t.coarse} imprecise",
                     fontsize="x-small")  # fmt: skip
        fig.tight_layout()
        fig.savefig(path, format=fmt)
    except OSError as exc:
        raise OutputError(str(path), f"cannot write chart: {exc.strerror or exc}") from exc
    finally:
        plt.close(fig)
    return path
