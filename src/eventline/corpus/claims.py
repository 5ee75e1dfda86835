"""Claims reviewed by fact-checks, their verdicts, and the events and quotes that bear on them.

`extract_claims` reads a fact-check in a fallback chain, strongest evidence first:

1. ClaimReview JSON-LD (schema.org), which the publisher wrote for machines;
2. "Claim:" / "Rating:" fields in the text (a field with no known label after it, as when a
   page lost its rating badge, falls through instead of being misread);
3. the article's own conclusion wording, weighing the concluding paragraph and sentences
   about "the claim" most (vocabulary in `resources/corpus/verdicts.yaml`).

`link_claims` relates each claim to evidence in the corpus (see its docstring); the linking
rules live in `claims_link`.
"""

from __future__ import annotations

import calendar
import json
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from eventline.corpus.merge import corpus_resource
from eventline.corpus.timeline_quad import quad_table
from eventline.errors import ResourceError
from eventline.model import (
    ActorRef,
    Article,
    Claim,
    Event,
    EventMention,
    Quote,
    Related,
    Verdict,
    content_id,
)

_RESOURCE = "verdicts.yaml"
_SENTENCE = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“(]?[A-Z0-9@])")
_HANDLE = re.compile(r"(?<![\w@])@[A-Za-z0-9_]{2,30}\b")
_MONTHS = [m.lower() for m in calendar.month_name[1:]]
_MONTH = "|".join(m.capitalize() for m in _MONTHS)
_DATE = re.compile(rf"\b(?:(\d{{1,2}})\s+)?({_MONTH})\.?\s+(?:(\d{{1,2}}),?\s+)?(\d{{4}})\b")
_CLAIM_WORDS = re.compile(r"\b(?:claims?|claimed|post|posts|rumou?rs?|allegations?)\b", re.I)


class CueGroup(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    verdict: Verdict
    weight: float
    phrases: tuple[str, ...]


class ClaimCue(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    type: str
    mode: str | None = None
    side: str
    rupture: bool = False
    phrases: tuple[str, ...]


class VerdictRules(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    version: int
    labels: dict[Verdict, tuple[str, ...]]
    claim_fields: tuple[str, ...]
    rating_fields: tuple[str, ...]
    cues: tuple[CueGroup, ...]
    summary_openers: tuple[str, ...]
    summary_weight: float
    claim_sentence_weight: float
    claim_cues: tuple[ClaimCue, ...]
    link_before_days: int
    link_after_days: int
    against_adversary: tuple[str, ...]
    support_words: tuple[str, ...]
    negations: tuple[str, ...]


def _alternation(phrases: Sequence[str]) -> str:
    ordered = sorted({p.casefold() for p in phrases}, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered)


def phrase_pattern(phrases: Sequence[str]) -> re.Pattern[str]:
    """Whole-word, case-insensitive alternation; longest first so "not accurate" beats
    "accurate" where both could match."""
    return re.compile(rf"(?<![\w-])(?:{_alternation(phrases)})(?![\w-])", re.IGNORECASE)


@dataclass(frozen=True)
class Vocabulary:
    rules: VerdictRules
    label: re.Pattern[str]
    label_verdict: dict[str, Verdict]
    cue: re.Pattern[str]
    cue_value: dict[str, tuple[Verdict, float]]
    opener: re.Pattern[str]
    claim_field: re.Pattern[str]
    rating_field: re.Pattern[str]


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    try:
        rules = VerdictRules.model_validate(corpus_resource(_RESOURCE))
    except ValidationError as exc:
        raise ResourceError(_RESOURCE, f"invalid verdicts: {exc.errors()[0]['msg']}") from exc
    labels = {_fold(p): v for v, ps in rules.labels.items() for p in ps}
    cues = {_fold(p): (g.verdict, g.weight) for g in rules.cues for p in g.phrases}
    fields = {
        name: re.compile(
            rf"(?<![\w-])(?:{_alternation(names)})\s*:\s*",
            re.IGNORECASE | re.MULTILINE,
        )
        for name, names in (("claim", rules.claim_fields), ("rating", rules.rating_fields))
    }
    return Vocabulary(
        rules=rules,
        label=re.compile(rf"\A[\s\"“'‘*]*{phrase_pattern(list(labels)).pattern}", re.I),
        label_verdict=labels,
        cue=phrase_pattern(list(cues)),
        cue_value=cues,
        opener=re.compile(rf"\A[\s\"“]*{phrase_pattern(rules.summary_openers).pattern}", re.I),
        claim_field=fields["claim"],
        rating_field=fields["rating"],
    )


# --- 1. ClaimReview JSON-LD ----------------------------------------------------------------


def _nodes(value: Any) -> Iterator[dict[str, Any]]:
    """Every JSON object in a JSON-LD document (lists and @graph included)."""
    if isinstance(value, list):
        for item in value:
            yield from _nodes(item)
    elif isinstance(value, dict):
        yield value
        for key in ("@graph", "mainEntity", "review"):
            if key in value:
                yield from _nodes(value[key])


def claim_reviews(jsonld: Sequence[str]) -> Iterator[dict[str, Any]]:
    """ClaimReview objects in the page's JSON-LD blocks; unreadable blocks are skipped
    (a page's metadata is a hint, never a reason to reject the article)."""
    for block in jsonld:
        try:
            data = json.loads(block)
        except (TypeError, ValueError):
            continue
        for node in _nodes(data):
            kind = node.get("@type")
            kinds = kind if isinstance(kind, list) else [kind]
            if "ClaimReview" in kinds:
                yield node


def _text(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name")
    return " ".join(value.split()) if isinstance(value, str) and value.strip() else None


def _number(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def rating_verdict(rating: Any) -> Verdict | None:
    """A reviewRating as a verdict: its label if we know it, else its value placed between
    worstRating and bestRating (schema.org defaults 1 and 5)."""
    if not isinstance(rating, dict):
        return None
    label = _text(rating.get("alternateName")) or _text(rating.get("name"))
    if label and (verdict := label_verdict(label)):
        return verdict
    value = _number(rating.get("ratingValue"))
    best, worst = _number(rating.get("bestRating")), _number(rating.get("worstRating"))
    best, worst = 5.0 if best is None else best, 1.0 if worst is None else worst
    if value is None or best == worst:
        return None
    share = (value - worst) / (best - worst)
    return "true" if share >= 0.75 else "false" if share <= 0.25 else "mixed"


def _from_review(review: dict[str, Any], article: Article) -> Claim | None:
    text = _text(review.get("claimReviewed"))
    if not text:
        return None
    item = review.get("itemReviewed") if isinstance(review.get("itemReviewed"), dict) else {}
    claimant = _text(item.get("author")) if item else None
    when = _text(item.get("datePublished")) if item else None
    when = when or _text(review.get("datePublished"))
    return Claim(
        id=content_id("clm", article.id, _fold(text)),
        claim=text,
        claimant=claimant,
        date=when[:10] if when else None,
        verdict=rating_verdict(review.get("reviewRating")),
        reviewer_article=article.id,
    )


# --- 2. fields in the text -----------------------------------------------------------------


def label_verdict(text: str) -> Verdict | None:
    """The verdict of a rating label that opens `text` ("False", "Mostly true …")."""
    vocab = vocabulary()
    match = vocab.label.match(text)
    return vocab.label_verdict.get(_fold(match.group(0).strip(" \t\n\"“'‘*"))) if match else None


def claim_field(text: str) -> str | None:
    """The text after "Claim:", up to the next field, line break or (if long) sentence end."""
    vocab = vocabulary()
    match = vocab.claim_field.search(text)
    if match is None:
        return None
    rest = text[match.end() :]
    stop = vocab.rating_field.search(rest)
    rest = rest[: stop.start()] if stop else rest
    rest = rest.split("\n", 1)[0]
    if len(rest) > 300:
        rest = _SENTENCE.split(rest, 1)[0]
    claim = rest.strip().strip('"“”').rstrip(".").strip()
    return claim or None


def rating_field(text: str) -> Verdict | None:
    """The verdict named right after "Rating:"; None when the label is missing."""
    for match in vocabulary().rating_field.finditer(text):
        if verdict := label_verdict(text[match.end() : match.end() + 80]):
            return verdict
    return None


# --- 3. conclusion wording -----------------------------------------------------------------


def _paragraph_sentences(body: str) -> list[tuple[str, bool]]:
    """Sentences with a flag for the conclusion: the last paragraph when the body has
    several, else the last three sentences."""
    paragraphs = [p for p in re.split(r"\n\s*\n|\n", body) if p.strip()]
    out: list[tuple[str, bool]] = []
    for i, para in enumerate(paragraphs):
        sentences = [s for s in _SENTENCE.split(para.strip()) if s.strip()]
        last = i == len(paragraphs) - 1 and len(paragraphs) >= 3
        out += [(s, last) for s in sentences]
    if len(paragraphs) < 3:
        out = [(s, i >= len(out) - 3) for i, (s, _) in enumerate(out)]
    return out


def conclusion_scores(body: str) -> dict[Verdict, float]:
    """Weighted verdict cues of the article's own wording."""
    vocab = vocabulary()
    rules = vocab.rules
    scores: dict[Verdict, float] = {}
    for sentence, concluding in _paragraph_sentences(body):
        factor = rules.summary_weight if concluding or vocab.opener.match(sentence) else 1.0
        if _CLAIM_WORDS.search(sentence):
            factor *= rules.claim_sentence_weight
        for match in vocab.cue.finditer(sentence):
            verdict, weight = vocab.cue_value[_fold(match.group(0))]
            scores[verdict] = scores.get(verdict, 0.0) + weight * factor
    return scores


def conclusion_verdict(body: str) -> Verdict | None:
    scores = conclusion_scores(body)
    if not scores:
        return None
    return max(scores, key=lambda v: (scores[v], v == "false"))


# --- claim text, claimant, date --------------------------------------------------------------


def _claims_that(body: str) -> str | None:
    """ "…claims that X spread online…" in the opening paragraph: X."""
    head = body[:1500]
    match = re.search(
        r"\bclaims?\s+(?:that|saying)\s+(.{12,240}?)(?=\s+(?:spread|circulated|went viral|"
        r"have|has|are|were|is|was|surfaced|appeared)\b|[;:.!?](?:\s|$))",
        head,
        re.IGNORECASE,
    )
    return match.group(1).strip() if match else None


def _title_claim(title: str | None) -> str | None:
    if not title:
        return None
    stripped = re.sub(r"^\s*(?:fact[\s-]?check(?:ing)?|verified|debunk(?:ed)?)\s*[:|–-]\s*",
                      "", title, flags=re.I)  # fmt: skip
    return stripped.strip() or None


def claimant_of(text: str) -> str | None:
    """A "Claimant:" field, else the first social-media handle the article cites."""
    field = re.search(r"\b(?:claimant|claim(?:ed)? by|source of claim)\s*:\s*([^\n.;]{2,80})",
                      text, re.I)  # fmt: skip
    if field:
        return field.group(1).strip()
    handle = _HANDLE.search(text)
    return handle.group(0) if handle else None


def date_in(text: str) -> str | None:
    """The first calendar date ("June 2025", "23 June 2025", "June 23, 2025") as ISO."""
    match = _DATE.search(text)
    if match is None:
        return None
    month = _MONTHS.index(match.group(2).lower()) + 1
    day = match.group(1) or match.group(3)
    return f"{match.group(4)}-{month:02d}" + (f"-{int(day):02d}" if day else "")


def _claim_date(claim: str, article: Article) -> str | None:
    if stated := date_in(claim):
        return stated
    pub = article.published
    return pub.value if pub and not pub.value.startswith("--") else None


def extract_claims(article: Article, *, jsonld: Sequence[str] = ()) -> list[Claim]:
    """The claims a fact-check reviews, with claim text, claimant, date and verdict.

    ClaimReview JSON-LD is read on any article; the text fallbacks only on fact-checks."""
    if reviews := [c for r in claim_reviews(jsonld) if (c := _from_review(r, article))]:
        return reviews
    if article.kind != "fact-check":
        return []
    text = "\n".join(t for t in (article.title, article.standfirst, article.body) if t)
    claim = claim_field(text) or _claims_that(article.body) or _title_claim(article.title)
    if not claim:
        return []
    return [
        Claim(
            id=content_id("clm", article.id, _fold(claim)),
            claim=claim,
            claimant=claimant_of(text),
            date=_claim_date(claim, article),
            verdict=rating_field(text) or conclusion_verdict(article.body),
            reviewer_article=article.id,
        )
    ]


# --- linking claims to events and quotes -------------------------------------------------------


@dataclass(frozen=True)
class ClaimFrame:
    """What a claim says happened: a type, who did it to whom, and whether it is a rupture
    (X withdrew support from / cut ties with Y)."""

    type: str | None
    side: str | None
    rupture: bool
    actors: frozenset[str]
    targets: frozenset[str]


@lru_cache(maxsize=1)
def _country_forms() -> tuple[re.Pattern[str], dict[str, str]]:
    """Country names, demonyms and capitals, plus state bodies ("the Kremlin"), from the
    actor knowledge base: text form → ISO3 code."""
    from eventline.nlp import load_kb

    forms = {
        _fold(f.text): f.actor.country
        for f in load_kb().forms
        if f.actor.country and not f.ambiguous
        if f.actor.type == "country" or f.actor.sector in {"GOV", "MIL", "LEG"}
    }
    codes = {k: v for k, v in forms.items() if v}
    ordered = sorted(codes, key=len, reverse=True)
    body = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in ordered)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE), codes


def countries_in(text: str) -> list[str]:
    """ISO3 codes of the countries a text names, in order of first mention."""
    pattern, codes = _country_forms()
    found: list[str] = []
    for match in pattern.finditer(text):
        code = codes.get(_fold(match.group(0)))
        if code and code not in found:
            found.append(code)
    return found


def _codes(refs: Sequence[ActorRef]) -> frozenset[str]:
    return frozenset(c for r in refs for c in (r.country, r.id) if c)


def claim_frame(claim: Claim, claim_event: EventMention | None = None) -> ClaimFrame:
    """The claim's event: the caller's coded event when given, else keyword cues and the
    countries the claim names (the first one acts, the others undergo)."""
    rules = vocabulary().rules
    cue = next((c for c in rules.claim_cues if phrase_pattern(c.phrases).search(claim.claim)), None)
    rupture = bool(cue and cue.rupture)
    if claim_event is not None:
        side = "conflict" if rupture else quad_table().side(claim_event.type)
        return ClaimFrame(
            claim_event.type,
            side,
            rupture,
            _codes(claim_event.actor),
            _codes(claim_event.recipient),
        )
    named = countries_in(claim.claim)
    return ClaimFrame(
        cue.type if cue else None,
        cue.side if cue else None,
        rupture,
        frozenset(named[:1]),
        frozenset(named[1:]),
    )


def _window(claim: Claim) -> tuple[date, date] | None:
    rules = vocabulary().rules
    span = _span(claim.date)
    if span is None:
        return None
    return (
        span[0] - timedelta(days=rules.link_before_days),
        span[1] + timedelta(days=rules.link_after_days),
    )


def _span(value: str | None) -> tuple[date, date] | None:
    """First and last day of an ISO day, month or year."""
    if not value or value.startswith("--"):
        return None
    try:
        if len(value) >= 10:
            day = date.fromisoformat(value[:10])
            return day, day
        year = int(value[:4])
        if len(value) == 7:
            month = int(value[5:7])
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        return date(year, 1, 1), date(year, 12, 31)
    except ValueError:
        return None


def _in_window(value: str | None, window: tuple[date, date] | None) -> bool:
    if window is None:
        return True
    span = _span(value)
    return span is not None and span[0] <= window[1] and span[1] >= window[0]


def _between(event: Event, xs: frozenset[str], ys: frozenset[str]) -> bool:
    acts, recs = _codes(event.actor), _codes(event.recipient)
    if not event.recipient:
        return bool(acts & xs and acts & ys)
    return bool((acts & xs and recs & ys) or (acts & ys and recs & xs))


def _adversaries(events: Sequence[Event], ys: frozenset[str], window: Any) -> frozenset[str]:
    """Whoever used material force or coercion against Y in the window."""
    table = quad_table()
    return frozenset(
        c
        for e in events
        if table.quad(e.type) == "material_conflict" and e.modality == "asserted"
        if _codes(e.recipient) & ys and _in_window(e.date, window)
        for c in _codes(e.actor) - ys
    )


def _event_relation(
    event: Event, frame: ClaimFrame, adversaries: frozenset[str]
) -> Literal["supports", "contradicts"] | None:
    table = quad_table()
    xs, ys = frame.actors, frame.targets
    if _between(event, xs, ys):
        side = table.side(event.type)
        if frame.rupture:
            return "contradicts" if side == "cooperation" else "supports"
        return "supports" if event.type == frame.type else None
    acts, recs = _codes(event.actor), _codes(event.recipient)
    against = event.type in vocabulary().rules.against_adversary
    if frame.rupture and against and acts & xs and recs & adversaries and not recs & xs:
        return "contradicts"
    return None


def _quote_supports(quote: Quote, frame: ClaimFrame) -> bool:
    """An official of X saying something supportive about Y, with no negation in it."""
    rules = vocabulary().rules
    speaker = _codes((quote.speaker,)) if quote.speaker else frozenset()
    if not speaker & frame.actors:
        return False
    addressed = _codes((quote.addressee,)) if quote.addressee else frozenset()
    if not (addressed & frame.targets or set(countries_in(quote.text)) & frame.targets):
        return False
    if phrase_pattern(rules.negations).search(quote.text.replace("n't", " n't")):
        return False
    return bool(phrase_pattern(rules.support_words).search(quote.text))


def link_claims(
    claims: Sequence[Claim],
    *,
    events: Sequence[Event],
    quotes: Sequence[Quote],
    claim_events: Mapping[str, EventMention] | None = None,
    articles: Mapping[str, Article] | None = None,
) -> list[Claim]:
    """Relate each claim to the events and quotes that support or contradict it.

    A rupture claim ("X withdrew support from Y") is contradicted by asserted cooperation
    between X and Y, by X condemning, threatening or sanctioning whoever attacked Y, and by
    X's officials speaking in support of Y; conflict between X and Y supports it. Another claim
    is supported by asserted events of its type between its parties. Only events and quotes
    dated within the claim's window count (`verdicts.yaml`); quotes are dated by their
    article's publication when `articles` is given. `claim_events` maps claim ids to the
    caller's coded reading of the claim sentence; without it, keyword cues are used."""
    out = []
    for claim in claims:
        frame = claim_frame(claim, (claim_events or {}).get(claim.id))
        if not frame.actors or not frame.targets:
            out.append(claim)
            continue
        window = _window(claim)
        dated = [
            e
            for e in events
            if e.modality == "asserted" and _in_window(e.date, window)
            if not _restates(e, claim)
        ]
        adversaries = _adversaries(events, frame.targets, window) - frame.actors
        related = [
            Related(id=e.id, relation=rel)
            for e in dated
            if (rel := _event_relation(e, frame, adversaries))
        ]
        if frame.rupture:
            related += [
                Related(id=q.id, relation="contradicts")
                for q in quotes
                if _quote_supports(q, frame) and _quote_dated(q, window, articles)
            ]
        unique = list(dict.fromkeys(related))
        out.append(claim.model_copy(update={"related": tuple(unique)}))
    return out


def _restates(event: Event, claim: Claim) -> bool:
    """Every report of the event repeats the claim's own wording ("…that Russia had withdrawn
    its support…"): the fact-check quoting the claim is not evidence about it."""
    cues = [
        c for c in vocabulary().rules.claim_cues if phrase_pattern(c.phrases).search(claim.claim)
    ]
    patterns = [phrase_pattern(c.phrases) for c in cues]
    return bool(patterns) and all(any(p.search(m.text) for p in patterns) for m in event.mentions)


def _quote_dated(
    quote: Quote, window: tuple[date, date] | None, articles: Mapping[str, Article] | None
) -> bool:
    article = (articles or {}).get(quote.article)
    if article is None or article.published is None:
        return True
    return _in_window(article.published.value, window)
