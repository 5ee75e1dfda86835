"""Story-level dates kept as rows and recomputed only where new articles change them (#10).

A report of unknown day is dated by its story's dated events (`corpus.story_dates`). The
estimate of an article depends only on the mentions of the stories and copy groups connected
to it (`story_dated` clusters within stories and copy groups), so when new articles arrive
only the estimates of their **component** can change: the articles reached from them through
shared stories and copy groups, closed transitively. An incremental link reads the stored
mentions, timexes and story-date rows of that component alone, estimates it as a full link
would (from each mention's own date: a stored mention re-dated by an earlier link is first
given back the date its article gave it, `story_dated_mentions`), and returns

- the new articles' mentions re-dated,
- the stored mentions whose date changed (a dated event arrived in their story, or an
  estimate changed or vanished): the caller re-clusters their events and rewrites them,
- the component's new story-date rows.

`write` stores all of it in the link's transaction, so the rows always describe the stored
mentions (a link killed before it commits leaves both as they were).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from sqlalchemy import Connection, delete, select

from eventline.analysis import increment as inc
from eventline.analysis.dedup_table import stored_groups
from eventline.analysis.resolve import Resolved
from eventline.analysis.story_table import StoredStories
from eventline.analysis.sync import block_rows
from eventline.corpus.story_dates import (
    StoryDate,
    article_dated,
    coarse_article,
    original_dates,
    story_dated,
)
from eventline.model import Article, DuplicateGroup, EventMention, Timex
from eventline.store import Store
from eventline.store import schema as S
from eventline.store import story_dates as rows
from eventline.store.schema_analysis import event_blocks, record_digests
from eventline.store.writer import Writer


@dataclass
class Redate:
    """What an incremental link changes of the story-level dates (see the module docstring)."""

    new: list[EventMention]  # the new articles' event mentions, re-dated
    stored: list[EventMention] = field(default_factory=list)  # stored mentions re-dated anew
    articles: set[str] = field(default_factory=set)  # the component whose rows are replaced
    estimates: dict[str, StoryDate] = field(default_factory=dict)
    own: list[rows.OwnDate] = field(default_factory=list)
    known: dict[str, Article] = field(default_factory=dict)  # the component's articles


def own_dates(before: Sequence[EventMention], after: Sequence[EventMention]) -> list[rows.OwnDate]:
    """The rows of the mentions a story date changed, each with the date it had `before`."""
    article = {m.id: m.evidence.article for m in after}
    return [
        rows.OwnDate(i, article[i], day, precision)
        for i, (day, precision) in sorted(original_dates(before, after).items())
    ]


class Copies:
    """Each article's copy group (members and canonical) as a full link would see it, for an
    incremental link that rebuilt only the groups its new articles joined (`fresh`): another
    article's group is unchanged, so it is read from the store (`dedup_table.stored_groups`)
    when the search first reaches the article, not every group of the store each link."""

    def __init__(self, fresh: Sequence[DuplicateGroup]) -> None:
        self.members: dict[str, tuple[str, ...]] = {}
        self.canonical: dict[str, str] = {}
        self._add(fresh)
        self._asked: set[str] = set(self.members)

    def _add(self, groups: Iterable[DuplicateGroup]) -> None:
        for group in groups:
            for member in group.members:
                self.members.setdefault(member, group.members)
                self.canonical.setdefault(member, group.canonical)

    def need(self, conn: Connection, article_ids: Iterable[str]) -> None:
        """Read the stored groups of these articles (those not known yet)."""
        wanted = set(article_ids) - self._asked
        if wanted:
            self._add(stored_groups(conn, wanted))
            self._asked |= wanted | set(self.members)


def component(
    conn: Connection,
    start: Iterable[str],
    stories: StoredStories,
    copies: Copies,
    known: dict[str, Article],
) -> set[str]:
    """The articles a full link dates together with `start`: those of its scope (a story or
    copy group holding a report of unknown day, `corpus.story_dates.story_dated`) connected to
    `start` through shared stories and copy groups. Articles out of the scope are never
    clustered for an estimate, so the search does not go through them. `known` caches the
    articles read (and must hold those not stored yet); `copies` reads the groups reached."""
    seen: set[str] = set()
    found: set[str] = set()
    todo = set(start)
    while todo:
        seen |= todo
        stories.prefetch(todo)
        copies.need(conn, todo)
        held = {s.id: s.articles for s in stories.records_of(todo)}
        near = {
            a: {*held.get(stories.story_of(a) or "", (a,)), *copies.members.get(a, (a,))}
            for a in todo
        }
        wanted = set().union(*near.values()) - set(known)
        known.update({a.id: a for a in inc.articles_by_id(conn, wanted)})
        inside = {a for a, mates in near.items() if any(_coarse(known.get(m)) for m in mates)}
        found |= inside
        todo = set().union(set(), *(near[a] for a in inside)) - seen
    return found


def _coarse(article: Article | None) -> bool:
    return article is not None and coarse_article(article)


def redate_new(
    store: Store,
    resolved: Resolved,
    *,
    by_id: Mapping[str, Article],
    groups: Sequence[DuplicateGroup],
    stories: StoredStories,
) -> Redate:
    """Estimate the component of the new articles (`by_id`) again (module docstring). The
    search starts from them and from the members of the copy groups they joined (whose
    canonical may have changed, and with it the clustering of their stories). `groups`: at
    least the copy groups the new articles joined, as this link rebuilt them; the groups of
    the other articles reached are read from the store (`Copies`)."""
    new = set(by_id)
    start = new | {m for g in groups if new.intersection(g.members) for m in g.members}
    known = dict(by_id)
    copies = Copies(groups)
    with store.engine.connect() as conn:
        scope = component(conn, start, stories, copies, known)
        if not scope:
            return Redate(list(resolved.event_mentions))  # no report of unknown day near
        stored_ids = scope - new
        own = rows.read_own_dates(conn, stored_ids)
    stored = store.records_of_articles("event_mentions", EventMention, stored_ids)
    timexes = [*store.records_of_articles("timexes", Timex, stored_ids), *resolved.timexes]
    originals = {m: (o.date, o.precision) for m, o in own.items()}
    base = [*(article_dated(m, originals) for m in stored)]
    base += [m for m in resolved.event_mentions if m.evidence.article in scope]
    story_of = {a: s for a in scope if (s := stories.story_of(a)) is not None}
    duplicate_of = {a: copies.canonical[a] for a in scope if a in copies.canonical}
    mentions, estimates = story_dated(
        base, articles=known, duplicate_of=duplicate_of, story_of=story_of, timexes=timexes
    )
    was = {m.id: (m.date, m.date_precision) for m in stored}
    dated = {m.id: m for m in mentions}
    return Redate(
        new=[dated.get(m.id, m) for m in resolved.event_mentions],
        stored=[m for m in mentions if m.id in was and was[m.id] != (m.date, m.date_precision)],
        articles=scope,
        estimates=estimates,
        own=own_dates(base, mentions),
        known=known,
    )


def write(writer: Writer, redate: Redate) -> None:
    """Store the component's rows and its re-dated stored mentions (with their blocking keys).
    The digests of the re-dated articles are dropped, so a later full link rewrites their
    records rather than trusting digests of what they were before."""
    if not redate.articles:
        return
    rows.replace(writer.conn, redate.articles, redate.estimates, redate.own)
    if not redate.stored:
        return
    writer.put_event_mentions(redate.stored)
    ids = sorted(m.id for m in redate.stored)
    articles = sorted({m.evidence.article for m in redate.stored})
    b, d = event_blocks, record_digests
    for start in range(0, len(ids), 500):  # through the article index (the key leads by code)
        part = ids[start : start + 500]
        owners = sorted({m.evidence.article for m in redate.stored if m.id in set(part)})
        writer.conn.execute(delete(b).where(b.c.article_id.in_(owners), b.c.mention_id.in_(part)))
    writer.put_event_blocks(block_rows(redate.stored, redate.known))
    for start in range(0, len(articles), 500):
        part = articles[start : start + 500]
        writer.conn.execute(delete(d).where(d.c.kind == "article", d.c.id.in_(part)))


def events_of(conn: Connection, mention_ids: Iterable[str]) -> set[str]:
    """The stored events holding these mentions (re-clustered when a story date moves them)."""
    el = S.event_links
    ids = sorted(mention_ids)
    out: set[str] = set()
    for start in range(0, len(ids), 500):
        query = select(el.c.event_id).where(el.c.mention_id.in_(ids[start : start + 500]))
        out.update(r[0] for r in conn.execute(query))
    return out
