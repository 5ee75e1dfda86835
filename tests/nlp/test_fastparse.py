"""The parser with its move scores in numpy (nlp/fastparse.py) gives exactly the stock
component's parse: every token's head, label and sentence start.

Texts are written for these tests: clauses, coordination, quotes, numbers, a question,
line breaks (sentence starts preset before the parser, as eventline's line-break component
sets them), a one-token text, an empty and a blank one, and a long text made of them all
(documents of very different lengths in one batch)."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
import pytest
import spacy
from spacy.attrs import DEP, HEAD, SENT_START
from spacy.language import Language
from spacy.pipeline import DependencyParser
from spacy.tokens import Doc

from eventline.nlp import MODELS, fastner, fastparse, line_breaks
from eventline.nlp.blas import use_openblas
from eventline.nlp.fastparse import FastDependencyParser
from eventline.nlp.fastpipes import speed_up

pytestmark = pytest.mark.slow

TEXTS = [
    "The ministers who met in Oslo on Friday agreed that the convoy could leave, but the "
    "army said it would wait until the bridge had been checked.",
    "Did the council vote to raise the fee by 12 percent, or did it delay the decision again?",
    "Harbour workers walked out on Monday.\nThe port authority said talks would resume.\n\n"
    "OSLO — Shipping firms warned of delays.",
    "Rain",
    "",
    "   ",
    "“We will not sign this,” the union's leader told reporters, adding that the offer was "
    "“an insult” and that members had rejected it by 4,210 votes to 388.",
    "Neither the mayor nor her deputies, who had promised a review, answered questions about "
    "the contracts, the audit or the 2019 tender.",
    "Police arrested two men. A third fled.\nWitnesses saw him run towards the station",
]


def _model() -> Language:
    for name in MODELS:
        if spacy.util.is_package(name):
            nlp = spacy.load(name)
            nlp.add_pipe(line_breaks.FACTORY, before="parser")  # preset sentence starts
            return nlp
    pytest.skip("no English model installed")


def _parses(docs: Iterator[Doc] | list[Doc]) -> list[list[tuple[int, ...]]]:
    return [[tuple(r) for r in d.to_array([HEAD, DEP, SENT_START]).tolist()] for d in docs]


@pytest.fixture(scope="module")
def pair() -> tuple[Language, Language]:
    stock, fast = _model(), speed_up(_model())
    use_openblas(stock)  # both on the same products, so only the scoring differs
    use_openblas(fast)
    return stock, fast


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Batches the numpy path parsed, with the threshold at one document."""
    calls: list[int] = []
    parse = fastparse._parse

    def counting(parser: DependencyParser, docs: list[Doc]) -> list[object]:
        calls.append(len(docs))
        return parse(parser, docs)

    monkeypatch.setattr(fastparse, "_parse", counting)
    monkeypatch.setattr(fastparse, "MIN_DOCS", 1)
    return calls


def test_speed_up_swaps_the_parser(pair: tuple[Language, Language]) -> None:
    stock, fast = pair
    assert type(stock.get_pipe("parser")) is DependencyParser
    parser = fast.get_pipe("parser")
    assert isinstance(parser, FastDependencyParser)
    assert parser.moves.n_moves == stock.get_pipe("parser").moves.n_moves
    assert fast.pipe_names == stock.pipe_names


@pytest.mark.parametrize("batch_size", [1, 3, 32])
def test_same_parse_as_the_stock_parser(
    pair: tuple[Language, Language], counted: list[int], batch_size: int
) -> None:
    stock, fast = pair
    texts = [*TEXTS, " ".join(TEXTS) * 3]
    expected = _parses(stock.pipe(texts, batch_size=batch_size))
    assert _parses(fast.pipe(texts, batch_size=batch_size)) == expected
    assert counted, "the numpy path did not run"
    if batch_size >= len(texts):  # parsed in one go, not in spaCy's sub-batches
        assert max(counted) == len(texts)
    assert any(row[1] != 0 for doc in expected for row in doc)  # labels were set


def test_a_batch_of_many_tokens_keeps_spacys_sub_batches(
    pair: tuple[Language, Language], counted: list[int], monkeypatch: pytest.MonkeyPatch
) -> None:
    stock, fast = pair
    monkeypatch.setattr(fastner, "WHOLE_BATCH_TOKENS", 50)
    texts = [*TEXTS, " ".join(TEXTS) * 3]
    assert _parses(fast.pipe(texts, batch_size=32)) == _parses(stock.pipe(texts, batch_size=32))
    assert counted and max(counted) <= 8  # spaCy's sub-batches: a quarter of 32


def test_small_batches_take_spacys_own_loop(
    pair: tuple[Language, Language], monkeypatch: pytest.MonkeyPatch
) -> None:
    stock, fast = pair
    monkeypatch.setattr(fastparse, "_parse", None)  # would fail if called
    texts = TEXTS[: fastparse.MIN_DOCS - 1]
    assert _parses(fast.pipe(texts)) == _parses(stock.pipe(texts))


def test_one_document_at_a_time(pair: tuple[Language, Language], counted: list[int]) -> None:
    stock, fast = pair
    for text in TEXTS:
        assert _parses([fast(text)]) == _parses([stock(text)])
    assert counted


def test_features_are_added_in_order() -> None:
    """The sum the numpy path uses adds the features in order, as the C loop does: bit for bit
    the same as adding them one after the other onto zeros."""
    rng = np.random.default_rng(7)
    for n_states in (1, 2, 9, 33):
        rows = (rng.standard_normal((8, n_states, 128)) * 10.0 ** rng.integers(-3, 4)).astype(
            np.float32
        )
        one_by_one = np.zeros((n_states, 128), dtype=np.float32)
        for feature in rows:
            one_by_one += feature
        reduced = np.add.reduce(rows, axis=0)
        assert np.array_equal(reduced.view(np.uint32), one_by_one.view(np.uint32))
