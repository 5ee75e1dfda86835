"""Honest answers: corrected metadata is taken, `articles --json` says what `export` says,
counts read as English, help texts survive rich, evidence is cut at a word."""

from __future__ import annotations

import json
import re
from pathlib import Path

from rich.console import Console

from eventline.cli.common import clip, plural
from eventline.cli.summary import render_summary
from eventline.store import Store
from tests.hostile.helpers import ACCORD, articles_json, cli


def test_reingest_with_new_metadata_updates_it(db: Path, tmp_path: Path) -> None:
    source = tmp_path / "accord.txt"
    source.write_text(ACCORD.replace("MOSCOW, June 3, 2025 - ", ""))
    assert cli(db, "ingest", str(source)).code == 0
    again = cli(db, "ingest", str(source))
    assert again.code == 0 and "1 unchanged" in again.err and "updated" not in again.err
    fixed = cli(db, "ingest", str(source), "--published", "2025-06-03", "--outlet", "Test Wire")
    assert fixed.code == 0 and "1 metadata updated" in fixed.err
    row = next(a for a in articles_json(db) if a["source_path"] == str(source))
    assert row["published"] == "2025-06-03" and row["outlet"] == "Test Wire"
    same = cli(db, "ingest", str(source), "--published", "2025-06-03")
    assert "1 unchanged" in same.err, "flags equal to the stored ones change nothing"
    row_after = next(a for a in articles_json(db) if a["source_path"] == str(source))
    assert row_after["outlet"] == "Test Wire", "a flag not given again is kept"


def test_articles_json_fills_story_and_duplicate_group_as_export(db: Path, tmp_path: Path) -> None:
    listed = {a["id"]: a for a in articles_json(db)}
    assert cli(db, "export", str(tmp_path / "out")).code == 0
    lines = (tmp_path / "out" / "articles.jsonl").read_text().splitlines()
    exported = {a["id"]: a for a in map(json.loads, lines)}
    assert listed == exported
    assert any(a["duplicate_group"] for a in listed.values()), "the accord copy is grouped"
    assert all(a["story"] for a in listed.values())


def test_counts_read_as_english() -> None:
    assert plural(1, "claim") == "1 claim" and plural(2, "claim") == "2 claims"
    assert plural(1, "story", "stories") == "1 story" and plural(0, "row") == "0 rows"


def test_export_and_analyse_lines_use_singulars(db: Path, tmp_path: Path) -> None:
    run = cli(db, "export", str(tmp_path / "out"))
    assert not re.search(r"\b1 rows\b", run.err) and re.search(r"\b1 row\b|\b\d+ rows\b", run.err)
    analysed = cli(db, "analyse")
    assert not re.search(r"\b1 (claims|stories|articles|events|quotes)\b", analysed.err)


def test_evidence_is_cut_at_a_word_boundary() -> None:
    text = "Russian officials rejected the accusation and said the strikes hit military targets"
    cut = clip(text, 40)
    assert len(cut) <= 40 and cut.endswith("…")
    assert text.startswith(cut[:-1]) and text[len(cut) - 1] == " "
    assert clip("short", 40) == "short"


def test_help_texts_keep_their_words() -> None:
    for args in (["--help"], ["analyse", "--help"], ["ingest", "--help"]):
        run = cli(None, *args)
        assert run.code == 0
        assert not re.search(r"\w \.", run.out), f"a word lost before a full stop: {run.out}"
    assert "EVENTLINE_DB" in cli(None, "--help").out
    assert "EVENTLINE_PROCESSES" in cli(None, "analyse", "--help").out


def test_summary_fits_80_columns(db: Path) -> None:
    console = Console(width=80, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
    with Store(f"sqlite:///{db}") as store:
        console.print(render_summary(store, title="store"))
    lines = console.export_text().splitlines()
    assert all(len(line) <= 80 for line in lines)
    table_lines = lines[: lines.index(next(x for x in lines if " documents, " in x))]
    assert not any(line.startswith(" ") and line.strip() in ("(RUS)", "(IRN)") for line in lines)
    assert len(table_lines) < 40


def test_summary_says_how_many_events_lack_a_year(tmp_path: Path) -> None:
    db = tmp_path / "yearless.db"
    yearless = tmp_path / "yearless.txt"
    yearless.write_text(
        "Grain talks\n\nMOSCOW, June 3 - Russia pledged on Tuesday to supply Iran with wheat.\n"
    )
    assert cli(db, "ingest", str(yearless)).code == 0
    assert cli(db, "analyse").code == 0
    run = cli(db, "summary")
    assert run.code == 0
    assert "outlets" in run.out and "events by type" in run.out, "titles are not cut"
    assert re.search(r"\d+ events? without a year .*--published", " ".join(run.out.split()))


def test_a_corrected_date_reaches_the_events(tmp_path: Path) -> None:
    """The issue's case: a dateline without a year gives yearless events; re-ingesting the
    same bytes with --published corrects the metadata, and the next analyse dates them."""
    db = tmp_path / "fix.db"
    text = tmp_path / "grain.txt"
    text.write_text(
        "Grain talks\n\nMOSCOW, June 3 - Russia pledged on Tuesday to supply Iran with wheat.\n"
    )
    assert cli(db, "ingest", str(text)).code == 0 and cli(db, "analyse").code == 0
    before = [json.loads(x)["date"] for x in cli(db, "events", "--json").out.splitlines()]
    assert before and not any((d or "").startswith("2025") for d in before)
    fixed = cli(db, "ingest", str(text), "--published", "2025-06-05")
    assert "1 metadata updated" in fixed.err
    assert cli(db, "analyse").code == 0
    after = [json.loads(x)["date"] for x in cli(db, "events", "--json").out.splitlines()]
    assert after and all((d or "").startswith("2025-06") for d in after), after


def test_an_empty_store_says_so(tmp_path: Path) -> None:
    db = tmp_path / "empty.db"
    run = cli(db, "articles")
    assert run.code == 0 and run.out == "" and f"no articles in {db}" in run.err
    run = cli(db, "events", "--type", "consult")
    assert run.code == 0 and "no events match --type 'CONSULT'" in run.err


def test_articles_json_shows_a_listing_pages_items_as_export(tmp_path: Path) -> None:
    cards = "".join(
        f'<div class="card"><h3><a href="https://news.example/2025/06/0{n}/story-{n}">Ministers '
        f"meet again over grain exports, round {n}</a></h3><p>Officials said the round {n} talks"
        f" covered rail tariffs.</p><time datetime='2025-06-0{n}'>June {n}</time></div>"
        for n in (3, 4, 5, 6)
    )
    page = tmp_path / "trade.html"
    page.write_text(f"<html><body><h1>Trade</h1>{cards}</body></html>", encoding="utf-8")
    db = tmp_path / "t.db"
    assert cli(db, "ingest", str(page)).code == 0
    (listed,) = articles_json(db)
    assert cli(db, "export", str(tmp_path / "out")).code == 0
    (exported,) = map(json.loads, (tmp_path / "out" / "articles.jsonl").read_text().splitlines())
    assert len(exported["items"]) == 4
    assert listed["items"] == exported["items"]
