"""The events evaluation scores the dates the user sees: each coded mention's date after
linking, and the events of dated captions (recall only: captions are not body text)."""

from __future__ import annotations

from eventline.eval.events import linked_dates, score_events
from eventline.eval.gold import Gold, GoldEvent
from eventline.events.document import CodedDoc
from eventline.model import ActorRef, Article, EventMention, Evidence

BODY = "Officials said the two leaders met Thursday to discuss grain exports."
NORTH = ActorRef(id="kb:AAA", name="North", country="AAA")
SOUTH = ActorRef(id="kb:BBB", name="South", country="BBB")


def _mention(mid: str, date: str | None, precision: str | None, **evidence: object) -> EventMention:
    return EventMention(
        id=mid,
        type="CONSULT",
        actor=(NORTH,),
        recipient=(SOUTH,),
        date=date,
        date_precision=precision,
        trigger="met",
        evidence=Evidence(article="art1", sentence=0, start=0, end=len(BODY), **evidence),  # type: ignore[arg-type]
    )


ARTICLES = {"g1": Article(id="art1", document_id="d", source_path="t", item=0, body=BODY)}
GOLD = Gold(
    events=[
        GoldEvent(
            id="E1",
            type="CONSULT",
            actor=["AAA"],
            recipient=["BBB"],
            date="2023-05-18",
            reported_in=["g1"],
            evidence=["the two leaders met Thursday"],
        )
    ]
)


def test_a_mentions_linked_date_replaces_its_per_article_date() -> None:
    coded = {"g1": CodedDoc(events=[_mention("m1", "2023-05", "report")])}
    before = {m.name: m.value for m in score_events(GOLD, ARTICLES, coded).metrics}
    assert before["event_recall"] == 0.0 and before["precision"] == 0.0
    linked = [_mention("m1", "2023-05-18", "day")]
    after = {
        m.name: m.value
        for m in score_events(GOLD, ARTICLES, linked_dates(coded, ARTICLES, linked)).metrics
    }
    assert after["event_recall"] == 1.0 and after["precision"] == 1.0


def test_caption_events_count_for_recall_but_not_for_precision() -> None:
    caption = _mention("c1", "2023-05-18", "day", caption=True)
    wrong = caption.model_copy(update={"id": "c2", "type": "ASSAULT"})
    coded = linked_dates({"g1": CodedDoc()}, ARTICLES, [caption, wrong])
    assert [e.id for e in coded["g1"].events] == ["c1", "c2"]
    metrics = {m.name: m for m in score_events(GOLD, ARTICLES, coded).metrics}
    assert metrics["event_recall"].value == 1.0
    assert metrics["precision"].detail.startswith("0/0")
