"""The analysis key: what a stored analysis was computed with (see `analysis_key`).

Free of spaCy on purpose: `eventline analyse` computes the key to find what is new, and with
nothing new it must not pay for importing the NLP stack. Package metadata is read with
`importlib.metadata`, as `spacy.util.is_package` / `get_package_version` do.
"""

from __future__ import annotations

import hashlib
from importlib import metadata
from pathlib import Path

from eventline.settings import Settings
from eventline.versions import MODELS, PIPELINE_VERSION

#: Bump when the event stage's output changes, so stored analyses are recomputed.
# 3: dates of reported events; 4: timex, places, quotes, parties; 5: merge on one happening;
# 6, 7: event coding, places and quotes of session 20
ANALYSIS_VERSION = "analysis-12"


def _installed(name: str) -> bool:
    try:
        metadata.distribution(name)
    except Exception:  # as spacy.util.is_package: any failure means "not installed"
        return False
    return True


def _version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def model_package(settings: Settings) -> str:
    """The spaCy model package the settings name, else the first locked one installed."""
    if settings.model:
        return settings.model
    return next((name for name in MODELS if _installed(name)), MODELS[0])


def analysis_key(settings: Settings) -> str:
    """What a stored analysis was computed with: model package and version, the nlp and
    event stages' versions and the content of the user's actor files. A change re-analyses.
    Computed without loading the model, so a run with nothing new stays cheap."""
    package = model_package(settings)
    version = _version(package) or "?"
    digest = hashlib.sha256()
    for path in settings.kb_files:
        digest.update(Path(path).read_bytes())
    kb = digest.hexdigest()[:12] if settings.kb_files else "none"
    return f"{package}-{version}+{PIPELINE_VERSION}+{ANALYSIS_VERSION}+kb:{kb}"
