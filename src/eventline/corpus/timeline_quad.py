"""PLOVER quad classes and conflict-cooperation scores (`resources/corpus/quad.yaml`).

The mapping is the PLOVER manual's; it lives in a data file so that a user who prefers
another scale (Goldstein's CAMEO scores spliced onto PLOVER, say) swaps a file, not code."""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from eventline.corpus.merge import corpus_resource
from eventline.errors import ResourceError

_RESOURCE = "quad.yaml"


class _Strict(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class QuadClass(_Strict):
    id: str
    label: str
    code: int
    side: Literal["cooperation", "conflict"]


class TypeScore(_Strict):
    base: float
    modes: dict[str, float] = {}


class QuadTable(_Strict):
    version: int
    quads: tuple[QuadClass, ...]
    types: dict[str, str]
    scores: dict[str, TypeScore]

    @model_validator(mode="after")
    def _consistent(self) -> QuadTable:
        known = {q.id for q in self.quads}
        bad = sorted(t for t, q in self.types.items() if q not in known)
        missing = sorted(set(self.types) - set(self.scores))
        if bad or missing:
            raise ValueError(f"types with unknown quad: {bad}; types without score: {missing}")
        return self

    def quad(self, event_type: str) -> str | None:
        """The quad class id of a PLOVER type (None for a type PLOVER does not have)."""
        return self.types.get(event_type)

    def score(self, event_type: str, mode: str | None = None) -> float | None:
        """The PLOVER score of a type and mode; a mode the table lacks scores as its type."""
        entry = self.scores.get(event_type)
        if entry is None:
            return None
        return entry.modes.get((mode or "").lower(), entry.base)

    def side(self, event_type: str) -> str | None:
        """ "cooperation" or "conflict" for a PLOVER type, None for an unknown type."""
        quad = self.types.get(event_type)
        return next((q.side for q in self.quads if q.id == quad), None)


@lru_cache(maxsize=1)
def quad_table() -> QuadTable:
    try:
        return QuadTable.model_validate(corpus_resource(_RESOURCE))
    except ValidationError as exc:
        raise ResourceError(_RESOURCE, f"invalid quad table: {exc.errors()[0]['msg']}") from exc
