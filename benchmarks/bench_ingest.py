"""Ingest throughput: articles per second for plain text, HTML and feeds, peak memory, and the
HTML figure as a ratio to calling trafilatura alone on the same pages.

    .venv/bin/python benchmarks/bench_ingest.py [--copies 40]

Inputs are the example corpus's files, each repeated with a unique marker line so every copy
is a new document (re-ingesting identical bytes would be a no-op and measure nothing)."""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

import trafilatura

from eventline.ingest.decode import decode
from eventline.pipeline import ingest, plan_sources
from eventline.settings import Settings
from eventline.store import Store

CORPUS = Path(__file__).resolve().parents[1] / "examples" / "corpus"
GROUPS = {"text": (".txt",), "html": (".html", ".htm"), "feeds": (".rss", ".atom", ".xml")}


def make_copies(folder: Path, suffixes: tuple[str, ...], copies: int) -> list[Path]:
    originals = sorted(p for p in CORPUS.iterdir() if p.suffix in suffixes)
    made = []
    for n in range(copies):
        for original in originals:
            data = original.read_bytes()
            marker = f"\n<!-- copy {n} -->\n" if original.suffix != ".txt" else f"\n[copy {n}]\n"
            target = folder / f"{n:04d}-{original.name}"
            target.write_bytes(data + marker.encode())
            made.append(target)
    return made


def run_group(name: str, suffixes: tuple[str, ...], copies: int) -> tuple[float, int, float]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / name
        folder.mkdir()
        files = make_copies(folder, suffixes, copies)
        settings = Settings(db=str(Path(tmp) / "bench.db"))
        with Store(settings.db_url) as store:
            sources, _ = plan_sources([str(folder)])
            start = time.perf_counter()
            report = ingest(store, sources, settings=settings)
            elapsed = time.perf_counter() - start
        trafilatura_alone = 0.0
        if name == "html":
            start = time.perf_counter()
            for path in files:
                text, _ = decode(path.read_bytes(), source=str(path))
                trafilatura.bare_extraction(text, with_metadata=True, include_comments=False)
            trafilatura_alone = time.perf_counter() - start
    return elapsed, report.articles, trafilatura_alone


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=40, help="copies of each corpus file")
    args = parser.parse_args()
    print(f"{'format':<8}{'articles':>10}{'seconds':>10}{'articles/s':>12}  note")
    for name, suffixes in GROUPS.items():
        elapsed, articles, alone = run_group(name, suffixes, args.copies)
        note = f"{elapsed / alone:.2f}x trafilatura alone ({alone:.2f}s)" if alone else ""
        rate = articles / elapsed if elapsed else 0.0
        print(f"{name:<8}{articles:>10}{elapsed:>10.2f}{rate:>12.1f}  {note}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory: {peak:.0f} MiB")


if __name__ == "__main__":
    main()
