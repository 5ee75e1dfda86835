"""Event-stage speed: sentences coded per second, and the coder's share of pipeline time.

    .venv/bin/python benchmarks/bench_events.py [--repeat N]

Parses the development samples (../shared/samples/russia-iran) with the full nlp pipeline,
then times `code_doc` alone on the parsed docs. The samples are split naively (the aggregator
page on blank-line runs); this measures speed, not quality.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples" / "russia-iran"


def sample_texts() -> list[tuple[str, str]]:
    """(article id, body) pairs; the aggregator page's items get "#1", "#2", ... ids."""
    out: list[tuple[str, str]] = []
    for path in sorted(SAMPLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        parts = [p.strip() for p in text.split("\n\n\n") if p.strip()]
        if len(parts) > 1 and path.stem.startswith("002"):
            out.extend((f"{path.stem}#{i}", p) for i, p in enumerate(parts, 1))
        else:
            out.append((path.stem, text))
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    opts = parser.parse_args()
    from eventline.events.document import code_doc
    from eventline.nlp.pipeline import load_nlp

    nlp = load_nlp()
    texts = [body for _, body in sample_texts()] * opts.repeat
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts))
    parse = time.perf_counter() - t0
    t1 = time.perf_counter()
    for i, doc in enumerate(docs):
        code_doc(doc, article_id=f"a{i}", published="2025-06-23")
    coding = time.perf_counter() - t1
    sentences = sum(len(list(d.sents)) for d in docs)
    print(f"docs={len(docs)} sentences={sentences}")
    print(f"nlp: {parse:.2f}s  coder: {coding:.2f}s  coder share: {coding / (parse + coding):.1%}")
    print(
        f"coder: {sentences / coding:.0f} sentences/s; pipeline: "
        f"{sentences / (parse + coding):.0f} sentences/s"
    )


if __name__ == "__main__":
    main()
