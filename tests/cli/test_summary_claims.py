"""`eventline summary` prints each fact-checked claim with the checker's own rating and its
printed label, the coarse verdict when there is no rating, and "unrated" when there is none."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console

from eventline.cli.summary import claim_line, claim_reading, render_summary
from eventline.model import Claim
from eventline.store import Store
from tests.store.corpus import build


def _claim(**fields: object) -> Claim:
    return Claim.model_validate(
        {"id": "clm_x", "claim": "The mayor changed her position", "reviewer_article": "art_1"}
        | fields
    )


def test_rating_with_label_then_verdict_then_unrated() -> None:
    flip = _claim(rating="half-flip", label="Half Flip", verdict="mixed")
    assert claim_line(flip) == 'claim (half-flip, "Half Flip"): The mayor changed her position'
    assert claim_reading(_claim(rating="false", label="false")) == "false"  # not said twice
    assert claim_reading(_claim(rating="pants-on-fire")) == "pants-on-fire"
    assert claim_reading(_claim(rating="mostly-false", label="Mostly\n False")) == (
        'mostly-false, "Mostly False"'
    )
    assert claim_reading(_claim(rating="unrated", verdict="unproven")) == "unproven"
    assert claim_reading(_claim(verdict="true")) == "true"
    assert claim_reading(_claim()) == "unrated"


def test_summary_shows_ratings_within_80_columns(tmp_path: Path) -> None:
    corpus = build()
    long = "A very long claim about " + "a position that changed " * 8
    claims = [
        _claim(id="clm_a", rating="half-flip", label="Half Flip", verdict="mixed"),
        _claim(id="clm_b", claim=long, rating="misleading", label="Misleading and " * 6),
        _claim(id="clm_c"),
    ]
    console = Console(width=80, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
    with Store(f"sqlite:///{tmp_path}/s.db") as store:
        store.write_document(corpus.document, corpus.articles)
        store.replace_analysis(dict(corpus.records) | {"claims": claims}, {})  # type: ignore[arg-type]
        console.print(render_summary(store, title="store"))
    text = console.export_text()
    assert all(len(line) <= 80 for line in text.splitlines())
    assert 'claim (half-flip, "Half Flip"): The mayor changed her position' in text
    assert "claim (unrated): The mayor" in text
    assert "claim (misleading," in text and "no verdict" not in text
