"""The incremental analysis through a store: guards, long texts, resumption, stable ids."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from eventline.analyse import analyse, relink
from eventline.analysis import state
from eventline.analysis.article import analyse_article
from eventline.analysis.run import load_pipeline
from eventline.model import Event, EventMention
from eventline.pipeline import ingest, plan_sources
from eventline.settings import Settings
from eventline.store import Store
from tests.corpus.helpers import make

PARAGRAPH = (
    "Austrian Foreign Minister Karl Brandt met Hungarian Foreign Minister Peter Szabo in "
    "Vienna on Tuesday. Brandt said Austria would send a delegation to Budapest. Szabo "
    "condemned the attack on the border post.\n\n"
)


def _store_with(tmp_path: Path, texts: dict[str, str], **options: Any) -> tuple[Store, Settings]:
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    for name, text in texts.items():
        (folder / name).write_text(text)
    settings = Settings(db=str(tmp_path / "s.db"), processes=1, **options)
    store = Store(settings.db_url)
    sources, _ = plan_sources([str(folder)])
    ingest(store, sources, settings=settings, hints=None)
    return store, settings


@pytest.mark.slow
def test_a_long_article_is_analysed_in_pieces_with_offsets_into_its_body() -> None:
    settings = Settings(chunk_chars=1000, processes=1)
    body = PARAGRAPH * 12  # about 2,600 characters: three chunks
    article = make("art_long", body, "2025-03-04")
    result = analyse_article(article, load_pipeline(settings), settings)
    assert result.chunks >= 3
    assert result.mentions and all(body[m.start : m.end] == m.text for m in result.mentions)
    events = result.event_mentions
    assert events and all(
        body[e.evidence.start : e.evidence.end] == e.evidence.text for e in events
    )
    assert len({e.id for e in events}) == len(events), "ids of later chunks do not collide"
    late = [e for e in events if e.evidence.start > 2000]
    assert late and all(e.evidence.sentence >= 20 for e in late), "sentence numbers continue"


@pytest.mark.slow
def test_a_failing_article_is_recorded_and_the_others_are_analysed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import eventline.analysis.article as article_step

    real = article_step.code_doc

    def flaky(doc: Any, **kwargs: Any) -> Any:
        if "poison" in doc.text:
            raise ValueError("coder tripped")
        return real(doc, **kwargs)

    monkeypatch.setattr(article_step, "code_doc", flaky)
    store, settings = _store_with(
        tmp_path, {"a.txt": PARAGRAPH, "b.txt": "A poison pill.\n\n" + PARAGRAPH}
    )
    with store:
        report = analyse(store, settings=settings)
        assert report.parsed == 2 and len(report.failed) == 1
        (failure,) = state.failures(store)
        assert failure.stage == "code" and "coder tripped" in failure.reason
        assert report.event_mentions > 0, "the good article still went through"
        again = analyse(store, settings=settings)
        assert again.parsed == 0, "a recorded failure is not retried under the same key"


@pytest.mark.slow
def test_an_interrupted_run_keeps_finished_batches(tmp_path: Path) -> None:
    texts = {f"{i}.txt": PARAGRAPH.replace("Tuesday", f"day {i}") for i in range(3)}
    store, settings = _store_with(tmp_path, texts, batch_size=1)

    def interrupt(stage: str, done: int, total: int) -> None:
        if stage == "analyse articles" and done == 1:
            raise KeyboardInterrupt

    with store:
        with pytest.raises(KeyboardInterrupt):
            analyse(store, settings=settings, progress=interrupt)
        assert state.analysis_size(store)[0] == 1
        assert analyse(store, settings=settings).parsed == 2


@pytest.mark.slow
def test_relink_needs_no_parse_and_keeps_event_ids(tmp_path: Path) -> None:
    store, settings = _store_with(tmp_path, {"a.txt": PARAGRAPH, "b.txt": PARAGRAPH + "More."})
    with store:
        analyse(store, settings=settings)
        before = {e.id: e for e in store.records("events", Event)}
        mentions = store.records("event_mentions", EventMention)
        report = relink(store, settings=settings)
        assert report.parsed == 0
        assert {e.id: e for e in store.records("events", Event)} == before
        assert store.records("event_mentions", EventMention) == mentions
