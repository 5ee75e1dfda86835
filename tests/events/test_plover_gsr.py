"""The PLOVER gold standard reader (the full scoring run is `eventline eval`, not a unit test)."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventline.eval.plover_gsr import load_records, plover_type
from eventline.model import EventMention, Evidence

GSR = Path(__file__).resolve().parents[3] / "shared" / "docs" / "plover" / "PLOVER_GSR_CAMEO.txt"


@pytest.mark.integration
def test_records_load() -> None:
    if not GSR.exists():
        pytest.skip("../shared not present")
    records = load_records(GSR)
    assert len(records) == 322 and all(r["text"] for r in records)


def test_future_cooperation_reduces_to_agree() -> None:
    ev = EventMention(
        id="e",
        type="CONSULT",
        modality="planned",
        evidence=Evidence(article="a", sentence=0, start=0, end=1),
    )
    assert plover_type(ev) == "AGREE"
    assert plover_type(ev.model_copy(update={"modality": "asserted"})) == "CONSULT"


def test_macro_f1_counts_a_missing_event_as_a_miss_not_a_prediction() -> None:
    from eventline.eval.plover_gsr import macro_f1

    f1, per_type = macro_f1([("AGREE", "AGREE"), ("AGREE", None), ("REJECT", "AGREE")])
    assert per_type["AGREE"] == 2 * 1 / (2 * 1 + 1 + 1)
    assert per_type["REJECT"] == 0.0
    assert f1 == (per_type["AGREE"] + per_type["REJECT"]) / 2


def test_a_pair_needs_type_actor_and_recipient_country() -> None:
    from eventline.eval.plover_gsr import pair_found
    from eventline.model import ActorRef

    fra, per = ActorRef(id="f", name="France", country="FRA"), ActorRef(id="p", name="Peru")
    event = EventMention(
        id="e",
        type="REJECT",
        actor=(fra,),
        recipient=(per.model_copy(update={"country": "PER"}),),
        evidence=Evidence(article="a", sentence=0, start=0, end=1),
    )
    assert pair_found((event,), "REJECT", {"FRA"}, {"PER"})
    assert pair_found((event,), "REJECT", {"FRA"}, set())  # no target asked for
    assert not pair_found((event,), "REJECT", {"FRA"}, {"CHL"})
    assert not pair_found((event,), "AGREE", {"FRA"}, {"PER"})


@pytest.mark.slow
@pytest.mark.integration
def test_plover_macro_f1_and_pair_recall_meet_their_floors() -> None:
    if not GSR.exists():
        pytest.skip("../shared not present")
    from eventline.eval.floors import apply_floors
    from eventline.eval.plover_gsr import score_plover_gsr_f1
    from eventline.nlp import load_nlp

    report = apply_floors(score_plover_gsr_f1(GSR, load_nlp()))
    assert report.metric("type_macro_f1").floor is not None
    below = [(m.name, m.value, m.floor) for m in report.metrics if m.passed is False]
    assert not below, below
