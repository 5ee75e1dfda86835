"""Cross-document resolution: the doc-local actors of many articles become canonical actors.

Knowledge-base actors already share ids. People merge when their surnames fold alike
(`names.fold_part`: Araghchi/Araqchi, Zelensky/Zelenskyy) AND given names, country and sector
agree; a bare surname joins the single compatible person and stays apart when there are two
(two officials called Khan). There is no string-similarity threshold: Putin and Pudin never
meet. Unnamed single-office holders ("the Iranian foreign minister") join the one person known
to hold that office now.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from eventline.model import Actor, Role, content_id
from eventline.nlp.actor_kb import people
from eventline.nlp.kb import Title, load_roles
from eventline.nlp.names import (
    acronym,
    fold_part,
    given_compatible,
    given_keys,
    name_parts,
    surname_key,
)
from eventline.nlp.names import org_key as fold_org

Key = tuple[int, str]  # (document index, doc-local actor id)


@dataclass
class Cluster:
    kind: str
    given: tuple[str, ...] = ()
    country: str | None = None
    sector: str | None = None
    kb_person: str | None = None
    members: list[tuple[Key, dict[str, Any]]] = field(default_factory=list)

    def add(self, key: Key, entry: dict[str, Any]) -> None:
        self.members.append((key, entry))
        self.kb_person = self.kb_person or entry.get("kb_person")
        given = given_keys(entry["name"]) if entry["type"] == "person" else ()
        if len(given) > len(self.given):
            self.given = given
        self.country = self.country or entry.get("country")
        self.sector = self.sector or entry.get("sector")

    def accepts(self, entry: dict[str, Any]) -> bool:
        """Same KB person: yes, whatever the sectors at each article's date; another KB
        person: no; otherwise country, sector and given names must agree."""
        kb_person = entry.get("kb_person")
        if kb_person and self.kb_person:
            return bool(kb_person == self.kb_person)
        country, sector = entry.get("country"), entry.get("sector")
        if country and self.country and country != self.country:
            return False
        if sector and self.sector and sector != self.sector and not self._career(entry):
            return False
        return given_compatible(given_keys(entry["name"]), self.given)

    def _career(self, entry: dict[str, Any]) -> bool:
        """The same full name in another office, or out of office, at another article's date
        ("Senator Mark Halvorsen" in 2005, "Gov. Mark Halvorsen" in 2010, "former Governor
        Mark Halvorsen" in 2014): one person with a role history, not namesakes. Only with every
        given name the same, and between sectors a career passes through."""
        given = given_keys(entry["name"])
        return (
            bool(given)
            and given == self.given
            and {entry.get("sector"), self.sector} <= _CAREER_SECTORS
        )


#: Sectors one person's career moves between: state offices, out of office, opposition,
#: party and business ("Cyril Ramaphosa": business, then deputy president, then president).
_CAREER_SECTORS = frozenset({"GOV", "LEG", "MIL", "JUD", "COP", "SPY", "ELI", "OPP", "PTY", "BUS"})


@lru_cache(maxsize=1)
def _titles() -> dict[str, Title]:
    return {t.key: t for t in load_roles().titles}


def _holds(role: dict[str, Any], wanted: dict[str, Any]) -> bool:
    held = _titles().get(role.get("key", ""))
    want = _titles().get(wanted.get("key", ""))
    if held is None or want is None or bool(role.get("past")) != bool(wanted.get("past")):
        return False
    return want.key == held.key or held.parent == want.key or (want.key == "leader" and held.head)


def _informative(item: tuple[Key, dict[str, Any]]) -> tuple[int, int, int]:
    entry = item[1]
    return (
        int(bool(entry.get("country"))),
        len(name_parts(entry["name"])),
        len(entry.get("roles", [])),
    )


def _cluster_people(items: list[tuple[Key, dict[str, Any]]]) -> list[Cluster]:
    groups: dict[str, list[tuple[Key, dict[str, Any]]]] = {}
    for item in items:
        groups.setdefault(surname_key(item[1]["name"]), []).append(item)
    clusters: list[Cluster] = []
    for group in groups.values():
        mine: list[Cluster] = []
        for key, entry in sorted(group, key=_informative, reverse=True):
            fits = [c for c in mine if c.accepts(entry)]
            if len(fits) > 1:
                exact = given_keys(entry["name"])
                fits = [c for c in fits if exact and c.given[:1] == exact[:1]]
            if len(fits) == 1:
                fits[0].add(key, entry)
            else:
                mine.append(Cluster("person"))
                mine[-1].add(key, entry)
        clusters.extend(mine)
    return clusters


def _attach_roles(
    role_items: list[tuple[Key, dict[str, Any]]], people: list[Cluster]
) -> list[Cluster]:
    """Unnamed office holders join the one person holding that office (single offices only)."""
    leftover: dict[str, Cluster] = {}
    for key, entry in role_items:
        wanted = entry["role_only"]
        title = _titles().get(wanted.get("key", ""))
        fits = []
        if title is not None and title.single:
            fits = [
                c
                for c in people
                if c.country == entry["country"]
                and any(_holds(r, wanted) for _, e in c.members for r in e.get("roles", []))
            ]
        if len(fits) == 1:
            fits[0].members.append((key, entry))
        else:
            leftover.setdefault(entry["id"], Cluster("role")).add(key, entry)
    return list(leftover.values())


def _cluster_orgs(items: list[tuple[Key, dict[str, Any]]]) -> list[Cluster]:
    by_key: dict[str, Cluster] = {}
    for key, entry in sorted(items, key=lambda i: -len(i[1]["name"])):
        name = entry["name"]
        folded = fold_org(name)
        target = by_key.get(folded)
        country = entry.get("country")
        if target is not None and country and target.country and country != target.country:
            folded = f"{folded}|{country}"  # "Senate" of another country (nlp/groups.py)
            target = by_key.get(folded)
        if target is None and name.isupper() and len(name) >= 2:
            hits = {id(c): c for k, c in by_key.items() if acronym(c.members[0][1]["name"]) == name}
            target = next(iter(hits.values())) if len(hits) == 1 else None
        if target is None:
            target = Cluster("organization")
            by_key[folded] = target
        target.add(key, entry)
    return list({id(c): c for c in by_key.values()}.values())


def _canonical(cluster: Cluster) -> Actor:
    entries = [e for _, e in cluster.members]
    named = [e for e in entries if not e.get("role_only")] or entries
    counts = Counter(e["name"] for e in named)
    name = max(counts, key=lambda n: (len(name_parts(n)), counts[n], n))
    first = entries[0]
    if first.get("kb") or first.get("same_as"):
        actor_id = first.get("same_as") or first["id"]
    else:
        folded = " ".join(fold_part(p) for p in name_parts(name))
        actor_id = content_id("act", first["type"], folded, cluster.country)
    roles = {
        (r.get("key"), r.get("country"), bool(r.get("past"))): Role(
            title=r["title"], country=r.get("country"), sector=r.get("sector"), past=r["past"]
        )
        for e in entries
        for r in e.get("roles", [])
        if r.get("title")
    }
    history = kb_roles(cluster.kb_person) if cluster.kb_person else ()
    return Actor(
        id=actor_id,
        name=name,
        type=first["type"],
        country=cluster.country,
        sector=cluster.sector,
        roles=tuple(roles.values()) + history,
    )


def kb_roles(person_id: str) -> tuple[Role, ...]:
    """A KB person's dated offices, latest first (titled ones before CAMEO's untitled codes,
    which take their sector code as title); spells out of office (ELI) are left out."""
    person = people().by_id.get(person_id)
    if person is None:
        return ()
    dated = [r for r in person.roles if r.dated and r.sector != "ELI"]
    dated.sort(key=lambda r: r.start or "", reverse=True)
    dated.sort(key=lambda r: not r.title)
    seen: dict[tuple[Any, ...], Role] = {}
    for role in dated:
        title = role.title or role.sector or ""
        key = (title.lower(), role.country, role.sector, role.start[:4], role.end[:4])
        seen.setdefault(
            key,
            Role(
                title=title,
                country=role.country,
                sector=role.sector,
                start=role.start or None,
                end=role.end or None,
            ),
        )
    return tuple(seen.values())


def resolve_tables(tables: Sequence[dict[str, dict[str, Any]] | None]) -> dict[Key, Actor]:
    """Map every (doc index, local id) to its canonical actor."""
    kb: dict[str, Cluster] = {}
    people: list[tuple[Key, dict[str, Any]]] = []
    roles: list[tuple[Key, dict[str, Any]]] = []
    orgs: list[tuple[Key, dict[str, Any]]] = []
    for index, table in enumerate(tables):
        for local, entry in (table or {}).items():
            key = (index, local)
            if entry.get("kb") or entry.get("same_as"):  # same_as: nlp/companies.py
                kb.setdefault(entry.get("same_as") or local, Cluster("kb")).add(key, entry)
            elif entry.get("role_only"):
                roles.append((key, entry))
            elif entry["type"] == "person":
                people.append((key, entry))
            else:
                orgs.append((key, entry))
    person_clusters = _cluster_people(people)
    clusters = [*kb.values(), *person_clusters, *_cluster_orgs(orgs)]
    clusters += _attach_roles(roles, person_clusters)
    out: dict[Key, Actor] = {}
    for cluster in clusters:
        actor = _canonical(cluster)
        for key, _ in cluster.members:
            out[key] = actor
    return out
