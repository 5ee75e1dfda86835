"""Story-level dates at scale: the cost of linking 100 new articles into stores holding reports
of unknown day, and what the story-date state takes in the store.

    .venv/bin/python benchmarks/bench_story_dates.py [--sizes 1000 2000] [--add 100]
        [--undated 0.25] [--templates DB] [--keep FOLDER]

The synthetic corpus of bench_incremental.py, with the publication date removed from a share
(`--undated`) of the syndicated copies, chosen by a hash of their id: their mentions merge with
their original's dated events, so the story gives them an estimate (`corpus.story_dates`).
Each store is built as news arrives (an incremental link every 500 articles); then `--add`
more articles are ingested and one link is timed in process (CPU seconds). The figures say
whether that link was incremental or fell back to a full link, how many estimates and
re-dated mentions the store holds, and their bytes: the `index:story-dates` blob where the
code keeps one (before migration 0011), else the rows' values and, on SQLite, the pages of the
two tables and their index (`dbstat`). Runs against whichever eventline is on the path, so
the same command measures a branch before and after a change.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import time
import zlib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

TABLES = ("story_dates", "story_dated_mentions", "ix_story_dated_mentions_article_id")


def undate(records: list[dict[str, Any]], share: float) -> int:
    """Remove the publication date of `share` of the copies (ids "aNcK"); returns how many."""
    done = 0
    for record in records:
        rid = str(record["id"])
        if "c" in rid and zlib.crc32(rid.encode()) % 1000 < share * 1000:
            record.pop("published", None)
            done += 1
    return done


def _as_undated(recast_record: Any) -> Any:
    """`bench_incremental._recast_record` for an undated report: the mentions its template
    dated by its report or to a day are undated (no publication date to read them by; the
    copy says "on Friday" where its original names the day), as the analysis of an undated
    article leaves them."""

    def result(record: dict[str, Any], *args: Any) -> Any:
        found = recast_record(record, *args)
        if "published" in record:
            return found
        undated = {"date": None, "date_precision": None}
        mentions = tuple(
            e.model_copy(update=undated) if e.date_precision in ("report", "day") else e
            for e in found.event_mentions
        )
        return found.model_copy(update={"event_mentions": mentions})

    return result


def state_bytes(db: Path) -> dict[str, int]:
    """Estimates, re-dated mentions and bytes of the stored story-date state."""
    conn = sqlite3.connect(db)
    try:
        blob = conn.execute("SELECT data FROM blobs WHERE key = 'index:story-dates'").fetchone()
        if blob is not None:
            import json

            data = json.loads(blob[0])
            return {
                "estimates": len(data.get("articles", {})),
                "mentions": len(data.get("mentions", {})),
                "blob bytes": len(blob[0]),
            }
        est = conn.execute(
            "SELECT count(*), coalesce(sum(length(article_id) + length(value) + "
            "length(precision) + length(evidence)), 0) FROM story_dates"
        ).fetchone()
        own = conn.execute(
            "SELECT count(*), coalesce(sum(length(mention_id) + length(article_id) + "
            "coalesce(length(date), 0) + coalesce(length(date_precision), 0)), 0) "
            "FROM story_dated_mentions"
        ).fetchone()
        marks = ", ".join("?" * len(TABLES))
        pages = conn.execute(
            f"SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name IN ({marks})", TABLES
        ).fetchone()[0]
        return {
            "estimates": est[0],
            "mentions": own[0],
            "row value bytes": est[1] + own[1],
            "table+index page bytes": pages,
        }
    finally:
        conn.close()


def run(
    folder: Path, n: int, records: list[dict[str, Any]], days: dict[str, str], opts: Any
) -> None:
    from bench_incremental import fill
    from eventline.analyse import link_if_changed
    from eventline.analysis import link
    from eventline.settings import Settings
    from eventline.store import Store

    base, extra = records[:n], records[-opts.add :]
    pool = opts.pool
    db = folder / f"store{n}.db"
    db.unlink(missing_ok=True)  # a kept folder's earlier store would hold every article
    fill(db, base, f"base{n}", pool, link_every=500, published=days)
    fill(db, extra, f"extra{n}", pool, published=days)
    full: list[bool] = []
    link_all = link.link_all

    def counted(*args: Any, **kwargs: Any) -> Any:
        full.append(True)
        return link_all(*args, **kwargs)

    link.link_all = counted  # type: ignore[assignment]
    settings = Settings(db=str(db), processes=1, max_jsonl_records=10**7)
    with Store(settings.db_url) as store:
        started = time.process_time()
        link_if_changed(store, settings=settings)
        spent = time.process_time() - started
    link.link_all = link_all  # type: ignore[assignment]
    kind = "FULL link (fallback)" if full else "incremental"
    print(f"add {opts.add} to {n}: {spent:.2f}s CPU, {kind}; {state_bytes(db)}", flush=True)


def main() -> None:
    import bench_incremental
    from bench_incremental import first_days, templates
    from synth_corpus import generate

    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 2000])
    parser.add_argument("--add", type=int, default=100)
    parser.add_argument("--undated", type=float, default=0.25)
    parser.add_argument("--keep", type=Path, help="folder to keep the stores in (else a temp)")
    parser.add_argument("--templates", type=Path, help="a templates.db of an earlier run")
    opts = parser.parse_args()
    bench_incremental._recast_record = _as_undated(bench_incremental._recast_record)
    records = list(generate(max(opts.sizes) + opts.add))
    days = first_days(records)  # each report's first day (its copies' events happened then)
    print(f"{undate(records, opts.undated)} of {len(records)} articles undated", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = opts.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        opts.pool = templates(folder, opts.templates)
        for n in opts.sizes:
            run(folder, n, records, days, opts)


if __name__ == "__main__":
    main()
