"""The whole analysis over a small corpus written for this test, through the store."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventline.analyse import analyse
from eventline.model import DuplicateGroup, Event, Story
from eventline.pipeline import ingest, plan_sources
from eventline.settings import Settings
from eventline.store import Store

WIRE = (
    "Ministers meet in Vienna\n\n"
    "VIENNA, March 4 (Northline Wire) - Austrian Foreign Minister Karl Brandt hosted "
    "Hungarian Foreign Minister Peter Szabo in Vienna on Tuesday for talks on energy "
    "supplies and border controls. Brandt said the two governments had agreed to set up "
    "a joint commission on gas transit. Szabo told reporters that Budapest welcomed the "
    "offer and would send a delegation next month. The meeting came a week after both "
    "countries signed a customs accord in Brussels.\n"
)
COPY = WIRE.replace("Ministers meet in Vienna", "Austria and Hungary hold energy talks")
OTHER = (
    "Drought hits harvest\n\n"
    "Farmers in southern Spain reported the worst olive harvest in a decade on Friday, "
    "blaming months without rain. Cooperatives asked the regional government for aid.\n"
)


@pytest.mark.slow
def test_analyse_links_copies_and_is_repeatable(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in (("wire.txt", WIRE), ("copy.txt", COPY), ("other.txt", OTHER)):
        (folder / name).write_text(text)
    settings = Settings(db=str(tmp_path / "s.db"))
    with Store(settings.db_url) as store:
        sources, _ = plan_sources([str(folder)])
        ingest(store, sources, settings=settings)
        first = analyse(store, settings=settings)
        assert first.parsed == 3 and first.actors > 0 and first.event_mentions > 0
        groups = store.records("duplicate_groups", DuplicateGroup)
        assert len(groups) == 1 and len(groups[0].members) == 2
        stories = store.records("stories", Story)
        story_of = {a: s.id for s in stories for a in s.articles}
        assert len(set(story_of.values())) == 2, "the copies share a story, the drought not"
        events = store.records("events", Event)
        assert events and max(e.sources for e in events) == 1, "copies count as one source"
        second = analyse(store, settings=settings)
        assert second.parsed == 0, "parses come from the cache"
        assert store.records("events", Event) == events


@pytest.mark.slow
def test_example_corpus_analyses_end_to_end(tmp_path: Path) -> None:
    """The bundled corpus holds every input format, an opinion column and a fact-check."""
    examples = Path(__file__).resolve().parents[2] / "examples" / "corpus"
    settings = Settings(db=str(tmp_path / "s.db"))
    with Store(settings.db_url) as store:
        sources, _ = plan_sources([str(examples)])
        report = ingest(store, sources, settings=settings)
        assert not report.rejected
        result = analyse(store, settings=settings)
    assert result.articles >= 20 and result.claims >= 1 and result.duplicate_groups >= 1
    assert result.events < result.event_mentions, "some mentions merge into one event"
