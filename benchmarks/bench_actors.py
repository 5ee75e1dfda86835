"""Actor pipeline cost against the bare spaCy model on the same text.

    PYTHONPATH=src .venv/bin/python benchmarks/bench_actors.py [TEXT_DIR] [--repeat N]

Prints tokens per second per core for both pipelines and the ratio of their times (target:
the actor components add at most 25%). Defaults to ../shared/samples if present. Times are CPU
time of this process (`time.process_time`): on a shared machine wall-clock ratios swing with the
load of other processes, CPU time much less.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import spacy

from eventline.nlp import load_nlp

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "samples"


def _texts(root: Path) -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(root.rglob("*.txt"))]


def _time(nlp: spacy.language.Language, texts: list[str], repeat: int) -> tuple[float, int]:
    best, tokens = float("inf"), 0
    for _ in range(repeat):
        start = time.process_time()
        tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=32))
        best = min(best, time.process_time() - start)
    return best, tokens


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("root", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    texts = _texts(args.root) * 4
    full = load_nlp()
    bare = spacy.load(full.meta["lang"] + "_" + full.meta["name"])
    _time(full, texts[:2], 1)
    bare_time, tokens = _time(bare, texts, args.repeat)
    full_time, _ = _time(full, texts, args.repeat)
    print(f"tokens: {tokens}")
    print(f"bare spaCy:      {tokens / bare_time:,.0f} tokens/s/core")
    print(f"actor pipeline:  {tokens / full_time:,.0f} tokens/s/core")
    print(f"time ratio (actor/bare): {full_time / bare_time:.3f}  (target <= 1.25)")


if __name__ == "__main__":
    main()
