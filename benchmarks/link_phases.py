"""Where a corpus link spends its CPU: one `link_corpus` over an existing store, with the CPU
seconds at which each stage starts.

    .venv/bin/python benchmarks/link_phases.py STORE.db [--functions] [--io]

Run it on a copy (it writes the link's records). The first line (`link: actors`) is the time
spent loading every article and stored result; each later line is where that stage began.
`--functions` adds the inclusive CPU seconds of the link's main steps, timed by wrappers
rather than a profiler (cProfile inflates Python-heavy steps several times over and hides
what SQLite and the garbage collector cost). `--io` adds the statements that read or wrote
the most bytes (from /proc/self/io, Linux): a step that grows with the store shows up as a
statement reading a table as large as the store.
"""

from __future__ import annotations

import functools
import importlib
import resource
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

from eventline.analysis.link import link_corpus
from eventline.settings import Settings
from eventline.store import Store

#: (module, function or Class.method) timed by `--functions`.
STEPS = [
    ("eventline.analysis.increment", "new_articles"),
    ("eventline.analysis.increment", "resolve_new"),
    ("eventline.analysis.link", "_link_copies"),
    ("eventline.analysis.link", "_duplicate_groups"),
    ("eventline.corpus.stories", "StoryIndex.add"),
    ("eventline.analysis.story_table", "StoredStories._candidates"),
    ("eventline.analysis.story_table", "StoredStories._load_stories"),
    ("eventline.analysis.story_table", "StoredStories.prefetch"),
    ("eventline.analysis.story_table", "StoredStories._need_terms"),
    ("eventline.analysis.story_table", "StoredStories._members_of"),
    ("eventline.corpus.stories", "StoryIndex.records_of"),
    ("eventline.analysis.increment", "merge_touched"),
    ("eventline.analysis.increment", "candidate_events"),
    ("eventline.analysis.event_link", "_recluster"),
    ("eventline.analysis.event_link", "_attach_all"),
    ("eventline.analysis.event_link", "merge_with_summaries"),
    ("eventline.corpus.merge", "_clusters"),
    ("eventline.corpus.merge", "_event"),
    ("eventline.corpus.merge", "event_summary"),
    ("eventline.analysis.attach", "event_state"),
    ("eventline.analysis.increment", "event_members"),
    ("eventline.analysis.increment", "read_mentions"),
    ("eventline.analysis.state", "assignments"),
    ("eventline.analysis.increment", "articles_by_id"),
    ("eventline.analysis.story_table", "StoredStories.need_terms_of"),
    ("eventline.store.writer", "Writer.put"),
    ("eventline.store.writer", "Writer.upsert_events"),
    ("eventline.store.writer", "Writer._write_parties"),
    ("eventline.store.writer", "Writer._set_links"),
    ("eventline.store.writer", "Writer._search"),
    ("eventline.store.writer", "Writer._upsert"),
    ("eventline.analysis.story_table", "save"),
    ("eventline.analysis.link", "_counted"),
    ("eventline.analysis.event_link", "link_events"),
    ("eventline.analysis.event_link", "_Context.matches"),
    ("eventline.analysis.event_link", "_released"),
    ("eventline.analysis.event_link", "_finish"),
    ("eventline.analysis.increment", "load_raw_summaries"),
    ("eventline.analysis.increment", "article_stubs"),
    ("eventline.analysis.increment", "write_summaries"),
    ("eventline.analysis.sync", "write_some"),
    ("eventline.analysis.sync", "write_articles"),
    ("eventline.analysis.state", "update_assignments"),
    ("eventline.analysis.story_redate", "redate_new"),
    ("eventline.analysis.story_redate", "write"),
    ("eventline.analysis.link", "_claims_of_new"),
    ("eventline.analysis.dedup_table", "StoredDuplicates.add"),
    ("eventline.analysis.dedup_table", "StoredDuplicates._buckets"),
    ("eventline.analysis.dedup_table", "StoredDuplicates._verify"),
    ("eventline.analysis.dedup_table", "StoredDuplicates._insert_entry"),
    ("eventline.analysis.dedup_table", "StoredDuplicates.groups"),
    ("eventline.analysis.dedup_table", "stale"),
    ("eventline.corpus.dedup", "DuplicateIndex._prepare"),
    ("eventline.corpus.stories", "StoryIndex._vector"),
    ("eventline.corpus.stories", "StoryIndex._best_story"),
    ("eventline.store.writer", "Writer._replace_owned"),
    ("eventline.store.writer", "Writer._replace_links"),
    ("eventline.store.writer", "Writer.upsert_stories"),
    ("eventline.store.writer", "Writer.upsert_actors"),
    ("eventline.store.writer", "Writer.clear_article_analysis"),
    ("eventline.analysis.link", "inc.write_some"),
    ("eventline.analysis.link", "inc.write_articles"),
    ("sqlalchemy.engine.default", "DefaultDialect.do_commit"),
]


def _timed(spent: dict[str, float]) -> None:
    """Wrap each step so that its outermost calls add their CPU seconds to `spent`."""
    for module_name, qualified in STEPS:
        owner: Any = importlib.import_module(module_name)
        *path, name = qualified.split(".")
        for part in path:
            owner = getattr(owner, part)
        original: Callable[..., Any] | None = getattr(owner, name, None)
        if original is None:  # a step this checkout does not have (comparing two checkouts)
            continue
        setattr(owner, name, _wrapper(original, f"{module_name.rsplit('.', 1)[-1]}.{qualified}"))
    spent.clear()
    _wrapper.spent = spent  # type: ignore[attr-defined]


def _wrapper(original: Callable[..., Any], label: str) -> Callable[..., Any]:
    depth = [0]

    @functools.wraps(original)
    def timed(*args: Any, **kwargs: Any) -> Any:
        depth[0] += 1
        started = time.process_time()
        try:
            return original(*args, **kwargs)
        finally:
            depth[0] -= 1
            if depth[0] == 0:
                spent = _wrapper.spent  # type: ignore[attr-defined]
                spent[label] = spent.get(label, 0.0) + time.process_time() - started

    return timed


def _io() -> tuple[int, int]:
    fields = dict(line.split(": ") for line in Path("/proc/self/io").read_text().splitlines())
    return int(fields["rchar"]), int(fields["wchar"])


def _watch_io(store: Store, seen: dict[str, list[int]]) -> None:
    """Count bytes read and written while each statement runs."""
    from sqlalchemy import event

    @event.listens_for(store.engine, "before_cursor_execute")
    def before(conn: Any, _cursor: Any, _sql: str, *_args: Any) -> None:
        conn.info["io"] = _io()

    @event.listens_for(store.engine, "after_cursor_execute")
    def after(conn: Any, _cursor: Any, sql: str, *_args: Any) -> None:
        read, written = _io()
        start = conn.info.pop("io", (read, written))
        entry = seen[" ".join(sql.split())[:90]]
        entry[0] += 1
        entry[1] += read - start[0]
        entry[2] += written - start[1]


def main() -> None:
    settings = Settings(db=sys.argv[1], processes=1)
    spent: dict[str, float] = {}
    if "--functions" in sys.argv:
        _timed(spent)
    begun = resource.getrusage(resource.RUSAGE_SELF)
    start = time.process_time()
    seen: list[str] = []
    statements: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])

    def tick(stage: str, _done: int, _total: int) -> None:
        if not seen or seen[-1] != stage:
            seen.append(stage)
            print(f"{time.process_time() - start:7.1f}s CPU  -> {stage}", flush=True)

    with Store(settings.db_url) as store:
        if "--io" in sys.argv:
            _watch_io(store, statements)
        link_corpus(store, settings=settings, progress=tick)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(
        f"{time.process_time() - start:7.1f}s CPU in all ({usage.ru_utime - begun.ru_utime:.2f} "
        f"user, {usage.ru_stime - begun.ru_stime:.2f} sys), {usage.ru_maxrss // 1024} MB peak"
    )
    for label, seconds in sorted(spent.items(), key=lambda kv: -kv[1]):
        print(f"{seconds:7.3f}s  {label}")
    top = sorted(statements.items(), key=lambda kv: -(kv[1][1] + kv[1][2]))[:15]
    for sql, (count, read, written) in top:
        print(f"{count:5d}x read {read / 1e6:6.1f} MB, wrote {written / 1e6:6.1f} MB  {sql}")


if __name__ == "__main__":
    main()
