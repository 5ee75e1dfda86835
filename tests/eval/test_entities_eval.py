"""The entities gate on the development gold (../shared), plus the scorer on hand-made input."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.language import Language

from eventline.eval.entities import occurrences, pick_mention, score_entities
from eventline.eval.meantime_entities import GoldMention, head_span, pick_gold
from eventline.eval.runner import EvalRun, prepare_run
from eventline.model import Mention

SHARED = Path(__file__).resolve().parents[3] / "shared"
SAMPLES = SHARED / "samples" / "russia-iran"
GOLD = SHARED / "gold" / "russia-iran.yaml"


@pytest.fixture(scope="module")
def gold_run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EvalRun]:
    """The sample folder ingested and cleaned into a fresh store, articles keyed by gold id."""
    if not GOLD.is_file() or not SAMPLES.is_dir():
        pytest.skip("../shared not present")
    run = prepare_run(GOLD, SAMPLES, workdir=tmp_path_factory.mktemp("entities"))
    yield run
    run.store.close()


def test_occurrences_are_whole_words_and_fold_quotes() -> None:
    body = "Russia’s envoy met Russians and RUSSIA's press; Russia's army."
    last = body.rindex("Russia's")
    assert occurrences(body, "Russia's") == [(0, 8), (last, last + 8)]
    assert occurrences(body, "Russian") == []


def test_pick_mention_prefers_exact_then_containing_then_largest_inside() -> None:
    def m(start: int, end: int, label: str) -> Mention:
        return Mention(id=label, article="a", start=start, end=end, text="", label=label)

    ms = [m(0, 7, "NORP"), m(18, 32, "PERSON"), m(0, 30, "DESC")]
    assert pick_mention(ms, 0, 7) is ms[0]
    assert pick_mention(ms, 2, 5) is ms[0]
    assert pick_mention(ms, 0, 32) is ms[2]
    assert pick_mention(ms[:2], 0, 40) is ms[1]
    assert pick_mention([], 0, 3) is None


def test_meantime_head_must_be_covered() -> None:
    text = "farm lenders in the United States"
    head = head_span(text, 10, "lenders")
    assert head == (15, 22)
    assert head_span(text, 10, "") is None
    country = Mention(id="c", article="a", start=26, end=43, text="", label="COUNTRY")
    gold = GoldMention("a", 10, 43, "x", "PER", named=False, head=head)
    assert pick_gold([country], gold) is None
    unheaded = GoldMention("a", 10, 43, "x", "PER", named=False)
    assert pick_gold([country], unheaded) is country


@pytest.fixture(scope="module")
def nlp() -> Language:
    from eventline.nlp import load_nlp

    return load_nlp()


@pytest.mark.slow
@pytest.mark.integration
def test_gold_entities_meet_floors(nlp: Language, gold_run: EvalRun) -> None:
    from eventline.nlp import extract_actors

    assert len(gold_run.articles) == 8
    extraction = extract_actors(nlp, list(gold_run.articles.values()))
    report = score_entities(gold_run.gold, gold_run.articles, extraction)
    detail = "\n".join(report.misses)
    for metric in report.metrics:
        assert metric.passed is True, f"{metric.name}={metric.value:.3f}\n{detail}"
    assert report.metric("people_kept_apart").value == 1.0


@pytest.mark.slow
@pytest.mark.integration
def test_meantime_entities_meet_floors(nlp: Language) -> None:
    root = SHARED / "benchmarks" / "meantime"
    if not root.is_dir():
        pytest.skip("../shared not present")
    from eventline.eval.meantime_entities import score_meantime_entities

    report = score_meantime_entities(root, nlp)
    detail = "\n".join(report.misses)
    for metric in report.metrics:
        assert metric.passed is True, f"{metric.name}={metric.value:.3f}\n{detail}"
    assert report.metric("person_links_kept_apart").value == 1.0
