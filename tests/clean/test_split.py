from __future__ import annotations

from eventline.clean import clean_document
from eventline.clean.lines import split_lines
from eventline.clean.split import split_item
from tests.clean.helpers import text_doc

LISTING = """Top stories tagged #Harbours
Lakeside Gazette
3 hours ago
- Business
- Lakeside Gazette
Port of Varna reopens after week-long dockworkers' strike
Dockworkers in the Bulgarian port returned to work on Tuesday after unions accepted a new pay offer.

Northern Ledger
2 days ago
- World
- Northern Ledger
Ferry operators warn of winter timetable cuts
Three ferry companies told officials that rising fuel costs would force them to cancel crossings.
"""


def _segments(text: str) -> list[list[str]]:
    split = split_item(split_lines(text, 0, len(text)))
    return [[ln.text for ln in seg.lines] for seg in split.segments]


def test_listing_page_splits_into_items_and_drops_chrome() -> None:
    articles, rejections = clean_document(text_doc(LISTING))
    assert [a.title for a in articles] == [
        "Port of Varna reopens after week-long dockworkers' strike",
        "Ferry operators warn of winter timetable cuts",
    ]
    assert [a.outlet for a in articles] == ["Lakeside Gazette", "Northern Ledger"]
    assert [a.section for a in articles] == ["Business", "World"]
    assert [a.item for a in articles] == [1, 2]
    for article in articles:
        assert "hours ago" not in article.body and "days ago" not in article.body
        assert "Top stories" not in article.body
        assert "Lakeside Gazette" not in article.body
    assert any("Top stories tagged" in r.reason for r in rejections)


def test_single_age_header_is_not_a_listing() -> None:
    text = (
        "Lakeside Gazette\n3 hours ago\nPort reopens after strike\nWorkers returned on Tuesday.\n"
    )
    assert len(_segments(text)) == 1


def test_rule_separated_file_splits_into_articles() -> None:
    text = (
        "Council approves new tram line\n"
        "The city council voted 31 to 9 on Monday to fund a tram line to the airport.\n"
        "==========\n"
        "Storm closes mountain pass\n"
        "Police closed the pass overnight after heavy snow trapped dozens of lorries there.\n"
    )
    assert [seg[0] for seg in _segments(text)] == [
        "Council approves new tram line",
        "Storm closes mountain pass",
    ]


def test_scene_break_inside_one_story_does_not_split() -> None:
    text = (
        "Council approves new tram line\n"
        "The city council voted 31 to 9 on Monday to fund a tram line to the airport.\n"
        "* * *\n"
        "Opponents said the money would be better spent on buses in the outer districts.\n"
    )
    assert len(_segments(text)) == 1


def test_page_hints_are_not_copied_onto_listing_items() -> None:
    from eventline.model import Hints

    hints = Hints(title="Harbour news | Aggregator", author="Site Bot", published="2025-01-05")
    articles, _ = clean_document(text_doc(LISTING, hints=hints))
    assert articles[0].title == ("Port of Varna reopens after week-long dockworkers' strike")
    assert {a.author for a in articles} == {None}
    assert {a.published for a in articles} == {None}


def test_concatenated_articles_split_on_headline_byline_blocks() -> None:
    text = (
        "Council approves new tram line\n"
        "By Ana Ruiz\n"
        "The city council voted 31 to 9 on Monday to fund a tram line to the airport.\n"
        "Storm closes mountain pass\n"
        "March 4, 2025\n"
        "Police closed the pass overnight after heavy snow trapped dozens of lorries there.\n"
    )
    articles, _ = clean_document(text_doc(text))
    assert [a.title for a in articles] == [
        "Council approves new tram line",
        "Storm closes mountain pass",
    ]
    assert articles[0].author == "Ana Ruiz"
    assert articles[1].published is not None
    assert articles[1].published.value == "2025-03-04"


def test_subhead_over_a_date_inside_one_story_does_not_split() -> None:
    text = (
        "Council approves new tram line\n"
        "By Ana Ruiz\n"
        "The city council voted 31 to 9 on Monday to fund a tram line to the airport.\n"
        "What happens next\n"
        "Construction is due to start next year and last about three years, officials said.\n"
    )
    assert len(_segments(text)) == 1


def test_date_lines_in_more_forms_and_scripts() -> None:
    from eventline.clean.split import is_date_line

    for line in ("7. März 2022", "9 de julio de 2021", "17 जून 2022", "Posted 11/23/2021",
                 "14 Ekim 2022 Cuma"):  # fmt: skip
        assert is_date_line(line), line
    # a sentence that starts with a date is no date line
    assert not is_date_line("9 July 2021 was the day the bridge reopened to traffic.")
