"""The actor knowledge base: versioned YAML files, validated on load.

Four kinds of file live in `eventline/resources/actors/`:

- actor files (`countries.yaml`, generated once by `kb_build`; `organizations.yaml`; and any
  file a user adds): named actors with country, sector and the surface forms that point at them;
- `roles.yaml`: role titles, institutions and descriptor words with the sector they imply;
- `products.yaml`: words that turn a maker's name into a product's ("Boeing 787");
- `transliteration.yaml`: folding rules for spelling variants of person names.

Everything is checked with pydantic when read; a bad file raises `ResourceError` naming it, and
`validate_kb_file` returns the problems as text for `eventline actors check FILE`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal, TypeVar

import pycountry
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from eventline.errors import ResourceError

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


_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's safe loader if built


def _read_yaml(path: Path) -> object:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)
    except (OSError, yaml.YAMLError) as exc:
        raise ResourceError(str(path), f"cannot read: {exc}") from exc


def _validate(model: type[_M], path: Path) -> _M:
    try:
        return model.model_validate(_read_yaml(path))
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ResourceError(str(path), f"{where}: {first['msg']}") from exc


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
        if actor.sector is not None and actor.sector not in sectors:
            problems.append(f"{where}: unknown sector {actor.sector!r} (see roles.yaml)")
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


@dataclass
class KnowledgeBase:
    actors: dict[str, KbActor] = field(default_factory=dict)
    forms: list[Form] = field(default_factory=list)
    roles: RolesFile | None = None

    def country_actor(self, code: str) -> KbActor | None:
        return self.actors.get(code)


PACKAGED_FILES = ("countries.yaml", "organizations.yaml")


def load_kb(extra_files: Sequence[Path] = ()) -> KnowledgeBase:
    """Packaged actor files plus the user's, later files overriding earlier ids."""
    kb = KnowledgeBase(roles=load_roles())
    sectors = set(kb.roles.sectors) if kb.roles else set()
    for path in [resource_path(n) for n in PACKAGED_FILES] + list(extra_files):
        kb_file = _validate(KbFile, path)
        problems = _semantic_problems(kb_file, sectors=sectors)
        if problems:
            raise ResourceError(str(path), "; ".join(problems))
        for actor in kb_file.actors:
            kb.actors[actor.id] = actor
    kb.forms = [form for actor in kb.actors.values() for form in _forms(actor)]
    return kb


@lru_cache(maxsize=1)
def packaged_kb() -> KnowledgeBase:
    """The packaged actor files alone, read once per process (descriptors, places)."""
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
    return out
