"""Clean-stage rules for pages from anywhere (issue 9, item 7): era dates, date lines in other
languages, the article's own lists and tables, one article per HTML page, local days."""

from __future__ import annotations

import pytest

from eventline.clean import clean_document
from eventline.clean.datecues import find_dates
from eventline.clean.dates import DateInputs, publication
from eventline.clean.split import is_date_line
from eventline.model import Document, Hints, Item
from tests.clean.helpers import text_doc


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("令和7年6月3日", (2025, 6, 3)),
        ("令和元年5月1日", (2019, 5, 1)),
        ("平成31年4月30日", (2019, 4, 30)),
    ],
)
def test_japanese_era_dates_are_read(text: str, day: tuple[int, int, int]) -> None:
    found = find_dates(text)
    assert found and (found[0].year, found[0].month, found[0].day) == day


@pytest.mark.parametrize(
    "line",
    ["发布时间：2025-06-03 09:12:45", "입력 2025.06.03 14:20", "Опубликовано: 3 июня 2025",
     "2025年7月8日 18時05分", "２０２５年６月３日　９時１５分", "令和7年6月3日"],
)  # fmt: skip
def test_date_lines_in_other_languages(line: str) -> None:
    assert is_date_line(line)


def test_a_labelled_sentence_is_no_date_line() -> None:
    assert not is_date_line("时间：下周三将举行第二轮会谈，双方代表已抵达。")


LIST_AT_END = (
    "城市公交票价调整方案公布\n"
    "市交通部门今天公布了城市公交票价调整方案，新票价将从下月起执行。\n"
    "交通部门负责人表示，适当调整票价是为了保障服务质量。方案的主要内容如下。\n"
    "- 普通线路票价由二元调整为二元五角\n"
    "- 老年人和学生继续享受半价优惠\n"
    "| 线路 | 票价 |\n"
    "| 普通 | 二元五角 |\n"
)


def test_a_list_and_a_table_ending_the_article_are_kept() -> None:
    body = clean_document(text_doc(LIST_AT_END))[0][0].body
    assert "老年人和学生继续享受半价优惠" in body and "| 普通 | 二元五角 |" in body


def test_a_list_under_a_heading_at_the_end_still_goes() -> None:
    text = (
        "Ministers agree a transit plan\n"
        "The two governments agreed a transit plan on Tuesday after a week of talks.\n"
        "Related\n- Politics\n- World\n"
    )
    assert "Politics" not in clean_document(text_doc(text))[0][0].body


def _html_doc(text: str) -> Document:
    raw = text.encode()
    return Document(
        id=Document.make_id(raw), source_path="p.html", format="html", raw=raw, text=text,
        encoding="utf-8", items=(Item(start=0, end=len(text)),),
    )  # fmt: skip


TWO_HEADS = (
    "Port workers end their strike\n"
    "June 3, 2025\n"
    "Dock workers voted on Tuesday to accept a new contract and end the nine-day strike.\n"
    "Shipping lines said the backlog of containers would take two weeks to clear.\n"
    "Rail freight rises for a third month\n"
    "June 2, 2025\n"
    "Freight volumes on the national rail network rose for a third month in a row in May.\n"
)


def test_an_html_page_is_one_article_and_a_text_file_may_be_several() -> None:
    assert len(clean_document(_html_doc(TWO_HEADS))[0]) == 1
    assert len(clean_document(text_doc(TWO_HEADS))[0]) == 2


@pytest.mark.parametrize(
    ("meta", "printed", "day"),
    [("2025-06-02", "2025年6月3日 8時30分", "2025-06-03"),  # UTC stamp, local day printed
     ("2025-06-02", "2025年6月9日 8時30分", "2025-06-02"),  # far apart: the markup wins
     ("2025-06-03", "2025年6月3日", "2025-06-03")],
)  # fmt: skip
def test_a_printed_day_one_off_the_metadata_is_the_local_day(
    meta: str, printed: str, day: str
) -> None:
    found = publication(DateInputs(hints=Hints(published=meta), body="", date_lines=(printed,)))
    assert found is not None and found.value == day


THAI = (
    "นักท่องเที่ยวต่างชาติเพิ่มขึ้นในไตรมาสแรก\n"
    "กระทรวงการท่องเที่ยวรายงานว่าจำนวนนักท่องเที่ยวต่างชาติในไตรมาสแรกของปีเพิ่มขึ้นเมื่อเทียบกับช่วงเดียวกันของปีที่แล้ว\n"
    "ผู้ประกอบการโรงแรมพอใจ\n"
    "นักท่องเที่ยวส่วนใหญ่มาจากประเทศในภูมิภาคเอเชียตะวันออก และนิยมเดินทางไปยังเมืองชายทะเลทางภาคใต้\n"
)


def test_a_short_line_inside_a_thai_story_is_kept() -> None:
    """Thai writes no sentence ends: a long line kept after it still makes a short line above
    it part of the story, not an orphan subhead."""
    body = clean_document(text_doc(THAI))[0][0].body
    assert "ผู้ประกอบการโรงแรมพอใจ" in body
