"""Corpus linking over stored per-article results: actors, copies, stories, events, claims.

Reads `ArticleAnalysis` records and never parses. Near-duplicates are found through the LSH
band table in the store (`dedup_table`: each new article reads only its candidates); the
story index is kept as rows (`story_table`: a new article reads only the stories of its terms
and date window). Both are incremental (an article filed once is not filed again) unless
`fresh` is asked for (`eventline relink`), their parameters changed in the settings, or an
article they hold was deleted. Merged events and duplicate groups keep the ids they were
given (`ids.StableIds` over `id_assignments`). The records replace the previous corpus
records in one transaction; the id assignments are written just before, so a run killed in
between re-links to the same ids.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import delete, func, select

from eventline.analysis import increment as inc
from eventline.analysis import state, story_redate, story_table
from eventline.analysis.dedup_table import (
    Canonicals,
    Member,
    StoredDuplicates,
    canonical,
    stale,
)
from eventline.analysis.ids import StableIds
from eventline.analysis.resolve import Resolved, resolve_analyses
from eventline.analysis.sync import actor_key_rows, sync_records
from eventline.corpus.claims import extract_claims
from eventline.corpus.claims_link import link_claims
from eventline.corpus.dedup import DuplicateIndex, Thresholds
from eventline.corpus.merge import merge_with_summaries
from eventline.corpus.stories import StoryIndex
from eventline.corpus.story_dates import StoryDate, story_dated
from eventline.model import Article, Claim, DuplicateGroup, Event, EventMention
from eventline.nlp.actor_kb import collector_paused
from eventline.settings import Settings
from eventline.store import Store
from eventline.store import schema as S
from eventline.store import story_dates as story_date_rows
from eventline.store.schema_analysis import (
    actor_keys,
    analysis_results,
    event_summaries,
    id_assignments,
)

DEDUP_PARAMS_KEY = "index:duplicates:params"

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class LinkReport:
    articles: int
    actors: int
    event_mentions: int
    events: int
    quotes: int
    duplicate_groups: int
    stories: int
    claims: int
    yearless_events: int


def dedup_index(settings: Settings) -> DuplicateIndex:
    return DuplicateIndex(
        thresholds=Thresholds(
            jaccard=settings.dedup_jaccard,
            containment=settings.dedup_containment,
            window_days=settings.dedup_window_days,
        )
    )


def story_index(settings: Settings) -> StoryIndex:
    return StoryIndex(
        window_days=settings.story_window_days,
        threshold=settings.story_threshold,
        undated_threshold=settings.story_undated_threshold,
    )


def _story_index(
    store: Store, present: set[str], settings: Settings, *, fresh: bool
) -> tuple[StoryIndex, bool]:
    """(the stored story index, or a new one when it cannot be continued; whether it is new)."""
    stories = story_index(settings)
    old = None if fresh else story_table.load_all(store)
    if old is None:
        return stories, True
    same = old.params() == stories.params() and set(old.ids()) <= present
    return (old, False) if same else (stories, True)


def _link_copies(
    store: Store,
    linked: Sequence[Article],
    settings: Settings,
    *,
    fresh: bool,
    tick: Progress,
    scoped: bool = False,
) -> dict[int, list[Member]]:
    """Add the articles the band table lacks (all of them when it must be rebuilt) and return
    every group's members in arrival order (`scoped`: only the groups holding `linked`
    articles, the others being as the store holds them)."""
    index = dedup_index(settings)
    table = StoredDuplicates(index)
    params = json.dumps(index._params(), sort_keys=True).encode()
    with store.engine.begin() as conn:
        rebuild = fresh or store.get_blob(DEDUP_PARAMS_KEY) != params or stale(conn)
        if rebuild:
            table.clear(conn)
        known = table.known(conn, [a.id for a in linked])
    todo = [a for a in linked if a.id not in known]
    for start in range(0, len(todo), 200):
        with store.engine.begin() as conn:
            table.add_many(conn, todo[start : start + 200])
        tick("link: copies", min(start + 200, len(todo)), len(todo))
    if rebuild:
        store.put_blob(DEDUP_PARAMS_KEY, params)
    with store.engine.connect() as conn:
        if scoped and not rebuild:
            return table.groups(conn, roots=table.roots(conn, [a.id for a in linked]))
        return table.groups(conn)


class _Targets(set[str]):
    """The ids given to records of one kind: those of the members in hand, and any other the
    store holds (looked up one id at a time: only a fresh id is checked)."""

    def __init__(self, store: Store, kind: str, known: set[str]) -> None:
        super().__init__(known)
        self._store = store
        self._kind = kind

    def __contains__(self, target: object) -> bool:
        if super().__contains__(target):
            return True
        a = id_assignments
        query = select(a.c.target).where(a.c.kind == self._kind, a.c.target == target)
        with self._store.engine.connect() as conn:
            return conn.execute(query.limit(1)).first() is not None


def _duplicate_groups(
    store: Store, members: dict[int, list[Member]], next_seq: int, *, scoped: bool = False
) -> tuple[list[DuplicateGroup], StableIds]:
    """The groups of `members` with their stable ids. `scoped`: `members` holds only the
    groups a link touched, so only their members' earlier ids are read (an untouched group
    keeps its members, so no touched group can claim its id), and a fresh id is checked
    against every stored one."""
    if scoped:
        wanted = [m.article for group in members.values() for m in group]
        ids = StableIds("dup", state.assignments(store, "dup", members=wanted), next_seq=next_seq)
        ids._old_targets = _Targets(store, "dup", ids._old_targets)
    else:
        ids = StableIds("dup", state.assignments(store, "dup"), next_seq=next_seq)
    roots = sorted(members)
    names = ids([[m.article for m in members[root]] for root in roots])
    groups = [
        DuplicateGroup(
            id=name,
            canonical=canonical(members[root]),
            members=tuple(sorted(m.article for m in members[root])),
            similarity=round(min(m.link for m in members[root]), 4),
        )
        for root, name in zip(roots, names, strict=True)
    ]
    return sorted(groups, key=lambda g: (-len(g.members), g.id)), ids


def link_corpus(
    store: Store,
    *,
    settings: Settings,
    fresh: bool = False,
    progress: Progress | None = None,
) -> LinkReport:
    """Link the articles analysed since the last link against the stored corpus records
    (`eventline.analysis.increment`), or, with `fresh` or when that is not possible,
    recompute every corpus record from the stored per-article results."""
    tick = progress or (lambda _stage, _done, _total: None)
    if not fresh:
        new = inc.new_articles(store)
        if new is not None:
            # The records an incremental link reads and builds are many small objects without
            # cycles, plain reference counting frees them; the cyclic collector's walks of the
            # heap they fill cost about 0.3 s of CPU adding 100 articles to 20,000, and grow
            # with what the link touches (actor_kb.collector_paused, as the KB loads do).
            with collector_paused():
                report = link_new(store, new, settings=settings, tick=tick)
            if report is not None:
                return report
    # The same for a whole link (a new store's first, `--fresh`): about 0.5 s of CPU linking
    # 100 articles, a fifth of the link.
    with collector_paused():
        return link_all(store, settings=settings, fresh=fresh, tick=tick)


def link_all(store: Store, *, settings: Settings, fresh: bool, tick: Progress) -> LinkReport:
    """Recompute the corpus records from every stored per-article result."""
    linked_at = inc.linked_at(store)
    articles = list(store.iter_articles())
    analyses = {a.article: a for a in state.iter_analyses(store)}
    linked = [a for a in articles if a.id in analyses]
    steps = 6
    tick("link: actors", 0, steps)
    resolved = resolve_analyses([analyses[a.id] for a in linked])
    members = _link_copies(store, linked, settings, fresh=fresh, tick=tick)
    groups, dup_ids = _duplicate_groups(store, members, state.max_seq(store) + 1)
    copies = {m: g.members for g in groups for m in g.members}
    tick("link: stories", 2, steps)
    stories, new_index = _story_index(store, {a.id for a in linked}, settings, fresh=fresh)
    for article in linked:
        if stories.story_of(article.id) is None:
            stories.add(
                article,
                keys=resolved.keys.get(article.id, frozenset()),
                copies=copies.get(article.id, (article.id,)),
            )
    tick("link: events", 3, steps)
    duplicate_of = {member: g.canonical for g in groups for member in g.members}
    story_records = stories.stories()
    story_of = {a: s.id for s in story_records for a in s.articles}
    by_id = {a.id: a for a in linked}
    event_ids = StableIds("evt", state.assignments(store, "event"), next_seq=dup_ids.next_seq)
    resolved, dates = _story_dated(store, resolved, by_id, duplicate_of, story_of)
    merged = merge_with_summaries(
        resolved.event_mentions,
        articles=by_id,
        duplicate_of=duplicate_of,
        story_of=story_of,
        assign_ids=event_ids,
    )
    events = [e for e, _, _ in merged]
    tick("link: claims", 4, steps)
    claims = link_claims(
        _claims(store, linked),
        events=events,
        quotes=resolved.quotes,
        articles=by_id,
        mentions=resolved.mentions,  # H6 (#13): mentions resolve each claimant to an actor
    )
    tick("link: write", 5, steps)
    rebuild_blocks = fresh or store.get_blob(inc.BLOCKS_KEY) != inc.blocks_marker()
    with store.engine.begin() as conn:
        state.replace_assignments(conn, "dup", state.assignment_rows("dup", dup_ids.chosen))
        state.replace_assignments(conn, "event", state.assignment_rows("event", event_ids.chosen))
        if new_index:
            story_table.clear(conn)
        story_table.save(conn, stories)
    sync_records(
        store,
        {
            "actors": resolved.actors,
            "mentions": resolved.mentions,
            "event_mentions": resolved.event_mentions,
            "quotes": resolved.quotes,
            "timexes": resolved.timexes,
            "duplicate_groups": groups,
            "stories": story_records,
            "events": events,
            "claims": claims,
        },
        {
            inc.BLOCKS_KEY: inc.blocks_marker(),
            inc.LINKED_AT_KEY: linked_at,
        },
        context={a.id: _context(a, story_of.get(a.id)) for a in linked},
        articles=by_id,
        all_blocks=rebuild_blocks,
    )
    with store.batch() as writer:
        writer.conn.execute(delete(event_summaries))
        inc.write_summaries(writer.conn, {e.id: d for e, _, d in merged})
        if rebuild_blocks:
            writer.conn.execute(delete(actor_keys))
            writer.put_actor_keys(actor_key_rows(resolved.actors))
        writer.upsert_actor_keys(resolved.role_keys)
        story_date_rows.replace(writer.conn, None, *dates)
    tick("link: write", steps, steps)
    return LinkReport(
        articles=len(linked),
        actors=len(resolved.actors),
        event_mentions=len(resolved.event_mentions),
        events=len(events),
        quotes=len(resolved.quotes),
        duplicate_groups=len(groups),
        stories=len(story_records),
        claims=len(claims),
        yearless_events=sum(1 for e in events if e.date and e.date.startswith("--")),
    )


def _story_dated(
    store: Store,
    resolved: Resolved,
    articles: Mapping[str, Article],
    duplicate_of: Mapping[str, str],
    story_of: Mapping[str, str],
) -> tuple[Resolved, tuple[dict[str, StoryDate], list[story_date_rows.OwnDate]]]:
    """The mentions of articles of unknown day re-dated by their story's dated events
    (`corpus.story_dates`), with the estimates and the re-dated mentions' own dates, which
    the caller stores as rows (`store.story_dates`) once the mentions are written, for
    incremental links (`analysis.story_redate`). The own dates are added now as well: a link
    stopped in between leaves every stored re-dated mention its own date (an extra row only
    repeats the date its article gave a mention)."""
    mentions, estimates = story_dated(
        resolved.event_mentions,
        articles=articles,
        duplicate_of=duplicate_of,
        story_of=story_of,
        timexes=resolved.timexes,
    )
    own = story_redate.own_dates(resolved.event_mentions, mentions)
    with store.engine.begin() as conn:
        story_date_rows.add_own_dates(conn, own)
    return replace_mentions(resolved, mentions), (estimates, own)


def _mention(data: Any) -> EventMention:
    if isinstance(data, str | bytes):
        return EventMention.model_validate_json(data)
    return EventMention.model_validate(data)  # PostgreSQL's driver hands JSON over parsed


def replace_mentions(resolved: Resolved, mentions: Sequence[EventMention]) -> Resolved:
    return dataclasses.replace(resolved, event_mentions=list(mentions))


def _claims(store: Store, articles: Sequence[Article]) -> list[Claim]:
    claims: list[Claim] = []
    for article in articles:
        if article.kind == "fact-check":
            document = store.document(article.document_id)
            jsonld = document.items[article.item - 1].hints.jsonld if document else ()
            claims.extend(extract_claims(article, jsonld=jsonld))
    return claims


def _context(article: Article, story: str | None) -> str:
    """What derived columns read from an article (digested with its records)."""
    return f"{article.published.value if article.published else ''}|{article.outlet}|{story}"


def link_new(
    store: Store, new: Sequence[str], *, settings: Settings, tick: Progress
) -> LinkReport | None:
    """Link only the articles in `new` against the stored records (None: link in full)."""
    if not new:
        return _counted(store, 0)
    stamp = inc.linked_at(store)
    with store.engine.connect() as conn:
        linked = inc.articles_by_id(conn, new)
    stories = story_table.StoredStories.open(store)
    if stories is None or stories.params() != story_index(settings).params():
        return None  # the stored story index cannot be continued
    analyses = {a.article: a for a in state.iter_analyses(store, article_ids=new)}
    linked = [a for a in linked if a.id in analyses]
    ids = {a.id for a in linked}
    tick("link: actors", 0, 6)
    resolved, actors = inc.resolve_new(store, [analyses[a.id] for a in linked])
    members = _link_copies(store, linked, settings, fresh=False, tick=tick, scoped=True)
    groups, dup_ids = _duplicate_groups(store, members, state.max_seq(store) + 1, scoped=True)
    touched_groups = [g for g in groups if ids.intersection(g.members)]
    regrouped = {m for g in touched_groups for m in g.members} - ids
    copies = {m: g.members for g in groups for m in g.members}
    duplicate_of = Canonicals(store.engine, {m: g.canonical for g in groups for m in g.members})
    tick("link: stories", 2, 6)
    stories.prefetch({c for a in linked for c in copies.get(a.id, (a.id,))})
    stories.need_terms_of(
        (a, resolved.keys.get(a.id, frozenset())) for a in linked if stories.story_of(a.id) is None
    )
    for article in linked:
        stories.add(
            article,
            keys=resolved.keys.get(article.id, frozenset()),
            copies=copies.get(article.id, (article.id,)),
        )
    story_records = stories.records_of(ids)
    linked_articles = regrouped | ({a for s in story_records for a in s.articles} - ids)
    tick("link: events", 3, 6)
    by_id = {a.id: a for a in linked}
    # `groups` holds only the copy groups the new articles joined: the re-dating reads the
    # stored groups of the other articles its search reaches (`story_redate.Copies`)
    redate = story_redate.redate_new(store, resolved, by_id=by_id, groups=groups, stories=stories)
    resolved = replace_mentions(resolved, redate.new)
    merged, touched, event_ids = inc.merge_touched(
        store,
        resolved.event_mentions,
        articles={**redate.known, **by_id},
        duplicate_of=duplicate_of,
        linked=linked_articles,
        stories=stories,
        next_seq=dup_ids.next_seq,
        regrouped=regrouped,
        redated=redate.stored,
    )
    events = [e for e, _, _ in merged]
    tick("link: claims", 4, 6)
    claims = _claims_of_new(store, linked, events, touched, resolved, by_id)
    tick("link: write", 5, 6)
    context = {a.id: _context(a, stories.story_of(a.id)) for a in linked}
    with store.engine.connect() as conn:
        # what `_context` reads (date, outlet) from the articles' columns, not their records
        heads = {e.mentions[0].article for e in events if e.mentions} - set(by_id)
        for article in inc.article_stubs(conn, heads).values():
            context[article.id] = _context(article, stories.story_of(article.id))
    old_dups = {
        dup_ids.previous[m][0] for g in touched_groups for m in g.members if m in dup_ids.previous
    }
    chosen_dups = {m: dup_ids.chosen[m] for g in touched_groups for m in g.members}
    with store.batch() as writer:
        state.update_assignments(writer.conn, "dup", chosen_dups)
        state.update_assignments(writer.conn, "event", event_ids.chosen, event_ids.stored)
        inc.write_some(writer, "actors", actors, [], context=context)
        writer.upsert_actor_keys(resolved.role_keys)
        records: dict[str, Sequence[Any]] = {
            "mentions": resolved.mentions,
            "timexes": resolved.timexes,
            "event_mentions": resolved.event_mentions,
            "quotes": resolved.quotes,
        }
        inc.write_articles(writer, records, sorted(ids), context=context, articles=by_id)
        gone_dups = sorted(old_dups - {g.id for g in touched_groups})
        inc.write_some(writer, "duplicate_groups", touched_groups, gone_dups, context=context)
        inc.write_some(writer, "stories", story_records, [], context=context)
        links = {e.id: m for e, m, _ in merged}
        inc.write_some(writer, "events", events, sorted(touched), context=context, links=links)
        inc.write_summaries(writer.conn, {e.id: d for e, _, d in merged}, touched)
        if claims is not None:
            stored = [r[0] for r in writer.conn.execute(select(S.claims.c.id))]
            inc.write_some(writer, "claims", claims, stored, context=context)
        story_table.save(writer.conn, stories)
        story_redate.write(writer, redate)
        writer.put_blob(inc.LINKED_AT_KEY, stamp)
    tick("link: write", 6, 6)
    return _counted(store, len(linked))


def _claims_of_new(
    store: Store,
    linked: Sequence[Article],
    events: Sequence[Event],
    touched: set[str],
    resolved: Resolved,
    by_id: dict[str, Article],
) -> list[Claim] | None:
    """The claims, re-linked when a new fact-check or new evidence arrives (else None)."""
    query = select(S.articles.c.id).where(S.articles.c.kind == "fact-check")
    with store.engine.connect() as conn:
        checks = inc.articles_by_id(conn, [r[0] for r in conn.execute(query)])
    fresh_claims = any(a.id in by_id for a in checks)
    return inc.relink_claims(
        store,
        _claims(store, checks),
        fresh_claims=fresh_claims,
        events=events,
        gone_events=touched,
        quotes=resolved.quotes,
        mentions=resolved.mentions,
        articles={**{a.id: a for a in checks}, **by_id},
    )


def _counted(store: Store, linked: int) -> LinkReport:
    counts = store.counts()
    date = S.events.c.date
    with store.engine.connect() as conn:
        # SQLite reads GLOB's prefix as a range of `ix_events_date` (its LIKE is case-blind)
        sqlite = conn.dialect.name == "sqlite"
        no_year = date.op("GLOB")("--*") if sqlite else date.startswith("--")
        yearless = conn.execute(select(func.count()).where(no_year)).scalar_one()
        analysed = conn.execute(select(func.count()).select_from(analysis_results)).scalar_one()
    return LinkReport(
        articles=int(analysed),
        yearless_events=int(yearless),
        **{f.name: counts[f.name] for f in fields(LinkReport) if f.name in S.record_tables},
    )
