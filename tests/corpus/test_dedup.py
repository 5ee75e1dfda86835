"""DuplicateIndex on short texts written for these tests."""

from __future__ import annotations

import numpy as np
import pytest
from datasketch import MinHash

from eventline.corpus.dayspan import PublishedDays, date_span, day_gap
from eventline.corpus.dedup import DuplicateIndex
from eventline.corpus.shingles import Shingler, minhash, permutations
from eventline.errors import StoreError
from eventline.model import Article, Published
from tests.corpus.helpers import make

REPORT = (
    "The harbour authority of Port Selwyn said on Tuesday that it would close the northern "
    "quay for six weeks after inspectors found cracks in the concrete piles. About forty "
    "fishing boats will move to the southern basin while repairs costing 12 million dollars "
    "are carried out. The mayor, Alma Ferreira, called the closure a painful but necessary "
    "step and promised compensation for traders at the fish market. A first survey of the "
    "quay in 2019 had already flagged corrosion, according to documents seen by the paper. "
    "Unions representing dock workers said they would meet the authority on Friday to "
    "discuss shifts. The defence ministry, which uses the quay for two patrol vessels, said "
    "its ships would berth at the naval yard in the meantime."
)
# Same topic, same town, shared set phrases, but a different happening and different facts.
OTHER_REPORT = (
    "The harbour authority of Port Selwyn said on Monday that it would reopen the ferry "
    "terminal after a two-day strike by pilots ended with a pay agreement. Ferries to the "
    "islands will resume at dawn, and the operator expects delays until the weekend. The "
    "mayor, Alma Ferreira, welcomed the deal and thanked passengers for their patience. "
    "Pilots had walked out over night-shift rotas, according to their union. The operator "
    "said tickets bought for cancelled crossings would be refunded in full."
)


def americanise(text: str) -> str:
    return text.replace("harbour", "harbor").replace("defence", "defense")


def test_syndicated_copies_with_edits_form_one_group_with_the_wire_copy_canonical() -> None:
    index = DuplicateIndex()
    assert index.add(make("a", REPORT, outlet="Coast Daily", title="Quay to close")) is None
    dateline = "PORT SELWYN, March 4 (Reuters) - " + REPORT
    assert index.add(make("wire", dateline, outlet="Reuters", wire="Reuters")) == "wire"
    trimmed = americanise(REPORT.rsplit(" The defence", 1)[0])
    assert (
        index.add(make("b", trimmed, published="2025-03-05", title="Repairs shut pier")) == "wire"
    )
    lead = "Port Selwyn will shut its northern quay for six weeks, officials said." + REPORT[139:]
    assert index.add(make("c", lead)) == "wire"
    [group] = index.groups()
    assert group.members == ("a", "b", "c", "wire")
    assert group.canonical == "wire"
    assert 0.5 <= group.similarity <= 1.0
    assert index.members("b") == ("a", "b", "c", "wire")


def test_same_topic_different_happening_is_not_merged() -> None:
    index = DuplicateIndex()
    index.add(make("quay", REPORT))
    assert index.add(make("ferry", OTHER_REPORT)) is None
    assert index.groups() == []


def test_copy_published_weeks_later_needs_near_identical_text() -> None:
    index = DuplicateIndex()
    index.add(make("first", REPORT, published="2025-03-04"))
    trimmed = REPORT.rsplit(" Unions", 1)[0]  # containment 1.0, Jaccard about 0.7
    assert index.add(make("late", trimmed, published="2025-04-20")) is None
    assert index.add(make("reprint", REPORT, published="2025-04-21")) == "first"


def test_incremental_adds_match_a_reloaded_index() -> None:
    index = DuplicateIndex()
    index.add(make("a", REPORT))
    index.add(make("b", americanise(REPORT)))
    index.add(make("x", OTHER_REPORT))
    restored = DuplicateIndex.load(index.dump())
    assert restored.groups() == index.groups()
    assert len(restored) == 3 and "x" in restored
    assert restored.add(make("c", REPORT.replace("forty", "40"))) == "a"
    assert restored.add(make("a", REPORT)) == "a"  # re-adding is a no-op
    assert len(restored) == 4


def test_bad_dump_is_an_input_error() -> None:
    with pytest.raises(StoreError):
        DuplicateIndex.load(b"not an index")


def test_shingles_fold_acronyms_punctuation_and_spelling() -> None:
    shingler = Shingler()
    assert shingler.tokens("The U.S. envoy’s visit—at last.") == [
        "the",
        "us",
        "envoy",
        "s",
        "visit",
        "at",
        "last",
    ]
    british = shingler.shingles("The U.K. organised a defence review of the harbour centre.")
    american = shingler.shingles("The UK organized a defense review of the harbor center.")
    assert np.array_equal(british, american)
    assert not np.array_equal(british, shingler.shingles("The UK ordered a defense review."))


def test_minhash_equals_datasketch_update_batch() -> None:
    shingles = Shingler().shingles(REPORT)
    reference = MinHash(num_perm=64, seed=1, hashfunc=int)
    reference.update_batch(shingles.tolist())
    assert np.array_equal(minhash(shingles, permutations(64, 1)), reference.hashvalues)


@pytest.mark.parametrize(
    ("a", "b", "gap"),
    [
        ("2025-06-23", "2025-06-25", 2),
        ("2025-06", "2025-06-23", 0),
        ("2025-06", "2025-08-02", 33),
        ("--06-23", "2025-06-21", 2),
        ("--12-31", "2025-01-02", 2),
        ("--06-23", "2024-10-11", 110),
        ("--01-02", "--12-30", 3),
        ("2025-06-23", None, None),
    ],
)
def test_day_gap(a: str, b: str | None, gap: int | None) -> None:
    def span(value: str | None) -> PublishedDays:
        return date_span(Published(value=value, precision="day", evidence="t") if value else None)

    assert day_gap(span(a), span(b)) == gap


@pytest.mark.slow
def test_add_many_in_worker_processes_equals_one_by_one() -> None:
    """Signatures computed in a pool give the same groups as adding articles serially."""
    words = [
        "minister",
        "talks",
        "border",
        "trade",
        "energy",
        "grain",
        "port",
        "visit",
        "summit",
        "treaty",
    ]
    arts = []
    for n in range(2_100):
        story = n // 3  # three copies of each story, the last word edited
        body = " ".join(f"{words[(story + i) % len(words)]}{story * 41 + i}" for i in range(40))
        body += f" edition{n}"
        arts.append(Article(id=f"art_{n:05d}", document_id="d", source_path="x", item=1, body=body))
    serial, pooled = DuplicateIndex(), DuplicateIndex()
    for art in arts:
        serial.add(art)
    assert pooled.add_many(arts, processes=2) == len(arts)
    assert [g.members for g in pooled.groups()] == [g.members for g in serial.groups()]
    assert serial.groups(), "every three articles are copies of one story"
