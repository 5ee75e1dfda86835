"""Fast tests of the incremental analysis' pieces: chunking and stable ids."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from eventline.analysis.chunks import split_text
from eventline.analysis.ids import StableIds


def test_long_text_is_cut_after_sentences_and_covers_the_text() -> None:
    text = " ".join(f"Sentence number {i} ends here." for i in range(200))
    chunks = split_text(text, limit=500)
    assert len(chunks) > 1
    assert "".join(c.text for c in chunks) == text
    assert all(len(c.text) <= 500 for c in chunks)
    assert all(c.text.rstrip().endswith(".") for c in chunks)
    assert all(text[c.start : c.start + len(c.text)] == c.text for c in chunks)


def test_a_short_text_is_one_chunk_and_a_paragraph_break_is_preferred() -> None:
    assert [c.text for c in split_text("One. Two.", limit=100)] == ["One. Two."]
    text = "a" * 60 + ". " + "b" * 10 + "\n\n" + "c" * 60
    first = split_text(text, limit=100)[0]
    assert first.text.endswith("\n\n")


@given(st.text(min_size=0, max_size=3000), st.integers(min_value=1, max_value=400))
def test_chunks_always_cover_the_text_within_the_limit(text: str, limit: int) -> None:
    chunks = split_text(text, limit=limit)
    assert "".join(c.text for c in chunks) == text
    assert all(len(c.text) <= limit for c in chunks)


def test_an_id_survives_growth_merge_and_split() -> None:
    first = StableIds("evt", {}, next_seq=1)
    (one,) = first([["m1", "m2"]])
    # More coverage, and a member that would sort first: the id stays.
    grown = StableIds("evt", first.chosen, next_seq=first.next_seq)
    assert grown([["m0", "m1", "m2", "m3"]]) == [one]
    # A second event is named from its own first mention.
    second = StableIds("evt", grown.chosen, next_seq=grown.next_seq)
    ids = second([["m1", "m2"], ["m9"]])
    assert ids[0] == one and ids[1] != one
    # Two events merge: the older id survives. They split again: the part holding the
    # oldest member keeps it, the other gets a fresh id.
    merged = StableIds("evt", second.chosen, next_seq=second.next_seq)
    assert merged([["m9", "m1", "m2"]]) == [one]
    split = StableIds("evt", merged.chosen, next_seq=merged.next_seq)
    again = split([["m9"], ["m1", "m2"]])
    assert again[1] == one and again[0] != one


def test_ids_without_history_come_from_the_first_member() -> None:
    a = StableIds("dup", {}, next_seq=1)([["art1", "art2"]])
    b = StableIds("dup", {}, next_seq=1)([["art1", "art3"]])
    assert a == b
