"""Throughput, memory and pairwise quality of DuplicateIndex on a synthetic corpus.

    python benchmarks/synth_corpus.py --n 100000 --out /tmp/synth100k.jsonl
    python benchmarks/bench_dedup.py --n 100000 --corpus /tmp/synth100k.jsonl

Without --corpus the corpus is generated in memory first (not timed). Reports articles/s for
`DuplicateIndex.add` alone and with Article construction, peak RSS, the size of `dump()`, and
pairwise precision/recall/F1 against the planted copies.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from eventline.corpus.dedup import DuplicateIndex
from eventline.model import Article, Published

sys.path.insert(0, str(Path(__file__).parent))
from synth_corpus import generate


def records(args: argparse.Namespace) -> Iterator[dict[str, Any]]:
    if args.corpus:
        with args.corpus.open(encoding="utf-8") as handle:
            for i, line in enumerate(handle):
                if i >= args.n:
                    return
                yield json.loads(line)
    else:
        yield from generate(args.n, seed=args.seed)


def article(record: dict[str, Any]) -> Article:
    return Article(
        id=record["id"],
        document_id="doc_synthetic",
        source_path="synthetic.jsonl",
        item=0,
        title=record["title"],
        body=record["body"],
        outlet=record["outlet"],
        wire=record.get("wire"),
        published=Published(value=record["published"], precision="day", evidence="synthetic"),
    )


def pairs(sizes: Iterable[int]) -> int:
    return sum(k * (k - 1) // 2 for k in sizes)


def score(planted: dict[str, str], groups: list[tuple[str, ...]]) -> dict[str, float]:
    """Pairwise precision/recall/F1 of predicted groups against planted groups."""
    gold = pairs(Counter(planted.values()).values())
    predicted = pairs(len(g) for g in groups)
    true = sum(pairs(Counter(planted[m] for m in g).values()) for g in groups)
    p = true / predicted if predicted else 1.0
    r = true / gold if gold else 1.0
    return {
        "precision": p,
        "recall": r,
        "f1": 2 * p * r / (p + r) if p + r else 0.0,
        "gold_pairs": gold,
        "predicted_pairs": predicted,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--corpus", type=Path, help="JSONL from synth_corpus.py")
    parser.add_argument(
        "--processes", type=int, default=os.cpu_count() or 1, help="workers for signatures"
    )
    args = parser.parse_args()

    planted: dict[str, str] = {}
    words = 0
    index = DuplicateIndex()
    build = 0.0
    arts = []
    for record in records(args):
        planted[record["id"]] = record["planted_group"]
        words += len(record["body"].split())
        t0 = time.perf_counter()
        arts.append(article(record))
        build += time.perf_counter() - t0
    t0 = time.perf_counter()
    index.add_many(arts, processes=args.processes)
    add = time.perf_counter() - t0
    t0 = time.perf_counter()
    groups = [g.members for g in index.groups()]
    dump = index.dump()
    t1 = time.perf_counter()
    restored = DuplicateIndex.load(dump)
    t2 = time.perf_counter()
    report = {
        "articles": len(planted),
        "processes": args.processes,
        "mean_words": round(words / max(1, len(planted)), 1),
        "add_per_s": round(len(planted) / add),
        "with_article_build_per_s": round(len(planted) / (add + build)),
        "groups_and_dump_s": round(t1 - t0, 2),
        "load_s": round(t2 - t1, 2),
        "dump_mb": round(len(dump) / 1e6, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "restored_equal": [g.members for g in restored.groups()] == groups,
        **{k: round(v, 4) for k, v in score(planted, groups).items()},
    }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
