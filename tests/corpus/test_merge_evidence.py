"""Evidence of one happening and the summary tests an incremental link relies on, on
hand-built mentions: descriptors are not ids, an event's recipients do not chain, and a
mention that fits no stored event may still fit one of its members (`merge._touches`)."""

from __future__ import annotations

from eventline.corpus.merge import (
    cluster_mentions,
    merge_with_summaries,
    summary_cluster,
    summary_matches,
)
from eventline.model import ActorRef
from tests.corpus.test_merge import ARTICLES, IRN, RUS, USA, mention

BOMBERS = ActorRef(id="desc:USA:MIL:bomber", name="US bombers", country="USA", sector="MIL")
NAVY = ActorRef(id="kb:USA.navy", name="US Navy", country="USA", sector="MIL")
ISR = ActorRef(id="ISR", name="Israel", country="ISR")


def test_a_shared_descriptor_is_no_evidence_of_one_happening() -> None:
    """Two unrelated reports of 'US bombers struck Iran' on one day are not one raid on the
    strength of the descriptor; a named body on both sides is evidence."""
    one = mention("b1", "wire1", type_="ASSAULT", actor=(BOMBERS,), recipient=(IRN,))
    two = mention("b2", "indep", type_="ASSAULT", actor=(BOMBERS,), recipient=(IRN,))
    assert len(cluster_mentions([one, two], articles=ARTICLES)) == 2
    named = [m.model_copy(update={"actor": (NAVY,)}) for m in (one, two)]
    assert len(cluster_mentions(named, articles=ARTICLES)) == 1


def test_recipients_of_a_merged_event_do_not_chain() -> None:
    """Iran; Iran and Israel; Israel: the third report shares a recipient with the second
    only, so it is another happening and the event does not take Israel from it."""
    story = {"indep": "s", "nooutlet1": "s", "wire1": "s"}  # taken in this order
    iran = mention("r1", "indep", type_="ACCUSE", actor=(RUS,), recipient=(IRN,))
    both = mention("r2", "nooutlet1", type_="ACCUSE", actor=(RUS,), recipient=(IRN, ISR))
    israel = mention("r3", "wire1", type_="ACCUSE", actor=(RUS,), recipient=(ISR,))
    groups = cluster_mentions([iran, both, israel], articles=ARTICLES, story_of=story)
    assert sorted(sorted(m.id for m in g) for g in groups) == [["r1", "r2"], ["r3"]]
    # without the report naming Iran alone, both remaining reports name Israel: one event
    pair = cluster_mentions([both, israel], articles=ARTICLES, story_of=story)
    assert len(pair) == 1


def test_a_mention_may_fit_a_member_of_an_event_it_does_not_fit() -> None:
    """An event of a stated day and a later report: a mention two days after the stated day
    fits the report's date but not the day's, so it fits no event but touches this one; a
    mention a fortnight later touches nothing."""
    dated = mention("t1", "wire1", type_="ASSAULT", actor=(RUS,), recipient=(USA,))
    report = mention("t2", "nooutlet1", type_="ASSAULT", actor=(RUS,), recipient=(USA,), date=None)
    articles = {
        **ARTICLES,
        "nooutlet1": ARTICLES["nooutlet1"].model_copy(
            update={
                "published": ARTICLES["wire1"].published.model_copy(  # type: ignore[union-attr]
                    update={"value": "2025-03-12"}
                )
            }
        ),
    }
    ((_, ids, summary),) = merge_with_summaries([dated, report], articles=articles, duplicate_of={})
    assert sorted(ids) == ["t1", "t2"]
    cluster = summary_cluster(summary)
    assert cluster is not None
    links = {"duplicate_of": {}, "story_of": {}}
    near = mention(
        "t3", "indep", type_="ASSAULT", actor=(RUS,), recipient=(USA,), date="2025-03-13"
    )
    assert summary_matches(near, articles["indep"], [cluster], **links) == ([], [0])
    far = near.model_copy(update={"id": "t4", "date": "2025-03-27"})
    assert summary_matches(far, articles["indep"], [cluster], **links) == ([], [])
    same = near.model_copy(update={"id": "t5", "date": "2025-03-11"})
    assert summary_matches(same, articles["indep"], [cluster], **links) == ([0], [])
