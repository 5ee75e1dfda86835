"""The actor knowledge base: versioned YAML files, validated on load.

Four kinds of file live in `eventline/resources/actors/`:

- actor files (`countries.yaml`, generated once by `kb_build`; `organizations.yaml`;
  `institutions.yaml`, named state bodies, parties, armed groups, companies, outlets; and any
  file a user adds): named actors with country, sector and the surface forms that point at them;
- `roles.yaml`: role titles, institutions and descriptor words with the sector they imply;
- `products.yaml`: words that turn a maker's name into a product's ("Boeing 787");
- `transliteration.yaml`: folding rules for spelling variants of person names.

Everything is checked with pydantic when read; a bad file raises `ResourceError` naming it, and
`validate_kb_file` returns the problems as text for `eventline actors check FILE`.

Each file is read once per process: a validated file and a loaded `KnowledgeBase` are kept,
keyed on the files' paths and contents (a hash, cheap beside parsing YAML), so the actor
matcher, the descriptor and place finders and claim linking share one copy, and a file edited
(or another file passed) is read anew. What they return is shared: read it, never change it.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal, TypeVar

import pycountry
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from eventline.errors import ResourceError
from eventline.yaml_cache import load_yaml

KB_VERSION = 1
ActorType = Literal["person", "organization", "country", "group"]
_M = TypeVar("_M", bound=BaseModel)
_EXTRA_CODES = frozenset({"XKX"})  # Kosovo: used by news and CAMEO, not in ISO 3166


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class KbActor(_Strict):
    """One named actor: `names` point at it as a name, `adjectives` as a demonym ("Russian"),
    `metonyms` stand for its government ("Moscow"); `ambiguous` forms need NER agreement."""

    id: str = Field(pattern=r"^[A-Za-z0-9_.\-]+$")
    name: str = Field(min_length=1)
    type: ActorType
    country: str | None = None
    sector: str | None = None
    names: list[str] = Field(default_factory=list)
    adjectives: list[str] = Field(default_factory=list)
    metonyms: list[str] = Field(default_factory=list)
    ambiguous: list[str] = Field(default_factory=list)
    #: Sectors the body took later, by the ISO day it took them ("2021-08-15": GOV, the
    #: Taliban in power): `sector` holds before the first day (`sector_on`).
    sector_since: dict[str, str] = Field(default_factory=dict)

    @field_validator("sector_since", mode="before")
    @classmethod
    def _iso_days(cls, value: object) -> object:
        if isinstance(value, dict):  # YAML reads an unquoted day as a date
            return {str(k): v for k, v in value.items()}
        return value

    def sector_on(self, day: str | None) -> str | None:
        """The sector on an ISO `day`; with no day, the latest (as for a person's roles)."""
        since = sorted(self.sector_since.items())
        if not since:
            return self.sector
        if not day:
            return since[-1][1]
        return next((s for d, s in reversed(since) if d <= day[:10]), self.sector)

    @field_validator("country")
    @classmethod
    def _iso3(cls, value: str | None) -> str | None:
        if value is not None and value not in _iso_codes():
            raise ValueError(f"{value!r} is not an ISO 3166 alpha-3 country code")
        return value

    @field_validator("names", "adjectives", "metonyms", "ambiguous")
    @classmethod
    def _non_empty_forms(cls, value: list[str]) -> list[str]:
        if any(not form.strip() for form in value):
            raise ValueError("empty surface form")
        return value


class KbFile(_Strict):
    version: int = KB_VERSION
    description: str = ""
    actors: list[KbActor]


class Title(_Strict):
    key: str
    title: str
    sector: str
    forms: list[str]
    parent: str | None = None
    head: bool = False
    single: bool = False
    country: str | None = None


class Institution(_Strict):
    key: str
    name: str
    sector: str
    forms: list[str]


class RolesFile(_Strict):
    version: int
    sectors: dict[str, str]
    past_markers: list[str]
    determiners: list[str]
    scene_words: list[str]
    titles: list[Title]
    relational: list[str]
    institutions: list[Institution]


class ProductsFile(_Strict):
    version: int
    min_digits: int
    nouns: list[str]


class TranslitRule(_Strict):
    pattern: str
    replace: str


class TranslitFile(_Strict):
    version: int
    rules: list[TranslitRule]


@lru_cache(maxsize=1)
def _iso_codes() -> frozenset[str]:
    return frozenset(c.alpha_3 for c in pycountry.countries) | _EXTRA_CODES


def resource_path(name: str) -> Path:
    """Path of a packaged data file under eventline/resources/actors/."""
    return Path(str(resources.files("eventline") / "resources" / "actors" / name))


def _read_yaml(path: Path) -> object:
    try:
        return load_yaml(path.read_text(encoding="utf-8"), name=str(path))  # parsed once
    except (OSError, yaml.YAMLError) as exc:
        raise ResourceError(str(path), f"cannot read: {exc}") from exc


#: A file's identity for the caches: its path and a hash of its bytes ("": unreadable).
_Stamp = tuple[str, str]
#: Entries a cache keeps before it starts over (tests load many small files).
_CACHE_LIMIT = 64
_validated: dict[tuple[type[BaseModel], _Stamp], BaseModel] = {}
_kbs: dict[tuple[_Stamp, ...], KnowledgeBase] = {}


def _stamp(path: Path) -> _Stamp:
    try:
        data = Path(path).read_bytes()
    except OSError:
        return (str(path), "")
    return (str(path), hashlib.blake2b(data, digest_size=16).hexdigest())


def _remember(cache: dict[Any, Any], key: object, value: object) -> None:
    if len(cache) >= _CACHE_LIMIT:
        cache.clear()
    cache[key] = value


def _validate(model: type[_M], path: Path) -> _M:
    """The file read and checked against `model`, once per process while it is unchanged."""
    stamp = _stamp(path)
    found = _validated.get((model, stamp)) if stamp[1] else None
    if found is not None:
        return found  # type: ignore[return-value]
    try:
        value = model.model_validate(_read_yaml(path))
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ResourceError(str(path), f"{where}: {first['msg']}") from exc
    _remember(_validated, (model, stamp), value)
    return value


def load_roles() -> RolesFile:
    return _validate(RolesFile, resource_path("roles.yaml"))


def load_products() -> ProductsFile:
    return _validate(ProductsFile, resource_path("products.yaml"))


def load_translit() -> TranslitFile:
    return _validate(TranslitFile, resource_path("transliteration.yaml"))


def validate_kb_file(path: Path) -> list[str]:
    """Every problem of a user's actor file, as text; an empty list means the file is valid."""
    try:
        data = _read_yaml(path)
    except ResourceError as exc:
        return [exc.reason]
    try:
        kb = KbFile.model_validate(data)
    except ValidationError as exc:
        return [f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()]
    return _semantic_problems(kb, sectors=set(load_roles().sectors))


def _semantic_problems(kb: KbFile, *, sectors: set[str]) -> list[str]:
    problems: list[str] = []
    seen: set[str] = set()
    for number, actor in enumerate(kb.actors):
        where = f"actors.{number} ({actor.id})"
        if actor.id in seen:
            problems.append(f"{where}: duplicate id")
        seen.add(actor.id)
        for sector in (actor.sector, *actor.sector_since.values()):
            if sector is not None and sector not in sectors:
                problems.append(f"{where}: unknown sector {sector!r} (see roles.yaml)")
        if any(not re.fullmatch(r"\d{4}-\d{2}-\d{2}", d) for d in actor.sector_since):
            problems.append(f"{where}: sector_since days must be ISO days (YYYY-MM-DD)")
        if not (actor.names or actor.adjectives or actor.metonyms or actor.ambiguous):
            problems.append(f"{where}: no surface forms (names, adjectives or metonyms)")
    if kb.version > KB_VERSION:
        problems.append(f"version {kb.version} is newer than this eventline reads ({KB_VERSION})")
    return problems


@dataclass(frozen=True)
class Form:
    """One surface form and what it means: `kind` is name, adjective or metonym."""

    text: str
    actor: KbActor
    kind: Literal["name", "adjective", "metonym"]
    ambiguous: bool = False
    article: bool = False  # written with "the": the mention takes a preceding "the" along


@dataclass(frozen=True)
class KnowledgeBase:
    actors: dict[str, KbActor] = field(default_factory=dict)
    forms: list[Form] = field(default_factory=list)
    roles: RolesFile | None = None

    def country_actor(self, code: str) -> KbActor | None:
        return self.actors.get(code)


PACKAGED_FILES = ("countries.yaml", "organizations.yaml", "institutions.yaml")


def load_kb(extra_files: Sequence[Path] = ()) -> KnowledgeBase:
    """Packaged actor files plus the user's, later files overriding earlier ids; loaded once
    per process for the same files (unchanged on disk) and shared by every caller."""
    paths = [resource_path("roles.yaml")]
    paths += [resource_path(n) for n in PACKAGED_FILES] + [Path(p) for p in extra_files]
    key = tuple(_stamp(p) for p in paths)
    found = _kbs.get(key) if all(s[1] for s in key) else None
    if found is None:
        found = _build_kb(paths[1:])
        _remember(_kbs, key, found)
    return found


def _build_kb(paths: Sequence[Path]) -> KnowledgeBase:
    roles = load_roles()
    actors: dict[str, KbActor] = {}
    for path in paths:
        kb_file = _validate(KbFile, path)
        problems = _semantic_problems(kb_file, sectors=set(roles.sectors))
        if problems:
            raise ResourceError(str(path), "; ".join(problems))
        for actor in kb_file.actors:
            actors[actor.id] = actor
    forms = [form for actor in actors.values() for form in _forms(actor)]
    return KnowledgeBase(actors=actors, forms=forms, roles=roles)


def packaged_kb() -> KnowledgeBase:
    """The packaged actor files alone (descriptors, places): the same object as `load_kb()`."""
    return load_kb()


_LEADING_THE = re.compile(r"^(the|The)\s+")


def _forms(actor: KbActor) -> list[Form]:
    """Surface forms without a leading "the": the article is optional in running text."""
    out: list[Form] = []
    for texts, kind, ambiguous in (
        (actor.names, "name", False),
        (actor.ambiguous, "name", True),
        (actor.adjectives, "adjective", False),
        (actor.metonyms, "metonym", False),
    ):
        for text in texts:
            bare = _LEADING_THE.sub("", text)
            out.append(Form(bare, actor, kind, ambiguous, bare != text))  # type: ignore[arg-type]
            if _capitals_form(actor, kind, bare):
                upper = bare.upper()  # "CHINA ACCUSES JAPAN": headlines in capitals
                out.append(Form(upper, actor, kind, ambiguous, bare != text))  # type: ignore[arg-type]
    return out


def _capitals_form(actor: KbActor, kind: str, text: str) -> bool:
    """Does a country's name or demonym also get its all-capitals spelling? Headlines and
    wire slugs are set in capitals ("RUSSIA SAYS ..."); short forms are left out, as their
    capitals spell acronyms ("IRA", "UAE" is already one)."""
    letters = text.replace(" ", "")
    return (
        actor.type == "country"
        and kind in ("name", "adjective")
        and len(letters) >= 4
        and letters.isalpha()
        and not text.isupper()
    )
