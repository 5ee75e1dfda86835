"""Scoring a partial quote the gold records only inside its reported clause (eval/quotes.py):
the statement counts once, as the clause; the quoted words are neither right nor extra with
the clause's speaker, and wrong with another (no model)."""

from __future__ import annotations

from pathlib import Path

from eventline.eval.quotes import ExpectedQuote, QuoteFile, score_quote_attributions
from eventline.model import Quote


def _quote(text: str, speaker: str, *, direct: bool) -> Quote:
    return Quote(
        id=f"q-{text[:8]}-{speaker}", article="a", speaker=None, speaker_text=speaker,
        text=text, direct=direct, start=0, end=len(text),
    )  # fmt: skip


def _metrics(tmp: Path, predicted: list[Quote]) -> dict[str, float]:
    path = tmp / "a.txt"
    path.write_text("unused", encoding="utf-8")
    gold = (ExpectedQuote("Ida Marsh", "the ruling was a travesty of justice", False),)
    qf = QuoteFile(path, None, gold, ())
    report = score_quote_attributions([qf], lambda text, day: predicted)
    return {m.name: m.value for m in report.metrics}


def test_the_quoted_words_of_a_recorded_clause_with_its_speaker_are_not_extra(
    tmp_path: Path,
) -> None:
    clause = _quote('the ruling was a "travesty of justice"', "Marsh", direct=False)
    words = _quote("travesty of justice", "Marsh", direct=True)
    found = _metrics(tmp_path, [clause, words])
    assert found["attribution_precision"] == 1.0
    assert found["attribution_recall"] == 1.0


def test_the_quoted_words_with_another_speaker_stay_wrong(tmp_path: Path) -> None:
    clause = _quote('the ruling was a "travesty of justice"', "Marsh", direct=False)
    words = _quote("travesty of justice", "Okafor", direct=True)
    assert _metrics(tmp_path, [clause, words])["attribution_precision"] == 0.5


def test_a_long_direct_quote_inside_a_clause_is_still_counted(tmp_path: Path) -> None:
    clause = _quote('the ruling was a "travesty of justice"', "Marsh", direct=False)
    words = _quote("the ruling was a travesty", "Marsh", direct=True)
    assert _metrics(tmp_path, [clause, words])["attribution_precision"] == 0.5
