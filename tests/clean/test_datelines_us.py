"""US wire dateline styles (issue #9): double hyphens, running-case cities with a state's
abbreviation, a city with its country before a date, unspaced em dashes; and sentences that
open with a name and a dash or a comma, which are no datelines."""

from __future__ import annotations

import pytest

from eventline.clean.metadata import dateline_end, read_dateline


@pytest.mark.parametrize(
    ("line", "place", "date", "wire", "rest"),
    [
        ("TOLEDO -- The glassmaker said it would hire.", "TOLEDO", None, None, "The glassmaker"),
        ("Springfield, Ill. — Lawmakers met.", "Springfield, Ill.", None, None, "Lawmakers"),
        ("Scranton, Pa. – The mayor vetoed the plan.", "Scranton, Pa.", None, None, "The mayor"),
        ("Washington, D.C. -- A federal judge ruled.", "Washington, D.C.", None, None, "A federal"),
        ("Portland, OR — Crews cleared the road.", "Portland, OR", None, None, "Crews"),
        ("Boise, Idaho (AP) — The governor spoke.", "Boise, Idaho", None, "AP", "The governor"),
        # a state or country spelt out after a running-case city: a dateline before a dash too
        (
            "Springfield, Illinois — Lawmakers met.",
            "Springfield, Illinois",
            None,
            None,
            "Lawmakers",
        ),
        ("BOSTON (Reuters) - Shares of the insurer rose.", "BOSTON", None, "Reuters", "Shares"),
        ("RENO, Nev. — A dam gave way overnight.", "RENO, Nev.", None, None, "A dam"),
        ("ST. PAUL — The council voted 7-0.", "ST. PAUL", None, None, "The council"),
        (
            "OTTAWA, Feb. 9 (Xinhua) -- Canada said it would ...",
            "OTTAWA",
            "Feb. 9",
            "Xinhua",
            "Canada said",
        ),
        ("Lviv, Ukraine, May 2 — Sirens sounded twice.", "Lviv, Ukraine", "May 2", None, "Sirens"),
        ("Tbilisi, 5 May 2024 - Protesters gathered.", "Tbilisi", "5 May 2024", None, "Protesters"),
        ("DENVER—The utility raised its rates.", "DENVER", None, None, "The utility"),
        ("SAN JOSE - eBay said it would cut staff.", "SAN JOSE", None, None, "eBay said"),
    ],
)
def test_us_wire_datelines_are_read(
    line: str, place: str, date: str | None, wire: str | None, rest: str
) -> None:
    found = read_dateline(line)
    assert found is not None
    assert (found.place, found.date, found.wire) == (place, date, wire)
    end = dateline_end(line)
    assert end is not None and line[end:].startswith(rest)


@pytest.mark.parametrize(
    "line",
    [
        "Lincoln — who had led the party for a decade — resigned.",
        "Lincoln, who had led the party -- resigned on Friday.",
        "Lincoln -- a former mayor -- will run again.",
        "NATO -- the alliance said -- would meet.",
        "Senator Hale, Mass. — no relation — said so.",
        "Acme, Inc. — The company said it would close.",
        "Kimball, Jones — The two firms merged.",
        "Harper and Stone — The firm said it would close.",
        "BREAKING -- The port reopened on Tuesday.",
    ],
)
def test_a_name_before_a_dash_or_comma_is_no_dateline(line: str) -> None:
    assert read_dateline(line) is None
    assert dateline_end(line) is None
