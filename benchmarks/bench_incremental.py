"""Incremental analysis at scale: a run with nothing new, and adding articles to a big store
against analysing them in an empty one.

    .venv/bin/python benchmarks/bench_incremental.py [--n 5000] [--add 100]

A synthetic corpus (benchmarks/synth_corpus.py) of N articles is ingested; per-article results
are not parsed but copied from the example corpus' own (parsed once, re-identified for each
synthetic article), as issue #10 allows, so what is timed is the analysis' bookkeeping and
corpus linking. Each figure is one `eventline analyse` process, timed with /usr/bin/time
(wall seconds, peak RSS).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))


def templates(folder: Path) -> list[object]:
    from eventline.analyse import analyse
    from eventline.analysis import state
    from eventline.pipeline import ingest, plan_sources
    from eventline.settings import Settings
    from eventline.store import Store

    settings = Settings(db=str(folder / "templates.db"), processes=1)
    with Store(settings.db_url) as store:
        ingest(store, plan_sources([str(ROOT / "examples" / "corpus")])[0], settings=settings)
        analyse(store, settings=settings)
        return list(state.iter_analyses(store))


def reid(template: object, article: str, key: str) -> object:
    from eventline.model import ArticleAnalysis, content_id

    assert isinstance(template, ArticleAnalysis)

    def moved(record: object, prefix: str) -> dict[str, object]:
        return {"id": content_id(prefix, article, record.id), "article": article}  # type: ignore[attr-defined]

    return template.model_copy(
        update={
            "article": article,
            "key": key,
            "mentions": tuple(m.model_copy(update=moved(m, "men")) for m in template.mentions),
            "quotes": tuple(q.model_copy(update=moved(q, "quo")) for q in template.quotes),
            "timexes": tuple(t.model_copy(update=moved(t, "tmx")) for t in template.timexes),
            "event_mentions": tuple(
                e.model_copy(
                    update={
                        "id": content_id("evm", article, e.id),
                        "evidence": e.evidence.model_copy(update={"article": article}),
                    }
                )
                for e in template.event_mentions
            ),
        }
    )


def fill(db: Path, records: list[dict[str, object]], name: str, pool: list[object]) -> None:
    """Ingest `records` as one JSONL file and store a copied result for each new article."""
    from eventline.analysis import state
    from eventline.analysis.article import analysis_key
    from eventline.pipeline import ingest, plan_sources
    from eventline.settings import Settings
    from eventline.store import Store

    settings = Settings(db=str(db), processes=1, max_jsonl_records=10**7)
    key = analysis_key(settings)
    with Store(settings.db_url) as store:
        before = store.counts()["articles"]
        # Files of 10k records stay under the input size cap (max_document_bytes, 50 MiB).
        for part in range(0, len(records), 10_000):
            path = db.parent / f"{name}-{part}.jsonl"
            chunk = records[part : part + 10_000]
            path.write_text("".join(json.dumps(r) + "\n" for r in chunk), encoding="utf-8")
            ingest(store, plan_sources([str(path)])[0], settings=settings)
            path.unlink()
        stored = store.counts()["articles"] - before
        if stored != len(records):  # a refused input would make every figure meaningless
            raise SystemExit(f"{name}: {stored} of {len(records)} articles ingested")
        pending = state.pending_articles(store, key)
        for start in range(0, len(pending), 500):
            batch = pending[start : start + 500]
            state.write_outcomes(
                store,
                [reid(pool[(start + i) % len(pool)], a.id, key) for i, a in enumerate(batch)],  # type: ignore[misc]
            )


def timed(db: Path) -> tuple[float, int, float]:
    """(wall seconds, peak RSS in MB, CPU seconds): on a shared machine CPU time is the
    steadier figure."""
    command = [
        "/usr/bin/time",
        "-f",
        "%e %M %U %S",
        str(Path(sys.executable).parent / "eventline"),
    ]
    done = subprocess.run(
        [*command, "--db", str(db), "analyse", "--processes", "1"],
        capture_output=True,
        text=True,
        check=True,
        env={"EVENTLINE_MAX_JSONL_RECORDS": str(10**7), **__import__("os").environ},
    )
    seconds, rss, user, system = done.stderr.strip().splitlines()[-1].split()
    return float(seconds), int(rss) // 1024, float(user) + float(system)


def show(figures: tuple[float, int, float]) -> str:
    return f"{figures[0]:.1f}s wall, {figures[2]:.1f}s CPU, {figures[1]} MB peak"


def main() -> None:
    from synth_corpus import generate

    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=5000)
    parser.add_argument("--add", type=int, default=100)
    parser.add_argument("--keep", type=Path, help="folder to keep the stores in (else a temp)")
    opts = parser.parse_args()
    records = list(generate(opts.n + opts.add))
    base, extra = records[: opts.n], records[opts.n :]
    with tempfile.TemporaryDirectory() as tmp:
        folder = opts.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        pool = templates(folder)
        big, small = folder / "big.db", folder / "small.db"
        started = time.monotonic()
        fill(big, base, "base", pool)
        print(f"built the store of {opts.n} in {time.monotonic() - started:.0f}s", flush=True)
        first = timed(big)
        print(f"first link of {opts.n} articles: {show(first)}", flush=True)
        again = timed(big)
        print(f"analyse with nothing new ({opts.n} articles): {show(again)}", flush=True)
        fill(big, extra, "extra", pool)
        grown = timed(big)
        fill(small, extra, "extra", pool)
        alone = timed(small)
        print(f"adding {opts.add} to {opts.n}: {show(grown)}")
        print(f"the same {opts.add} in an empty store: {show(alone)}")
        print(f"ratio: {grown[2] / alone[2]:.1f}x CPU, {grown[0] / alone[0]:.1f}x wall")


if __name__ == "__main__":
    main()
