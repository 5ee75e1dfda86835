"""A fact-check's rating box survives HTML extraction (trafilatura prunes class "rating")."""

from __future__ import annotations

from eventline.clean import clean_document
from eventline.ingest.html import extract_html
from eventline.ingest.ratings import protect_ratings
from eventline.model import Document, Item

_STORY = (
    "<p>A post shared thousands of times claims that the mayor of Springfield banned bicycles "
    "from the downtown area last week. The council minutes show no such ordinance.</p>"
    "<p>We found no record of any ban in the municipal code, the council agenda or the "
    "mayor's published orders for the past year. Cyclists said they noticed no change.</p>"
    "<p>The mayor's office said a proposal to widen bike lanes is under discussion, and the "
    "council voted on March 3 to fund two new protected lanes on Main Street.</p>"
)


def _page(title: str, box: str) -> str:
    return (
        f"<html><head><title>{title}</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<article><h1>{title}</h1>{box}{_STORY}</article><footer>(c) Desk</footer></body></html>"
    )


def _text(page: str) -> str:
    text, _ = extract_html(page, source="p.html", max_bytes=1_000_000, timeout=20)
    return text


def test_a_rating_field_in_a_rating_box_is_kept() -> None:
    page = _page("Did the mayor ban bicycles?", '<p class="rating">Rating: Mostly False</p>')
    assert "Rating: Mostly False" in _text(page).splitlines()


def test_a_nested_verdict_box_is_kept_with_its_label() -> None:
    box = (
        '<div id="verdict-box" class="verdict"><span class="rating-label">Our verdict:</span> '
        '<strong class="rating-value">False</strong></div>'
    )
    assert "Our verdict: False" in _text(_page("Did the mayor ban bicycles?", box))


def test_a_bare_label_is_kept_on_a_fact_check_page_only() -> None:
    box = '<div class="rating-badge">Pants on Fire</div>'
    assert "Pants on Fire" in _text(_page("Fact check: did the mayor ban bicycles?", box))
    assert "Pants on Fire" not in _text(_page("The mayor and the bicycles", box))


def test_a_star_rating_stays_page_chrome() -> None:
    box = '<div class="rating">Rated 4.5 out of 5 by 120 readers</div>'
    assert "Rated 4.5" not in _text(_page("Fact check: did the mayor ban bicycles?", box))


def test_a_page_without_rating_boxes_is_passed_on_unchanged() -> None:
    page = _page("The mayor and the bicycles", "")
    assert protect_ratings(page) is page


def test_the_rating_reaches_the_article_body() -> None:
    page = _page("Did the mayor ban bicycles?", '<p class="rating">Rating: Mostly False</p>')
    text = _text(page)
    doc = Document(
        id="d", source_path="p.html", format="html", raw=b"", text=text, encoding="utf-8",
        items=(Item(start=0, end=len(text)),),
    )  # fmt: skip
    (article,), _ = clean_document(doc)
    assert "Rating: Mostly False" in article.body
    assert article.kind == "fact-check"
