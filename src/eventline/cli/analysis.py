"""Commands over the analysis: analyse, actors, events, quotes, code, dates."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.markup import escape

from eventline.cli import validate
from eventline.cli.common import State, clip, err, handle_errors, out
from eventline.cli.repair import progress_bar
from eventline.cli.timeline import timeline_command

if TYPE_CHECKING:  # records, queries and tables load in the commands that print them: an
    # `analyse` with nothing new prints one line (#10)
    from rich.table import Table

    from eventline.model import ActorRef
    from eventline.public import EventOut

actors_app = typer.Typer(help="List canonical actors, or check an actor file.")


def _json_lines(records: Iterable[dict[str, Any]]) -> None:
    for record in records:
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")


def _table(*columns: str) -> Table:
    from rich.table import Table

    table = Table(box=None, header_style="bold")
    for column in columns:
        table.add_column(column, overflow="fold")
    return table


def _refs(refs: list[dict[str, Any]]) -> str:
    return ", ".join(f"{r['name']} ({r.get('country') or '-'})" for r in refs)


def analyse_command(
    ctx: typer.Context,
    processes: Annotated[
        int | None, typer.Option(min=1, help="Worker processes (env EVENTLINE_PROCESSES).")
    ] = None,
) -> None:
    """Find actors, events, quotes, duplicates, stories and claims in every stored article."""
    from eventline.analyse import analyse
    from eventline.cli.repair import print_report

    state: State = ctx.obj
    settings = state.settings.model_copy(
        update={"processes": processes or state.settings.processes}
    )
    with handle_errors(), state.open_store() as store, progress_bar() as progress:
        report = analyse(store, settings=settings, progress=progress)
    print_report(report)  # H7: one summary line shared with relink, delete and update


@actors_app.callback(invoke_without_command=True)
def actors(
    ctx: typer.Context,
    country: Annotated[
        str | None, typer.Option(help="Only actors of this country: ISO3 code or name.")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
) -> None:
    """List canonical actors with type, country, sector, roles, aliases and mention counts."""
    if ctx.invoked_subcommand is not None:
        return
    from eventline.queries import find_actors

    state: State = ctx.obj
    with handle_errors():
        code = validate.country("--country", country)  # H5: option validation
    with handle_errors(), state.open_store() as store:
        page = find_actors(store, country=code, limit=None)
    records = [a.model_dump(mode="json") for a in page.data]
    if not records:  # H5: an empty answer says what was searched
        err.print(f"no actors{' of ' + code if code else ''} in the store")
        return
    if as_json:
        _json_lines(records)
        return
    table = _table("name", "type", "country", "sector", "role", "mentions", "aliases")
    for r in records:
        table.add_row(
            escape(r["name"]), r["type"], r["country"] or "", r["sector"] or "",
            escape(r["role"] or ""), str(len(r["mentions"])),
            escape(", ".join(r["aliases"][:6])),
        )  # fmt: skip
    out.print(table)


@actors_app.command("check")
def actors_check(
    path: Annotated[Path, typer.Argument(help="An actor knowledge-base YAML file.")],
) -> None:
    """Validate a user actor file before passing it to eventline."""
    from eventline.nlp import validate_kb_file

    with handle_errors():
        problems = validate_kb_file(path)
    for problem in problems:
        err.print(f"[red]{escape(str(path))}[/red]: {escape(problem)}")
    if problems:
        raise typer.Exit(1)
    err.print(f"{escape(str(path))}: valid")


def events_command(
    ctx: typer.Context,
    actor: Annotated[str | None, typer.Option(help="Actor: ISO3 code, actor id or name.")] = None,
    recipient: Annotated[
        str | None, typer.Option(help="Recipient: ISO3 code, actor id or name.")
    ] = None,
    type_: Annotated[str | None, typer.Option("--type", help="PLOVER event type.")] = None,
    since: Annotated[
        str | None, typer.Option(help="Only events dated on or after (YYYY[-MM[-DD]]).")
    ] = None,
    until: Annotated[
        str | None, typer.Option(help="Only events dated on or before (YYYY[-MM[-DD]]).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
) -> None:
    """List events (merged across articles once `eventline analyse` has run)."""
    from eventline.queries import find_events, iter_all

    state: State = ctx.obj
    with handle_errors(), state.open_store() as store:
        # --- H5: option validation
        since = validate.iso_date("--since", since)
        until = validate.iso_date("--until", until)
        type_ = validate.event_type(type_)
        who = validate.resolve_actor(store, "--actor", actor)
        whom = validate.resolve_actor(store, "--recipient", recipient)
        # ---
        found = iter_all(
            find_events, store, actor=who.key if who else None,
            recipient=whom.key if whom else None, type=type_, since=since, until=until,
        )  # fmt: skip
        shown = _show_events(found, as_json=as_json)
    if not shown:  # H5: an empty answer says what was searched
        asked = validate.searched(
            actor=actor, recipient=recipient, type_=type_, since=since, until=until
        )
        err.print(f"no events match {escape(asked)}")


def _show_events(events: Iterable[EventOut], *, as_json: bool) -> int:
    """Print events as they are read (JSON lines stream; a table is printed at the end);
    returns how many."""
    shown = 0
    table = _table("date", "type", "mode", "actor", "recipient", "modality", "sources", "evidence")
    for event in events:
        shown += 1
        r = event.model_dump(mode="json")
        if as_json:
            _json_lines([r])
            continue
        evidence = r["mentions"][0].get("text", "") if r["mentions"] else ""
        table.add_row(
            r["date"] or "", r["type"], r["mode"] or "", escape(_refs(r["actor"])),
            escape(_refs(r["recipient"])), r["modality"], str(r["sources"]),
            escape(clip(evidence, 120)),
        )  # fmt: skip
    if shown and not as_json:
        out.print(table)
    return shown


def quotes_command(
    ctx: typer.Context,
    speaker: Annotated[str | None, typer.Option(help="Speaker name (substring).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
) -> None:
    """List quotations with their speakers."""
    from eventline.queries import find_quotes

    state: State = ctx.obj
    with handle_errors(), state.open_store() as store:
        kept = find_quotes(store, speaker=speaker, limit=None).data
    if not kept:  # H5: an empty answer says what was searched
        err.print(f"no quotes match {escape(validate.searched(speaker=speaker))}")
        return
    if as_json:
        _json_lines(q.model_dump(mode="json") for q in kept)
        return
    table = _table("speaker", "direct", "text")
    for q in kept:
        table.add_row(
            escape(_speaker_name(q.speaker, q.speaker_text)), str(q.direct), escape(q.text)
        )
    out.print(table)


def _speaker_name(ref: ActorRef | None, text: str | None) -> str:
    return ref.name if ref is not None else (text or "")


def code_command(
    sentence: Annotated[str, typer.Argument(help="One sentence (or a short text) to code.")],
    date: Annotated[str | None, typer.Option(help="Publication date, YYYY[-MM[-DD]].")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
) -> None:
    """Code one sentence into PLOVER events (no store needed)."""
    from eventline.events import code_text
    from eventline.nlp import load_nlp

    with handle_errors():
        date = validate.iso_date("--date", date)  # H5: option validation
        coded = code_text(load_nlp(), sentence, published=date)
    records = [e.model_dump(mode="json") for e in coded.events]
    if as_json:
        _json_lines(records)
        return
    if not records:
        err.print("no event found")
        return
    out.print(coded_table(records))


def coded_table(records: list[dict[str, Any]]) -> Table:
    """The coded events with their GDELT-comparable fields (CAMEO code, Goldstein score) and,
    when a speech act carries one, the embedded action (`content`): "threatened to recall its
    ambassador" is THREATEN, and what was threatened is only visible there."""
    with_content = any(r.get("content") for r in records)
    columns = ["type", "mode", "actor", "recipient", "date", "modality", "trigger", "cameo",
               "goldstein", *(["content"] if with_content else [])]  # fmt: skip
    table = _table(*columns)
    for r in records:
        goldstein = r.get("goldstein")
        row = [
            r["type"], r["mode"] or "", escape(_refs(r["actor"])), escape(_refs(r["recipient"])),
            r["date"] or "", r["modality"], escape(r["trigger"]), r.get("cameo") or "",
            "" if goldstein is None else f"{goldstein:+.1f}",
        ]  # fmt: skip
        if with_content:
            row.append(escape(r.get("content") or ""))
        table.add_row(*row)
    return table


def dates_command(
    text: Annotated[str, typer.Argument(help="Text whose temporal expressions to normalise.")],
    published: Annotated[str, typer.Option(help="Anchor: YYYY[-MM[-DD]] or --MM-DD.")],
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
) -> None:
    """Normalise the dates and times in any text against a publication date."""
    from dataclasses import asdict

    from eventline.events.timex import find_timexes

    with handle_errors():
        anchor = (
            validate.iso_date("--published", published, monthday=True, day_only=True) or published
        )  # H5
        found = find_timexes(text, anchor=anchor)
    if as_json:
        _json_lines(asdict(t) for t in found)
        return
    table = _table("text", "type", "value", "start", "end")
    for t in found:
        table.add_row(escape(t.text), t.type, t.value, str(t.start), str(t.end))
    out.print(table)


def register(app: typer.Typer) -> None:
    app.command("analyse")(analyse_command)
    app.add_typer(actors_app, name="actors")
    app.command("events")(events_command)
    app.command("quotes")(quotes_command)
    app.command("code")(code_command)
    app.command("dates")(dates_command)
    app.command("timeline")(timeline_command)
