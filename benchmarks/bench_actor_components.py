"""CPU time of eventline's actor components and cross-document resolution alone, on docs the
spaCy model parsed once: best of N runs. On a shared machine this is steadier than the wall-clock
ratio of `bench_actors.py`; compare two checkouts by running it in each.

    PYTHONPATH=src .venv/bin/python benchmarks/bench_actor_components.py [TEXT_DIR] [--repeat N]

Also prints the CPU time of `load_nlp()` and of the first document (the lazy KB loads).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from eventline.model import Article
from eventline.nlp import load_nlp
from eventline.nlp.pipeline import resolve_docs

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "samples"
COMPONENTS = ("eventline_actors_v1", "eventline_people_v1")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("root", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    texts = [p.read_text(encoding="utf-8") for p in sorted(args.root.rglob("*.txt"))] * 2
    start = time.process_time()
    nlp = load_nlp()
    loaded = time.process_time() - start
    docs = list(nlp.pipe(texts, disable=list(COMPONENTS)))
    components = [nlp.get_pipe(name) for name in COMPONENTS]
    articles = [
        Article(id=f"a{i}", document_id="d", source_path="x", item=i, body=t)
        for i, t in enumerate(texts)
    ]
    start = time.process_time()
    for component in components:
        component(docs[0])
    first = time.process_time() - start
    best = float("inf")
    for _ in range(args.repeat):
        start = time.process_time()
        for doc in docs:
            doc.spans.clear()
            doc._.actor_table = None
            doc._.published = "2025-06-23"
            for component in components:
                component(doc)
        resolve_docs(docs, articles)
        best = min(best, time.process_time() - start)
    tokens = sum(len(d) for d in docs)
    print(f"load_nlp: {loaded:.2f}s CPU; first doc (lazy KB loads): {first:.2f}s CPU")
    print(f"components + resolution: {best:.3f}s CPU for {tokens} tokens")
    print(f"{tokens / best:,.0f} tokens/s/core")


if __name__ == "__main__":
    main()
