"""The MEANTIME quote section's text rebuilding and its scoring of nested fragments (no model)."""

from __future__ import annotations

import itertools
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from eventline.eval.meantime_quotes import (
    _KEYS,
    HELD_OUT,
    _read,
    meantime_quote_files,
    news_text,
    score_meantime_quotes,
)
from eventline.eval.quotes import ExpectedQuote, QuoteFile, score_quote_attributions
from eventline.model import Quote
from tests.conftest import SHARED, need_shared


def _xml(sentences: list[list[str]]) -> ET.Element:
    tokens = "".join(
        f'<token t_id="{n}_{i}" sentence="{n}">{w}</token>'
        for n, words in enumerate(sentences)
        for i, w in enumerate(words)
    )
    return ET.fromstring(f"<Document>{tokens}</Document>")


def test_news_text_joins_the_sentences_of_an_open_quote() -> None:
    root = _xml(
        [
            ["Mayor", "Lund", "said", "``", "We", "are", "ready", "."],
            ["The", "vote", "is", "Friday", ".", "''"],
            ["She", "left", "."],
        ]
    )
    assert news_text(root) == 'Mayor Lund said "We are ready. The vote is Friday."\nShe left.'


def test_news_text_starts_a_paragraph_for_a_continued_quote() -> None:
    root = _xml([["He", "said", "``", "Go", "now", "."], ["``", "Stay", "out", ".", "''"]])
    assert news_text(root) == 'He said "Go now.\n"Stay out."'


def _report(tmp: Path, predicted: list[Quote], *, nested: bool) -> dict[str, float]:
    path = tmp / "a.txt"
    path.write_text("unused", encoding="utf-8")
    qf = QuoteFile(
        path,
        None,
        (
            ExpectedQuote("Ida Marsh", "she was appalled by the ruling", False),
            ExpectedQuote("Ida Marsh", "appalled", True),
        ),
        (),
    )
    report = score_quote_attributions([qf], lambda text, day: predicted, nested_fragments=nested)
    return {m.name: m.value for m in report.metrics}


def test_a_short_fragment_is_found_through_its_reported_clause(tmp_path: Path) -> None:
    clause = Quote(
        id="q1", article="a", speaker=None, speaker_text="Marsh",
        text='she was "appalled" by the ruling', direct=False, start=0, end=30,
    )  # fmt: skip
    assert _report(tmp_path, [clause], nested=True)["attribution_recall"] == 1.0
    assert _report(tmp_path, [clause], nested=True)["direct_f1"] == 1.0
    assert _report(tmp_path, [clause], nested=False)["attribution_recall"] == 0.5
    assert _report(tmp_path, [], nested=True)["attribution_recall"] == 0.0


def test_news_text_keeps_an_attribution_cut_off_by_the_splitter() -> None:
    root = _xml([["``", "We", "won", "big", ".", "''"], ["said", "Ana", "Ruiz", "."]])
    assert news_text(root) == '"We won big." said Ana Ruiz.'


@pytest.mark.parametrize("section", sorted(_KEYS))
def test_every_gold_statement_is_words_of_its_article(section: str) -> None:
    """An annotator's typo would make a statement unfindable and lower the figure for nothing:
    nearly every word pair of a gold text (a quote split by its attribution, or shortened with
    "...", breaks a pair or two) must be a word pair of the rebuilt article."""
    need_shared()
    files = meantime_quote_files(SHARED / "benchmarks" / "meantime", section)
    assert files
    for qf in files:
        article = set(_pairs(_read(qf.path)[0], singles=True))
        for quote in qf.quotes:
            pairs = _pairs(quote.text)
            found = sum(p in article for p in pairs)
            assert found >= 0.8 * len(pairs), f"{qf.path.name}: {quote.text[:60]}"


def test_held_out_halves_are_other_articles_than_their_dev_halves() -> None:
    need_shared()
    root = SHARED / "benchmarks" / "meantime"
    for dev, test in (("meantime_quotes", "meantime_quotes_test"),
                      ("meantime_quotes_2", "meantime_quotes_2_test"),
                      ("meantime_quotes_3", "meantime_quotes_3_test")):  # fmt: skip
        assert test in HELD_OUT and dev not in HELD_OUT
        dev_files = {qf.path for qf in meantime_quote_files(root, dev)}
        assert dev_files.isdisjoint(qf.path for qf in meantime_quote_files(root, test))


def _pairs(text: str, *, singles: bool = False) -> list[tuple[str, str]]:
    """Word pairs of `text`; a one-word text is its word (paired with ""), and so are all the
    words of an article (`singles`), so that a one-word quote can be found."""
    words = re.findall(r"\w+", text.casefold())
    pairs = list(itertools.pairwise(words))
    return pairs + [(w, "") for w in words] if singles or len(words) == 1 else pairs


@pytest.mark.parametrize("section", sorted(HELD_OUT))
def test_held_out_halves_print_no_misses(section: str) -> None:
    """A held-out half is scored, never read: its report carries figures and no misses."""
    need_shared()
    report = score_meantime_quotes(
        SHARED / "benchmarks" / "meantime", lambda text, day: [], section=section
    )
    assert report.metrics and report.misses == ()
