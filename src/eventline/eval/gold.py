"""The development gold format (../shared/gold/README.md) as typed records."""

from __future__ import annotations

from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from eventline.errors import InputError


class GoldModel(BaseModel):
    model_config = ConfigDict(frozen=True, extra="allow")


class GoldArticle(GoldModel):
    id: str
    kind: str = "news"
    title: str | None = None
    standfirst: str | None = None
    outlet: str | None = None
    section: str | None = None
    dateline: str | None = None
    wire: str | None = None
    author: str | None = None
    published: str | None = None
    published_alternatives: list[str] = Field(default_factory=list)
    published_tolerance_days: int = 0
    published_month: str | None = None
    boilerplate: list[str] = Field(default_factory=list)
    captions: list[str] = Field(default_factory=list)
    subheads: list[str] = Field(default_factory=list)


class GoldStories(GoldModel):
    must_link: list[list[str]] = Field(default_factory=list)
    cannot_link: list[list[str]] = Field(default_factory=list)


class GoldEntity(GoldModel):
    name: str
    type: str
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    aliases: list[str] = Field(default_factory=list)


class GoldEvent(GoldModel):
    id: str
    type: str
    alt_types: list[str] = Field(default_factory=list)
    mode: str | None = None
    actor: list[str] = Field(default_factory=list)
    recipient: list[str] = Field(default_factory=list)
    who_actor: str | None = None
    who_recipient: str | None = None
    location: str | None = None
    date: str | None = None
    tolerance_days: int = 0
    reported_in: list[str] = Field(default_factory=list)
    modality: str = "asserted"
    context: list[str] = Field(default_factory=list)
    evidence: list[str] = Field(default_factory=list)


class GoldNotEvent(GoldModel):
    type: str
    actor: list[str] = Field(default_factory=list)
    recipient: list[str] = Field(default_factory=list)
    context: list[str] = Field(default_factory=list)
    date: str | None = None


class GoldQuote(GoldModel):
    speaker: str
    text: str
    in_: list[str] = Field(default_factory=list, alias="in")


class GoldClaim(GoldModel):
    claim: str
    claimant: str | None = None
    reviewed_by: str
    verdict: str
    contradicted_by: list[str] = Field(default_factory=list)

    @field_validator("verdict", mode="before")
    @classmethod
    def _yaml_booleans(cls, value: object) -> object:
        """YAML reads a bare `false`/`true` verdict as a boolean; the gold means the word."""
        return str(value).lower() if isinstance(value, bool) else value


class Gold(GoldModel):
    corpus: str = ""
    articles: list[GoldArticle] = Field(default_factory=list)
    not_articles: list[str] = Field(default_factory=list)
    duplicates: list[list[str]] = Field(default_factory=list)
    stories: GoldStories = GoldStories()
    entities: list[GoldEntity] = Field(default_factory=list)
    events: list[GoldEvent] = Field(default_factory=list)
    not_events: list[GoldNotEvent] = Field(default_factory=list)
    quotes: list[GoldQuote] = Field(default_factory=list)
    claims: list[GoldClaim] = Field(default_factory=list)


def load_gold(path: Path) -> Gold:
    """Read and validate a gold file; a bad file is an InputError naming it."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise InputError(str(path), f"cannot read gold file: {exc}") from exc
    if not isinstance(data, dict):
        raise InputError(str(path), "gold file must be a mapping of sections")
    try:
        return Gold.model_validate(data)
    except ValidationError as exc:
        raise InputError(str(path), f"invalid gold file: {exc.errors()[0]['msg']}") from exc


def fold(text: str | None) -> str:
    """Compare texts after folding quotes, dashes and white space, as the gold README says."""
    if text is None:
        return ""
    table = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "\u00a0": " ", "–": "-"})
    return " ".join(text.translate(table).split()).casefold()
