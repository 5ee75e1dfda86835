"""The second conditions of the timex line gates (`Gate.needs`: a run of exactly four digits
for years, "s" for decades, "am"/"pm"/":" for clock times, a unit after "that"/"later"):
they never skip a line whose pattern matches, on lines mixing clock, decade, range and
number-word pieces with the punctuation those conditions read."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from eventline.events import timex
from eventline.events.timex.patterns import Gate, LineFacts, gates, patterns, unit_windows

PIECES = (
    "3 p.m.",
    "3pm",
    "3 PM",
    "11 a.m",
    "7am",
    "14:30",
    "0600 UTC",
    "GMT",
    "noon",
    "midnight",
    "1990s",
    "90s",
    "'90s",
    "’80s",
    "2024",
    "12024",
    "024",
    "1999-2001",
    "2019/20",
    "2024–25",
    "2020—2021",
    "2024-06-01",
    "12/05/2024",
    "5.6.2024",
    "’24",
    "'07",
    "a",
    "an",
    "two",
    "several",
    "few",
    "days",
    "weeks",
    "years",
    "centuries",
    "day",
    "week",
    "month",
    "year",
    "decade",
    "hour",
    "that",
    "same",
    "following",
    "next",
    "previous",
    "later",
    "earlier",
    "afterwards",
    "after",
    "before",
    "the",
    "of",
    "for",
    "over",
    "in",
    "since",
    "took",
    "last",
    "this",
    "morning",
    "night",
    "tonight",
    "end",
    "year's",
    "month-",
    "a day",
    "an hour",
    "ago",
    "back",
    "hence",
    "now",
    "early",
    "mid-",
    "late",
    "fiscal",
    "quarter",
    "Q3",
    "H1",
    "s",
    "m",
    "am",
    "pm",
)
SEPARATORS = st.sampled_from([" ", "  ", "-", ", ", ".", ":", "/", "'", "’", "–", "", "s "])


@st.composite
def lines(draw: st.DrawFn) -> str:
    out = ""
    for piece in draw(st.lists(st.sampled_from(PIECES), min_size=1, max_size=6)):
        if draw(st.booleans()):
            piece = piece.upper()
        out += piece + draw(SEPARATORS)
    return out


@settings(max_examples=1500, deadline=None)
@given(lines())
def test_no_gate_skips_a_line_its_pattern_matches_in(line: str) -> None:
    compiled, gated = patterns(), gates()
    facts = LineFacts.of(line)
    for name, gate in gated.items():
        if getattr(compiled, name).search(line):
            assert gate.admits(facts), (name, line)


def test_line_facts_hold_digit_runs_and_marks() -> None:
    facts = LineFacts.of("At 14:30, the 1990s-era plan (2019/20) ended")
    assert {"#2", "#4", ":", "-", "/", "s"} <= facts.words
    assert "#3" not in facts.words and "." not in facts.words


def test_second_conditions_skip_lines_the_first_one_admitted() -> None:
    gated = gates()
    assert not gated["year"].admits(LineFacts.of("Sales rose 12 percent to 180 units"))
    assert gated["year"].admits(LineFacts.of("Sales rose in 2023"))
    assert not gated["year"].admits(LineFacts.of("Call 12024 today"))  # five digits: no year
    assert not gated["clock"].admits(LineFacts.of("He won 3 seats"))
    assert gated["clock"].admits(LineFacts.of("at 3 p.m. on Friday"))
    assert gated["clock"].admits(LineFacts.of("at 14:30"))
    assert not gated["decade"].admits(LineFacts.of("in 1990 and 2000"))
    assert gated["decade"].admits(LineFacts.of("in the 1990s"))
    assert not gated["anaphor"].admits(LineFacts.of("He said that it failed"))
    assert gated["anaphor"].admits(LineFacts.of("He left two days later"))
    assert not gated["bare_duration"].admits(LineFacts.of("A vote for the bill"))
    assert gated["bare_duration"].admits(LineFacts.of("Talks lasted for weeks"))


def test_needs_change_no_expression_of_news_like_lines(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Officials met at 3 p.m. GMT on Tuesday, two days after the 2019-20 budget.\n"
        "In the 1990s and again in '07 the plan failed; that year it was dropped.\n"
        "Trading closed at 16:00 UTC. A week later, at noon, fiscal 2024 results came.\n"
        "Shares rose 12 percent over 3 weeks, or 180 points, the same period a year earlier."
    )
    gated = timex.find_timexes(text, anchor="2025-06-25")
    assert gated  # the text has expressions to lose
    open_gates = {name: Gate(None) for name in gates()}
    monkeypatch.setattr(timex, "gates", lambda: open_gates)
    assert timex.find_timexes(text, anchor="2025-06-25") == gated


DURATION_PIECES = (
    "for",
    "over",
    "the past",
    "more than",
    "three",
    "a couple of",
    "12",
    "straight",
    "days",
    "day",
    "week",
    "year-old",
    "old",
    "Takeover",
    "yoga",
    "hours",
    "centuries",
)
PUNCTUATION = st.sampled_from([" ", "  ", "-", ", ", ". ", "; ", "(", ")", '"', "", "—", "/"])


@st.composite
def duration_lines(draw: st.DrawFn) -> str:
    out = ""
    for piece in draw(st.lists(st.sampled_from(DURATION_PIECES), min_size=1, max_size=8)):
        out += piece + draw(PUNCTUATION)
    return out


@settings(max_examples=800, deadline=None)
@given(duration_lines())
def test_unit_windows_find_every_duration_match_of_the_line(line: str) -> None:
    pattern = patterns().duration
    text = "x\n" + line + "\ny"  # the line inside a text, as `_candidates` scans it
    start, end = 2, 2 + len(line)
    whole = [m.span() for m in pattern.finditer(text, start, end)]
    windowed = [m.span() for m in timex._matches(pattern, text, start, end, windowed=True)]
    assert windowed == whole, line


def test_unit_windows_are_the_plain_runs_holding_a_unit() -> None:
    text = "Talks, which lasted three days, ended; a vote came (two weeks later)."
    windows = [text[s:e] for s, e in unit_windows(text, 0, len(text))]
    assert windows == [" which lasted three days", "two weeks later"]
