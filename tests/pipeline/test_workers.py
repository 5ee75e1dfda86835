"""Three concurrent `eventline worker` processes on PostgreSQL give the one-worker result,
and no article is analysed twice (rows are claimed with FOR UPDATE SKIP LOCKED)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from eventline.model import DuplicateGroup, Event, Story
from eventline.store import Store
from tests.conftest import EXAMPLES

PG_SERVER = os.environ.get("EVENTLINE_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432")


@pytest.fixture
def pg_urls() -> Iterator[list[str]]:
    """Two throwaway databases (one per run compared)."""
    try:
        import psycopg

        dsn = PG_SERVER.replace("postgresql+psycopg://", "postgresql://") + "/postgres"
        admin = psycopg.connect(dsn, autocommit=True, connect_timeout=3)
    except Exception as exc:
        reason = f"PostgreSQL not reachable at {PG_SERVER}: {exc.__class__.__name__}"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason} (CI=true: the PostgreSQL tests must run)")
        pytest.skip(reason)
    names = [f"eventline_workers_{uuid.uuid4().hex[:8]}" for _ in range(2)]
    for name in names:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield [f"{PG_SERVER}/{name}" for name in names]
    finally:
        for name in names:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


def _eventline(url: str, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "EVENTLINE_BATCH_SIZE": "3", "EVENTLINE_PROCESSES": "1"}
    command = [str(Path(sys.executable).parent / "eventline"), "--db", url, *args]
    return subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )


def _run(url: str, *args: str) -> str:
    process = _eventline(url, *args)
    output, _ = process.communicate(timeout=600)
    assert process.returncode == 0, output
    return output


def _partitions(url: str) -> tuple[object, ...]:
    with Store(url) as store:
        return (
            {frozenset(g.members) for g in store.records("duplicate_groups", DuplicateGroup)},
            {frozenset(s.articles) for s in store.records("stories", Story)},
            {
                frozenset((m.article, m.start) for m in e.mentions)
                for e in store.records("events", Event)
            },
            store.counts()["articles"],
        )


@pytest.mark.slow
@pytest.mark.integration
def test_three_workers_equal_one(pg_urls: list[str]) -> None:
    one, three = pg_urls
    for url in pg_urls:
        _run(url, "ingest", str(EXAMPLES))
    _run(one, "worker", "--once")
    workers = [_eventline(three, "worker", "--once") for _ in range(3)]
    outputs = [w.communicate(timeout=600)[0] for w in workers]
    assert all(w.returncode == 0 for w in workers), outputs
    analysed = [int(re.search(r"worker: (\d+) articles analysed", o).group(1)) for o in outputs]  # type: ignore[union-attr]
    expected = _partitions(one)
    assert sum(analysed) == expected[3], f"each article analysed exactly once: {analysed}"
    assert sum(1 for n in analysed if n) >= 2, f"the work was shared: {analysed}"
    assert _partitions(three) == expected
