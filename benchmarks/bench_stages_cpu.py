"""CPU of the ingest stage (read, decode, extract) and the clean stage over some inputs:
median of 31 in-process runs after a warm-up, so start-up and imports do not count.
`PYTHONPATH=$PWD/src .venv/bin/python benchmarks/bench_stages_cpu.py examples/corpus`."""

from __future__ import annotations

import sys
import time

from eventline.clean import clean_document
from eventline.errors import InputError
from eventline.ingest import InputSource, iter_sources, read_document
from eventline.model import Document, Hints
from eventline.settings import Settings

RUNS = 31


def _run(sources: list[InputSource], settings: Settings) -> tuple[float, float]:
    """(ingest, clean) CPU seconds of one pass; rejected inputs count in ingest."""
    documents: list[Document] = []
    start = time.process_time()
    for source in sources:
        try:
            documents.append(read_document(source, settings=settings, hints=Hints()))
        except InputError:
            continue
    read = time.process_time()
    for document in documents:
        clean_document(document)
    return read - start, time.process_time() - read


def main(paths: list[str]) -> None:
    settings = Settings(db=":memory:")
    sources = [s for s in iter_sources(paths) if isinstance(s, InputSource)]
    _run(sources, settings)  # warm up
    runs = [_run(sources, settings) for _ in range(RUNS)]
    ingest = sorted(r[0] for r in runs)[RUNS // 2]
    clean = sorted(r[1] for r in runs)[RUNS // 2]
    print(f"ingest {ingest:.3f} clean {clean:.3f}")


if __name__ == "__main__":
    main(sys.argv[1:])
