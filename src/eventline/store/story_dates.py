"""Story-level date estimates as rows (`story_dates`, `story_dated_mentions`), read and written
by article, so a link touches only the rows of the articles whose stories it changes (#10).

An estimate (`corpus.story_dates.StoryDate`) is one `story_dates` row per article; a mention
the estimate re-dated keeps the date its own article gave it in `story_dated_mentions`, keyed
by mention and indexed by article. Both are replaced per article: a link that recomputes the
estimates of some articles deletes their rows and inserts the new ones, in the caller's
transaction. `import_blob` converts the single JSON blob (`index:story-dates`) the links of
migrations up to 0010 kept.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, delete, insert, select

from eventline.corpus.story_dates import StoryDate
from eventline.store.schema import event_mentions, story_dated_mentions, story_dates

#: The blob the links before migration 0011 kept the estimates in.
BLOB_KEY = "index:story-dates"

_PART = 500  # ids per IN list: well under SQLite's and PostgreSQL's parameter limits


@dataclass(frozen=True)
class OwnDate:
    """The date a mention's own article gave it, before a story estimate re-dated it."""

    mention: str
    article: str
    date: str | None
    precision: str | None


def _parts(ids: Iterable[str]) -> Iterator[list[str]]:
    ordered = sorted(set(ids))
    for start in range(0, len(ordered), _PART):
        yield ordered[start : start + _PART]


def read_estimates(conn: Connection, articles: Iterable[str]) -> dict[str, StoryDate]:
    """Article id -> its stored estimate, for those of these articles that have one."""
    t = story_dates
    out: dict[str, StoryDate] = {}
    for part in _parts(articles):
        query = select(t.c.article_id, t.c.value, t.c.precision, t.c.evidence)
        for article, value, precision, evidence in conn.execute(
            query.where(t.c.article_id.in_(part))
        ):
            out[article] = StoryDate(article, value, precision, evidence)
    return out


def read_own_dates(conn: Connection, articles: Iterable[str]) -> dict[str, OwnDate]:
    """Mention id -> its own date, for the re-dated mentions of these articles."""
    t = story_dated_mentions
    out: dict[str, OwnDate] = {}
    for part in _parts(articles):
        query = select(t.c.mention_id, t.c.article_id, t.c.date, t.c.date_precision)
        for mention, article, day, precision in conn.execute(query.where(t.c.article_id.in_(part))):
            out[mention] = OwnDate(mention, article, day, precision)
    return out


def replace(
    conn: Connection,
    articles: Collection[str] | None,
    estimates: Mapping[str, StoryDate],
    own: Sequence[OwnDate],
) -> None:
    """Make the rows of `articles` (of every article when None) these estimates and own
    dates; rows of other articles are left as they are."""
    for table in (story_dates, story_dated_mentions):
        if articles is None:
            conn.execute(delete(table))
            continue
        for part in _parts(articles):
            conn.execute(delete(table).where(table.c.article_id.in_(part)))
    rows = [
        {
            "article_id": e.article,
            "value": e.value,
            "precision": e.precision,
            "evidence": e.evidence,
        }
        for _, e in sorted(estimates.items())
    ]
    mentions = [_own_row(o) for o in sorted(own, key=lambda o: o.mention)]
    for table, chunk in ((story_dates, rows), (story_dated_mentions, mentions)):
        for start in range(0, len(chunk), _PART):
            conn.execute(insert(table), chunk[start : start + _PART])


def add_own_dates(conn: Connection, own: Sequence[OwnDate]) -> None:
    """Insert or replace these own-date rows, keeping every other row."""
    t = story_dated_mentions
    for part in _parts(o.mention for o in own):
        conn.execute(delete(t).where(t.c.mention_id.in_(part)))
    rows = [_own_row(o) for o in sorted(own, key=lambda o: o.mention)]
    for start in range(0, len(rows), _PART):
        conn.execute(insert(t), rows[start : start + _PART])


def _own_row(own: OwnDate) -> dict[str, str | None]:
    return {
        "mention_id": own.mention,
        "article_id": own.article,
        "date": own.date,
        "date_precision": own.precision,
    }


def import_blob(conn: Connection, data: bytes) -> tuple[int, int]:
    """Write the rows of an `index:story-dates` blob ({"articles": {id: [value, precision,
    evidence]}, "mentions": {id: [date, precision]}}); a mention the store no longer holds
    is dropped (the blob named mentions without their article). Returns the rows written."""
    blob = json.loads(data or b"{}")
    estimates = {
        a: StoryDate(a, str(v[0]), str(v[1]), str(v[2]))
        for a, v in sorted(blob.get("articles", {}).items())
    }
    dates = blob.get("mentions", {})
    article_of: dict[str, str] = {}
    for part in _parts(dates):
        em = event_mentions
        query = select(em.c.id, em.c.article_id).where(em.c.id.in_(part))
        article_of.update((m, a) for m, a in conn.execute(query))
    own = [
        OwnDate(m, article_of[m], dates[m][0], dates[m][1])
        for m in sorted(dates)
        if m in article_of
    ]
    replace(conn, None, estimates, own)
    return len(estimates), len(own)
