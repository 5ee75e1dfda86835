"""The sentence stating a checked claim, its claimant and date (eventline.corpus.claim_text)."""

from __future__ import annotations

import pytest

from eventline.corpus.claim_text import attribution, find_attribution, split_sentences


@pytest.mark.parametrize(
    ("sentence", "claim", "claimant", "kind"),
    [
        ("Rep. Jo Marsh said during a debate on Oct. 2 that the port handles half of all grain.",
         "the port handles half of all grain", "Jo Marsh", "person"),
        ("Posts on Instagram claim a new law bans gardens in Westmoor.",
         "a new law bans gardens in Westmoor", "social media posts", "social-media"),
        ("A meme shared by the Harbour Voters League says turnout fell by half.",
         "turnout fell by half", "Harbour Voters League", "organisation"),
        ("The Ministry of Roads stated in a leaflet that every bridge was inspected in 2029.",
         "every bridge was inspected in 2029", "The Ministry of Roads", "organisation"),
        ("A user on X, @bridgewatch, posted that the bridge had been closed for a week.",
         "the bridge had been closed for a week", "@bridgewatch", "social-media"),
        ("Mayor Ana Ruiz reversed her position on the stadium tax, her rivals say.",
         "Mayor Ana Ruiz reversed her position on the stadium tax", "Ana Ruiz", "person"),
    ],
)  # fmt: skip
def test_attribution_splits_claimant_and_claim(
    sentence: str, claim: str, claimant: str, kind: str
) -> None:
    found = attribution(sentence, 100, published="2030-05-14")
    assert found is not None
    assert (found.claim, found.claimant, found.kind) == (claim, claimant, kind)
    if found.span is not None:
        start, end = found.span
        assert sentence[start - 100 : end - 100] == claimant


@pytest.mark.parametrize(
    "sentence",
    [
        "As the storm hit, claims that the dam had burst spread online.",  # a noun, after a clause
        "The claim that the dam burst was false.",
        "We said in March that the figures would change.",  # the checker's own voice
        "It said so.",
    ],
)
def test_sentences_that_are_not_attributions(sentence: str) -> None:
    assert attribution(sentence, 0, published=None) is None


def test_claim_date_from_the_attribution_not_from_the_claim() -> None:
    found = attribution(
        "Sen. Lee Park wrote on May 3 that prices doubled in January 2030.", 0,
        published="2030-05-20",
    )  # fmt: skip
    assert found is not None and found.date == "2030-05-03"
    later = attribution(
        "Gov. Kim Ode said on Dec. 30 that taxes rose sharply.", 0, published="2031-01-04"
    )
    assert later is not None and later.date == "2030-12-30"  # no year: the one before


def test_find_attribution_reads_the_opening_and_a_date_in_the_next_sentence() -> None:
    body = (
        "MOSTLY FALSE\n"
        "A viral video claims the new ferry sank on its first trip. The video, posted on "
        "April 9, has been viewed 300,000 times.\n"
        "The ferry is in service."
    )
    found = find_attribution(body, published="2030-04-20")
    assert found is not None
    assert found.claim == "the new ferry sank on its first trip"
    assert found.claimant == "social media posts" and found.date == "2030-04-09"


def test_abbreviations_do_not_end_a_sentence() -> None:
    text = "Sen. Lee Park said on Sept. 3 that it rained. It did not."
    assert split_sentences(text) == ["Sen. Lee Park said on Sept. 3 that it rained.", "It did not."]


@pytest.mark.parametrize(
    ("sentence", "claim", "claimant"),
    [
        ("In a May 3 post on X, Rep. Jo Marsh wrote that the port handles half of all grain.",
         "the port handles half of all grain", "Jo Marsh"),
        ("Social media users are sharing a claim that the ferry sank on its first trip.",
         "the ferry sank on its first trip", "social media posts"),
        ("Experts said that the port handles half of all grain.", None, None),
    ],
)  # fmt: skip
def test_opening_phrases_sharing_and_generic_subjects(
    sentence: str, claim: str | None, claimant: str | None
) -> None:
    found = attribution(sentence, 0, published="2030-05-14")
    got = (found.claim, found.claimant) if found else (None, None)
    assert got == (claim, claimant)


def test_statement_line_with_the_claim_after_a_colon() -> None:
    body = (
        'Jo Marsh stated on May 3, 2030 in a speech:\n"Says the port handles half of all grain."\n'
    )
    found = find_attribution(body, published="2030-05-20")
    assert found is not None
    assert (found.claim, found.claimant, found.date) == (
        "the port handles half of all grain", "Jo Marsh", "2030-05-03",
    )  # fmt: skip


def test_progressive_claiming() -> None:
    found = attribution("Instagram users are claiming that the pier was sold.", 0, published=None)
    assert found is not None
    assert (found.claim, found.claimant) == ("the pier was sold", "social media posts")


def test_a_post_that_shows() -> None:
    found = attribution("A viral video shows the Eastville bridge collapsing.", 0, published=None)
    assert found is not None and found.claim == "the Eastville bridge collapsing"
    assert attribution("Records show that the bridge was inspected.", 0, published=None) is None


def test_a_quote_first_lede_and_a_colon_right_after_the_verb() -> None:
    quoted = attribution(
        '"We raised teacher pay by 20 percent," Gov. Mark Ellis said at a briefing on April 28.',
        0, published="2031-05-02",
    )  # fmt: skip
    assert quoted is not None
    assert (quoted.claim, quoted.claimant, quoted.date) == (
        "We raised teacher pay by 20 percent", "Mark Ellis", "2031-04-28",
    )  # fmt: skip
    colon = attribution('In a May 3 post, Mayor Lin Ode wrote: "The pier was sold."', 0,
                        published="2031-05-09")  # fmt: skip
    assert colon is not None and (colon.claim, colon.claimant) == ("The pier was sold", "Lin Ode")
    assert attribution('"The pier was sold."', 0, published=None) is None


def test_only_posts_show_claims() -> None:
    said = "The Labor Department's table shows that wages rose by 4 percent."
    assert attribution(said, 0, published=None) is None
