"""The generated actor KB (`resources/actors/kb/*.tsv`, built by `kb_shared`), read lazily.

Three indexes, each loaded on first use and kept for the process:

- `people()`: ~19k people with role histories. `PersonIndex.candidates(name)` finds who a name
  may mean (full name, surname plus first name, or a bare surname the sources list as used
  alone); `KbPerson.at(day)` gives the country and sector the person had that day: the role
  active then, else the source's default, else ELI (out of office) for an office holder.
- `bodies()`: ~14k organisations, armed groups and parties by lower-cased name.
- `agents()`: ~3k role nouns ("farmer" -> AGR) for descriptors.

Dates are ISO strings; a partial date ("2019", "2019-05") is compared as its first day.

The name indexes of these tables (and of the gazetteer's cities, `places.py`) are kept between
runs in the user's cache folder (`cached_index`), keyed on a hash of the source file: reading
one back costs about a third of building it. A missing, stale, unreadable or unwritable cache
only means the index is built from the file as before. The tables are built with the cyclic
garbage collector paused (`collector_paused`): they hold no cycles, and with the spaCy model
loaded each collection their hundreds of thousands of new objects set off walks the whole heap.
"""

from __future__ import annotations

import gc
import hashlib
import marshal
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any, TypeVar

from eventline.errors import ResourceError
from eventline.nlp.kb import resource_path
from eventline.nlp.names import fold_part, name_parts

_FORMAT = "# eventline actor KB format 1"
#: Sectors of public office: out of office (before or after) a person is ELI, as CAMEO codes
#: presidents before and after their terms.
_OFFICES = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})


@dataclass(frozen=True)
class KbRole:
    country: str | None
    sector: str | None
    start: str
    end: str
    title: str

    @property
    def dated(self) -> bool:
        return bool(self.start or self.end)

    def active(self, day: str) -> bool:
        return (
            self.dated
            and (not self.start or self.start <= day)
            and (not self.end or day <= self.end)
        )


@dataclass(frozen=True)
class Standing:
    """Who a person was on a day: country, sector, and whether a dated role was active."""

    country: str | None
    sector: str | None
    active: bool
    last_active: str  # the latest day any role was active up to the day asked ("" if none)


@dataclass(frozen=True)
class KbPerson:
    id: str
    name: str
    raw_roles: str

    @cached_property
    def roles(self) -> tuple[KbRole, ...]:
        out = []
        for item in self.raw_roles.split(";") if self.raw_roles else ():
            country, sector, start, end, title = (item.split(",") + [""] * 5)[:5]
            out.append(KbRole(country or None, sector or None, start, end, title))
        return tuple(out)

    @property
    def countries(self) -> frozenset[str]:
        return frozenset(r.country for r in self.roles if r.country)

    def at(self, day: str | None) -> Standing:
        """The person's standing on `day`; with no day, the latest role (a date-free reading
        must not call a sitting president "former" because the term ends in the future)."""
        dated = [r for r in self.roles if r.dated]
        if not day and dated:  # no date: the latest role, as if still held
            role = max(dated, key=lambda r: r.start or "")
            return Standing(role.country, role.sector, True, role.end or "9999-12-31")
        day = _day(day)
        active = [r for r in dated if r.active(day)]
        if active:
            role = max(active, key=lambda r: r.start)
            return Standing(role.country, role.sector, True, day)
        past = [r for r in dated if r.end and r.end < day]
        last = max((r.end for r in past), default="")
        default = next((r for r in self.roles if not r.dated), None)
        if default is not None and (default.country or default.sector):
            country = default.country or _latest_country(dated)
            return Standing(country, default.sector, False, last)
        if past:
            role = max(past, key=lambda r: r.end)
            sector = "ELI" if role.country and role.sector in _OFFICES else role.sector
            return Standing(role.country, sector, False, last)
        future = min(dated, key=lambda r: r.start or "9999", default=None)
        if future is None:
            return Standing(None, None, False, "")
        sector = "ELI" if future.country and future.sector in _OFFICES else future.sector
        return Standing(future.country, sector, False, "")


def _latest_country(roles: list[KbRole]) -> str | None:
    found = [r for r in roles if r.country]
    return max(found, key=lambda r: r.start or "").country if found else None


def _day(day: str | None) -> str:
    """A comparable ISO day: "2019" -> "2019-01-01"; None -> far future (latest roles)."""
    if not day:
        return "9999-12-31"
    day = day.lstrip("-") if day.startswith("--") else day
    parts = day[:10].split("-")
    if not parts[0].isdigit() or len(parts[0]) != 4:
        return "9999-12-31"
    return "-".join([*parts, "01", "01"][:3])


def name_key(name: str) -> str:
    return " ".join(fold_part(p) for p in name_parts(name))


T = TypeVar("T")

#: Bump when what a cached index holds changes shape: older cache files are then rebuilt.
_CACHE_FORMAT = 1


@contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector off while building a large acyclic table, as it was
    after. Plain counting still frees everything; only the collector's walks of the whole heap
    (the loaded model's objects included) are spared. About 0.25 s of CPU a run."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def cache_dir() -> Path:
    """Where built indexes are kept: `EVENTLINE_CACHE_DIR`, else the XDG cache folder."""
    explicit = os.environ.get("EVENTLINE_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "eventline"


def cached_index(name: str, data: bytes, build: Callable[[], T]) -> T:
    """`build()`'s result, read from the cache file `name` when it was stored for these very
    source bytes (and this cache format and Python), else built and stored for next time.
    `build` must return plain data marshal can write (str, int, tuples, lists, dicts)."""
    digest = hashlib.blake2b(data, digest_size=16).hexdigest()
    stamp = (_CACHE_FORMAT, sys.version_info[:2], digest)
    path = cache_dir() / f"{name}.marshal"
    try:
        found: Any = marshal.loads(path.read_bytes())
        if isinstance(found, tuple) and len(found) == 2 and found[0] == stamp:
            return found[1]
    except (OSError, ValueError, EOFError, TypeError):
        pass  # missing or unreadable: build it
    value = build()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        payload: Any = (stamp, value)
        partial.write_bytes(marshal.dumps(payload))
        os.replace(partial, path)  # readers see the old file or the new, never half of one
    except (OSError, ValueError):
        pass  # read-only home or cache: next run builds it again
    return value


def _source(name: str) -> tuple[Path, bytes]:
    path = Path(str(resource_path("kb") / name))
    try:
        return path, path.read_bytes()
    except OSError as exc:
        raise ResourceError(str(path), f"cannot read: {exc}") from exc


def _rows(path: Path, data: bytes) -> list[list[str]]:
    text = data.decode("utf-8")
    if not text.startswith(_FORMAT):
        raise ResourceError(str(path), "not an eventline actor KB file of format 1")
    return [line.split("\t") for line in text.splitlines() if line and not line.startswith("#")]


def _lines(name: str) -> list[list[str]]:
    return _rows(*_source(name))


_PeopleTables = tuple[
    list[tuple[str, str, str]], dict[str, list[int]], dict[str, list[tuple[int, str]]]
]


def _people_tables(rows: list[list[str]]) -> _PeopleTables:
    """(id, name, roles) a person, name key -> people, surname -> (person, first name)."""
    people: list[tuple[str, str, str]] = []
    by_key: dict[str, list[int]] = {}
    by_surname: dict[str, list[tuple[int, str]]] = {}
    for number, row in enumerate(rows):
        if len(row) != 5:
            raise ResourceError("people.tsv", f"line {number + 3}: expected 5 columns")
        people.append((row[0], row[1], row[4]))
        for key in row[3].split("|"):
            by_key.setdefault(key, []).append(number)
            if " " in key:
                first, _, rest = key.partition(" ")
                by_surname.setdefault(rest.rsplit(" ", 1)[-1], []).append((number, first))
    return people, by_key, by_surname


class PersonIndex:
    """Name keys -> people. Keys are folded name parts joined by spaces."""

    def __init__(self, rows: list[list[str]], *, tables: _PeopleTables | None = None) -> None:
        people, self.by_key, self.by_surname = tables or _people_tables(rows)
        self.people: list[KbPerson] = [KbPerson(*person) for person in people]
        self.by_id: dict[str, KbPerson] = {p.id: p for p in self.people}

    def candidates(self, name: str) -> list[KbPerson]:
        """Everyone `name` may mean: the full name; else the same surname and first name
        (or initial); a one-word name only where a source lists it as used alone."""
        key = name_key(name)
        if not key:
            return []
        hits = self.by_key.get(key, [])
        parts = key.split(" ")
        if not hits and len(parts) > 1:
            hits = [
                n for n, first in self.by_surname.get(parts[-1], []) if _first_fits(parts[0], first)
            ]
        return [self.people[n] for n in dict.fromkeys(hits)]


def _first_fits(first: str, other: str) -> bool:
    if len(first) == 1 or len(other) == 1:
        return first[0] == other[0]
    return first == other


@lru_cache(maxsize=1)
def people() -> PersonIndex:
    path, data = _source("people.tsv")
    with collector_paused():
        tables = cached_index("people", data, lambda: _people_tables(_rows(path, data)))
        return PersonIndex([], tables=tables)


@dataclass(frozen=True)
class KbBody:
    id: str
    name: str
    country: str | None
    sector: str | None


@lru_cache(maxsize=1)
def bodies() -> dict[str, list[KbBody]]:
    """Lower-cased name -> bodies with that name."""
    out: dict[str, list[KbBody]] = {}
    with collector_paused():
        for row in _lines("bodies.tsv"):
            body = KbBody(row[0], row[1], row[2] or None, row[3] or None)
            for key in row[4].split("|"):
                out.setdefault(key, []).append(body)
    return out


def body(name: str) -> KbBody | None:
    """The body a name means: CAMEO's when it lists the name (else PartyFacts'), provided
    every body of that name is of one country; None when several countries use the name."""
    key = " ".join(name.lower().split())
    if key.startswith("the "):
        key = key[4:]
    found = bodies().get(key, [])
    found = [b for b in found if not b.id.startswith("pf.")] or found  # CAMEO first
    if not found:
        return None
    return found[0] if len({b.country for b in found}) == 1 else None


@lru_cache(maxsize=1)
def agents() -> dict[str, str]:
    """Lower-cased role noun phrase -> export sector."""
    return {row[0]: row[1] for row in _lines("agents.tsv") if len(row) == 2}
