"""Near-duplicate linking against the store's LSH band table, one new article at a time.

The same matching as `corpus.dedup.DuplicateIndex` (shingles, MinHash, 21 bands of 3 rows,
exact verification, date and wire cues, union of groups), but its state lives in rows:
`dedup_entries` (one per article) and `dedup_bands` (one per band key and article). Adding an
article reads the band rows of its 21 keys, the signatures of the entries they name, and the
shingles of the few it verifies; nothing else of the corpus is loaded, and the state grows by
one row and 21 band rows an article instead of a blob rewritten on every run.
"""

from __future__ import annotations

import zlib
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from sqlalchemy import Connection, Engine, bindparam, delete, insert, select, update

from eventline.corpus.dayspan import PublishedDays
from eventline.corpus.dedup import DuplicateIndex, _Entry
from eventline.model import Article, DuplicateGroup
from eventline.store.schema_analysis import dedup_bands, dedup_entries

_SIGNED = 1 << 63

# The statements `add` runs for every article, built once: building a query, and coercing
# its IN list, cost more than SQLite's lookups in them (a link of 100 runs some 600).
_BUCKETS = select(dedup_bands.c.band, dedup_bands.c.seq).where(
    dedup_bands.c.band.in_(bindparam("keys", expanding=True))
)
_SIGNATURES = (
    select(dedup_entries.c.seq, dedup_entries.c.sig, dedup_entries.c.grp)
    .where(dedup_entries.c.seq.in_(bindparam("seqs", expanding=True)))
    .order_by(dedup_entries.c.seq)
)
_ENTRY = select(dedup_entries).where(dedup_entries.c.seq == bindparam("b_seq"))
_LAST = select(dedup_entries.c.seq).order_by(dedup_entries.c.seq.desc()).limit(1)
_JOIN = (
    update(dedup_entries)
    .where(
        dedup_entries.c.grp.in_(bindparam("roots", expanding=True))
        | dedup_entries.c.seq.in_(bindparam("seqs", expanding=True))
    )
    .values(grp=bindparam("root"))
)
_LINK = (
    update(dedup_entries)
    .where(dedup_entries.c.seq == bindparam("b_seq"))
    .values(link=bindparam("b_link"))
)


def _signed(key: int) -> int:
    """uint64 band key as a signed BIGINT (both backends store 64-bit signed integers)."""
    return key - (1 << 64) if key >= _SIGNED else key


def _pack_shingles(shingles: np.ndarray[Any, Any]) -> bytes:
    deltas = np.diff(shingles, prepend=np.uint32(0)).astype(np.uint32)
    return zlib.compress(deltas.tobytes(), 6)


def _unpack_shingles(data: bytes) -> np.ndarray[Any, Any]:
    deltas = np.frombuffer(zlib.decompress(data), dtype=np.uint32)
    return np.cumsum(deltas, dtype=np.uint32)


@dataclass(frozen=True)
class Member:
    seq: int
    article: str
    size: int
    lo: int | None
    own_wire: bool
    link: float


class StoredDuplicates:
    """Adds articles to the band table and reads groups back (pass an open transaction)."""

    def __init__(self, index: DuplicateIndex) -> None:
        self.index = index  # parameters, shingler, permutations and the verification rule

    def known(self, conn: Connection, article_ids: Sequence[str]) -> set[str]:
        found: set[str] = set()
        for start in range(0, len(article_ids), 500):
            part = list(article_ids[start : start + 500])
            query = select(dedup_entries.c.article_id).where(dedup_entries.c.article_id.in_(part))
            found.update(row[0] for row in conn.execute(query))
        return found

    def add(self, conn: Connection, article: Article) -> int | None:
        """Index one article; the seq of its group's root (None: no copy found)."""
        return self.add_many(conn, [article])[0]

    def add_many(self, conn: Connection, articles: Sequence[Article]) -> list[int | None]:
        """Index these articles in order, as `add` one at a time would (each one's candidates
        include those added before it), with the band table read once for all of their keys
        and their band rows written together at the end: per article, a band lookup, a read
        of the last seq and an insert of 21 band rows were three statements, each a
        round trip with its own compilation of an IN list (a link of 100 ran 300).
        Returns each article's group root seq (None: no copy found)."""
        prepared = [self.index._prepare(article) for article in articles]
        keyed = [
            (entry, sig, self.index._band_keys(sig) if entry.shingles.size else [])
            for entry, sig in prepared
        ]
        by_key = self._buckets(conn, {k for _, _, keys in keyed for k in keys})
        # one read of the last seq for the batch: copy linking runs under one lock
        # (worker.link_lock on PostgreSQL, one writer on SQLite), so no seq is handed out twice
        last = conn.execute(_LAST).first()
        seq = last[0] if last else 0
        bands: list[dict[str, int]] = []
        roots: list[int | None] = []
        for entry, sig, keys in keyed:
            candidates = self._pick(by_key, keys)
            matches = self._verify(conn, entry, sig, candidates)
            seq += 1
            self._insert_entry(conn, seq, entry, sig)
            for key in keys:
                by_key[key].append(seq)
                bands.append({"band": _signed(key), "seq": seq})
            roots.append(self._union(conn, seq, matches) if matches else None)
        if bands:
            conn.execute(insert(dedup_bands), bands)
        return roots

    def _buckets(self, conn: Connection, keys: Iterable[int]) -> dict[int, list[int]]:
        """Band key (unsigned) -> the seqs the table files under it (a few statements)."""
        by_key: dict[int, list[int]] = defaultdict(list)
        signed = {_signed(k): k for k in keys}
        ordered = sorted(signed)
        for start in range(0, len(ordered), 500):
            part = ordered[start : start + 500]
            for band, seq in conn.execute(_BUCKETS, {"keys": part}):
                by_key[signed[band]].append(seq)
        return by_key

    def _pick(self, by_key: Mapping[int, list[int]], keys: list[int]) -> list[int]:
        """Entries sharing a band: each bucket's first entry and its latest `max_bucket`."""
        found: set[int] = set()
        for key in dict.fromkeys(keys):
            seqs = sorted(by_key.get(key, ()))
            if not seqs:
                continue
            found.add(seqs[0])
            found.update(seqs[1:][-self.index.max_bucket :])
        return sorted(found)

    def _verify(
        self, conn: Connection, entry: _Entry, sig: np.ndarray[Any, Any], candidates: list[int]
    ) -> list[tuple[int, int, float]]:
        """(seq, root seq, similarity) of verified copies, at most one per group."""
        if not candidates:
            return []
        rows = list(conn.execute(_SIGNATURES, {"seqs": candidates}))
        sigs = np.stack([np.frombuffer(r.sig, dtype=np.uint32) for r in rows])
        estimates = (sigs == sig).mean(axis=1)
        tried: dict[int, int] = {}
        matches: list[tuple[int, int, float]] = []
        for i in np.argsort(-estimates, kind="stable"):
            if estimates[i] < self.index.thresholds.gate:
                break
            row = rows[int(i)]
            root = row.grp if row.grp is not None else row.seq
            if tried.get(root, 0) >= 2 or any(m[1] == root for m in matches):
                continue
            tried[root] = tried.get(root, 0) + 1
            similarity = self.index._similarity(entry, self._entry(conn, row.seq))
            if similarity is not None:
                matches.append((row.seq, root, similarity))
        return matches

    def _entry(self, conn: Connection, seq: int) -> _Entry:
        row = conn.execute(_ENTRY, {"b_seq": seq}).one()
        return _Entry(
            id=row.article_id,
            shingles=_unpack_shingles(row.shingles),
            span=PublishedDays.unpack(row.span_lo, row.span_hi, row.span_md),
            wire=row.wire,
            own_wire=row.own_wire,
        )

    def _insert_entry(
        self, conn: Connection, seq: int, entry: _Entry, sig: np.ndarray[Any, Any]
    ) -> None:
        lo, hi, md = entry.span.packed()
        conn.execute(
            insert(dedup_entries),
            [
                {
                    "seq": seq,
                    "article_id": entry.id,
                    "sig": np.ascontiguousarray(sig, dtype=np.uint32).tobytes(),
                    "shingles": _pack_shingles(entry.shingles),
                    "size": int(entry.shingles.size),
                    "span_lo": lo,
                    "span_hi": hi,
                    "span_md": md,
                    "wire": entry.wire,
                    "own_wire": entry.own_wire,
                    "grp": None,
                    "link": 1.0,
                }
            ],
        )

    def _union(self, conn: Connection, seq: int, matches: list[tuple[int, int, float]]) -> int:
        """Join the new entry and every matched group into the oldest root."""
        roots = {root for _, root, _ in matches}
        root = min(roots)
        conn.execute(_JOIN, {"roots": sorted(roots), "seqs": [*sorted(roots), seq], "root": root})
        link = min(similarity for _, _, similarity in matches)
        conn.execute(_LINK, {"b_seq": seq, "b_link": link})
        return root

    # --- reading ----------------------------------------------------------------------------

    def groups(
        self, conn: Connection, roots: Iterable[int] | None = None
    ) -> dict[int, list[Member]]:
        """Members of every group (or of the groups with these roots), in arrival order."""
        query = select(
            dedup_entries.c.seq,
            dedup_entries.c.article_id,
            dedup_entries.c.size,
            dedup_entries.c.span_lo,
            dedup_entries.c.own_wire,
            dedup_entries.c.link,
            dedup_entries.c.grp,
        ).where(dedup_entries.c.grp.is_not(None))
        if roots is not None:
            query = query.where(dedup_entries.c.grp.in_(list(roots)))
        found: dict[int, list[Member]] = defaultdict(list)
        rows = conn.execute(query.order_by(dedup_entries.c.seq))
        for seq, article_id, size, span_lo, own_wire, link, grp in rows:
            found[grp].append(Member(seq, article_id, size, span_lo or None, own_wire, link))
        return dict(found)

    def roots(self, conn: Connection, article_ids: Iterable[str]) -> set[int]:
        """The roots of the groups holding these articles (after every union)."""
        wanted = sorted(set(article_ids))
        e = dedup_entries
        found: set[int] = set()
        for start in range(0, len(wanted), 500):
            query = select(e.c.grp).where(
                e.c.article_id.in_(wanted[start : start + 500]), e.c.grp.is_not(None)
            )
            found.update(int(row[0]) for row in conn.execute(query))
        return found

    def clear(self, conn: Connection) -> None:
        conn.execute(delete(dedup_bands))
        conn.execute(delete(dedup_entries))


class Canonicals(Mapping[str, str]):
    """Article id -> its copy group's canonical, as the merge and story dating read it
    (`duplicate_of`), for an incremental link that rebuilt only the groups its new articles
    touched: those groups' canonicals (`fresh`), else the canonical the store holds for the
    article (`articles.canonical_id`, written with its group, which no new article changed).
    Stored ones are read in bulk by `need` (one at a time when an article was not asked for
    first), so a link reads the articles it looks at, not every group."""

    def __init__(self, engine: Engine, fresh: Mapping[str, str]) -> None:
        self._engine = engine
        self._fresh = dict(fresh)
        self._read: dict[str, str | None] = {}

    def need(self, article_ids: Iterable[str]) -> None:
        """Read the stored canonicals of these articles (those not known yet)."""
        from eventline.store.schema import articles

        wanted = sorted({i for i in article_ids if i not in self._fresh and i not in self._read})
        if not wanted:
            return
        with self._engine.connect() as conn:
            for start in range(0, len(wanted), 500):
                part = wanted[start : start + 500]
                query = select(articles.c.id, articles.c.canonical_id).where(
                    articles.c.id.in_(part), articles.c.canonical_id.is_not(None)
                )
                found = {str(i): str(c) for i, c in conn.execute(query)}
                self._read.update((i, found.get(i)) for i in part)

    def __getitem__(self, article_id: str) -> str:
        if article_id in self._fresh:
            return self._fresh[article_id]
        if article_id not in self._read:
            self.need([article_id])
        value = self._read[article_id]
        if value is None:
            raise KeyError(article_id)
        return value

    def _known(self) -> dict[str, str]:
        return {**{i: c for i, c in self._read.items() if c is not None}, **self._fresh}

    def __iter__(self) -> Iterator[str]:
        """The articles read or rebuilt so far (not every grouped article of the store)."""
        return iter(self._known())

    def __len__(self) -> int:
        return len(self._known())

    def __bool__(self) -> bool:
        """Always true: canonicals the store holds may not be read yet (`merge` replaces an
        empty `duplicate_of` by `{}`, which would never read them)."""
        return True


def stored_groups(conn: Connection, article_ids: Iterable[str]) -> list[DuplicateGroup]:
    """The stored copy groups holding these articles (members as the store holds them): an
    incremental link rebuilds only the groups its new articles joined, so the groups of other
    articles it looks at are read here, as their last link wrote them."""
    from eventline.store import schema as S

    a, g = S.articles, S.duplicate_groups
    held: set[str] = set()
    wanted = sorted(set(article_ids))
    for start in range(0, len(wanted), 500):
        query = select(a.c.duplicate_group_id).where(
            a.c.id.in_(wanted[start : start + 500]), a.c.duplicate_group_id.is_not(None)
        )
        held.update(str(r[0]) for r in conn.execute(query))
    members: dict[str, list[str]] = {}
    found: dict[str, tuple[str, float]] = {}
    ordered = sorted(held)
    for start in range(0, len(ordered), 500):
        part = ordered[start : start + 500]
        for group, article in conn.execute(
            select(a.c.duplicate_group_id, a.c.id).where(a.c.duplicate_group_id.in_(part))
        ):
            members.setdefault(str(group), []).append(str(article))
        query = select(g.c.id, g.c.canonical_id, g.c.similarity).where(g.c.id.in_(part))
        found.update((str(i), (str(c), float(s))) for i, c, s in conn.execute(query))
    return [
        DuplicateGroup(
            id=i, canonical=found[i][0], members=tuple(sorted(members[i])), similarity=found[i][1]
        )
        for i in ordered
        if i in found and i in members
    ]


def canonical(members: Sequence[Member]) -> str:
    """Wire's own copy first, then the longest text, the earliest date, the smallest id."""
    best = min(
        members,
        key=lambda m: (not m.own_wire, -m.size, m.lo if m.lo is not None else 10**9, m.article),
    )
    return best.article


def stale(conn: Connection) -> bool:
    """Whether an indexed article was deleted (groups cannot forget a member: rebuild)."""
    from eventline.store.schema import articles

    query = select(dedup_entries.c.seq).where(
        dedup_entries.c.article_id.not_in(select(articles.c.id))
    )
    return conn.execute(query.limit(1)).first() is not None
