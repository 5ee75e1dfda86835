"""CPU of the ingest stage (read, decode, extract) and the clean stage over some inputs:
median of 31 in-process runs after a warm-up, so start-up and imports do not count.
`PYTHONPATH=$PWD/src .venv/bin/python benchmarks/bench_stages_cpu.py examples/corpus`."""

import sys
import time

from eventline.clean import clean_document
from eventline.ingest import iter_sources, read_document
from eventline.model import Hints
from eventline.settings import Settings

paths = sys.argv[1:]
settings = Settings(db=":memory:")
sources = [s for s in iter_sources(paths) if not isinstance(s, Exception)]


def run():
    docs = []
    t0 = time.process_time()
    for s in sources:
        try:
            docs.append(read_document(s, settings=settings, hints=Hints()))
        except Exception:
            pass
    t1 = time.process_time()
    for d in docs:
        clean_document(d)
    t2 = time.process_time()
    return t1 - t0, t2 - t1


run()  # warm up
ing, cl = zip(*(run() for _ in range(31)))
print(f"ingest {sorted(ing)[15]:.3f} clean {sorted(cl)[15]:.3f}")
