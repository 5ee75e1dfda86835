"""Story-level dating: a report known only to its month (or not dated at all) learns when it
was written from the story's dated events, and dates its own mentions by it.

A report of unknown day says "met Friday" and "said today"; a story-mate states the day of
the meeting ("... on 11 October"). When a mention of such an article merges with an event
dated to one day, and the mention's own time was a bare weekday naming that day's weekday
(inside the article's known month) or nothing at all, the article gets an estimated
reference date (`StoryDate`, with its precision and the anchoring mention as evidence):

- a bare weekday that matches: the day itself (the report's "Friday" is that Friday);
- no time of its own, in an undated article: the month of the day (the report is of that
  month; its day stays unknown).

Then the article's mentions are re-dated (`apply_story_dates`): a bare weekday resolves
against the reference day (the same weekday name is that day, another weekday one of the 6
days before), and a mention dated only by its (coarse or missing) report date takes the
estimate at its precision, still as a report date. Mentions with a stated date of their own
keep it. Only the estimated article's mentions change (ids never do); the caller keeps the
dates they had (`original_dates`), so estimating again from stored mentions is idempotent.

Several anchors for one article must agree: conflicting days fall back to their common
month, conflicting months give no estimate, so the result does not depend on the order in
which mentions or articles are seen.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from eventline.corpus.merge import cluster_mentions, mention_date
from eventline.model import Article, EventMention, Timex

_WEEKDAY = re.compile(r"^XXXX-WXX-([1-7])$")  # a bare weekday the report date cannot place


@dataclass(frozen=True)
class StoryDate:
    """An article's estimated reference date: `value` an ISO day or month, `precision` "day"
    or "month", `evidence` the id of the dated mention that anchors it."""

    article: str
    value: str
    precision: str
    evidence: str


def coarse_article(article: Article | None) -> bool:
    """Published to the month or year only, or not at all (a day of unknown year is not)."""
    pub = article.published if article else None
    return pub is None or (not pub.value.startswith("--") and len(pub.value) < 10)


def weekdays(timexes: Iterable[Timex]) -> dict[str, list[tuple[int, int, int]]]:
    """Article id -> (start, end, ISO weekday) of each bare weekday timex ("Friday")."""
    out: dict[str, list[tuple[int, int, int]]] = defaultdict(list)
    for tx in timexes:
        match = _WEEKDAY.match(tx.value)
        if match:
            out[tx.article].append((tx.start, tx.end, int(match[1])))
    return out


def own_weekday(
    mention: EventMention, found: Mapping[str, Sequence[tuple[int, int, int]]]
) -> int | None:
    """The bare weekday inside the mention's evidence, when there is exactly one weekday."""
    if mention.evidence.caption:
        return None
    ev = mention.evidence
    days = {d for s, e, d in found.get(ev.article, ()) if ev.start <= s and e <= ev.end}
    return days.pop() if len(days) == 1 else None


def _undated_own(mention: EventMention) -> bool:
    """No stated date of its own: dated by its report, or not at all."""
    return mention.date is None or mention.date_precision in (None, "report")


def _candidate(
    mention: EventMention, article: Article | None, anchor: date, weekday: int | None
) -> tuple[str, str] | None:
    """(value, precision) this mention's merge with a day-dated event says of its article."""
    span = mention_date(mention, article)
    if span.kind == "coarse":  # known to the month or year: the day must lie inside it
        if not span.lo <= anchor.toordinal() <= span.hi or weekday is None:
            return None
        return (anchor.isoformat(), "day") if anchor.isoweekday() == weekday else None
    if span.kind == "none":
        if weekday is not None and anchor.isoweekday() != weekday:
            return None
        return f"{anchor:%Y-%m}", "month"
    return None


def _agreed(article: str, found: list[tuple[str, str, str]]) -> StoryDate | None:
    """One estimate from every anchor's: one day, else one month, else none."""
    days = {v for v, p, _ in found if p == "day"}
    if len(days) == 1:
        value = days.pop()
        evidence = min(e for v, p, e in found if v == value)
        return StoryDate(article, value, "day", evidence)
    months = {v[:7] for v, _, _ in found}
    if len(months) == 1:
        value = months.pop()
        return StoryDate(article, value, "month", min(e for _, _, e in found))
    return None


def estimate_story_dates(
    groups: Iterable[Sequence[EventMention]],
    *,
    articles: Mapping[str, Article],
    timexes: Iterable[Timex] = (),
) -> dict[str, StoryDate]:
    """Article id -> its estimated reference date, from merged groups (best-dated first, as
    `merge.cluster_mentions` returns them)."""
    found = weekdays(timexes)
    votes: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for group in groups:
        anchor = group[0]
        when = mention_date(anchor, articles.get(anchor.evidence.article))
        if when.kind != "exact" or not when.day or when.monthday:
            continue
        day = date.fromordinal(when.lo)
        for mention in group[1:]:
            article = articles.get(mention.evidence.article)
            if mention.evidence.caption or not coarse_article(article) or not _undated_own(mention):
                continue
            got = _candidate(mention, article, day, own_weekday(mention, found))
            if got is not None:
                votes[mention.evidence.article].append((*got, anchor.id))
    out = {}
    for art in sorted(votes):
        estimate = _agreed(art, votes[art])
        if estimate is not None:
            out[art] = estimate
    return out


def _redated(
    mention: EventMention, estimate: StoryDate, weekday: int | None
) -> EventMention | None:
    if not _undated_own(mention) or mention.evidence.caption:
        return None
    if weekday is not None and estimate.precision == "day":
        ref = date.fromisoformat(estimate.value)
        day = date.fromordinal(ref.toordinal() - (ref.isoweekday() - weekday) % 7)
        return mention.model_copy(update={"date": day.isoformat(), "date_precision": "day"})
    return mention.model_copy(update={"date": estimate.value, "date_precision": "report"})


#: Mention id -> the (date, precision) its article gave it, for mentions a story re-dated.
Originals = Mapping[str, tuple[str | None, str | None]]


def original_dates(
    before: Sequence[EventMention], after: Sequence[EventMention]
) -> dict[str, tuple[str | None, str | None]]:
    """What `apply_story_dates` changed: mention id -> its date before (kept by the caller,
    so that estimating again from stored, re-dated mentions starts from the article's own)."""
    old = {m.id: (m.date, m.date_precision) for m in before}
    return {
        m.id: old[m.id]
        for m in after
        if old.get(m.id, (m.date, m.date_precision)) != (m.date, m.date_precision)
    }


def article_dated(mention: EventMention, originals: Originals) -> EventMention:
    """The mention as its article dated it (undoing an earlier story date)."""
    own = originals.get(mention.id)
    if own is None:
        return mention
    return mention.model_copy(update={"date": own[0], "date_precision": own[1]})


def apply_story_dates(
    mentions: Sequence[EventMention],
    estimates: Mapping[str, StoryDate],
    *,
    timexes: Iterable[Timex] = (),
) -> list[EventMention]:
    """The mentions with the estimated articles' own-undated mentions re-dated (see the
    module docstring); every other mention is returned as it is."""
    if not estimates:
        return list(mentions)
    found = weekdays(t for t in timexes if t.article in estimates)
    out = []
    for mention in mentions:
        estimate = estimates.get(mention.evidence.article)
        redated = _redated(mention, estimate, own_weekday(mention, found)) if estimate else None
        out.append(redated or mention)
    return out


def story_dated(
    mentions: Sequence[EventMention],
    *,
    articles: Mapping[str, Article],
    duplicate_of: Mapping[str, str],
    story_of: Mapping[str, str],
    timexes: Iterable[Timex] = (),
    originals: Originals | None = None,
) -> tuple[list[EventMention], dict[str, StoryDate]]:
    """Estimate and apply in one step (the linking stage's call). Only mentions of stories
    and copy groups holding an article of unknown day are clustered for the estimate, so a
    corpus of dated reports pays nothing. Mentions re-dated by an earlier link are taken as
    their article dated them (`originals`, see `original_dates`)."""
    if originals:
        mentions = [article_dated(m, originals) for m in mentions]
    coarse = {a for a in {m.evidence.article for m in mentions} if coarse_article(articles.get(a))}
    if not coarse:
        return list(mentions), {}
    keys = {story_of.get(a, f"art:{a}") for a in coarse}
    keys |= {f"dup:{duplicate_of[a]}" for a in coarse if a in duplicate_of}

    def near(article: str) -> bool:
        return story_of.get(article, f"art:{article}") in keys or (
            f"dup:{duplicate_of.get(article, article)}" in keys
        )

    scope = [m for m in mentions if near(m.evidence.article)]
    groups = cluster_mentions(
        scope, articles=articles, duplicate_of=duplicate_of, story_of=story_of
    )
    timexes = list(timexes)
    estimates = estimate_story_dates(groups, articles=articles, timexes=timexes)
    return apply_story_dates(mentions, estimates, timexes=timexes), estimates
