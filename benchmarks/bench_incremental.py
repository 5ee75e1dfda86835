"""Incremental analysis at scale: a run with nothing new, and adding articles to a big store
against analysing them in an empty one.

    .venv/bin/python benchmarks/bench_incremental.py [--n 5000] [--add 100] [--dense]
        [--move-dates] [--link-every 2000] [--keep FOLDER] [--per-day RATE]

A synthetic corpus (benchmarks/synth_corpus.py) of N articles is ingested; per-article results
are not parsed but copied from the example corpus' own (parsed once, re-identified for each
synthetic article), as issue #10 allows, so what is timed is the analysis' bookkeeping and
corpus linking. By default each synthetic report is recast (`recast`): one template per
report (its syndicated copies share it), its actors replaced by actors drawn from a long-tailed
population (`synth_corpus.ActorPopulation`: 200 countries, 5,000 people and organisations,
Zipf s = 1; a follow-up names its report's actors), and its event dates moved with the
report's publication date. `--dense` keeps the earlier copies instead: templates in turn,
with the example corpus' 76 actors in every synthetic article (`--move-dates` then moves
their dates), a store far denser in actors than news. Each figure is one `eventline analyse`
process, timed with /usr/bin/time (wall and CPU seconds, peak RSS). With `--link-every K`
the big store is built as news arrives, by an incremental link after each K articles (in
process), instead of one first link of all N (which needs memory and time proportional to N:
3.6 GB at 20,000). `--templates DB` reuses the example results a kept run analysed. With
`--keep`, the linked big store before the additions is also kept (`base.db`), so the add can
be re-run on copies. The corpus spans 700 days whatever N is, so a bigger store is a denser
one; `--per-day RATE` spreads it over N / RATE days instead (a fixed rate, as an archive of
the same feeds grows).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

#: Publication dates of the template articles (article id -> ISO date), set by `templates`.
PUBLISHED: dict[str, str | None] = {}


def templates(folder: Path, reuse: Path | None = None) -> list[object]:
    """The example corpus' per-article results (analysed into `folder`, or read from the
    `reuse` store a previous run analysed)."""
    from eventline.analyse import analyse
    from eventline.analysis import state
    from eventline.pipeline import ingest, plan_sources
    from eventline.settings import Settings
    from eventline.store import Store

    settings = Settings(db=str(reuse or folder / "templates.db"), processes=1)
    with Store(settings.db_url) as store:
        if reuse is None:
            ingest(store, plan_sources([str(ROOT / "examples" / "corpus")])[0], settings=settings)
            analyse(store, settings=settings)
        PUBLISHED.update(
            {a.id: a.published.value if a.published else None for a in store.iter_articles()}
        )
        return list(state.iter_analyses(store))


def _shifted(value: str | None, days: int) -> str | None:
    """An ISO day, month or year moved by `days` (a day and month of no year stays)."""
    import datetime as dt

    if not value or value.startswith("--") or len(value) not in (4, 7, 10):
        return value
    padded = value + "-01" * ((10 - len(value)) // 3)
    try:
        moved = dt.date.fromisoformat(padded) + dt.timedelta(days=days)
    except ValueError:
        return value
    return moved.isoformat()[: len(value)]


def redate(template: object, published: str | None) -> object:
    """The template's event dates moved with its publication date to `published` (so copies
    of one report read as news of their own days, not thousands of reports of one day)."""
    import datetime as dt

    from eventline.model import ArticleAnalysis

    assert isinstance(template, ArticleAnalysis)
    own = PUBLISHED.get(template.article)
    if not own or not published or len(own) < 10 or len(published) < 10:
        return template
    days = (dt.date.fromisoformat(published[:10]) - dt.date.fromisoformat(own[:10])).days
    return template.model_copy(
        update={
            "event_mentions": tuple(
                e.model_copy(update={"date": _shifted(e.date, days)})
                for e in template.event_mentions
            )
        }
    )


def recast(template: object, population: Any, key: str) -> object:
    """The template with its actors replaced by draws from `population` for report `key`
    (local ids renamed to the drawn actors' ids in every ref; two local actors drawing the
    same actor become one)."""
    from eventline.model import ActorRef, ArticleAnalysis

    assert isinstance(template, ArticleAnalysis)
    rng = population.rng(key)
    renamed: dict[str, str] = {}
    table: dict[str, dict[str, object]] = {}
    for local, entry in sorted(template.actors.items()):
        kind = str(entry.get("type") or "organization")
        if kind == "country":
            code = population.country(rng)
            new_id, name, country = f"kb:{code}", f"Country {code}", code
        else:
            drawn, country = population.other(rng)
            new_id, name = f"kb:{drawn}", f"Actor {drawn}"
        renamed[local] = new_id
        table.setdefault(
            new_id,
            {
                "id": new_id,
                "name": name,
                "type": kind,
                "country": country,
                "sector": None,
                "roles": [],
                "kb": True,
            },
        )

    def ref(r: ActorRef | None) -> ActorRef | None:
        if r is None or r.id not in renamed:
            return r
        entry = table[renamed[r.id]]
        return r.model_copy(
            update={"id": entry["id"], "name": entry["name"], "country": entry["country"]}
        )

    def refs(rs: tuple[ActorRef, ...]) -> tuple[ActorRef, ...]:
        out: dict[str, ActorRef] = {}
        for r in rs:
            moved = ref(r)
            if moved is not None:
                out.setdefault(moved.id, moved)
        return tuple(out.values())

    return template.model_copy(
        update={
            "actors": table,
            "mentions": tuple(
                m.model_copy(update={"actor": ref(m.actor)}) for m in template.mentions
            ),
            "quotes": tuple(
                q.model_copy(update={"speaker": ref(q.speaker), "addressee": ref(q.addressee)})
                for q in template.quotes
            ),
            "event_mentions": tuple(
                e.model_copy(update={"actor": refs(e.actor), "recipient": refs(e.recipient)})
                for e in template.event_mentions
            ),
        }
    )


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


def fill(
    db: Path,
    records: list[dict[str, object]],
    name: str,
    pool: list[object],
    *,
    move_dates: bool = False,
    link_every: int = 0,
    dense: bool = False,
    published: dict[str, str] | None = None,
) -> None:
    """Ingest `records` in JSONL files and store a copied result for each new article; with
    `link_every`, link after each that many articles (in process, as news would arrive), so
    a big store is built by incremental links rather than one first link of everything."""
    from eventline.analyse import link_if_changed
    from eventline.analysis import state
    from eventline.analysis.key import analysis_key
    from eventline.pipeline import ingest, plan_sources
    from eventline.settings import Settings
    from eventline.store import Store
    from synth_corpus import ActorPopulation

    population = ActorPopulation()
    settings = Settings(db=str(db), processes=1, max_jsonl_records=10**7)
    key = analysis_key(settings)
    with Store(settings.db_url) as store:
        before = store.counts()["articles"]
        # Files of at most 10k records stay under the input size cap (max_document_bytes).
        size = min(10_000, link_every or 10_000)
        copied = 0
        for part in range(0, len(records), size):
            path = db.parent / f"{name}-{part}.jsonl"
            chunk = records[part : part + size]
            path.write_text("".join(json.dumps(r) + "\n" for r in chunk), encoding="utf-8")
            ingest(store, plan_sources([str(path)])[0], settings=settings)
            path.unlink()
            pending = state.pending_articles(store, key)
            for start in range(0, len(pending), 500):
                batch = pending[start : start + 500]
                results = []
                for i, a in enumerate(batch):
                    if dense:
                        template = pool[(copied + start + i) % len(pool)]
                        if move_dates:
                            template = redate(template, a.published.value if a.published else None)
                    else:
                        record = chunk[a.item - 1]
                        template = _recast_record(record, pool, population, published or {})
                    results.append(reid(template, a.id, key))
                state.write_outcomes(store, results)  # type: ignore[arg-type]
            copied += len(pending)
            if link_every:
                started = time.process_time()
                link_if_changed(store, settings=settings)
                done = part + len(chunk)
                print(f"  linked {done}: {time.process_time() - started:.1f}s CPU", flush=True)
        stored = store.counts()["articles"] - before
        if stored != len(records):  # a refused input would make every figure meaningless
            raise SystemExit(f"{name}: {stored} of {len(records)} articles ingested")


def _recast_record(
    record: dict[str, object], pool: list[object], population: Any, published: dict[str, str]
) -> object:
    """A synthetic report's result: its report's template (copies share the planted group),
    its actors drawn for the report (a follow-up, group "gNf", names those of "gN"), its dates
    moved to the report's first publication day."""
    import zlib

    group = str(record["planted_group"])
    template = pool[zlib.crc32(group.encode()) % len(pool)]
    template = recast(template, population, group.removesuffix("f"))
    return redate(template, published.get(group) or str(record["published"]))


def first_days(records: list[dict[str, object]]) -> dict[str, str]:
    """Planted group -> its earliest publication day (copies report the original's news)."""
    days: dict[str, str] = {}
    for r in records:
        group, day = str(r["planted_group"]), str(r["published"])
        days[group] = min(days.get(group, day), day)
    return days


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


def snapshot(db: Path, to: Path) -> None:
    """A consistent copy of the SQLite store `db` at `to` (the backup API copies a store
    whose write-ahead log is not yet checkpointed too)."""
    import sqlite3

    to.unlink(missing_ok=True)
    with sqlite3.connect(db) as source, sqlite3.connect(to) as target:
        source.backup(target)


def show(figures: tuple[float, int, float]) -> str:
    return f"{figures[0]:.1f}s wall, {figures[2]:.1f}s CPU, {figures[1]} MB peak"


def main() -> None:
    from synth_corpus import generate

    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=5000)
    parser.add_argument("--add", type=int, default=100)
    parser.add_argument("--keep", type=Path, help="folder to keep the stores in (else a temp)")
    parser.add_argument(
        "--templates", type=Path, help="a templates.db of an earlier run (skips the parse)"
    )
    parser.add_argument(
        "--dense",
        action="store_true",
        help="copy the templates in turn with their own 76 actors (the earlier benchmark)",
    )
    parser.add_argument(
        "--move-dates",
        action="store_true",
        help="with --dense: move each copied result's event dates with its article's date",
    )
    parser.add_argument(
        "--link-every",
        type=int,
        default=0,
        help="build the store by linking after each that many articles (0: one first link)",
    )
    parser.add_argument(
        "--per-day",
        type=float,
        default=0,
        help="spread the corpus over (N + add) / RATE days (a fixed articles-a-day rate, as "
        "a growing archive of the same feeds has) instead of 700 days whatever N is",
    )
    opts = parser.parse_args()
    days = round((opts.n + opts.add) / opts.per_day) if opts.per_day else 700
    records = list(generate(opts.n + opts.add, days=days))
    base, extra = records[: opts.n], records[opts.n :]
    how = {"move_dates": opts.move_dates, "dense": opts.dense, "published": first_days(records)}
    with tempfile.TemporaryDirectory() as tmp:
        folder = opts.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        pool = templates(folder, opts.templates)
        big, small = folder / "big.db", folder / "small.db"
        started = time.monotonic()
        fill(big, base, "base", pool, link_every=opts.link_every, **how)
        print(f"built the store of {opts.n} in {time.monotonic() - started:.0f}s", flush=True)
        if not opts.link_every:
            first = timed(big)
            print(f"first link of {opts.n} articles: {show(first)}", flush=True)
        again = timed(big)
        print(f"analyse with nothing new ({opts.n} articles): {show(again)}", flush=True)
        if opts.keep:  # the linked store before the additions, to re-run them on a copy
            snapshot(big, folder / "base.db")
        fill(big, extra, "extra", pool, **how)
        grown = timed(big)
        fill(small, extra, "extra", pool, **how)
        alone = timed(small)
        print(f"adding {opts.add} to {opts.n}: {show(grown)}")
        print(f"the same {opts.add} in an empty store: {show(alone)}")
        print(f"ratio: {grown[2] / alone[2]:.1f}x CPU, {grown[0] / alone[0]:.1f}x wall")


if __name__ == "__main__":
    main()
