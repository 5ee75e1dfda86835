from __future__ import annotations

from eventline.clean import clean_document
from eventline.clean.boilerplate import is_credit, line_rule
from tests.clean.helpers import text_doc

STORY = """Rail strike halts freight across the north
Unions walked out on Monday after talks on night-shift pay collapsed.
Freight operators said about 400 trains were cancelled on the first day of the strike.
A signal box stands empty near the junction at dawn.
Maria Lindgren | AFP | Getty Images
"We bought that picture from Getty Images years ago," the union spokesperson said.
See also  Ports brace for delays as rail dispute spreads
See also the earlier ruling by the labour court, which found that the night rota broke the law.
What the unions want
The unions want a 6% rise and an end to unpaid standby hours, their negotiators said.
Share this article
About the author. Jonas Berg, economist, former transport adviser
The editorial team does not always share the views expressed by column authors.
Talks that never came
Source link
News
"""


def _article():  # type: ignore[no-untyped-def]
    articles, _ = clean_document(text_doc(STORY))
    assert len(articles) == 1
    return articles[0]


def test_credits_links_prompts_bios_and_labels_are_removed_with_reasons() -> None:
    article = _article()
    reasons = {r.text: r.reason for r in article.removed}
    assert reasons["Maria Lindgren | AFP | Getty Images"] == "picture credit"
    assert reasons["See also  Ports brace for delays as rail dispute spreads"] == "related link"
    assert reasons["Share this article"] == "share prompt"
    assert reasons["Source link"] == "source link"
    assert reasons["News"] == "section label"
    assert reasons["Talks that never came"] == "orphan subhead"
    assert reasons["About the author. Jonas Berg, economist, former transport adviser"] == (
        "author bio"
    )
    for text in reasons:
        assert text not in article.body


def test_caption_is_kept_apart_with_its_credit() -> None:
    article = _article()
    assert [(c.text, c.credit) for c in article.captions] == [
        (
            "A signal box stands empty near the junction at dawn.",
            "Maria Lindgren | AFP | Getty Images",
        )
    ]
    assert "signal box" not in article.body


def test_prose_that_looks_like_boilerplate_stays() -> None:
    body = _article().body
    assert "We bought that picture from Getty Images years ago" in body
    assert "See also the earlier ruling by the labour court" in body
    assert "What the unions want" in body  # a real subhead, text follows it
    assert body.startswith("Unions walked out on Monday")


def test_removals_point_back_to_the_document() -> None:
    article = _article()
    for removal in article.removed:
        assert STORY[removal.start : removal.end] == removal.text


def test_whole_line_rules_do_not_fire_on_sentences() -> None:
    assert line_rule("Related: Ports brace for delays as rail dispute spreads") == "related link"
    assert line_rule("Related talks in Geneva ended without agreement, officials said.") is None
    assert (
        line_rule("The ministry said the leaked memo does not reflect the views of the government.")
        is None
    )
    assert line_rule("Subscribers complained about the outage for three days.") is None
    assert is_credit("Photo: Reuters")
    assert not is_credit("Getty Images said on Friday it had settled the lawsuit.")
    assert not is_credit("Score | Team | Points")


def test_closing_wire_line_is_a_credit_and_sets_the_wire() -> None:
    text = (
        "Port strike ends\n"
        "Dockworkers returned to work on Tuesday after accepting a pay offer.\n"
        "— AFP\n"
    )
    article = clean_document(text_doc(text))[0][0]
    assert article.wire == "AFP"
    assert "AFP" not in article.body
    assert line_rule("AFP said the strike had ended.") is None


def test_tag_lists_go_but_a_sentence_about_topics_stays() -> None:
    assert line_rule("Tags: Ports, Strikes, Shipping") == "tag list"
    assert line_rule("Topics: the strike and the pay offer were discussed.") is None


def test_head_labels_closing_bio_and_contributor_lines() -> None:
    text = (
        "WORLD\n"
        "Breaking News\n"
        "Tanker seized in Gulf of Oman, navy says\n"
        "By Petra Holm\n"
        "A tanker was seized in the Gulf of Oman on Thursday, the navy said.\n"
        "Petra Holm writes about the Gulf states and shipping from Muscat.\n"
        "Gazette writer Jan Kowal in Doha contributed to this report.\n"
    )
    article = clean_document(text_doc(text))[0][0]
    assert article.body == "A tanker was seized in the Gulf of Oman on Thursday, the navy said."
    reasons = {r.text: r.reason for r in article.removed}
    assert reasons["WORLD"] == reasons["Breaking News"] == "section label"
    assert reasons["Gazette writer Jan Kowal in Doha contributed to this report."] == (
        "agency credit"
    )
    assert reasons["Petra Holm writes about the Gulf states and shipping from Muscat."] == (
        "author bio"
    )


def test_a_closing_paragraph_about_someone_else_is_not_a_bio() -> None:
    text = (
        "Tanker seized in Gulf of Oman, navy says\n"
        "By Petra Holm\n"
        "A tanker was seized in the Gulf of Oman on Thursday, the navy said.\n"
        "Admiral Lea Stone is expected to brief parliament on the seizure next week.\n"
    )
    article = clean_document(text_doc(text))[0][0]
    assert article.body.endswith("brief parliament on the seizure next week.")


def test_subhead_opening_with_a_link_word_stays() -> None:
    assert line_rule("Watch: Ports brace for delays as rail dispute spreads") == "related link"
    assert line_rule("Watch out for the winter timetable") is None
    assert line_rule("Related costs keep rising") is None


def test_long_paragraph_above_a_credit_stays_in_the_body() -> None:
    text = (
        "Rail strike halts freight\n"
        "Unions walked out on Monday. Talks had collapsed overnight. Operators cancelled trains.\n"
        "Maria Lindgren | AFP | Getty Images\n"
        "Freight operators said about 400 trains were cancelled on the first day.\n"
    )
    article = clean_document(text_doc(text))[0][0]
    assert article.captions == ()
    assert article.body.startswith("Unions walked out on Monday.")
    assert "Getty Images" not in article.body


def test_byline_and_stamps_on_one_line_are_a_date_line() -> None:
    from eventline.clean.boilerplate import is_stamp_line

    assert is_stamp_line("최유진 기자 | 입력 2021.04.02 09:15 | 수정 2021.04.03 10:40")
    assert is_stamp_line("By Dana Whitfield · Updated June 9, 2021")
    # menus and sentences with a bar are not stamps
    assert not is_stamp_line("World | Business | Sport")
    assert not is_stamp_line("Sales fell | the firm said on June 9, 2021, citing costs.")
