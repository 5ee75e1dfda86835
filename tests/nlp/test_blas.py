"""The model's matrix products on one-thread OpenBLAS (nlp/blas.py): the parse must be the one
the stock model gives with BLIS, token by token, and OpenBLAS must run one thread.

Texts are written for these tests: news sentences with names, dates, quotes and a line break,
so that the tagger, parser and NER (each with its own dense layers) are all exercised."""

from __future__ import annotations

import sys

import numpy
import pytest
import spacy
from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, MORPH, POS, SENT_START, TAG
from spacy.language import Language
from thinc.api import Model, NumpyOps

from eventline.nlp import MODELS
from eventline.nlp.blas import single_thread_openblas, use_openblas

pytestmark = pytest.mark.slow

TEXTS = [
    "Kenya's foreign minister met her Ethiopian counterpart in Addis Ababa on Tuesday.",
    '"We will not accept it," the spokesman for the United Nations said late on Friday.\n\n'
    "Talks resume next week in Geneva, officials in Brussels and Washington said.",
    "Police arrested 40 people after clashes near parliament; the army denied firing shots.",
    "Shares of Acme Corp. fell 3.2% to $41.50 in New York after the company cut its forecast.",
]
#: Without threadpoolctl (a venv installed before it joined requirements/*.lock) BLIS stays.
OLD_VENV = "threadpoolctl not installed: pip install --require-hashes -r requirements/dev.lock"
ATTRS = [TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, SENT_START]


def _model() -> Language:
    for name in MODELS:
        if spacy.util.is_package(name):
            return spacy.load(name)
    pytest.skip("no English model installed")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/maps")
def test_openblas_is_found_and_pinned_on_linux() -> None:
    threadpoolctl = pytest.importorskip("threadpoolctl", reason=OLD_VENV)
    assert single_thread_openblas()
    found = threadpoolctl.ThreadpoolController().select(internal_api="openblas").info()
    assert found and all(lib["num_threads"] == 1 for lib in found)


def test_the_parse_is_the_stock_one() -> None:
    stock, fast = _model(), _model()
    if not use_openblas(fast):
        pytest.skip("no OpenBLAS to pin in this process: BLIS is kept")
    models = [p.model for _, p in fast.pipeline if isinstance(getattr(p, "model", None), Model)]
    switched = [n for model in models for n in model.walk()]
    assert any(type(n.ops) is NumpyOps and not n.ops.use_blis for n in switched)
    for want, got in zip(stock.pipe(TEXTS), fast.pipe(TEXTS), strict=True):
        assert numpy.array_equal(got.to_array(ATTRS), want.to_array(ATTRS))
        assert [(e.start, e.end, e.label_) for e in got.ents] == [
            (e.start, e.end, e.label_) for e in want.ents
        ]


def test_load_nlp_multiplies_with_openblas(nlp: Language) -> None:
    pytest.importorskip("threadpoolctl", reason=OLD_VENV)
    ner = nlp.get_pipe("ner")
    assert all(not n.ops.use_blis for n in ner.model.walk() if type(n.ops) is NumpyOps)
