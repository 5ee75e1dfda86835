"""Rating scales as data and the rating a fact-check states (eventline.corpus.ratings)."""

from __future__ import annotations

import pytest

from eventline.corpus.ratings import (
    closing_label,
    label_table,
    lookup,
    scales,
    stated_rating,
    verdict_of,
)


def test_every_scale_label_maps_to_a_rating_with_a_coarse_verdict() -> None:
    table = label_table()
    assert set(table.values()) <= set(scales().ratings)
    assert verdict_of("pants-on-fire") == "false"
    assert verdict_of("mostly-true") == "true"
    assert verdict_of("half-flip") is None  # a change of position is not a truth rating
    assert verdict_of("unrated") is None and verdict_of(None) is None


@pytest.mark.parametrize(
    ("label", "rating"),
    [
        ("Mostly False", "mostly-false"),
        ("PANTS ON FIRE!", "pants-on-fire"),
        ("Three Pinocchios", "mostly-false"),
        ("Full Flop", "full-flop"),
        ("Needs context", "missing-context"),
        ("Labeled Satire", "satire"),
        ("Half-True", "mixed"),
    ],
)
def test_outlet_labels_are_normalised(label: str, rating: str) -> None:
    assert lookup(label) == rating


def test_typos_are_tolerated_only_when_asked_and_within_bounds() -> None:
    assert lookup("Mostly Flase") is None  # exact reading only
    assert lookup("Mostly Flase", fuzzy=True) == "mostly-false"
    assert lookup("Hlaf True", fuzzy=True) == "mixed"
    assert lookup("Mostly", fuzzy=True) is None  # not a label of one word
    assert lookup("Fire", fuzzy=True) is None
    assert lookup("Tru", fuzzy=True) is None  # too short to guess


def test_closing_label_skips_the_object_of_the_sentence() -> None:
    assert closing_label(" the statement Half True.") == ("mixed", "Half True")
    assert closing_label(" her shift a Full Flop.") == ("full-flop", "Full Flop")
    assert closing_label(" the senator's argument persuasive.") is None


@pytest.mark.parametrize(
    ("text", "rating", "form"),
    [
        ("Facts.\n\nOur ruling\n\nWe rate this statement Mostly True.", "mostly-true", "sentence"),
        ("Rating: Needs Context\n\nA post says the dam burst.", "missing-context", "field"),
        ("The mayor earns Two Pinocchios.", "mixed", "sentence"),
        ("MOSTLY FALSE\n\nA viral image claims the bridge fell.\n\nIt did not.", "mostly-false",
         "label line"),
        ("Our definition of Mostly False is a statement that contains an element of truth but "
         "ignores critical facts. That describes the governor's claim.", "mostly-false",
         "definition"),
        ("We rate the claim Mostyl False.", "mostly-false", "sentence"),
    ],
)  # fmt: skip
def test_stated_rating_forms(text: str, rating: str, form: str) -> None:
    stated = stated_rating(text)
    assert stated is not None and (stated.rating, stated.form) == (rating, form)


def test_the_ruling_wins_over_a_label_at_the_top_and_quotes_do_not_count() -> None:
    text = "False\n\nA post said X.\n\nWe rate the claim Half True."
    stated = stated_rating(text)
    assert stated is not None and stated.rating == "mixed"
    quoted = 'Another site wrote, "We rate this claim False." The mayor disagreed.'
    assert stated_rating(quoted) is None


def test_no_rating_stated_means_none_not_a_guess() -> None:
    body = "No, the bridge did not collapse. The post is wrong and misleading.\n\nPhotos show it."
    assert stated_rating(body) is None


def test_rating_sentence_with_a_trailing_clause_and_a_named_rating_field() -> None:
    stated = stated_rating("We rate this claim False, as we did when it first spread in 2028.")
    assert stated is not None and stated.rating == "false"
    field = stated_rating("Harbour Facts rating: Mostly True\n\nThe mayor said the pier reopened.")
    assert field is not None and (field.rating, field.form) == ("mostly-true", "field")
    assert stated_rating("Credit rating: AA. The agency said the outlook was stable.") is None


def test_hyphens_and_case_fold_in_labels() -> None:
    assert lookup("Mostly-False") == lookup("MOSTLY FALSE") == "mostly-false"
    assert lookup("Not the whole story") == "missing-context"


def test_verdict_heading_and_short_verdict_sentences() -> None:
    heading = stated_rating("A video claims the dam burst.\nVERDICT\nFalse. It is from 2021.")
    assert heading is not None and (heading.rating, heading.form) == ("false", "field")
    lede = "Posts claim the mayor resigned. This is false; she is in office.\n\nRecords show it."
    assert stated_rating(lede) is None  # the label does not close the sentence
    short = "Posts claim the mayor resigned. This is false.\n\nShe chaired a meeting on Monday."
    found = stated_rating(short)
    assert found is not None and (found.rating, found.form) == ("false", "verdict sentence")
    body = (
        "A post says the pier was sold.\n\nA reader said the photo was old.\n\nThat is wrong.\n\nX."
    )
    assert stated_rating(body) is None  # a rebuttal in the middle of the body is not a verdict
