"""StoryIndex and the duplicates/stories evaluation, on texts written for these tests."""

from __future__ import annotations

import pytest

from eventline.corpus.stories import StoryIndex, names
from eventline.errors import StoreError
from eventline.eval.duplicates import score_duplicates, score_stories
from eventline.eval.gold import Gold
from eventline.model import Article, DuplicateGroup
from tests.corpus.helpers import make

SUMMIT_2025 = (
    "Chancellor Ottilie Brandvik met President Kasimir Oduya in Lisbon on Tuesday to sign a "
    "fisheries accord. Brandvik said the accord would protect cod stocks in the Selwyn Sea, "
    "while Oduya promised patrol boats to enforce the new quotas."
)
SUMMIT_FOLLOWUP = (
    "A day after signing the fisheries accord in Lisbon, Oduya told reporters that Brandvik "
    "had agreed to fund two patrol boats. Fishermen in the Selwyn Sea ports said quotas "
    "for cod remained too low."
)
SUMMIT_2024 = (
    "Chancellor Ottilie Brandvik met President Kasimir Oduya in Lisbon on Monday for talks "
    "on a fisheries accord. Brandvik said no deal on cod quotas in the Selwyn Sea was "
    "possible yet, and Oduya said patrol boats were not on the table."
)
FLOOD = (
    "Floods cut the railway between Marrow and Kettleby on Tuesday after the River Dunn "
    "burst its banks. Engineers from Northline said repairs would take a week."
)


def test_same_happening_joins_and_the_same_leaders_months_apart_do_not() -> None:
    index = StoryIndex()
    first = index.add(make("s1", SUMMIT_2025, "2025-06-17", title="Fisheries accord signed"))
    assert index.add(make("s2", SUMMIT_FOLLOWUP, "2025-06-18")) == first
    assert index.add(make("old", SUMMIT_2024, "2024-10-14", title="No cod deal yet")) != first
    assert index.add(make("flood", FLOOD, "2025-06-17")) != first
    stories = {s.id: s for s in index.stories()}
    story = stories[first]
    assert story.articles == ("s1", "s2")
    assert (story.start, story.end) == ("2025-06-17", "2025-06-18")
    assert story.title == "Fisheries accord signed"
    assert len(stories) == 3


def test_undated_article_and_month_day_dates_are_compared_without_a_year() -> None:
    index = StoryIndex()
    first = index.add(make("s1", SUMMIT_2025, "2025-06-17"))
    index.add(make("old", SUMMIT_2024, "2024-10-14"))
    assert index.add(make("md", SUMMIT_FOLLOWUP, "--06-18")) == first
    assert index.add(make("nodate", SUMMIT_FOLLOWUP.replace("A day", "One day"), None)) == first


def test_known_copies_share_a_story_and_keys_pull_articles_together() -> None:
    index = StoryIndex()
    flood = index.add(make("flood", FLOOD, "2025-06-17"))
    assert index.add(make("copy", SUMMIT_2024, "2025-06-17"), copies=["flood"]) == flood
    keyed = index.add(make("k1", "Talks ended.", "2025-06-17"), keys=frozenset({"actor:X"}))
    assert (
        index.add(make("k2", "Talks resumed.", "2025-06-18"), keys=frozenset({"actor:X"})) == keyed
    )
    assert (
        index.add(make("k3", "Talks resumed.", "2025-09-18"), keys=frozenset({"actor:X"})) != keyed
    )


def test_story_index_round_trips() -> None:
    index = StoryIndex()
    index.add(make("s1", SUMMIT_2025, "2025-06-17", title="Accord"))
    index.add(make("flood", FLOOD, "2025-06-17"))
    restored = StoryIndex.load(index.dump())
    assert restored.stories() == index.stories()
    assert restored.add(make("s2", SUMMIT_FOLLOWUP, "2025-06-18")) == index.story_of("s1")
    with pytest.raises(StoreError):
        StoryIndex.load(b"garbage")


def test_names_skip_sentence_openers_titles_and_days() -> None:
    found = names("The talks began on Monday. President Oduya met Brandvik. Talks ended.")
    assert set(found) == {"oduya", "brandvik"}


GOLD = Gold.model_validate(
    {
        "duplicates": [["g1", "g2", "g3"]],
        "stories": {"must_link": [["g1", "g4"]], "cannot_link": [["g1", "g5"], ["g4", "g5"]]},
    }
)
ARTICLES = {f"g{i}": make(f"art{i}", "text", None) for i in range(1, 6)}


def test_score_duplicates_counts_pairs() -> None:
    perfect = [
        DuplicateGroup(id="d", canonical="art1", members=("art1", "art2", "art3"), similarity=0.9)
    ]
    report = score_duplicates(GOLD, ARTICLES, perfect)
    assert report.passed and report.metric("f1").value == 1.0
    partial = [
        DuplicateGroup(id="d", canonical="art1", members=("art1", "art2", "art5"), similarity=0.9)
    ]
    report = score_duplicates(GOLD, ARTICLES, partial)
    assert report.metric("precision").value == pytest.approx(1 / 3)
    assert report.metric("recall").value == pytest.approx(1 / 3)
    assert not report.passed and len(report.misses) == 4


def test_score_stories_counts_constraints() -> None:
    from eventline.model import Story

    stories = [Story(id="a", title="", articles=("art1", "art4", "art5"))]
    report = score_stories(GOLD, ARTICLES, stories)
    assert report.metric("constraints").value == pytest.approx(1 / 3)
    assert not report.passed
    good = [
        Story(id="a", title="", articles=("art1", "art4")),
        Story(id="b", title="", articles=("art5",)),
    ]
    assert score_stories(GOLD, ARTICLES, good).passed


def test_story_title_of_copies_does_not_depend_on_arrival_order() -> None:
    """Copies score alike against the story; the title must come from a stable rule, not from
    which copy came first (or from float noise of set iteration order)."""
    body = (
        "Envoys of Chile and Peru met in Lima on Monday to settle the fishing dispute over the "
        "southern waters, officials from both foreign ministries said."
    )
    copies = [
        Article(id=f"art_{n}", document_id="d", source_path="x", item=n + 1, title=t, body=body)
        for n, t in enumerate(["Chile and Peru settle fishing row", "Envoys meet in Lima"])
    ]
    titles = set()
    for order in (copies, copies[::-1]):
        index = StoryIndex()
        for article in order:
            index.add(article)
        titles.add(tuple(s.title for s in index.stories()))
    assert len(titles) == 1, titles


def test_the_index_state_does_not_follow_the_hash_seed() -> None:
    """Keys arrive as a frozenset, whose order follows PYTHONHASHSEED: the stored vectors (and
    the strongest terms a story is looked up by) must be the same in every process."""
    import os
    import subprocess
    import sys

    script = (
        "from eventline.corpus.stories import StoryIndex\n"
        "from tests.corpus.helpers import make\n"
        "index = StoryIndex()\n"
        f"a = make('s1', {SUMMIT_2025!r}, '2025-06-17')\n"
        "keys = frozenset(f'key{n}' for n in range(40))\n"
        "index.add(a, keys=keys)\n"
        "import hashlib, sys\n"
        "sys.stdout.write(hashlib.sha256(index.dump()).hexdigest())\n"
    )
    digests = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in ("1", "2", "3")
    }
    assert len(digests) == 1
