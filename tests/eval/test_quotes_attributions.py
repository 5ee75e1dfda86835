"""The quote-attribution scorer on hand-made predictions (no model)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventline.eval.quotes import (
    ExpectedQuote,
    QuoteFile,
    load_quote_files,
    score_quote_attributions,
)
from eventline.eval.runner import evaluate
from eventline.model import Quote

ROOT = Path(__file__).resolve().parents[2]


def quote(text: str, who: str | None, *, direct: bool) -> Quote:
    return Quote(
        id=f"q{abs(hash((text, who))) % 10**8}",
        article="a",
        speaker=None,
        speaker_text=who,
        text=text,
        direct=direct,
        start=0,
        end=len(text),
    )


def metrics(tmp: Path, predicted: list[Quote]) -> dict[str, float]:
    path = tmp / "a.txt"
    path.write_text("unused", encoding="utf-8")
    qf = QuoteFile(
        path,
        None,
        (
            ExpectedQuote("Anna Velkor", "the bridge will open in May", False),
            ExpectedQuote("Tomas Brandt", "We will not pay for a bridge we never asked for", True),
        ),
        ("Bridges For All Now",),
    )
    report = score_quote_attributions([qf], lambda text, day: predicted)
    return {m.name: m.value for m in report.metrics}


def test_right_statements_and_speakers_score_one(tmp_path: Path) -> None:
    got = metrics(
        tmp_path,
        [
            quote("the bridge will open in May", "Velkor", direct=False),
            quote("We will not pay for a bridge we never asked for", "Brandt", direct=True),
        ],
    )
    assert got["attribution_recall"] == got["attribution_precision"] == got["direct_f1"] == 1.0


def test_wrong_speaker_extra_quote_and_slogan_count(tmp_path: Path) -> None:
    got = metrics(
        tmp_path,
        [
            quote("the bridge will open in May", "Brandt", direct=False),
            quote("Bridges For All Now", "Velkor", direct=True),
        ],
    )
    assert got["attribution_recall"] == 0.0
    assert got["attribution_precision"] == 0.0
    assert got["speaker_accuracy"] == 0.0
    assert got["non_speech_quoted"] == -1.0
    assert got["direct_f1"] == 0.0


def test_a_whole_paragraph_is_not_the_statement(tmp_path: Path) -> None:
    long = "the bridge will open in May " + "and many other things were said " * 3
    got = metrics(tmp_path, [quote(long, "Velkor", direct=False)])
    assert got["attribution_recall"] == 0.0


def test_the_example_section_loads_and_names_existing_files() -> None:
    files = load_quote_files(ROOT / "examples" / "expected.yaml")
    assert len(files) >= 5
    assert all(f.path.is_file() and f.quotes for f in files)


@pytest.mark.slow
def test_the_examples_meet_their_floors(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # the section reads examples/ from the working directory
    (report,) = evaluate(
        gold_path=ROOT / "examples" / "expected.yaml",
        samples=ROOT / "examples" / "corpus",
        meantime=ROOT,
        plover=ROOT,
        sections=("quote-attributions",),
    )
    assert all(m.floor is not None for m in report.metrics)
    assert report.passed, [(m.name, m.value, m.floor) for m in report.metrics]


def test_the_held_out_set_loads_thirty_five_texts_that_exist() -> None:
    from eventline.eval.quotes import held_out_quote_files

    files = held_out_quote_files()
    assert len(files) == 35
    assert all(qf.path.is_file() and qf.quotes for qf in files)
    kinds = {q.direct for qf in files for q in qf.quotes}
    assert kinds == {True, False}
    assert sum(len(qf.not_speech) for qf in files) >= 5


def test_a_report_carries_the_section_it_is_asked_for(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("unused", encoding="utf-8")
    qf = QuoteFile(path, None, (ExpectedQuote("Anna Velkor", "the bridge opens", False),), ())
    report = score_quote_attributions([qf], lambda text, day: [], section="other")
    assert report.section == "other"
    assert {m.name: m.value for m in report.metrics}["attribution_recall"] == 0.0
