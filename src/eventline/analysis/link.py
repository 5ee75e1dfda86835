"""Corpus linking over stored per-article results: actors, copies, stories, events, claims.

Reads `ArticleAnalysis` records and never parses. Near-duplicates are found through the LSH
band table in the store (`dedup_table`: each new article reads only its candidates); the
story index is a persisted blob. Both are incremental (an article filed once is not filed
again) unless
`fresh` is asked for (`eventline relink`), their parameters changed in the settings, or an
article they hold was deleted. Merged events and duplicate groups keep the ids they were
given (`ids.StableIds` over `id_assignments`). The records replace the previous corpus
records in one transaction; the id assignments are written just before, so a run killed in
between re-links to the same ids.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from eventline.analysis import state
from eventline.analysis.dedup_table import Member, StoredDuplicates, canonical, stale
from eventline.analysis.ids import StableIds
from eventline.analysis.resolve import resolve_analyses
from eventline.analysis.sync import sync_records
from eventline.corpus.claims import extract_claims
from eventline.corpus.claims_link import link_claims
from eventline.corpus.dedup import DuplicateIndex, Thresholds
from eventline.corpus.merge import merge_events
from eventline.corpus.stories import StoryIndex
from eventline.model import Article, Claim, DuplicateGroup
from eventline.settings import Settings
from eventline.store import Store

DEDUP_PARAMS_KEY = "index:duplicates:params"
STORIES_KEY = "index:stories"

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


def _story_index(store: Store, present: set[str], settings: Settings, *, fresh: bool) -> StoryIndex:
    """The persisted story index, or a new one when it cannot be continued."""
    stories = story_index(settings)
    blob = None if fresh else store.get_blob(STORIES_KEY)
    if blob is None:
        return stories
    old = StoryIndex.load(blob)
    same = old.params() == stories.params() and set(old.ids()) <= present
    return old if same else stories


def _link_copies(
    store: Store, linked: Sequence[Article], settings: Settings, *, fresh: bool, tick: Progress
) -> dict[int, list[Member]]:
    """Add the articles the band table lacks (all of them when it must be rebuilt) and return
    every group's members in arrival order."""
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
            for article in todo[start : start + 200]:
                table.add(conn, article)
        tick("link: copies", min(start + 200, len(todo)), len(todo))
    if rebuild:
        store.put_blob(DEDUP_PARAMS_KEY, params)
    with store.engine.connect() as conn:
        return table.groups(conn)


def _duplicate_groups(
    store: Store, members: dict[int, list[Member]], next_seq: int
) -> tuple[list[DuplicateGroup], StableIds]:
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
    """Recompute the corpus records from the stored per-article results."""
    tick = progress or (lambda _stage, _done, _total: None)
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
    stories = _story_index(store, {a.id for a in linked}, settings, fresh=fresh)
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
    events = merge_events(
        resolved.event_mentions,
        articles=by_id,
        duplicate_of=duplicate_of,
        story_of=story_of,
        assign_ids=event_ids,
    )
    tick("link: claims", 4, steps)
    claims = link_claims(
        _claims(store, linked),
        events=events,
        quotes=resolved.quotes,
        articles=by_id,
        mentions=resolved.mentions,  # H6 (#13): mentions resolve each claimant to an actor
    )
    tick("link: write", 5, steps)
    with store.engine.begin() as conn:
        state.replace_assignments(conn, "dup", state.assignment_rows("dup", dup_ids.chosen))
        state.replace_assignments(conn, "event", state.assignment_rows("event", event_ids.chosen))
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
        {STORIES_KEY: stories.dump()},
        context={
            a.id: f"{a.published.value if a.published else ''}|{a.outlet}|{story_of.get(a.id)}"
            for a in linked
        },
    )
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


def _claims(store: Store, articles: Sequence[Article]) -> list[Claim]:
    claims: list[Claim] = []
    for article in articles:
        if article.kind == "fact-check":
            document = store.document(article.document_id)
            jsonld = document.items[article.item - 1].hints.jsonld if document else ()
            claims.extend(extract_claims(article, jsonld=jsonld))
    return claims
