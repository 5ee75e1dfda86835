"""The event and quote scorers on hand-made gold and predictions (no model needed)."""

from __future__ import annotations

from types import SimpleNamespace

from eventline.eval.events import date_matches, score_events
from eventline.eval.gold import Gold
from eventline.eval.quotes import coverage, score_quotes
from eventline.model import ActorRef, EventMention, Evidence, Quote

FRA = ActorRef(id="fra", name="France", country="FRA")
POL = ActorRef(id="pol", name="Poland", country="POL")


def event(etype: str, actor: ActorRef, recipient: ActorRef | None, **kw: object) -> EventMention:
    return EventMention(
        id="e",
        type=etype,
        actor=(actor,),
        recipient=(recipient,) if recipient else (),
        evidence=Evidence(article="a", sentence=0, start=0, end=1),
        **kw,  # type: ignore[arg-type]
    )


def test_date_matching() -> None:
    assert date_matches("2024-03-10", "2024-03-11", tolerance=1)
    assert not date_matches("2024-03-10", "2024-03-12", tolerance=1)
    assert date_matches("2024-03", "2024-03-30") and not date_matches("2024-03", "2024-04-01")
    assert date_matches("2024-03-10", "--03-10") and not date_matches("2024-03-10", None)


def test_score_events_recall_not_events_and_modality() -> None:
    gold = Gold.model_validate(
        {
            "events": [
                {
                    "id": "E1",
                    "type": "ASSAULT",
                    "actor": ["FRA"],
                    "recipient": ["POL"],
                    "date": "2024-03-10",
                    "reported_in": ["a", "b"],
                },
                {
                    "id": "E2",
                    "type": "REQUEST",
                    "actor": ["POL"],
                    "modality": "speculative",
                    "reported_in": ["b"],
                },
            ],
            "not_events": [{"type": "AID", "actor": ["FRA"], "recipient": ["POL"]}],
        }
    )
    coded = {
        "a": SimpleNamespace(events=[event("ASSAULT", FRA, POL, date="2024-03-10")]),
        "b": SimpleNamespace(
            events=[
                event("REQUEST", POL, None, modality="asserted"),
                event("AID", FRA, POL, modality="negated"),
            ]
        ),
    }
    report = score_events(gold, {}, coded)
    assert report.metric("event_recall").value == 0.5
    assert report.metric("pair_recall").value == 1 / 3
    assert report.metric("not_events_asserted").value == 0.0
    assert report.metric("speculative_kept").value == 0.0
    coded["b"].events[1] = event("AID", FRA, POL)
    assert score_events(gold, {}, coded).metric("not_events_asserted").value == -1.0


def _at(ev: EventMention, start: int, end: int) -> EventMention:
    span = Evidence(article="a", sentence=0, start=start, end=end)
    return ev.model_copy(update={"evidence": span})


def test_event_precision_counts_wrong_events_on_gold_evidence() -> None:
    body = "France shelled Poland on Sunday. Poland said it would reply. Markets fell."
    gold = Gold.model_validate(
        {
            "events": [
                {
                    "id": "E1",
                    "type": "ASSAULT",
                    "actor": ["FRA"],
                    "recipient": ["POL"],
                    "reported_in": ["a"],
                    "evidence": ["France  shelled Poland"],
                }
            ]
        }
    )
    right = _at(event("ASSAULT", FRA, POL), 0, 21)
    wrong = _at(event("CONSULT", FRA, POL), 7, 14)
    elsewhere = _at(event("THREATEN", POL, FRA), 33, 60)  # outside the gold's evidence
    articles = {"a": SimpleNamespace(body=body)}
    coded = {"a": SimpleNamespace(events=[right, wrong, elsewhere])}
    report = score_events(gold, articles, coded)  # type: ignore[arg-type]
    assert report.metric("precision").value == 0.5
    assert report.metric("f1").value == 2 * 0.5 * 1.0 / 1.5
    coded["a"].events = [right, elsewhere]
    assert score_events(gold, articles, coded).metric("precision").value == 1.0  # type: ignore[arg-type]


def test_score_quotes_speaker_and_coverage() -> None:
    gold = Gold.model_validate(
        {
            "quotes": [
                {"speaker": "Anna Velkor", "text": "We will build bridges, not walls", "in": ["a"]}
            ]
        }
    )
    assert coverage("We will build bridges, not walls", "“We will build bridges”") < 0.8
    good = Quote(
        id="q",
        article="a",
        speaker_text="Velkor",
        text="we will build bridges, not walls",
        direct=True,
        start=0,
        end=1,
    )
    assert score_quotes(gold, {"a": SimpleNamespace(quotes=[good])}).metrics[0].value == 1.0
    wrong = good.model_copy(update={"speaker_text": "Brandt"})
    assert score_quotes(gold, {"a": SimpleNamespace(quotes=[wrong])}).metrics[0].value == 0.0
