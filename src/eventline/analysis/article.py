"""The per-article step: one article in, its `ArticleAnalysis` (or the failure) out.

`analyse_article` is pure with respect to the corpus: it reads only the article, the loaded
pipeline and the settings, so it can run for one new feed item, be cached per article, or be
mapped over a partition. Actor refs keep the nlp stage's document-local ids; corpus linking
maps them to canonical actors (`eventline.analysis.link`).

`analyse_batch` runs a batch through `nlp.pipe` (batching is what makes spaCy fast) with every
article under its own guard: when the batch fails, its articles are retried one by one and
each failure becomes an `AnalysisFailure` naming the stage, so one poison article never stops
the others.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from eventline.analysis.chunks import Chunk, split_text
from eventline.analysis.key import ANALYSIS_VERSION as ANALYSIS_VERSION  # re-exported
from eventline.analysis.key import analysis_key
from eventline.analysis.key import model_package as model_package  # re-exported
from eventline.events import code_doc
from eventline.events.captions import code_captions, dated_captions
from eventline.model import (
    AnalysisFailure,
    Article,
    ArticleAnalysis,
    EventMention,
    Mention,
    Quote,
    Timex,
    content_id,
)
from eventline.nlp import SPAN_KEY
from eventline.nlp.extensions import actor_of, stored_ref
from eventline.settings import Settings

Outcome = ArticleAnalysis | AnalysisFailure


def chunk_limit(nlp: Language, settings: Settings) -> int:
    return max(1, min(settings.chunk_chars, nlp.max_length - 1))


def analyse_article(article: Article, nlp: Language, settings: Settings) -> ArticleAnalysis:
    """Actors, event mentions, quotes and timexes of one article (raises on failure). A long
    article is parsed and coded one chunk at a time, so one chunk's parse is in memory."""
    key = analysis_key(settings)
    chunks = split_text(article.body, limit=chunk_limit(nlp, settings))
    return combine(article, key, ((c, _parse_one(nlp, c.text, article)) for c in chunks), nlp=nlp)


class _ParseFailed(Exception):
    """Raised inside the lazy chunk stream so the failure is recorded as a parse failure."""


def _parse_one(nlp: Language, text: str, article: Article) -> Doc:
    doc = nlp(text)
    _set_context(doc, article)
    return doc


def _set_context(doc: Doc, article: Article) -> None:
    doc._.article = article.id
    doc._.published = article.published.value if article.published else None


def analyse_batch(
    articles: Sequence[Article], nlp: Language, settings: Settings, *, key: str
) -> list[Outcome]:
    """Every article of a batch analysed, or recorded as failed with its stage and reason.
    Articles of one chunk share `nlp.pipe` batches; longer ones go chunk by chunk."""
    limit = chunk_limit(nlp, settings)
    short = [a for a in articles if len(a.body) <= limit]
    try:
        docs = dict(zip((a.id for a in short), _pipe(nlp, short, settings.batch_size), strict=True))
    except Exception:
        return [_guarded(a, nlp, settings, key) for a in articles]
    out: list[Outcome] = []
    for article in articles:
        parsed = docs.pop(article.id, None)
        if parsed is None:
            out.append(_guarded(article, nlp, settings, key))
            continue
        doc, captions = parsed
        try:
            chunks = [(Chunk(0, article.body), doc)]
            out.append(combine(article, key, chunks, nlp=nlp, captions=captions))
        except Exception as exc:
            out.append(_failure(article, "code", exc, key))
    return out


def _pipe(nlp: Language, articles: list[Article], batch_size: int) -> list[tuple[Doc, list[Doc]]]:
    """Each article's body doc and the docs of its dated captions (`dated_captions`), parsed
    in one `nlp.pipe` stream: a caption parsed on its own would pay the pipeline's per-call
    costs for a few dozen words."""
    texts = (
        (text, (n, a))
        for n, a in enumerate(articles)
        for text in (a.body, *(c.text for c in dated_captions(a)))
    )
    docs: list[tuple[Doc, list[Doc]]] = []
    for doc, (n, article) in nlp.pipe(texts, as_tuples=True, batch_size=batch_size):
        _set_context(doc, article)
        if n == len(docs):
            docs.append((doc, []))
        else:
            docs[n][1].append(doc)
    return docs


def _guarded(article: Article, nlp: Language, settings: Settings, key: str) -> Outcome:
    """One article alone, chunk by chunk, its failure recorded with the stage it failed in."""
    chunks = split_text(article.body, limit=chunk_limit(nlp, settings))

    def parsed() -> Iterable[tuple[Chunk, Doc]]:
        for chunk in chunks:
            try:
                yield chunk, _parse_one(nlp, chunk.text, article)
            except Exception as exc:
                raise _ParseFailed(f"{exc.__class__.__name__}: {exc}") from exc

    try:
        return combine(article, key, parsed(), nlp=nlp)
    except _ParseFailed as exc:
        return _failure(article, "parse", exc, key)
    except Exception as exc:
        return _failure(article, "code", exc, key)


def _failure(article: Article, stage: str, exc: BaseException, key: str) -> AnalysisFailure:
    text = str(exc) if isinstance(exc, _ParseFailed) else f"{exc.__class__.__name__}: {exc}"
    reason = (text.splitlines() or [""])[0][:500]
    return AnalysisFailure(article=article.id, stage=stage, reason=reason, key=key)


# --- from parsed chunks to one record ----------------------------------------------------


def combine(
    article: Article,
    key: str,
    chunk_docs: Iterable[tuple[Chunk, Doc]],
    *,
    nlp: Language | None = None,
    captions: list[Doc] | None = None,
) -> ArticleAnalysis:
    """Code every chunk and shift its records back into the article body; with `nlp`, also
    code the article's dated captions (`events.captions`), from `captions` when they were
    parsed with the body."""
    published = article.published.value if article.published else None
    actors: dict[str, dict[str, Any]] = {}
    mentions: list[Mention] = []
    events: list[EventMention] = []
    quotes: list[Quote] = []
    timexes: list[Timex] = []
    sentences = 0
    count = 0
    for index, (chunk, doc) in enumerate(chunk_docs):
        count += 1
        shift = _Shift(chunk.start, sentences, index)
        for local, entry in (doc._.actor_table or {}).items():
            actors.setdefault(local, entry)
        mentions += [shift.mention(article, span) for span in doc.spans.get(SPAN_KEY, [])]
        coded = code_doc(doc, article_id=article.id, published=published, kind=article.kind)
        events += [shift.event(e) for e in coded.events]
        quotes += [shift.quote(q) for q in coded.quotes]
        timexes += [shift.timex(t) for t in coded.timexes]
        sentences += sum(1 for _ in doc.sents)
    if nlp is not None and article.captions:  # dated photo captions as evidence
        found, caption_actors = code_captions(article, nlp, parsed=captions)
        events += found
        for local, entry in caption_actors.items():
            actors.setdefault(local, entry)
    return ArticleAnalysis(
        article=article.id,
        key=key,
        actors=actors,
        mentions=tuple(mentions),
        event_mentions=tuple(events),
        quotes=tuple(quotes),
        timexes=tuple(timexes),
        words=len(article.body.split()),
        chunks=count,
    )


class _Shift:
    """Moves a chunk's records to article offsets; ids of later chunks get the chunk start,
    since the coders derive ids from chunk-local offsets."""

    def __init__(self, start: int, sentences: int, index: int) -> None:
        self.start, self.sentences, self.index = start, sentences, index

    def _id(self, value: str) -> str:
        return value if self.index == 0 else content_id(value.split("_")[0], value, self.start)

    def mention(self, article: Article, span: Any) -> Mention:
        start, end = span.start_char + self.start, span.end_char + self.start
        ref = stored_ref(span)
        return Mention(
            id=content_id("men", article.id, start, end, span.label_),
            article=article.id,
            start=start,
            end=end,
            text=article.body[start:end],
            label=span.label_,
            actor=actor_of(ref) if ref else None,
        )

    def event(self, event: EventMention) -> EventMention:
        if self.index == 0:
            return event
        evidence = event.evidence.model_copy(
            update={
                "start": event.evidence.start + self.start,
                "end": event.evidence.end + self.start,
                "sentence": event.evidence.sentence + self.sentences,
            }
        )
        return event.model_copy(update={"id": self._id(event.id), "evidence": evidence})

    def quote(self, quote: Quote) -> Quote:
        if self.index == 0:
            return quote
        return quote.model_copy(
            update={
                "id": self._id(quote.id),
                "start": quote.start + self.start,
                "end": quote.end + self.start,
            }
        )

    def timex(self, timex: Timex) -> Timex:
        if self.index == 0:
            return timex
        return timex.model_copy(
            update={
                "id": self._id(timex.id),
                "start": timex.start + self.start,
                "end": timex.end + self.start,
            }
        )


#: Touches what the per-article step loads on first use: the actor KB and office holders, the
#: gazetteer (a city, a country), the event and timex lexicons, quotes.
WARM_UP_TEXT = (
    "President Emmanuel Macron of France met German officials in Berlin on Monday. "
    '"We condemn the attack," the foreign minister said, and Russia urged talks in Geneva.'
)


def warm_up(nlp: Language, settings: Settings) -> None:
    """Run the per-article step once on a made-up article, so that everything it loads
    lazily is loaded (before forking worker processes that should share it)."""
    article = Article(
        id="art_warmup", document_id="warmup", source_path="warmup", item=0, body=WARM_UP_TEXT
    )
    analyse_batch([article], nlp, settings, key="warm-up")


def iter_batches(articles: Iterable[Article], size: int) -> Iterable[list[Article]]:
    batch: list[Article] = []
    for article in articles:
        batch.append(article)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
