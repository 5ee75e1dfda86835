"""Linking claims to the events and quotes that support or contradict them.

A rupture claim ("X withdrew support from Y", "X cut ties with Y") is contradicted by asserted
cooperation between X and Y around the claim's date, by X acting against Y's adversaries on Y's
behalf, and by quotes of X's officials expressing support. Cues are in
`resources/corpus/verdicts.yaml`.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, Literal

from eventline.corpus.claims import fold_text, merge_reviews, phrase_pattern, vocabulary
from eventline.corpus.timeline_quad import quad_table
from eventline.model import (
    ActorRef,
    Article,
    Claim,
    Event,
    EventMention,
    Mention,
    Quote,
    Related,
    Review,
)

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
    from eventline.nlp.kb import load_kb  # spaCy-free: linking imports no spaCy

    forms = {
        fold_text(f.text): f.actor.country
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
        code = codes.get(fold_text(match.group(0)))
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


def claim_window(claim: Claim) -> tuple[date, date] | None:
    """The days within which events and quotes count as evidence about a claim (None: any)."""
    return _window(claim)


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
    mentions: Sequence[Mention] = (),
) -> list[Claim]:
    """Relate each claim to the events and quotes that support or contradict it.

    A rupture claim ("X withdrew support from Y") is contradicted by asserted cooperation
    between X and Y, by X condemning, threatening or sanctioning whoever attacked Y, and by
    X's officials speaking in support of Y; conflict between X and Y supports it. Another claim
    is supported by asserted events of its type between its parties. Only events and quotes
    dated within the claim's window count (`verdicts.yaml`); quotes are dated by their
    article's publication when `articles` is given. `claim_events` maps claim ids to the
    caller's coded reading of the claim sentence; without it, keyword cues are used.

    Claims reviewed by several fact-checkers are first made one claim with several reviews
    (`merge_reviews`), and each claimant the body names is resolved to the actor of the
    entity mention at its span (`resolve_claimants`)."""
    out = []
    for claim in resolve_claimants(merge_reviews(claims), mentions):
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


def resolve_claimants(claims: Sequence[Claim], mentions: Sequence[Mention]) -> list[Claim]:
    """Each review's claimant as an actor: the resolved entity mention that overlaps the
    claimant's span in the reviewing article ("Sen. Thomas Reddick" → the actor for him)."""
    by_article: dict[str, list[Mention]] = {}
    for mention in mentions:
        if mention.actor is not None:
            by_article.setdefault(mention.article, []).append(mention)
    out = []
    for claim in claims:
        reviews = tuple(
            r.model_copy(update={"claimant_actor": _actor_at(r, by_article)})
            if r.claimant_span and r.claimant_actor is None
            else r
            for r in claim.reviews
        )
        first = reviews[0].claimant_actor if reviews else None
        out.append(claim.model_copy(update={"reviews": reviews, "claimant_actor": first}))
    return out


def _actor_at(review: Review, by_article: Mapping[str, list[Mention]]) -> ActorRef | None:
    if review.claimant_span is None:
        return None
    start, end = review.claimant_span
    for mention in by_article.get(review.article, []):
        if mention.start < end and start < mention.end:
            return mention.actor
    return None


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
