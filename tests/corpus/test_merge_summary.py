"""Stored event summaries: a new mention is tested against one summary per event, and that
test must say what clustering the event's members with the mention would say."""

from __future__ import annotations

import json

from eventline.corpus.merge import (
    _clusters,
    _fits,
    _links,
    _view,
    event_summary,
    merge_rules,
    merge_with_summaries,
    summary_cluster,
    summary_fits,
)
from tests.corpus.test_merge import ARTICLES, LEADER, MINISTER, SPOKES, SYNDICATED, mention


def _stored(mentions: list, story_of: dict[str, str]) -> list:  # type: ignore[type-arg]
    merged = merge_with_summaries(
        mentions, articles=ARTICLES, duplicate_of=SYNDICATED, story_of=story_of
    )
    # through JSON, as the store keeps them
    return [summary_cluster(json.loads(json.dumps(d))) for _, _, d in merged]


def test_summary_round_trip_keeps_what_fits_reads() -> None:
    clusters = _clusters(
        [mention("m1", "wire1"), mention("m2", "wire2", date="2025-03-11")],
        articles=ARTICLES,
        duplicate_of=SYNDICATED,
    )
    again = summary_cluster(json.loads(json.dumps(event_summary(clusters[0]))))
    assert again is not None
    assert event_summary(again) == event_summary(clusters[0])


def test_summary_fits_agrees_with_the_members() -> None:
    """For each candidate mention, `summary_fits` on the stored summary answers as `_fits`
    on the cluster rebuilt from the members."""
    stored = [
        mention("m1", "wire1"),
        mention("m2", "indep", date="2025-03-11"),
        mention("m3", "nooutlet1", actor=(SPOKES,), type_="DISAPPROVE", recipient=()),
    ]
    stories = {"wire1": "sto1", "indep": "sto1"}
    clusters = _clusters(stored, articles=ARTICLES, duplicate_of=SYNDICATED, story_of=stories)
    summaries = [summary_cluster(json.loads(json.dumps(event_summary(c)))) for c in clusters]
    merged = _stored(stored, stories)  # the same summaries, in the events' order
    assert sorted(map(str, map(event_summary, merged))) == sorted(
        map(str, map(event_summary, summaries))
    )
    rules = merge_rules()
    probes = [
        mention("n1", "wire3"),  # a copy of wire1: joins through the copy group
        mention("n2", "nooutlet2", date="2025-03-14"),  # three days later: no
        mention("n3", "nooutlet2", date="2025-03-10", modality="negated"),  # a denial: no
        mention("n4", "nooutlet2", actor=(LEADER,), recipient=(MINISTER,)),  # sides swapped
        mention("n5", "nooutlet2", actor=(SPOKES,), type_="DISAPPROVE", recipient=()),
    ]
    for probe in probes:
        got = summary_fits(
            probe,
            ARTICLES[probe.evidence.article],
            summaries,
            duplicate_of=SYNDICATED,
            story_of=stories,
        )
        view = _view(
            probe,
            ARTICLES[probe.evidence.article],
            rules,
            _links(probe.evidence.article, SYNDICATED, stories),
        )
        want = [
            i
            for i, c in enumerate(clusters)
            if c.family == view.family
            and view.codes & (c.actors | c.recipients)
            and _fits(view, c, rules) > 0
        ]
        assert got == want, probe.id
    first = summary_fits(
        probes[0], ARTICLES["wire3"], summaries, duplicate_of=SYNDICATED, story_of=stories
    )
    assert [m.mention.id for m in clusters[first[0]].members] == ["m1", "m2"]


def test_unknown_summary_version_is_not_trusted() -> None:
    assert summary_cluster({"v": 0}) is None
