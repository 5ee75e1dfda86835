"""The articles section of the evaluation gate: ingest + clean on the development samples and
on the example corpus, with the floors of issue 3."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventline.clean import clean_document
from eventline.eval.articles import gold_ids, in_body, published_ok, score_articles
from eventline.eval.gold import Gold, GoldArticle, load_gold
from eventline.eval.report import SectionReport
from eventline.model import Article, Document, Item, Published

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT.parent / "shared" / "samples" / "russia-iran"
GOLD = ROOT.parent / "shared" / "gold" / "russia-iran.yaml"
EXAMPLES = ROOT / "examples" / "corpus"
EXPECTED = ROOT / "examples" / "expected.yaml"
FLOORS = ("found", "kind", "title", "outlet", "published")


def _text_document(path: Path) -> Document:
    raw = path.read_bytes()
    text = raw.decode("utf-8")
    return Document(
        id=Document.make_id(raw),
        source_path=str(path),
        format="text",
        raw=raw,
        text=text,
        encoding="utf-8",
        items=(Item(start=0, end=len(text)),),
    )


def _score(gold: Gold, documents: list[Document]) -> SectionReport:
    articles: list[Article] = []
    for doc in documents:
        articles.extend(clean_document(doc)[0])
    by_stem = {Path(d.source_path).stem: d for d in documents}
    return score_articles(gold, gold_ids(articles), documents=by_stem)


def _assert_floors(report: SectionReport) -> None:
    failed = [m for m in report.metrics if m.name in FLOORS and m.passed is False]
    assert not failed, f"{[(m.name, m.detail) for m in failed]}; misses: {report.misses}"


@pytest.mark.integration
def test_samples_reach_the_floors() -> None:
    if not SAMPLES.is_dir() or not GOLD.is_file():
        pytest.skip("../shared not present")
    documents = [_text_document(p) for p in sorted(SAMPLES.glob("*.txt"))]
    report = _score(load_gold(GOLD), documents)
    _assert_floors(report)
    assert report.metric("found").detail == "8/8"
    assert report.metric("not_articles").value == 1.0


@pytest.mark.integration
def test_example_corpus_reaches_the_floors() -> None:
    if not EXAMPLES.is_dir() or not EXPECTED.is_file():
        pytest.skip("examples/corpus or examples/expected.yaml not present")
    from eventline.ingest import iter_sources, read_document
    from eventline.model import Hints
    from eventline.settings import Settings

    settings = Settings(db=":memory:")
    documents = [
        read_document(source, settings=settings, hints=Hints())
        for source in iter_sources([str(EXAMPLES)])
        if not isinstance(source, Exception)
    ]
    report = _score(load_gold(EXPECTED), documents)
    _assert_floors(report)


def _article(body: str, *, published: Published | None = None, item: int = 1) -> Article:
    return Article(
        id=f"a{item}",
        document_id="d",
        source_path="/x/page.txt",
        item=item,
        body=body,
        published=published,
    )


def test_short_lines_count_only_as_whole_paragraphs() -> None:
    body = "News of the deal spread fast.\n\n- News"
    assert in_body("News", body)
    assert not in_body("News", "News of the deal spread fast.")
    assert in_body(
        "Dockworkers returned to work on Tuesday after",
        "x Dockworkers returned to work on Tuesday after a long strike.",
    )


def test_published_tolerance_alternatives_and_month() -> None:
    day = Published(value="2025-06-24", precision="day", evidence="t")
    gold = GoldArticle(id="g", published="2025-06-23", published_tolerance_days=1)
    assert published_ok(gold, _article("b", published=day))
    strict = GoldArticle(id="g", published="2025-06-23")
    assert not published_ok(strict, _article("b", published=day))
    yearless = Published(value="--06-23", precision="monthday", evidence="t")
    alt = GoldArticle(id="g", published="2025-06-23", published_alternatives=["--06-23"])
    assert published_ok(alt, _article("b", published=yearless))
    month = GoldArticle(id="g", published_month="2025-06")
    assert published_ok(month, _article("b"))
    assert published_ok(month, _article("b", published=day))
    wrong = Published(value="2025-07-01", precision="day", evidence="t")
    assert not published_ok(month, _article("b", published=wrong))


def test_gold_ids_number_only_multi_article_documents() -> None:
    single = _article("b").model_copy(update={"document_id": "one", "source_path": "/x/a.txt"})
    multi = [_article("b", item=n).model_copy(update={"document_id": "two"}) for n in (1, 2)]
    assert sorted(gold_ids([single, *multi])) == ["a", "page#1", "page#2"]


def test_report_lists_each_miss() -> None:
    gold = Gold(
        articles=[GoldArticle(id="page", kind="opinion", title="T", boilerplate=["Source link"])],
        not_articles=["3 hours ago"],
    )
    article = _article("Body text.\n\nSource link\n\n3 hours ago")
    report = score_articles(gold, {"page": article}, documents={})
    assert report.metric("kind").value == 0.0
    assert not report.passed
    assert any("boilerplate left in body" in m for m in report.misses)
    assert any("page chrome in body" in m for m in report.misses)
