"""`eventline analyse` with nothing new on a big store: the cost must not grow with the store
(issue #10: 100k articles, under 2 s and 1 GB).

    .venv/bin/python benchmarks/bench_nothing_new.py --template EX.db --n 20000 \
        --db sqlite:////tmp/big.db  [--runs 3] [--src OTHER/src] [--keep]

Filling parses and links nothing: the template store (the example corpus, ingested, analysed
and linked) is copied table by table, then its articles and their per-article results are
cloned in SQL (new ids, same content) up to `--n` articles, and a current link marker is
recorded, as the link of those articles would leave it. Then `eventline --db DB analyse` runs
`--runs` times under /usr/bin/time (wall, CPU, peak RSS). The first run after a write looks
once for pending articles (an anti-join stopping at the first); later runs need no look.

`--src` times another checkout's `eventline` (its `src` folder) on the same store, with that
checkout's own link marker recorded first: the before/after comparison. Corpus records
(actors, events, stories) stay those of the template, so a "before" figure leaves out the
old path's count of those tables, which grows with a real store.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import Engine, create_engine, insert, select, text

ROOT = Path(__file__).resolve().parents[1]
EVENTLINE = Path(sys.executable).parent / "eventline"

#: Records a current link marker with the `eventline` on PYTHONPATH (old or new).
MARK = """
import json, sys
from eventline.analyse import LINKED_KEY, _link_marker
from eventline.settings import Settings
from eventline.store import Store
settings = Settings(db=sys.argv[1])
with Store(settings.db_url) as store:
    store.put_blob(LINKED_KEY, _link_marker(store, settings))
    try:
        from eventline.analyse import LINKED_COUNTS_KEY
    except ImportError:
        pass
    else:
        counts = {**store.counts(), "yearless_events": 0}
        store.put_blob(LINKED_COUNTS_KEY, json.dumps(counts).encode())
"""


def copy_template(template: Path, target: Engine) -> None:
    """Every row of the template's tables, in foreign-key order."""
    from eventline.store.schema import metadata

    source = create_engine(f"sqlite:///{template}")
    with source.connect() as read, target.begin() as write:
        for table in metadata.sorted_tables:
            rows = [dict(r._mapping) for r in read.execute(select(table))]
            if rows:
                write.execute(insert(table), rows)
    source.dispose()


def clone(engine: Engine, n: int) -> int:
    """Clone the template's articles and per-article results up to `n` articles."""
    with engine.begin() as conn:
        have = conn.execute(text("SELECT count(*) FROM articles")).scalar_one()
        copies = max(0, -(-n // have) - 1)
        conn.execute(text("CREATE TABLE bench_nums (k INTEGER PRIMARY KEY)"))
        conn.execute(
            text("INSERT INTO bench_nums (k) VALUES (:k)"), [{"k": k} for k in range(1, copies + 1)]
        )
        suffix = "|| '-' || CAST(bench_nums.k AS TEXT)"
        conn.execute(
            text(
                "INSERT INTO articles (id, document_id, item, kind, title, outlet, published, "
                "url, source_id, data) "
                f"SELECT a.id {suffix}, a.document_id, a.item, a.kind, a.title, a.outlet, "
                "a.published, a.url, a.source_id, a.data FROM articles a CROSS JOIN bench_nums"
            )
        )
        conn.execute(
            text(
                "INSERT INTO analysis_results (article_id, key, words, data, analysed_at) "
                f"SELECT r.article_id {suffix}, r.key, r.words, r.data, r.analysed_at "
                "FROM analysis_results r CROSS JOIN bench_nums"
            )
        )
        conn.execute(text("DROP TABLE bench_nums"))
        return int(conn.execute(text("SELECT count(*) FROM articles")).scalar_one())


def run(db: str, src: Path, runs: int) -> list[str]:
    env = {**os.environ, "PYTHONPATH": str(src)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed eventline has its .pyc files
    subprocess.run([sys.executable, "-c", MARK, db], env=env, check=True)
    figures = []
    for _ in range(runs):
        done = subprocess.run(
            ["/usr/bin/time", "-f", "%e s %U+%S cpu %M KB", str(EVENTLINE), "--db", db, "analyse"],
            env=env,
            capture_output=True,
            text=True,
        )
        if done.returncode:
            raise SystemExit(f"{src}: eventline analyse failed:\n{done.stderr}")
        figures.append(done.stderr.strip().splitlines()[-1])
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--template", type=Path, required=True, help="analysed, linked store")
    parser.add_argument("--n", type=int, default=20_000)
    parser.add_argument("--db", required=True, help="empty target: SQLite URL or PostgreSQL URL")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--src", type=Path, action="append", default=[], help="src to time")
    parser.add_argument("--keep", action="store_true", help="the target is filled already")
    args = parser.parse_args()

    from eventline.store import Store

    if not args.keep:
        with Store(args.db) as store:
            copy_template(args.template, store.engine)
            print(f"{clone(store.engine, args.n):,} articles in {store.url}", flush=True)
    for src in [*args.src, ROOT / "src"]:
        for line in run(args.db, src.resolve(), args.runs):
            print(f"{src}: {line}", flush=True)


if __name__ == "__main__":
    main()
