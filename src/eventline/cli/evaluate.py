"""`eventline eval`: score the pipeline against gold data."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from eventline.cli.common import handle_errors, out

if TYPE_CHECKING:  # loaded by `eval` only, not by every command
    from rich.table import Table

    from eventline.eval.report import SectionReport

HELP_SAMPLES = "Folder of sample articles the gold describes."


def eval_command(
    gold: Annotated[Path, typer.Option(help="Gold YAML file.")] = Path(
        "../shared/gold/russia-iran.yaml"
    ),
    samples: Annotated[Path, typer.Option(help=HELP_SAMPLES)] = Path(
        "../shared/samples/russia-iran"
    ),
    meantime: Annotated[Path, typer.Option(help="MEANTIME corpus folder.")] = Path(
        "../shared/benchmarks/meantime"
    ),
    plover: Annotated[Path, typer.Option(help="PLOVER gold standard records file.")] = Path(
        "../shared/docs/plover/PLOVER_GSR_CAMEO.txt"
    ),
    section: Annotated[
        list[str] | None, typer.Option("--section", help="Only these sections (repeatable).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Machine-readable output.")] = False,
    misses: Annotated[int, typer.Option(help="Misses to print per section.")] = 50,
) -> None:
    """Run the pipeline on the samples in a temporary store and score each gold section."""
    with handle_errors():
        from eventline.cli.validate import one_of
        from eventline.eval.runner import SECTIONS, evaluate

        for name in section or ():
            one_of("--section", name, SECTIONS)
        reports = evaluate(
            gold_path=gold,
            samples=samples,
            meantime=meantime,
            plover=plover,
            sections=section or (),
        )
    if as_json:
        json.dump([asdict(r) | {"passed": r.passed} for r in reports], sys.stdout, indent=2)
        sys.stdout.write("\n")
    else:
        for report in reports:
            out.print(render_report(report, misses=misses))
    if not all(r.passed for r in reports):
        raise typer.Exit(1)


def render_report(report: SectionReport, *, misses: int) -> Table:
    from rich.table import Table
    from rich.text import Text

    table = Table("metric", "value", "floor", "", "detail", title=f"[bold]{report.section}")
    for m in report.metrics:
        mark = {True: "[green]ok", False: "[red]BELOW", None: ""}[m.passed]
        floor = "" if m.floor is None else f"{m.floor:g}"
        table.add_row(m.name, f"{m.value:.3f}", floor, mark, Text(m.detail))
    for miss in report.misses[:misses]:
        table.add_row("miss", "", "", "", Text(miss))
    return table
