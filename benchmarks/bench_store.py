"""Store query latency on a large synthetic store, SQLite and PostgreSQL: p50/p95 of

- `find_events` by dyad and a one-year date range (first page of 50, with the total count),
- `dyad_timeline` by month over the whole store,
- full-text `search` returning 20 hits: a common word with a topic word (selective, like a
  name or a place), and two common words (each in 15 % of sentences, so every query matches
  about 2 % of the whole index and is ranked over its newest `--window` matches),
- `store_timeline` by month (what `eventline timeline A B` computes: the counts and each
  month's top evidence).

Warm (`--runs`, on one open store) and, with `--cold N`, on a new Store per query.

    .venv/bin/python benchmarks/bench_store.py --events 100000 [--backend sqlite postgresql]
        [--pg postgresql://postgres@127.0.0.1:5432] [--runs 200] [--url STORE] [--window N]
        [--cli-runs N] [--cold N]

The store is filled in bulk with the rows the store's own `Writer` writes (see `fill`), and
its indexes are built after the load. Countries follow a Zipf-like law (a few, like the USA,
are in most events), dates spread over ten years, 10 % are month- or year-precise or undated.
The PostgreSQL database is created for the run and dropped after it; a store given with
`--url` is filled only when it has no events, and kept."""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, date, datetime, timedelta
from itertools import accumulate
from pathlib import Path
from typing import Any

from sqlalchemy import JSON, Connection, Table

from eventline.corpus.timeline_store import store_timeline
from eventline.model import ActorRef, Event, Evidence
from eventline.queries import SEARCH_WINDOW, dyad_timeline, find_events, search
from eventline.store import Store
from eventline.store import rows as R
from eventline.store import schema as S
from eventline.store import search as search_index

TYPES = ("CONSULT", "AGREE", "SUPPORT", "COOPERATE", "AID", "REQUEST", "ACCUSE", "REJECT",
         "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT")  # fmt: skip
COUNTRIES = ("USA", "RUS", "CHN", "UKR", "IRN", "ISR", "GBR", "FRA", "DEU", "TUR", "IND", "PAK",
             "SAU", "QAT", "EGY", "SYR", "IRQ", "JPN", "KOR", "PRK", "BRA", "MEX", "ZAF", "NGA",
             "ETH", "KEN", "POL", "ITA", "ESP", "CAN", "AUS", "IDN", "VNM", "PHL", "AFG",
             "LBN", "JOR", "ARE", "OMN", "YEM")  # fmt: skip
WEIGHTS = list(accumulate(1 / (rank + 1) for rank in range(len(COUNTRIES))))  # cumulative
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
# Topic words: 5000 made-up words drawn with a Zipf law, two per sentence, so that a query
# with a topic word is selective the way names and places are in real news, while the
# common words above make broad queries.
_SYLLABLES = [c + v for c in "bdfgklmnprtvz" for v in "aeiou"]
TOPICS = [
    _SYLLABLES[n % 65] + _SYLLABLES[n // 65 % 65] + _SYLLABLES[n // 4225 % 65] + "n"
    for n in range(0, 5000 * 37, 37)
]
TOPIC_WEIGHTS = list(accumulate(1 / (rank + 1) for rank in range(len(TOPICS))))  # cumulative
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
        a, b = rng.choices(COUNTRIES, cum_weights=WEIGHTS, k=2)
        while b == a:
            b = rng.choices(COUNTRIES, cum_weights=WEIGHTS)[0]
        kind = rng.choice(TYPES)
        when, precision = _date(rng)
        words = [*rng.sample(WORDS, 6), *rng.choices(TOPICS, cum_weights=TOPIC_WEIGHTS, k=2)]
        sentence = f"{a} {VERBS[kind]} {b} over {' '.join(words)}."
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
    """Write the synthetic store in bulk; returns seconds taken.

    The rows are the ones the store's `Writer` would write (`store.rows` makes them for both:
    `event_row`, `party_rows`, `dyad_rows`, and the `dyad_months` rollup as `rollup_deltas`
    sums it), loaded without its per-batch bookkeeping (stored-row look-ups, deletes of older
    versions, rollup upserts), which a store that starts empty does not need: executemany in
    transactions of 50k events on SQLite, COPY on PostgreSQL. Secondary indexes and the
    full-text index are dropped for the load and built once after it.
    `tests/store/test_queries_bench.py` checks that a small fill equals one through `Writer`."""
    start = time.perf_counter()
    tables = (S.events, S.event_parties, S.event_dyads, S.search_docs)
    with store.batch() as w:
        _drop_indexes(w.conn, tables)
        w.conn.execute(S.documents.insert(), [_document_row()])
        _load(w.conn, S.articles, list(_article_rows(articles)))
    rollup: dict[tuple[Any, ...], dict[str, Any]] = {}
    chunk: list[tuple[Event, str]] = []
    for pair in synthetic_events(events, articles=articles, seed=seed):
        chunk.append(pair)
        if len(chunk) == 50_000:
            _load_events(store, chunk, rollup)
            chunk = []
    _load_events(store, chunk, rollup)
    with store.batch() as w:
        _load(w.conn, S.dyad_months, [r for r in rollup.values() if r["events"] or r["scored"]])
        _build_indexes(w.conn, tables)
    return time.perf_counter() - start


def _document_row() -> dict[str, Any]:
    return {"id": "doc_bench", "source_path": "bench", "format": "jsonl", "encoding": "utf-8",
            "raw": b"", "text": "", "meta": {"items": [], "hints": {}},
            "ingested_at": datetime.now(UTC)}  # fmt: skip


def _article_rows(articles: int) -> Iterator[dict[str, Any]]:
    for n in range(articles):
        day = (START + timedelta(days=n * 3650 // articles)).isoformat()
        yield {"id": f"art_{n:08d}", "document_id": "doc_bench", "item": n + 1, "kind": "news",
               "title": f"Report {n}", "outlet": f"Outlet {n % 50}", "published": day,
               "data": {}}  # fmt: skip


def _load_events(
    store: Store, chunk: list[tuple[Event, str]], rollup: dict[tuple[Any, ...], dict[str, Any]]
) -> None:
    """One transaction: the events of `chunk` as `Writer.upsert_events(events, links={})`
    writes them into an empty store (no stories yet, so no story ids), and their evidence
    sentences as `search_docs` rows; their rollup contribution is added to `rollup`."""
    if not chunk:
        return
    dyads = [row for e, _ in chunk for row in R.dyad_rows(e)]
    for key, row in R.rollup_deltas(dyads).items():
        entry = rollup.setdefault(key, row | {"events": 0, "score_sum": 0.0, "scored": 0})
        for field in ("events", "score_sum", "scored"):
            entry[field] += row[field]
    with store.batch() as w:
        _load(w.conn, S.events, [R.event_row(e) for e, _ in chunk])
        _load(w.conn, S.event_parties, [row for e, _ in chunk for row in R.party_rows(e)])
        _load(w.conn, S.event_dyads, dyads)
        _load(w.conn, S.search_docs,
              [{"kind": "evidence", "ref_id": e.id, "article_id": e.mentions[0].article,
                "text": text} for e, text in chunk])  # fmt: skip


def _load(conn: Connection, table: Table, rows: list[dict[str, Any]]) -> None:
    """Insert rows with the driver itself (SQLAlchemy's per-row parameter handling would
    cost more than the insert): COPY on PostgreSQL, executemany on SQLite; JSON columns
    serialised with `json.dumps`, as SQLAlchemy's JSON type does."""
    if not rows:
        return
    names = list(rows[0])
    as_json = {c.name for c in table.columns if isinstance(c.type, JSON)}
    values = ([json.dumps(row[n]) if n in as_json else row[n] for n in names] for row in rows)
    columns = ", ".join(f'"{n}"' for n in names)
    cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
    if conn.dialect.name == "postgresql":
        with cursor.copy(f'COPY "{table.name}" ({columns}) FROM STDIN') as copy:
            for row in values:
                copy.write_row(row)
    else:
        marks = ", ".join("?" * len(names))
        cursor.executemany(f'INSERT INTO "{table.name}" ({columns}) VALUES ({marks})', values)


def _drop_indexes(conn: Connection, tables: Sequence[Table]) -> None:
    for table in tables:
        for index in table.indexes:
            index.drop(conn)
    for statement in search_index.drop_index_ddl(conn.dialect.name):
        if "DROP COLUMN" not in statement:  # PostgreSQL keeps its generated tsvector column
            conn.exec_driver_sql(statement)


def _build_indexes(conn: Connection, tables: Sequence[Table]) -> None:
    for table in tables:
        for index in table.indexes:
            index.create(conn)
    if conn.dialect.name == "sqlite":
        for statement in search_index.create_index_ddl("sqlite"):
            conn.exec_driver_sql(statement)
        conn.exec_driver_sql("INSERT INTO search_fts(search_fts) VALUES ('rebuild')")
    else:
        for statement in search_index.create_index_ddl("postgresql"):
            if statement.startswith("CREATE INDEX"):
                conn.exec_driver_sql(statement)


def timed(
    fn: Callable[[], Any], runs: int, server: Callable[[], float] = lambda: 0.0
) -> tuple[float, float, float]:
    """Wall-clock p50 and p95, and the p95 of the CPU time spent on the query (ms): this
    process's, plus on PostgreSQL the server backends' (`server`). On a shared, loaded
    machine wall time mostly measures waiting for a core; CPU time is what the query costs."""
    fn()  # warm the caches once, as a server would be
    wall, cpu = [], []
    for _ in range(runs):
        start_cpu = time.process_time() + server()
        start = time.perf_counter()
        fn()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() + server() - start_cpu) * 1000)
    wall.sort()
    cpu.sort()
    p95 = int(0.95 * (len(wall) - 1))
    return statistics.median(wall), wall[p95], cpu[p95]


def server_cpu(store: Store) -> Callable[[], float]:
    """CPU seconds used so far by the PostgreSQL backends serving this store (from
    /proc/PID/schedstat, nanoseconds; parallel workers a query may start are not counted);
    0 on SQLite, whose work is done in this process."""
    if store.dialect != "postgresql":
        return lambda: 0.0
    with store.engine.connect() as conn:
        pids = conn.exec_driver_sql(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
            "AND backend_type = 'client backend'"
        ).scalars()
        paths = [Path(f"/proc/{pid}/schedstat") for pid in pids]

    def used() -> float:
        total = 0
        for path in paths:
            try:
                total += int(path.read_text().split()[0])
            except (OSError, ValueError, IndexError):
                continue
        return total / 1e9

    return used


def _queries(store: Store, *, window: int | None, seed: int) -> dict[str, Callable[[], Any]]:
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

    def broad() -> Any:  # two common words: ~2 % of all evidence matches
        return search(store, " ".join(rng.sample(WORDS, 2)), limit=20, window=window)

    def topical() -> Any:  # a common word and a topic word of rank 20-200
        query = f"{rng.choice(WORDS)} {TOPICS[rng.randrange(20, 200)]}"
        return search(store, query, limit=20, window=window)

    def evidence() -> Any:  # what `eventline timeline A B` computes: counts and evidence
        a, b = rng.sample(top, 2)
        return store_timeline(store, a, b, by="month")

    return {"events by dyad + date range (page of 50 + count)": dyad,
            "monthly dyad timeline": timeline,
            "full-text search, 20 hits (common + topic word)": topical,
            "full-text search, 20 hits (two common words)": broad,
            "timeline with top evidence per month (store_timeline)": evidence}  # fmt: skip


def measure(
    store: Store, *, runs: int, window: int | None, seed: int = 2
) -> dict[str, tuple[float, float, float]]:
    """Warm: each query `runs` times on the open store (pooled connection, caches warm)."""
    queries = _queries(store, window=window, seed=seed)
    server = server_cpu(store)
    results = {name: timed(fn, runs, server) for name, fn in queries.items()}
    hits = len(queries["full-text search, 20 hits (two common words)"]())
    assert hits == 20, f"search returned {hits} hits, not 20"
    return results


def measure_cold(url: str, *, runs: int, window: int | None, seed: int = 3) -> dict[str, Any]:
    """Cold connection: each run opens the store anew (engine, connection, schema version
    check; on SQLite an empty page cache, on PostgreSQL a new backend with no prepared
    statements) and asks one query, as a one-shot CLI call does. The operating system's
    file cache and PostgreSQL's shared buffers stay warm (dropping them would disturb the
    other users of this machine). Wall and this process's CPU, p50 and p95 (ms)."""
    results: dict[str, Any] = {}
    with Store(url) as opened:
        names = list(_queries(opened, window=window, seed=seed))
    for name in names:
        wall, cpu = [], []
        for run in range(runs):
            start_cpu, start = time.process_time(), time.perf_counter()
            with Store(url) as store:
                _queries(store, window=window, seed=seed + run)[name]()
            wall.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
        wall.sort()
        cpu.sort()
        p95 = int(0.95 * (len(wall) - 1))
        results[name] = (statistics.median(wall), wall[p95], cpu[p95])
    return results


def measure_cli(
    store: Store, *, runs: int, window: int | None, seed: int = 2
) -> dict[str, tuple[float, float, float]]:
    """The same three questions through the CLI commands, in this process (typer's runner,
    `--json` or csv output): what a user waits for, less the interpreter's start-up. Each
    call opens the store, as the command does. `events` prints every event of the dyad in
    the year, and `timeline` reads every event of the dyad for its top evidence per period
    (`corpus.timeline_store`), so both cost what the relation holds, not one page."""
    from typer.testing import CliRunner

    from eventline.cli.app import app

    rng = random.Random(seed)
    top = COUNTRIES[:8]
    runner = CliRunner()
    url = store.engine.url.render_as_string(hide_password=False)
    server = server_cpu(store)

    def cli(*args: str) -> Any:
        result = runner.invoke(app, ["--db", url, *args])
        assert result.exit_code == 0, result.output
        return result

    def dyad() -> Any:
        a, b = rng.sample(top, 2)
        year = rng.randrange(2015, 2025)
        return cli("events", "--actor", a, "--recipient", b, "--since", f"{year}-01-01",
                   "--until", f"{year}-12-31", "--json")  # fmt: skip

    def timeline() -> Any:
        return cli("timeline", *rng.sample(top, 2), "--format", "csv")

    def broad() -> Any:
        return cli("search", " ".join(rng.sample(WORDS, 2)), "--json", "--limit", "20")

    queries = {"CLI events --actor --recipient --since --until (all)": dyad,
               "CLI timeline A B --format csv": timeline,
               "CLI search (two common words) --limit 20": broad}  # fmt: skip
    del window  # the CLI searches with the default window
    return {name: timed(fn, runs, server) for name, fn in queries.items()}


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
    if args.url:
        url = args.url
    elif backend == "postgresql":
        url, drop = _postgres(args.pg)
    try:
        with Store(url) as store:
            if store.counts()["events"] == 0:
                seconds = fill(store, events=args.events, articles=args.articles)
                print(f"\n{store.dialect}: {args.events} events, {args.articles} articles "
                      f"written in {seconds:.0f} s")  # fmt: skip
                if store.dialect == "postgresql":  # as autovacuum would after a bulk load
                    engine = store.engine.execution_options(isolation_level="AUTOCOMMIT")
                    with engine.connect() as conn:
                        conn.exec_driver_sql("VACUUM ANALYZE")
            else:
                print(f"\n{store.dialect}: {store.counts()['events']} events already stored")
            print(f"  load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; "
                  f"search ranks {args.window or 'every'} matches")  # fmt: skip
            for name, (p50, p95, cpu95) in measure(
                store, runs=args.runs, window=args.window or None
            ).items():
                print(f"  {name:52s} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms   "
                      f"CPU p95 {cpu95:6.1f} ms")  # fmt: skip
            if args.cold:
                print("  cold connection (a new Store per query):")
                for name, (p50, p95, cpu95) in measure_cold(
                    url, runs=args.cold, window=args.window or None
                ).items():
                    print(f"  {name:52s} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms   "
                          f"CPU p95 {cpu95:6.1f} ms")  # fmt: skip
            if args.cli_runs:
                for name, (p50, p95, cpu95) in measure_cli(
                    store, runs=args.cli_runs, window=args.window or None
                ).items():
                    print(f"  {name:52s} p50 {p50:7.1f} ms   p95 {p95:7.1f} ms   "
                          f"CPU p95 {cpu95:6.1f} ms")  # fmt: skip
            print(f"  load average {os.getloadavg()[0]:.1f}")
    finally:
        drop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--articles", type=int, default=0, help="default: events / 10")
    parser.add_argument("--runs", type=int, default=200)
    parser.add_argument("--backend", nargs="+", default=["sqlite", "postgresql"])
    parser.add_argument("--pg", default="postgresql://postgres@127.0.0.1:5432")
    parser.add_argument(
        "--window", type=int, default=SEARCH_WINDOW,
        help=f"matches a search ranks (default {SEARCH_WINDOW}; 0: every match)",
    )  # fmt: skip
    parser.add_argument(
        "--url", help="measure this store (filled first if it has no events) and keep it"
    )
    parser.add_argument(
        "--cold", type=int, default=0, help="also time each query this many times on a new Store"
    )
    parser.add_argument(
        "--cli-runs", type=int, default=0, help="also time the CLI commands this many times"
    )
    args = parser.parse_args()
    args.articles = args.articles or max(1, args.events // 10)
    with tempfile.TemporaryDirectory() as tmp:
        for backend in [None] if args.url else args.backend:
            run(backend or "", args, Path(tmp))


if __name__ == "__main__":
    main()
