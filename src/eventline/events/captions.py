"""Dated photo captions as evidence: "X meets Y in Z on <date>" under a picture.

Captions are kept apart from the body (`Article.captions`) because they describe pictures,
not the story. One kind is still evidence of an event: a caption in the present tense (the
photographed act) that states a full calendar date ("... shakes hands with ... on 3 May
2021"). Such a caption is parsed with the article's pipeline and coded like a sentence. Its
present-tense events take the caption's one stated day (a caption's date dates its picture,
however far from the verb the parser attaches it); an event with a day of its own keeps it;
the rest are dropped. They point back to the caption (`Evidence.caption`, offsets into the
caption's place in the article).

Captions without a full date (most of them) are never parsed, so the cost is a regular
expression per caption and one short parse for the few that carry a date. The per-article
step parses those in the same `nlp.pipe` batches as the bodies (`dated_captions` names them,
`code_captions(parsed=...)` takes their docs): one `nlp()` call per caption costs the
pipeline's per-call overheads again for a few dozen words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from eventline.events.document import code_doc
from eventline.model import Article, Caption, EventMention, Timex, content_id

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
#: A day, month and year: "October 11, 2024", "11 October 2024", "2024-10-11".
FULL_DATE = re.compile(
    rf"\b(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2})\b"
)
_PRESENT = {"VBZ", "VBP"}
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def dated_caption(caption: Caption) -> bool:
    """Whether a caption states a full calendar date (only those are coded)."""
    return FULL_DATE.search(caption.text) is not None


def dated_captions(article: Article) -> list[Caption]:
    """The article's captions that are coded (`dated_caption`), in order: what the per-article
    step parses along with the body."""
    return [c for c in article.captions if dated_caption(c)]


def _present_trigger(doc: Doc, event: EventMention) -> bool:
    """The event's trigger is a present-tense verb (the act in the picture), or a noun or
    participle governed by one ("holds talks with", "is seen meeting")."""
    start, end = event.evidence.start, event.evidence.end
    words = event.trigger.split()
    for tok in doc:
        if not words or tok.idx < start or tok.idx >= end or tok.text != words[0]:
            continue
        if tok.tag_ in _PRESENT or tok.head.tag_ in _PRESENT:
            return True
    return False


def _day(event: EventMention) -> bool:
    return event.date_precision == "day" and event.date is not None and len(event.date) == 10


def _own_undated(event: EventMention) -> bool:
    return event.date is None or event.date_precision in (None, "report")


def _caption_day(timexes: Sequence[Timex]) -> str | None:
    """The one calendar day a caption states: a caption's date is the picture's ("... meets
    ... in Ashgabat on <date>"), however far the parser attaches it from the verb; a caption
    naming several days dates nothing by this convention."""
    days = {t.value for t in timexes if _ISO_DAY.match(t.value)}
    return days.pop() if len(days) == 1 else None


def caption_events(
    article: Article,
    parse: Callable[[str], Doc],
    *,
    code: Callable[..., object] = code_doc,
) -> list[EventMention]:
    """Events of the article's dated captions, each marked as coming from its caption.

    `parse` turns a caption's text into a Doc with the article's context set (the per-article
    step passes its own parser, so captions go through the same pipeline as the body)."""
    published = article.published.value if article.published else None
    out: list[EventMention] = []
    for index, caption in enumerate(article.captions):
        if not dated_caption(caption):
            continue
        doc = parse(caption.text)
        coded = code(doc, article_id=article.id, published=published, kind=article.kind)
        stated = _caption_day(getattr(coded, "timexes", []))
        for event in getattr(coded, "events", []):
            if not _present_trigger(doc, event):
                continue
            if not _day(event) and stated is not None and _own_undated(event):
                event = event.model_copy(update={"date": stated, "date_precision": "day"})
            if _day(event):
                out.append(_moved(event, article, caption, index))
    return out


def _moved(event: EventMention, article: Article, caption: Caption, index: int) -> EventMention:
    """The event with evidence in its caption and an id no body event can share."""
    evidence = event.evidence.model_copy(
        update={
            "sentence": 0,
            "start": caption.start + event.evidence.start,
            "end": caption.start + event.evidence.end,
            "caption": True,
        }
    )
    return event.model_copy(
        update={
            "id": content_id("evm", article.id, "caption", index, event.id),
            "evidence": evidence,
        }
    )


def code_captions(
    article: Article, nlp: Language, *, parsed: Sequence[Doc] | None = None
) -> tuple[list[EventMention], dict[str, dict[str, Any]]]:
    """`caption_events` with the article's pipeline (the per-article step's hook), and the
    doc-local actors the captions name (merged into the article's actor table). `parsed`: the
    docs of `dated_captions(article)`, in order, already parsed with the article's context
    set (the per-article step pipes them with the bodies); without it each is parsed here."""
    actors: dict[str, dict[str, Any]] = {}
    ready = iter(parsed) if parsed is not None else None

    def parse(text: str) -> Doc:
        doc = next(ready, None) if ready is not None else None
        if doc is None or doc.text != text:
            doc = nlp(text)
            doc._.article = article.id
            doc._.published = article.published.value if article.published else None
        actors.update(doc._.actor_table or {})
        return doc

    return caption_events(article, parse), actors
