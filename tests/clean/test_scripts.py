"""Pages in scripts other than Latin: line rules must not empty them (issue 9, item 7)."""

from __future__ import annotations

import pytest

from eventline.clean import clean_document
from eventline.clean.datecues import find_dates
from eventline.clean.lines import Line, count_words, headline_like
from eventline.clean.split import is_date_line
from tests.clean.helpers import text_doc

JA = (
    "日韓、半導体供給網で協力強化に合意\n"
    "2025年6月24日 10:15\n"
    "日本と韓国の産業担当相は24日、ソウルで会談し、半導体の供給網を安定させるための協力を強化することで合意した。\n"
    "両国は新たに局長級の協議会を設け、年内に初会合を開く。\n"
)
ZH = (
    "哈萨克斯坦与中国开通新的粮食运输通道\n"
    "2025年7月3日\n"
    "7月2日，一列满载小麦的货运列车从哈萨克斯坦出发，经霍尔果斯口岸进入中国。\n"
    "分析人士指出，这条通道有助于中亚国家拓展出口市场。\n"
)
AR = (
    "مصر والسعودية تبدآن تشغيل الربط الكهربائي\n"
    "القاهرة - أعلنت وزارتا الكهرباء في البلدين يوم الأحد بدء التشغيل التجريبي للمشروع.\n"
    "هل يكتمل المشروع بحلول العام المقبل؟\n"
)
RU = (
    "Россия и Монголия согласовали маршрут газопровода\n"
    "18 июня 2025\n"
    "Правительства России и Монголии во вторник согласовали маршрут нового газопровода.\n"
    "Эксперты отмечают, что сроки зависят от переговоров с покупателями.\n"
)


@pytest.mark.parametrize(
    ("text", "sentences"), [(JA, 2), (ZH, 2), (AR, 2), (RU, 2)], ids=["ja", "zh", "ar", "ru"]
)
def test_pages_in_other_scripts_keep_their_text(text: str, sentences: int) -> None:
    articles, _ = clean_document(text_doc(text))
    assert len(articles) == 1
    body = [p for p in articles[0].body.split("\n\n") if p]
    assert len(body) == sentences
    assert articles[0].title == text.split("\n")[0]


@pytest.mark.parametrize(
    ("text", "day"), [(JA, "2025-06-24"), (ZH, "2025-07-03"), (RU, "2025-06-18")]
)
def test_date_lines_in_other_scripts_date_the_article(text: str, day: str) -> None:
    article = clean_document(text_doc(text))[0][0]
    assert article.published is not None and article.published.value == day


def test_a_cjk_paragraph_is_counted_by_characters() -> None:
    paragraph = "日本と韓国の産業担当相は24日、ソウルで会談し、協力を強化することで合意した。"
    assert count_words(paragraph) >= 15
    assert not headline_like(Line(paragraph, 0, len(paragraph)))
    assert count_words("Kyiv talks resume") == 3


@pytest.mark.parametrize(
    "line", ["2025年6月23日", "2025年6月23日 08:30", "2025/06/23", "23.06.2025", "2025년 6월 23일"]
)
def test_numeric_date_lines(line: str) -> None:
    assert is_date_line(line)
    found = find_dates(line)
    assert [(d.year, d.month, d.day) for d in found] == [(2025, 6, 23)]


def test_month_and_day_without_year_in_cjk() -> None:
    assert [(d.year, d.month, d.day) for d in find_dates("新华网北京6月23日电")] == [(None, 6, 23)]


def test_short_lines_are_kept_when_rules_would_empty_the_page() -> None:
    text = "Harbour notes\nThe ferry runs again\nThe market opens at noon\n"
    articles, rejected = clean_document(text_doc(text))
    assert articles and "The market opens at noon" in articles[0].body, rejected


def test_a_list_the_article_introduces_is_kept_at_its_end() -> None:
    text = (
        "Ministers agree a transit plan\n"
        "The two governments agreed a transit plan on Tuesday after a week of talks.\n"
        "The plan covers:\n"
        "- rail tariffs\n"
        "- border checks\n"
        "- grain storage\n"
    )
    body = clean_document(text_doc(text))[0][0].body
    assert "- grain storage" in body and "- rail tariffs" in body


def test_trailing_navigation_bullets_still_go() -> None:
    text = (
        "Ministers agree a transit plan\n"
        "The two governments agreed a transit plan on Tuesday after a week of talks.\n"
        "- Politics\n"
        "- World\n"
    )
    body = clean_document(text_doc(text))[0][0].body
    assert "Politics" not in body
