"""Actor sector codes: the PLOVER/CAMEO agent vocabulary eventline exports.

`resources/actors/sectors.yaml` lists the export codes and how other CAMEO agent codes map onto
them. A CAMEO actor code is a chain of three-letter elements: a country (ISO 3166 alpha-3) or an
international type (IGO, NGO, IMG, MNC), then agent elements ("IRNGOV", "AFGGOVAGR",
"IGOUNOKID"); `split_code` reads one into (country, primary sector).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from pydantic import BaseModel, ConfigDict

from eventline.nlp.kb import _iso_codes, _validate, resource_path

#: First elements that mark an international actor, and the sector they stand for.
_INTERNATIONAL = {"IGO": "IGO", "NGO": "NGO", "IMG": "REB", "MNC": "BUS", "NGM": "NGO"}


class SectorsFile(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    version: int
    export: dict[str, str]
    cameo: dict[str, str]
    legacy: dict[str, str]


@dataclass(frozen=True)
class Sectors:
    export: frozenset[str]
    cameo: dict[str, str]
    legacy: dict[str, str]

    def export_code(self, element: str) -> str | None:
        """The export sector for one three-letter agent element, or None if it is none."""
        if element in self.export:
            return element
        return self.cameo.get(element)


@lru_cache(maxsize=1)
def load_sectors() -> Sectors:
    data = _validate(SectorsFile, resource_path("sectors.yaml"))
    return Sectors(frozenset(data.export), dict(data.cameo), dict(data.legacy))


def split_code(code: str) -> tuple[str | None, str | None]:
    """(country, sector) of a CAMEO actor code; unknown elements are skipped.

    "IRNGOV" -> (IRN, GOV); "AFGGOVAGR" -> (AFG, GOV); "IGOUNO" -> (None, IGO);
    "KKLREB" (a non-ISO region) -> (None, REB); "USA" -> (USA, None); "~MUS" (an agent
    code: Muslim, not Mauritius) -> (None, REL)."""
    agent_only = code.strip().startswith("~")  # an agents-file code names no country
    code = code.strip().lstrip("~").upper()
    elements = [code[i : i + 3] for i in range(0, len(code) - len(code) % 3, 3)]
    if not elements:
        return None, None
    sectors = load_sectors()
    country: str | None = None
    sector: str | None = None
    first, rest = elements[0], elements[1:]
    if agent_only:
        rest = elements
    elif first in _INTERNATIONAL:
        sector = _INTERNATIONAL[first]
    elif first in _iso_codes():
        country = first
    else:
        rest = elements
    if sector is None:
        sector = next((s for s in map(sectors.export_code, rest) if s is not None), None)
    return country, sector
