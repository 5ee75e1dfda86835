"""A closing list of other stories under a "More ..." heading is links, not the article's."""

from __future__ import annotations

from eventline.clean import clean_document
from tests.clean.helpers import text_doc

STORY = """Ferry timetable approved after months of complaints
The regional council approved the new ferry timetable on Tuesday after islanders complained.
Crossings will run every hour from March, the council said in a statement.
"""


def _body(text: str) -> str:
    articles, _ = clean_document(text_doc(text))
    return articles[0].body


def test_a_more_stories_list_closing_the_body_is_removed() -> None:
    tail = """More Must-Reads From The Harbour Times
- Storm closes three ports along the coast
- Why island rents keep rising
- Is the new bridge worth the money?
"""
    body = _body(STORY + tail)
    assert "Storm closes" not in body and "More Must-Reads" not in body
    assert "every hour from March" in body


def test_the_article_s_own_list_stays() -> None:
    tail = """The new timetable changes three things:
- Crossings every hour from March
- A late boat on Fridays and Saturdays
- Lower fares for island residents
"""
    assert "late boat on Fridays" in _body(STORY + tail)


def test_a_related_heading_in_another_script_with_headlines_under_it_is_removed() -> None:
    tail = """関連記事
港湾局が新しいフェリーの時刻表を発表
島の住民が運賃の値下げを求める
"""
    body = _body(STORY + tail)
    assert "関連記事" not in body and "港湾局" not in body
    assert "every hour from March" in body


def test_closing_headlines_with_their_dates_and_a_rights_notice_are_removed() -> None:
    tail = """- Storm closes three ports along the coast (2024/3/2 10:20)
- 港湾局が新しい時刻表を発表 （2024/3/1付）
Harbour Times Ltd. All rights reserved. No reproduction without permission.
"""
    body = _body(STORY + tail)
    assert "Storm closes" not in body and "港湾局" not in body and "reserved" not in body
    assert "every hour from March" in body


def test_a_single_dated_bullet_stays() -> None:
    tail = "- The council meets again on the timetable (2024/4/2)\n"
    assert "meets again" in _body(STORY + tail)
