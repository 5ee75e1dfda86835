"""Articles filed in another story, and event mentions in another event, than `relink`'s, for
the example corpus ingested one file at a time in the three orders of
tests/pipeline/test_arrival_order.py (sorted, reversed, shuffled with seed 7), with the
articles moved in each order (their date, outlet and title), to see which depend on order.

    PYTHONPATH=src .venv/bin/python benchmarks/story_arrival_orders.py
"""

from __future__ import annotations

import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from eventline.analyse import analyse, relink
from eventline.analysis import state
from eventline.pipeline import ingest, plan_sources
from eventline.settings import Settings
from eventline.store import Store
from tests.pipeline import test_arrival_order as arrival


def main() -> None:
    tmp = Path(tempfile.mkdtemp())
    settings = Settings(db=str(tmp / "all.db"), processes=1)
    files = sorted(p for p in arrival.EXAMPLES.iterdir() if p.is_file() and p.suffix != ".md")
    with Store(settings.db_url) as whole:
        sources, _ = plan_sources([str(p) for p in files])
        ingest(whole, sources, settings=settings)
        analyse(whole, settings=settings)
        analyses = {a.article: a for a in state.iter_analyses(whole)}
        relink(whole, settings=settings)
        stories, events = arrival._stories(whole), arrival._events(whole)
        articles = {a.id: a for a in whole.iter_articles()}
    orders = [files, files[::-1], random.Random(7).sample(files, len(files))]
    for n, order in enumerate(orders):
        with arrival._one_at_a_time(tmp / f"order{n}.db", order, analyses, settings) as store:
            mine, my_events = arrival._stories(store), arrival._events(store)
        moved = arrival._moved_items(mine, stories)
        print(
            f"order {n}: {len(moved)} articles in another story, "
            f"{arrival._moved(my_events, events)} event mentions in another event"
        )
        for article_id in sorted(moved):
            a = articles[article_id]
            date = a.published.value if a.published else None
            print(f"  {article_id[:12]} {date} {a.outlet} {(a.title or '')[:60]}")


if __name__ == "__main__":
    main()
