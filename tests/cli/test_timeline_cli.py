"""`eventline timeline` reads its figures from the query layer: its CSV agrees with
`eventline.queries.dyad_timeline` on the same store, period by period."""

from __future__ import annotations

import csv
import io
import random
from pathlib import Path

import pytest
from typer.testing import CliRunner

from eventline.cli.app import app
from eventline.corpus.timeline_quad import quad_table
from eventline.model import ActorRef, Event, Evidence
from eventline.queries import dyad_timeline
from eventline.store import Store
from tests.store.corpus import build

COUNTRIES = ("RUS", "IRN", "USA")
TYPES = ("CONSULT", "ACCUSE", "AID", "THREATEN")


def _ref(country: str) -> ActorRef:
    return ActorRef(id=f"act_{country.lower()}", name=country, country=country)


def _events(article: str, n: int, *, joint: bool = False) -> list[Event]:
    """Random events between a few countries: dated to the day or month, undated, some
    not asserted, with several sources, so that every column of the CSV is exercised. With
    `joint`, some events have both countries as actors and no recipient ("X and Y signed"),
    and some are dated by their report."""
    rng = random.Random(5)
    events = []
    precisions = ("day", "day", "month", None, "report") if joint else ("day", "day", "month", None)
    for i in range(n):
        actor, recipient = rng.sample(COUNTRIES, 2)
        together = joint and rng.random() < 0.2
        precision = rng.choice(precisions)
        month = f"2025-{rng.randint(1, 5):02d}"
        full = f"{month}-{rng.randint(1, 28):02d}"
        day = {"day": full, "report": full, "month": month, None: None}[precision]
        text = f"{actor} and {recipient}, event {i}."
        events.append(
            Event(
                id=f"evt_{i:04d}", type=rng.choice(TYPES), date=day, date_precision=precision,
                modality=rng.choice(("asserted", "asserted", "asserted", "planned")),
                actor=(_ref(actor), _ref(recipient)) if together else (_ref(actor),),
                recipient=() if together else (_ref(recipient),),
                mentions=(Evidence(article=article, sentence=0, start=0, end=1, text=text),),
                sources=rng.randint(1, 4),
            )
        )  # fmt: skip
    return events


def _store(path: Path, *, joint: bool) -> Path:
    corpus = build()
    with Store(f"sqlite:///{path}") as store:
        store.write_document(corpus.document, corpus.articles)
        events = _events(corpus.articles[0].id, 120, joint=joint)
        records = dict(corpus.records) | {"events": events}
        store.replace_analysis(records, {})  # type: ignore[arg-type]
    return path


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return _store(tmp_path / "s.db", joint=False)


@pytest.fixture
def db_joint(tmp_path: Path) -> Path:
    return _store(tmp_path / "j.db", joint=True)


@pytest.mark.parametrize(("by", "directed"), [("month", False), ("week", False), ("month", True)])
def test_csv_equals_dyad_timeline(db: Path, by: str, directed: bool) -> None:
    args = ["--db", str(db), "timeline", "RUS", "IRN", "--by", by, "--format", "csv"]
    result = CliRunner().invoke(app, [*args, "--directed"] if directed else args)
    assert result.exit_code == 0, result.output
    rows = {r["period"]: r for r in csv.DictReader(io.StringIO(result.stdout))}
    with Store(f"sqlite:///{db}") as store:
        expected = dyad_timeline(store, "RUS", "IRN", by=by, directed=directed)  # type: ignore[arg-type]
    assert expected.periods, "the store must hold events of this dyad"
    quads = [q.id for q in quad_table().quads]
    for period in expected.periods:
        row = rows.pop(period.period)
        assert int(row["events"]) == period.events
        assert (float(row["score_mean"]) if row["score_mean"] else None) == period.score
        assert float(row["score_sum"]) == period.score_sum
        assert {q: int(row[q]) for q in quads} == {q: period.quads.get(q, 0) for q in quads}
        assert {t: int(row[t]) for t in TYPES if row[t] != "0"} == period.types
        assert row["evidence"], period.period  # every period with events shows a sentence
    # what is left are the quiet periods between two busy ones, shown as zeros
    assert all(r["events"] == "0" and not r["evidence"] for r in rows.values())


@pytest.mark.parametrize("by", ["month", "week"])
def test_csv_is_unchanged_from_the_python_timeline(db_joint: Path, by: str) -> None:
    """The query layer (with the joint, recipient-less events read apart, and events dated by
    their report) and `build_timeline` over all records give the very same CSV, evidence and
    quiet periods included."""
    db = db_joint
    from eventline.corpus.timeline import build_timeline
    from eventline.corpus.timeline_render import write_csv_to
    from eventline.corpus.timeline_store import store_timeline

    args = ["--db", str(db), "timeline", "IRN", "RUS", "--by", by, "--format", "csv"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    with Store(f"sqlite:///{db}") as store:
        events = store.records("events", Event)
        for directed in (False, True):
            ours = store_timeline(store, "IRN", "RUS", by=by, directed=directed)  # type: ignore[arg-type]
            theirs = build_timeline(events, "IRN", "RUS", by=by, directed=directed)  # type: ignore[arg-type]
            assert ours == theirs  # undated, too coarse and not asserted counts included
    expected = io.StringIO()
    write_csv_to(build_timeline(events, "IRN", "RUS", by=by), expected)  # type: ignore[arg-type]
    assert result.stdout.splitlines() == expected.getvalue().splitlines()
