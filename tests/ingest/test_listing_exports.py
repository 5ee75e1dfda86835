"""A listing page's items reach the exports: `items` in articles.jsonl and one row per item in
listing_items.jsonl/.csv, CSV cells safe from formulas (issue 9 leftover)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

from tests.hostile.helpers import cli


def _card(n: int, title: str) -> str:
    return (
        f'<div class="card"><h3><a href="https://news.example/2025/06/{n:02d}/story-{n}">{title}'
        f"</a></h3><p>Officials said the round {n} talks covered rail tariffs and checks.</p>"
        f"<time datetime='2025-06-{n:02d}'>June {n}</time></div>"
    )


def _listing(tmp_path: Path) -> Path:
    titles = [f"Ministers meet again over grain exports, round {n}" for n in (3, 4, 5)]
    titles.append('=HYPERLINK("http://evil.example","Click") grain round 6')
    cards = "".join(_card(n, t) for n, t in zip((3, 4, 5, 6), titles, strict=True))
    page = tmp_path / "trade.html"
    page.write_text(
        f"<html><head><title>Trade</title></head><body><h1>Trade</h1>{cards}</body></html>",
        encoding="utf-8",
    )
    return page


def _rows(path: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_listing_items_are_exported(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    assert cli(db, "ingest", str(_listing(tmp_path))).code == 0
    assert cli(db, "export", str(tmp_path / "j")).code == 0
    (page,) = _rows(tmp_path / "j" / "articles.jsonl")
    assert page["kind"] == "listing" and len(page["items"]) == 4
    rows = _rows(tmp_path / "j" / "listing_items.jsonl")
    assert [r["position"] for r in rows] == [1, 2, 3, 4]
    first = rows[0]
    assert first["article"] == page["id"]
    assert first["title"] == "Ministers meet again over grain exports, round 3"
    assert first["teaser"].startswith("Officials said the round 3 talks")
    assert first["url"] == "https://news.example/2025/06/03/story-3"
    assert first["published"] == "2025-06-03" and first["fetch"] is True


def test_listing_items_csv_cells_are_safe(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    assert cli(db, "ingest", str(_listing(tmp_path))).code == 0
    assert cli(db, "export", str(tmp_path / "c"), "--format", "csv").code == 0
    rows = list(csv.DictReader((tmp_path / "c" / "listing_items.csv").open(encoding="utf-8")))
    assert len(rows) == 4
    assert rows[3]["title"].startswith("'=HYPERLINK")
    (article,) = csv.DictReader((tmp_path / "c" / "articles.csv").open(encoding="utf-8"))
    assert len(json.loads(article["items"])) == 4
