"""Where a corpus link spends its CPU: one `link_corpus` over an existing store, with the CPU
seconds at which each stage starts.

    .venv/bin/python benchmarks/link_phases.py STORE.db

Run it on a copy (it writes the link's records). The first line (`link: actors`) is the time
spent loading every article and stored result; each later line is where that stage began.
"""

from __future__ import annotations

import resource
import sys
import time

from eventline.analysis.link import link_corpus
from eventline.settings import Settings
from eventline.store import Store


def main() -> None:
    settings = Settings(db=sys.argv[1], processes=1)
    start = time.process_time()
    seen: list[str] = []

    def tick(stage: str, _done: int, _total: int) -> None:
        if not seen or seen[-1] != stage:
            seen.append(stage)
            print(f"{time.process_time() - start:7.1f}s CPU  -> {stage}", flush=True)

    with Store(settings.db_url) as store:
        link_corpus(store, settings=settings, progress=tick)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"{time.process_time() - start:7.1f}s CPU in all, {peak} MB peak")


if __name__ == "__main__":
    main()
