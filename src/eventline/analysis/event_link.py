"""Incremental event linking: attach a new mention to the one stored event it fits, re-cluster
only where a choice is open.

The candidates are the stored events of a new mention's blocking keys and of the articles
sharing its story or copy group (`increment.candidate_events`). Each new mention is tested
against their summaries with the clustering's own fit test (`merge.summary_fits`):

- it fits **exactly one** event, that event keeps an attach state (`attach.event_state`) and
  the mention ranks after the event's anchor and after its last member (`order_key`, the
  state's `LAST_KEY`: a relink tests a mention only against the members ranked before it,
  and the fit test is not monotone): it is **attached** — the event row, its summary
  and its sources are updated from the stored row and state (`attach.rebuild`), the event keeps
  its id, and no member is read;
- it fits **two or more** events (its place depends on the greedy order), an event without a
  state (linked in full, or before attach states), or would become an event's anchor: those
  events are **re-clustered** with their members and every new mention that fits them, as
  before (`merge.merge_with_summaries`), and get a state;
- it fits **none**: it is clustered with the new mentions and the re-clustered events;
- it ranks before some member of an event it might fit a member of (`merge._touches`), fitting
  the event as a whole or not: that event is **re-clustered** with it (a relink could give it
  that member, or change that member's choice).

Events of articles whose copy group's canonical changed are always re-clustered (the
clustering reads a group only through its canonical). After a round, every new mention is
tested against the grown summaries of the attached events other than its own, and an
attached mention against the re-clustered events holding new mentions; a fit there means the
greedy order could place it elsewhere, so that event joins the re-clustered set and the
round is repeated (the set only grows); so is a round that split a stored event, with the
stored events a member of it might fit (`_released`). What can remain different from a
`relink` is a higher-order effect of the greedy order (an event two re-clusterings away);
none was seen on the example corpus or the random stress corpora (docs/architecture.md,
"Arrival order").

The rounds of one link share their work (`merge.MergeCache`): the re-clustered mentions split
into parts that cluster apart, and a part a later round finds unchanged is not clustered
again; a cluster's event, summary and attach state are made once. A re-clustered stored event
that comes out with the members it had (and no member re-dated or moved to another copy
group's canonical) keeps its stored attach state. Stored articles are read as stubs of their
columns (`increment.article_stubs`): merging reads only their outlet and date."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from eventline.analysis import attach, state
from eventline.analysis import increment as inc
from eventline.analysis.dedup_table import Canonicals
from eventline.analysis.ids import Assignment, StableIds
from eventline.analysis.story_redate import events_of
from eventline.analysis.story_table import StoredStories
from eventline.corpus.merge import (
    MergeCache,
    grown_core,
    mention_date,
    merge_rules,
    merge_with_summaries,
    ref_code,
    summary_cluster,
    summary_known,
    summary_matches,
)
from eventline.model import Article, Event, EventMention
from eventline.store import Store

Linked = list[tuple[Event, list[str], dict[str, Any]]]


@dataclass
class _Plan:
    """Which stored events are re-clustered, which new mentions are attached to which event."""

    recluster: set[str]
    forced: set[str] = field(default_factory=set)  # new mentions re-clustered
    touched: dict[str, set[str]] = field(default_factory=dict)  # mention -> `_touches` events

    def close(self, fits: dict[str, list[str]], ok: dict[str, bool]) -> None:
        """Re-cluster every new mention that fits a re-clustered event, several events or an
        event it cannot be attached to, or might fit a member that ranks after it, and every
        event such a mention fits or might fit a member of."""
        changed = True
        while changed:
            changed = False
            for mention, found in fits.items():
                near = set(found) | self.touched.get(mention, set())
                must = (
                    mention in self.forced
                    or len(found) > 1
                    or bool(near & self.recluster)
                    or (len(found) == 1 and not ok[mention])
                    or len(near) > len(found)
                )
                if must and (mention not in self.forced or not self.recluster >= near):
                    self.forced.add(mention)
                    self.recluster |= near
                    changed = True


@dataclass
class _Context:
    articles: dict[str, Article]
    duplicate_of: Mapping[str, str]
    story_of: dict[str, str]
    redated: dict[str, EventMention] = field(default_factory=dict)  # stored, as re-dated
    own: dict[str, dict[str, Any]] = field(default_factory=dict)
    stored: dict[str, Article] = field(default_factory=dict)  # read by a re-clustering round
    raw: dict[str, dict[str, Any]] = field(default_factory=dict)  # stored summaries read
    dirty: set[str] = field(default_factory=set)  # stored events whose inputs changed
    whole: dict[str, frozenset[str]] = field(default_factory=dict)  # event -> all members
    cache: MergeCache = field(default_factory=MergeCache)  # shared by re-clustering rounds
    states: dict[tuple[str, ...], dict[str, Any]] = field(default_factory=dict)  # by members
    assigned: dict[str, Assignment] = field(default_factory=dict)  # stored event ids read
    asked: set[str] = field(default_factory=set)  # members whose assignment was read

    def kept_state(
        self, member_ids: Sequence[str], kept: Mapping[frozenset[str], str]
    ) -> dict[str, Any] | None:
        """The stored attach state of the re-clustered event these mentions form, when it is
        a stored event come out as it was (the same members, no copy group's canonical
        changed, none re-dated; `kept`: `by_members`): the state `attach.event_state` would
        compute again, as its members, their articles and copy groups are those it was
        computed from."""
        event = kept.get(frozenset(member_ids))
        data = self.raw.get(event, {}).get(attach.STATE_KEY) if event else None
        if not isinstance(data, dict) or data.get("v") != attach.STATE_VERSION:
            return None
        return data if LAST_KEY in data else None

    @property
    def by_members(self) -> dict[frozenset[str], str]:
        """Stored events not dirty and read whole, by their member ids."""
        return {ids: e for e, ids in self.whole.items() if e not in self.dirty}

    def summary(self, mention: EventMention) -> dict[str, Any]:
        """The summary of an event of this mention alone (kept: it is asked for each round)."""
        if mention.id not in self.own:
            self.own[mention.id] = attach.mention_summary(
                mention,
                articles=self.articles,
                duplicate_of=self.duplicate_of,
                story_of=self.story_of,
            )
        return self.own[mention.id]

    def fits(self, mention: EventMention, found: _Found) -> list[int]:
        """Indexes of the summaries the mention fits (`merge.summary_fits`)."""
        return self.matches(mention, found)[0]

    def matches(self, mention: EventMention, found: _Found) -> tuple[list[int], list[int]]:
        """Indexes of the summaries the mention fits, and of those it might fit a member of
        (`merge.summary_matches`), compared only with those sharing its type family and a
        participant code (as both tests ask)."""
        codes = {ref_code(r) for r in (*mention.actor, *mention.recipient)}
        family = _family(mention.type)
        near = sorted({i for c in codes for i in found.index.get((family, c), ())})
        if not near:
            return [], []
        article = mention.evidence.article
        hits, touches = summary_matches(
            mention,
            self.articles.get(article) or self.stored.get(article),
            [found.clusters[i] for i in near],  # type: ignore[misc]
            duplicate_of=self.duplicate_of,
            story_of=self.story_of,
        )
        return [near[i] for i in hits], [near[i] for i in touches]


def order_key(mention: EventMention, article: Article | None) -> attach.Key:
    """A mention's place in the clustering's order (`attach.rank_key`, with a mention of no
    date at all after one of a report's month or year, as `merge` takes them)."""
    key = attach.rank_key(mention, article)
    if mention_date(mention, article).kind == "none":
        key[0] = 100
    return key


def grow_summary(summary: dict[str, Any], more: Mapping[str, Any]) -> dict[str, Any]:
    """`attach.add_summary`, with the recipient core (`merge.grown_core`) grown too."""
    grown = attach.add_summary(summary, more)
    grown["recipient_core"] = grown_core(summary, more)
    return grown


def _ranks_last(key: attach.Key, summary: Mapping[str, Any]) -> bool:
    """Whether a mention of this order key comes after every member of a stored event (its
    state's "last" key): only then does a relink test it against the whole event, as its
    summary does. An event without that key (an older state) is not known to be passed."""
    data = summary.get(attach.STATE_KEY)
    last = data.get(LAST_KEY) if isinstance(data, dict) else None
    return last is not None and key > last


#: The attach state's key for the order key of an event's last member (`order_key`).
LAST_KEY = "last"


def _need(duplicate_of: Mapping[str, str], articles: Mapping[str, Article]) -> None:
    """Read the stored canonicals of these articles in bulk (`dedup_table.Canonicals`)."""
    if isinstance(duplicate_of, Canonicals):
        duplicate_of.need(articles)


def _family(event_type: str) -> str:
    """The type family `merge` blocks clusters by (compatible types share the first name)."""
    for pair in merge_rules().compatible_types:
        if event_type in pair:
            return min(pair)
    return event_type


class _Found:
    """Summaries as the fit test reads them, indexed by (type family, participant code)."""

    def __init__(self, summaries: Sequence[dict[str, Any]]) -> None:
        self.clusters = [summary_cluster(s) for s in summaries]
        self.index: dict[tuple[str, str], list[int]] = {}
        for i, (data, cluster) in enumerate(zip(summaries, self.clusters, strict=True)):
            if cluster is None:
                continue
            for code in {*data["actors"], *data["recipients"]}:
                self.index.setdefault((data["family"], code), []).append(i)


def link_events(
    store: Store,
    new: Sequence[EventMention],
    *,
    articles: dict[str, Article],
    duplicate_of: Mapping[str, str],
    linked: set[str],
    stories: StoredStories,
    next_seq: int,
    regrouped: set[str],
    redated: Sequence[EventMention] = (),
) -> tuple[Linked, set[str], StableIds]:
    """`increment.merge_touched`: (events with mention ids and summaries, touched stored
    event ids, the id assigner). The events holding a `redated` stored mention, and those
    it fits once re-dated, are re-clustered with it as re-dated."""
    _need(duplicate_of, articles)
    stories.prefetch(articles)
    story_of = {a: s for a in articles if (s := stories.story_of(a)) is not None}
    ctx = _Context(articles, duplicate_of, story_of, redated={m.id: m for m in redated})
    with store.engine.connect() as conn:
        moved_here = inc.moved_articles(conn, regrouped, duplicate_of)
        candidates, moved = inc.candidate_events(conn, new, articles, linked, moved_here)
        raw = inc.load_raw_summaries(conn, candidates | moved)
        moved |= events_of(conn, ctx.redated)
    ids = sorted(i for i in candidates if i in raw and summary_known(raw[i]))
    stored = _Found([raw[e] for e in ids])
    moved |= {ids[i] for m in redated for i in ctx.fits(m, stored)}
    ctx.raw, ctx.dirty = raw, set(moved)
    matched = {m.id: ctx.matches(m, stored) for m in new}
    fits = {m.id: [ids[i] for i in matched[m.id][0]] for m in new}
    keys = {m.id: attach.rank_key(m, articles.get(m.evidence.article)) for m in new}
    order = {m.id: order_key(m, articles.get(m.evidence.article)) for m in new}
    # A mention ranking before some member of an event that it might fit a member of can
    # change that event in a relink (it takes the member, or the member's choice): re-cluster.
    passed = {
        m.id: {e for i in matched[m.id][1] if not _ranks_last(order[m.id], raw[e := ids[i]])}
        for m in new
    }
    ok = {
        m.id: len(f) == 1
        and attach.usable(raw[f[0]].get(attach.STATE_KEY), keys[m.id])
        and _ranks_last(order[m.id], raw[f[0]])
        for m, f in ((m, fits[m.id]) for m in new)
    }
    plan = _Plan(recluster=moved | (candidates - set(ids)), touched=passed)
    members: dict[str, list[EventMention]] = {}
    while True:
        plan.close(fits, ok)
        attached = _attach_all(store, new, fits, plan, raw, (keys, order), ctx)
        if attached is None:
            continue  # an attached mention did not fit its grown event: re-planned
        conflicts = _grown_conflicts(new, attached, ctx)
        if conflicts:  # settled before the costlier re-clustering
            plan.recluster |= conflicts
            continue
        merged, ids_used = _recluster(
            store, new, plan, members, ctx, (stories, next_seq), attached=set(_ids(attached))
        )
        conflicts = _mixed_conflicts(new, attached, merged, ctx)
        if not conflicts:
            conflicts = _released(store, plan, members, merged, ctx)
        if not conflicts:
            break
        plan.recluster |= conflicts
    out, touched = _finish(store, attached, merged, ids_used)
    # the assignments read for the re-clustering are still the stored ones when they are
    # written: corpus linking runs under one lock (worker.link_lock), so no other writer
    ids_used.stored = {m: ctx.assigned.get(m) for m in ctx.asked}
    return out, touched | plan.recluster, ids_used


def _ids(attached: dict[str, tuple[dict[str, Any], list[EventMention]]]) -> list[str]:
    return [m.id for _, added in attached.values() for m in added]


def _attach_all(
    store: Store,
    new: Sequence[EventMention],
    fits: dict[str, list[str]],
    plan: _Plan,
    raw: dict[str, dict[str, Any]],
    ranks: tuple[dict[str, attach.Key], dict[str, attach.Key]],
    ctx: _Context,
) -> dict[str, tuple[dict[str, Any], list[EventMention]]] | None:
    """Event id -> (grown summary with state, attached mentions), in rank order; None (and
    the event re-clustered) when a mention does not fit an event grown by another. `ranks`:
    each mention's `attach.rank_key` and `order_key`."""
    keys, order = ranks
    out: dict[str, tuple[dict[str, Any], list[EventMention]]] = {}
    for mention in sorted(new, key=lambda m: keys[m.id]):
        found = fits[mention.id]
        if mention.id in plan.forced or len(found) != 1:
            continue
        event = found[0]
        summary, added = out.get(event, (raw[event], []))
        if added and not ctx.fits(mention, _Found([summary])):
            plan.recluster.add(event)
            return None
        grown = grow_summary(summary, ctx.summary(mention))
        state = attach.copy_state(summary[attach.STATE_KEY])
        article = ctx.articles.get(mention.evidence.article)
        attach.add_mention(
            state,
            mention,
            keys[mention.id],
            article,
            ctx.duplicate_of.get(mention.evidence.article, mention.evidence.article),
        )
        state[LAST_KEY] = max(state[LAST_KEY], order[mention.id])
        grown[attach.STATE_KEY] = state
        out[event] = (grown, [*added, mention])
    return out


def _recluster(
    store: Store,
    new: Sequence[EventMention],
    plan: _Plan,
    members: dict[str, list[EventMention]],
    ctx: _Context,
    numbering: tuple[StoredStories, int],
    *,
    attached: set[str],
) -> tuple[Linked, StableIds]:
    """The re-clustered events with the new mentions not attached (`members` caches what was
    read), each summary with its attach state."""
    with store.engine.connect() as conn:
        events = plan.recluster - set(members)
        links = inc.event_members(conn, events)
        read = inc.read_mentions(conn, {i for v in links.values() for i in v})
        mentions = {m.id: ctx.redated.get(m.id, m) for m in read}
        for event in events:
            members[event] = [mentions[i] for i in links.get(event, []) if i in mentions]
            if len(members[event]) == len(links.get(event, [])):
                ctx.whole[event] = frozenset(links.get(event, []))
        old = [m for e in sorted(plan.recluster) for m in members[e]]
        missing = {m.evidence.article for m in old} - set(ctx.articles) - set(ctx.stored)
        ctx.stored.update(inc.article_stubs(conn, missing))
        wanted = {m.evidence.article for m in old} - set(ctx.articles)
        known = {**ctx.articles, **{i: a for i, a in ctx.stored.items() if i in wanted}}
    _need(ctx.duplicate_of, known)
    todo = [m for m in new if m.id not in attached]
    stories, next_seq = numbering
    asked = [m.id for m in old if m.id not in ctx.asked]
    ctx.assigned.update(state.assignments(store, "event", members=asked))
    ctx.asked.update(asked)
    previous = {m.id: ctx.assigned[m.id] for m in old if m.id in ctx.assigned}
    ids = StableIds("evt", previous, next_seq=next_seq)
    stories.prefetch(known)
    story_of = {a: s for a in known if (s := stories.story_of(a)) is not None}
    group = [*old, *todo]
    merged = merge_with_summaries(
        group,
        articles=known,
        duplicate_of=ctx.duplicate_of,
        story_of=story_of,
        assign_ids=ids,
        cache=ctx.cache,
    )
    by_id = {m.id: m for m in group}
    out: Linked = []
    kept = ctx.by_members
    for record, member_ids, summary in merged:
        data = ctx.kept_state(member_ids, kept) or ctx.states.get(tuple(member_ids))
        if data is None:
            mine = [by_id[i] for i in member_ids]
            data = attach.event_state(mine, articles=known, duplicate_of=ctx.duplicate_of)
            data[LAST_KEY] = max(order_key(m, known.get(m.evidence.article)) for m in mine)
            ctx.states[tuple(member_ids)] = data
        summary[attach.STATE_KEY] = data
        out.append((record, member_ids, summary))
    return out, ids


def _grown_conflicts(
    new: Sequence[EventMention],
    attached: dict[str, tuple[dict[str, Any], list[EventMention]]],
    ctx: _Context,
) -> set[str]:
    """Attached events some other new mention fits once grown (with that mention's own
    attached event): the greedy order could place it in either, so both are re-clustered."""
    home = {m.id: e for e, (_, added) in attached.items() for m in added}
    grown = sorted(attached)
    found = _Found([attached[e][0] for e in grown])
    out: set[str] = set()
    for mention in new:
        own = home.get(mention.id)
        others = {grown[i] for i in ctx.fits(mention, found)} - {own}
        if others:
            out |= others | ({own} if own else set())
    return out


def _mixed_conflicts(
    new: Sequence[EventMention],
    attached: dict[str, tuple[dict[str, Any], list[EventMention]]],
    merged: Linked,
    ctx: _Context,
) -> set[str]:
    """Attached events of a mention that also fits a re-clustered event holding new
    mentions (it is then re-clustered with it)."""
    new_ids = {m.id for m in new}
    found = _Found([s for _, ids, s in merged if new_ids.intersection(ids)])
    if not found.index:
        return set()
    return {e for e, (_, added) in attached.items() for m in added if ctx.fits(m, found)}


def _released(
    store: Store,
    plan: _Plan,
    members: dict[str, list[EventMention]],
    merged: Linked,
    ctx: _Context,
) -> set[str]:
    """Stored events outside the re-clustered set that a member of a re-clustered event
    which was split might fit a member of (`merge._touches`): a member that left may have
    kept one of theirs out (a mode, a date), which a relink would now let in."""
    where = {i: n for n, (_, ids, _) in enumerate(merged) for i in ids}
    probes = [
        m
        for e in sorted(plan.recluster)
        if len({where.get(m.id) for m in members.get(e, [])}) > 1
        for m in members[e]
    ]
    if not probes:
        return set()
    known = {**ctx.stored, **ctx.articles}
    with store.engine.connect() as conn:
        found, _ = inc.candidate_events(conn, probes, known, set(), set())
        found -= plan.recluster
        raw = inc.load_raw_summaries(conn, found) if found else {}
    ctx.raw.update(raw)
    ids = sorted(e for e in found if e in raw and summary_known(raw[e]))
    out = found - set(ids)  # no summary to test: re-clustered, as in the first round
    near = _Found([raw[e] for e in ids])
    for mention in probes:
        fits, touches = ctx.matches(mention, near)
        out |= {ids[i] for i in (*fits, *touches)}
    return out


def _finish(
    store: Store,
    attached: dict[str, tuple[dict[str, Any], list[EventMention]]],
    merged: Linked,
    ids: StableIds,
) -> tuple[Linked, set[str]]:
    """The attached events rebuilt from their stored rows and states, after the re-clustered
    ones; the attached mentions take their event's id assignment."""
    if not attached:
        return merged, set()
    with store.engine.connect() as conn:
        stored = inc.read_events(conn, attached)
        links = inc.event_members(conn, attached)
    anchors = {e: summary[attach.STATE_KEY]["anchor"][4] for e, (summary, _) in attached.items()}
    known = state.assignments(store, "event", members=sorted(anchors.values()))
    out = list(merged)
    for event_id in sorted(attached):
        summary, added = attached[event_id]
        event = attach.rebuild(stored[event_id], summary[attach.STATE_KEY], added)
        choice = known.get(anchors[event_id], (event_id, 0))
        for mention in added:
            ids.chosen[mention.id] = choice
        out.append((event, [*links.get(event_id, []), *(m.id for m in added)], summary))
    return out, set(attached)
