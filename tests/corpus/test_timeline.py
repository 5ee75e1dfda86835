"""Relation timelines on hand-built events: selection, periods, counts, scores, renderers."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from eventline.corpus.timeline import build_timeline, involves
from eventline.corpus.timeline_quad import quad_table
from eventline.corpus.timeline_render import timeline_table, write_chart, write_csv
from eventline.model import ActorRef, Event, Evidence

RUS = ActorRef(id="RUS", name="Russia", country="RUS")
IRN = ActorRef(id="IRN", name="Iran", country="IRN")
USA = ActorRef(id="USA", name="United States", country="USA")
LEADER = ActorRef(id="p_leader", name="Anna Leader", country="RUS")


def event(
    eid: str,
    type_: str,
    actor: tuple[ActorRef, ...],
    recipient: tuple[ActorRef, ...] = (),
    *,
    date: str | None = "2025-03-10",
    mode: str | None = None,
    modality: str = "asserted",
    sources: int = 1,
) -> Event:
    return Event(
        id=eid, type=type_, mode=mode, actor=actor, recipient=recipient, date=date,
        modality=modality,  # type: ignore[arg-type]
        mentions=(Evidence(article=f"art_{eid}", sentence=0, start=0, end=5,
                           text=f"Sentence about {eid}."),),
        sources=sources,
    )  # fmt: skip


EVENTS = [
    event("visit", "CONSULT", (LEADER,), (IRN,), mode="visit", sources=3),
    event("treaty", "SUPPORT", (RUS, IRN), date="2025-03-02"),
    event("blame", "ACCUSE", (IRN,), (RUS,), date="2025-05-20"),
    event("strike", "ASSAULT", (USA,), (IRN,), date="2025-03-11"),  # not between RUS and IRN
    event("joint", "ACCUSE", (RUS, IRN), (USA,), date="2025-03-12"),  # both against a third
    event("undated", "AID", (RUS,), (IRN,), date=None),
    event("year", "AID", (RUS,), (IRN,), date="2024"),
    event("planned", "CONSULT", (RUS,), (IRN,), modality="planned"),
]


def test_involves_directed_and_joint() -> None:
    blame = EVENTS[2]
    assert involves(blame, "RUS", "IRN")
    assert not involves(blame, "RUS", "IRN", directed=True)
    assert involves(blame, "IRN", "RUS", directed=True)
    assert involves(EVENTS[1], "RUS", "IRN", directed=True)  # joint, no recipient
    assert not involves(EVENTS[3], "RUS", "IRN")
    assert not involves(EVENTS[4], "RUS", "IRN")
    assert involves(EVENTS[0], "p_leader", "IRN")  # actor ids work too


def test_monthly_counts_scores_and_gaps() -> None:
    t = build_timeline(EVENTS, "RUS", "IRN")
    assert [p.period for p in t.periods] == ["2025-03", "2025-04", "2025-05"]
    march, april, may = t.periods
    assert march.events == 2
    assert march.types == {"CONSULT": 1, "SUPPORT": 1}
    assert march.quads["verbal_cooperation"] == 2 and march.quads["material_conflict"] == 0
    assert march.score == pytest.approx((4 + 5) / 2)  # CONSULT: visit scores 4, SUPPORT 5
    assert march.score_sum == pytest.approx(9)
    assert april.events == 0 and april.score is None
    assert may.score == pytest.approx(-3)  # ACCUSE without mode
    assert march.evidence[0].event == "visit"  # most sources first
    assert t.undated == 1 and t.coarse == 1 and t.skipped_modality == 1
    assert t.events == 3


def test_weekly_periods_drop_month_dates_as_coarse() -> None:
    events = [*EVENTS, event("month", "AGREE", (RUS,), (IRN,), date="2025-03")]
    t = build_timeline(events, "RUS", "IRN", by="week")
    assert t.periods[0].period == "2025-W09"  # 2025-03-02 is a Sunday
    assert t.periods[1].period == "2025-W10"
    assert t.coarse == 2
    monthly = build_timeline(events, "RUS", "IRN")
    assert monthly.periods[0].types["AGREE"] == 1


def test_quad_table_follows_the_manual() -> None:
    table = quad_table()
    assert table.quad("SANCTION") == "material_conflict"
    assert table.quad("RETREAT") == "material_cooperation"
    assert table.score("ASSAULT", "aerial") == -9.5
    assert table.score("ASSAULT", "no-such-mode") == -9
    assert table.score("NOT_A_TYPE") is None
    assert table.side("SUPPORT") == "cooperation" and table.side("REJECT") == "conflict"


def test_table_and_csv(tmp_path: Path) -> None:
    t = build_timeline(EVENTS, "RUS", "IRN")
    rows = timeline_table(t)
    assert rows[0]["CONSULT"] == 1 and rows[0]["verbal_cooperation"] == 2
    assert "[art_visit]" in rows[0]["evidence"]
    path = write_csv(t, tmp_path / "t.csv")
    with path.open(encoding="utf-8") as handle:
        read = list(csv.DictReader(handle))
    assert [r["period"] for r in read] == ["2025-03", "2025-04", "2025-05"]
    assert read[2]["score_mean"] == "-3.0"


@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_chart_is_written(tmp_path: Path, fmt: str) -> None:
    t = build_timeline(EVENTS, "RUS", "IRN")
    path = write_chart(t, tmp_path / f"chart.{fmt}", fmt=fmt)  # type: ignore[arg-type]
    data = path.read_bytes()
    if fmt == "png":
        assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 5000
    else:
        assert b"<svg" in data and "RUS–IRN relations".encode() in data


def test_empty_timeline_still_renders(tmp_path: Path) -> None:
    t = build_timeline([], "RUS", "IRN")
    assert t.periods == () and t.events == 0
    assert write_chart(t, tmp_path / "e.png").read_bytes().startswith(b"\x89PNG")
