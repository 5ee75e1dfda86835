"""Code one parsed article: events, quotes and timexes, each pointing back to its evidence.

`code_doc` is the event stage's entry point. It reads actors only through the nlp stage's
contract (`doc.spans["actors"]`, `Span._.actor`), so it works on any `Doc` whose text is the
article body: offsets in every record are offsets into `Article.body`.

Order matters: quotes first (their speakers resolve "I"/"we" inside them and mark the claims
a fact-check reviews), then events, dated and placed from their own clause, then the dates
events take from each other (`relative.py`: "the strikes" dated elsewhere, "two days after").
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc

from eventline.events.args import ActorIndex
from eventline.events.coder import CodingContext, candidates, to_mention
from eventline.events.component import events_from_spans
from eventline.events.dating import TimexIndex, find_doc_timexes
from eventline.events.doc_text import KEY as DOC_TEXT_KEY
from eventline.events.intervals import Intervals
from eventline.events.location import dateline_locations
from eventline.events.patterns import lexicon
from eventline.events.quotes import direct_quotes, indirect_quotes
from eventline.events.relative import Dated, refine_dates
from eventline.model import ActorRef, EventMention, Quote, Timex, content_id

KINDS = ("news", "opinion", "analysis", "fact-check")


@dataclass(frozen=True)
class CodedDoc:
    """What the event stage found in one article."""

    events: list[EventMention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    timexes: list[Timex] = field(default_factory=list)


def _dedupe(events: list[EventMention]) -> list[EventMention]:
    """One event per (sentence, type, actors, recipients, modality): the first trigger wins;
    and an event whose parties are a subset of another event of the same type in the same
    sentence is that event told again ("visited Iran, in his first trip abroad": the trip
    names no host; "met X for talks": the talks name no partner), so it is dropped."""
    seen: set[tuple[Any, ...]] = set()
    kept = []
    for ev in events:
        key = (
            ev.evidence.sentence,
            ev.type,
            tuple(a.id for a in ev.actor),
            tuple(r.id for r in ev.recipient),
            ev.modality,
        )
        if key not in seen:
            seen.add(key)
            kept.append(ev)
    return [ev for ev in kept if not any(_told_again(ev, other) for other in kept)]


def _told_again(ev: EventMention, other: EventMention) -> bool:
    if other is ev or other.type != ev.type or other.evidence.sentence != ev.evidence.sentence:
        return False
    if other.evidence.article != ev.evidence.article:
        return False
    mine = {a.id for a in ev.actor}, {r.id for r in ev.recipient}
    theirs = {a.id for a in other.actor}, {r.id for r in other.recipient}
    if mine == theirs:
        return False
    return mine[0] <= theirs[0] | theirs[1] and mine[1] <= theirs[1]


# Modalities of events the text reports as not having happened nor being under way: a
# condition, a wish or a question (PLOVER codes no hypothetical events); in a fact-check, the
# claim under review.
_NOT_HAPPENED = frozenset({"hypothetical"})


def _reported(events: list[EventMention], *, kind: str) -> list[EventMention]:
    """The events an analyst would code: not the hypothetical ones, and in a fact-check not
    the claims it reviews (marked alleged by `modality`)."""
    drop = _NOT_HAPPENED | ({"alleged"} if kind == "fact-check" else set())
    return [ev for ev in events if ev.modality not in drop]


#: The per-doc lookups the coder keeps in `doc.user_data` while it codes (`code_doc` removes
#: them): place entities, each sentence's words (not_events, rhetoric), each clause's place
#: (place_recipient), the main state country (rules_places) and the doc's text (`doc_text`).
SCRATCH_KEYS = (
    "eventline_place_ents",
    "eventline_sentence_words",
    "eventline_rhetoric_words",
    "eventline_clause_places",
    "eventline_main_state_country",
    DOC_TEXT_KEY,
)


def code_doc(
    doc: Doc,
    *,
    article_id: str,
    published: str | None,
    kind: str = "news",
    reported_only: bool = True,
) -> CodedDoc:
    """Events, quotes and timexes of one parsed article.

    `published` anchors relative dates and dates events that have no date of their own
    (precision "report"); `kind` switches on the opinion and fact-check modality rules.
    `reported_only=False` keeps the events the text reports as not having happened
    (hypothetical ones, a fact-check's claims), with their modality, for inspection.
    Per-doc lookups the coder caches in `doc.user_data` are removed before returning, so the
    doc still serialises (DocBin)."""
    if kind == "listing":  # H4: a listing page's body is teasers of other articles, not one story
        return CodedDoc()
    try:
        return _code_doc(
            doc, article_id=article_id, published=published, kind=kind, reported=reported_only
        )
    finally:
        for key in SCRATCH_KEYS:
            doc.user_data.pop(key, None)


#: What `ActorIndex.__init__` sets: all of it read from the doc, but `quote_speakers`.
_INDEX_FIELDS = frozenset({"doc", "by_token", "persons", "genders", "quote_speakers"})


def _with_speakers(doc: Doc, plain: ActorIndex, speakers: dict[int, ActorRef]) -> ActorIndex:
    """`ActorIndex(doc, quote_speakers=speakers)`, made from the index the direct quotes used:
    the two differ only in the speakers, and building one walks every actor span twice
    (nothing changes an index after it is built). Built anew if the index has grown other
    fields."""
    if set(vars(plain)) != _INDEX_FIELDS:
        return ActorIndex(doc, quote_speakers=speakers)
    index = copy.copy(plain)
    index.quote_speakers = speakers or {}
    return index


def _code_doc(
    doc: Doc, *, article_id: str, published: str | None, kind: str, reported: bool
) -> CodedDoc:
    lex = lexicon()
    plain = ActorIndex(doc)
    quotes, speakers = direct_quotes(doc, article_id=article_id, actors=plain, lex=lex)
    actors = _with_speakers(doc, plain, speakers)
    quotes += indirect_quotes(doc, article_id=article_id, actors=actors, lex=lex, direct=quotes)
    found = find_doc_timexes(doc, published=published)
    timexes = TimexIndex(doc, found)
    ctx = CodingContext(
        article_id=article_id,
        published=published,
        kind=kind,
        quote_spans=Intervals((q.start, q.end) for q in quotes if q.direct),
        sentence_of={s.start: i for i, s in enumerate(doc.sents)},
    )
    events = events_from_spans(doc)  # a coder component already ran (eventline_events_v1, ...)
    if events is None:
        coded = [
            Dated(c, to_mention(c, ctx, timexes, actors, lex)) for c in candidates(doc, actors, lex)
        ]
        events = refine_dates(coded, timexes, actors, lex)
        events = _dedupe(_reported(events, kind=kind) if reported else events)
    # issue 9: location.py; the plain index (the speakers matter to no place)
    events = dateline_locations(doc, events, published=published, actors=plain)
    return CodedDoc(
        events=events,
        quotes=sorted(quotes, key=lambda q: q.start),
        timexes=[
            Timex(
                id=content_id("tmx", article_id, t.start, t.end),
                article=article_id,
                start=t.start,
                end=t.end,
                text=t.text,
                type=t.type,
                value=t.value,
                anchor=t.anchor,
            )
            for t in found
        ],
    )


def code_text(nlp: Any, text: str, *, published: str | None, kind: str = "news") -> CodedDoc:
    """Parse and code a piece of text (`eventline code "SENTENCE" --date`)."""
    article_id = content_id("txt", text, published)
    doc = nlp(text)
    for name, value in (("article", article_id), ("published", published)):
        if Doc.has_extension(name):
            setattr(doc._, name, value)
    if published and Doc.has_extension("actor_table"):
        from eventline.nlp.holders import redate  # who a surname means at the given date

        redate(doc)
    return code_doc(doc, article_id=article_id, published=published, kind=kind)
