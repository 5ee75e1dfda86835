"""One record per real event: merge event mentions that several articles (or one article
several times) report about the same happening.

Two mentions denote the same event when they have the same PLOVER type (or a type listed as
compatible in `resources/corpus/merge.yaml`), their participants overlap (countries or actor
ids; for meetings either side may hold either party; a recipient must be one every member
naming a recipient shares, so overlapping recipients never chain two happenings), named persons
on the acting side do not contradict each other (Putin condemning is not Peskov condemning),
known locations agree, their modalities may share an event (a denial never merges with an
assertion), their dates fit, and there is evidence that they report one happening. Sharing a
type, a country and a day is not such evidence (a trade pact and an unrelated summit of the
same day between the same states): a mention joins a cluster only when one of its members is in
the same article, the same copy group or the same story, or else when both sides name the same
actors by id (not just by country, nor by a descriptor such as "desc:USA:MIL:bomber") and every
date involved is a single day (stated, or the report's own day).

Dates fit when:

- day against day: at most `day_window` days apart; coarser dates (week, month, year) must
  overlap ("June 2025" holds June 23);
- a mention dated only by its report joins a dated cluster whose date lies a few days before
  the report's publication, and another report-dated mention published about the same day;
- a mention of a report known only to its month or year ("coarse") joins dates within that
  span (widened by the same few days), and only through its article, copy group or story;
- a mention with no date at all (an undated report) joins mentions of its own article, copy
  group or story, whatever their dates.

So a story dates what its reports leave open: a report-dated or undated mention merged with a
stated date takes that date in the merged event, and `propagated_dates` hands it back to the
mention ("the meeting" in an undated column, "met Friday" in a report known only to its
month, when a story-mate states the day).

Clustering is greedy and complete-linkage on dates: mentions are taken most precise date
first, so each cluster is anchored by its best-dated mention, and a mention joins the best
cluster it is compatible with (checked against every member's date, so a chain of day windows
never stretches one event over a week).

Scaling: clusters are blocked by type family and indexed by participant code, so a mention is
compared only with clusters of its type that share a country or actor with it — O(n·k) for k
clusters per (type, country) posting list. The same index kept in the store makes merging
incremental: a new mention is matched against the posting lists of its (type, country) keys
within its date window, without recomputing the corpus.
"""

from __future__ import annotations

import calendar
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from eventline.errors import ResourceError
from eventline.model import ActorRef, Article, Event, EventMention, Modality, content_id

_RESOURCE = "merge.yaml"
_LEAP = 2000
_COUNTRY_ID = re.compile(r"(?:^|:)[A-Z]{3}$")  # "RUS", "kb:RUS": a whole country, no person


class MergeRules(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    version: int
    day_window: int = 1
    report_before: int = 4
    report_after: int = 1
    symmetric_types: tuple[str, ...] = ()
    compatible_types: tuple[tuple[str, str], ...] = ()
    modality_groups: tuple[tuple[str, ...], ...] = ()
    precision_rank: tuple[str, ...] = ()


def corpus_resource(name: str) -> Any:
    """Parse one YAML file of `eventline/resources/corpus/`; a bad file is a ResourceError."""
    path = resources.files("eventline") / "resources" / "corpus" / name
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise ResourceError(str(path), f"cannot read: {exc}") from exc


@lru_cache(maxsize=1)
def merge_rules() -> MergeRules:
    try:
        return MergeRules.model_validate(corpus_resource(_RESOURCE))
    except ValidationError as exc:
        raise ResourceError(_RESOURCE, f"invalid merge rules: {exc.errors()[0]['msg']}") from exc


# --- dates -------------------------------------------------------------------------------


@dataclass(frozen=True)
class MentionDays:
    """A mention's date as day ordinals: `kind` "exact" (a stated date of any precision),
    "report" (the publication day stands in for it), "coarse" (only the report's month or
    year is known: lo..hi spans it) or "none" (no date, no publication date). A day and
    month of unknown year is placed in the leap year 2000 and flagged `monthday`."""

    kind: str
    lo: int = 0
    hi: int = 0
    day: bool = False  # day precision: compared with the day window, not by overlap
    monthday: bool = False  # year unknown: placed in the leap year 2000


def _month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def _exact(value: str, precision: str | None, year: int | None) -> MentionDays | None:
    """Calendar span of a stated date; None when it cannot be placed on a calendar."""
    try:
        if value.startswith("--"):
            if year is None and len(value) == 4:  # "--06": a month of unknown year
                month = int(value[2:4])
                lo, hi = date(_LEAP, month, 1), _month_end(_LEAP, month)
                return MentionDays("exact", lo.toordinal(), hi.toordinal(), monthday=True)
            if year is None:
                day = date.fromisoformat(f"{_LEAP}{value[1:]}").toordinal()
                return MentionDays("exact", day, day, day=True, monthday=True)
            value = f"{year}{value[1:]}"
        if len(value) == 10:
            d = date.fromisoformat(value).toordinal()
            week = precision == "week"
            return MentionDays("exact", d, d + 6 if week else d, day=not week)
        if len(value) == 7:
            y, m = int(value[:4]), int(value[5:7])
            return MentionDays("exact", date(y, m, 1).toordinal(), _month_end(y, m).toordinal())
        if len(value) == 4:
            y = int(value)
            return MentionDays("exact", date(y, 1, 1).toordinal(), date(y, 12, 31).toordinal())
    except ValueError:
        return None
    return None


def mention_date(mention: EventMention, article: Article | None) -> MentionDays:
    """Where a mention sits in time: its own date, else its report's publication date."""
    published = article.published.value if article and article.published else None
    return _mention_days(mention.date, mention.date_precision, published)


@lru_cache(maxsize=1 << 16)
def _mention_days(value: str | None, precision: str | None, published: str | None) -> MentionDays:
    """`mention_date` of a mention's date and precision and its report's publication date
    (all it reads; kept, as a link asks it of each mention several times)."""
    year = None if published is None or published.startswith("--") else int(published[:4])
    if value and precision != "report":
        span = _exact(value, precision, year)
        if span is not None:
            return span
    report = value if precision == "report" else None
    if report is None and published is not None:
        report = published
    if report:
        span = _exact(report, "day", year)
        if span is not None and span.day:
            return MentionDays("report", span.lo, span.lo, monthday=span.monthday)
        if span is not None:  # a report known only to its month or year
            return MentionDays("coarse", span.lo, span.hi)
    return MentionDays("none")


def _in_leap_year(span: MentionDays) -> MentionDays | None:
    """A dated span moved to the year 2000, to compare with a day and month of no year."""
    first, last = date.fromordinal(span.lo), date.fromordinal(span.hi)
    if first.year != last.year:
        return None
    lo = first.replace(year=_LEAP).toordinal()
    return MentionDays(
        span.kind, lo, last.replace(year=_LEAP).toordinal(), day=span.day, monthday=True
    )


def dates_compatible(a: MentionDays, b: MentionDays, rules: MergeRules) -> bool:
    """Whether two mention dates may denote one happening (see the module docstring). A
    "coarse" report (month or year) is compared by its span, widened by the report window;
    "none" fits nothing here (`_fits` lets it join its own article, story or copy group)."""
    if "none" in (a.kind, b.kind):
        return False
    if "coarse" in (a.kind, b.kind):
        coarse, other = (a, b) if a.kind == "coarse" else (b, a)
        if other.monthday:
            return True  # a day and month of no year cannot be ruled out by a month span
        return other.lo <= coarse.hi + rules.report_after and other.hi >= (
            coarse.lo - rules.report_before
        )
    if a.monthday or b.monthday:
        moved_a = a if a.monthday else _in_leap_year(a)
        moved_b = b if b.monthday else _in_leap_year(b)
        if moved_a is None or moved_b is None:
            return True  # a span over New Year: a day and month cannot rule it out
        a, b = moved_a, moved_b
    if a.kind == b.kind == "report" or (a.day and b.day):
        return abs(a.lo - b.lo) <= rules.day_window
    if a.kind == "report" or b.kind == "report":
        report, dated = (a, b) if a.kind == "report" else (b, a)
        return dated.lo <= report.lo + rules.report_after and dated.hi >= (
            report.lo - rules.report_before
        )
    return a.lo <= b.hi and b.lo <= a.hi


# --- mentions and clusters ---------------------------------------------------------------


def ref_code(ref: ActorRef) -> str:
    """What two mentions compare: the actor's country, else its own id (an IGO, a group)."""
    return ref.country or ref.id


def _persons(refs: Iterable[ActorRef]) -> frozenset[str]:
    """Ids of specific actors (people, named bodies), not of whole countries."""
    return frozenset(r.id for r in refs if not _COUNTRY_ID.search(r.id))


@dataclass(frozen=True)
class _View:
    mention: EventMention
    family: str
    symmetric: bool
    actors: frozenset[str]
    recipients: frozenset[str]
    persons: frozenset[str]
    when: MentionDays
    group: int
    rank: tuple[int, int]
    actor_ids: frozenset[str] = frozenset()
    recipient_ids: frozenset[str] = frozenset()
    links: frozenset[str] = frozenset()  # article, copy group and story it belongs to
    codes: frozenset[str] = frozenset()  # actors | recipients (set by `_view`)

    def meets(self, cluster: _Cluster) -> bool:
        """Whether it shares a participant code with the cluster."""
        return not (
            self.codes.isdisjoint(cluster.actors) and self.codes.isdisjoint(cluster.recipients)
        )

    @property
    def article(self) -> str:
        return self.mention.evidence.article


@dataclass
class _Cluster:
    members: list[_View] = field(default_factory=list)
    family: str = ""
    group: int = -1  # the modality group of its first member (all members share it)
    actors: set[str] = field(default_factory=set)
    recipients: set[str] = field(default_factory=set)
    persons: set[str] = field(default_factory=set)
    modes: set[str] = field(default_factory=set)
    places: set[str] = field(default_factory=set)
    actor_ids: set[str] = field(default_factory=set)
    recipient_ids: set[str] = field(default_factory=set)
    links: set[str] = field(default_factory=set)
    all_days: bool = True
    whens: dict[MentionDays, set[str]] = field(default_factory=dict)  # date -> articles
    # The recipients every member naming one shares (None: no member names one). A new
    # mention's recipients must meet these, not just the union, so no chain of overlaps
    # (Iran; Iran and Israel; Israel) gives the event a recipient of another happening.
    recipient_core: set[str] | None = None
    # Bounds of the member dates placed on the calendar (`_placed`): the latest start, the
    # earliest end, the earliest start, the latest end; `odd`: some other date (no date, a
    # day of unknown year). A test of a placed date against them (`_far`) is exact.
    bounds: tuple[int, int, int, int] | None = None
    odd: bool = False

    def add(self, view: _View) -> None:
        if not self.members:
            self.family, self.group = view.family, view.group
        self.members.append(view)
        if view.when not in self.whens:
            self.bound(view.when)
        self.whens.setdefault(view.when, set()).add(view.article)
        self.actors |= view.actors
        self.recipients |= view.recipients
        if view.recipients:
            core = self.recipient_core
            self.recipient_core = set(view.recipients) if core is None else core & view.recipients
        self.persons |= view.persons
        self.actor_ids |= view.actor_ids
        self.recipient_ids |= view.recipient_ids
        self.links |= view.links
        self.all_days = self.all_days and _stated_day(view)
        if view.mention.mode:
            self.modes.add(view.mention.mode)
        if view.mention.location and view.mention.location.country:
            self.places.add(view.mention.location.country)

    def bound(self, when: MentionDays) -> None:
        """Widen `bounds` (or set `odd`) by one member date."""
        if not _placed(when):
            self.odd = True
        elif self.bounds is None:
            self.bounds = (when.lo, when.hi, when.lo, when.hi)
        else:
            lo_max, hi_min, lo_min, hi_max = self.bounds
            self.bounds = (
                max(lo_max, when.lo),
                min(hi_min, when.hi),
                min(lo_min, when.lo),
                max(hi_max, when.hi),
            )


def _placed(when: MentionDays) -> bool:
    """A date `dates_compatible` compares by its days alone (not "none", year known)."""
    return when.kind != "none" and not when.monthday


@lru_cache(maxsize=1)
def _slack() -> int:
    """The widest window `dates_compatible` allows between two placed dates."""
    rules = merge_rules()
    return max(rules.day_window, rules.report_before, rules.report_after)


def _far(when: MentionDays, lo: int, hi: int) -> bool:
    """Whether a placed date ends more than `_slack` days before `lo` or starts more than
    that after `hi`: it is then compatible with no placed date starting at `lo` or later,
    nor with one ending at `hi` or earlier (each case of `dates_compatible` bounds either
    date's start by the other's end plus a window of at most `_slack` days)."""
    slack = _slack()
    return lo > when.hi + slack or hi < when.lo - slack


def _family(event_type: str, rules: MergeRules) -> str:
    """Compatible types share one family name (the alphabetically first of the pair)."""
    for pair in rules.compatible_types:
        if event_type in pair:
            return min(pair)
    return event_type


def _stated_day(view: _View) -> bool:
    """A date of one day: stated, or the report's own day standing in for it."""
    return view.when.kind == "report" or (view.when.kind == "exact" and view.when.day)


def _links(
    article: str, duplicate_of: Mapping[str, str], story_of: Mapping[str, str]
) -> frozenset[str]:
    """What ties a mention's report to others: its article, copy group and story."""
    links = {f"art:{article}", f"dup:{duplicate_of.get(article, article)}"}
    if article in story_of:
        links.add(f"story:{story_of[article]}")
    return frozenset(links)


#: Clustering order after stated dates: a report's day, then a report's month or year (it
#: still bounds the date), then no date at all (it joins whatever its links offer).
_KIND_RANK = {"report": 98, "coarse": 99, "none": 100}


def _view(
    mention: EventMention,
    article: Article | None,
    rules: MergeRules,
    links: frozenset[str] = frozenset(),
) -> _View:
    symmetric = mention.type in rules.symmetric_types
    group = next(
        (i for i, g in enumerate(rules.modality_groups) if mention.modality in g),
        len(rules.modality_groups),
    )
    precision = mention.date_precision or "report"
    rank = rules.precision_rank.index(precision) if precision in rules.precision_rank else 99
    when = mention_date(mention, article)
    actors = frozenset(ref_code(r) for r in mention.actor)
    recipients = frozenset(ref_code(r) for r in mention.recipient)
    return _View(
        mention=mention,
        family=_family(mention.type, rules),
        symmetric=symmetric,
        actors=actors,
        recipients=recipients,
        codes=actors | recipients,
        persons=_persons((*mention.actor, *mention.recipient) if symmetric else mention.actor),
        when=when,
        group=group,
        rank=(rank if when.kind == "exact" else _KIND_RANK[when.kind], when.lo),
        actor_ids=frozenset(r.id for r in mention.actor),
        recipient_ids=frozenset(r.id for r in mention.recipient),
        links=links,
    )


def _same_parties(view: _View, cluster: _Cluster) -> bool:
    """Evidence of one happening across unrelated reports: the same actors by id on both
    sides (either side for meetings) and single days throughout (no month or year)."""
    if not (_stated_day(view) and cluster.all_days):
        return False
    actors, recipients = _named_ids(view.actor_ids), _named_ids(view.recipient_ids)
    their_actors, their_recipients = _named(cluster.actor_ids), _named(cluster.recipient_ids)
    if view.symmetric:
        mine, theirs = actors | recipients, their_actors | their_recipients
        return len(mine & theirs) >= max(1, min(2, len(mine), len(theirs)))
    if not actors & their_actors:
        return False
    if recipients or their_recipients:
        return bool(recipients & their_recipients)
    return True


@lru_cache(maxsize=1 << 14)
def _named_ids(ids: frozenset[str]) -> frozenset[str]:
    """`_named` of a mention's ids (kept: a link asks it of the same mentions many times)."""
    return frozenset(_named(ids))


def _named(ids: Iterable[str]) -> set[str]:
    """Actor ids that name someone: a descriptor ("desc:USA:MIL:bomber", US bombers) is no
    evidence that two reports tell of one happening."""
    return {i for i in ids if not i.startswith("desc:")}


def _touches(view: _View, cluster: _Cluster, rules: MergeRules) -> bool:
    """Whether the mention might fit some member of the cluster on its own: the same modality
    group, a shared participant code, a date compatible with one member's (any linkage). A
    summary cannot tell which member holds a mode, a place or an id, so those are not asked:
    this over-approximates, and is what an incremental link re-clusters on when the mention
    ranks before a member (greedy order could then place that member with it)."""
    if view.group != cluster.group or not view.meets(cluster):
        return False
    bounds = cluster.bounds
    all_far = bounds is not None and not cluster.odd and _placed(view.when)
    if all_far and bounds is not None and _far(view.when, bounds[2], bounds[3]):
        return False  # every member date is placed, and all of them are far
    linked = bool(view.links & cluster.links)
    for when, articles in cluster.whens.items():
        if dates_compatible(view.when, when, rules):
            return True
        if "none" in (view.when.kind, when.kind) and (linked or view.article in articles):
            return True
    return False


def _participants_overlap(view: _View, cluster: _Cluster) -> int:
    """Shared participant codes, 0 when the two sides cannot be the same act."""
    if view.symmetric:
        mine, theirs = view.codes, cluster.actors | cluster.recipients
        shared = len(mine & theirs)
        return shared if shared >= min(2, len(mine), len(theirs)) else 0
    acts, recs = view.actors & cluster.actors, view.recipients & cluster.recipients
    if view.actors and cluster.actors and not acts:
        return 0
    core = cluster.recipients if cluster.recipient_core is None else cluster.recipient_core
    if view.recipients and core and not view.recipients & core:
        return 0
    return len(acts) + len(recs)


def _fits(view: _View, cluster: _Cluster, rules: MergeRules) -> int:
    """How well a mention fits a cluster of its family (0: it does not)."""
    if view.group != cluster.group:
        return 0
    mode = view.mention.mode
    if mode and cluster.modes and mode not in cluster.modes:
        return 0
    if view.persons and cluster.persons and not view.persons & cluster.persons:
        return 0
    place = view.mention.location.country if view.mention.location else None
    if place and cluster.places and place not in cluster.places:
        return 0
    # Complete linkage, checked once per distinct member date (copies share theirs), before
    # the costlier evidence test: every condition must hold, so the order is free. A placed
    # date far from the cluster's latest start or earliest end fails one of them at once.
    bounds = cluster.bounds
    if bounds is not None and _placed(view.when) and _far(view.when, bounds[0], bounds[1]):
        return 0  # the member starting last or the one ending first is far
    linked = bool(view.links & cluster.links)
    for when, articles in cluster.whens.items():
        if dates_compatible(view.when, when, rules):
            continue
        if "none" in (view.when.kind, when.kind) and (linked or articles == {view.article}):
            continue  # an undated report's mention joins its article, copy group or story
        return 0
    if not (linked or _same_parties(view, cluster)):
        return 0
    return _participants_overlap(view, cluster)


def _order(view: _View) -> tuple[Any, ...]:
    """The clustering order: best-ranked date first, then article, position, id."""
    return (view.rank, view.article, view.mention.evidence.start, view.mention.id)


def _cluster_views(views: list[_View], rules: MergeRules) -> list[_Cluster]:
    clusters: list[_Cluster] = []
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    for view in sorted(views, key=_order):
        candidates = sorted({i for code in view.codes for i in index[(view.family, code)]})
        best, best_fit = None, 0
        for i in candidates:
            fit = _fits(view, clusters[i], rules)
            if fit > best_fit:
                best, best_fit = i, fit
        if best is None:
            best = len(clusters)
            clusters.append(_Cluster())
        clusters[best].add(view)
        for code in view.codes:
            if best not in index[(view.family, code)]:
                index[(view.family, code)].append(best)
    return clusters


def _apart(views: Sequence[_View]) -> list[list[_View]]:
    """The views in parts that cluster apart: a view joins a cluster only if it shares a
    participant code with a member of the same family and modality group whose date it is
    compatible with (or one of the two has no date or a day of unknown year), so views
    linked by no chain of such pairs never meet, and clustering each part alone (in the
    clustering's order) gives the clusters of clustering them all. Two placed dates that
    are compatible are at most `_slack` days apart (`_far`), so each (family, group, code)
    is swept in date order as runs of spans widened by it."""
    parent = list(range(len(views)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    blocks: dict[tuple[str, int, str], list[int]] = defaultdict(list)
    for i, view in enumerate(views):
        for code in view.codes:
            blocks[(view.family, view.group, code)].append(i)
    slack = _slack()
    for block in blocks.values():
        odd = [i for i in block if not _placed(views[i].when)]
        if odd:  # dated by links, or of unknown year: it may meet any view of the block
            for i in block:
                parent[find(i)] = find(odd[0])
            continue
        spans = sorted((views[i].when.lo, views[i].when.hi + slack, i) for i in block)
        end, first = spans[0][1], spans[0][2]
        for lo, hi, i in spans[1:]:
            if lo <= end:
                parent[find(i)] = find(first)
                end = max(end, hi)
            else:
                end, first = hi, i
    parts: dict[int, list[_View]] = defaultdict(list)
    for i, view in enumerate(views):
        parts[find(i)].append(view)
    return list(parts.values())


@dataclass
class MergeCache:
    """What the rounds of one incremental link's re-clustering share (`merge_with_summaries`
    of growing sets of the same mentions, articles, copy groups and stories): the clusters
    of each part that clusters apart (`_apart`, by its mention ids), each cluster's event
    (without its id) and summary (by its members in order), each mention's view."""

    parts: dict[frozenset[str], list[_Cluster]] = field(default_factory=dict)
    events: dict[tuple[str, ...], tuple[Event, dict[str, Any]]] = field(default_factory=dict)
    views: dict[str, _View] = field(default_factory=dict)  # by mention id

    def clusters(self, views: list[_View], rules: MergeRules) -> list[_Cluster]:
        """`_cluster_views`, part by part, each part clustered once."""
        out: list[_Cluster] = []
        for part in _apart(views):
            key = frozenset(v.mention.id for v in part)
            if key not in self.parts:
                self.parts[key] = _cluster_views(part, rules)
            out.extend(self.parts[key])
        # the order `_cluster_views` creates them in: by their first member
        return sorted(out, key=lambda c: _order(c.members[0]))


def _clusters(
    mentions: Sequence[EventMention],
    *,
    articles: Mapping[str, Article],
    duplicate_of: Mapping[str, str] | None = None,
    story_of: Mapping[str, str] | None = None,
    cache: MergeCache | None = None,
) -> list[_Cluster]:
    """The clusters of `cluster_mentions`, then one cluster per mention with no participant."""
    rules = merge_rules()
    dups, stories = duplicate_of or {}, story_of or {}
    made = cache.views if cache is not None else {}
    views = []
    for m in mentions:
        view = made.get(m.id)
        if view is None or view.mention is not m:
            article = m.evidence.article
            view = _view(m, articles.get(article), rules, _links(article, dups, stories))
            made[m.id] = view
        views.append(view)
    coded = [v for v in views if v.codes]
    clusters = _cluster_views(coded, rules) if cache is None else cache.clusters(coded, rules)
    for view in views:
        if not view.codes:
            clusters.append(_Cluster())
            clusters[-1].add(view)
    return clusters


def cluster_mentions(
    mentions: Sequence[EventMention],
    *,
    articles: Mapping[str, Article],
    duplicate_of: Mapping[str, str] | None = None,
    story_of: Mapping[str, str] | None = None,
) -> list[list[EventMention]]:
    """Group mentions that denote the same real event; each group best-dated mention first.
    A mention without any participant cannot be linked and stays alone. `duplicate_of` and
    `story_of` (article id -> copy group's canonical article, -> story id) say which reports
    belong together."""
    clusters = _clusters(mentions, articles=articles, duplicate_of=duplicate_of, story_of=story_of)
    return [[v.mention for v in c.members] for c in clusters]


def propagated_dates(
    mentions: Sequence[EventMention],
    *,
    articles: Mapping[str, Article],
    duplicate_of: Mapping[str, str] | None = None,
    story_of: Mapping[str, str] | None = None,
) -> dict[str, tuple[str | None, str | None]]:
    """Mention id -> (date, precision) for each mention without a stated date of its own
    (dated by its report, by a report known only to its month, or not at all) that merges
    with a mention stating one: it takes the date of its event's best-dated mention."""
    out: dict[str, tuple[str | None, str | None]] = {}
    for cluster in _clusters(
        mentions, articles=articles, duplicate_of=duplicate_of, story_of=story_of
    ):
        anchor = cluster.members[0]
        if anchor.when.kind != "exact":
            continue
        for view in cluster.members[1:]:
            if view.when.kind != "exact":
                out[view.mention.id] = (anchor.mention.date, anchor.mention.date_precision)
    return out


# --- merged records ----------------------------------------------------------------------


def independent_sources(
    article_ids: Iterable[str],
    *,
    articles: Mapping[str, Article],
    duplicate_of: Mapping[str, str],
) -> int:
    """Count independent sources: syndicated copies (one duplicate group) count once, and so
    do several articles of one outlet; an article without a known outlet is its own source."""
    rows = []
    for art in set(article_ids):
        outlet = articles[art].outlet if art in articles else None
        folded = " ".join(outlet.casefold().split()) if outlet else None
        rows.append((art, duplicate_of.get(art, art), folded))
    return count_sources(rows)


def count_sources(rows: Iterable[tuple[str, str, str | None]]) -> int:
    """`independent_sources` over (article, copy group, folded outlet) rows: articles joined
    by a shared group or outlet are one source (union-find), so an incremental link can count
    from stored rows without the articles."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    arts = set()
    for article, group, outlet in rows:
        arts.add(article)
        nodes = [f"art:{article}", f"grp:{group}", *([f"out:{outlet}"] if outlet else [])]
        for node in nodes[1:]:
            parent[find(node)] = find(nodes[0])
    return len({find(f"art:{a}") for a in arts})


def _merged_modality(mentions: Sequence[EventMention]) -> Modality:
    """Asserted if any report asserts it, else what most reports say (first on a tie)."""
    found = [m.modality for m in mentions]
    return "asserted" if "asserted" in found else Counter(found).most_common(1)[0][0]


def _side(mentions: Sequence[EventMention], pick: str, keep: set[str]) -> tuple[ActorRef, ...]:
    """The anchor's participants on one side, with other reports' refs for the same parties
    (a person named in one report, the country in another); most reported first."""
    counts: Counter[str] = Counter()
    refs: dict[str, ActorRef] = {}
    for mention in mentions:
        for ref in getattr(mention, pick):
            if ref_code(ref) in keep:
                counts[ref.id] += 1
                refs.setdefault(ref.id, ref)
    return tuple(refs[i] for i, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _most_named(group: Sequence[EventMention], pick: str, exclude: set[str]) -> set[str]:
    """The codes most reports give on one side, when the best-dated report gives none."""
    counts = Counter(ref_code(r) for m in group for r in getattr(m, pick)) - Counter(exclude)
    top = max(counts.values(), default=0)
    return {code for code, n in counts.items() if n == top and code not in exclude}


def _date_of(
    group: Sequence[EventMention], anchor_date: MentionDays
) -> tuple[str | None, str | None]:
    head = group[0]
    if anchor_date.kind == "exact":
        return head.date, head.date_precision
    if anchor_date.kind == "report":
        day = date.fromordinal(anchor_date.lo)
        # a report of unknown year was placed in the stand-in year: keep the year unknown
        value = f"--{day.month:02d}-{day.day:02d}" if anchor_date.monthday else day.isoformat()
        return value, "report"
    return head.date, head.date_precision  # a day and month of unknown year, or nothing


def _event(
    group: Sequence[EventMention],
    *,
    articles: Mapping[str, Article],
    duplicate_of: Mapping[str, str],
) -> Event:
    head = group[0]
    types = Counter(m.type for m in group)
    modes = Counter(m.mode for m in group if m.mode)
    places = Counter(m.location for m in group if m.location)
    actor_codes = {ref_code(r) for r in head.actor} or _most_named(group, "actor", set())
    recipient_codes = {ref_code(r) for r in head.recipient} - actor_codes
    if not recipient_codes and head.type not in merge_rules().symmetric_types:
        recipient_codes = _most_named(group, "recipient", actor_codes)
    date_value, precision = _date_of(group, mention_date(head, articles.get(head.evidence.article)))
    return Event(
        id="",
        type=head.type if types[head.type] == max(types.values()) else types.most_common(1)[0][0],
        mode=head.mode or (modes.most_common(1)[0][0] if modes else None),
        context=tuple(sorted({c for m in group for c in m.context})),
        actor=_side(group, "actor", actor_codes) if actor_codes else head.actor,
        recipient=_side(group, "recipient", recipient_codes) if recipient_codes else (),
        date=date_value,
        date_precision=precision,
        location=head.location or (places.most_common(1)[0][0] if places else None),
        modality=_merged_modality(group),
        mentions=tuple(sorted({m.evidence for m in group}, key=lambda e: (e.article, e.start))),
        sources=independent_sources(
            (m.evidence.article for m in group), articles=articles, duplicate_of=duplicate_of
        ),
    )


def first_mention(group: Sequence[EventMention], articles: Mapping[str, Article]) -> EventMention:
    """The earliest report of an event: earliest publication, then article, then position.
    Its id names the event, so more coverage never renames it (a stored assignment keeps the
    name even when an earlier report arrives late: eventline.analysis.ids)."""

    def order(m: EventMention) -> tuple[str, str, int, str]:
        art = articles.get(m.evidence.article)
        published = art.published.value if art and art.published else "9999"
        return (published, m.evidence.article, m.evidence.start, m.id)

    return min(group, key=order)


#: Names each group of mention ids (first mention first) with its event id.
IdAssigner = Callable[[list[list[str]]], list[str]]


def merge_events(
    mentions: Sequence[EventMention],
    *,
    articles: Mapping[str, Article],
    duplicate_of: Mapping[str, str],
    story_of: Mapping[str, str] | None = None,
    assign_ids: IdAssigner | None = None,
) -> list[Event]:
    """One Event per real event, with every report as evidence and its independent sources.

    `articles` supplies outlets and publication dates (report-dated mentions); `duplicate_of`
    maps an article id to the canonical article of its duplicate group, `story_of` an article
    id to its story. An event's id comes from its first mention (`first_mention`), or from
    `assign_ids`, which keeps ids given earlier (stored assignments)."""
    return [
        event
        for event, _ in merge_with_members(
            mentions,
            articles=articles,
            duplicate_of=duplicate_of,
            story_of=story_of,
            assign_ids=assign_ids,
        )
    ]


def merge_with_members(
    mentions: Sequence[EventMention],
    *,
    articles: Mapping[str, Article],
    duplicate_of: Mapping[str, str],
    story_of: Mapping[str, str] | None = None,
    assign_ids: IdAssigner | None = None,
) -> list[tuple[Event, list[str]]]:
    """`merge_events` with each event's mention ids (first mention first)."""
    return [
        (event, ids)
        for event, ids, _ in merge_with_summaries(
            mentions,
            articles=articles,
            duplicate_of=duplicate_of,
            story_of=story_of,
            assign_ids=assign_ids,
        )
    ]


def merge_with_summaries(
    mentions: Sequence[EventMention],
    *,
    articles: Mapping[str, Article],
    duplicate_of: Mapping[str, str],
    story_of: Mapping[str, str] | None = None,
    assign_ids: IdAssigner | None = None,
    cache: MergeCache | None = None,
) -> list[tuple[Event, list[str], dict[str, Any]]]:
    """`merge_with_members` with each event's summary (`event_summary`). `cache` keeps what
    a later call with more of the same mentions (and the same articles, copy groups and
    stories) can reuse."""
    clusters = _clusters(
        mentions, articles=articles, duplicate_of=duplicate_of, story_of=story_of, cache=cache
    )
    groups = [[v.mention for v in c.members] for c in clusters]
    members = []
    for group in groups:
        first = first_mention(group, articles)
        members.append([first.id, *(m.id for m in group if m.id != first.id)])
    if assign_ids is None:
        ids = [content_id("evt", ids[0]) for ids in members]
    else:
        ids = assign_ids(members)
    made = cache.events if cache is not None else {}
    events = []
    for group, event_id, member_ids, cluster in zip(groups, ids, members, clusters, strict=True):
        key = tuple(member_ids)
        if key not in made:
            made[key] = (
                _event(group, articles=articles, duplicate_of=duplicate_of),
                event_summary(cluster),
            )
        event, summary = made[key]
        events.append((event.model_copy(update={"id": event_id}), member_ids, dict(summary)))
    return sorted(events, key=lambda p: (p[0].date or "9999", p[0].type, p[0].id))


# --- event summaries (incremental merging) -----------------------------------------------
#
# What `_fits` reads of a cluster, stored once per event, so an incremental link tests a new
# mention against the summaries of the events its blocking keys and links find, and
# re-clusters only those it fits (instead of every event sharing an actor id and a few days).

SUMMARY_VERSION = 1


def _days(when: MentionDays) -> list[Any]:
    return [when.kind, when.lo, when.hi, when.day, when.monthday]


def event_summary(cluster: _Cluster) -> dict[str, Any]:
    """A cluster as JSON-ready data (`summary_cluster` reads it back). A date's articles are
    kept only when there is one (`_fits` asks only whether they are the new mention's own)."""
    return {
        "v": SUMMARY_VERSION,
        "family": cluster.family,
        "group": cluster.group,
        "codes": bool(cluster.actors or cluster.recipients),
        **{
            name: sorted(getattr(cluster, name))
            for name in (
                "actors",
                "recipients",
                "persons",
                "modes",
                "places",
                "actor_ids",
                "recipient_ids",
                "links",
            )
        },
        "all_days": cluster.all_days,
        "recipient_core": None
        if cluster.recipient_core is None
        else sorted(cluster.recipient_core),
        "whens": [
            [*_days(w), sorted(a) if len(a) == 1 else None]
            for w, a in sorted(cluster.whens.items(), key=lambda kv: _days(kv[0]))
        ],
    }


def summary_known(data: Mapping[str, Any]) -> bool:
    """Whether `summary_cluster` reads this summary (its version is the current one), without
    building the cluster."""
    return data.get("v") == SUMMARY_VERSION


def summary_cluster(data: Mapping[str, Any]) -> _Cluster | None:
    """The cluster a summary describes, without members (None: an unknown summary version)."""
    if data.get("v") != SUMMARY_VERSION:
        return None
    cluster = _Cluster(family=data["family"], group=data["group"], all_days=data["all_days"])
    for name in ("actors", "recipients", "persons", "modes", "places"):
        setattr(cluster, name, set(data[name]))
    for name in ("actor_ids", "recipient_ids", "links"):
        setattr(cluster, name, set(data[name]))
    if data.get("recipient_core") is not None:
        cluster.recipient_core = set(data["recipient_core"])
    for kind, lo, hi, day, monthday, arts in data["whens"]:
        when = MentionDays(kind, lo, hi, day=day, monthday=monthday)
        cluster.whens[when] = set(arts) if arts else {"", "*"}  # "": more than one article
        cluster.bound(when)
    return cluster


def summary_fits(
    mention: EventMention,
    article: Article | None,
    summaries: Sequence[_Cluster],
    *,
    duplicate_of: Mapping[str, str],
    story_of: Mapping[str, str],
) -> list[int]:
    """Indexes of the summarised events this mention could join (`_fits`, against the
    whole event: its family, a shared participant code, every member's date)."""
    fits, _ = summary_matches(
        mention, article, summaries, duplicate_of=duplicate_of, story_of=story_of
    )
    return fits


def grown_core(summary: Mapping[str, Any], more: Mapping[str, Any]) -> list[str] | None:
    """The recipient core (`_Cluster.recipient_core`) of a summarised event grown by the
    one-mention event `more`, as `_Cluster.add` would grow it."""
    mine, theirs = summary.get("recipient_core"), more.get("recipient_core")
    if mine is None or theirs is None:
        return theirs if mine is None else mine
    return sorted(set(mine) & set(theirs))


def summary_matches(
    mention: EventMention,
    article: Article | None,
    summaries: Sequence[_Cluster],
    *,
    duplicate_of: Mapping[str, str],
    story_of: Mapping[str, str],
) -> tuple[list[int], list[int]]:
    """(`summary_fits`, the indexes of the other summarised events of its family the mention
    might fit a member of: `_touches`). One view serves both tests."""
    rules = merge_rules()
    view = _view(
        mention,
        article,
        rules,
        _links(mention.evidence.article, duplicate_of, story_of),
    )
    fits: list[int] = []
    touches: list[int] = []
    if not view.codes:
        return fits, touches
    for i, cluster in enumerate(summaries):
        if cluster.family != view.family or not view.meets(cluster):
            continue
        if _fits(view, cluster, rules) > 0:
            fits.append(i)
        elif _touches(view, cluster, rules):
            touches.append(i)
    return fits, touches


# --- blocking keys (incremental merging) -------------------------------------------------
#
# A new mention joins a stored event only on evidence of one happening (`_fits`): a member
# in the same article, copy group or story (found through those articles, by the caller), or
# the same actors by id with single days throughout (`_same_parties`). The blocks below find
# the second kind: a stored mention of one day is filed under each of its actor ids ("a:")
# and recipient ids ("r:") and that day; a new mention of one day probes its ids within the
# widest merge window around its day. A mention of coarser date joins only through links.

BLOCKS_VERSION = 2


def _day_buckets(view: _View, slack: int) -> list[str]:
    """ISO days within `slack` of the view's day, and the same days of unknown year ("--MM-DD"
    exact, "%-MM-DD" any year, for a mention of unknown year)."""
    lo = view.when.lo
    if view.when.monthday:
        days = [date.fromordinal(d) for d in range(lo - slack, lo + slack + 1)]
        return sorted({f"--{d:%m-%d}" for d in days} | {f"%-{d:%m-%d}" for d in days})
    days = [date.fromordinal(d) for d in range(max(1, lo - slack), lo + slack + 1)]
    leap: set[str] = set()
    for d in days:
        try:
            leap.add(f"--{d.replace(year=_LEAP):%m-%d}")
        except ValueError:  # a year-less date is compared in the leap year: no 29 Feb lost
            leap.add("--02-29")
    return sorted({d.isoformat() for d in days} | leap)


def _single_day_view(mention: EventMention, article: Article | None) -> _View | None:
    view = _view(mention, article, merge_rules())
    if not view.codes or view.when.kind == "none" or not _stated_day(view):
        return None
    return view


def block_keys(mention: EventMention, article: Article | None) -> list[tuple[str, str, str]]:
    """(type family, side and actor id, day) under which a stored mention of one day is filed
    ("--MM-DD" for a day of unknown year); none for coarser dates."""
    view = _single_day_view(mention, article)
    if view is None:
        return []
    day = date.fromordinal(view.when.lo)
    bucket = f"--{day:%m-%d}" if view.when.monthday else day.isoformat()
    codes = {f"a:{i}" for i in view.actor_ids} | {f"r:{i}" for i in view.recipient_ids}
    return [(view.family, code, bucket) for code in sorted(codes)]


def probe_keys(mention: EventMention, article: Article | None) -> list[tuple[str, str, str]]:
    """The blocks holding every stored mention of one day this one could merge with by its
    parties (`_same_parties`): its family, its actor ids (either side for meetings), the days
    within the widest merge window. A bucket starting with "%" (a mention of unknown year)
    matches that day in any year."""
    view = _single_day_view(mention, article)
    if view is None:
        return []
    rules = merge_rules()
    slack = max(rules.day_window, rules.report_before, rules.report_after)
    codes = {f"a:{i}" for i in view.actor_ids}
    if view.symmetric:
        ids = view.actor_ids | view.recipient_ids
        codes = {f"{side}:{i}" for i in ids for side in "ar"}
    buckets = _day_buckets(view, slack)
    return [(view.family, code, b) for code in sorted(codes) for b in buckets]
