"""Public models: the shape of what eventline answers, shared by `--json`, exports and the
API. They are kept apart from the records stages pass each other (`eventline.model`) and from
the rows of the store, so either may change without changing an answer (the FastAPI
template's stored / public split). Field names follow docs/exports.md.

A list answer is a `Page`: the records (`data`), how many match in all (`count`; None when
the caller did not ask for it, as the exports, which page through everything, do not), and
the opaque cursor of the next page (`next_cursor`, None on the last page).

Each model's fields, in order, are also the columns of its export file (`EXPORTS` in
`eventline.exports`): there is no second field list to keep in step."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict

from eventline.model import ActorRef, Evidence, Place, Related, Review, Role

T = TypeVar("T", bound=BaseModel)


class Public(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Page(Public, Generic[T]):
    data: list[T]
    count: int | None
    next_cursor: str | None = None


class MentionOut(Public):
    article: str
    start: int
    end: int
    text: str


class ArticleOut(Public):
    id: str
    document_id: str
    source_path: str
    item: int
    kind: str
    title: str | None
    standfirst: str | None
    outlet: str | None
    wire: str | None
    author: str | None
    section: str | None
    dateline: str | None
    url: str | None
    published: str | None
    published_precision: str | None
    published_evidence: str | None
    body: str
    captions: list[str]
    duplicate_group: str | None
    story: str | None
    # kind "listing" only: the page's items, with the fields of `ListingItemOut` except
    # `article` and `position`
    items: list[dict[str, Any]] = []


class ActorOut(Public):
    id: str
    name: str
    type: str
    country: str | None
    sector: str | None
    role: str | None
    roles: list[Role]
    aliases: list[str]
    mentions: list[MentionOut]


class EventOut(Public):
    """A merged event (or, before corpus linking has run, one event mention)."""

    id: str
    type: str
    mode: str | None
    context: list[str]
    actor: list[ActorRef]
    recipient: list[ActorRef]
    date: str | None
    date_precision: str | None
    location: Place | None
    modality: str
    mentions: list[Evidence]
    sources: int
    quad_class: str | None = None
    score: float | None = None
    story: str | None = None
    cameo: str | None = None
    goldstein: float | None = None
    content: str | None = None


class QuoteOut(Public):
    id: str
    speaker: ActorRef | None
    speaker_text: str | None
    addressee: ActorRef | None
    text: str
    direct: bool
    article: str
    start: int
    end: int
    date: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None


class ClaimOut(Public):
    id: str
    claim: str
    claimant: str | None
    date: str | None
    verdict: str | None
    reviewer_article: str
    related: list[Related]
    rating: str | None = None
    label: str | None = None
    claimant_kind: str | None = None
    claimant_span: tuple[int, int] | None = None
    claimant_actor: ActorRef | None = None
    reviews: list[Review] = []


class TimexOut(Public):
    id: str
    article: str
    start: int
    end: int
    text: str
    type: str
    value: str
    anchor: str | None


class StoryOut(Public):
    id: str
    title: str
    articles: list[str]  # member article ids, in the order the story took them in
    start: str | None
    end: str | None


class ListingItemOut(Public):
    """One item of a listing page (an article of kind `listing`), as the page shows it."""

    article: str  # the listing page
    position: int  # 1-based, in the order the page shows its items
    title: str
    teaser: str | None
    url: str | None
    published: str | None
    outlet: str | None
    topic: str | None
    captured: str | None
    fetch: bool


class TimelineBucket(Public):
    period: str  # "2025-06" or "2025-W26"
    events: int
    score: float | None  # mean PLOVER score of the period's events
    score_sum: float
    types: dict[str, int]
    quads: dict[str, int]
    scored: int = 0  # events with a PLOVER score, the divisor of `score`


class DyadTimeline(Public):
    a: str
    b: str
    by: str
    directed: bool
    periods: list[TimelineBucket]
    undated: int
    coarse: int


class SearchHit(Public):
    kind: str  # "article", "quote" or "evidence"
    id: str  # the article, quote or event mention id
    article: str
    title: str | None
    outlet: str | None
    published: str | None
    snippet: str
    score: float
