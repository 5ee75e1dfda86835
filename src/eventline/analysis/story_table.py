"""The story index kept as rows (`story_index_*` tables), read and written by what a link touches.

`StoredStories` is a `StoryIndex` that starts empty and loads from the store only what filing
new articles needs: the document frequencies of their terms, the stories holding their
strongest terms within their date window (by posting month), and the stories their copies
are in. `save` writes what changed (`StoryIndex.changes`): the touched stories, the new
members, new postings and document frequencies. A full link builds a plain `StoryIndex` in
memory (`load_all` continues the stored one) and saves it the same way, after `clear` when it
starts afresh. The filing decisions are those of the in-memory index: a story left out by the
month filter could not pass the date window, and every story a new article could join is read.
"""

from __future__ import annotations

import json
import struct
import sys
import zlib
from array import array
from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, bindparam, delete, func, insert, select, update

from eventline.corpus.dayspan import PublishedDays
from eventline.corpus.stories import (
    LOOSE,
    StoryIndex,
    _Member,
    _Story,
    window_months,
)
from eventline.model import Article, content_id
from eventline.store import Store
from eventline.store.schema import blobs
from eventline.store.schema_analysis import (
    story_index_members,
    story_index_postings,
    story_index_stories,
    story_index_terms,
)

#: Parameters, document count and sequence counters of the stored index (a small blob).
STATE_KEY = "index:stories:state"
FORMAT_VERSION = 2
_CHUNK = 500


# The lookups a link runs for each new article, built once with expanding IN parameters:
# building a query and coercing its list of up to 500 values cost more than SQLite's lookup.
_T, _S, _M, _P = story_index_terms, story_index_stories, story_index_members, story_index_postings
_DF = select(_T.c.term, _T.c.df).where(_T.c.term.in_(bindparam("b_terms", expanding=True)))
_FILED = select(_M.c.article_id, _M.c.story).where(
    _M.c.article_id.in_(bindparam("b_ids", expanding=True))
)
_FOUNDERS = select(_S.c.seq, _S.c.founder).where(_S.c.seq.in_(bindparam("b_seqs", expanding=True)))
_STORIES = select(_S.c.seq, _S.c.founder, _S.c.data).where(
    _S.c.seq.in_(bindparam("b_seqs", expanding=True))
)
_MEMBERS = select(_M.c.seq, _M.c.article_id, _M.c.title, _M.c.data).where(
    _M.c.seq.in_(bindparam("b_seqs", expanding=True))
)
_HOLDING = select(_P.c.story).where(_P.c.term.in_(bindparam("b_terms", expanding=True))).distinct()
# dated: only the window's months, and a story found through a dated month only when its
# first and last dated days can be within the window (b_lo, b_hi: the window's bounds)
_HOLDING_NEAR = (
    _HOLDING.join(_S, _S.c.seq == _P.c.story)
    .where(_P.c.month.in_(bindparam("b_months", expanding=True)))
    .where(
        (_P.c.month == LOOSE)
        | _S.c.lo.is_(None)
        | _S.c.hi.is_(None)
        | ((_S.c.lo <= bindparam("b_hi")) & (_S.c.hi >= bindparam("b_lo")))
    )
)


def _pack(value: Any) -> bytes:
    return zlib.compress(json.dumps(value, separators=(",", ":")).encode("utf-8"), 6)


def _unpack(data: bytes) -> Any:
    return json.loads(zlib.decompress(data))


#: First byte of a story row's state in the binary layout (`_pack_story`); rows written before
#: it hold zlib'd JSON, whose first byte is 0x78, and are still read.
_BINARY = b"\x01"
_HEADER = struct.Struct("<III")  # members, spans, centroid terms


def _le(values: array[Any]) -> array[Any]:
    """The array in little-endian order (the stored byte order), in place."""
    if sys.byteorder == "big":
        values.byteswap()
    return values


def _pack_story(state: dict[str, Any]) -> bytes:
    """A story's state (members, spans, centroid) as counts, integer and float arrays and
    the centroid's terms joined by NUL, zlib'd. Reading it back is a few array copies, not
    JSON parsing: a link reads every story of its new articles' windows (a thousand at
    20,000 articles), and parsing their centroids' floats was most of that time. Floats are
    kept exactly, so filing decisions are those of the JSON layout."""
    centroid: dict[str, float] = state["centroid"]
    if any("\0" in term for term in centroid):  # cannot be joined by NUL: keep it JSON
        return _pack(state)
    spans = [int(x) for span in state["spans"] for x in span]
    payload = b"".join(
        [
            _HEADER.pack(len(state["members"]), len(state["spans"]), len(centroid)),
            _le(array("q", state["members"])).tobytes(),
            _le(array("q", spans)).tobytes(),
            _le(array("d", centroid.values())).tobytes(),
            "\0".join(centroid).encode("utf-8"),
        ]
    )
    return _BINARY + zlib.compress(payload, 6)


def _unpack_story(data: bytes) -> dict[str, Any]:
    """`_pack_story` reversed; a row in the older JSON layout is parsed as before."""
    if data[:1] != _BINARY:
        return _unpack(data)
    raw = zlib.decompress(data[1:])
    members, spans, terms = _HEADER.unpack_from(raw)
    offset = _HEADER.size

    def take(code: str, count: int) -> list[Any]:
        nonlocal offset
        values = array(code)
        values.frombytes(raw[offset : offset + values.itemsize * count])
        offset += values.itemsize * count
        return _le(values).tolist()

    seqs, flat, weights = take("q", members), take("q", 3 * spans), take("d", terms)
    names = raw[offset:].decode("utf-8").split("\0") if terms else []
    return {
        "members": seqs,
        "spans": [flat[i : i + 3] for i in range(0, len(flat), 3)],
        "centroid": dict(zip(names, weights, strict=True)),
    }


def _pack_member(state: dict[str, Any]) -> bytes:
    """A member's state (span, TF-IDF vector) in the story layout: no members, one span, the
    vector as the centroid (a link reads every member of the stories its articles join)."""
    if any("\0" in term for term in state["vector"]):
        return _pack(state)
    return _pack_story({"members": [], "spans": [state["span"]], "centroid": state["vector"]})


def _unpack_member(data: bytes) -> dict[str, Any]:
    """`_pack_member` reversed; a row in the older JSON layout is parsed as before."""
    if data[:1] != _BINARY:
        return _unpack(data)
    state = _unpack_story(data)
    return {"span": state["spans"][0], "vector": state["centroid"]}


def _parts(values: Iterable[Any]) -> Iterable[list[Any]]:
    ordered = sorted(set(values))
    for start in range(0, len(ordered), _CHUNK):
        yield ordered[start : start + _CHUNK]


def read_state(conn: Connection) -> dict[str, Any] | None:
    """The stored index's parameters and counters, None when the store holds no index."""
    data = conn.execute(select(blobs.c.data).where(blobs.c.key == STATE_KEY)).scalar()
    if data is None:
        return None
    state = _unpack(bytes(data))
    return state if state.get("version") == FORMAT_VERSION else None


def _story(founder: str, data: bytes) -> _Story:
    """A story row read back; its stored postings are built only if it is saved again."""
    state = _unpack_story(data)  # fresh lists and dict: taken as they are, not copied
    spans = [PublishedDays.unpack(*p) for p in state["spans"]]
    return _Story(
        founder=founder,
        members=state["members"],
        centroid=state["centroid"],
        spans=spans,
        loaded=(len(state["centroid"]), len(spans)),
    )


class StoredStories(StoryIndex):
    """A story index over the `story_index_*` rows, loading stories and terms on demand."""

    def __init__(self, store: Store, state: dict[str, Any]) -> None:
        super().__init__(**state["params"])
        self._store = store
        self._docs = int(state["docs"])
        self._next_story = int(state["next_story"])
        self._next_member = int(state["next_member"])
        self._known_terms: set[str] = set()
        self._known_articles: set[str] = set()
        self._founders: dict[int, str] = {}  # story -> founding article, of stories not read
        self._unposted: set[int] = set()  # stories read whose terms are not in `_postings`
        self._ahead: dict[tuple[str, frozenset[str]], dict[str, tuple[int, float]]] = {}

    @classmethod
    def open(cls, store: Store) -> StoredStories | None:
        with store.engine.connect() as conn:
            state = read_state(conn)
        return None if state is None else cls(store, state)

    # --- loading --------------------------------------------------------------------------

    def _need_terms(self, terms: Iterable[str]) -> None:
        wanted = set(terms) - self._known_terms
        if not wanted:
            return
        with self._store.engine.connect() as conn:
            for part in _parts(wanted):
                for term, df in conn.execute(_DF, {"b_terms": part}):
                    self._df[term] = int(df)
        self._known_terms |= wanted

    def need_terms_of(self, articles: Iterable[tuple[Article, frozenset[str]]]) -> None:
        """Work out the terms of the articles about to be filed (with their keys) and read
        the stored document frequencies of all of them at once: filing reads those of each
        article's terms first, one round trip an article. The frequencies read are the same
        (the stored ones do not change while a link files), so are the vectors."""
        terms: set[str] = set()
        for article, keys in articles:
            found = self._ahead.setdefault((article.id, keys), self._terms(article, keys))
            terms.update(found)
        self._need_terms(terms)

    def _article_terms(
        self, article: Article, keys: frozenset[str]
    ) -> dict[str, tuple[int, float]]:
        found = self._ahead.pop((article.id, keys), None)
        return self._terms(article, keys) if found is None else found

    def prefetch(self, article_ids: Iterable[str]) -> None:
        """Learn which stories these articles are filed under (one query per 500)."""
        wanted = set(article_ids) - self._known_articles - set(self._story_of)
        if not wanted:
            return
        stories: set[int] = set()
        with self._store.engine.connect() as conn:
            for part in _parts(wanted):
                for article_id, story in conn.execute(_FILED, {"b_ids": part}):
                    self._story_of[article_id] = int(story)
                    stories.add(int(story))
        self._known_articles |= wanted
        self._need_founders(stories)

    def _need_founders(self, seqs: Iterable[int]) -> None:
        """The founding articles of these stories, which name them (`_story_id`), without
        reading their state: a re-clustering asks the story of every article its stored
        mentions came from, and decoding all those stories was a fifth of its time at
        20,000 articles. A story is read whole when it is compared with or joined."""
        wanted = set(seqs) - set(self._stories) - set(self._founders)
        with self._store.engine.connect() as conn:
            for part in _parts(wanted):
                rows = conn.execute(_FOUNDERS, {"b_seqs": part})
                self._founders.update((int(seq), founder) for seq, founder in rows)

    def _story_id(self, story: int) -> str:
        if story not in self._stories and story in self._founders:
            return content_id("story", self._founders[story])
        return super()._story_id(story)

    def _filed(self, article_id: str) -> int | None:
        if article_id not in self._story_of and article_id not in self._known_articles:
            self.prefetch([article_id])
        return self._story_of.get(article_id)

    def _load_stories(self, seqs: Iterable[int]) -> None:
        wanted = set(seqs) - set(self._stories)
        if not wanted:
            return
        with self._store.engine.connect() as conn:
            for part in _parts(wanted):
                for seq, founder, data in conn.execute(_STORIES, {"b_seqs": part}):
                    self._stories[int(seq)] = _story(founder, bytes(data))
                    self._unposted.add(int(seq))

    def _join(self, story: int, member: _Member, *, new: bool = True) -> None:
        """`StoryIndex._join`; a story read from the store gets its terms' postings in memory
        first. Until it is joined, the stored postings find it for every article whose window
        it can pass (`_candidates`), so its terms need not be posted when it is read."""
        record = self._story(story)  # read now if a copy brought the article here
        if story in self._unposted:
            self._unposted.discard(story)
            for term in record.loaded_terms():
                self._postings.setdefault(term, set()).add(story)
        super()._join(story, member, new=new)

    def _candidates(self, terms: list[str], span: PublishedDays) -> set[int]:
        """Stories holding these terms in the months of the article's window. A story found
        only through a dated month is left out when its first and last dated days are farther
        than the window from the article (no member can then be within it, so `_in_window`
        would refuse it): without this, an article read every story of its two or three
        months, a number growing with the store's articles a day."""
        months = window_months(span, self.window_days)
        found: set[int] = set()
        with self._store.engine.connect() as conn:
            if months is not None and span.lo is not None and span.hi is not None:  # dated
                rows = conn.execute(
                    _HOLDING_NEAR,
                    {
                        "b_terms": list(terms),
                        "b_months": sorted(months),
                        "b_hi": span.hi + self.window_days,
                        "b_lo": span.lo - self.window_days,
                    },
                )
            else:
                rows = conn.execute(_HOLDING, {"b_terms": list(terms)})
            found.update(int(r[0]) for r in rows)
        self._load_stories(found)
        # stories loaded or founded in this link hold postings not yet stored
        return found | set().union(*(self._postings.get(t, set()) for t in terms))

    def _story(self, story: int) -> _Story:
        if story not in self._stories:
            self._load_stories([story])
        return self._stories[story]

    def _members_of(self, story: int) -> list[_Member]:
        record = self._story(story)
        missing = [i for i in record.members if i not in self._members]
        with self._store.engine.connect() as conn:
            for part in _parts(missing):
                for seq, article_id, title, data in conn.execute(_MEMBERS, {"b_seqs": part}):
                    state = _unpack_member(bytes(data))
                    span = PublishedDays.unpack(*state["span"])
                    self._members[int(seq)] = _Member(article_id, title, span, state["vector"])
        return [self._members[i] for i in record.members]

    def ids(self) -> list[str]:
        m = story_index_members
        with self._store.engine.connect() as conn:
            return [r[0] for r in conn.execute(select(m.c.article_id).order_by(m.c.seq))]


def load_all(store: Store) -> StoryIndex | None:
    """The whole stored index in memory (a full link continuing it), None when there is none."""
    with store.engine.connect() as conn:
        state = read_state(conn)
        if state is None:
            return None
        index = StoryIndex(**state["params"])
        index._docs = int(state["docs"])
        t, s, m = story_index_terms, story_index_stories, story_index_members
        index._df.update({term: int(df) for term, df in conn.execute(select(t.c.term, t.c.df))})
        for seq, founder, data in conn.execute(select(s.c.seq, s.c.founder, s.c.data)):
            story = _story(founder, bytes(data))
            index._stories[int(seq)] = _Story(founder, filed=story.stored_postings())
        query = select(m.c.seq, m.c.article_id, m.c.story, m.c.title, m.c.data).order_by(m.c.seq)
        for seq, article_id, story_seq, title, data in conn.execute(query):
            member = _unpack_member(bytes(data))
            span = PublishedDays.unpack(*member["span"])
            index._next_member = int(seq)
            index._join(
                int(story_seq), _Member(article_id, title, span, member["vector"]), new=False
            )
        index._next_story = int(state["next_story"])
        index._next_member = int(state["next_member"])
    return index


def clear(conn: Connection) -> None:
    """Drop the stored index (a full link starting afresh)."""
    for table in (
        story_index_postings,
        story_index_members,
        story_index_stories,
        story_index_terms,
    ):
        conn.execute(delete(table))
    conn.execute(delete(blobs).where(blobs.c.key == STATE_KEY))


def save(conn: Connection, index: StoryIndex) -> None:
    """Write what the index changed since it was created or loaded."""
    changes = index.changes()
    t, s, m, p = story_index_terms, story_index_stories, story_index_members, story_index_postings
    for part in _parts(changes.df):
        conn.execute(delete(t).where(t.c.term.in_(part)))
    if changes.df:
        conn.execute(insert(t), [{"term": k, "df": v} for k, v in changes.df.items()])
    for part in _parts(seq for seq, *_ in changes.stories):
        conn.execute(delete(s).where(s.c.seq.in_(part)))
    if changes.stories:
        rows = [
            {"seq": seq, "founder": founder, "lo": lo, "hi": hi, "data": _pack_story(state)}
            for seq, founder, lo, hi, state in changes.stories
        ]
        conn.execute(insert(s), rows)
    if changes.members:
        rows = [
            {
                "seq": seq,
                "article_id": a,
                "story": story,
                "title": title,
                "data": _pack_member(state),
            }
            for seq, a, story, title, state in changes.members
        ]
        conn.execute(insert(m), rows)
    if changes.postings:
        rows = [
            {"term": term, "month": month, "story": story}
            for term, month, story in changes.postings
        ]
        conn.execute(insert(p), rows)
    state = {
        "version": FORMAT_VERSION,
        "params": index.params(),
        "docs": changes.docs,
        "next_story": changes.next_story,
        "next_member": changes.next_member,
    }
    data = _pack(state)
    if conn.execute(update(blobs).where(blobs.c.key == STATE_KEY).values(data=data)).rowcount == 0:
        conn.execute(insert(blobs).values(key=STATE_KEY, data=data))


def import_dump(conn: Connection, dump: bytes) -> None:
    """Store a `StoryIndex.dump` (the blob of older versions) as rows."""
    index = StoryIndex.load(dump)
    index._touched = set(index._stories)
    index._new_members = sorted(index._members)
    index._df_touched = set(index._df)
    clear(conn)
    save(conn, index)


def stored_count(store: Store) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(story_index_members)).scalar_one())
