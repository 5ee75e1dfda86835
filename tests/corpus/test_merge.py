"""Event merging on hand-built mentions: syndication, outlets, dates, people, modality."""

from __future__ import annotations

from eventline.corpus.merge import cluster_mentions, independent_sources, merge_events
from eventline.model import ActorRef, Article, EventMention, Evidence, Place, Published
from tests.corpus.helpers import make

RUS = ActorRef(id="RUS", name="Russia", country="RUS")
IRN = ActorRef(id="IRN", name="Iran", country="IRN")
USA = ActorRef(id="USA", name="United States", country="USA")
LEADER = ActorRef(id="p_leader_a", name="Anna Leader", country="RUS", sector="GOV")
SPOKES = ActorRef(id="p_spokes_b", name="Boris Spokes", country="RUS", sector="GOV")
MINISTER = ActorRef(id="p_minister_c", name="Cyrus Minister", country="IRN", sector="GOV")


def article(aid: str, *, outlet: str | None, published: str | None = "2025-03-10") -> Article:
    return make(aid, "", published, outlet=outlet)


def mention(
    mid: str,
    art: str,
    *,
    type_: str = "CONSULT",
    actor: tuple[ActorRef, ...] = (MINISTER,),
    recipient: tuple[ActorRef, ...] = (LEADER,),
    date: str | None = "2025-03-10",
    precision: str | None = "day",
    modality: str = "asserted",
    mode: str | None = None,
    start: int = 0,
) -> EventMention:
    return EventMention(
        id=mid,
        type=type_,
        mode=mode,
        actor=actor,
        recipient=recipient,
        date=date,
        date_precision=precision,
        modality=modality,  # type: ignore[arg-type]
        evidence=Evidence(article=art, sentence=0, start=start, end=start + 10, text=f"s {mid}"),
    )


ARTICLES = {
    "wire1": article("wire1", outlet="Wire A"),
    "wire2": article("wire2", outlet="Paper B"),
    "wire3": article("wire3", outlet="Site C"),
    "indep": article("indep", outlet="Daily D"),
    "nooutlet1": article("nooutlet1", outlet=None),
    "nooutlet2": article("nooutlet2", outlet=None),
}
SYNDICATED = {"wire1": "wire1", "wire2": "wire1", "wire3": "wire1"}


def test_syndicated_meeting_plus_independent_report_is_one_event_with_two_sources() -> None:
    mentions = [
        mention("m1", "wire1", mode="visit"),
        mention("m2", "wire2", mode="visit"),
        mention("m3", "wire3"),
        # the independent outlet codes the meeting reciprocally, dated by its report
        mention(
            "m4",
            "indep",
            actor=(LEADER, MINISTER),
            recipient=(),
            date="2025-03-10",
            precision="report",
        ),
    ]
    # the independent report is filed under the wire's story: evidence of one happening
    story = dict.fromkeys(ARTICLES, "story_meeting")
    events = merge_events(mentions, articles=ARTICLES, duplicate_of=SYNDICATED, story_of=story)
    assert len(events) == 1
    event = events[0]
    assert event.sources == 2
    assert len(event.mentions) == 4
    assert event.date == "2025-03-10" and event.date_precision == "day"
    assert event.mode == "visit"
    assert {r.id for r in event.actor} == {"p_minister_c"}
    assert {r.id for r in event.recipient} == {"p_leader_a"}


def test_same_leaders_meeting_months_apart_are_two_events() -> None:
    mentions = [
        mention("m1", "wire1", date="2025-03-10"),
        mention("m2", "indep", date="2024-10-11", start=50),
        mention("m3", "indep", date="2024-10", precision="month", start=90),
    ]
    events = merge_events(mentions, articles=ARTICLES, duplicate_of={})
    assert len(events) == 2
    october = next(e for e in events if e.date == "2024-10-11")
    assert len(october.mentions) == 2  # "in October" joins the day it contains


def test_two_assaults_in_one_article_on_different_days_stay_apart() -> None:
    mentions = [
        mention("a1", "indep", type_="ASSAULT", actor=(USA,), recipient=(IRN,), date="2025-03-01"),
        mention(
            "a2",
            "indep",
            type_="ASSAULT",
            actor=(USA,),
            recipient=(IRN,),
            date="2025-03-08",
            start=40,
        ),
    ]
    assert len(merge_events(mentions, articles=ARTICLES, duplicate_of={})) == 2


def test_day_window_is_complete_linkage_not_a_chain() -> None:
    days = ["2025-03-01", "2025-03-02", "2025-03-03"]
    mentions = [
        mention(
            f"d{i}",
            f"nooutlet{1 + i % 2}",
            type_="ASSAULT",
            actor=(USA,),
            recipient=(IRN,),
            date=d,
            start=i,
        )
        for i, d in enumerate(days)
    ]
    groups = cluster_mentions(mentions, articles=ARTICLES)
    assert sorted(len(g) for g in groups) == [1, 2]


def test_report_dated_mention_joins_a_recent_dated_event_only() -> None:
    strike = mention(
        "s1", "wire1", type_="ASSAULT", actor=(USA,), recipient=(IRN,), date="2025-03-08"
    )
    recent = mention(
        "s2",
        "indep",
        type_="ASSAULT",
        actor=(USA,),
        recipient=(IRN,),
        date="2025-03-10",
        precision="report",
    )
    story = dict.fromkeys(ARTICLES, "story_strike")
    groups = cluster_mentions([strike, recent], articles=ARTICLES, story_of=story)
    assert len(groups) == 1
    old = mention("s3", "indep", type_="ASSAULT", actor=(USA,), recipient=(IRN,), date="2025-02-01")
    assert len(cluster_mentions([old, recent], articles=ARTICLES, story_of=story)) == 2


def test_unrelated_reports_merge_only_on_same_ids_and_stated_days() -> None:
    """#11 item 4: a type, a country pair and a date are not evidence of one happening."""
    pact = mention("u1", "wire1", type_="COOPERATE", actor=(RUS,), recipient=(IRN,))
    summit = mention("u2", "indep", type_="COOPERATE", actor=(LEADER,), recipient=(MINISTER,))
    assert len(cluster_mentions([pact, summit], articles=ARTICLES)) == 2
    story = {"wire1": "story_x", "indep": "story_x"}
    assert len(cluster_mentions([pact, summit], articles=ARTICLES, story_of=story)) == 1
    copies = {"wire1": "wire1", "indep": "wire1"}
    assert len(cluster_mentions([pact, summit], articles=ARTICLES, duplicate_of=copies)) == 1
    same_ids = mention("u3", "nooutlet1", type_="COOPERATE", actor=(IRN,), recipient=(RUS,))
    assert len(cluster_mentions([pact, same_ids], articles=ARTICLES)) == 1
    in_month = same_ids.model_copy(
        update={"id": "u4", "date": "2025-03", "date_precision": "month"}
    )
    assert len(cluster_mentions([pact, in_month], articles=ARTICLES)) == 2


def test_different_speakers_and_reversed_roles_do_not_merge() -> None:
    by_leader = mention("c1", "wire1", type_="ACCUSE", actor=(LEADER,), recipient=(USA,))
    by_spokes = mention("c2", "indep", type_="ACCUSE", actor=(SPOKES,), recipient=(USA,))
    by_country = mention("c3", "nooutlet1", type_="ACCUSE", actor=(RUS,), recipient=(USA,))
    reversed_ = mention("c4", "nooutlet2", type_="ACCUSE", actor=(USA,), recipient=(RUS,))
    story = dict.fromkeys(ARTICLES, "story_accuse")
    mentions = [by_leader, by_spokes, by_country, reversed_]
    groups = cluster_mentions(mentions, articles=ARTICLES, story_of=story)
    assert len(groups) == 3  # the country-level report may join one of the two speakers
    assert [reversed_] in groups
    assert not any({by_leader, by_spokes} <= set(g) for g in groups)


def test_denial_never_merges_with_assertion_and_modality_of_merged_event() -> None:
    said = mention("n1", "wire1", type_="SANCTION", actor=(RUS,), recipient=(IRN,))
    denied = mention(
        "n2", "indep", type_="SANCTION", actor=(RUS,), recipient=(IRN,), modality="negated"
    )
    planned = mention(
        "n3", "nooutlet1", type_="SANCTION", actor=(RUS,), recipient=(IRN,), modality="planned"
    )
    events = merge_events([said, denied, planned], articles=ARTICLES, duplicate_of={})
    assert sorted(e.modality for e in events) == ["asserted", "negated"]
    only_planned = merge_events([planned], articles=ARTICLES, duplicate_of={})
    assert only_planned[0].modality == "planned"


def test_locations_in_different_countries_do_not_merge() -> None:
    here = mention("l1", "wire1").model_copy(
        update={"location": Place(name="Moscow", country="RUS")}
    )
    there = mention("l2", "indep").model_copy(
        update={"location": Place(name="Tehran", country="IRN")}
    )
    assert len(cluster_mentions([here, there], articles=ARTICLES)) == 2


def test_ids_are_stable_and_do_not_depend_on_input_order() -> None:
    mentions = [
        mention("m1", "wire1"),
        mention("m2", "indep"),
        mention("m9", "indep", type_="ASSAULT", actor=(USA,), recipient=(IRN,)),
    ]
    one = merge_events(mentions, articles=ARTICLES, duplicate_of={})
    two = merge_events(list(reversed(mentions)), articles=ARTICLES, duplicate_of={})
    assert [e.id for e in one] == [e.id for e in two]
    assert len({e.id for e in one}) == 2


def test_independent_sources_counts_outlets_and_unknown_outlets() -> None:
    ids = ["wire1", "wire2", "nooutlet1", "nooutlet2"]
    assert independent_sources(ids, articles=ARTICLES, duplicate_of={}) == 4
    assert independent_sources(ids, articles=ARTICLES, duplicate_of=SYNDICATED) == 3
    same_outlet = {"x": article("x", outlet="Daily D"), "y": article("y", outlet="daily  d")}
    assert independent_sources(["x", "y"], articles=same_outlet, duplicate_of={}) == 1


def test_knowledge_base_country_ids_are_not_people() -> None:
    us = ActorRef(id="kb:USA", name="United States", country="USA")
    president = ActorRef(id="act_pres", name="A President", country="USA", sector="GOV")
    by_country = mention("k1", "wire1", type_="ASSAULT", actor=(us,), recipient=())
    by_person = mention(
        "k2",
        "indep",
        type_="ASSAULT",
        actor=(president,),
        recipient=(IRN,),
        date="2025-03-10",
        precision="report",
    )
    story = dict.fromkeys(ARTICLES, "story_strike")
    assert len(cluster_mentions([by_country, by_person], articles=ARTICLES, story_of=story)) == 1


def test_day_and_month_without_year_match_by_calendar_day() -> None:
    no_year = {"ny": article("ny", outlet="Daily N", published="--03-11")}
    no_year["ny"] = no_year["ny"].model_copy(
        update={"published": Published(value="--03-11", precision="monthday", evidence="t")}
    )
    arts = ARTICLES | no_year
    dated = mention(
        "y1", "wire1", type_="ASSAULT", actor=(USA,), recipient=(IRN,), date="2025-03-08"
    )
    reported = mention(
        "y2",
        "ny",
        type_="ASSAULT",
        actor=(USA,),
        recipient=(IRN,),
        date="--03-11",
        precision="report",
    )
    stated = mention(
        "y3",
        "ny",
        type_="ASSAULT",
        actor=(USA,),
        recipient=(IRN,),
        date="--03-08",
        precision="monthday",
        start=30,
    )
    later = mention(
        "y4",
        "ny",
        type_="ASSAULT",
        actor=(USA,),
        recipient=(IRN,),
        date="--05-08",
        precision="monthday",
        start=60,
    )
    groups = cluster_mentions([dated, reported, stated, later], articles=arts)
    assert sorted(len(g) for g in groups) == [1, 3]
    assert [later] in groups


def test_report_of_unknown_year_keeps_its_year_unknown() -> None:
    """An article dated only "--01-17" must not yield an event in the stand-in year 2000."""
    article = Article(
        id="art_y",
        document_id="doc_y",
        source_path="y.txt",
        item=1,
        body="The two presidents met.",
        published=Published(value="--01-17", precision="monthday", evidence="dateline"),
    )
    mention = EventMention(
        id="evm_y",
        type="CONSULT",
        actor=(ActorRef(id="a", name="Russia", country="RUS"),),
        recipient=(ActorRef(id="b", name="Iran", country="IRN"),),
        date="--01-17",
        date_precision="report",
        evidence=Evidence(article="art_y", sentence=0, start=0, end=22),
    )
    (event,) = merge_events([mention], articles={"art_y": article}, duplicate_of={})
    assert event.date == "--01-17"
