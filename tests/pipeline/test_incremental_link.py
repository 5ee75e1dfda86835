"""Incremental linking: a second batch of articles is linked against the stored records
(the touched ones only), keeps every id, and agrees with a full `relink`."""

from __future__ import annotations

from pathlib import Path

import pytest

import eventline.analysis.link as link_module
from eventline.analyse import analyse, relink
from eventline.analysis import state
from eventline.analysis.link import link_corpus
from eventline.model import DuplicateGroup, Event, Mention
from eventline.pipeline import ingest, plan_sources
from eventline.settings import Settings
from eventline.store import Store
from tests.conftest import EXAMPLES


def _files() -> list[Path]:
    return sorted(p for p in EXAMPLES.iterdir() if p.is_file() and p.suffix != ".md")


@pytest.mark.slow
def test_a_second_batch_is_linked_incrementally_keeping_ids(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings(db=str(tmp_path / "all.db"), processes=1)
    files = _files()
    with Store(settings.db_url) as whole:
        ingest(whole, plan_sources([str(p) for p in files])[0], settings=settings)
        analyse(whole, settings=settings)
        analyses = {a.article: a for a in state.iter_analyses(whole)}
    half = len(files) // 2
    with Store(f"sqlite:///{tmp_path / 'inc.db'}") as store:
        for n, batch in enumerate((files[:half], files[half:])):
            ingest(store, plan_sources([str(p) for p in batch])[0], settings=settings)
            fresh = [analyses[a.id] for a in state.pending_articles(store, "copied")]
            state.write_outcomes(store, [a.model_copy(update={"key": "copied"}) for a in fresh])
            if n == 1:
                before = {e.id: e for e in store.records("events", Event)}

                def no_full_link(*args: object, **kwargs: object) -> object:
                    raise AssertionError("the second batch must be linked incrementally")

                monkeypatch.setattr(link_module, "link_all", no_full_link)
            link_corpus(store, settings=settings)
        monkeypatch.undo()
        after = {e.id: e for e in store.records("events", Event)}
        groups = {frozenset(g.members) for g in store.records("duplicate_groups", DuplicateGroup)}
        mentions = store.records("mentions", Mention)
        # Stable ids: an event whose reports only grew keeps its id.
        for event_id, event in before.items():
            grown = [e for e in after.values() if set(event.mentions) <= set(e.mentions)]
            if grown:
                assert event_id in {e.id for e in grown}, event_id
        assert all(m.actor is None or m.actor.id for m in mentions)
        relink(store, settings=settings)
        relinked = {frozenset(g.members) for g in store.records("duplicate_groups", DuplicateGroup)}
        assert groups == relinked, "copy groups equal a relink's"
        assert set(after) & {e.id for e in store.records("events", Event)}, "relink keeps ids"
