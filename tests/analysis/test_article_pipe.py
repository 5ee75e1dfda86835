"""The per-article step's parse stream (`analysis.article._pipe`): bodies and their dated
captions in one `nlp.pipe` stream, each doc back with its article, with a stand-in pipeline."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from spacy.tokens import Doc
from spacy.vocab import Vocab

from eventline.analysis.article import _pipe
from eventline.model import Article, Caption
from eventline.nlp.extensions import register_extensions

DATED = "Alba greets Kato in Lima on May 3, 2021"


class _Pipeline:
    def __init__(self) -> None:
        self.vocab, self.calls = Vocab(), 0

    def pipe(self, items: Iterable[tuple[str, Any]], **_: Any) -> Iterator[tuple[Doc, Any]]:
        self.calls += 1
        for text, context in items:
            words = text.split(" ")
            yield Doc(self.vocab, words=words, spaces=[True] * (len(words) - 1) + [False]), context


def _article(n: int, *captions: str) -> Article:
    return Article(
        id=f"art{n}",
        document_id="d",
        source_path="t.txt",
        item=n,
        body=f"Body {n} .",
        captions=tuple(Caption(text=c, start=100, end=100 + len(c)) for c in captions),
    )


def test_bodies_and_dated_captions_share_one_stream() -> None:
    register_extensions()
    nlp = _Pipeline()
    articles = [_article(0, "A photo of Lima .", DATED), _article(1), _article(2, DATED, DATED)]
    docs = _pipe(nlp, articles, 8)  # type: ignore[arg-type]
    assert nlp.calls == 1
    assert [d.text for d, _ in docs] == ["Body 0 .", "Body 1 .", "Body 2 ."]
    assert [len(c) for _, c in docs] == [1, 0, 2]  # the undated caption is never parsed
    assert all(c.text == DATED and c._.article == "art2" for c in docs[2][1])
