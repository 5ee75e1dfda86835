"""Fact-checks recognised from their structure (eventline.clean.factcheck)."""

from __future__ import annotations

import pytest

from eventline.clean.factcheck import is_rating_line, looks_like_factcheck, recognise
from eventline.clean.metadata import read_kind

RATED = (
    "Gov. Pia Lund said in a speech on March 2 that the province had cut its debt in half.\n"
    "Provincial accounts show the debt fell by about a fifth.\n"
    "We asked Lund's office for her source and did not receive an answer.\n"
    "We rate this statement Mostly False."
)
LABEL_TOP = (
    "Needs Context\n"
    "Posts on Facebook say the Northport ferry has been cancelled for the summer.\n"
    "The operator says only the night sailing has been suspended."
)
UNRATED = (
    "Social media posts claim the reservoir is empty.\n"
    "We looked at the utility's daily readings and contacted its press office.\n"
    "The readings show levels at 40 percent."
)
NEWS_QUOTING_CHECKER = (
    "Posts saying the reservoir was empty spread widely this week.\n"
    "The posts said the utility had hidden the figures. Fact-checkers at one outlet rated the "
    'claim false, writing: "We rate this claim False."\n'
    "The utility's director said levels were normal for the season."
)
OPINION = (
    "The claim that the reservoir is empty is false, and I think we should say so plainly.\n"
    "Make no mistake: the utility has made mistakes. But it has not hidden the figures."
)


@pytest.mark.parametrize("body", [RATED, LABEL_TOP, UNRATED])
def test_fact_check_structures_are_recognised(body: str) -> None:
    assert looks_like_factcheck(None, body), recognise(None, body)


@pytest.mark.parametrize("body", [NEWS_QUOTING_CHECKER, OPINION])
def test_near_misses_are_not(body: str) -> None:
    assert not looks_like_factcheck(None, body), recognise(None, body)


def test_one_keyword_is_not_enough() -> None:
    assert not looks_like_factcheck("Fact-checkers busy", "Social media posts claim it rained.")
    assert not looks_like_factcheck(None, "We asked the minister. She did not reply.")


def test_read_kind_uses_the_structure_after_explicit_markers() -> None:
    kind = read_kind(title=None, body=RATED, section=None, jsonld=(), reasons=set(), hinted=None)
    assert kind == "fact-check"
    hinted = read_kind(
        title=None, body=RATED, section=None, jsonld=(), reasons=set(), hinted="news"
    )
    assert hinted == "news"  # an explicit field is stronger than the text


def test_rating_lines_are_fields_with_a_scale_label() -> None:
    assert is_rating_line("Our rating: Missing context")
    assert is_rating_line("Verdict: Pants on Fire")
    assert not is_rating_line("Verdict: see below")
    assert not is_rating_line("Legend")  # a bare word at a page's end is too often chrome


def test_a_review_that_rates_a_product_is_not_a_fact_check() -> None:
    body = (
        "The new Lumo phone arrives in three colours.\n"
        "We tested it for two weeks and looked at its battery life.\n"
        "We rate this phone highly for its screen."
    )
    assert not looks_like_factcheck("Lumo review", body), recognise("Lumo review", body)


def test_a_rating_by_definition_is_a_rating() -> None:
    body = (
        "Mayor Tom Rees said on May 1 that crime fell by half.\n"
        "Police figures show it fell by a fifth.\n"
        "Our definition of Mostly False is a statement that contains an element of truth but "
        "ignores critical facts. That fits here."
    )
    assert looks_like_factcheck(None, body), recognise(None, body)


def test_a_quoted_claim_then_a_pinocchio_rating() -> None:
    body = (
        '"We raised teacher pay by 20 percent," Gov. Mark Ellis said on April 28.\n'
        "Budget tables show average pay rose about 9 percent.\n"
        "Ellis earns Two Pinocchios."
    )
    assert looks_like_factcheck(None, body), recognise(None, body)


def test_a_stray_word_at_the_end_of_a_news_page_is_not_a_badge() -> None:
    body = (
        "Sen. Ida Brandt said on Monday that the bridge would reopen in May.\n"
        "Engineers said repairs were on schedule.\n"
        "Verified"
    )
    assert not looks_like_factcheck(None, body), recognise(None, body)
