"""Well-known office holders: who "Putin" or "President Museveni" is when the text never says.

News often names a leader with a bare surname or a title that gives no country ("President
Yoweri Museveni said ..."). `resources/actors/office_holders.yaml` lists heads of state and
government, foreign and defence ministers of major states and heads of international bodies
(about 1985-2025) with their country. A person found in a document takes that country (and
sector, when the text gave none) only when:

- the name matches: the full name (or a listed spelling), or the same surname with the same
  first given name, or a bare surname that is unambiguous in the file (every holder with that
  surname has one country) and not marked `bare: false` (common surnames: "Johnson", "Khan");
  a holder marked `alone: false` (a surname that is a common word or name: Governor Brad
  Little, Governor Phil Scott) is meant by a bare surname only when the document titles that
  name with one of the holder's offices ("Gov. Little said ... Little added");
- the document does not contradict it: a country the text gives the person (a title, a
  nationality right before the name or in an appositive) wins, and a different first name in
  the document ("Igor Putin") makes a different person.

Offices are dated, so on a known day the file says more than a country: a holder in office
then has that office's sector (an office may also be a bare sector code, "IGO 2014-2019" for
the head of an international body, "LEG", "OPP", "REB", "BUS" ..., and an IGO office has no
country); one whose offices have all ended is ELI (out of office), unless the KB knows a role
begun since. The file's dates win over the KB's, whose CAMEO roles often stay open after 2015.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from spacy.tokens import Doc, Span

from eventline.errors import ResourceError
from eventline.nlp.actor_kb import collector_paused
from eventline.nlp.companies import read_as_company
from eventline.nlp.kb import (
    Title,
    _iso_codes,
    _validate,
    load_roles,
    packaged_kb,
    resource_path,
)
from eventline.nlp.lexicon import POSSESSIVES, STATE_LABELS
from eventline.nlp.names import fold_part, name_parts
from eventline.nlp.who import PersonMatch, match_person

HOLDERS_FILE = "office_holders.yaml"
HOLDERS_VERSION = 1
_OFFICE = re.compile(r"^([A-Za-z_]+) (\d{4})-(\d{4})?$")
#: Sectors whose holders speak for no country (heads of international bodies).
_STATELESS = frozenset({"IGO"})


class Holder(BaseModel):
    """One person: `offices` are "title_key FROM-TO" strings (an open end: still in office)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: str = Field(min_length=1)
    country: str | None
    sector: str | None = None
    offices: list[str] = Field(min_length=1)
    surname: str | None = None
    also: list[str] = Field(default_factory=list)
    bare: bool = True
    alone: bool = True

    @field_validator("country")
    @classmethod
    def _iso3(cls, value: str | None) -> str | None:
        if value is not None and value not in _iso_codes():
            raise ValueError(f"{value!r} is not an ISO 3166 alpha-3 country code")
        return value

    @field_validator("offices")
    @classmethod
    def _offices(cls, value: list[str]) -> list[str]:
        for office in value:
            match = _OFFICE.match(office)
            if match is None:
                raise ValueError(f"office {office!r} is not 'title_key FROM-TO'")
            start, end = int(match.group(2)), match.group(3)
            if not 1900 <= start <= 2100 or (end is not None and int(end) < start):
                raise ValueError(f"office {office!r} has impossible years")
        return value

    @model_validator(mode="after")
    def _country_or_sector(self) -> Holder:
        if self.country is None and self.sector is None:
            raise ValueError(f"{self.name}: a holder without a country needs a sector")
        return self


class HoldersFile(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    version: int
    description: str = ""
    holders: list[Holder]


@dataclass(frozen=True)
class Known:
    """What the file says of the person a name means: country and sector. `dated`: read from
    the offices held on the day asked (or ELI after them all); `since`: for ELI, the year the
    last office ended (a KB role begun later is newer news than the file)."""

    names: tuple[str, ...]
    country: str | None
    sector: str | None
    dated: bool = False
    since: int = 0


@dataclass(frozen=True)
class Term:
    """One office of a holder: its sector, the country it speaks for, its years and its
    title (empty for an office given as a bare sector code)."""

    sector: str
    country: str | None
    start: int
    end: int | None
    title: str = ""
    key: str = ""

    def holds(self, year: int) -> bool:
        return self.start <= year and (self.end is None or year <= self.end)


def _key(name: str) -> tuple[str, ...]:
    return tuple(fold_part(p) for p in name_parts(name))


class HolderIndex:
    """Lookups by full name, by surname plus first given name, and by bare surname."""

    def __init__(self, data: HoldersFile) -> None:
        titles = {t.key: t for t in load_roles().titles}
        self.full: dict[tuple[str, ...], list[Holder]] = {}
        self.by_surname: dict[tuple[str, ...], list[Holder]] = {}
        self.sectors: dict[str, str | None] = {}
        self.terms: dict[str, tuple[Term, ...]] = {}
        codes = set(load_roles().sectors)
        for number, holder in enumerate(data.holders):
            keys = [_OFFICE.match(o).group(1) for o in holder.offices]  # type: ignore[union-attr]
            unknown = [k for k in keys if k not in titles and k not in codes]
            if unknown:
                raise ResourceError(HOLDERS_FILE, f"holders.{number}: unknown title {unknown[0]!r}")
            terms = office_terms(holder, titles)
            self.sectors[holder.name] = holder.sector or terms[-1].sector
            self.terms[holder.name] = tuple(terms)
            for name in (holder.name, *holder.also):
                self.full.setdefault(_key(name), []).append(holder)
            surname = _key(holder.surname) if holder.surname else _key(holder.name)[-1:]
            self.by_surname.setdefault(surname, []).append(holder)

    def knows_surname(self, name: str) -> bool:
        """True when the file lists someone with this name's surname: its refusal to answer a
        bare surname ("Johnson" is too common, "Hussein" names two leaders) then stands."""
        key = _key(name)
        return bool(key) and any(h.alone for h in self.by_surname.get(key[-1:], ()))

    @cached_property
    def name_list(self) -> tuple[frozenset[str], Callable[[str], bool]]:
        """The folded last words of the file's full names and a test of a full name, for
        `who.kb_names` (names the NER model misses or cuts: "Umaru Yar'Adua")."""
        return frozenset(k[-1] for k in self.full if len(k) > 1), self._is_full

    def _is_full(self, text: str) -> bool:
        """A name of two or more words the file gives one country (full, or surname with the
        same first given name: "Umaru Yar'Adua" for Umaru Musa Yar'Adua)."""
        return len(_key(text)) > 1 and self.lookup(text) is not None

    def names_person(self, text: str, day: str | None = None) -> bool:
        """Does `text` (an NER ORG/GPE span) name a holder? A full name or listed spelling of
        two or more words, or a bare surname of four letters or more the file lets stand
        alone for one country ("Calderon" read as an organisation)."""
        key = _key(text)
        if not key or not all(w[:1].isupper() for w in text.split() if w[:1].isalpha()):
            return False
        if len(key) > 1:
            return key in self.full
        return len(text) >= 4 and not text.isupper() and self.lookup(text, day) is not None

    def lookup(
        self, name: str, day: str | None = None, cue: frozenset[str] = frozenset()
    ) -> Known | None:
        """The one country (and sector) the file gives a name, or None when it is unknown or
        ambiguous; on `day` (ISO date) the office then held, or ELI after them all. `cue`: the
        title keys the document gives the name ("Gov. Little": governor), which a bare surname
        of an `alone: false` holder needs."""
        key = _key(name)
        if not key:
            return None
        found = self.full.get(key)
        if found is None and len(key) > 1:
            found = [
                h for h in self.by_surname.get(key[-1:], []) if _key(h.name)[:1] == key[:1]
            ] or None
        year = int(day[:4]) if day and day[:4].isdigit() else None
        if found is None:
            found = [h for h in self.by_surname.get(key, []) if h.alone or self._cued(h, cue)]
            if found and not all(h.bare for h in found):
                return self._sitting(found, year)
        known = self._one(found or [])
        if known is None or year is None:
            return known
        return self._dated(found or [], year) or known

    def _cued(self, holder: Holder, cue: frozenset[str]) -> bool:
        """Does the document title the name with one of the holder's offices?"""
        return any(t.key in cue for t in self.terms[holder.name])

    def _sitting(self, found: list[Holder], year: int | None) -> Known | None:
        """A common surname ("Calderon", "Arroyo") names the one holder of that surname in
        office in `year`, the person news means by it then; None when nobody or several are."""
        if year is None:
            return None
        held = {h.name: h for h in found for t in self.terms[h.name] if t.holds(year)}
        return self._dated(list(held.values()), year) if len(held) == 1 else None

    def _dated(self, found: list[Holder], year: int) -> Known | None:
        """The holder in office in `year` (one only), else the one person the name means once
        all their offices have ended (ELI, with the year the last ended)."""
        held = [(h, t) for h in found for t in self.terms[h.name] if t.holds(year)]
        if len({h.name for h, _ in held}) == 1:
            holder, term = max(held, key=lambda ht: ht[1].start)
            return Known((holder.name,), term.country, term.sector, dated=True)
        if held or len(found) != 1:
            return None
        ended = [t.end for t in self.terms[found[0].name] if t.end is not None and t.end < year]
        if not ended:
            return None
        holder = found[0]
        return Known((holder.name,), holder.country, "ELI", dated=True, since=max(ended))

    def _one(self, found: list[Holder]) -> Known | None:
        pairs = {(h.country, self.sectors[h.name]) for h in found}
        countries = {country for country, _ in pairs}
        if len(countries) != 1:
            return None
        sectors = {sector for _, sector in pairs}
        sector = next(iter(sectors)) if len(sectors) == 1 else None
        return Known(tuple(h.name for h in found), next(iter(countries)), sector)


def office_terms(holder: Holder, titles: dict[str, Title]) -> list[Term]:
    """A holder's offices as terms: a title key gives the title's sector (the holder's own
    `sector` wins: a Hamas leader is REB whatever his title), a sector code is the sector;
    an IGO office speaks for no country."""
    out = []
    for office in holder.offices:
        match = _OFFICE.match(office)
        assert match is not None  # checked by Holder
        key, first, last = match.groups()
        title = titles.get(key)
        sector = (holder.sector or title.sector) if title is not None else key
        country = None if sector in _STATELESS else holder.country
        end = int(last) if last else None
        out.append(Term(sector, country, int(first), end, title.title if title else "", key))
    return out


@lru_cache(maxsize=1)
def load_holders() -> HolderIndex:
    """The packaged office-holder file, validated once."""
    path = resource_path(HOLDERS_FILE)
    with collector_paused():  # many small objects, no cycles (see actor_kb)
        data = _validate(HoldersFile, path)
        if data.version > HOLDERS_VERSION:
            raise ResourceError(
                str(path), f"version {data.version} is newer than {HOLDERS_VERSION}"
            )
        return HolderIndex(data)


def _state_refs(doc: Doc, refs: Iterable[Span]) -> list[tuple[int, int, str]]:
    """(start, end past a possessive, country) of the state mentions among `refs` that have
    a country, read once per doc (`span._` lookups are slow)."""
    found = []
    for ref in refs:
        if ref.label_ not in STATE_LABELS or not ref._.actor_ref:
            continue
        country = ref._.actor_ref.get("country")
        if country:
            end = ref.end
            gap = end + (1 if end < len(doc) and doc[end].text in POSSESSIVES else 0)
            found.append((ref.start, gap, country))
    return found


def _nearby_country(doc: Doc, start: int, end: int, states: list[tuple[int, int, str]]) -> set[str]:
    """Countries the text puts right at a name: "Serbian striker Putin", "Jordan's Abdullah",
    "Putin, a Serbian footballer"; `states` from `_state_refs`."""
    found: set[str] = set()
    before = start - 1 if start > 0 and doc[start - 1].is_lower else start
    after = end + 1 if end < len(doc) and doc[end].text == "," else None
    for ref_start, gap, country in states:
        if gap in (start, before) or (after is not None and after <= ref_start <= after + 2):
            found.add(country)
    return found


def fill_known(
    doc: Doc,
    mentions: list[tuple[int, int, dict[str, Any]]],
    refs: Iterable[Span],
    *,
    day: str | None = None,
) -> None:
    """Give person entries with no country the one the office-holder file and the KB know,
    unless the document contradicts it; `mentions` are (start, end, shared entry) per name
    found. The KB's sector is the person's on `day` (the article's date; None: the latest)."""
    states = _state_refs(doc, refs)
    by_entry: dict[int, list[tuple[int, int, dict[str, Any]]]] = {}
    for mention in mentions:
        by_entry.setdefault(id(mention[2]), []).append(mention)
    for group in by_entry.values():
        entry = group[0][2]
        if entry.get("type") != "person" or entry.get("role_only"):
            continue
        if read_as_company(doc, entry, [m[0] for m in group], day):
            continue
        known, match = lookup_known(entry["name"], day, cue=title_keys(entry))
        if known is None and match is None:
            continue
        said = {entry["country"]} if entry.get("country") else set()
        for start, end, _ in group:
            said |= _nearby_country(doc, start, end, states)
        apply_known(entry, known, match, said=said)


def title_keys(entry: dict[str, Any]) -> frozenset[str]:
    """The title keys (roles.yaml) and sectors the document gives a person entry: an office
    of the holders file is a title key ("governor") or a sector code ("LEG")."""
    roles = entry.get("roles") or ()
    return frozenset(str(r[k]) for r in roles for k in ("key", "sector") if r.get(k))


def lookup_known(
    name: str, day: str | None, *, cue: frozenset[str] = frozenset()
) -> tuple[Known | None, PersonMatch | None]:
    """What the holders file and the KB at `day` say of a person's name; the KB's reading is
    dropped when the two disagree on the country, and a bare surname the holders file refuses
    ("Johnson", "Hussein") is not asked of the KB. `cue`: the title keys the document gives
    the name (`HolderIndex.lookup`)."""
    index = load_holders()
    known = index.lookup(name, day, cue)
    match = None
    bare = len(name_parts(name)) == 1
    if known is not None or not (bare and index.knows_surname(name)):
        match = match_person(name, day)
    if known is not None and known.dated and _newer(match, known, day):
        known = index.lookup(name, cue=cue)  # a KB role begun after the file's last office
    elif match is not None and known is not None and known.dated:
        match = PersonMatch(match.person, known.country, known.sector, match.active)
    if match is not None and known is not None and match.country != known.country:
        match = None
    return known, match


def _newer(match: PersonMatch | None, known: Known, day: str | None) -> bool:
    """Does the KB give the person, on `day`, a role begun after the file's last office ended
    (`known` is ELI since then)? Then the KB, not the file, knows what they do now."""
    if known.sector != "ELI" or match is None or match.person is None or not day:
        return False
    return any(
        r.sector not in (None, "ELI") and r.start[:4].isdigit() and int(r.start[:4]) > known.since
        for r in match.person.roles
        if r.active(day)
    )


def apply_known(
    entry: dict[str, Any], known: Known | None, match: PersonMatch | None, *, said: set[str]
) -> None:
    """Country and sector of one person entry from `lookup_known`'s answer; `said` are the
    countries the text gives the person (a different one wins)."""
    country = known.country if known is not None else match.country if match else None
    if (known is None and match is None) or (said and said != {country}):
        return
    entry["country"] = country
    if not said:  # the file's or the KB's, not the text's: `redate` reads it at the date
        entry["country_from"] = "kb"
    if match is not None and match.person is not None:
        entry["kb_person"] = match.person.id
    text_sector = entry.get("sector") if entry.get("sector_from") != "kb" else None
    sector = match.sector if match is not None and match.sector else None
    if sector is None and known is not None:
        sector = known.sector
    if text_sector and country is not None and not _office_over_honorific(text_sector, sector):
        return
    if sector is not None:
        entry["sector"], entry["sector_from"] = sector, "kb"


#: Sectors of state offices: held on the day, one outranks a religious title the text gives
#: as an honorific ("Ayatollah Ali Khamenei" is Iran's Supreme Leader, GOV, not a cleric).
_STATE_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD"})


def _office_over_honorific(text_sector: str, kb_sector: str | None) -> bool:
    return text_sector == "REL" and kb_sector in _STATE_SECTORS


def redate(doc: Doc) -> None:
    """Read KB people and dated office holders again at the doc's date (`doc._.published`,
    often set only after parsing): who a bare surname means and the country and sector then,
    for entries the KB or the holders file filled and for people left without a country (a
    common surname the file answers only on a day: "Calderon" in 2010); the spans that point
    at a changed entry follow."""
    table = doc._.actor_table or {}
    changed: dict[str, tuple[str | None, str | None, str | None]] = {}
    starts: dict[str, list[int]] = {}
    for span in doc.spans.get("actors", []):
        ref = span._.actor_ref
        if ref and ref.get("id"):
            starts.setdefault(ref["id"], []).append(span.start)
    for entry in table.values():
        if _body_redated(entry, doc._.published) or read_as_company(
            doc, entry, starts.get(entry["id"], []), doc._.published
        ):
            changed[entry["id"]] = (entry["country"], entry.get("kb_person"), entry["sector"])
            continue
        open_person = (
            entry.get("type") == "person"
            and not entry.get("role_only")
            and entry.get("country") is None
            and not entry.get("sector")
        )
        if entry.get("sector_from") != "kb" and not open_person:
            office = _office_at(entry, doc._.published)
            if office is not None:
                entry["country"], entry["sector"] = office
                changed[entry["id"]] = (office[0], entry.get("kb_person"), office[1])
            continue
        now = _redated(entry, doc._.published)
        if now is not None and now != (entry["country"], entry.get("kb_person"), entry["sector"]):
            entry["country"], entry["kb_person"], entry["sector"] = now
            entry["sector_from"] = "kb"
            changed[entry["id"]] = now
    for span in doc.spans.get("actors", []) if changed else ():
        ref = span._.actor_ref
        if ref and ref.get("id") in changed:
            country, kb_id, sector = changed[ref["id"]]
            span._.actor_ref = {**ref, "country": country, "sector": sector, "kb_id": kb_id}


def _office_at(entry: dict[str, Any], day: str | None) -> tuple[str | None, str | None] | None:
    """(country, sector) of a titled person whose country only the holders file gave, when the
    office the file dates at `day` speaks for another (none for an international body): "UN
    Secretary-General Antonio Guterres" in 2019 is IGO with no country, as the untitled name
    is, so every article reads him alike whatever its title. None to keep the entry."""
    if entry.get("country_from") != "kb" or entry.get("type") != "person" or not day:
        return None
    known = load_holders().lookup(entry["name"], day, title_keys(entry))
    if known is None or not known.dated or known.country == entry.get("country"):
        return None
    return known.country, known.sector


def _body_redated(entry: dict[str, Any], day: str | None) -> bool:
    """A KB body whose sector changed over time (`sector_since`: the Taliban, REB until it
    took power, GOV after) takes its sector on `day`; True when the entry changed."""
    ident = str(entry.get("id", ""))
    if not ident.startswith("kb:") or entry.get("type") == "person":
        return False
    actor = packaged_kb().actors.get(ident[3:])
    if actor is None or not actor.sector_since:
        return False
    sector = actor.sector_on(day)
    if sector == entry.get("sector"):
        return False
    entry["sector"] = sector
    return True


def _redated(
    entry: dict[str, Any], day: str | None
) -> tuple[str | None, str | None, str | None] | None:
    """(country, KB person, sector) of a KB-filled person entry on `day`, or None to keep it.
    The holders file's dated reading needs the entry's country to be the person's own (or the
    office's, or none yet): a country the text gave someone else's namesake stays."""
    cue = title_keys(entry)
    known, match = lookup_known(entry["name"], day, cue=cue)
    if known is not None and known.dated:
        home = load_holders().lookup(entry["name"], cue=cue)
        if entry["country"] in (None, known.country) or (
            home is not None and entry["country"] == home.country
        ):
            person = match.person.id if match is not None and match.person else None
            return known.country, person or entry.get("kb_person"), known.sector
    if not entry.get("kb_person"):
        return None
    kb = match_person(entry["name"], day)
    if kb is None or kb.country != entry["country"]:
        return None
    kb_person = kb.person.id if kb.person else entry["kb_person"]
    return entry["country"], kb_person, kb.sector or entry["sector"]
