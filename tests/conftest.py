"""Shared fixtures: where ../shared is, and a fresh store per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from eventline.settings import Settings
from eventline.store import Store

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLES = SHARED / "samples" / "russia-iran"
GOLD = SHARED / "gold" / "russia-iran.yaml"
EXAMPLES = ROOT / "examples" / "corpus"


def need_shared() -> None:
    if not SAMPLES.is_dir():
        pytest.skip("../shared is not present next to the project")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(db=str(tmp_path / "test.db"))


@pytest.fixture
def store(settings: Settings) -> Iterator[Store]:
    with Store(settings.db_url) as opened:
        yield opened
