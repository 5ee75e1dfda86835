"""The MEANTIME TIMEX3 section: text rebuilt from tokens, gold read from markables, floor met."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventline.errors import InputError
from eventline.eval.meantime_timex import score_meantime_timex

MEANTIME = Path(__file__).resolve().parents[3] / "shared" / "benchmarks" / "meantime"

_DOCUMENT = """<?xml version="1.0" ?><Document doc_id="1" doc_name="t" lang="en" url="x">
<token number="0" sentence="0" t_id="1">Port</token>
<token number="1" sentence="0" t_id="2">reopens</token>
<token number="2" sentence="1" t_id="3">March</token>
<token number="3" sentence="1" t_id="4">4</token>
<token number="4" sentence="1" t_id="5">,</token>
<token number="5" sentence="1" t_id="6">2010</token>
<token number="6" sentence="2" t_id="7">The</token>
<token number="7" sentence="2" t_id="8">port</token>
<token number="8" sentence="2" t_id="9">closed</token>
<token number="9" sentence="2" t_id="10">on</token>
<token number="10" sentence="2" t_id="11">Monday</token>
<token number="11" sentence="2" t_id="12">and</token>
<token number="12" sentence="2" t_id="13">reopened</token>
<token number="13" sentence="2" t_id="14">in</token>
<token number="14" sentence="2" t_id="15">February</token>
<token number="15" sentence="2" t_id="16">.</token>
<Markables>
<TIMEX3 functionInDocument="CREATION_TIME" m_id="1" type="DATE" value="2010-03-04">
<token_anchor t_id="3"/><token_anchor t_id="4"/><token_anchor t_id="5"/><token_anchor t_id="6"/>
</TIMEX3>
<TIMEX3 functionInDocument="NONE" m_id="2" type="DATE" value="2010-03-01">
<token_anchor t_id="11"/>
</TIMEX3>
<TIMEX3 functionInDocument="NONE" m_id="3" type="DATE" value="2009-02">
<token_anchor t_id="15"/>
</TIMEX3>
<TIMEX3 functionInDocument="NONE" m_id="4" type="DATE" value="2009-01-01"/>
</Markables>
</Document>
"""


def test_scores_a_hand_made_document(tmp_path: Path) -> None:
    folder = tmp_path / "intra_cross-doc_annotation" / "corpus_x"
    folder.mkdir(parents=True)
    (folder / "1_t.xml").write_text(_DOCUMENT, encoding="utf-8")
    report = score_meantime_timex(tmp_path)
    # Monday is right; "February" in a past clause of March 2010 is 2010-02, not the gold's
    # 2009-02; the token-less timex is not counted.
    assert report.metric("date_count").value == 2
    assert report.metric("date_value_accuracy").value == 0.5
    assert report.metric("date_span_recall").value == 1.0
    assert len(report.misses) == 1 and "'February' gold 2009-02" in report.misses[0]


def test_empty_folder_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        score_meantime_timex(tmp_path)


@pytest.mark.integration
def test_meantime_date_values_meet_the_floor() -> None:
    if not MEANTIME.is_dir():
        pytest.skip("../shared not present")
    report = score_meantime_timex(MEANTIME)
    accuracy = report.metric("date_value_accuracy")
    assert accuracy.value >= 0.75, report.misses
    assert report.passed
    assert report.metric("date_count").value > 250
