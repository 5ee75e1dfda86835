"""Stories: articles about one happening, grouped incrementally.

A new article joins the existing story it resembles most, or founds a new one. Three signals,
in the order they can veto or decide:

1. **Time.** A story covers days, not months: an article may join only if its publication date
   lies within `window_days` of a dated member (a month-day without a year is compared with the
   closest year; a month-precision date with its whole month). That is what keeps a meeting in
   October 2024 and one in June 2025 between the same leaders apart. An undated article can
   join any story, but must clear a higher bar.
2. **Names and keys.** Capitalised tokens that are not sentence openers or titles (a cheap
   proper-noun bag, word lists in resources/corpus/stories.yaml), and the caller's `keys`
   (actor ids, event signatures), weighted above ordinary words.
3. **Text.** TF-IDF cosine between the article and the story's centroid, with document
   frequencies learnt as articles arrive.

Known copies of an article (from DuplicateIndex) always put it in their story. A story's id
comes from its founding article, so it stays stable as members join.

Persistence: `dump`/`load` round-trip the whole index through bytes; `changes` gives what an
update touched (document frequencies of its terms, touched stories, new members, new postings
by month) so a store can keep the index as rows and a subclass can load only the stories a
new article is compared with (`eventline.analysis.story_table`).
"""

from __future__ import annotations

import datetime as dt
import json
import math
import operator
import re
import zlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import islice, repeat
from typing import Any

import yaml

from eventline.corpus.dayspan import PublishedDays, date_span, day_gap
from eventline.corpus.shingles import Shingler, spelling
from eventline.errors import ResourceError, StoreError
from eventline.model import Article, Story, content_id

FORMAT_VERSION = 1
NAME_WEIGHT = 3.0
KEY_WEIGHT = 4.0
_NAME = re.compile(r"(?<![\w'’])[A-Z][\w'’-]*")
_SENTENCE_START = re.compile(r"(?:^|[.!?]['\"”’]?\s+|\n\s*|[\"“‘]\s*)$")


@dataclass(frozen=True)
class Vocab:
    not_names: frozenset[str]
    stopwords: frozenset[str]


@lru_cache(maxsize=1)
def vocab() -> Vocab:
    path = resources.files("eventline") / "resources" / "corpus" / "stories.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return Vocab(frozenset(map(str, data["not_names"])), frozenset(map(str, data["stopwords"])))
    except (OSError, yaml.YAMLError, KeyError, TypeError) as exc:
        raise ResourceError(str(path), f"invalid story word lists: {exc}") from exc


def names(text: str) -> Counter[str]:
    """Casefolded capitalised tokens that look like names: not titles or function words, and
    not a sentence's first word unless the same word is capitalised elsewhere."""
    words = vocab().not_names
    inner: Counter[str] = Counter()
    for match in _NAME.finditer(text):
        token = re.sub(r"['’]s$", "", match.group(0)).strip("-'’").casefold()
        if len(token) < 2 or token in words:
            continue
        if not _SENTENCE_START.search(text, max(0, match.start() - 3), match.start()):
            inner[token] += 1
    return inner


@dataclass
class _Story:
    founder: str
    members: list[int] = field(default_factory=list)
    centroid: dict[str, float] = field(default_factory=dict)
    spans: list[PublishedDays] = field(default_factory=list)  # the members', in order
    filed: frozenset[tuple[str, int]] = frozenset()  # (term, month) postings already stored
    #: For a story read from the store: how many centroid terms and spans it had when read,
    #: whose n:/k: terms times posting months are `filed`. Built only when the story is saved
    #: (`stored_postings`): a link reads a thousand stories and changes a few, and working out
    #: each one's terms and months as it was read was a tenth of reading it. Joining adds
    #: terms after the centroid's first ones and spans after the first, so those prefixes
    #: are the story as read.
    loaded: tuple[int, int] | None = None

    def stored_postings(self) -> frozenset[tuple[str, int]]:
        """The (term, month) postings the store holds for this story."""
        if self.loaded is not None:
            terms, spans = self.loaded
            months = story_months(self.spans[:spans])[2]
            posted = [t for t in islice(self.centroid, terms) if t[0] in "nk"]
            self.filed = frozenset((t, m) for t in posted for m in months)
            self.loaded = None
        return self.filed

    def loaded_terms(self) -> list[str]:
        """The n: and k: terms of the centroid as read from the store (all, if it was not)."""
        count = len(self.centroid) if self.loaded is None else self.loaded[0]
        return [t for t in islice(self.centroid, count) if t[0] in "nk"]


@dataclass
class _Member:
    id: str
    title: str | None
    span: PublishedDays
    vector: dict[str, float]


LOOSE = -1  # the posting month of a story with an undated or year-less member


def month_of(day: int) -> int:
    """A day ordinal's month as one integer (year * 12 + month - 1)."""
    d = dt.date.fromordinal(day)
    return d.year * 12 + d.month - 1


def story_months(spans: Iterable[PublishedDays]) -> tuple[int | None, int | None, set[int]]:
    """(first day, last day, posting months) of a story's members: every month between its
    first and last dated day, and LOOSE when a member is undated or of unknown year (the
    months a new article's window is compared with)."""
    spans = list(spans)
    dated = [s for s in spans if s.lo is not None and s.hi is not None]
    months: set[int] = set()
    lo = min((s.lo for s in dated if s.lo is not None), default=None)
    hi = max((s.hi for s in dated if s.hi is not None), default=None)
    if lo is not None and hi is not None:
        months.update(range(month_of(lo), month_of(hi) + 1))
    if len(dated) < len(spans):
        months.add(LOOSE)
    return lo, hi, months


def window_months(span: PublishedDays, window: int) -> set[int] | None:
    """The posting months a dated article can find its stories in; None: any month (an
    undated article, or one of unknown year)."""
    if span.lo is None or span.hi is None:
        return None
    return {*range(month_of(span.lo - window), month_of(span.hi + window) + 1), LOOSE}


@dataclass(frozen=True)
class StoryChanges:
    """What `add` changed since the index was created or loaded, as plain values."""

    docs: int
    next_story: int
    next_member: int
    df: dict[str, int]  # term -> document frequency, for the terms that changed
    stories: list[tuple[int, str, int | None, int | None, dict[str, Any]]]  # seq, founder,
    # first day, last day, state (members, spans, centroid)
    members: list[tuple[int, str, int, str | None, dict[str, Any]]]  # seq, article, story,
    # title, state (span, vector)
    postings: list[tuple[str, int, int]]  # (term, month, story) new


class StoryIndex:
    """Incremental story clustering; `dump`/`load` round-trip it through compact bytes."""

    def __init__(
        self,
        *,
        window_days: int = 3,
        threshold: float = 0.3,
        undated_threshold: float = 0.32,
        max_terms: int = 12,
    ) -> None:
        self.window_days = window_days
        self.threshold = threshold
        self.undated_threshold = undated_threshold
        self.max_terms = max_terms
        self._shingler = Shingler()
        self._stopwords = vocab().stopwords
        self._df: Counter[str] = Counter()
        self._docs = 0
        self._members: dict[int, _Member] = {}
        self._story_of: dict[str, int] = {}
        self._stories: dict[int, _Story] = {}
        self._postings: dict[str, set[int]] = {}  # name or key term -> stories holding it
        self._norms: dict[int, float] = {}  # story -> its centroid's norm, until it changes
        self._records: dict[int, Story] = {}  # story -> its record (`_record`), until it changes
        self._next_story = 0
        self._next_member = 0
        self._touched: set[int] = set()
        self._new_members: list[int] = []
        self._df_touched: set[str] = set()

    def __len__(self) -> int:
        return self._next_story

    # --- hooks a stored index overrides to load what it needs --------------------------------

    def _need_terms(self, terms: Iterable[str]) -> None:
        """Make the document frequencies of these terms available in `_df`."""

    def _filed(self, article_id: str) -> int | None:
        """The story an article was filed under."""
        return self._story_of.get(article_id)

    def _candidates(self, terms: list[str], span: PublishedDays) -> set[int]:
        """Stories holding any of these terms (a stored index may leave out stories whose
        months cannot be within the window of `span`)."""
        return set().union(*(self._postings.get(t, set()) for t in terms))

    def _story(self, story: int) -> _Story:
        return self._stories[story]

    def _members_of(self, story: int) -> list[_Member]:
        return [self._members[m] for m in self._story(story).members]

    def add(
        self, article: Article, *, keys: frozenset[str] = frozenset(), copies: Iterable[str] = ()
    ) -> str:
        """File one article under a story and return the story id. `copies`: ids of articles
        known to be copies of this one (DuplicateIndex.members); their story wins."""
        filed = self._filed(article.id)
        if filed is not None:
            return self._story_id(filed)
        member = _Member(
            id=article.id,
            title=article.title,
            span=date_span(article.published),
            vector=self._vector(article, keys),
        )
        story = next((f for c in copies if (f := self._filed(c)) is not None), None)
        if story is None:
            story = self._best_story(member)
        if story is None:
            story = self._next_story
            self._next_story += 1
            self._stories[story] = _Story(founder=article.id)
        self._join(story, member)
        return self._story_id(story)

    def _terms(self, article: Article, keys: frozenset[str]) -> dict[str, tuple[int, float]]:
        """An article's terms: word, name ("n:") and key ("k:") -> (count, weight)."""
        text = "\n".join(filter(None, [article.title, article.body]))
        norm = spelling().normalise
        words = Counter(
            "w:" + norm(t)
            for t in self._shingler.tokens(text)
            if len(t) > 3 and not t.isdigit() and t not in self._stopwords
        )
        terms: dict[str, tuple[int, float]] = {t: (c, 1.0) for t, c in words.items()}
        for name, count in names(text).items():
            terms["n:" + norm(name)] = (count, NAME_WEIGHT)
        for key in sorted(keys):  # a frozenset's order follows the hash seed: keep runs alike
            terms["k:" + key] = (1, KEY_WEIGHT)
        return terms

    def _article_terms(
        self, article: Article, keys: frozenset[str]
    ) -> dict[str, tuple[int, float]]:
        """`_terms`, which a stored index may have worked out ahead (`need_terms_of`)."""
        return self._terms(article, keys)

    def _vector(self, article: Article, keys: frozenset[str]) -> dict[str, float]:
        """Unit TF-IDF vector over words, names (weighted up) and keys (weighted more)."""
        terms = self._article_terms(article, keys)
        self._need_terms(terms)
        self._docs += 1
        self._df.update(terms.keys())
        self._df_touched.update(terms)
        weighted = {t: (1 + math.log(c)) * boost * self._idf(t) for t, (c, boost) in terms.items()}
        length = math.sqrt(sum(v * v for v in weighted.values())) or 1.0
        return {t: v / length for t, v in weighted.items()}

    def _idf(self, term: str) -> float:
        return math.log((self._docs + 1) / (self._df[term] + 1)) + 1.0

    def _best_story(self, member: _Member) -> int | None:
        """The most similar time-compatible story above the threshold, if any."""
        strongest = sorted(
            (t for t in member.vector if t[0] in "nk"), key=lambda t: (-member.vector[t], t)
        )[: self.max_terms]
        candidates = self._candidates(strongest, member.span)
        undated = member.span == PublishedDays()
        bar = self.undated_threshold if undated else self.threshold
        best, best_score = None, bar
        for story in sorted(candidates):
            if not undated and not self._in_window(story, member.span):
                continue
            score = _cosine(member.vector, self._story(story).centroid, self._norm_of(story))
            if score >= best_score:
                best, best_score = story, score
        return best

    def _norm_of(self, story: int) -> float:
        """The norm of a story's centroid, computed once until a member joins (each new
        article is compared with every story of its window)."""
        if story not in self._norms:
            self._norms[story] = _norm(self._story(story).centroid)
        return self._norms[story]

    def _in_window(self, story: int, span: PublishedDays) -> bool:
        """Some member dated within the window of `span`, or no member comparable at all
        (stops at the first member within it: stories grow with the store)."""
        compared = False
        for other in self._story(story).spans:
            gap = day_gap(span, other)
            if gap is not None:
                if gap <= self.window_days:
                    return True
                compared = True
        return not compared

    def _join(self, story: int, member: _Member, *, new: bool = True) -> None:
        index = self._next_member
        self._next_member += 1
        self._members[index] = member
        self._story_of[member.id] = story
        record = self._story(story)
        self._norms.pop(story, None)
        self._records.pop(story, None)
        record.members.append(index)
        record.spans.append(member.span)
        if new:
            self._touched.add(story)
            self._new_members.append(index)
        for term, value in member.vector.items():
            record.centroid[term] = record.centroid.get(term, 0.0) + value
            if term[0] in "nk":
                self._postings.setdefault(term, set()).add(story)

    # --- reading ----------------------------------------------------------------------------

    def _story_id(self, story: int) -> str:
        return content_id("story", self._story(story).founder)

    def ids(self) -> list[str]:
        """Filed article ids in arrival order."""
        return [self._members[i].id for i in sorted(self._members)]

    def params(self) -> dict[str, float]:
        return {
            "window_days": self.window_days,
            "threshold": self.threshold,
            "undated_threshold": self.undated_threshold,
            "max_terms": self.max_terms,
        }

    def story_of(self, article_id: str) -> str | None:
        story = self._filed(article_id)
        return None if story is None else self._story_id(story)

    def stories(self) -> list[Story]:
        """Every story with its title, members (in arrival order) and time span."""
        return [self._record(i) for i in sorted(self._stories)]

    def records_of(self, article_ids: Iterable[str]) -> list[Story]:
        """The stories holding these articles (each once)."""
        held = sorted({f for a in article_ids if (f := self._filed(a)) is not None})
        return [self._record(i) for i in held]

    def _record(self, story: int) -> Story:
        """A story's record, built once until a member joins: a link asks for the stories of
        its new articles, then again for those its re-dating reaches, and building one
        compares every member with the centroid (stories grow with the store)."""
        if story not in self._records:
            self._records[story] = self._build_record(story)
        return self._records[story]

    def _build_record(self, story: int) -> Story:
        record = self._story(story)
        members = self._members_of(story)
        norm = _norm(record.centroid)  # once, not for each member (stories grow large)

        # Rounded, then the id: near-equal cosines (copies) must not be ordered by float noise
        # from set iteration, which changes with the process's hash seed.
        def closeness(m: _Member) -> tuple[float, str]:
            return round(_cosine(m.vector, record.centroid, norm), 9), m.id

        central = max(members, key=lambda m: (closeness(m)[0], bool(m.title), m.id))
        titled = [m for m in members if m.title]
        if titled:
            title = max(titled, key=closeness).title or ""
        else:
            title = _keyword_title(record.centroid) or central.id
        start, end = _span([m.span for m in members])
        return Story(
            id=self._story_id(story),
            title=title,
            articles=tuple(m.id for m in members),
            start=start,
            end=end,
        )

    # --- persistence ------------------------------------------------------------------------

    def dump(self) -> bytes:
        """zlib-compressed JSON: settings, document frequencies, members and their stories."""
        state = {
            "version": FORMAT_VERSION,
            "params": {
                "window_days": self.window_days,
                "threshold": self.threshold,
                "undated_threshold": self.undated_threshold,
                "max_terms": self.max_terms,
            },
            "docs": self._docs,
            "df": self._df,
            "founders": [self._stories[i].founder for i in sorted(self._stories)],
            "members": [
                [
                    m.id,
                    m.title,
                    list(m.span.packed()),
                    self._story_of[m.id],
                    {t: round(v, 5) for t, v in m.vector.items()},
                ]
                for m in (self._members[i] for i in sorted(self._members))
            ],
        }
        return zlib.compress(json.dumps(state, separators=(",", ":")).encode("utf-8"), 6)

    @classmethod
    def load(cls, data: bytes) -> StoryIndex:
        try:
            state: dict[str, Any] = json.loads(zlib.decompress(data).decode("utf-8"))
        except (zlib.error, ValueError, UnicodeDecodeError) as exc:
            raise StoreError("story index", f"cannot read dump: {exc}") from exc
        if state.get("version") != FORMAT_VERSION:
            raise StoreError("story index", f"unknown dump version {state.get('version')}")
        index = cls(**state["params"])
        index._docs = state["docs"]
        index._df = Counter(state["df"])
        index._stories = {i: _Story(founder=f) for i, f in enumerate(state["founders"])}
        index._next_story = len(index._stories)
        for article_id, title, packed, story, vector in state["members"]:
            member = _Member(article_id, title, PublishedDays.unpack(*packed), vector)
            index._join(story, member, new=False)
        return index

    # --- changes, for a store that keeps the index as rows ------------------------------------

    def changes(self) -> StoryChanges:
        """What `add` changed since this index was created or loaded (a new index: all of it);
        `filed` postings are then taken as stored."""
        stories = []
        postings: list[tuple[str, int, int]] = []
        for seq in sorted(self._touched):
            record = self._stories[seq]
            lo, hi, months = story_months(record.spans)
            terms = [t for t in record.centroid if t[0] in "nk"]
            filed = frozenset((t, m) for t in terms for m in months)
            postings.extend((t, m, seq) for t, m in sorted(filed - record.stored_postings()))
            record.filed = filed
            state = {
                "members": record.members,
                "spans": [list(x.packed()) for x in record.spans],
                "centroid": record.centroid,
            }
            stories.append((seq, record.founder, lo, hi, state))
        members = []
        for seq in self._new_members:
            m = self._members[seq]
            vector = {t: round(v, 5) for t, v in m.vector.items()}
            state = {"span": list(m.span.packed()), "vector": vector}
            members.append((seq, m.id, self._story_of[m.id], m.title, state))
        df = {t: self._df[t] for t in sorted(self._df_touched)}
        changes = StoryChanges(
            self._docs, self._next_story, self._next_member, df, stories, members, postings
        )
        self._touched, self._new_members, self._df_touched = set(), [], set()
        return changes


def _norm(centroid: dict[str, float]) -> float:
    # the products summed in the same order as a generator would: the same float, without a
    # generator frame per term (a link compares each new article with a thousand stories)
    values = centroid.values()
    return math.sqrt(sum(map(operator.mul, values, values)))


def _cosine(
    vector: dict[str, float], centroid: dict[str, float], norm: float | None = None
) -> float:
    """Cosine of a unit vector with a centroid (`norm`: the centroid's, when known)."""
    dot = sum(map(operator.mul, vector.values(), map(centroid.get, vector, repeat(0.0))))
    if norm is None:
        norm = _norm(centroid)
    return dot / norm if norm else 0.0


def _keyword_title(centroid: dict[str, float]) -> str:
    terms = (t for t in centroid if t.startswith("n:"))
    top = sorted(terms, key=lambda t: (-round(centroid[t], 9), t))[:4]
    return ", ".join(t[2:].title() for t in top)


def _span(spans: list[PublishedDays]) -> tuple[str | None, str | None]:
    """First and last day of the members dated to the day (else of any dated member)."""
    days = [s for s in spans if s.lo is not None and s.lo == s.hi] or [
        s for s in spans if s.lo is not None
    ]
    if not days:
        return None, None
    lo = min(s.lo for s in days if s.lo is not None)
    hi = max(s.hi for s in days if s.hi is not None)
    return dt.date.fromordinal(lo).isoformat(), dt.date.fromordinal(hi).isoformat()
