"""PLOVER's event types, modes, quad classes and scores, and their CAMEO codes.

One validated data file (resources/events/ontology.yaml) says what PLOVER types and modes
exist; the CAMEO code of each type and mode comes from the generated vocabulary
(resources/events/triggers.generated.yaml, built by scripts/build_event_vocab.py from the
CAMEO→PLOVER table). Everything else that names a type or a mode (patterns, rules, cues) is
checked against this module when it is loaded, so a typo is an error, not a silent no-op.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml

from eventline.errors import ResourceError
from eventline.yaml_cache import load_yaml

ONTOLOGY = "resources/events/ontology.yaml"
GENERATED = "resources/events/triggers.generated.yaml"


@dataclass(frozen=True)
class EventType:
    name: str
    quad: str
    recipient_required: bool
    score: float
    goldstein: float
    modes: dict[str, float | None]
    cameo: dict[str, str]  # mode ("" for none) → CAMEO code


@dataclass(frozen=True)
class Ontology:
    types: dict[str, EventType]

    def check(self, ptype: str, mode: str | None, *, where: str, path: str) -> None:
        """Raise `ResourceError` naming `path` when the type or mode is not PLOVER's."""
        if ptype not in self.types:
            raise ResourceError(path, f"{where}: {ptype!r} is not a PLOVER event type")
        if mode is not None and mode not in self.types[ptype].modes:
            raise ResourceError(path, f"{where}: {mode!r} is not a mode of {ptype}")

    def cameo(self, ptype: str, mode: str | None) -> str | None:
        """The CAMEO code of a type and mode: the mode's own code, else the type's base code."""
        codes = self.types[ptype].cameo if ptype in self.types else {}
        found = codes.get(mode or "") or codes.get("")
        return found or (min(codes.values()) if codes else None)

    def goldstein(self, ptype: str) -> float | None:
        return self.types[ptype].goldstein if ptype in self.types else None

    def score(self, ptype: str, mode: str | None) -> float | None:
        """PLOVER's conflict-cooperation score of the mode, else of the type."""
        if ptype not in self.types:
            return None
        etype = self.types[ptype]
        by_mode = etype.modes.get(mode) if mode else None
        return etype.score if by_mode is None else by_mode


@cache
def read_yaml(path: str) -> dict[str, Any]:
    """A packaged YAML mapping with `version: 1`, or `ResourceError` naming the file (read
    once per process; callers must not change it)."""
    try:
        text = resources.files("eventline").joinpath(path).read_text(encoding="utf-8")
        data = load_yaml(text, name=path)  # a safe loader; parsed once (eventline.yaml_cache)
    except (OSError, yaml.YAMLError) as exc:
        raise ResourceError(path, f"cannot read: {exc}") from exc
    if not isinstance(data, dict) or data.get("version") != 1:
        raise ResourceError(path, "expected a mapping with version: 1")
    return data


def _number(value: Any, path: str, where: str, *, optional: bool = False) -> float | None:
    if value is None and optional:
        return None
    if not isinstance(value, int | float) or isinstance(value, bool):
        raise ResourceError(path, f"{where}: expected a number, got {value!r}")
    return float(value)


def _event_type(name: str, entry: Any, quads: set[str], cameo: dict[str, str]) -> EventType:
    if not isinstance(entry, dict):
        raise ResourceError(ONTOLOGY, f"{name}: expected a mapping")
    if entry.get("quad") not in quads:
        raise ResourceError(ONTOLOGY, f"{name}: unknown quad class {entry.get('quad')!r}")
    modes = entry.get("modes") or {}
    if not isinstance(modes, dict):
        raise ResourceError(ONTOLOGY, f"{name}: modes must be a mapping of mode: score")
    return EventType(
        name=name,
        quad=entry["quad"],
        recipient_required=bool(entry.get("recipient_required")),
        score=_number(entry.get("score"), ONTOLOGY, f"{name}/score") or 0.0,
        goldstein=_number(entry.get("goldstein"), ONTOLOGY, f"{name}/goldstein") or 0.0,
        modes={
            str(m): _number(s, ONTOLOGY, f"{name}/{m}", optional=True) for m, s in modes.items()
        },
        cameo={str(k): str(v) for k, v in cameo.items()},
    )


@cache
def ontology() -> Ontology:
    """The packaged ontology, validated once per process."""
    data = read_yaml(ONTOLOGY)
    quads = set(data.get("quad_classes") or ())
    cameo = read_yaml(GENERATED).get("cameo") or {}
    types = data.get("types")
    if not isinstance(types, dict) or not types:
        raise ResourceError(ONTOLOGY, "types: expected a mapping of PLOVER types")
    return Ontology(
        {str(n): _event_type(str(n), e, quads, cameo.get(n) or {}) for n, e in types.items()}
    )
