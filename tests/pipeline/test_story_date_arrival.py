"""Story-level dates under incremental links (`analysis.story_redate`), on both backends: a
corpus of reports of unknown day and their dated story-mates, ingested one file at a time in
several orders, is never linked in full after the first link, and ends with the story-date
rows, mention dates and events that a full link of the same store and a `relink` give.

The reports are written here (none copied from a sample). Each happening has a dated report
and one or more undated ones; one undated report is syndicated (a copy group). When the dated
report arrives after an undated story-mate, the stored undated report is re-dated in place."""

from __future__ import annotations

import json
import os
import random
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from eventline.analyse import analyse, relink
from eventline.analysis import link, state, story_redate
from eventline.model import ArticleAnalysis, Event, EventMention, Story
from eventline.pipeline import ingest, plan_sources
from eventline.settings import Settings
from eventline.store import Store
from eventline.store import schema as S

PG_SERVER = os.environ.get("EVENTLINE_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432")

DEFENCE = (
    "The Freedonian foreign minister met the Sylvanian foreign minister in Paris{when} to "
    "discuss defence spending"
)
REPORTS = [  # (name, published, title, body)
    ("defence-dated", "2025-03-14", "Freedonia and Sylvania hold defence talks",
     DEFENCE.format(when=" on Friday") + ", officials said. They agreed to meet next month."),
    ("defence-undated", None, "Ministers discuss defence",
     DEFENCE.format(when=" on Friday") + ". Freedonia said the talks were useful."),
    ("defence-wire", None, "Paris talks on defence",
     DEFENCE.format(when="") + ", a spokesman said. Both governments called the meeting "
     "constructive and promised a joint statement."),
    ("defence-wire-copy", None, "Paris talks on defence spending",
     DEFENCE.format(when="") + ", a spokesman said. Both governments called the meeting "
     "constructive and promised a joint statement."),
    ("trade-dated", "2025-05-21", "Japan and Australia sign trade accord",
     "Japan signed a trade agreement with Australia in Tokyo on Tuesday, the Japanese trade "
     "ministry said. Australia welcomed the accord."),
    ("trade-undated", None, "Trade accord signed",
     "Japan signed a trade agreement with Australia in Tokyo on Tuesday. Australian farmers "
     "welcomed the accord."),
    ("border-dated", "2025-07-09", "Kenya and Tanzania discuss a border crossing",
     "Kenya's president hosted Tanzania's president in Nairobi on Wednesday for talks on a new "
     "border crossing, his office said."),
]  # fmt: skip


@dataclass
class Corpus:
    files: list[Path]
    analyses: dict[str, ArticleAnalysis]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    """One JSONL file per report, analysed once (the per-article step is pure)."""
    tmp = tmp_path_factory.mktemp("story-dates")
    files = []
    for name, published, title, body in REPORTS:
        record = {"url": f"https://wire.test/{name}", "title": title, "body": body}
        record |= {"outlet": f"Wire {name.split('-')[-1]}", "kind": "news"}
        if published:
            record["published"] = published
        path = tmp / f"{name}.jsonl"
        path.write_text(json.dumps(record) + "\n", encoding="utf-8")
        files.append(path)
    settings = Settings(db=str(tmp / "all.db"), processes=1)
    with Store(settings.db_url) as whole:
        ingest(whole, plan_sources([str(p) for p in files])[0], settings=settings)
        analyse(whole, settings=settings)
        analyses = {a.article: a for a in state.iter_analyses(whole)}
    return Corpus(files, analyses)


@pytest.fixture(params=["sqlite", "postgresql"])
def new_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Callable[[str], str]]:
    """A fresh store URL per name: SQLite files, or schemas of a throwaway PostgreSQL
    database (skipped with the reason when none is reachable, failed under CI=true)."""
    if request.param == "sqlite":
        yield lambda name: f"sqlite:///{tmp_path}/{name}.db"
        return
    try:
        import psycopg

        admin = psycopg.connect(
            PG_SERVER.replace("postgresql+psycopg://", "postgresql://") + "/postgres",
            autocommit=True,
            connect_timeout=3,
        )
    except Exception as exc:  # any failure to reach the server means: no PostgreSQL here
        reason = f"PostgreSQL not reachable at {PG_SERVER}: {exc.__class__.__name__}"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason} (CI=true: the PostgreSQL tests must run)")
        pytest.skip(reason)
    database = f"eventline_sdates_{uuid.uuid4().hex[:8]}"
    admin.execute(f'CREATE DATABASE "{database}"')

    def schema(name: str) -> str:
        plain = f"{PG_SERVER}/{database}".replace("postgresql+psycopg://", "postgresql://")
        with psycopg.connect(plain, autocommit=True) as conn:
            conn.execute(f"CREATE SCHEMA {name}")
        return f"{PG_SERVER}/{database}?options=-csearch_path%3D{name}"

    try:
        yield schema
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
        admin.close()


def _state(store: Store) -> dict[str, Any]:
    """What story dates decide: the rows, every mention's date, the events and their dates."""
    with store.engine.connect() as conn:
        estimates = sorted(tuple(r) for r in conn.execute(select(S.story_dates)))
        own = sorted(tuple(r) for r in conn.execute(select(S.story_dated_mentions)))
    mentions = store.records("event_mentions", EventMention)
    events = store.records("events", Event)
    return {
        "estimates": estimates,
        "own": own,
        "dates": sorted((m.id, m.date, m.date_precision) for m in mentions),
        "events": sorted(
            (sorted((m.article, m.start) for m in e.mentions), e.type, e.date, e.date_precision)
            for e in events
        ),
        "stories": sorted(sorted(s.articles) for s in store.records("stories", Story)),
    }


@dataclass
class Spies:
    full_after_incremental: list[str]  # link_new gave up (it must not)
    redated: list[int]  # stored mentions each incremental link re-dated


@pytest.fixture
def spies(monkeypatch: pytest.MonkeyPatch) -> Spies:
    seen = Spies([], [])
    link_new, write = link.link_new, story_redate.write

    def counted_link(*args: Any, **kwargs: Any) -> Any:
        report = link_new(*args, **kwargs)
        if report is None:
            seen.full_after_incremental.append("link_new")
        return report

    def counted_write(writer: Any, redate: story_redate.Redate) -> None:
        seen.redated.append(len(redate.stored))
        write(writer, redate)

    monkeypatch.setattr(link, "link_new", counted_link)
    monkeypatch.setattr(story_redate, "write", counted_write)
    return seen


@pytest.mark.slow
def test_arrivals_redate_stored_reports_as_a_full_link_and_a_relink_do(
    corpus: Corpus, new_url: Callable[[str], str], spies: Spies
) -> None:
    files = corpus.files
    orders = [files, files[::-1], random.Random(5).sample(files, len(files))]
    for n, order in enumerate(orders):
        url = new_url(f"order{n}_{uuid.uuid4().hex[:6]}")
        settings = Settings(db=url, processes=1)
        with Store(url) as store:
            for path in order:
                ingest(store, plan_sources([str(path)])[0], settings=settings)
                fresh = [corpus.analyses[a.id] for a in state.pending_articles(store, "copied")]
                state.write_outcomes(store, [a.model_copy(update={"key": "copied"}) for a in fresh])
                link.link_corpus(store, settings=settings)
            arrived = _state(store)
            link.link_all(store, settings=settings, fresh=False, tick=lambda *_: None)
            assert _state(store) == arrived, f"order {n}: a full link differs"
            relink(store, settings=settings)
            assert _state(store) == arrived, f"order {n}: relink differs"
        assert spies.full_after_incremental == [], f"order {n}: fell back to a full link"
        assert len(arrived["estimates"]) == 4 and arrived["own"], f"order {n}: no story dates"
    assert any(spies.redated), "some arrival re-dated a stored report"
