"""The story index as rows: filing articles a few at a time through `StoredStories` (each
link loading only the stories it needs) gives the stories of the in-memory `StoryIndex`
filing them all at once, and an old blob converts to the same rows."""

from __future__ import annotations

import random

from eventline.analysis import story_table
from eventline.corpus.stories import StoryIndex
from eventline.model import Article, Story
from eventline.store import Store
from tests.corpus.helpers import make

PLACES = ["Marrow", "Kettleby", "Dunmore", "Selwyn", "Ashcombe", "Varley", "Oduya", "Brandvik"]
ACTS = ["floods cut the railway", "a strike closed the port", "talks on fishing quotas began"]


def _articles() -> list[Article]:
    """Reports of a few happenings on nearby and far-apart days, some undated or year-less."""
    rng = random.Random(11)
    out = []
    for n in range(40):
        place, other = rng.sample(PLACES, 2)
        act = rng.choice(ACTS)
        day = rng.choice(["2025-06-17", "2025-06-18", "2025-06-30", "2025-09-02", "--06-18", None])
        body = (
            f"In {place} {act} on Tuesday, officials from {other} said. "
            f"{place} residents told reporters that {other} would send engineers."
        )
        out.append(make(f"a{n:02d}", body, day, title=f"{place}: {act}" if n % 3 else None))
    return out


def _records(stories: list[Story]) -> set[tuple[object, ...]]:
    return {(s.id, s.articles, s.start, s.end, s.title) for s in stories}


def _params() -> dict[str, float]:
    return StoryIndex().params()


def test_stored_stories_file_as_the_in_memory_index(store: Store) -> None:
    articles = _articles()
    whole = StoryIndex()
    for article in articles:
        whole.add(article, keys=frozenset({f"place:{article.body.split()[1]}"}))
    with store.engine.begin() as conn:
        story_table.save(conn, StoryIndex())  # an empty index: the state row only
    for start in range(0, len(articles), 7):
        stored = story_table.StoredStories.open(store)
        assert stored is not None and stored.params() == _params()
        batch = articles[start : start + 7]
        for article in batch:
            stored.add(article, keys=frozenset({f"place:{article.body.split()[1]}"}))
        for article in batch:
            assert stored.story_of(article.id) == whole.story_of(article.id), article.id
        with store.engine.begin() as conn:
            story_table.save(conn, stored)
    final = story_table.StoredStories.open(store)
    assert final is not None
    assert _records(final.records_of(a.id for a in articles)) == _records(whole.stories())
    loaded = story_table.load_all(store)
    assert loaded is not None and _records(loaded.stories()) == _records(whole.stories())
    assert loaded.ids() == [a.id for a in articles]


def test_a_dumped_index_converts_to_rows(store: Store) -> None:
    index = StoryIndex()
    for article in _articles():
        index.add(article)
    with store.engine.begin() as conn:
        story_table.import_dump(conn, index.dump())
    loaded = story_table.load_all(store)
    assert loaded is not None
    assert {(s.id, s.articles) for s in loaded.stories()} == {
        (s.id, s.articles) for s in index.stories()
    }
    assert story_table.stored_count(store) == len(index.ids())


def _same_words(art_id: str, day: str | None) -> Article:
    body = "In Marrow floods cut the railway, officials from Kettleby said on Tuesday."
    return make(art_id, body, day, title="Marrow floods")


def test_a_new_article_reads_only_the_stories_of_its_window(store: Store) -> None:
    """Stories sharing every term but dated a week or more apart within the article's posting
    months are not read (their first and last days are out of its window); the story of its
    days, and the story an undated report joined (posted under every month), are."""
    days = ["2025-06-01", "2025-06-09", "2025-06-17", "2025-06-25", "2025-07-03"]
    whole = StoryIndex()
    older = [_same_words(f"s{n}", day) for n, day in enumerate(days)]
    older.append(_same_words("undated", None))
    for article in older:
        whole.add(article)
    with store.engine.begin() as conn:
        story_table.save(conn, whole)
    stored = story_table.StoredStories.open(store)
    assert stored is not None
    new = _same_words("new", "2025-06-18")
    assert stored.add(new) == StoryIndex.add(whole, new)
    loose = whole.story_of("undated")
    assert loose is not None and loose != whole.story_of("s2")
    read = {stored._story_id(seq) for seq in stored._stories}
    assert read == {whole.story_of("s2"), loose}


def test_story_rows_round_trip_in_the_binary_layout_and_old_json_rows_still_read() -> None:
    """A story's state comes back exactly (float weights bit for bit, so filing decisions
    do not move), from the binary layout and from a row written as zlib'd JSON before it."""
    state = {
        "members": [4, 17, 90_000_001],
        "spans": [[739_000, 739_002, 0], [0, 0, 618], [0, 0, 0]],
        "centroid": {"w:harbour": 0.1 + 0.2, "n:kettleby": 1 / 3, "k:kb:XYZ": 2.5e-17, "": 1.0},
    }
    binary = story_table._pack_story(state)
    assert binary[:1] == story_table._BINARY
    assert story_table._unpack_story(binary) == state
    assert story_table._unpack_story(story_table._pack(state)) == state
    empty = {"members": [], "spans": [], "centroid": {}}
    assert story_table._unpack_story(story_table._pack_story(empty)) == empty
    odd = {"members": [1], "spans": [[0, 0, 0]], "centroid": {"w:a\0b": 0.5}}
    assert story_table._unpack_story(story_table._pack_story(odd)) == odd


def test_member_rows_round_trip_in_the_binary_layout() -> None:
    member = {"span": [739_001, 739_001, 0], "vector": {"w:quota": 0.12345, "n:varley": 0.9}}
    packed = story_table._pack_member(member)
    assert packed[:1] == story_table._BINARY
    assert story_table._unpack_member(packed) == member
    assert story_table._unpack_member(story_table._pack(member)) == member
    odd = {"span": [0, 0, 618], "vector": {"k:a\0b": 1.0}}
    assert story_table._unpack_member(story_table._pack_member(odd)) == odd


def test_a_read_story_a_copy_joins_is_found_through_its_old_terms(store: Store) -> None:
    """A stored story is read without posting its terms in memory (the stored postings find
    it while it is as stored); once a copy joins it and brings it within a later article's
    window, that article finds it through the terms it had when read, as in memory."""
    founder = _same_words("s", "2025-06-10")
    joiner = make("j", "A strike closed the port of Brandvik, unions said.", "2025-06-13")
    later = _same_words("later", "2025-06-16")
    whole = StoryIndex()
    whole.add(founder)
    with store.engine.begin() as conn:
        story_table.save(conn, whole)
    stored = story_table.StoredStories.open(store)
    assert stored is not None
    for index in (whole, stored):
        index.add(joiner, copies=("s",))
        index.add(later)
    assert whole.story_of("later") == whole.story_of("s") == whole.story_of("j")
    assert [stored.story_of(a) for a in ("s", "j", "later")] == [
        whole.story_of(a) for a in ("s", "j", "later")
    ]
