"""Corpus linking over stored per-article results: actors, copies, stories, events, claims.

Reads `ArticleAnalysis` records and never parses. The near-duplicate and story indexes are
incremental (persisted state; articles they have already filed are not re-filed) unless
`fresh` is asked for (`eventline relink`), their parameters changed in the settings, or an
article they hold was deleted. Merged events and duplicate groups keep the ids they were
given (`ids.StableIds` over `id_assignments`). The records replace the previous corpus
records in one transaction; the id assignments are written just before, so a run killed in
between re-links to the same ids.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from eventline.analysis import state
from eventline.analysis.ids import StableIds
from eventline.analysis.resolve import resolve_analyses
from eventline.corpus.claims import extract_claims
from eventline.corpus.claims_link import link_claims
from eventline.corpus.dedup import DuplicateIndex, Thresholds
from eventline.corpus.merge import merge_events
from eventline.corpus.stories import StoryIndex
from eventline.model import Article, Claim
from eventline.settings import Settings
from eventline.store import Store

DEDUP_KEY = "index:duplicates"
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


def _indexes(
    store: Store, present: set[str], settings: Settings, *, fresh: bool
) -> tuple[DuplicateIndex, StoryIndex]:
    """The persisted indexes, or new ones when they cannot be continued."""
    dedup, stories = dedup_index(settings), story_index(settings)
    if fresh:
        return dedup, stories
    dedup_blob, story_blob = store.get_blob(DEDUP_KEY), store.get_blob(STORIES_KEY)
    if dedup_blob is None or story_blob is None:
        return dedup, stories
    old_dedup, old_stories = DuplicateIndex.load(dedup_blob), StoryIndex.load(story_blob)
    same = (
        old_dedup.thresholds == dedup.thresholds
        and old_stories.params() == stories.params()
        and set(old_dedup.ids()) <= present
        and set(old_stories.ids()) <= present
    )
    return (old_dedup, old_stories) if same else (dedup, stories)


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
    tick("link: copies", 1, steps)
    dedup, stories = _indexes(store, {a.id for a in linked}, settings, fresh=fresh)
    dedup.add_many(linked, processes=settings.processes)
    tick("link: stories", 2, steps)
    for article in linked:
        if stories.story_of(article.id) is None:
            stories.add(
                article,
                keys=resolved.keys.get(article.id, frozenset()),
                copies=dedup.members(article.id),
            )
    tick("link: events", 3, steps)
    next_seq = state.max_seq(store) + 1
    dup_ids = StableIds("dup", state.assignments(store, "dup"), next_seq=next_seq)
    groups = dedup.groups(assign_ids=dup_ids)
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
        _claims(store, linked), events=events, quotes=resolved.quotes, articles=by_id
    )
    tick("link: write", 5, steps)
    with store.engine.begin() as conn:
        state.replace_assignments(conn, "dup", state.assignment_rows("dup", dup_ids.chosen))
        state.replace_assignments(conn, "event", state.assignment_rows("event", event_ids.chosen))
    store.replace_analysis(
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
        {DEDUP_KEY: dedup.dump(), STORIES_KEY: stories.dump()},
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
