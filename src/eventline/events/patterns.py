"""The event coder's vocabulary, loaded once from resources/events/ and validated.

Patterns (which verbs and nouns trigger which PLOVER type and mode), modality cues and the
place gazetteer are data files so that a reader can see, and extend, what the coder knows
without reading its tree walks. A malformed file raises `ResourceError` naming the file; so
does a type or mode the ontology (`ontology.py`) does not know, and asking for a cue list
that cues.yaml does not define.

Two layers of verbs: the curated patterns (patterns.yaml, with argument rules) and, behind
them, the broad generated vocabulary from PETRARCH's CAMEO verb patterns
(triggers.generated.yaml). A generated verb is a plain pattern marked `generated`; the coder
keeps its events only when the parse names both sides (see `coder._verb_candidate`).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any, Literal

import yaml

from eventline.errors import ResourceError
from eventline.events.ontology import GENERATED, ontology, read_yaml
from eventline.yaml_cache import load_yaml

PLOVER_TYPES = frozenset(ontology().types)
Roles = Literal["default", "reciprocal", "host", "destination"]
_ROLES = {"default", "reciprocal", "host", "destination"}
Clausal = Literal["xcomp", "future", "permit", "verdict"]
_CLAUSAL = {"xcomp", "future", "permit", "verdict"}
_PATTERNS = "resources/events/patterns.yaml"
_CUES = "resources/events/cues.yaml"
_PLACES = "resources/events/places.tsv"


@dataclass(frozen=True)
class Pattern:
    """One trigger: a verb or noun lemma with its PLOVER type, mode and argument rules."""

    lemma: str
    type: str
    pos: Literal["verb", "noun"]
    mode: str | None = None
    context: tuple[str, ...] = ()
    prep: str | None = None
    obj: frozenset[str] = frozenset()
    roles: Roles = "default"
    recipient: tuple[str, ...] = ()
    sectors: frozenset[str] = frozenset()
    light: frozenset[str] = frozenset()
    needs: frozenset[str] = frozenset()
    clausal: Clausal | None = None
    under: frozenset[str] = frozenset()
    light_only: bool = False  # a noun that fires only under one of its `light` verbs
    cameo: str | None = None  # the generated vocabulary's own CAMEO code
    generated: bool = False

    @property
    def specific(self) -> bool:
        """Patterns with an object or particle condition are tried before plain ones."""
        return bool(self.obj or self.prep or self.needs or self.clausal or self.under)


@dataclass(frozen=True)
class EventLexicon:
    verbs: dict[str, tuple[Pattern, ...]]
    nouns: dict[str, tuple[Pattern, ...]]
    light_verbs: frozenset[str]
    mode_cues: dict[str, dict[str, frozenset[str]]]
    contexts: dict[str, frozenset[str]]
    cues: dict[str, frozenset[str]]
    places: dict[str, str]
    generated: dict[str, Pattern]
    descriptors: dict[str, str]  # role noun -> sector ("rebel": REB)

    def cue(self, name: str) -> frozenset[str]:
        """A named cue list of cues.yaml; an unknown name is an error, never an empty set."""
        try:
            return self.cues[name]
        except KeyError:
            raise ResourceError(_CUES, f"no cue list named {name!r}") from None


def _read(path: str) -> str:
    try:
        return resources.files("eventline").joinpath(path).read_text(encoding="utf-8")
    except OSError as exc:
        raise ResourceError(path, f"cannot read: {exc}") from exc


def _yaml(path: str) -> dict[str, Any]:
    try:
        data = load_yaml(_read(path), name=path)  # a safe loader; parsed once (yaml_cache)
    except yaml.YAMLError as exc:
        raise ResourceError(path, f"invalid YAML: {exc}") from exc
    if not isinstance(data, dict) or data.get("version") != 1:
        raise ResourceError(path, "expected a mapping with version: 1")
    return data


def _words(value: Any, path: str, where: str) -> frozenset[str]:
    if value is None:
        return frozenset()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ResourceError(path, f"{where}: expected a list of words")
    return frozenset(v.lower() for v in value)


def _pattern(entry: Any, ptype: str, pos: Literal["verb", "noun"], path: str) -> Pattern:
    if isinstance(entry, str):
        entry = {"lemma": entry}
    if not isinstance(entry, dict) or not isinstance(entry.get("lemma"), str):
        raise ResourceError(path, f"{ptype}: entry without a lemma: {entry!r}")
    known = {"lemma", "mode", "context", "prep", "obj", "roles", "recipient", "sectors"}
    known |= {"light", "needs", "clausal", "under", "light_only"}
    if unknown := set(entry) - known:
        raise ResourceError(path, f"{ptype}/{entry['lemma']}: unknown keys {sorted(unknown)}")
    roles = entry.get("roles", "default")
    if roles not in _ROLES:
        raise ResourceError(path, f"{ptype}/{entry['lemma']}: unknown roles {roles!r}")
    where = f"{ptype}/{entry['lemma']}"
    ontology().check(ptype, entry.get("mode"), where=where, path=path)
    clausal = entry.get("clausal")
    if clausal is not None and clausal not in _CLAUSAL:
        raise ResourceError(path, f"{where}: unknown clausal {clausal!r}")
    light_only = entry.get("light_only", False)
    if not isinstance(light_only, bool) or (light_only and not entry.get("light")):
        raise ResourceError(path, f"{where}: light_only must be true with a light list")
    return Pattern(
        lemma=entry["lemma"].lower(),
        type=ptype,
        pos=pos,
        mode=entry.get("mode"),
        context=tuple(sorted(_words(entry.get("context"), path, where))),
        prep=entry.get("prep"),
        obj=_words(entry.get("obj"), path, where),
        roles=roles,
        recipient=tuple(entry.get("recipient") or ()),
        sectors=frozenset(s.upper() for s in _words(entry.get("sectors"), path, where)),
        light=_words(entry.get("light"), path, where),
        needs=_words(entry.get("needs"), path, where),
        clausal=clausal,
        under=_words(entry.get("under"), path, where),
        light_only=light_only,
    )


def _patterns(
    section: Any, pos: Literal["verb", "noun"], path: str
) -> dict[str, tuple[Pattern, ...]]:
    if not isinstance(section, dict):
        raise ResourceError(path, f"{pos}s: expected a mapping of PLOVER types")
    found: dict[str, list[Pattern]] = {}
    for ptype, entries in section.items():
        if ptype not in PLOVER_TYPES:
            raise ResourceError(path, f"{ptype!r} is not a PLOVER event type")
        for entry in entries or ():
            pattern = _pattern(entry, ptype, pos, path)
            found.setdefault(pattern.lemma, []).append(pattern)
    # Specific patterns first; a clause shape alone ("allowed X to Y") after the others
    # ("allowed the aid convoy to enter": the access its object names).
    return {k: tuple(sorted(v, key=_specificity)) for k, v in found.items()}


def _specificity(p: Pattern) -> tuple[bool, bool]:
    return not p.specific, bool(p.clausal) and not p.obj


def _nested(section: Any, path: str) -> dict[str, dict[str, frozenset[str]]]:
    if not isinstance(section, dict):
        raise ResourceError(path, "mode_cues: expected a mapping")
    for ptype, modes in section.items():
        for mode in modes:
            ontology().check(ptype, mode, where="mode_cues", path=path)
    return {
        ptype: {mode: _words(words, path, f"{ptype}/{mode}") for mode, words in modes.items()}
        for ptype, modes in section.items()
    }


def _places(path: str) -> dict[str, str]:
    rows = [line for line in _read(path).splitlines() if line and not line.startswith("#")]
    places: dict[str, str] = {}
    for row in csv.DictReader(io.StringIO("\n".join(rows)), delimiter="\t"):
        name, country = row.get("name"), row.get("country")
        if not name or not country or len(country) != 3:
            raise ResourceError(path, f"bad row: {row!r}")
        places[name.casefold()] = country
    return places


def _generated(path: str) -> dict[str, Pattern]:
    """Generated verbs as plain patterns; a mode PLOVER's ontology lacks is dropped (the
    CAMEO table carries a few older mode names), a type it lacks is an error."""
    verbs = read_yaml(path).get("verbs") or {}
    onto = ontology()
    found: dict[str, Pattern] = {}
    for verb, entry in verbs.items():
        if not isinstance(entry, dict) or entry.get("type") not in onto.types:
            raise ResourceError(path, f"{verb}: bad entry {entry!r}")
        mode = entry.get("mode")
        if mode not in onto.types[entry["type"]].modes:
            mode = None
        lemma, _, particle = str(verb).partition("_")
        key = f"{lemma} {particle}" if particle else lemma
        found[key] = Pattern(
            lemma=lemma,
            type=entry["type"],
            pos="verb",
            mode=mode,
            prep=particle or None,
            cameo=str(entry.get("cameo")),
            generated=True,
        )
    return found


_DESCRIPTORS = "resources/events/descriptors.yaml"


def _descriptors() -> dict[str, str]:
    """Role nouns → sector: CAMEO's agents (generated) overlaid with eventline's own list."""
    found: dict[str, str] = {}
    for path in (GENERATED, _DESCRIPTORS):
        table = read_yaml(path).get("descriptors") or {}
        if not isinstance(table, dict):
            raise ResourceError(path, "descriptors: expected a mapping of noun: sector")
        for noun, sector in table.items():
            if not isinstance(sector, str) or len(sector) != 3:
                raise ResourceError(path, f"descriptors/{noun}: sector must be a 3-letter code")
            found[str(noun).lower()] = sector.upper()
    return found


def _kept(pattern: Pattern, never: set[str], verbs: dict[str, tuple[Pattern, ...]]) -> bool:
    """A generated verb is dropped when its lemma is curated, light or a speech or modal verb;
    a generated phrasal verb ("take over") only when the curated patterns of its lemma use
    the same particle ("take to the streets" does not silence "take over")."""
    if pattern.lemma not in never:
        return True
    curated = verbs.get(pattern.lemma, ())
    return (
        pattern.prep is not None
        and bool(curated)
        and all(p.prep not in (None, pattern.prep) for p in curated)
    )


@cache
def lexicon() -> EventLexicon:
    """The packaged vocabulary, validated once per process."""
    pats, raw_cues = _yaml(_PATTERNS), _yaml(_CUES)
    contexts = pats.get("contexts") or {}
    cues = {k: _words(v, _CUES, k) for k, v in raw_cues.items() if k != "version"}
    verbs = _patterns(pats.get("verbs"), "verb", _PATTERNS)
    light = _words(pats.get("light_verbs"), _PATTERNS, "light_verbs")
    # Generated verbs never stand for a curated, light, speech or modal verb: "issued an
    # ultimatum" is the noun's event, "plans to" a modality.
    never = set(verbs) | light
    for name in ("speech_verbs", "planned_words", "speculative_words"):
        never |= cues.get(name, frozenset())
    generated = {k: p for k, p in _generated(GENERATED).items() if _kept(p, never, verbs)}
    return EventLexicon(
        verbs=verbs,
        nouns=_patterns(pats.get("nouns"), "noun", _PATTERNS),
        light_verbs=light,
        mode_cues=_nested(pats.get("mode_cues") or {}, _PATTERNS),
        contexts={k: _words(v, _PATTERNS, f"contexts/{k}") for k, v in contexts.items()},
        cues=cues,
        places=_places(_PLACES),
        generated=generated,
        descriptors=_descriptors(),
    )
