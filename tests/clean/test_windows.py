"""Whole-text cues are read in a head and a tail window of very long bodies (speed), and a
short body is read whole (behaviour unchanged)."""

from __future__ import annotations

from eventline.clean.metadata import read_kind
from eventline.clean.windows import HEAD, TAIL, edges

_PARA = "Officials met on Tuesday to discuss the harbour budget and the new ferry timetable."


def test_a_short_body_is_read_whole() -> None:
    body = "\n\n".join([_PARA] * 50)
    assert edges(body) is body


def test_a_long_body_keeps_its_opening_and_close_within_bounds() -> None:
    body = "\n\n".join(["First paragraph.", *([_PARA] * 20_000), "Last paragraph."])
    view = edges(body)
    assert view.startswith("First paragraph.") and view.endswith("Last paragraph.")
    assert len(view) <= HEAD + TAIL + 2
    assert all(p == _PARA for p in view.split("\n\n")[1:-1])  # cut at paragraph breaks


def test_a_closing_rating_of_a_long_fact_check_is_still_read() -> None:
    opening = "A post on social media claims the harbour was sold. We looked at the records."
    closing = "Our ruling: the harbour was not sold. We rate this claim False."
    body = "\n\n".join([opening, *([_PARA] * 20_000), closing])
    kind = read_kind(title=None, body=edges(body), section=None, jsonld=(), reasons=set(),
                     hinted=None)  # fmt: skip
    assert kind == "fact-check"
