"""Near-duplicate detection: syndicated copies and near-copies of one report.

How a new article is matched, and why each step is there:

1. **Normalise and shingle** the body (boilerplate is already gone): casefold, fold dotted
   acronyms (U.S. → us), drop punctuation, map British spellings to American
   (resources/corpus/spelling.yaml), then hash every run of 5 tokens. Five tokens are long
   enough that two independent reports of one happening rarely share a shingle outside
   quotations, short enough that an edited word costs only five shingles.
2. **MinHash + banded LSH** find candidates without scanning the corpus. 64 permutations in
   21 bands of 3 rows: a pair with Jaccard 0.5 collides in some band with p ≈ 0.94, at 0.4
   with p ≈ 0.83, at 0.1 with p ≈ 0.02. The threshold is low on purpose: a copy whose ending
   was cut in half has Jaccard ≈ 0.5 and still has to come back as a candidate. The sketches
   are computed with numpy on the whole shingle array at once and are identical to datasketch's
   ``MinHash(scheme="affine32", hashfunc=int).update_batch`` over the same shingle hashes. The
   bands live in one ``dict[int, int]`` rather than datasketch's ``MinHashLSH`` (a Python set
   per bucket plus every band key stored twice: several GB at a million articles).
3. **Verify exactly** on the shingle sets: Jaccard ≥ 0.5 (edited lead, added dateline, spelling
   swaps, different headline leave it well above), or containment of the smaller set ≥ 0.8 (a
   trimmed ending lowers Jaccard but not containment). Two independent reports of the same
   event, or two stories sharing a boilerplate paragraph, sit far below both.
4. **Cues**: copies published more than 7 days apart are not syndication unless the text is
   near-identical (Jaccard ≥ 0.9); copies credited to two different wires likewise.

Groups are kept with union-find, so a copy that matches any member joins the group. The
canonical article is the wire's own copy if present, else the longest, then the earliest.
"""

from __future__ import annotations

import io
import json
import multiprocessing
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np

from eventline.corpus.dayspan import PublishedDays, date_span, day_gap
from eventline.corpus.shingles import U32, Shingler, minhash, overlap, permutations
from eventline.errors import StoreError
from eventline.model import Article, DuplicateGroup, content_id

FORMAT_VERSION = 1

_BAND_MULT = np.array(
    [
        0x9E3779B97F4A7C15,
        0xC2B2AE3D27D4EB4F,
        0x165667B19E3779F9,
        0xD6E8FEB86659FD93,
        0xFF51AFD7ED558CCD,
        0xC4CEB9FE1A85EC53,
        0x27D4EB2F165667C5,
        0x94D049BB133111EB,
    ],
    dtype=np.uint64,
)


@dataclass(frozen=True)
class Thresholds:
    """When a verified candidate counts as a copy (see the module docstring for the why)."""

    jaccard: float = 0.5
    containment: float = 0.8
    min_shingles: int = 15  # below this a containment match is too easy to reach by chance
    gate: float = 0.2  # MinHash estimate below which a candidate is not verified at all
    window_days: int = 7
    near_identical: float = 0.9


@dataclass
class _Entry:
    id: str
    shingles: U32
    span: PublishedDays
    wire: str | None
    own_wire: bool


_Prepared = tuple[_Entry, U32]


def prepare(article: Article, shingler: Shingler, perms: tuple[U32, U32]) -> _Prepared:
    """The per-article part of indexing: shingles, signature, date span and wire cue."""
    shingles = shingler.shingles(article.body, title=article.title)
    wire = _fold(article.wire)
    entry = _Entry(
        id=article.id,
        shingles=shingles,
        span=date_span(article.published),
        wire=wire,
        own_wire=wire is not None and _fold(article.outlet) in (None, wire),
    )
    return entry, minhash(shingles, perms)


_WORKER: dict[str, Any] = {}


def _init_worker(shingle_size: int, num_perm: int, seed: int) -> None:
    _WORKER["shingler"] = Shingler(size=shingle_size)
    _WORKER["perms"] = permutations(num_perm, seed)


def _prepare_in_worker(article: Article) -> _Prepared:
    return prepare(article, _WORKER["shingler"], _WORKER["perms"])


class DuplicateIndex:
    """Incremental, persistable near-duplicate index over Articles.

    `add` matches an article against everything added before without recomputing the corpus;
    `dump`/`load` round-trip the whole state through compact bytes (no pickle).
    """

    def __init__(
        self,
        *,
        num_perm: int = 64,
        bands: int = 21,
        rows: int = 3,
        seed: int = 1,
        shingle_size: int = 5,
        thresholds: Thresholds | None = None,
    ) -> None:
        if bands * rows > num_perm or rows > _BAND_MULT.size:
            raise ValueError("bands * rows must not exceed num_perm (and rows <= 8)")
        self.num_perm, self.bands, self.rows, self.seed = num_perm, bands, rows, seed
        self.thresholds = thresholds or Thresholds()
        self.max_bucket = 64
        self._shingler = Shingler(size=shingle_size)
        self._perms = permutations(num_perm, seed)
        self._band_salt = np.arange(1, bands + 1, dtype=np.uint64) * np.uint64(0xA24BAED4963EE407)
        self._entries: list[_Entry] = []
        self._pos: dict[str, int] = {}
        self._sigs = np.zeros((1024, num_perm), dtype=np.uint32)
        self._buckets: dict[int, int] = {}
        self._overflow: dict[int, list[int]] = {}
        self._parent: list[int] = []
        self._link: list[float] = []  # similarity of the link that joined i to its group
        self._members: dict[int, list[int]] = {}  # root -> members, groups of two or more only

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._pos

    # --- adding ---------------------------------------------------------------------------

    def add(self, article: Article) -> str | None:
        """Index one article; return its group's canonical article id, or None if it has no
        copy yet. Adding an id already present changes nothing."""
        if article.id in self._pos:
            return self.canonical(article.id)
        return self._insert(self._prepare(article))

    def add_many(self, articles: Iterable[Article], *, processes: int = 1) -> int:
        """Index many articles; with `processes` > 1 the per-article work (shingles and
        signatures, about two thirds of the cost) runs in worker processes while matching
        stays in this one, in input order, so the result equals adding them one by one."""
        todo = [a for a in articles if a.id not in self._pos]
        if processes <= 1 or len(todo) < 2_000:  # a pool costs more than it saves below this
            for article in todo:
                self._insert(self._prepare(article))
            return len(todo)
        config = (self._shingler.size, self.num_perm, self.seed)
        with multiprocessing.get_context("spawn").Pool(
            processes, initializer=_init_worker, initargs=config
        ) as pool:
            for item in pool.imap(_prepare_in_worker, todo, chunksize=512):
                self._insert(item)
        return len(todo)

    def _prepare(self, article: Article) -> _Prepared:
        return prepare(article, self._shingler, self._perms)

    def _insert(self, prepared: _Prepared) -> str | None:
        entry, sig = prepared
        if entry.id in self._pos:
            return self.canonical(entry.id)
        keys = self._band_keys(sig) if entry.shingles.size else []
        matches = self._verify(entry, sig, self._candidates(keys))
        index = self._append(entry, sig, keys)
        for other, similarity in matches:
            self._union(index, other, similarity)
        return self.canonical(entry.id)

    def _append(self, entry: _Entry, sig: U32, keys: list[int]) -> int:
        index = len(self._entries)
        self._entries.append(entry)
        self._pos[entry.id] = index
        if index == self._sigs.shape[0]:
            self._sigs = np.concatenate([self._sigs, np.zeros_like(self._sigs)])
        self._sigs[index] = sig
        self._parent.append(index)
        self._link.append(1.0)
        for key in keys:
            first = self._buckets.setdefault(key, index)
            if first != index:
                self._overflow.setdefault(key, []).append(index)
        return index

    def _band_keys(self, sig: U32) -> list[int]:
        rows = sig[: self.bands * self.rows].reshape(self.bands, self.rows).astype(np.uint64)
        keys = (rows * _BAND_MULT[: self.rows]).sum(axis=1, dtype=np.uint64) ^ self._band_salt
        return keys.tolist()

    def _candidates(self, keys: list[int]) -> list[int]:
        found: set[int] = set()
        for key in keys:
            first = self._buckets.get(key)
            if first is not None:
                found.add(first)
                # A hot bucket (templated briefs, boilerplate) only offers its latest members:
                # that bounds the cost per article and still finds the newest copies.
                found.update(self._overflow.get(key, ())[-self.max_bucket :])
        return sorted(found)

    def _verify(self, entry: _Entry, sig: U32, candidates: list[int]) -> list[tuple[int, float]]:
        """Exact check of the candidates most likely to be copies, at most two per group."""
        if not candidates:
            return []
        cands = np.asarray(candidates)
        estimates = (self._sigs[cands] == sig).mean(axis=1)
        order = np.argsort(-estimates, kind="stable")
        tried: dict[int, int] = {}
        matches: list[tuple[int, float]] = []
        for i in order:
            if estimates[i] < self.thresholds.gate:
                break
            other = int(cands[i])
            root = self._find(other)
            if tried.get(root, 0) >= 2 or any(self._find(m) == root for m, _ in matches):
                continue
            tried[root] = tried.get(root, 0) + 1
            similarity = self._similarity(entry, self._entries[other])
            if similarity is not None:
                matches.append((other, similarity))
        return matches

    def _similarity(self, new: _Entry, old: _Entry) -> float | None:
        """The score that makes `new` a copy of `old`, or None when it is not one."""
        t = self.thresholds
        jaccard, containment = overlap(new.shingles, old.shingles)
        gap = day_gap(new.span, old.span)
        far_apart = gap is not None and gap > t.window_days
        other_wire = new.wire is not None and old.wire is not None and new.wire != old.wire
        if far_apart or other_wire:
            return jaccard if jaccard >= t.near_identical else None
        if jaccard >= t.jaccard:
            return jaccard
        smaller = min(new.shingles.size, old.shingles.size)
        if containment >= t.containment and smaller >= t.min_shingles:
            return containment
        return None

    # --- groups ---------------------------------------------------------------------------

    def _find(self, index: int) -> int:
        parent = self._parent
        root = index
        while parent[root] != root:
            root = parent[root]
        while parent[index] != root:
            parent[index], index = root, parent[index]
        return root

    def _union(self, index: int, other: int, similarity: float) -> None:
        a, b = self._find(index), self._find(other)
        if a == b:
            return
        members_a = self._members.pop(a, [a])
        members_b = self._members.pop(b, [b])
        if len(members_a) > len(members_b):
            a, b, members_a, members_b = b, a, members_b, members_a
        self._parent[a] = b
        self._members[b] = members_b + members_a
        self._link[index] = min(self._link[index], similarity)

    def canonical(self, article_id: str) -> str | None:
        """The canonical article of the group holding `article_id` (None: it has no copy)."""
        members = self._members.get(self._find(self._pos[article_id]))
        return None if members is None else self._entries[self._pick(members)].id

    def members(self, article_id: str) -> tuple[str, ...]:
        """Ids of every copy of `article_id`, itself included (pass them to StoryIndex.add)."""
        members = self._members.get(self._find(self._pos[article_id]), [self._pos[article_id]])
        return tuple(sorted(self._entries[i].id for i in members))

    def _pick(self, members: Iterable[int]) -> int:
        """Wire's own copy first, then the longest text, the earliest date, the smallest id."""

        def rank(i: int) -> tuple[bool, int, int, str]:
            entry = self._entries[i]
            earliest = entry.span.lo if entry.span.lo is not None else 10**9
            return (not entry.own_wire, -entry.shingles.size, earliest, entry.id)

        return min(members, key=rank)

    def groups(
        self, *, assign_ids: Callable[[list[list[str]]], list[str]] | None = None
    ) -> list[DuplicateGroup]:
        """Every group of two or more copies, largest first. A group's id comes from its
        first-indexed member (or from `assign_ids`, given members in arrival order), so a copy
        arriving later does not rename the group."""
        arrivals = [[self._entries[i].id for i in sorted(m)] for m in self._members.values()]
        if assign_ids is None:
            ids = [content_id("dup", members[0]) for members in arrivals]
        else:
            ids = assign_ids(arrivals)
        result = [
            DuplicateGroup(
                id=group_id,
                canonical=self._entries[self._pick(members)].id,
                members=tuple(sorted(self._entries[i].id for i in members)),
                similarity=round(min(self._link[i] for i in members), 4),
            )
            for group_id, members in zip(ids, self._members.values(), strict=True)
        ]
        return sorted(result, key=lambda g: (-len(g.members), g.id))

    def ids(self) -> list[str]:
        """Indexed article ids in arrival order."""
        return [e.id for e in self._entries]

    # --- persistence ----------------------------------------------------------------------

    def dump(self) -> bytes:
        """The whole index as compressed numpy arrays plus a JSON header (no pickle)."""
        n = len(self._entries)
        sizes = np.array([e.shingles.size for e in self._entries], dtype=np.int64)
        flat = np.concatenate([e.shingles for e in self._entries] or [np.zeros(0, np.uint32)])
        header = {
            "version": FORMAT_VERSION,
            "params": self._params(),
            "ids": [e.id for e in self._entries],
            "wires": [e.wire for e in self._entries],
        }
        arrays = {
            "header": np.frombuffer(json.dumps(header).encode("utf-8"), dtype=np.uint8),
            "sigs": self._sigs[:n],
            "sizes": sizes,
            "deltas": np.diff(flat, prepend=np.uint32(0)).astype(np.uint32),
            "spans": np.array([e.span.packed() for e in self._entries], np.int32).reshape(n, 3),
            "own_wire": np.array([e.own_wire for e in self._entries], dtype=bool),
            "parent": np.array([self._find(i) for i in range(n)], dtype=np.int64),
            "link": np.array(self._link, dtype=np.float32),
        }
        buffer = io.BytesIO()
        np.savez_compressed(buffer, **arrays)  # type: ignore[arg-type]
        return buffer.getvalue()

    def _params(self) -> dict[str, Any]:
        return {
            "num_perm": self.num_perm,
            "bands": self.bands,
            "rows": self.rows,
            "seed": self.seed,
            "shingle_size": self._shingler.size,
            "thresholds": self.thresholds.__dict__,
        }

    @classmethod
    def load(cls, data: bytes) -> DuplicateIndex:
        """Rebuild an index from `dump()` output; bad bytes are a StoreError."""
        try:
            with np.load(io.BytesIO(data), allow_pickle=False) as npz:
                arrays = {name: npz[name] for name in npz.files}
            header = json.loads(arrays["header"].tobytes().decode("utf-8"))
        except (OSError, ValueError, KeyError, UnicodeDecodeError) as exc:
            raise StoreError("duplicate index", f"cannot read dump: {exc}") from exc
        if header.get("version") != FORMAT_VERSION:
            raise StoreError("duplicate index", f"unknown dump version {header.get('version')}")
        params = dict(header["params"])
        params["thresholds"] = Thresholds(**params["thresholds"])
        index = cls(**params)
        index._restore(header, arrays)
        return index

    def _restore(self, header: dict[str, Any], arrays: dict[str, Any]) -> None:
        flat = np.cumsum(arrays["deltas"], dtype=np.uint32)
        bounds = np.concatenate([[0], np.cumsum(arrays["sizes"])])
        sigs = arrays["sigs"]
        for i, article_id in enumerate(header["ids"]):
            entry = _Entry(
                id=article_id,
                shingles=flat[bounds[i] : bounds[i + 1]].copy(),
                span=PublishedDays.unpack(*arrays["spans"][i].tolist()),
                wire=header["wires"][i],
                own_wire=bool(arrays["own_wire"][i]),
            )
            self._append(entry, sigs[i], self._band_keys(sigs[i]) if entry.shingles.size else [])
            self._link[i] = float(arrays["link"][i])
        for i, root in enumerate(arrays["parent"].tolist()):
            if root != i:
                a, b = self._find(i), self._find(root)
                if a != b:
                    self._union(i, root, self._link[i])


def _fold(text: str | None) -> str | None:
    folded = re.sub(r"\W+", " ", text.casefold()).strip() if text else ""
    return folded or None
