"""The pages written apart from the code (examples/pages_fresh.yaml) are all there, and the
`pages-fresh` section meets its floors through the evaluation runner's floors file."""

from __future__ import annotations

from pathlib import Path

from eventline.eval.floors import apply_floors
from eventline.eval.pages_fresh import fresh_pages, score_pages_fresh
from eventline.eval.runner import SECTIONS

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_the_set_holds_articles_and_listings_in_several_encodings() -> None:
    pages = fresh_pages(EXAMPLES)
    assert {p.kind for p in pages} == {"news", "listing"}
    assert all(p.items for p in pages if p.kind == "listing")
    assert all(p.page.text and p.page.published for p in pages if p.kind == "news")
    assert "pages-fresh" in SECTIONS


def test_the_section_meets_its_floors() -> None:
    report = apply_floors(score_pages_fresh(EXAMPLES))
    assert {m.name for m in report.metrics if m.floor is not None} >= {"text_f1", "published"}
    below = [(m.name, m.value, m.floor) for m in report.metrics if m.passed is False]
    assert not below, below
