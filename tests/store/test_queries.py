"""The query layer on both backends: filters, counts and keyset paging done in SQL agree with
the same filters applied to the records in Python."""

from __future__ import annotations

import random

import pytest

from eventline.errors import ConfigError
from eventline.model import ActorRef, Event, Evidence
from eventline.queries import (
    dyad_timeline,
    find_actors,
    find_articles,
    find_events,
    find_quotes,
    iter_events,
)
from eventline.store import Store
from tests.store.corpus import build


@pytest.fixture
def filled(store: Store) -> Store:
    corpus = build()
    store.write_document(corpus.document, corpus.articles)
    store.replace_analysis(corpus.records, {})  # type: ignore[arg-type]
    return store


def _ids(page: object) -> list[str]:
    return [r.id for r in page.data]  # type: ignore[attr-defined]


def test_events_by_dyad_side_type_and_dates(filled: Store) -> None:
    assert _ids(find_events(filled, actor="RUS", recipient="USA")) == ["evt_strike"]
    assert _ids(find_events(filled, actor="act_lavrov")) == ["evt_talks"]
    assert _ids(find_events(filled, recipient="IRN", type="consult")) == ["evt_talks"]
    assert _ids(find_events(filled, actor="RUS")) == ["evt_strike", "evt_talks"]
    assert _ids(find_events(filled, since="2025-07")) == ["evt_talks"]
    assert _ids(find_events(filled, until="2025-06")) == ["evt_strike"]
    assert _ids(find_events(filled, actor="USA", recipient="RUS")) == []
    talks = find_events(filled, story="story_1").data
    assert [e.id for e in talks] == ["evt_strike"] and talks[0].quad_class is not None


def test_events_fall_back_to_mentions_before_linking(filled: Store) -> None:
    filled.put_records("events", [], replace=True)
    page = find_events(filled, actor="RUS", recipient="USA")
    assert _ids(page) == ["evm_1", "evm_2"] and page.data[0].sources == 1
    assert page.data[0].mentions[0].text.startswith("Russia condemned")


def test_keyset_pages_cover_every_match_once(filled: Store) -> None:
    first = find_events(filled, limit=1)
    assert first.count == 2 and first.next_cursor is not None
    second = find_events(filled, limit=1, cursor=first.next_cursor)
    assert _ids(first) + _ids(second) == ["evt_strike", "evt_talks"]
    assert second.next_cursor is None and second.count == 2
    with pytest.raises(ConfigError):
        find_events(filled, cursor="garbage!")


def test_actors_most_mentioned_first_with_their_mentions(filled: Store) -> None:
    page = find_actors(filled)
    assert page.data[0].id == "act_irn" and len(page.data[0].mentions) == 2
    assert _ids(find_actors(filled, country="rus")) == ["act_lavrov", "act_rus"]
    assert _ids(find_actors(filled, name="LAVROV")) == ["act_lavrov"]
    pages = [find_actors(filled, limit=3), None]
    pages[1] = find_actors(filled, limit=3, cursor=pages[0].next_cursor)  # type: ignore[union-attr]
    assert sorted(_ids(pages[0]) + _ids(pages[1])) == sorted(_ids(page))


def test_quotes_by_speaker_and_date(filled: Store) -> None:
    page = find_quotes(filled, speaker="lavROV")
    assert _ids(page) == ["quo_1"] and page.data[0].date == "2025-07-03"
    assert find_quotes(filled, since="2025-08").count == 0


def test_articles_with_links_and_filters(filled: Store) -> None:
    page = find_articles(filled, limit=3)
    assert page.count == 4 and len(page.data) == 3 and page.next_cursor
    rest = find_articles(filled, limit=3, cursor=page.next_cursor)
    assert [a.item for a in page.data + rest.data] == [1, 2, 3, 4]
    assert page.data[0].duplicate_group == "dup_1" and page.data[0].story == "story_1"
    assert find_articles(filled, kind="fact-check").data[0].item == 4
    assert find_articles(filled, outlet="Wire", since="2025-06-22", until="2025-06").count == 2


def test_dyad_timeline_by_month_and_week(filled: Store) -> None:
    monthly = dyad_timeline(filled, "IRN", "RUS", by="month")
    assert [(p.period, p.events) for p in monthly.periods] == [("2025-07", 1)]
    assert monthly.periods[0].types == {"CONSULT": 1}
    weekly = dyad_timeline(filled, "RUS", "IRN", by="week")
    assert weekly.periods == [] and weekly.coarse == 1  # a month date has no week
    assert dyad_timeline(filled, "USA", "RUS", directed=True).periods == []
    assert dyad_timeline(filled, "USA", "RUS").periods[0].period == "2025-06"


COUNTRIES = ("RUS", "IRN", "USA", "CHN", "UKR")


def _random_events(rng: random.Random, article: str, n: int) -> list[Event]:
    events = []
    for i in range(n):
        actors = rng.sample(COUNTRIES, rng.choice((1, 1, 2)))
        recipients = rng.sample(COUNTRIES, rng.choice((0, 1, 1)))
        day = rng.choice((None, f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"))
        events.append(
            Event(
                id=f"evt_{i:04d}", type=rng.choice(("CONSULT", "ACCUSE", "AID")), date=day,
                date_precision="day" if day else None,
                actor=tuple(ActorRef(id=f"act_{c}", name=c, country=c) for c in actors),
                recipient=tuple(ActorRef(id=f"act_{c}", name=c, country=c) for c in recipients),
                mentions=(Evidence(article=article, sentence=0, start=0, end=1),),
            )
        )  # fmt: skip
    return events


def test_sql_filters_equal_python_filters(filled: Store) -> None:
    rng = random.Random(7)
    events = _random_events(rng, build().articles[0].id, 300)
    filled.put_records("events", events, replace=True)
    for _ in range(25):
        a, b = rng.choice((None, *COUNTRIES)), rng.choice((None, *COUNTRIES))
        since = rng.choice((None, "2025-03-10", "2025-06"))
        until = rng.choice((None, "2025-09", "2025-10-15"))
        expected = [
            e for e in events
            if (a is None or any(r.country == a for r in e.actor))
            and (b is None or any(r.country == b for r in e.recipient))
            and (since is None or (e.date or "") >= since)
            and (until is None or (e.date is not None and e.date[: len(until)] <= until))
        ]  # fmt: skip
        expected.sort(key=lambda e: (e.date or "", e.id))
        found = list(iter_events(filled, actor=a, recipient=b, since=since, until=until))
        assert [e.id for e in found] == [e.id for e in expected], (a, b, since, until)
        page = find_events(filled, actor=a, recipient=b, since=since, until=until, limit=7)
        assert page.count == len(expected)


def _reference_months(events: list[Event], a: str, b: str, directed: bool) -> dict[str, int]:
    counts: dict[str, int] = {}
    for e in events:
        ours = {r.country for r in e.actor}, {r.country for r in e.recipient}
        forward = a in ours[0] and b in ours[1]
        backward = not directed and b in ours[0] and a in ours[1]
        if (forward or backward) and e.date and e.date_precision == "day":
            counts[e.date[:7]] = counts.get(e.date[:7], 0) + 1
    return counts


def test_monthly_rollup_follows_upserts_and_deletes(filled: Store) -> None:
    rng = random.Random(11)
    events = _random_events(rng, build().articles[0].id, 300)
    filled.put_records("events", events, replace=True)
    changed = [
        e.model_copy(update={"date": "2024-02-02", "recipient": e.actor}) for e in events[:40]
    ]
    gone = {e.id for e in events[40:80]}
    with filled.batch() as w:
        w.upsert_events(changed, links={})
        w.delete_events(gone)
    now = changed + [e for e in events[40:] if e.id not in gone]
    for a, b in (("RUS", "IRN"), ("USA", "CHN"), ("UKR", "UKR"), ("IRN", "RUS")):
        for directed in (True, False):
            timeline = dyad_timeline(filled, a, b, by="month", directed=directed)
            found = {p.period: p.events for p in timeline.periods}
            assert found == _reference_months(now, a, b, directed), (a, b, directed)
            weekly = dyad_timeline(filled, a, b, by="week", directed=directed)
            assert sum(p.events for p in weekly.periods) == sum(found.values())
