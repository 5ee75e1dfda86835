"""Exports read the store through the query layer, on both backends: one field list (the
public models'), records streamed a page at a time, CSV cells safe from formulas, and every
exported field documented in docs/exports.md."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

from eventline import queries
from eventline.exports import EXPORTS, export_all
from eventline.model import Article, ListingItem
from eventline.store import Store
from tests.store.corpus import build

DOCS = Path(__file__).resolve().parents[2] / "docs" / "exports.md"


@pytest.fixture
def filled(store: Store) -> Store:
    corpus = build()
    listing = Article(
        id="art_listing", document_id=corpus.document.id, source_path="feed.jsonl", item=9,
        kind="listing", title="=HYPERLINK(\"http://x\",\"click\")", body="Front page",
        items=(ListingItem(title="Talks resume", url="https://example.org/t", fetch=True),
               ListingItem(title="@SUM(1+1)", teaser="-2 dead")),
    )  # fmt: skip
    store.write_document(corpus.document, [*corpus.articles, listing])
    store.replace_analysis(corpus.records, {})  # type: ignore[arg-type]
    return store


def _jsonl(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_columns_are_the_public_model_fields(filled: Store, tmp_path: Path) -> None:
    export_all(filled, tmp_path / "j", fmt="jsonl")
    export_all(filled, tmp_path / "c", fmt="csv")
    for stem, export in EXPORTS.items():
        fields = list(export.model.model_fields)
        with (tmp_path / "c" / f"{stem}.csv").open(encoding="utf-8", newline="") as handle:
            assert next(csv.reader(handle)) == fields, stem
        records = _jsonl(tmp_path / "j" / f"{stem}.jsonl")
        assert records, f"{stem}: the corpus fills every export file"
        assert all(list(r) == fields for r in records), stem


def test_exports_answer_what_the_queries_answer(filled: Store, tmp_path: Path) -> None:
    """The same records as `--json` and the API: the find_* answers, dumped."""
    export_all(filled, tmp_path, fmt="jsonl")
    events = [e.model_dump(mode="json") for e in queries.find_events(filled, limit=None).data]
    assert _jsonl(tmp_path / "events.jsonl") == events
    assert {e["id"] for e in events} == {"evt_strike", "evt_talks"}  # merged, not mentions
    quotes = _jsonl(tmp_path / "quotes.jsonl")
    assert quotes == [q.model_dump(mode="json") for q in queries.find_quotes(filled).data]
    stories = _jsonl(tmp_path / "stories.jsonl")
    assert [len(s["articles"]) for s in stories] == [3]  # type: ignore[arg-type]
    items = _jsonl(tmp_path / "listing_items.jsonl")
    assert [(i["article"], i["position"], i["fetch"]) for i in items] == [
        ("art_listing", 1, True),
        ("art_listing", 2, False),
    ]


def test_exports_stream_page_by_page(
    filled: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With pages of one row every file still holds every record once, in the same order:
    keyset paging through each query, never one read of the whole corpus."""
    export_all(filled, tmp_path / "whole", fmt="jsonl")
    reads: list[int | None] = []
    real_page = queries._page

    def counting_page(*args: object, **kwargs: object) -> object:
        reads.append(kwargs.get("limit"))  # type: ignore[arg-type]
        return real_page(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(queries, "PAGE", 1)
    monkeypatch.setattr(queries, "_page", counting_page)
    export_all(filled, tmp_path / "paged", fmt="jsonl")
    assert reads and set(reads) == {1}
    for stem in EXPORTS:
        name = f"{stem}.jsonl"
        whole = (tmp_path / "whole" / name).read_text(encoding="utf-8")
        assert (tmp_path / "paged" / name).read_text(encoding="utf-8") == whole, stem


def test_csv_cells_cannot_run_formulas(filled: Store, tmp_path: Path) -> None:
    export_all(filled, tmp_path, fmt="csv")
    with (tmp_path / "articles.csv").open(encoding="utf-8", newline="") as handle:
        titles = {row["id"]: row["title"] for row in csv.DictReader(handle)}
    assert titles["art_listing"] == '\'=HYPERLINK("http://x","click")'
    with (tmp_path / "listing_items.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["title"] for r in rows] == ["Talks resume", "'@SUM(1+1)"]
    assert rows[1]["teaser"] == "'-2 dead"
    with (tmp_path / "events.csv").open(encoding="utf-8", newline="") as handle:
        scores = [row["score"] for row in csv.DictReader(handle)]
    assert "-2.0" in scores  # numbers stay numbers


def _documented(section: str) -> set[str]:
    text = DOCS.read_text(encoding="utf-8")
    match = re.search(rf"^## {re.escape(section)}\n(.*?)(?=^## |\Z)", text, re.M | re.S)
    assert match, f"docs/exports.md has no section {section}"
    return set(re.findall(r"`([a-z_]+)`", match.group(1)))


def test_every_exported_field_is_documented() -> None:
    for stem, export in EXPORTS.items():
        missing = set(export.model.model_fields) - _documented(f"{stem}.jsonl")
        assert not missing, f"{stem}: {sorted(missing)} not in docs/exports.md"
