"""Claims reviewed by fact-checks, their verdicts, and the events and quotes that bear on them.

`extract_claims` reads a fact-check in a fallback chain, strongest evidence first:

1. ClaimReview JSON-LD (schema.org, `claim_review`), which the publisher wrote for machines;
2. the text. The claim is a "Claim:" field, else the sentence that states and attributes it
   (`claim_text`), else "claims that ...", else the headline. The rating is the one the
   fact-checker states (`ratings`: a rating sentence, a rating field, a rating by definition
   or a label line; it wins over any other cue), else a judgement the article passes on the
   claim in so many words ("The claim that ... was inaccurate"), else "unrated": the tone of
   the article is never read as a rating.

`merge_reviews` makes a claim checked by several fact-checkers one claim with several reviews.

`link_claims` relates each claim to evidence in the corpus (see its docstring); the linking
rules live in `claims_link`.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from eventline.corpus import ratings
from eventline.corpus.claim_review import claim_reviews, review_of
from eventline.corpus.claim_review import rating_verdict as rating_verdict  # re-exported
from eventline.corpus.claim_text import find_attribution
from eventline.corpus.merge import corpus_resource
from eventline.errors import ResourceError
from eventline.model import (
    Article,
    Claim,
    Rating,
    Review,
    Verdict,
    content_id,
)

_RESOURCE = "verdicts.yaml"
_SENTENCE = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“(]?[A-Z0-9@])")
_HANDLE = re.compile(r"(?<![\w@])@[A-Za-z0-9_]{2,30}\b")
_MONTHS = [m.lower() for m in calendar.month_name[1:]]
_MONTH = "|".join(m.capitalize() for m in _MONTHS)
_DATE = re.compile(rf"\b(?:(\d{{1,2}})\s+)?({_MONTH})\.?\s+(?:(\d{{1,2}}),?\s+)?(\d{{4}})\b")
_RATING_REMOVALS = frozenset(["orphan subhead"])
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
    claimant_roles: tuple[str, ...]
    organisation_words: tuple[str, ...]
    generic_subjects: tuple[str, ...]
    same_claim_overlap: float


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
    cue: re.Pattern[str]
    cue_value: dict[str, tuple[Verdict, float]]
    opener: re.Pattern[str]
    claim_field: re.Pattern[str]
    rating_field: re.Pattern[str]


def fold_text(text: str) -> str:
    return " ".join(text.casefold().split())


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    try:
        rules = VerdictRules.model_validate(corpus_resource(_RESOURCE))
    except ValidationError as exc:
        raise ResourceError(_RESOURCE, f"invalid verdicts: {exc.errors()[0]['msg']}") from exc
    cues = {fold_text(p): (g.verdict, g.weight) for g in rules.cues for p in g.phrases}
    fields = {
        name: re.compile(
            rf"(?<![\w-])(?:{_alternation(names)})\s*:\s*",
            re.IGNORECASE | re.MULTILINE,
        )
        for name, names in (("claim", rules.claim_fields), ("rating", rules.rating_fields))
    }
    return Vocabulary(
        rules=rules,
        cue=phrase_pattern(list(cues)),
        cue_value=cues,
        opener=re.compile(rf"\A[\s\"“]*{phrase_pattern(rules.summary_openers).pattern}", re.I),
        claim_field=fields["claim"],
        rating_field=fields["rating"],
    )


# --- 1. ClaimReview JSON-LD (claim_review) ---------------------------------------------------


def _from_review(review: dict[str, Any], article: Article) -> Claim | None:
    found = review_of(review, article)
    return _claim(article, found) if found else None


# --- 2. fields in the text -----------------------------------------------------------------


def label_verdict(text: str) -> Verdict | None:
    """The verdict of a rating label that opens `text` ("False", "Mostly true …")."""
    hit = ratings.opening_label(text)
    return ratings.verdict_of(hit[0]) if hit else None


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


# --- 3. the article's judgement of the claim, in words -------------------------------------


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


def conclusion_scores(body: str, *, claim_sentences_only: bool = False) -> dict[Verdict, float]:
    """Weighted verdict cues of the article's own wording; with `claim_sentences_only`, only
    sentences that name the claim ("The claim that ... was inaccurate") count."""
    vocab = vocabulary()
    rules = vocab.rules
    scores: dict[Verdict, float] = {}
    for sentence, concluding in _paragraph_sentences(body):
        factor = rules.summary_weight if concluding or vocab.opener.match(sentence) else 1.0
        if _CLAIM_WORDS.search(sentence):
            factor *= rules.claim_sentence_weight
        elif claim_sentences_only:
            continue
        for match in vocab.cue.finditer(sentence):
            verdict, weight = vocab.cue_value[fold_text(match.group(0))]
            scores[verdict] = scores.get(verdict, 0.0) + weight * factor
    return scores


def conclusion_verdict(body: str, *, claim_sentences_only: bool = False) -> Verdict | None:
    scores = conclusion_scores(body, claim_sentences_only=claim_sentences_only)
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


def claimant_field(text: str) -> str | None:
    """A "Claimant:" / "Claimed by:" field."""
    field = re.search(r"\b(?:claimant|claim(?:ed)? by|source of claim)\s*:\s*([^\n.;,]{2,80})",
                      text, re.I)  # fmt: skip
    return field.group(1).strip() if field else None


def claimant_of(text: str) -> str | None:
    """A "Claimant:" field, else the first social-media handle the article cites."""
    if field := claimant_field(text):
        return field
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


def _published(article: Article) -> str | None:
    pub = article.published
    return pub.value if pub and not pub.value.startswith("--") else None


def _claim(article: Article, review: Review) -> Claim:
    return Claim(
        id=content_id("clm", article.id, fold_text(review.claim)),
        claim=review.claim,
        claimant=review.claimant,
        claimant_kind=review.claimant_kind,
        claimant_span=review.claimant_span,
        date=review.date,
        verdict=review.verdict,
        rating=review.rating,
        label=review.label,
        reviewer_article=article.id,
        reviews=(review,),
    )


def _text_rating(article: Article, text: str) -> tuple[Verdict | None, Rating | None, str | None]:
    """The stated rating, else the article's judgement of the claim in words, else unrated.

    A short closing line the clean stage set aside as a subhead ("Our rating: False" with
    no full stop) is read too: on a fact-check it is the rating."""
    kept = [r.text for r in article.removed if r.reason in _RATING_REMOVALS]
    if stated := ratings.stated_rating("\n".join([text, *kept])):
        return ratings.verdict_of(stated.rating), stated.rating, stated.label
    if judged := conclusion_verdict(article.body, claim_sentences_only=True):
        return judged, None, None
    return None, "unrated", None


def read_review(article: Article) -> Review | None:
    """A fact-check's claim, claimant, date and rating from its text alone."""
    text = "\n".join(t for t in (article.title, article.standfirst, article.body) if t)
    published = _published(article)
    field = claim_field(text)
    said = find_attribution(
        article.body, published=published, title=article.title, claim=field
    )  # with a "Claim:" field, only a sentence restating that claim names its claimant
    claim = field or (said.claim if said else None) or _claims_that(article.body)
    claim = claim or _title_claim(article.title)
    if not claim:
        return None
    claimant, kind, span = claimant_field(text), None, None
    if claimant is None and said is not None and said.claimant is not None:
        claimant, kind, span = said.claimant, said.kind, said.span
    if claimant is None and (handle := _HANDLE.search(text)):
        claimant, kind = handle.group(0), "social-media"
    verdict, rating, label = _text_rating(article, text)
    return Review(
        article=article.id,
        outlet=article.outlet,
        claim=claim,
        claimant=claimant,
        claimant_kind=kind,
        claimant_span=span,
        date=(said.date if said else None) or date_in(claim) or published,
        verdict=verdict,
        rating=rating,
        label=label,
    )


def extract_claims(article: Article, *, jsonld: Sequence[str] = ()) -> list[Claim]:
    """The claims a fact-check reviews, with claim text, claimant, date and verdict.

    ClaimReview JSON-LD is read on any article; the text only on fact-checks."""
    if reviews := [c for r in claim_reviews(jsonld) if (c := _from_review(r, article))]:
        return reviews
    if article.kind != "fact-check":
        return []
    review = read_review(article)
    return [_claim(article, review)] if review else []


# --- one claim, several reviews --------------------------------------------------------------


def _content_words(text: str) -> set[str]:
    return {w for w in re.findall(r"[\w'-]+", fold_text(text)) if len(w) > 3}


def same_claim(a: str, b: str) -> bool:
    """Two reviewers' wordings of one claim: most content words shared (Dice ≥ the
    `same_claim_overlap` share)."""
    wa, wb = _content_words(a), _content_words(b)
    if not wa or not wb:
        return False
    return 2 * len(wa & wb) / (len(wa) + len(wb)) >= vocabulary().rules.same_claim_overlap


def merge_reviews(claims: Sequence[Claim]) -> list[Claim]:
    """Claims from different fact-check articles that state the same claim become one claim
    whose `reviews` hold each checker's reading; the first claim keeps its fields and id."""
    merged: list[Claim] = []
    for claim in claims:
        home = next(
            (
                i
                for i, m in enumerate(merged)
                if claim.reviewer_article not in {r.article for r in m.reviews}
                and same_claim(m.claim, claim.claim)
            ),
            None,
        )
        if home is None:
            merged.append(claim)
        else:
            host = merged[home]
            merged[home] = host.model_copy(update={"reviews": host.reviews + claim.reviews})
    return merged
