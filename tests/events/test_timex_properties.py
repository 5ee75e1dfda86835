"""Property tests of the TIMEX3 normaliser: whatever the text, no exception escapes and every
span lies within the text and matches its own `text` field."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from eventline.events.timex import find_timexes

_WORDS = st.sampled_from(
    [
        "in", "the", "on", "last", "next", "until", "expected", "delayed", "to", "every",
        "each", "for", "a", "century", "hours", "months", "19th", "1990s", "March", "May",
        "Friday", "7/8/07", "08.07.2007", "1914-18", "2015–2016", "two", "days", "later",
        "that", "year", "following", "day", "summer", "evening", "2009", "now", "currently",
        "ago", "'80s", "Q3", "noon", "3", "p.m.", ".", ",", "\n", "31/02/2020", "twice",
    ]
)  # fmt: skip
_ANCHORS = st.sampled_from([None, "2025-06-25", "--02-29", "2000-02-29", "1999-12-31"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=30).map(" ".join), _ANCHORS, st.sampled_from([None, True, False]))
def test_date_words_never_raise_and_spans_hold(
    text: str, anchor: str | None, day_first: bool | None
) -> None:
    for t in find_timexes(text, anchor=anchor, day_first=day_first):
        assert 0 <= t.start < t.end <= len(text)
        assert text[t.start : t.end] == t.text
        assert t.value


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200), _ANCHORS)
def test_arbitrary_text_never_raises(text: str, anchor: str | None) -> None:
    for t in find_timexes(text, anchor=anchor):
        assert 0 <= t.start < t.end <= len(text)
