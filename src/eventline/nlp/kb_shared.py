"""Build the compact actor KB (`resources/actors/kb/*.tsv`) from the curated sources.

Sources (`../shared/kb/`, see NOTICE): the CAMEO/PETRARCH actor dictionaries (people and bodies
with date-ranged country+sector codes, IGOs, NGOs, armed groups), the CAMEO agents dictionary
(role nouns -> sector), unitedstates/congress-legislators (members of Congress; presidents and
vice-presidents) and PartyFacts core parties. The hand-kept `office_holders.yaml` is merged in.

Output, committed to the package and read lazily by `eventline.nlp.actor_kb`:

- `people.tsv`: id, name, bare (1: the surname alone may name the person), keys (folded name
  forms, "|"), roles (";"-joined "COUNTRY,SECTOR,START,END,TITLE"; an empty date is open; a
  role with neither date is the person's default).
- `bodies.tsv`: id, name, country, sector, keys: organisations and armed groups ("b." ids,
  CAMEO) then parties ("pf." ids, PartyFacts).
- `agents.tsv`: role noun (lower case), sector: "farmers" -> AGR, "judge" -> JUD.

The build is deterministic (no timestamps, input order kept) so a rebuild compares equal byte
for byte. Name keys are folded with `names.fold_part`: rebuild when transliteration rules change.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict

from eventline.errors import ResourceError
from eventline.nlp.cameo import Block, read_actor_blocks, read_agents
from eventline.nlp.holders import HOLDERS_FILE, HoldersFile, office_terms
from eventline.nlp.kb import _iso_codes, _validate, load_roles, resource_path
from eventline.nlp.names import fold_part, name_parts
from eventline.nlp.sectors import split_code

KB_FORMAT = 1
CAMEO_FILES = (
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
)


class _BuildWords(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    version: int
    body_words: list[str]
    title_words: list[str]


@lru_cache(maxsize=1)
def _words() -> _BuildWords:
    return _validate(_BuildWords, resource_path("kb_build.yaml"))


@dataclass
class Person:
    name: str
    keys: list[tuple[str, ...]] = field(default_factory=list)
    roles: list[tuple[str, str, str, str, str]] = field(default_factory=list)  # see Role
    bare: bool = False
    source: str = ""

    def add_key(self, name: str) -> None:
        key = name_key(name)
        if key and key not in self.keys:
            self.keys.append(key)

    def countries(self) -> set[str]:
        return {r[0] for r in self.roles if r[0]}


def name_key(name: str) -> tuple[str, ...]:
    return tuple(fold_part(p) for p in name_parts(name) if p)


def display(text: str) -> str:
    """ "VLADIMIR PUTIN" -> "Vladimir Putin"; "BAN KI-MOON" -> "Ban Ki-Moon"."""
    if not text.isupper():
        return text
    return re.sub(r"[A-Za-z']+", lambda m: m.group(0).capitalize(), text.lower())


def _iso(day: date | None) -> str:
    return day.isoformat() if day else ""


def _title_words() -> frozenset[str]:
    words = {f for t in load_roles().titles for f in t.forms if " " not in f}
    return frozenset(words) | frozenset(_words().title_words)


# --- CAMEO -------------------------------------------------------------------------------


def _is_person(block: Block) -> bool:
    words = block.roots[0].lower().split()
    if not 2 <= len(words) <= 6 or any(w in _words().body_words for w in words):
        return False
    if any(ch.isdigit() for ch in block.roots[0]):
        return False
    named = any("countryinfo" in c.lower() for c in block.comments)
    eli = any(split_code(c.code)[1] == "ELI" for c in block.codes)
    return named or eli or any(c.dated for c in block.codes)


def _cameo_person(block: Block, titles: frozenset[str]) -> Person | None:
    roles = []
    for code in block.codes:
        country, sector = split_code(code.code)
        sector = _branch(code.code, sector, _PERSON_BRANCHES)
        if country or sector:
            roles.append((country or "", sector or "", _iso(code.start), _iso(code.end), ""))
    if not roles:
        return None
    person = Person(display(block.roots[0]), roles=roles, source="cameo")
    for form in block.forms:
        words = form.lower().split()
        if any(w in titles for w in words):
            continue
        person.add_key(form)
        person.bare = person.bare or len(words) == 1
        if len(words) >= 3 and any(_INITIAL.fullmatch(w) for w in words[1:-1]):
            person.add_key(" ".join(w for w in form.split() if not _INITIAL.fullmatch(w.lower())))
    return person if person.keys else None


#: A middle initial ("James R. Clapper"): news names the person without it too.
_INITIAL = re.compile(r"[a-z]\.")


#: A state body coded GOV and then one of these is that branch itself: "Knesset" [ISRGOVLEG]
#: is a legislature (LEG), a supreme court [...GOVJUD] a court (JUD).
_BRANCHES = frozenset({"LEG", "JUD"})
#: A person coded GOV and then one of these holds that branch's office: [USAGOVLEG] is a
#: member of Congress (LEG), [EGYGOVMIL] a defence minister (MIL, as roles.yaml codes the
#: title and docs/exports.md the defence ministries). GOVJUD and GOVCOP people are justice
#: and interior ministers: ministers (GOV), as roles.yaml codes those titles.
_PERSON_BRANCHES = frozenset({"LEG", "MIL"})


def _branch(code: str, sector: str | None, branches: frozenset[str]) -> str | None:
    """The sector of a code: the branch after GOV when it is one of `branches`."""
    body = code.strip().upper()
    if sector == "GOV" and len(body) >= 9 and body[3:6] == "GOV" and body[6:9] in branches:
        return body[6:9]
    return sector


def _body_sector(code: str, sector: str | None) -> str | None:
    """The sector of a body's code: the branch after GOV when there is one."""
    return _branch(code, sector, _BRANCHES)


#: A body named as a party ("Communist Party of China") that CAMEO codes as the government it
#: rules ([CHNGOV]) is a party (PTY, docs/exports.md): its organs too ("central committee of
#: the communist party"). Matched on the root name's words.
_PARTY_NAME = re.compile(r"\bpart(?:y|ies)\b(?:\s+of\b.*)?$")


def _cameo_body(block: Block) -> tuple[str, str, str, list[str]] | None:
    for code in block.codes:
        country, sector = split_code(code.code)
        sector = _body_sector(code.code, sector)
        if sector == "GOV" and _PARTY_NAME.search(block.roots[0].lower()):
            sector = "PTY"
        if sector:
            forms = [display(f) for f in block.forms if len(f) >= 2]
            return display(block.roots[0]), country or "", sector, forms
    return None


def read_cameo(
    root: Path,
) -> tuple[list[Person], list[tuple[str, str, str, list[str]]]]:
    titles = _title_words()
    people: list[Person] = []
    bodies: list[tuple[str, str, str, list[str]]] = []
    for name in CAMEO_FILES:
        for block in read_actor_blocks(root / "petrarch2" / name):
            if _is_person(block):
                person = _cameo_person(block, titles)
                if person is not None:
                    people.append(person)
            elif (body := _cameo_body(block)) is not None:
                bodies.append(body)
    return people, bodies


# --- US Congress, presidents and vice-presidents, office holders -------------------------


_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's safe loader if built


def _read_yaml(path: Path) -> list[dict[str, object]]:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)
    except (OSError, yaml.YAMLError) as exc:
        raise ResourceError(str(path), f"cannot read: {exc}") from exc
    if not isinstance(data, list):
        raise ResourceError(str(path), "expected a list of people")
    return data


def _us_names(name: dict[str, str]) -> list[str]:
    first, last = name.get("first", ""), name.get("last", "")
    middle, nick = name.get("middle", ""), name.get("nickname", "")
    initials = " ".join(p[0] + "." for p in middle.split() if p[:1].isalpha())
    forms = [name.get("official_full", ""), f"{first} {last}", f"{nick} {last}" if nick else ""]
    if middle:
        forms += [f"{first} {middle} {last}", f"{first} {initials} {last}"]
    return [" ".join(f.split()) for f in forms if f.strip()]


_US_TITLES = {
    "sen": ("LEG", "senator"),
    "rep": ("LEG", "representative"),
    "prez": ("GOV", "president"),
    "viceprez": ("GOV", "vice president"),
}


def _us_roles(terms: Iterable[dict[str, str]]) -> list[tuple[str, str, str, str, str]]:
    """Terms of one office that follow each other become one role."""
    out: list[tuple[str, str, str, str, str]] = []
    for term in terms:
        sector, title = _US_TITLES.get(str(term.get("type")), ("GOV", ""))
        start, end = str(term.get("start", "")), str(term.get("end", ""))
        last = out[-1] if out else None
        if last and last[4] == title and last[3] and start <= _next_days(last[3]):
            out[-1] = (*last[:3], max(end, last[3]), title)
        else:
            out.append(("USA", sector, start, end, title))
    return out


def _next_days(day: str) -> str:
    """A term starting within a few days of the last one's end continues it."""
    try:
        return date.fromordinal(date.fromisoformat(day).toordinal() + 3).isoformat()
    except ValueError:
        return day


def read_us(root: Path, name: str, *, bare_after: str | None) -> list[Person]:
    people = []
    for entry in _read_yaml(root / "congress-legislators" / name):
        names = _us_names(entry.get("name", {}))  # type: ignore[arg-type]
        terms = entry.get("terms", [])
        roles = _us_roles(terms)  # type: ignore[arg-type]
        if not names or not roles:
            continue
        person = Person(names[1] if len(names) > 1 else names[0], roles=roles, source=name)
        for form in names:
            person.add_key(form)
        person.bare = bare_after is not None and any(
            r[4] == "president" and r[3] >= bare_after for r in roles
        )
        people.append(person)
    return people


def read_holders() -> list[Person]:
    """The hand-kept office holders (`office_holders.yaml`), years widened to whole years."""
    data = _validate(HoldersFile, resource_path(HOLDERS_FILE))
    titles = {t.key: t for t in load_roles().titles}
    out = []
    for holder in data.holders:
        # a surname that is a common word ("Little", "Justice") is no bare form of the KB's:
        # the holders file answers it only after a title in the document (`alone: false`)
        person = Person(holder.name, bare=holder.bare and holder.alone, source="holders")
        for name in (holder.name, *holder.also):
            person.add_key(name)
        if holder.surname:
            person.add_key(holder.surname)
        for term in office_terms(holder, titles):
            end = f"{term.end}-12-31" if term.end else ""
            role = (term.country or "", term.sector, f"{term.start}-01-01", end, term.title)
            person.roles.append(role)
        out.append(person)
    return out


# --- merging and writing ------------------------------------------------------------------


def merge(base: list[Person], incoming: list[Person], *, exact: bool = True) -> None:
    """Add `incoming` people to `base`, joining one base person when a full-name key (two or
    more parts, unique within `incoming`) is shared and the countries agree. `exact` sources
    (term dates to the day) supersede what the person had; others only add."""
    index: dict[tuple[str, ...], list[int]] = {}
    for number, person in enumerate(base):
        for key in person.keys:
            if len(key) > 1:
                index.setdefault(key, []).append(number)
    counts: dict[tuple[str, ...], int] = {}
    for person in incoming:
        for key in person.keys:
            counts[key] = counts.get(key, 0) + 1
    for person in incoming:
        hits = {
            n
            for key in person.keys
            if len(key) > 1 and counts[key] == 1
            for n in index.get(key, [])
            if not (base[n].countries() and person.countries())
            or base[n].countries() & person.countries()
        }
        if len(hits) == 1:
            target = base[hits.pop()]
            target.keys += [k for k in person.keys if k not in target.keys]
            if exact:
                target.roles = person.roles + _superseded(target.roles, person.roles)
            else:  # whole-year offices only add what the exact sources lack
                have = {(r[0], r[4].lower()) for r in target.roles if r[4]}
                added = [r for r in person.roles if (r[0], r[4].lower()) not in have]
                target.roles += [_snapped(r, target.roles) for r in added]
            target.bare = target.bare or person.bare
            if person.source != "cameo":
                target.name = person.name
        else:
            base.append(person)


Role = tuple[str, str, str, str, str]


def _snapped(role: Role, exact: list[Role]) -> Role:
    """A whole-year office ("president 2014-": 2014-01-01) takes the day an exact source
    gives the same country and sector for its start or end in that year (CAMEO's
    [EGYGOV >140608]): on a day between the new year and that day the person still held the
    office before (Sisi was MIL until March 2014, president from June)."""
    country, sector, start, end, title = role
    same = [r for r in exact if not r[4] and r[0] == country and r[1] == sector]
    starts = [r[2] for r in same if start and r[2][:4] == start[:4] and r[2] > start]
    ends = [r[3] for r in same if end and r[3][:4] == end[:4] and r[3] < end]
    start = min(starts, default=start)
    end = max(ends, default=end)
    return (country, sector, start, end, title)


def _superseded(old: list[Role], new: list[Role]) -> list[Role]:
    """Old roles kept beside a newer source's: a role of the same title and country is
    replaced (exact term dates beat whole years), and open-ended roles (CAMEO froze in 2015)
    end with the newer source's last term when that source says every term has ended."""
    titled = {(r[0], r[4].lower()) for r in new if r[4]}
    kept = [r for r in old if (r[0], r[4].lower()) not in titled and r not in new]
    if not new or any(not r[3] for r in new):
        return kept
    last = max(r[3] for r in new)
    return [(*r[:3], last if r[2] and not r[3] and r[2] <= last else r[3], r[4]) for r in kept]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", text.lower()).strip("_") or "x"


def _ids(names: Iterable[str], prefix: str) -> Iterator[str]:
    seen: dict[str, int] = {}
    for name in names:
        slug = f"{prefix}.{_slug(name)}"
        seen[slug] = seen.get(slug, 0) + 1
        yield slug if seen[slug] == 1 else f"{slug}.{seen[slug]}"


def _clean(text: str) -> str:
    return " ".join(text.replace("\t", " ").replace("|", "/").replace(";", ",").split())


def people_lines(people: list[Person]) -> list[str]:
    """One line per person; a person that may be named by the surname alone has that surname
    among its keys (single-part keys are the bare forms)."""
    lines = []
    for pid, person in zip(_ids((p.name for p in people), "p"), people, strict=True):
        if person.bare and person.keys and not any(len(k) == 1 for k in person.keys):
            person.keys.append(person.keys[0][-1:])
        keys = "|".join(" ".join(k) for k in person.keys)
        roles = ";".join(",".join(_clean(x) for x in role) for role in person.roles)
        lines.append(f"{pid}\t{_clean(person.name)}\t{int(person.bare)}\t{keys}\t{roles}")
    return lines


def read_parties(root: Path) -> list[tuple[str, str, str, list[str]]]:
    path = root / "partyfacts" / "partyfacts-core-parties.csv"
    try:
        rows = list(csv.DictReader(path.open(encoding="utf-8", newline="")))
    except OSError as exc:
        raise ResourceError(str(path), f"cannot read: {exc}") from exc
    out = []
    for row in rows:
        if row.get("technical") or row.get("country") not in _iso_codes():
            continue
        english = [n.strip() for n in (row.get("name_english") or "").split(" / ") if n.strip()]
        original = [n.strip() for n in (row.get("name") or "").split(" / ") if n.strip()]
        short = (row.get("name_short") or "").strip()
        forms = [f for f in dict.fromkeys([*english, *original, short]) if _party_form(f, original)]
        if _defunct_before(row.get("year_last"), ACRONYMS_SINCE):
            forms = [f for f in forms if not _acronym(f)]
        if forms:
            out.append((english[0] if english else forms[0], row["country"], "PTY", forms))
    return out


#: A party that ended before this year keeps its full names but not its acronym: news of
#: today is full of agencies and firms whose initials a long-gone party once used ("BEA", a
#: Barbadian party of 1946–1970, is also the US Bureau of Economic Analysis), and the KB's
#: party rows carry no dates to tell them apart.
ACRONYMS_SINCE = 1990


def _defunct_before(year_last: str | None, year: int) -> bool:
    text = (year_last or "").strip()
    return text.isdigit() and int(text) < year


def _acronym(form: str) -> bool:
    return form.isupper() and form.isalpha() and len(form) <= 5


def _party_form(form: str, original: list[str]) -> bool:
    """Party names worth matching: several words ("Labour Party"), an acronym ("BJP"), or a
    one-word name used untranslated ("Fidesz", also inside "Fidesz – Magyar ..."). A one-word
    translation ("Apple" for Yabluko) is a common word: "Apple CEO" is no party official."""
    if len(form) < 2:
        return False
    if " " in form or _acronym(form):
        return True
    return form in original or any(form in name.split() for name in original)


def body_lines(bodies: list[tuple[str, str, str, list[str]]], prefix: str) -> list[str]:
    lines = []
    for bid, (name, country, sector, forms) in zip(
        _ids((b[0] for b in bodies), prefix), bodies, strict=True
    ):
        keys = "|".join(dict.fromkeys(_clean(f.lower()) for f in forms))
        lines.append(f"{bid}\t{_clean(name)}\t{country}\t{sector}\t{keys}")
    return lines


def agent_lines(root: Path) -> list[str]:
    seen: dict[str, str] = {}
    for noun, code in read_agents(root / "petrarch2" / "Phoenix.agents.txt"):
        sector = split_code(code if code.startswith("~") else "~" + code)[1]
        if sector:
            seen.setdefault(noun.lower(), sector)
    return [f"{noun}\t{sector}" for noun, sector in seen.items()]


def _write(path: Path, columns: str, lines: list[str]) -> None:
    header = (
        f"# eventline actor KB format {KB_FORMAT}: generated by scripts/build_kb.py from "
        "../shared/kb (sources and licences: NOTICE). Do not edit by hand.\n"
        f"# {columns}\n"
    )
    path.write_text(header + "\n".join(lines) + "\n", encoding="utf-8", newline="\n")


def build_shared_kb(source: Path, out: Path | None = None) -> list[Path]:
    """Read `source` (the shared kb folder) and write the three TSV files into `out`."""
    if not (source / "petrarch2").is_dir():
        raise ResourceError(str(source), "not a shared kb folder (no petrarch2/)")
    out = out or resource_path("kb")
    out.mkdir(parents=True, exist_ok=True)
    people, bodies = read_cameo(source)
    merge(people, read_us(source, "executive.yaml", bare_after="1975-01-01"))
    merge(people, read_us(source, "legislators-current.yaml", bare_after=None))
    merge(people, read_holders(), exact=False)
    targets = [out / "people.tsv", out / "bodies.tsv", out / "agents.tsv"]
    _write(targets[0], "id name bare keys roles", people_lines(people))
    lines = body_lines(bodies, "b") + body_lines(read_parties(source), "pf")
    _write(targets[1], "id name country sector keys", lines)
    _write(targets[2], "noun sector", agent_lines(source))
    return targets
