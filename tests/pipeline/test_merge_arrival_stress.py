"""Event merging under arrival order, stressed with hand-built coded mentions (no parser): many
small corpora of random reports about a few states over a few days, each linked one article at
a time in several orders and re-linked from scratch; the merged events must be the same.

The reports' texts are nonsense words of their own, so no two articles share a story by
accident; some are syndicated copies (same text), which the merge links. What varies is what a
change of coding rules varies: dates (stated day, month, none: the report's day), modes,
places, one or two actors, a recipient or none, the type. The scenarios below them are built
to hit the cases an incremental link must re-cluster: a new report that fits only one member
of a stored event, and one that would become an event's best-dated report."""

from __future__ import annotations

import itertools
import json
import random
from datetime import date, timedelta
from pathlib import Path

import pytest

from eventline.analyse import relink
from eventline.analysis import state
from eventline.analysis.link import link_corpus
from eventline.model import (
    ActorRef,
    ArticleAnalysis,
    Event,
    EventMention,
    Evidence,
    Place,
)
from eventline.pipeline import ingest, plan_sources
from eventline.settings import Settings
from eventline.store import Store

STATES = ("RUS", "UKR", "TUR", "IRN")
DAY0 = date(2025, 3, 10)
Partition = set[frozenset[tuple[str, int]]]


def _ref(code: str) -> ActorRef:
    return ActorRef(id=f"kb:{code}", name=code, country=code)


def _actor_row(code: str) -> dict[str, object]:
    return {"id": f"kb:{code}", "name": code, "type": "country", "country": code}


def _word(rng: random.Random) -> str:
    return "".join(rng.choice("bcdfghklmnprstvz") + rng.choice("aeiou") for _ in range(4))


def _mention(rng: random.Random, n: int, published: date | None) -> dict[str, object]:
    """One coded report as the pieces `_analysis` builds it from."""
    kind = rng.choice(["ASSAULT", "ACCUSE", "CONSULT"])
    actors = rng.sample(STATES, rng.choice([1, 1, 2]))
    rest = [s for s in STATES if s not in actors]
    recipients = rng.sample(rest, rng.choice([0, 1, 1]))
    when, precision = None, None
    roll = rng.random()
    anchor = published or DAY0
    if roll < 0.5:
        when, precision = (anchor - timedelta(days=rng.randint(0, 3))).isoformat(), "day"
    elif roll < 0.6:
        when, precision = anchor.isoformat()[:7], "month"
    place = rng.choice([None, None, rng.choice(STATES)])
    return {
        "n": n,
        "type": kind,
        "mode": rng.choice([None, None, "m1", "m2"]),
        "actor": actors,
        "recipient": recipients,
        "date": when,
        "precision": precision,
        "place": place,
    }


def _analysis(article: str, coded: list[dict[str, object]]) -> ArticleAnalysis:
    mentions = []
    codes: set[str] = set()
    for item in coded:
        n = int(item["n"])  # type: ignore[call-overload]
        actors, recipients = list(item["actor"]), list(item["recipient"])  # type: ignore[call-overload]
        codes |= {*actors, *recipients}
        place = item["place"]
        mentions.append(
            EventMention(
                id=f"evm_{article}_{n}",
                type=str(item["type"]),
                mode=item["mode"],  # type: ignore[arg-type]
                actor=tuple(_ref(c) for c in actors),
                recipient=tuple(_ref(c) for c in recipients),
                date=item["date"],  # type: ignore[arg-type]
                date_precision=item["precision"],  # type: ignore[arg-type]
                location=Place(name=str(place), country=str(place)) if place else None,
                modality="asserted",
                evidence=Evidence(
                    article=article, sentence=n, start=10 * n, end=10 * n + 5, text="x"
                ),
            )
        )
    return ArticleAnalysis(
        article=article,
        key="copied",
        actors={f"kb:{c}": _actor_row(c) for c in sorted(codes)},
        event_mentions=tuple(mentions),
    )


def _corpus(rng: random.Random, folder: Path, size: int) -> tuple[list[Path], dict[str, list]]:  # type: ignore[type-arg]
    """Files of one article each (a few syndicated copies), and each file's coded reports."""
    files, coded = [], {}
    for i in range(size):
        copy_of = rng.randrange(i) if i and rng.random() < 0.15 else None
        if copy_of is not None:
            source = json.loads(files[copy_of].read_text(encoding="utf-8"))
            body, published = source["body"], source.get("published")
        else:
            body = ". ".join(" ".join(_word(rng) for _ in range(12)) for _ in range(6)) + "."
            published = None
            if rng.random() < 0.85:
                published = (DAY0 + timedelta(days=rng.randint(0, 8))).isoformat()
        files.append(_write(folder, i, body, published))
        day = date.fromisoformat(published) if published else None
        coded[f"https://wire.test/{i}"] = [_mention(rng, n, day) for n in range(rng.randint(1, 3))]
    return files, coded


def _write(folder: Path, i: int, body: str, published: str | None) -> Path:
    """One article's file (`https://wire.test/{i}`, its own outlet)."""
    record = {"url": f"https://wire.test/{i}", "title": f"Report {i}", "body": body}
    record |= {"outlet": f"Outlet {i}", "kind": "news"}
    if published:
        record["published"] = published
    path = folder / f"r{i:03d}.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    return path


def _events(store: Store) -> Partition:
    return {
        frozenset((m.article, m.start) for m in e.mentions) for e in store.records("events", Event)
    }


def _link(store: Store, files: list[Path], coded: dict[str, list], settings: Settings) -> None:  # type: ignore[type-arg]
    """Ingest these files, give their articles their coded reports, link (incrementally once
    the store has been linked)."""
    ingest(store, plan_sources([str(p) for p in files])[0], settings=settings)
    fresh = state.pending_articles(store, "copied")
    state.write_outcomes(store, [_analysis(a.id, coded[str(a.url)]) for a in fresh])
    link_corpus(store, settings=settings)


def moved_between_orders(folder: Path, seed: int, *, size: int, orders: int) -> list[int]:
    """Mentions in another event than a relink's, for each arrival order of one random corpus."""
    rng = random.Random(seed)
    files, coded = _corpus(rng, folder, size)
    settings = Settings(db=str(folder / "all.db"), processes=1)
    with Store(settings.db_url) as whole:
        _link(whole, files, coded, settings)
        relink(whole, settings=settings)
        relinked = _events(whole)
    moved = []
    for n in range(orders):
        order = rng.sample(files, len(files))
        with Store(f"sqlite:///{folder / f'order{n}.db'}") as store:
            for path in order:
                _link(store, [path], coded, settings)
            events = _events(store)
        block = {x: blk for blk in relinked for x in blk}
        moved.append(sum(1 for blk in events for x in blk if block.get(x) != blk))
    return moved


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(4))
def test_random_reports_merge_alike_in_any_arrival_order(tmp_path: Path, seed: int) -> None:
    assert moved_between_orders(tmp_path, seed, size=24, orders=2) == [0, 0]


@pytest.mark.slow
def test_a_report_that_fits_one_member_of_a_stored_event_is_clustered_as_a_relink_does(
    tmp_path: Path,
) -> None:
    """A raid stated on a day (Russia on Ukraine), a report two days later naming Russia and
    Turkey, and a raid stated a day after that report's day, naming both too. The third fits
    the report (closer parties) but not the raid's day: a relink puts the report with it.
    Arriving last, it fits no stored event as a whole, yet must take the report over."""
    rng = random.Random(0)
    day = DAY0.isoformat()

    def coded(n: int, actors: list[str], when: str | None) -> list[dict[str, object]]:
        return [
            {
                "n": 0,
                "type": "ASSAULT",
                "mode": None,
                "actor": actors,
                "recipient": ["UKR"],
                "date": when,
                "precision": "day" if when else None,
                "place": None,
            }
        ]

    later = (DAY0 + timedelta(days=2)).isoformat()
    third = (DAY0 + timedelta(days=3)).isoformat()
    reports = [
        (day, coded(0, ["RUS"], day)),
        (later, coded(1, ["RUS", "TUR"], None)),
        (third, coded(2, ["RUS", "TUR"], third)),
    ]
    files, by_url = [], {}
    for i, (published, items) in enumerate(reports):
        body = ". ".join(" ".join(_word(rng) for _ in range(12)) for _ in range(6)) + "."
        files.append(_write(tmp_path, i, body, published))
        by_url[f"https://wire.test/{i}"] = items
    settings = Settings(db=str(tmp_path / "all.db"), processes=1)
    with Store(settings.db_url) as whole:
        _link(whole, files, by_url, settings)
        relink(whole, settings=settings)
        relinked = _events(whole)
    assert sorted(len(e) for e in relinked) == [1, 2], "the report goes with the third"
    for n, order in enumerate(itertools.permutations(files)):
        with Store(f"sqlite:///{tmp_path / f'order{n}.db'}") as store:
            for path in order:
                _link(store, [path], by_url, settings)
            assert _events(store) == relinked, [p.name for p in order]
