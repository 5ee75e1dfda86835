"""The line gates of the timex rules (`timex.patterns.gates`) never skip a line that the
rule's pattern matches in: checked on lines made of the lexicon's own words, digits and
punctuation, and on the example corpus (same expressions with and without the gates)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from eventline.events import timex
from eventline.events.timex.lexicon import load_lexicon
from eventline.events.timex.patterns import Gate, LineFacts, gates, patterns

CORPUS = Path(__file__).resolve().parents[2] / "examples" / "corpus"


def _vocabulary() -> list[str]:
    lex = load_lexicon()
    words: set[str] = set()
    for table in (
        lex.months,
        lex.weekdays,
        lex.units,
        lex.seasons,
        lex.day_parts,
        lex.numbers,
        lex.ordinals,
        lex.references,
        lex.century_ordinals,
        lex.bare_duration_cues,
    ):
        words.update(table)
    extra = (
        "the of ago back from now hence later earlier after before that same following next"
        " every each once twice times per daily century quarter half noon midnight at on in"
        " last this past coming 5 12 31 2024 1990s '90s ’24 Q3 H1 3pm 14:30 0600 UTC"
        " 2019-2020 12/05/2024 2024-06-01 mid- early late -old people %"
    )
    words.update(extra.split(" "))
    return sorted(words)


VOCABULARY = _vocabulary()
SEPARATORS = st.sampled_from([" ", " ", "  ", "-", ", ", ".", "'", "’", "s ", "x", "", "ı"])


@st.composite
def lines(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=7))
    out = ""
    for word in words:
        if draw(st.booleans()):
            word = word.title() if draw(st.booleans()) else word.upper()
        out += word + draw(SEPARATORS)
    return out


@settings(max_examples=600, deadline=None)
@given(lines())
def test_a_gate_admits_every_line_its_pattern_matches_in(line: str) -> None:
    compiled, gated = patterns(), gates()
    facts = LineFacts.of(line)
    for name, gate in gated.items():
        if getattr(compiled, name).search(line):
            assert gate.admits(facts), (name, line)


def test_gates_skip_lines_without_what_a_rule_needs() -> None:
    gated = gates()
    plain = LineFacts.of("The minister spoke to reporters")
    assert not gated["month_day"].admits(plain) and not gated["year"].admits(plain)
    assert not gated["month_day"].admits(LineFacts.of("In 12 cases"))  # a digit, no month
    assert gated["month_day"].admits(LineFacts.of("On June 12"))
    assert gated["clock"].admits(LineFacts.of("at midnight")) and gated["clock"].admits(
        LineFacts.of("at 3pm")
    )
    assert gated["weekday"].admits(LineFacts.of("on Mondays"))
    assert gated["year"].admits(LineFacts.of("Istanbul ın 1990"))  # odd case letters: scanned


@pytest.mark.parametrize("path", sorted(CORPUS.rglob("*.txt"))[:40] or [None])
def test_the_gates_change_no_expression_of_the_example_corpus(
    path: Path | None, monkeypatch: pytest.MonkeyPatch
) -> None:
    if path is None:
        pytest.skip("no example corpus texts")
    text = path.read_text(encoding="utf-8")
    gated = timex.find_timexes(text, anchor="2025-06-25")
    open_gates = {name: Gate(None) for name in gates()}
    monkeypatch.setattr(timex, "gates", lambda: open_gates)
    assert timex.find_timexes(text, anchor="2025-06-25") == gated
