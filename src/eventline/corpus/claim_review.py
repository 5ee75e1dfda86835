"""ClaimReview JSON-LD (schema.org): the claim, claimant, date and rating a publisher wrote
for machines. Read first on any article, because it is the publisher's own statement; a
review without a rating takes the rating the article's text states."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any

from eventline.corpus import ratings
from eventline.model import Article, ClaimantKind, Rating, Review, Verdict


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


def _rating_value(rating: dict[str, Any]) -> Rating | None:
    """A reviewRating's value placed between worstRating and bestRating (schema.org defaults
    1 and 5), for pages that give a number and no label we know."""
    value = _number(rating.get("ratingValue"))
    best, worst = _number(rating.get("bestRating")), _number(rating.get("worstRating"))
    best, worst = 5.0 if best is None else best, 1.0 if worst is None else worst
    if value is None or best == worst:
        return None
    share = (value - worst) / (best - worst)
    return "true" if share >= 0.75 else "false" if share <= 0.25 else "mixed"


def review_rating(rating: Any) -> tuple[Rating | None, str | None]:
    """A reviewRating as (normalised rating, printed label): its label if a scale knows it,
    else its value."""
    if not isinstance(rating, dict):
        return None, None
    label = _text(rating.get("alternateName")) or _text(rating.get("name"))
    if label and (known := ratings.lookup(label)):
        return known, label
    return _rating_value(rating), label


def rating_verdict(rating: Any) -> Verdict | None:
    """A reviewRating as a coarse verdict."""
    return ratings.verdict_of(review_rating(rating)[0])


def _author_kind(author: Any) -> ClaimantKind | None:
    """schema.org Person / Organization as a claimant kind."""
    kind = author.get("@type") if isinstance(author, dict) else None
    return "person" if kind == "Person" else "organisation" if kind == "Organization" else None


def review_of(review: dict[str, Any], article: Article) -> Review | None:
    """One ClaimReview object as this article's review of a claim."""
    text = _text(review.get("claimReviewed"))
    if not text:
        return None
    item = review.get("itemReviewed") if isinstance(review.get("itemReviewed"), dict) else {}
    claimant = _text(item.get("author")) if item else None
    when = _text(item.get("datePublished")) if item else None
    when = when or _text(review.get("datePublished"))
    rating, label = review_rating(review.get("reviewRating"))
    if rating is None and (stated := ratings.stated_rating(article.body)):
        rating, label = stated.rating, stated.label  # markup without a rating: the text's
    kind: ClaimantKind | None = None
    span: tuple[int, int] | None = None
    if claimant:
        kind = (
            "social-media" if claimant.startswith("@") else _author_kind((item or {}).get("author"))
        )
        if (at := article.body.find(claimant)) >= 0:
            span = (at, at + len(claimant))
    return Review(
        article=article.id,
        outlet=article.outlet,
        claim=text,
        claimant=claimant,
        claimant_kind=kind,
        claimant_span=span,
        date=when[:10] if when else None,
        verdict=ratings.verdict_of(rating),
        rating=rating,
        label=label,
    )
