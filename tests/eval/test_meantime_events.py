"""MEANTIME cross-document event coreference: reading the XML and scoring clusters.

The coder here is a STAND-IN (it codes every "met" as a France-Germany meeting) that tests
only the plumbing: XML reading, trigger matching, clustering and the figures. The real figure
comes from `eventline.events.code_text` wired by the caller (see the slow test)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from eventline.eval.meantime_events import b_cubed, read_document, score_meantime_events
from eventline.model import ActorRef, EventMention, Evidence

FRA = ActorRef(id="FRA", name="France", country="FRA")
DEU = ActorRef(id="DEU", name="Germany", country="DEU")


def meantime_xml(name: str, words: list[str], created: str, events: dict[int, str]) -> str:
    """A minimal MEANTIME file: tokens, one EVENT_MENTION per `events` token index, each
    linked to an EVENT carrying that instance id."""
    tokens = "".join(
        f'<token number="{i}" sentence="0" t_id="{i + 1}">{w}</token>\n'
        for i, w in enumerate(words)
    )
    mentions = "".join(
        f'<EVENT_MENTION m_id="{i + 100}"><token_anchor t_id="{i + 1}"/></EVENT_MENTION>\n'
        for i in events
    )
    instances = "".join(
        f'<EVENT m_id="{i + 200}" instance_id="{inst}" class="OTHER"/>\n'
        for i, inst in events.items()
    )
    links = "".join(
        f'<REFERS_TO r_id="{i}"><source m_id="{i + 100}"/><target m_id="{i + 200}"/></REFERS_TO>'
        for i in events
    )
    return (
        f'<?xml version="1.0" ?><Document doc_id="1" doc_name="{name}" lang="en">\n{tokens}'
        f"<Markables>{mentions}{instances}"
        f'<TIMEX3 m_id="1" functionInDocument="CREATION_TIME" value="{created}" type="DATE"/>'
        f"</Markables><Relations>{links}</Relations></Document>"
    )


def stand_in_coder(text: str, anchor: str | None) -> list[EventMention]:
    """STAND-IN for the events coder: every "met" is a France–Germany meeting, report-dated."""
    return [
        EventMention(
            id=f"m{m.start()}", type="CONSULT", actor=(FRA,), recipient=(DEU,),
            date=anchor, date_precision="report", trigger="met",
            evidence=Evidence(article="x", sentence=0, start=max(0, m.start() - 8),
                              end=m.end() + 8, text=text[m.start() : m.end()]),
        )
        for m in re.finditer(r"\bmet\b", text)
    ]  # fmt: skip


def write_corpus(tmp_path: Path, third_instance: str) -> Path:
    folder = tmp_path / "intra_cross-doc_annotation" / "corpus_test"
    folder.mkdir(parents=True)
    words = ["Leaders", "met", "in", "Paris", "."]
    docs = {
        "a": ("2030-01-01", {1: "EV_MEET"}),
        "b": ("2030-01-02", {1: "EV_MEET"}),
        "c": ("2030-06-01", {1: third_instance}),
    }
    for name, (created, events) in docs.items():
        (folder / f"{name}.xml").write_text(meantime_xml(name, words, created, events), "utf-8")
    return tmp_path


def test_read_document_rebuilds_text_and_links(tmp_path: Path) -> None:
    path = tmp_path / "d.xml"
    path.write_text(meantime_xml("d", ["They", "met", "."], "2030-01-01", {1: "X"}), "utf-8")
    doc = read_document(path)
    assert doc.text == "They met."
    assert doc.creation == "2030-01-01"
    [gold] = doc.mentions
    assert doc.text[gold.start : gold.end] == "met" and gold.instance == "X" and gold.cross_doc


def test_plumbing_with_stand_in_coder_perfect_clusters(tmp_path: Path) -> None:
    report = score_meantime_events(write_corpus(tmp_path, "EV_OTHER"), code=stand_in_coder)
    assert report.metric("b3_f1").value == pytest.approx(1.0)
    assert report.metric("cross_doc_pair_f1").value == pytest.approx(1.0)
    assert report.metric("coverage").value == pytest.approx(1.0)
    assert report.metric("b3_f1_singletons").value < 1.0


def test_plumbing_with_stand_in_coder_missed_link(tmp_path: Path) -> None:
    # gold says the June report is the same meeting; the merger (rightly, by date) splits it
    report = score_meantime_events(write_corpus(tmp_path, "EV_MEET"), code=stand_in_coder)
    assert report.metric("b3_f1").value < 1.0
    assert report.metric("cross_doc_pair_f1").detail.startswith("P 1.000 R 0.333")


def test_b_cubed_by_hand() -> None:
    gold = {"a": "1", "b": "1", "c": "2"}
    assert b_cubed(gold, {"a": "x", "b": "x", "c": "y"}) == (1.0, 1.0, 1.0)
    p, r, _ = b_cubed(gold, {"a": "x", "b": "x", "c": "x"})
    assert p == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3) and r == 1.0
