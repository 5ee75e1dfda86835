"""The per-article bounds of `eventline analyse`, without a model: the analysed prefix of an
over-long body, the order and size of batches, and the "limit" note beside the result."""

from __future__ import annotations

from typing import Any

import pytest

from eventline.analysis import run
from eventline.analysis.chunks import bounded_prefix
from eventline.model import AnalysisFailure, Article, ArticleAnalysis
from eventline.settings import Settings

SENTENCE = "The council said the road would reopen on Monday after repairs. "


def make(article_id: str, body: str) -> Article:
    return Article(
        id=article_id, document_id="doc", source_path=f"{article_id}.txt", item=0, body=body
    )


def test_a_body_within_the_limit_is_analysed_whole() -> None:
    body = SENTENCE * 10
    assert bounded_prefix(body, limit=len(body)) is body


def test_an_over_long_body_is_cut_after_a_sentence_within_the_limit() -> None:
    body = SENTENCE * 100
    prefix = bounded_prefix(body, limit=1_000)
    assert body.startswith(prefix)
    assert 500 <= len(prefix) <= 1_000
    assert prefix.rstrip().endswith(".")


def test_a_body_without_breaks_is_cut_hard_at_the_limit() -> None:
    assert bounded_prefix("x" * 5_000, limit=1_000) == "x" * 1_000
    with pytest.raises(ValueError):
        bounded_prefix("text", limit=0)


def test_batches_go_shortest_first_and_a_long_article_is_alone() -> None:
    long = make("art_long", SENTENCE * 200)  # about 13,000 characters
    short = [make(f"art_{i}", SENTENCE * (i + 1)) for i in range(5)]
    batches = run.size_batches([long, *reversed(short)], size=3, chars=5_000)
    assert [[a.id for a in b] for b in batches] == [
        ["art_0", "art_1", "art_2"],
        ["art_3", "art_4"],
        ["art_long"],
    ]


def test_a_batch_never_holds_more_than_its_size() -> None:
    articles = [make(f"art_{i:02}", SENTENCE) for i in range(7)]
    batches = run.size_batches(articles, size=3, chars=10**9)
    assert [len(b) for b in batches] == [3, 3, 1]


def test_a_cut_article_is_analysed_on_its_prefix_with_a_limit_note(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: dict[str, int] = {}

    def fake_batch(articles: list[Article], nlp: Any, settings: Settings, *, key: str) -> list:
        seen.update({a.id: len(a.body) for a in articles})
        return [ArticleAnalysis(article=a.id, key=key) for a in articles]

    monkeypatch.setattr("eventline.analysis.article.analyse_batch", fake_batch)
    huge, good = make("art_huge", SENTENCE * 100), make("art_good", SENTENCE)
    settings = Settings(max_article_chars=1_000, processes=1)
    outcomes = run.analyse_bounded([huge, good], None, settings, key="k")  # type: ignore[arg-type]
    assert seen["art_good"] == len(good.body) and 500 <= seen["art_huge"] <= 1_000
    notes = [o for o in outcomes if isinstance(o, AnalysisFailure)]
    assert [(n.article, n.stage) for n in notes] == [("art_huge", "limit")]
    assert f"only the first {seen['art_huge']:,} of {len(huge.body):,} characters" in (
        notes[0].reason
    )
    assert "max_article_chars" in notes[0].reason and "\n" not in notes[0].reason
    assert {o.article for o in outcomes if isinstance(o, ArticleAnalysis)} == {
        "art_huge",
        "art_good",
    }


def test_the_limit_is_a_validated_setting() -> None:
    assert Settings().max_article_chars == 500_000
    with pytest.raises(ValueError):
        Settings(max_article_chars=10)
