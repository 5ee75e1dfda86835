"""The fact-check evaluation section: scoring rules by hand, floors on real corpora."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventline.eval.factchecks import score_factchecks, token_f1
from eventline.eval.gold import Gold
from eventline.eval.runner import evaluate
from eventline.model import Article, Published
from tests.conftest import GOLD, ROOT, SAMPLES, SHARED, need_shared

CHECK = (
    "Gov. Pia Lund said in a speech on March 2 that the province had cut its debt in half.\n"
    "Provincial accounts show the debt fell by about a fifth.\n"
    "We rate this statement Mostly False."
)


def _article(key: str, body: str, kind: str) -> Article:
    return Article(
        id=f"art_{key}", document_id=f"doc_{key}", source_path=f"/x/{key}.txt", item=1,
        kind=kind, body=body,  # type: ignore[arg-type]
        published=Published(value="2030-03-09", precision="day", evidence="test"),
    )  # fmt: skip


def _gold(verdict: str, claimant: str = "Pia Lund") -> Gold:
    return Gold.model_validate(
        {
            "articles": [{"id": "fc", "kind": "fact-check"}, {"id": "news", "kind": "news"}],
            "claims": [{"claim": "the province cut its debt in half", "claimant": claimant,
                        "reviewed_by": "fc", "verdict": verdict, "label": "Mostly False",
                        "claim_date": "2030-03-02"}],
        }
    )  # fmt: skip


def test_token_f1() -> None:
    assert token_f1("the debt fell", "The debt fell.") == 1.0
    assert token_f1("a b", "c d") == 0.0 and token_f1(None, "x") == 0.0


def test_section_scores_recognition_and_the_review() -> None:
    articles = {"fc": _article("fc", CHECK, "fact-check"), "news": _article("n", "Plain.", "news")}
    report = score_factchecks(_gold("mostly-false"), articles, {})
    assert report.passed, report.misses
    assert report.metric("claim_date").value == 1.0
    assert report.metric("label_kept").value == 1.0
    wrong = score_factchecks(_gold("true", claimant="Someone Else"), articles, {})
    assert wrong.metric("verdict_accuracy").value == 0.0
    assert wrong.metric("claimant_accuracy").value == 0.0
    near_miss = {**articles, "news": _article("n", "Plain.", "fact-check")}
    assert score_factchecks(_gold("mostly-false"), near_miss, {}).metric(
        "recognition_precision"
    ).value == pytest.approx(0.5)
    missed = {**articles, "fc": _article("fc", CHECK, "news")}
    told = score_factchecks(_gold("mostly-false"), missed, {})
    assert told.metric("recognition_recall").value == 0.0
    assert told.metric("verdict_accuracy").value == 1.0  # measured when told the kind


def _run(gold: Path, samples: Path, section: str = "factchecks") -> None:
    [report] = evaluate(
        gold_path=gold, samples=samples, meantime=SHARED / "benchmarks" / "meantime",
        plover=SHARED / "docs" / "plover" / "PLOVER_GSR_CAMEO.txt", sections=[section],
    )  # fmt: skip
    below = [(m.name, m.value, m.floor) for m in report.metrics if m.passed is False]
    assert not below, (below, report.misses)


@pytest.mark.integration
def test_example_corpus_meets_the_fact_check_floors() -> None:
    _run(ROOT / "examples" / "expected.yaml", ROOT / "examples" / "corpus")


@pytest.mark.integration
def test_development_gold_meets_the_fact_check_floors() -> None:
    need_shared()
    _run(GOLD, SAMPLES)


@pytest.mark.slow
@pytest.mark.integration
def test_example_corpus_meets_the_claims_floors_after_analysis() -> None:
    """The full analysis (kind from the clean stage, claims merged and linked) on the examples."""
    _run(ROOT / "examples" / "expected.yaml", ROOT / "examples" / "corpus", "claims")
