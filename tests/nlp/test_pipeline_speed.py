"""Speed-ups that must not change results: the cached attribute ruler and lemmatizer give
exactly what the model's own components give; forked worker processes store what one gives.

Texts are written for these tests and cover the model's multi-token rules ("gonna", "let's",
"y'all"), rules that read the parse ("it" as an object, expletive "there is"), whitespace
tokens, and repeated words (the second reading comes from the cache)."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import numpy
import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler, Lemmatizer

from eventline.analysis.run import _can_fork
from eventline.nlp import MODELS
from eventline.nlp.fastpipes import CachedAttributeRuler, CachedLemmatizer, speed_up

pytestmark = pytest.mark.slow

TEXTS = [
    "The ministers were meeting in Geneva when the talks broke down on Tuesday.",
    "We're gonna win, let's go! Y'all ain't seen nothin' yet, she said.",
    "There is no doubt: I saw it and gave it to them. There are two more reports.",
    "Officials said the strikes had been planned for weeks; the army denies it.\n\n  Next line",
    "He has had enough. Does she do it? They did. I'd have gone, but it's late.",
    "Gets better and better: prices got higher, the dollar gets stronger, he's got it.",
    "The ministers were meeting in Geneva when the talks broke down on Tuesday.",
]
ATTRS = [TAG, POS, MORPH, LEMMA, DEP, HEAD]


def _model() -> Language:
    for name in MODELS:
        if spacy.util.is_package(name):
            return spacy.load(name)
    pytest.skip("no English model installed")


@pytest.fixture(scope="module")
def pair() -> tuple[Language, Language]:
    return _model(), speed_up(_model())


def test_cached_components_replace_the_stock_ones(pair: tuple[Language, Language]) -> None:
    stock, fast = pair
    assert type(stock.get_pipe("attribute_ruler")) is AttributeRuler
    assert isinstance(fast.get_pipe("attribute_ruler"), CachedAttributeRuler)
    assert isinstance(fast.get_pipe("lemmatizer"), CachedLemmatizer)
    assert isinstance(fast.get_pipe("lemmatizer"), type(stock.get_pipe("lemmatizer")))


def test_every_token_attribute_is_the_stock_one(pair: tuple[Language, Language]) -> None:
    stock, fast = pair
    for _ in range(2):  # the second pass reads every token from the caches
        for want, got in zip(stock.pipe(TEXTS), fast.pipe(TEXTS), strict=True):
            assert [t.lemma_ for t in got] == [t.lemma_ for t in want]
            assert numpy.array_equal(got.to_array(ATTRS), want.to_array(ATTRS))


def test_multi_token_rules_still_apply(pair: tuple[Language, Language]) -> None:
    _, fast = pair
    doc = fast("We're gonna win and y'all know it.")
    lemmas = {t.text: t.lemma_ for t in doc}
    assert lemmas["gon"] == "go" and lemmas["na"] == "to"


def test_rules_added_later_are_used(pair: tuple[Language, Language]) -> None:
    _, fast = pair
    ruler = fast.get_pipe("attribute_ruler")
    fast("Warm the cache with zyxwords first.")
    ruler.add([[{"LOWER": "zyxwords"}]], {"LEMMA": "zyxword-lemma"})
    try:
        assert fast("More zyxwords here.")[1].lemma_ == "zyxword-lemma"
    finally:
        _remove_last_rule(ruler)


def _remove_last_rule(ruler: AttributeRuler) -> None:
    ruler.attrs.pop()
    ruler.indices.pop()
    ruler._attrs_unnormed.pop()
    ruler.matcher.remove(str(len(ruler.attrs)))


@pytest.mark.parametrize(
    "pattern",
    [
        [{"LOWER": "the"}, {"IS_TITLE": True, "OP": "+"}],  # a quantifier: no fixed window
        [{"IS_TITLE": True}, {"LOWER": "said"}],  # a first token the key does not hold
        [{"LOWER": "the"}, {"TAG": "VBN"}, {"LOWER": "talks"}],  # a window of three
    ],
)
def test_multi_token_rules_of_any_shape_match_the_stock_ruler(
    pair: tuple[Language, Language], pattern: list[dict[str, object]]
) -> None:
    texts = ["The Geneva Talks broke down; Anna said the stalled talks would resume, the end"]
    # (rules are added to both models, and removed again, so the other tests see the model's)
    rulers = [nlp.get_pipe("attribute_ruler") for nlp in pair]
    for ruler in rulers:
        ruler.add([pattern], {"LEMMA": "zyx-multi"}, index=-1)
    try:
        want, got = (next(iter(nlp.pipe(texts))) for nlp in pair)
        assert "zyx-multi" in [t.lemma_ for t in got]
        assert numpy.array_equal(got.to_array(ATTRS), want.to_array(ATTRS))
    finally:
        for ruler in rulers:
            _remove_last_rule(ruler)


def test_load_nlp_uses_the_cached_components(nlp: Language) -> None:
    assert isinstance(nlp.get_pipe("attribute_ruler"), CachedAttributeRuler)
    assert isinstance(nlp.get_pipe("lemmatizer"), Lemmatizer)
    assert isinstance(nlp.get_pipe("lemmatizer"), CachedLemmatizer)


ARTICLES = [
    "Kenya's president William Ruto met Ethiopian officials in Nairobi on Tuesday.\n\n"
    '"We will not accept attacks on our soldiers," Ruto said after the talks.',
    "Brazil urged Argentina to reopen the border crossing closed last week.\n\n"
    "Officials in Buenos Aires rejected the demand on Wednesday.",
    "The United Nations condemned the shelling of a school in the north of the country.\n\n"
    "A spokesman said an investigation would begin in March.",
    "Police arrested three protesters outside parliament in Lima on Friday.\n\n"
    "The interior minister promised an inquiry into the arrests.",
]


def _analyses(tmp_path: Path, processes: int) -> list[str]:
    from eventline.analyse import analyse
    from eventline.analysis.state import iter_analyses
    from eventline.pipeline import ingest, plan_sources
    from eventline.settings import Settings
    from eventline.store import Store

    inputs = tmp_path / f"in{processes}"
    inputs.mkdir()
    for i, text in enumerate(ARTICLES):
        (inputs / f"{i}.txt").write_text(text, encoding="utf-8")
    settings = Settings(db=str(tmp_path / f"p{processes}.db"), processes=processes, batch_size=1)
    with Store(settings.db_url) as store:
        ingest(store, plan_sources([str(inputs)])[0], settings=settings)
        report = analyse(store, settings=settings)
        assert report.parsed == len(ARTICLES) and not report.failed
        return [a.model_dump_json() for a in iter_analyses(store)]


def test_worker_processes_give_the_one_process_results(tmp_path: Path) -> None:
    """With 2 processes the workers are forked from a warmed-up pipeline (Linux) or spawned;
    either way each article's stored result is the one a single process stores."""
    assert _analyses(tmp_path, 2) == _analyses(tmp_path, 1)


def test_fork_is_used_on_linux_without_other_threads() -> None:
    assert _can_fork() == sys.platform.startswith("linux")
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert not _can_fork()  # a running thread (a progress bar's refresh): spawn instead
    finally:
        stop.set()
        other.join()
