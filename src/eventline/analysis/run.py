"""Running the per-article step over pending articles: batches, worker processes, writes.

Each batch's results are written as soon as it is done (one transaction per batch), so
Ctrl-C or `kill -9` loses at most the batches in flight and the next run finishes the rest.
With `processes` > 1 the batches go to worker processes; the whole per-article step (parse
and coding) runs there, and results come back in order to be written by this process alone.
Where processes can be forked (Linux, no other thread running), this process loads the
pipeline and warms it up on a made-up article, which also loads the lazily read resources
(actor KB, gazetteer, lexicons), then forks the workers: they share what is loaded instead of
each spending seconds of CPU loading it again. Elsewhere the workers are spawned and each
loads the pipeline once.

The loaded, warmed-up pipeline is kept out of the cyclic garbage collector's walks while the
run uses it (`eventline.analysis.heap`).

One huge article must not hold the others back (docs/configuration.md, "Limits"): only the
first `max_article_chars` of a body are analysed, with a `limit` row in `eventline errors`
saying so, and the pending articles go shortest first in batches of at most `batch_size`
articles and about `max(chunk_chars, max_article_chars)` characters, so a long article is
parsed in a batch of its own after every shorter one is written.
"""

from __future__ import annotations

import multiprocessing
import sys
import threading
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from eventline.analysis import state
from eventline.analysis.chunks import bounded_prefix
from eventline.analysis.heap import frozen_heap
from eventline.model import AnalysisFailure, Article
from eventline.settings import Settings
from eventline.store import Store

if TYPE_CHECKING:  # spaCy is imported only when articles are parsed
    from spacy.language import Language

    from eventline.analysis.article import Outcome

Progress = Callable[[str, int, int], None]

_WORKER: dict[str, Any] = {}


def load_pipeline(settings: Settings) -> Language:
    from eventline.nlp import load_nlp

    return load_nlp(kb_files=settings.kb_files, model=settings.model)


def ready_pipeline(settings: Settings, freeze: Callable[[], None]) -> Language:
    """The pipeline loaded and warmed up (the resources it loads lazily loaded too), frozen
    after each of the two steps, so a collection the warm-up's loads start walks only them."""
    from eventline.analysis.article import warm_up

    nlp = load_pipeline(settings)
    freeze()
    warm_up(nlp, settings)
    freeze()
    return nlp


def _init_worker(settings: Settings) -> None:
    _WORKER["nlp"] = load_pipeline(settings)
    _WORKER["settings"] = settings


def _run_in_worker(job: tuple[list[Article], str]) -> list[Outcome]:
    articles, key = job
    return analyse_bounded(articles, _WORKER["nlp"], _WORKER["settings"], key=key)


def analyse_bounded(
    articles: Sequence[Article], nlp: Language, settings: Settings, *, key: str
) -> list[Outcome]:
    """`analyse_batch` on at most `max_article_chars` of each body. The stored article keeps
    its whole body; an article cut short gets, beside its result, an `AnalysisFailure` of stage
    "limit" saying how much was analysed, so `eventline errors` shows it and the next run does
    not analyse it again (`eventline update ART_ID` or `analyse --everything` does)."""
    from eventline.analysis.article import analyse_batch

    limit = settings.max_article_chars
    bounded = [_bounded(a, limit) for a in articles]
    outcomes = analyse_batch(bounded, nlp, settings, key=key)
    notes = [
        AnalysisFailure(
            article=a.id,
            stage="limit",
            reason=f"only the first {len(b.body):,} of {len(a.body):,} characters were "
            f"analysed (setting max_article_chars, {limit:,})",
            key=key,
        )
        for a, b in zip(articles, bounded, strict=True)
        if b is not a
    ]
    return [*outcomes, *notes]


def _bounded(article: Article, limit: int) -> Article:
    if len(article.body) <= limit:
        return article
    return article.model_copy(update={"body": bounded_prefix(article.body, limit=limit)})


def size_batches(articles: Sequence[Article], *, size: int, chars: int) -> list[list[Article]]:
    """The articles shortest first, in batches of at most `size` articles whose bodies add
    up to about `chars` characters (a longer article is a batch of its own): short articles
    are analysed and written before a long one is parsed, whatever the arrival order."""
    batches: list[list[Article]] = []
    batch: list[Article] = []
    total = 0
    for article in sorted(articles, key=lambda a: len(a.body)):
        length = len(article.body)
        if batch and (len(batch) >= size or total + length > chars):
            batches.append(batch)
            batch, total = [], 0
        batch.append(article)
        total += length
    if batch:
        batches.append(batch)
    return batches


def analyse_pending(
    store: Store,
    articles: Sequence[Article],
    *,
    settings: Settings,
    key: str,
    progress: Progress | None = None,
) -> tuple[int, list[AnalysisFailure]]:
    """Analyse `articles` and store each batch's results; (analysed, failures)."""
    if not articles:
        return 0, []
    # Small runs are cut finer, so that every worker process gets a share.
    size = max(1, min(settings.batch_size, -(-len(articles) // settings.processes)))
    chars = max(settings.chunk_chars, settings.max_article_chars)
    batches = [(batch, key) for batch in size_batches(articles, size=size, chars=chars)]
    done, failed = 0, list[AnalysisFailure]()
    processes = min(settings.processes, len(batches))
    if processes <= 1:
        with frozen_heap() as freeze:
            nlp = ready_pipeline(settings, freeze)
            results = (analyse_bounded(b, nlp, settings, key=k) for b, k in batches)
            done, failed = _drain(store, results, len(articles), progress)
        return done, failed
    if not _can_fork():
        context = multiprocessing.get_context("spawn")
        with context.Pool(processes, initializer=_init_worker, initargs=(settings,)) as pool:
            done, failed = _drain(
                store, pool.imap(_run_in_worker, batches), len(articles), progress
            )
        return done, failed
    try:
        with frozen_heap() as freeze:  # forked workers inherit the loaded, warmed-up pipeline
            _WORKER["nlp"], _WORKER["settings"] = ready_pipeline(settings, freeze), settings
            with multiprocessing.get_context("fork").Pool(processes) as pool:
                done, failed = _drain(
                    store, pool.imap(_run_in_worker, batches), len(articles), progress
                )
    finally:
        _WORKER.clear()
    return done, failed


def _can_fork() -> bool:
    """Fork where it is the platform's own default (Linux; macOS and Windows spawn), and only
    from a process running no other thread (a progress bar's refresh thread could hold a lock
    a forked child then waits for)."""
    return (
        sys.platform.startswith("linux")
        and "fork" in multiprocessing.get_all_start_methods()
        and threading.active_count() == 1
    )


def _drain(
    store: Store, results: Any, total: int, progress: Progress | None
) -> tuple[int, list[AnalysisFailure]]:
    done, failed = 0, list[AnalysisFailure]()
    for outcomes in results:
        state.write_outcomes(store, outcomes)
        done += len({o.article for o in outcomes})  # a "limit" note goes with its result
        failed += [o for o in outcomes if isinstance(o, AnalysisFailure)]
        if progress is not None:
            progress("analyse articles", done, total)
    return done, failed


def _claim_in_worker(settings: Settings) -> int:
    from eventline.analysis.key import analysis_key
    from eventline.analysis.worker import claim_batch

    key = analysis_key(settings)
    done = 0
    with frozen_heap() as freeze, Store(settings.db_url) as store:
        nlp = ready_pipeline(settings, freeze)
        while ids := claim_batch(store, nlp, settings, key=key):
            done += len(ids)
    return done


def claim_all(
    store: Store, *, settings: Settings, progress: Progress | None = None
) -> tuple[int, list[AnalysisFailure]]:
    """Analyse pending articles by claiming batches (safe beside other processes doing the
    same); with `processes` > 1, that many claiming processes."""
    from eventline.analysis.key import analysis_key
    from eventline.analysis.worker import claim_batch

    key = analysis_key(settings)
    total = state.pending_count(store, key)  # a count: no article is loaded to be counted
    if total == 0:
        return 0, []
    processes = min(settings.processes, -(-total // settings.batch_size))
    if processes <= 1:
        done = 0
        with frozen_heap() as freeze:
            nlp = ready_pipeline(settings, freeze)
            while ids := claim_batch(store, nlp, settings, key=key):
                done += len(ids)
                if progress is not None:
                    progress("analyse articles", done, max(total, done))
    else:
        context = multiprocessing.get_context("spawn")
        with context.Pool(processes) as pool:
            done = sum(pool.map(_claim_in_worker, [settings] * processes))
    failed = [f for f in state.failures(store) if f.key == key]
    return done, failed
