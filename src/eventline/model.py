"""Plain records passed between pipeline stages.

Every record is immutable and carries an id derived from its content, so re-running a stage on
the same input yields the same ids and the store can upsert instead of duplicating. Stages hand
each other these records, never database rows or dicts of dicts.

Offsets: a `Document` keeps its raw bytes verbatim plus `text`, the decoded reading layer of the
format (the file for plain text, trafilatura's main text for HTML, the entries' texts for feeds
and JSONL). Every `Article` maps its cleaned `body` back into `Document.text` through `pieces`;
every later fact (mention, event, quote) points to an article and a character span of its body.
"""

from __future__ import annotations

import hashlib
from typing import Literal

from pydantic import BaseModel, ConfigDict

Format = Literal["text", "html", "rss", "atom", "jsonl"]
Kind = Literal["news", "opinion", "analysis", "fact-check", "listing"]
Precision = Literal["day", "month", "year", "monthday"]
Modality = Literal["asserted", "planned", "hypothetical", "negated", "alleged", "speculative"]
Verdict = Literal["true", "false", "mixed", "unproven"]
# A fact-checker's rating normalised across outlets' scales (resources/corpus/ratings.yaml,
# docs/claims.md); "unrated" when the article states no rating.
Rating = Literal[
    "true", "mostly-true", "mixed", "misleading", "missing-context", "mostly-false", "false",
    "pants-on-fire", "unproven", "satire", "no-flip", "half-flip", "full-flop", "unrated",
]  # fmt: skip
ClaimantKind = Literal["person", "organisation", "social-media"]


def content_id(prefix: str, *parts: object) -> str:
    """Stable id from content: the same parts always give the same id (sqlite-utils' hash_id)."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return f"{prefix}_{digest[:16]}"


class Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ListingItem(Record):
    """One item of a listing page (a section front, topic hub, tag or search page): its
    headline, teaser, link, date and outlet as the page shows them, with the page's own
    capture time and topic. `fetch` marks an item whose link leads to a full article, so a
    later fetch can replace the teaser with that article. `start`/`end` locate the item in
    the listing article's body."""

    title: str
    teaser: str | None = None
    url: str | None = None
    published: str | None = None
    outlet: str | None = None
    topic: str | None = None
    captured: str | None = None
    fetch: bool = False
    start: int = 0
    end: int = 0


class Hints(Record):
    """Metadata an input carries beside its text (feed fields, JSONL fields, HTML meta) or that
    the user supplied with --published/--outlet/--url. Stronger than anything read from prose."""

    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    section: str | None = None
    kind: Kind | None = None
    published: str | None = None
    captured: str | None = None
    url: str | None = None
    jsonld: tuple[str, ...] = ()
    # A date the page states somewhere (htmldate's wider search) when its metadata names no
    # publication date: weaker than a date printed with the story, stronger than a guess.
    page_date: str | None = None
    # The publication and update stamps printed in the story's header (ISO, local time, no
    # offset): the page's own day, stronger than `page_date` (see ingest/pagedate.py).
    printed_date: str | None = None
    printed_updated: str | None = None
    # The items of a listing page, as the HTML reader found them (kind "listing").
    listing: tuple[ListingItem, ...] = ()


class Notice(Record):
    """A value an input carries that could not be used (a `published` that is no date, a
    `javascript:` URL): the input is stored without it, and the ingest report says so.
    `where` names the place in the input ("line 3", "entry 2", "page metadata")."""

    source_path: str
    where: str
    field: str
    value: str
    reason: str


class Item(Record):
    """A region of `Document.text` that the container format says is one unit (a feed entry,
    a JSONL line, the whole file). The clean stage may split it further."""

    start: int
    end: int
    hints: Hints = Hints()


class Document(Record):
    id: str
    source_path: str
    format: Format
    raw: bytes
    text: str
    encoding: str
    items: tuple[Item, ...]
    hints: Hints = Hints()
    # Values of the input that could not be used and were dropped (never stored; reported).
    notices: tuple[Notice, ...] = ()

    @staticmethod
    def make_id(raw: bytes) -> str:
        return "doc_" + hashlib.sha256(raw).hexdigest()[:16]


class Piece(Record):
    """`length` body characters from `body_start` equal Document.text from `doc_start`."""

    body_start: int
    doc_start: int
    length: int


class Removal(Record):
    """A span of Document.text left out of an article, and why (shown by `eventline show`)."""

    start: int
    end: int
    reason: str
    text: str


class Caption(Record):
    text: str
    credit: str | None = None
    start: int
    end: int


class Published(Record):
    """A publication date with its precision and the evidence it rests on.

    `value` is `YYYY-MM-DD`, `YYYY-MM`, `YYYY` or `--MM-DD` (day and month, year unknown)."""

    value: str
    precision: Precision
    evidence: str
    source: str | None = None


class Article(Record):
    id: str
    document_id: str
    source_path: str
    item: int
    kind: Kind = "news"
    title: str | None = None
    standfirst: str | None = None
    outlet: str | None = None
    wire: str | None = None
    author: str | None = None
    section: str | None = None
    dateline: str | None = None
    url: str | None = None
    published: Published | None = None
    body: str
    pieces: tuple[Piece, ...] = ()
    captions: tuple[Caption, ...] = ()
    removed: tuple[Removal, ...] = ()
    items: tuple[ListingItem, ...] = ()  # kind "listing" only: the page's items

    @staticmethod
    def make_id(document_id: str, item: int) -> str:
        return content_id("art", document_id, item)

    def doc_offset(self, body_offset: int) -> int | None:
        """Map a body offset back into Document.text (None inside a separator we inserted)."""
        for piece in self.pieces:
            if piece.body_start <= body_offset < piece.body_start + piece.length:
                return piece.doc_start + body_offset - piece.body_start
        return None


class Rejection(Record):
    """An input, or part of one, that was not stored, with the reason (never a silent None)."""

    source_path: str
    reason: str
    item: int | None = None


# --- records produced by later stages (nlp, events, corpus) -------------------------------


class Evidence(Record):
    article: str
    sentence: int
    start: int
    end: int
    text: str = ""
    caption: bool = False  # offsets are into the caption (`Article.captions`), not the body


class Role(Record):
    """A role a person holds or held; `start`/`end` (ISO dates) come with KB role histories."""

    title: str
    country: str | None = None
    sector: str | None = None
    past: bool = False
    start: str | None = None
    end: str | None = None


class Actor(Record):
    id: str
    name: str
    type: Literal["person", "organization", "country", "group"]
    country: str | None = None
    sector: str | None = None
    roles: tuple[Role, ...] = ()
    aliases: tuple[str, ...] = ()


class ActorRef(Record):
    """An actor as one mention or event sees it; `kb_id` names the actor KB's person when the
    name was resolved there (`eventline.nlp.who.person_at(kb_id, day)` gives the role then)."""

    id: str
    name: str
    country: str | None = None
    sector: str | None = None
    kb_id: str | None = None


class Mention(Record):
    id: str
    article: str
    start: int
    end: int
    text: str
    label: str
    actor: ActorRef | None = None


class Timex(Record):
    id: str
    article: str
    start: int
    end: int
    text: str
    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str
    anchor: str | None = None


class Place(Record):
    """Where an event happened. `kind` is country, admin1 or city; a city or US state comes
    with its GeoNames id and coordinates; `admin1` is the first-level region (a US state's
    name, else the region's news name from GeoNames, or None when GeoNames names none). Countries
    have no coordinates: the capital is not a default location."""

    name: str
    country: str | None = None
    admin1: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geonames_id: int | None = None
    kind: Literal["country", "admin1", "city"] | None = None
    # Where the place was read (issue 9): "text" (the event's own clause names it),
    # "context" (the clause or sentence before sets the scene) or "dateline" (filed from there).
    source: Literal["text", "context", "dateline"] = "text"


class EventCore(Record):
    """What an event is, whether seen in one sentence or merged across articles."""

    id: str
    type: str
    mode: str | None = None
    context: tuple[str, ...] = ()
    actor: tuple[ActorRef, ...] = ()
    recipient: tuple[ActorRef, ...] = ()
    date: str | None = None
    date_precision: str | None = None
    location: Place | None = None
    modality: Modality = "asserted"
    # GDELT-comparable fields (issue 11): the CAMEO code of the type and mode (from PLOVER's
    # CAMEO2PLOVER table) and the Goldstein score of that code's CAMEO root.
    cameo: str | None = None
    goldstein: float | None = None
    # The action a speech act is about ("agreed to reopen the border" → AGREE, content
    # "reopen the border"), kept when the act, not the action, is the event.
    content: str | None = None


class EventMention(EventCore):
    """One sentence's report of an event."""

    trigger: str = ""
    evidence: Evidence


class Quote(Record):
    id: str
    article: str
    speaker: ActorRef | None = None
    speaker_text: str | None = None
    addressee: ActorRef | None = None
    text: str
    direct: bool
    start: int
    end: int
    # Where the speaker is named (article offsets), when the text names one near the quote.
    speaker_start: int | None = None
    speaker_end: int | None = None


class DuplicateGroup(Record):
    id: str
    canonical: str
    members: tuple[str, ...]
    similarity: float


class Story(Record):
    id: str
    title: str
    articles: tuple[str, ...]
    start: str | None = None
    end: str | None = None


class Event(EventCore):
    """One real event: its mentions across articles and how many independent sources."""

    mentions: tuple[Evidence, ...] = ()
    sources: int = 1


class Related(Record):
    id: str
    relation: Literal["supports", "contradicts"]


class Review(Record):
    """One fact-checker's reading of a claim: the claim as that article words it, who made
    it (with its span in the article body when the body names them), and the rating."""

    article: str
    outlet: str | None = None
    claim: str
    claimant: str | None = None
    claimant_kind: ClaimantKind | None = None
    claimant_span: tuple[int, int] | None = None
    claimant_actor: ActorRef | None = None
    date: str | None = None
    verdict: Verdict | None = None
    rating: Rating | None = None
    label: str | None = None


class Claim(Record):
    """A checked claim. `verdict` is the coarse reading, `rating` the fact-checker's rating on
    the normalised scale and `label` the rating as printed. A claim checked by several
    fact-checkers is one Claim whose `reviews` hold each checker's reading (the first review
    is the one the top-level fields come from)."""

    id: str
    claim: str
    claimant: str | None = None
    date: str | None = None
    verdict: Verdict | None = None
    reviewer_article: str
    related: tuple[Related, ...] = ()
    rating: Rating | None = None
    label: str | None = None
    claimant_kind: ClaimantKind | None = None
    claimant_span: tuple[int, int] | None = None
    claimant_actor: ActorRef | None = None
    reviews: tuple[Review, ...] = ()


# --- per-article analysis and its failures (eventline.analysis) ----------------------------


class ArticleAnalysis(Record):
    """What one article yields on its own, before any corpus linking: written once per article
    and analysis key, so corpus linking (`eventline relink`) never needs to parse again.

    Actor refs in `mentions`, `event_mentions` and `quotes` carry document-local ids, the keys
    of `actors` (the nlp stage's doc-local actor table); corpus linking maps them to canonical
    actor ids."""

    article: str
    key: str
    actors: dict[str, dict[str, object]] = {}
    mentions: tuple[Mention, ...] = ()
    event_mentions: tuple[EventMention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    timexes: tuple[Timex, ...] = ()
    words: int = 0
    chunks: int = 1


class AnalysisFailure(Record):
    """An article a per-article stage could not process, with the stage and the reason; the
    rest of the run goes on and `eventline errors` lists these."""

    article: str
    stage: str
    reason: str
    key: str
