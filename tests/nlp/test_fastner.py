"""The NER decoded in numpy (nlp/fastner.py) gives exactly the stock component's entities.

Texts are written for these tests: many entity types next to each other, entities at the
start and end of a text and of a line, whitespace tokens, a one-token text, an empty one,
and a long text made of them all (documents of different lengths in one batch)."""

from __future__ import annotations

import pytest
import spacy
from spacy.attrs import ENT_IOB, ENT_KB_ID, ENT_TYPE
from spacy.language import Language
from spacy.pipeline import EntityRecognizer
from spacy.tokens import Doc

from eventline.nlp import MODELS
from eventline.nlp.blas import use_openblas
from eventline.nlp.fastner import FastEntityRecognizer
from eventline.nlp.fastpipes import speed_up

pytestmark = pytest.mark.slow

TEXTS = [
    "Angela Merkel met Emmanuel Macron in Paris on 3 May 2021 to discuss a €2 billion plan.",
    "NATO and the European Union said on Tuesday that 40,000 troops had left eastern Ukraine.",
    "Reuters\n\nMOSCOW (AP) — Vladimir Putin's spokesman Dmitry Peskov told TASS at 10 a.m. "
    "that the Kremlin would not comment.\nIran's Foreign Ministry disagreed.",
    "Tokyo",
    "",
    "  The  World Health Organization  reported 12 percent more cases in Lagos, Nigeria .  ",
    "Prime Minister Narendra Modi of India and President Joe Biden signed the Quad pact, "
    "the first since the Second World War, at the White House in Washington, D.C.",
    "He said: “The Chinese Communist Party's 20th Congress begins next week.”",
]


def _model() -> Language:
    for name in MODELS:
        if spacy.util.is_package(name):
            return spacy.load(name)
    pytest.skip("no English model installed")


def _entities(docs: list[Doc]) -> list[list[tuple[int, ...]]]:
    attrs = [ENT_IOB, ENT_TYPE, ENT_KB_ID]
    return [[tuple(row) for row in d.to_array(attrs).tolist()] for d in docs]


@pytest.fixture(scope="module")
def pair() -> tuple[Language, Language]:
    stock, fast = _model(), speed_up(_model())
    use_openblas(stock)  # both on the same products, so only the decoding differs
    use_openblas(fast)
    return stock, fast


def test_speed_up_swaps_the_ner(pair: tuple[Language, Language]) -> None:
    stock, fast = pair
    assert type(stock.get_pipe("ner")) is EntityRecognizer
    ner = fast.get_pipe("ner")
    assert isinstance(ner, FastEntityRecognizer)
    assert ner.model is not None and ner.moves.n_moves == stock.get_pipe("ner").moves.n_moves
    assert fast.pipe_names == stock.pipe_names


@pytest.mark.parametrize("batch_size", [1, 3, 32])
def test_same_entities_as_the_stock_ner(pair: tuple[Language, Language], batch_size: int) -> None:
    stock, fast = pair
    texts = [*TEXTS, " ".join(TEXTS) * 3]
    expected = _entities(list(stock.pipe(texts, batch_size=batch_size)))
    assert _entities(list(fast.pipe(texts, batch_size=batch_size))) == expected
    assert any(any(row[0] == 3 for row in doc) for doc in expected)  # entities were found


def test_one_document_at_a_time(pair: tuple[Language, Language]) -> None:
    stock, fast = pair
    for text in TEXTS:
        assert _entities([fast(text)]) == _entities([stock(text)])


def test_preset_entities_take_spacys_own_loop(pair: tuple[Language, Language]) -> None:
    stock, fast = pair
    patterns = [{"label": "ORG", "pattern": "Quad pact"}]
    for nlp in (stock, fast):
        nlp.add_pipe("entity_ruler", name="preset", before="ner").add_patterns(patterns)
    try:
        text = TEXTS[6]
        doc = fast(text)
        assert _entities([doc]) == _entities([stock(text)])
        assert "Quad pact" in [e.text for e in doc.ents]
    finally:
        for nlp in (stock, fast):
            nlp.remove_pipe("preset")
