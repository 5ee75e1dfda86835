"""The analysis pipeline over the store: nlp → events → corpus, as one library call.

Per-article work (parsing, actor recognition, event coding) is cached: a parse is stored as a
blob keyed by article id and model version, so a re-run parses only new articles. The corpus
stages see every article: near-duplicate and story indexes are incremental and persisted;
actor resolution, event merging and claims are recomputed from the cached per-article results,
which is cheap next to parsing. The whole result replaces the previous analysis in one
transaction."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from eventline.corpus.claims import extract_claims
from eventline.corpus.claims_link import link_claims
from eventline.corpus.dedup import DuplicateIndex
from eventline.corpus.merge import merge_events
from eventline.corpus.stories import StoryIndex
from eventline.events import CodedDoc, code_doc
from eventline.model import Article, Claim, DuplicateGroup, Event, EventMention, Quote, Story
from eventline.nlp import docs_from_bytes, docs_to_bytes, load_nlp, model_version, resolve_docs
from eventline.settings import Settings
from eventline.store import Store

DEDUP_KEY = "index:duplicates"
STORIES_KEY = "index:stories"

Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class AnalysisReport:
    articles: int
    parsed: int
    actors: int
    event_mentions: int
    events: int
    quotes: int
    duplicate_groups: int
    stories: int
    claims: int


def _parse(
    nlp: Language,
    articles: Sequence[Article],
    store: Store,
    *,
    settings: Settings,
    progress: Progress | None,
) -> tuple[list[Doc], dict[str, bytes]]:
    """Docs for every article: from the cache where present, else parsed (new cache blobs
    returned, to be written with the analysis)."""
    version = model_version(nlp)
    docs: dict[str, Doc] = {}
    todo: list[Article] = []
    for article in articles:
        cached = store.get_blob(f"parse:{version}:{article.id}")
        if cached is None:
            todo.append(article)
        else:
            docs[article.id] = docs_from_bytes(nlp, cached)[0]
    fresh: dict[str, bytes] = {}
    pairs = ((a.body, a) for a in todo)
    stream = nlp.pipe(
        pairs, as_tuples=True, n_process=settings.processes, batch_size=settings.batch_size
    )
    for done, (doc, article) in enumerate(stream, start=1):
        doc._.article = article.id
        doc._.published = article.published.value if article.published else None
        fresh[f"parse:{version}:{article.id}"] = docs_to_bytes([doc])
        docs[article.id] = doc
        if progress is not None:
            progress("parse", done, len(todo))
    return [docs[a.id] for a in articles], fresh


def _link_corpus(
    articles: Sequence[Article],
    store: Store,
    keys: dict[str, frozenset[str]],
    *,
    processes: int,
) -> tuple[DuplicateIndex, StoryIndex]:
    """Add the articles the persisted indexes have not seen yet."""
    dedup_blob = store.get_blob(DEDUP_KEY)
    dedup = DuplicateIndex.load(dedup_blob) if dedup_blob else DuplicateIndex()
    story_blob = store.get_blob(STORIES_KEY)
    stories = StoryIndex.load(story_blob) if story_blob else StoryIndex()
    dedup.add_many(articles, processes=processes)
    for article in articles:
        if stories.story_of(article.id) is None:
            stories.add(
                article, keys=keys.get(article.id, frozenset()), copies=dedup.members(article.id)
            )
    return dedup, stories


def analyse(
    store: Store, *, settings: Settings, progress: Progress | None = None
) -> AnalysisReport:
    """Run nlp, events and corpus linking over every stored article."""
    articles = list(store.iter_articles())
    nlp = load_nlp()
    docs, fresh = _parse(nlp, articles, store, settings=settings, progress=progress)
    extraction = resolve_docs(docs, articles)
    coded: list[CodedDoc] = []
    for done, (article, doc) in enumerate(zip(articles, extraction.docs, strict=True), start=1):
        published = article.published.value if article.published else None
        coded.append(code_doc(doc, article_id=article.id, published=published, kind=article.kind))
        if progress is not None:
            progress("code", done, len(articles))
    mentions: list[EventMention] = [e for c in coded for e in c.events]
    quotes: list[Quote] = [q for c in coded for q in c.quotes]
    # Actor ids per article: the story index's shared-entity cue.
    actor_ids: dict[str, set[str]] = {}
    for m in extraction.mentions:
        if m.actor is not None:
            actor_ids.setdefault(m.article, set()).add(m.actor.id)
    keys = {article: frozenset(ids) for article, ids in actor_ids.items()}
    dedup, stories = _link_corpus(articles, store, keys, processes=settings.processes)
    groups: list[DuplicateGroup] = dedup.groups()
    duplicate_of = {member: g.canonical for g in groups for member in g.members}
    by_id = {a.id: a for a in articles}
    events: list[Event] = merge_events(mentions, articles=by_id, duplicate_of=duplicate_of)
    claims: list[Claim] = []
    for article in articles:
        if article.kind == "fact-check":
            document = store.document(article.document_id)
            jsonld = document.items[article.item - 1].hints.jsonld if document else ()
            claims.extend(extract_claims(article, jsonld=jsonld))
    claims = link_claims(
        claims, events=events, quotes=quotes, articles=by_id, mentions=extraction.mentions
    )  # H6 (#13): mentions resolve each claimant to an actor
    story_records: list[Story] = stories.stories()
    store.replace_analysis(
        {
            "actors": extraction.actors,
            "mentions": extraction.mentions,
            "event_mentions": mentions,
            "quotes": quotes,
            "timexes": [t for c in coded for t in c.timexes],
            "duplicate_groups": groups,
            "stories": story_records,
            "events": events,
            "claims": claims,
        },
        {**fresh, DEDUP_KEY: dedup.dump(), STORIES_KEY: stories.dump()},
    )
    return AnalysisReport(
        articles=len(articles),
        parsed=len(fresh),
        actors=len(extraction.actors),
        event_mentions=len(mentions),
        events=len(events),
        quotes=len(quotes),
        duplicate_groups=len(groups),
        stories=len(story_records),
        claims=len(claims),
    )
