"""Score claims against the development gold (../shared/gold/README.md, "claims").

A gold claim is found when a predicted claim comes from the reviewing article and holds most
of the gold claim's content words (the reviewer may add "amid the conflict" and still be
right). Its verdict must be the gold verdict. A gold claim with `contradicted_by` needs at
least one "contradicts" link; when the caller passes the merged events, we also report how
many claims link an event that matches one of the gold contradicting events.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from eventline.eval.events import date_matches
from eventline.eval.gold import Gold, GoldClaim, GoldEvent, fold
from eventline.eval.report import Metric, SectionReport
from eventline.model import ActorRef, Article, Claim, Event, Review

SECTION = "claims"
_WORD = re.compile(r"[\w@'-]+")
_STOP = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "from",
        "for",
        "and",
        "or",
        "with",
        "by",
        "its",
        "it",
        "that",
        "this",
    ]
)
_MIN_OVERLAP = 0.6
# Coarse verdict names that are also ratings: a gold "false" wants the rating False itself
# only when the review states a rating; "mixed" likewise.
_FINE = frozenset(["true", "false", "mixed", "unproven"])


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(fold(text)) if w not in _STOP}


def claim_overlap(gold: str, predicted: str) -> float:
    """Share of the gold claim's content words found in the predicted claim."""
    want = _words(gold)
    return len(want & _words(predicted)) / len(want) if want else 0.0


def review_by(claim: Claim, article_id: str) -> Review | None:
    """The review `article_id` wrote of `claim` (a claim from before reviews: itself)."""
    for review in claim.reviews:
        if review.article == article_id:
            return review
    if claim.reviewer_article != article_id:
        return None
    return Review(
        article=claim.reviewer_article, claim=claim.claim, claimant=claim.claimant,
        date=claim.date, verdict=claim.verdict, rating=claim.rating, label=claim.label,
    )  # fmt: skip


def verdict_right(gold: str, review: Review) -> bool:
    """A stated rating must equal the gold rating (or its coarse verdict when the gold gives
    one of those); a judgement in words (no rating), its coarse verdict; "unrated" only when
    nothing was stated or guessed."""
    if gold == "unrated":
        return review.verdict is None and review.rating in (None, "unrated")
    if review.rating is not None and review.rating != "unrated":
        return review.rating == gold or (review.verdict == gold and gold not in _FINE)
    return review.verdict == gold


def best_claim(gc: GoldClaim, article: Article | None, claims: Sequence[Claim]) -> Claim | None:
    if article is None:
        return None
    mine = [(c, r) for c in claims if (r := review_by(c, article.id))]
    scored = sorted(mine, key=lambda cr: -claim_overlap(gc.claim, cr[1].claim))
    if scored and claim_overlap(gc.claim, scored[0][1].claim) >= _MIN_OVERLAP:
        return scored[0][0]
    return None


def _codes(refs: Sequence[ActorRef]) -> set[str]:
    return {r.country or r.id for r in refs}


def event_matches(event: Event, gold: GoldEvent) -> bool:
    """Type, actor and recipient countries, and date as in the events section."""
    if event.type not in {gold.type, *gold.alt_types}:
        return False
    if gold.actor and not _codes(event.actor) & set(gold.actor):
        return False
    if gold.recipient and not _codes(event.recipient) & set(gold.recipient):
        return False
    return date_matches(gold.date, event.date, tolerance=gold.tolerance_days)


def _gold_match(claim: Claim, gc: GoldClaim, gold: Gold, events: Mapping[str, Event]) -> bool:
    wanted = [ge for ge in gold.events if ge.id in gc.contradicted_by]
    linked = [events[r.id] for r in claim.related if r.relation == "contradicts" and r.id in events]
    return any(event_matches(e, ge) for e in linked for ge in wanted)


def score_claims(
    gold: Gold,
    articles: Mapping[str, Article],
    claims: Sequence[Claim],
    *,
    events: Sequence[Event] = (),
) -> SectionReport:
    """Claims found with the right verdict, and contradicted claims linked to evidence."""
    by_id = {e.id: e for e in events}
    found = right = linked = gold_linked = 0
    misses: list[str] = []
    for gc in gold.claims:
        claim = best_claim(gc, articles.get(gc.reviewed_by), claims)
        if claim is None:
            misses.append(f"claim not extracted from {gc.reviewed_by}: {gc.claim!r}")
            continue
        found += 1
        review = review_by(claim, articles[gc.reviewed_by].id)
        if review is not None and verdict_right(gc.verdict, review):
            right += 1
        else:
            said = review.rating or review.verdict if review else None
            misses.append(f"verdict {said} for {gc.claim!r}, gold {gc.verdict}")
        if gc.contradicted_by:
            if any(r.relation == "contradicts" for r in claim.related):
                linked += 1
            else:
                misses.append(f"no contradicting event or quote linked to {gc.claim!r}")
            gold_linked += _gold_match(claim, gc, gold, by_id)
    n = len(gold.claims)
    need = sum(1 for gc in gold.claims if gc.contradicted_by)
    metrics = [
        Metric("claims_found", found / n if n else 1.0, 1.0, f"{found}/{n}"),
        Metric("verdict_accuracy", right / n if n else 1.0, 1.0, f"{right}/{n}"),
        Metric("contradiction_linked", linked / need if need else 1.0, 1.0, f"{linked}/{need}"),
    ]
    if events:
        share = gold_linked / need if need else 1.0
        metrics.append(Metric("contradiction_gold_event", share, None, f"{gold_linked}/{need}"))
    return SectionReport(SECTION, tuple(metrics), tuple(misses))
