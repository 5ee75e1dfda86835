"""Analysis speed against a bare spaCy parse of the same texts, side by side in one run.

    .venv/bin/python benchmarks/bench_analyse.py [--repeat N] [--processes P]

Texts: the development samples (../shared/samples/russia-iran, real news of about 700 words),
repeated N times with a marker line so every copy is a distinct article. "bare" is
`nlp.pipe` of the spaCy model alone (no eventline component), one process; "eventline" is
`eventline.analyse.analyse` on a fresh store holding the same texts (actors, events, quotes,
dates, and corpus linking), first with one process, then with P (default: the cores
available). Also prints the stored per-article result size (bytes per article).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples" / "russia-iran"


def texts(repeat: int) -> list[str]:
    bodies = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    return [f"{body}\n\nCopy {n}.\n" for n in range(repeat) for body in bodies]


def bare(corpus: list[str], model: str) -> float:
    import spacy

    nlp = spacy.load(model)
    list(nlp.pipe(corpus[:2]))  # warm up
    start = time.perf_counter()
    for _ in nlp.pipe(corpus, batch_size=32):
        pass
    return time.perf_counter() - start


def eventline_run(corpus: list[str], processes: int, folder: Path) -> tuple[float, int, int]:
    from eventline.analyse import analyse
    from eventline.analysis.state import analysis_size
    from eventline.pipeline import ingest, plan_sources
    from eventline.settings import Settings
    from eventline.store import Store

    inputs = folder / f"in{processes}"
    inputs.mkdir()
    for i, text in enumerate(corpus):
        (inputs / f"{i:05d}.txt").write_text(text, encoding="utf-8")
    settings = Settings(db=str(folder / f"bench{processes}.db"), processes=processes)
    with Store(settings.db_url) as store:
        sources, _ = plan_sources([str(inputs)])
        ingest(store, sources, settings=settings, hints=None)
        start = time.perf_counter()
        analyse(store, settings=settings)
        elapsed = time.perf_counter() - start
        count, size = analysis_size(store)
    return elapsed, count, size


def main() -> None:
    from eventline.analysis.article import model_package
    from eventline.settings import Settings, available_cores

    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=4)
    parser.add_argument("--processes", type=int, default=available_cores())
    opts = parser.parse_args()
    corpus = texts(opts.repeat)
    words = sum(len(t.split()) for t in corpus)
    model = model_package(Settings())
    base = bare(corpus, model)
    print(f"{len(corpus)} articles, {words} words ({words / len(corpus):.0f} a article)")
    print(f"bare nlp.pipe ({model}, 1 process): {base:.1f}s, {len(corpus) / base:.2f} art/s")
    with tempfile.TemporaryDirectory() as tmp:
        for processes in sorted({1, opts.processes}):
            elapsed, count, size = eventline_run(corpus, processes, Path(tmp))
            print(
                f"eventline analyse ({processes} process{'es' if processes > 1 else ''}): "
                f"{elapsed:.1f}s, {len(corpus) / elapsed:.2f} art/s, {words / elapsed:.0f} "
                f"words/s, {elapsed / base:.2f}x the bare parse"
            )
        print(f"stored per-article results: {size / max(count, 1) / 1024:.1f} KB an article")


if __name__ == "__main__":
    main()
