"""Where one `eventline analyse` spends its CPU, phase by phase, on the speed benchmark's texts.

    PYTHONPATH=src .venv/bin/python benchmarks/analyse_phases.py [--repeat N] [--runs R]

Same texts as `bench_analyse.py` (the development samples, N copies), one process, a fresh
store; spaCy and eventline's entry modules imported before the clock, as there. Each phase's
CPU seconds (`time.process_time`, this process only) are summed over the calls of the function
that does it, so the figures of nested phases overlap: "parse" is `nlp.pipe` over the bodies
and their dated captions (model and eventline's spaCy components), "code" is `code_doc`
(events, quotes, timexes), "captions" the dated captions' coding (their `code_doc` calls
included; a caption is parsed there only outside `analyse_batch`), "warm-up" the made-up article
parsed and coded before the first batch (what it loads lazily included), "link" corpus
linking. R runs go in R fresh processes, so each pays a run's one-time costs.
"""

from __future__ import annotations

import argparse
import multiprocessing
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

#: (module, function, label) of the phases timed.
PHASES = (
    ("eventline.analysis.run", "load_pipeline", "load pipeline"),
    ("eventline.analysis.article", "warm_up", "warm-up"),
    ("eventline.analysis.article", "_pipe", "parse"),
    ("eventline.analysis.article", "code_doc", "code"),
    ("eventline.analysis.article", "code_captions", "captions"),
    ("eventline.analysis.state", "write_outcomes", "write results"),
    ("eventline.analyse", "link_if_changed", "link"),
)


def _timed(function: Callable[..., Any], label: str, spent: dict[str, float]) -> Callable[..., Any]:
    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            spent[label] = spent.get(label, 0.0) + time.process_time() - start

    return timed


def one_run(repeat: int, send: Any) -> None:
    import importlib

    import spacy  # noqa: F401 - imported before the clock, as in bench_analyse.py

    from bench_analyse import texts
    from eventline.analyse import analyse
    from eventline.pipeline import ingest, plan_sources
    from eventline.settings import Settings
    from eventline.store import Store

    spent: dict[str, float] = {}
    for module_name, name, label in PHASES:
        module = importlib.import_module(module_name)
        setattr(module, name, _timed(getattr(module, name), label, spent))
    with tempfile.TemporaryDirectory() as tmp:
        inputs = Path(tmp) / "in"
        inputs.mkdir()
        for i, text in enumerate(texts(repeat)):
            (inputs / f"{i:05d}.txt").write_text(text, encoding="utf-8")
        settings = Settings(db=str(Path(tmp) / "phases.db"), processes=1)
        with Store(settings.db_url) as store:
            sources, _ = plan_sources([str(inputs)])
            ingest(store, sources, settings=settings, hints=None)
            start = time.process_time()
            analyse(store, settings=settings)
            spent["analyse (all)"] = time.process_time() - start
    send.send(spent)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=4)
    parser.add_argument("--runs", type=int, default=1)
    opts = parser.parse_args()
    context = multiprocessing.get_context("spawn")
    for run in range(opts.runs):
        receive, send = context.Pipe(duplex=False)
        child = context.Process(target=one_run, args=(opts.repeat, send))
        child.start()
        send.close()
        spent: dict[str, float] = receive.recv()
        child.join()
        total = spent.pop("analyse (all)")
        parts = ", ".join(f"{label} {spent.get(label, 0.0):.2f}" for _, _, label in PHASES)
        print(f"run {run + 1}: analyse {total:.2f} s CPU; {parts}")


if __name__ == "__main__":
    main()
