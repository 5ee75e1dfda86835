"""Analysis speed against a bare spaCy parse of the same texts, side by side in one run.

    .venv/bin/python benchmarks/bench_analyse.py [--repeat N] [--processes P]

Texts: the development samples (../shared/samples/russia-iran, real news of about 700 words),
repeated N times with a marker line so every copy is a distinct article. "bare" is
`nlp.pipe` of the spaCy model alone (no eventline component), one process, as spaCy runs it
(matrix products on BLIS); "bare, OpenBLAS" is the same with the products on one-thread
OpenBLAS, as eventline runs the model (nlp/blas.py), so eventline's own share can be read off
too. "eventline" is
`eventline.analyse.analyse` on a fresh store holding the same texts (actors, events, quotes,
dates, and corpus linking), first with one process, then with P (default: the cores
available). Also prints the stored per-article result size (bytes per article).

Times are wall seconds and CPU seconds (the measuring process, plus its worker processes for
P > 1): on a shared machine wall time mostly measures waiting for a core, so the ratios are
given in CPU time too. Each `analyse` runs in a fresh process of its own (spaCy and eventline's
entry modules imported before the clock starts, as spaCy is for the bare parse), so the run
with P processes pays the same one-time costs as the run with one (in one process it would
find the actor KB, gazetteer and lexicons loaded by the run before it). "per-article step" is
`analyse_batch` over the same texts with the pipeline
already loaded and warmed up (as the bare parse is), and frozen out of the garbage collector's
walks as `analyse` freezes it (analysis/heap.py): the steady state of a long run, without
the one-time costs of a run (loading the model, actor KB, gazetteer and lexicons; corpus
linking), which `analyse` includes.

eventline's modules are compiled to bytecode before any clock starts (`compileall`, into the
usual `__pycache__` folders, which git ignores), as an installed package's are and as spaCy's
are: a development shell with PYTHONDONTWRITEBYTECODE set would otherwise make every fresh
`analyse` process compile the modules it imports from source (about 0.2 s of CPU), a cost no
installed eventline pays. `--no-compile` leaves them as they are.

`--components` also prints each pipeline component's CPU seconds over the same texts, the
pipeline as `analyse` loads it (eventline's components included), docs made fresh each pass
and every component run over the whole list in batches of `Settings.batch_size` as
`nlp.pipe` runs them; the fastest of three passes after a warm-up.

Built name indexes (people, cities) are read from the user's cache folder when an earlier run
left them there, as in everyday use; `--cold-cache` points `EVENTLINE_CACHE_DIR` at an empty
folder so every `analyse` builds them, as the first run after an install or a data change does.
"""

from __future__ import annotations

import argparse
import os
import resource
import tempfile
import time
from pathlib import Path
from typing import Any

SAMPLES = Path(__file__).resolve().parents[2] / "shared" / "samples" / "russia-iran"


def texts(repeat: int) -> list[str]:
    bodies = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    return [f"{body}\n\nCopy {n}.\n" for n in range(repeat) for body in bodies]


def cpu() -> float:
    """CPU seconds of this process and of its finished worker processes."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def bare(corpus: list[str], model: str, *, openblas: bool = False) -> tuple[float, float]:
    import spacy

    from eventline.nlp.blas import use_openblas

    nlp = spacy.load(model)
    if openblas and not use_openblas(nlp):
        return float("nan"), float("nan")
    list(nlp.pipe(corpus[:2]))  # warm up
    start, start_cpu = time.perf_counter(), cpu()
    for _ in nlp.pipe(corpus, batch_size=32):
        pass
    return time.perf_counter() - start, cpu() - start_cpu


def per_article(corpus: list[str]) -> tuple[float, float]:
    """(wall, CPU) of `analyse_batch` over the corpus with a loaded, warmed-up pipeline, kept
    out of the garbage collector's walks as `analyse` keeps it (analysis/heap.py)."""
    from eventline.analysis.article import analyse_batch
    from eventline.analysis.run import load_pipeline
    from eventline.model import Article
    from eventline.settings import Settings

    settings = Settings()
    articles = [
        Article(id=f"a{i}", document_id="bench", source_path="bench", item=i, body=text)
        for i, text in enumerate(corpus)
    ]
    try:
        from eventline.analysis.heap import frozen_heap
        from eventline.analysis.run import ready_pipeline
    except ImportError:  # an eventline from before analysis/heap.py, measured as it ran
        nlp = load_pipeline(settings)
        analyse_batch(articles[:2], nlp, settings, key="bench")  # warm up: KB, lexicons...
        start, start_cpu = time.perf_counter(), cpu()
        analyse_batch(articles, nlp, settings, key="bench")
        return time.perf_counter() - start, cpu() - start_cpu
    with frozen_heap() as freeze:
        nlp = ready_pipeline(settings, freeze)  # as analyse loads it: KB, gazetteer, lexicons
        analyse_batch(articles[:2], nlp, settings, key="bench")  # warm up on real texts too
        start, start_cpu = time.perf_counter(), cpu()
        analyse_batch(articles, nlp, settings, key="bench")
        return time.perf_counter() - start, cpu() - start_cpu


def components(corpus: list[str]) -> dict[str, float]:
    """CPU seconds of each pipeline component over the corpus (see the module docstring)."""
    from eventline.analysis.run import load_pipeline
    from eventline.settings import Settings

    settings = Settings()
    nlp = load_pipeline(settings)
    list(nlp.pipe(corpus[:2]))  # warm up: first-use loads
    best: dict[str, float] = {}
    for _ in range(3):
        start = cpu()
        docs = [nlp.make_doc(text) for text in corpus]
        spent = {"tokenizer": cpu() - start}
        for name, proc in nlp.pipeline:
            start = cpu()
            if hasattr(proc, "pipe"):
                docs = list(proc.pipe(docs, batch_size=settings.batch_size))
            else:
                docs = [proc(doc) for doc in docs]
            spent[name] = cpu() - start
        best = {k: min(v, best.get(k, v)) for k, v in spent.items()}
    return best


def eventline_run(corpus: list[str], processes: int, folder: Path) -> tuple[float, float, int, int]:
    """`analyse` timed in a fresh process (see the module docstring)."""
    import multiprocessing

    context = multiprocessing.get_context("spawn")
    receive, send = context.Pipe(duplex=False)
    # A Process, not a Pool: a pool's daemonic worker could not start analyse's own workers.
    child = context.Process(target=_timed_analyse, args=(corpus, processes, folder, send))
    child.start()
    send.close()  # the child's copy stays open: if it dies, recv() raises EOFError
    result: tuple[float, float, int, int] = receive.recv()
    child.join()
    return result


def _timed_analyse(corpus: list[str], processes: int, folder: Path, send: Any) -> None:
    import spacy  # noqa: F401 - imported before the clock, as for the bare parse

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
        start, start_cpu = time.perf_counter(), cpu()
        analyse(store, settings=settings)
        elapsed, used = time.perf_counter() - start, cpu() - start_cpu
        count, size = analysis_size(store)
    send.send((elapsed, used, count, size))


def compile_eventline() -> None:
    """Bytecode for every eventline module, as an install leaves it (see the docstring)."""
    import compileall

    import eventline

    compileall.compile_dir(str(Path(eventline.__file__).parent), quiet=1)


def main() -> None:
    from eventline.analysis.article import model_package
    from eventline.settings import Settings, available_cores

    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=4)
    parser.add_argument("--processes", type=int, default=available_cores())
    parser.add_argument("--cold-cache", action="store_true", help="build indexes every run")
    parser.add_argument("--no-compile", action="store_true", help="no bytecode compiled first")
    parser.add_argument("--components", action="store_true", help="CPU of each component too")
    opts = parser.parse_args()
    if not opts.no_compile:
        compile_eventline()
    corpus = texts(opts.repeat)
    words = sum(len(t.split()) for t in corpus)
    model = model_package(Settings())
    base, base_cpu = bare(corpus, model)
    print(f"{len(corpus)} articles, {words} words ({words / len(corpus):.0f} a article)")
    print(
        f"bare nlp.pipe ({model}, 1 process): {base:.1f}s ({base_cpu:.1f}s CPU), "
        f"{len(corpus) / base:.2f} art/s, {words / base:.0f} words/s"
    )
    same, same_cpu = bare(corpus, model, openblas=True)
    print(
        f"bare nlp.pipe, OpenBLAS products (as eventline runs the model): {same:.1f}s "
        f"({same_cpu:.1f}s CPU), {same / base:.2f}x the bare parse ({same_cpu / base_cpu:.2f}x "
        "in CPU time)"
    )
    with tempfile.TemporaryDirectory() as tmp:
        for processes in sorted({1, opts.processes}):
            if opts.cold_cache:  # a new empty folder for each run (spawned children inherit it)
                os.environ["EVENTLINE_CACHE_DIR"] = tempfile.mkdtemp(dir=tmp)
            elapsed, used, count, size = eventline_run(corpus, processes, Path(tmp))
            print(
                f"eventline analyse ({processes} process{'es' if processes > 1 else ''}): "
                f"{elapsed:.1f}s ({used:.1f}s CPU), {len(corpus) / elapsed:.2f} art/s, "
                f"{words / elapsed:.0f} words/s, {elapsed / base:.2f}x the bare parse "
                f"({used / base_cpu:.2f}x in CPU time)"
            )
        print(f"stored per-article results: {size / max(count, 1) / 1024:.1f} KB an article")
        if opts.cold_cache:  # the folders go with `tmp`: the per-article step uses the usual
            del os.environ["EVENTLINE_CACHE_DIR"]
    step, step_cpu = per_article(corpus)
    print(
        "per-article step (1 process, pipeline loaded): "
        f"{step:.1f}s ({step_cpu:.1f}s CPU), {len(corpus) / step:.2f} art/s, "
        f"{words / step:.0f} words/s, {step / base:.2f}x the bare parse "
        f"({step_cpu / base_cpu:.2f}x in CPU time)"
    )
    if opts.components:
        spent = components(corpus)
        parts = ", ".join(f"{name} {seconds:.3f}" for name, seconds in spent.items())
        print(f"pipeline components, CPU seconds: {parts} (sum {sum(spent.values()):.2f})")


if __name__ == "__main__":
    main()
