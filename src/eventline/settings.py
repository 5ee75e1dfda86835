"""One settings object for the library, CLI and (later) the API.

Precedence, lowest first: defaults, a TOML config file (``eventline.toml`` in the working
directory or the file named by ``EVENTLINE_CONFIG``), environment variables ``EVENTLINE_*``,
then command-line flags, which the CLI applies with ``Settings.model_copy(update=...)``.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from eventline.errors import ConfigError

MiB = 1024 * 1024


def available_cores() -> int:
    """Cores this process may run on (the affinity mask, not the machine's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="EVENTLINE_", extra="forbid", frozen=True)

    db: str = Field("eventline.db", description="SQLite path or SQLAlchemy URL of the store.")
    # The limits (docs/configuration.md, "Limits"): the first four are about bytes or records
    # of one input, checked at ingest. An article's length in characters is never a reason to
    # refuse it: it is stored whole, and only its first `max_article_chars` are analysed.
    max_document_bytes: int = Field(
        50 * MiB, gt=0, description="Input files (or stdin) larger than this are rejected unread."
    )
    max_html_bytes: int = Field(
        10 * MiB, gt=0, description="HTML pages larger than this are rejected before parsing."
    )
    max_jsonl_records: int = Field(
        100_000, gt=0, description="A JSONL file with more records than this is rejected."
    )
    html_timeout: float = Field(20.0, gt=0, description="Seconds allowed to extract one HTML page.")
    max_article_chars: int = Field(
        500_000,
        ge=1_000,
        description="Only this many characters of a longer article body are analysed (the "
        "whole body is stored); `eventline errors` lists each such article (stage 'limit').",
    )
    processes: int = Field(
        default_factory=lambda: available_cores(),
        ge=1,
        description="Worker processes for the per-article analysis (default: cores available).",
    )
    batch_size: int = Field(32, ge=1, description="Documents per nlp.pipe batch.")
    # --- what changes analysis results (part of the stored analysis key or index params) ---
    model: str | None = Field(
        None, description="spaCy model package; default: the locked English model."
    )
    kb_files: tuple[Path, ...] = Field(
        (), description="Extra actor files (YAML, the format of resources/actors)."
    )
    chunk_chars: int = Field(
        100_000, ge=1_000, description="Longer bodies are parsed in sentence-aligned pieces."
    )
    dedup_jaccard: float = Field(0.5, gt=0, le=1, description="Near-duplicate: Jaccard floor.")
    dedup_containment: float = Field(
        0.8, gt=0, le=1, description="Near-duplicate: containment floor of the smaller text."
    )
    dedup_window_days: int = Field(7, ge=0, description="Copies further apart must be identical.")
    story_window_days: int = Field(3, ge=0, description="Days a story may span between reports.")
    story_threshold: float = Field(0.3, gt=0, le=1, description="Story: cosine to join.")
    story_undated_threshold: float = Field(
        0.32, gt=0, le=1, description="Story: cosine to join for an undated article."
    )

    @field_validator("db")
    @classmethod
    def _db_not_empty(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must name a file or a database URL")
        return value

    @property
    def db_url(self) -> str:
        """The store as a SQLAlchemy URL; a bare path means SQLite."""
        if "://" in self.db:
            return self.db
        return f"sqlite:///{Path(self.db).expanduser()}"

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        config_file = os.environ.get("EVENTLINE_CONFIG", "eventline.toml")
        toml = TomlConfigSettingsSource(settings_cls, toml_file=config_file)
        return (init_settings, env_settings, toml)


def load_settings(**overrides: object) -> Settings:
    """Build settings from every layer; a bad value becomes a ConfigError naming the setting."""
    clean = {k: v for k, v in overrides.items() if v is not None}
    config_file = os.environ.get("EVENTLINE_CONFIG")
    if config_file and not Path(config_file).is_file():
        raise ConfigError("EVENTLINE_CONFIG", f"no config file at {config_file}")
    try:
        return Settings(**clean)  # type: ignore[arg-type]
    except ValidationError as exc:
        first = exc.errors()[0]
        name = ".".join(str(p) for p in first["loc"]) or "settings"
        raise ConfigError(name, first["msg"]) from exc
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, OSError) as exc:  # H5: a broken file
        where = config_file or "eventline.toml"
        raise ConfigError("EVENTLINE_CONFIG", f"{where} is not valid TOML ({exc})") from exc
