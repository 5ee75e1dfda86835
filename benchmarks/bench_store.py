"""Store query latency on a large synthetic store, SQLite and PostgreSQL: p50/p95 of

- `find_events` by dyad and a one-year date range (first page of 50, with the total count),
- `dyad_timeline` by month over the whole store,
- full-text `search` returning 20 hits.

    .venv/bin/python benchmarks/bench_store.py --events 100000 [--backend sqlite postgresql]
        [--pg postgresql://postgres@127.0.0.1:5432] [--runs 200]

Events are written through the store's own write path (`Writer.upsert_events`, so the party,
dyad and link rows are the real ones); articles and the evidence text the full-text index
covers are bulk-inserted rows. Countries follow a Zipf-like law (a few, like the USA, are in
most events), dates spread over ten years, 10 % are month- or year-precise or undated. The
PostgreSQL database is created for the run and dropped after it."""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from eventline.model import ActorRef, Event, Evidence
from eventline.queries import dyad_timeline, find_events, search
from eventline.store import Store
from eventline.store import schema as S

TYPES = ("CONSULT", "AGREE", "SUPPORT", "COOPERATE", "AID", "REQUEST", "ACCUSE", "REJECT",
         "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")  # fmt: skip
COUNTRIES = ("USA", "RUS", "CHN", "UKR", "IRN", "ISR", "GBR", "FRA", "DEU", "TUR", "IND", "PAK",
             "SAU", "QAT", "EGY", "SYR", "IRQ", "JPN", "KOR", "PRK", "BRA", "MEX", "ZAF", "NGA",
             "ETH", "KEN", "POL", "ITA", "ESP", "CAN", "AUS", "IDN", "VNM", "PHL", "AFG",
             "LBN", "JOR", "ARE", "OMN", "YEM")  # fmt: skip
WEIGHTS = [1 / (rank + 1) for rank in range(len(COUNTRIES))]
VERBS = {"CONSULT": "met", "AGREE": "agreed with", "SUPPORT": "backed", "COOPERATE": "worked with",
         "AID": "sent aid to", "REQUEST": "asked", "ACCUSE": "accused", "REJECT": "rejected",
         "THREATEN": "threatened", "PROTEST": "protested against", "SANCTION": "sanctioned",
         "MOBILIZE": "mobilised against", "COERCE": "expelled diplomats of",
         "ASSAULT": "struck"}  # fmt: skip
_VOCAB = (
    "talks border ministers summit nuclear oil grain ports sanctions envoy ceasefire drones "
    "pipeline election parliament embassy trade tariffs troops refugees loans satellite "
    "harbour airbase treaty vaccine wheat gas corridor militia negotiators inspectors reactor "
    "shipping convoy strait currency reserves bonds debt"
)
WORDS = _VOCAB.split()
START = date(2015, 1, 1)


def _ref(country: str) -> ActorRef:
    return ActorRef(id=f"act_{country.lower()}", name=country, country=country)


def _date(rng: random.Random) -> tuple[str | None, str | None]:
    day = START + timedelta(days=rng.randrange(3650))
    roll = rng.random()
    if roll < 0.90:
        return day.isoformat(), "day"
    if roll < 0.96:
        return day.isoformat()[:7], "month"
    if roll < 0.98:
        return str(day.year), "year"
    return None, None


def synthetic_events(n: int, *, articles: int, seed: int) -> Iterator[tuple[Event, str]]:
    """(event, evidence sentence) pairs."""
    rng = random.Random(seed)
    for i in range(n):
        a, b = rng.choices(COUNTRIES, WEIGHTS, k=2)
        while b == a:
            b = rng.choices(COUNTRIES, WEIGHTS)[0]
        kind = rng.choice(TYPES)
        when, precision = _date(rng)
        sentence = f"{a} {VERBS[kind]} {b} over {' '.join(rng.sample(WORDS, 6))}."
        article = f"art_{rng.randrange(articles):08d}"
        evidence = Evidence(article=article, sentence=0, start=0, end=len(sentence))
        yield (
            Event(
                id=f"evt_{i:09d}", type=kind, date=when, date_precision=precision,
                actor=(_ref(a),), recipient=(_ref(b),) if rng.random() < 0.9 else (),
                mentions=(evidence,),
            ),
            sentence,
        )  # fmt: skip


def fill(store: Store, *, events: int, articles: int, seed: int = 1) -> float:
    """Write the synthetic store; returns seconds taken."""
    start = time.perf_counter()
    now = datetime.now(UTC)
    with store.batch() as w:
        w.conn.execute(
            S.documents.insert(),
            [{"id": "doc_bench", "source_path": "bench", "format": "jsonl", "encoding": "utf-8",
              "raw": b"", "text": "", "meta": {"items": [], "hints": {}}, "ingested_at": now}],
        )  # fmt: skip
        rows = []
        for n in range(articles):
            day = (START + timedelta(days=n * 3650 // articles)).isoformat()
            rows.append(
                {"id": f"art_{n:08d}", "document_id": "doc_bench", "item": n + 1,
                 "kind": "news", "title": f"Report {n}", "outlet": f"Outlet {n % 50}",
                 "published": day, "data": {}}
            )  # fmt: skip
            if len(rows) == 10_000:
                w.conn.execute(S.articles.insert(), rows)
                rows = []
        if rows:
            w.conn.execute(S.articles.insert(), rows)
    batch: list[tuple[Event, str]] = []
    for pair in synthetic_events(events, articles=articles, seed=seed):
        batch.append(pair)
        if len(batch) == 20_000:
            _write(store, batch)
            batch = []
    if batch:
        _write(store, batch)
    return time.perf_counter() - start


def _write(store: Store, batch: list[tuple[Event, str]]) -> None:
    with store.batch() as w:
        w.upsert_events([e for e, _ in batch], links={})
        w.conn.execute(
            S.search_docs.insert(),
            [{"kind": "evidence", "ref_id": e.id, "article_id": e.mentions[0].article,
              "text": text} for e, text in batch],
        )  # fmt: skip


def timed(fn: Callable[[], Any], runs: int) -> tuple[float, float]:
    fn()  # warm the caches once, as a server would be
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[int(0.95 * (len(times) - 1))]


def measure(store: Store, *, runs: int, seed: int = 2) -> dict[str, tuple[float, float]]:
    rng = random.Random(seed)
    top = COUNTRIES[:8]

    def dyad() -> Any:
        a, b = rng.sample(top, 2)
        year = rng.randrange(2015, 2025)
        return find_events(store, actor=a, recipient=b, since=f"{year}-01-01",
                           until=f"{year}-12-31", limit=50)  # fmt: skip

    def timeline() -> Any:
        a, b = rng.sample(top, 2)
        return dyad_timeline(store, a, b, by="month")

    def fulltext() -> Any:
        return search(store, " ".join(rng.sample(WORDS, 2)), limit=20)

    results = {"events by dyad + date range (page of 50 + count)": timed(dyad, runs),
               "monthly dyad timeline": timed(timeline, runs),
               "full-text search, 20 hits": timed(fulltext, runs)}  # fmt: skip
    hits = len(fulltext())
    assert hits == 20, f"search returned {hits} hits, not 20"
    return results


def _postgres(server: str) -> tuple[str, Callable[[], None]]:
    import psycopg

    name = f"eventline_bench_{uuid.uuid4().hex[:8]}"
    plain = server.replace("postgresql+psycopg://", "postgresql://")
    with psycopg.connect(f"{plain}/postgres", autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')

    def drop() -> None:
        with psycopg.connect(f"{plain}/postgres", autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return f"{plain}/{name}", drop


def run(backend: str, args: argparse.Namespace, tmp: Path) -> None:
    drop: Callable[[], None] = lambda: None  # noqa: E731
    url = f"sqlite:///{tmp}/bench.db"
    if backend == "postgresql":
        url, drop = _postgres(args.pg)
    try:
        with Store(url) as store:
            seconds = fill(store, events=args.events, articles=args.articles)
            if backend == "postgresql":
                with store.engine.connect() as conn:
                    conn.exec_driver_sql("ANALYZE")
            print(f"\n{backend}: {args.events} events, {args.articles} articles written in "
                  f"{seconds:.0f} s")  # fmt: skip
            for name, (p50, p95) in measure(store, runs=args.runs).items():
                print(f"  {name:52s} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms")
    finally:
        drop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--articles", type=int, default=0, help="default: events / 10")
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--backend", nargs="+", default=["sqlite", "postgresql"])
    parser.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432")
    args = parser.parse_args()
    args.articles = args.articles or max(1, args.events // 10)
    with tempfile.TemporaryDirectory() as tmp:
        for backend in args.backend:
            run(backend, args, Path(tmp))


if __name__ == "__main__":
    main()
