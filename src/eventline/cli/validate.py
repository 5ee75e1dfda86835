"""Option values checked before any work, so a typo is an error and never an empty answer.

Every check raises `UsageError` (exit code 2) naming the option, the value and what would be
accepted: dates in ISO form, PLOVER event types, actors by ISO3 code, actor id or name (with
"did you mean" suggestions from rapidfuzz)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from eventline.errors import UsageError

DATE_FORMS = "YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2025-06-23)"
_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_MONTHDAY = re.compile(r"^--(\d{2})-(\d{2})$")


def iso_date(
    option: str, value: str | None, *, monthday: bool = False, day_only: bool = False
) -> str | None:
    """`value` when it is an ISO date of year, month or day precision on the real calendar
    (`2025-02-30` is refused); with `monthday`, `--MM-DD` (a day whose year is unknown) too;
    with `day_only`, day precision only (an anchor for "yesterday" must be a day)."""
    if value is None:
        return None
    text = value.strip()
    found = _ISO_DATE.match(text)
    if found and (not day_only or found.group(3)):
        year, month, day = (int(g) if g else 1 for g in found.groups())
        try:
            date(year, month, day)
        except ValueError as exc:
            raise UsageError(
                option, value, f"not a calendar date ({exc}); use {DATE_FORMS}"
            ) from exc
        return text
    if monthday and (md := _MONTHDAY.match(text)):
        try:
            date(2000, int(md.group(1)), int(md.group(2)))  # a leap year accepts --02-29
        except ValueError as exc:
            raise UsageError(option, value, f"not a calendar date ({exc}); use --MM-DD") from exc
        return text
    forms = "YYYY-MM-DD (e.g. 2025-06-23)" if day_only else DATE_FORMS
    forms += " or --MM-DD" if monthday else ""
    raise UsageError(option, value, f"not a {'day' if day_only else 'date'}; use {forms}")


def iso_time(option: str, value: str | None) -> str | None:
    """A capture time: an ISO date, or an ISO date and time (`2025-06-23T14:05`, with or
    without seconds and offset)."""
    if value is None:
        return None
    try:
        return iso_date(option, value)
    except UsageError:
        pass
    try:
        datetime.fromisoformat(value.strip())
    except ValueError as exc:
        reason = f"not a date or time; use {DATE_FORMS} or YYYY-MM-DDTHH:MM[:SS][+HH:MM]"
        raise UsageError(option, value, reason) from exc
    return value.strip()


def one_of(option: str, value: str, choices: Iterable[str]) -> str:
    """`value` when it is one of `choices` (exactly), else an error listing them."""
    allowed = list(choices)
    if value not in allowed:
        raise UsageError(option, value, f"choose one of {', '.join(allowed)}")
    return value


def event_type(value: str | None) -> str | None:
    """A PLOVER event type, case-insensitively (`consult` → CONSULT)."""
    if value is None:
        return None
    from rapidfuzz import fuzz, process

    from eventline.corpus.timeline_quad import quad_table

    types = sorted(quad_table().types)
    wanted = value.strip().upper()
    if wanted in types:
        return wanted
    near = [m[0] for m in process.extract(wanted, types, scorer=fuzz.ratio, limit=2) if m[1] >= 75]
    hint = f"did you mean {' or '.join(near)}? " if near else ""
    raise UsageError("--type", value, f"not a PLOVER event type; {hint}one of {', '.join(types)}")


@dataclass(frozen=True)
class ActorQuery:
    """What an actor option matched: a country (every actor of it) or some actor ids."""

    label: str
    country: str | None = None
    ids: frozenset[str] = field(default_factory=frozenset)

    def matches(self, ref: Mapping[str, Any]) -> bool:
        if self.country is not None and ref.get("country") == self.country:
            return True
        return ref.get("id") in self.ids

    @property
    def key(self) -> str:
        """The form corpus functions take: an ISO3 code or an actor id."""
        return self.country or sorted(self.ids)[0]


@lru_cache(maxsize=1)
def _countries() -> dict[str, tuple[str, str]]:
    """Every way to name a country (ISO3 code, names, demonyms), casefolded → (ISO3, how to
    show it in a suggestion)."""
    from eventline.nlp.kb import load_kb

    table: dict[str, tuple[str, str]] = {}
    for kb_actor in load_kb().actors.values():
        code = kb_actor.country
        if kb_actor.type == "country" and code:
            shown = f"{kb_actor.name} ({code})"
            for form in (code, kb_actor.name, *kb_actor.names, *kb_actor.adjectives):
                table.setdefault(form.casefold(), (code, shown))
    return table


def country(option: str, value: str | None) -> str | None:
    """An ISO3 code from a code or a country name, case-insensitively (`iran` → IRN)."""
    if value is None:
        return None
    found = _countries().get(value.strip().casefold())
    if found is None:
        shown = {form: text for form, (_, text) in _countries().items()}
        raise UsageError(option, value, f"no country matches{_suggest(value, shown)}")
    return found[0]


def actor(option: str, value: str | None, actors: Iterable[Mapping[str, Any]]) -> ActorQuery | None:
    """Resolve an actor option against the stored actors (`actor_records`) and the countries:
    an ISO3 code, an actor id or a name or alias, case-insensitively."""
    if value is None:
        return None
    wanted = value.strip().casefold()
    if (found := _countries().get(wanted)) is not None:
        return ActorQuery(value, country=found[0])
    by_form: dict[str, set[str]] = {}
    shown: dict[str, str] = {}
    records: dict[str, Mapping[str, Any]] = {}
    for record in actors:
        records[record["id"]] = record
        for form in (record["id"], record["name"], *record.get("aliases", ())):
            by_form.setdefault(str(form).casefold(), set()).add(record["id"])
            shown.setdefault(str(form).casefold(), f"{record['name']} ({record['id']})")
    ids = by_form.get(wanted) or by_form.get(wanted.removeprefix("the "))
    if ids:
        countries = {records[i].get("country") for i in ids if records[i].get("type") == "country"}
        if len(countries) == 1 and None not in countries and len(ids) == 1:
            return ActorQuery(value, country=countries.pop())
        return ActorQuery(value, ids=frozenset(ids))
    shown |= {form: text for form, (_, text) in _countries().items()}
    raise UsageError(option, value, f"no actor matches{_suggest(value, shown)}")


def _suggest(value: str, shown: Mapping[str, str]) -> str:
    """' — did you mean …?' with up to three near actors, or a hint when nothing is near.
    Near: a similar spelling (ratio 80+) or one edit away ("Iram" → Iran)."""
    from rapidfuzz import fuzz, process
    from rapidfuzz.distance import Levenshtein

    wanted = value.strip().casefold()
    found = process.extract(wanted, list(shown), scorer=fuzz.ratio, limit=12)
    picks: list[str] = []
    for form, score, _ in found:
        near = score >= 80 or (len(wanted) >= 3 and Levenshtein.distance(wanted, form) <= 1)
        if near and shown[form] not in picks and len(picks) < 3:
            picks.append(shown[form])
    if not picks:
        return " (use an ISO3 code, an actor id or a name; see `eventline actors`)"
    return " — did you mean " + ", ".join(picks) + "?"


def stored_actors(store: Any) -> list[dict[str, Any]]:
    """The store's canonical actors in the shape `actor` reads (id, name, aliases, country,
    type), without the mention lists `actor_records` gathers."""
    from eventline.model import Actor

    return [a.model_dump(mode="json") for a in store.records("actors", Actor)]


def searched(**options: object) -> str:
    """'--actor 'russia', --since 2025-06-01' for the options that were given, to say what
    an empty answer searched for."""
    given = [f"--{k.rstrip('_').replace('_', '-')} {v!r}" for k, v in options.items() if v]
    return ", ".join(given) if given else "no filter"


# --- query layer (#10): actor options resolved with one indexed look-up -------------------


def resolve_actor(store: Any, option: str, value: str | None) -> ActorQuery | None:
    """An actor option read against the store: the exact id, name or alias look-up is one
    query (`eventline.queries.actors_named`); only a name that matches nothing reads every
    actor, to suggest the nearest, and a country never does."""
    from eventline.queries import actors_named

    if value is None:
        return None
    found = actors_named(store, value)
    return actor(option, value, found or _every_actor(store))


def _every_actor(store: Any) -> Iterator[dict[str, Any]]:
    """Read only when iterated: `actor` answers a country code or name before it looks."""
    yield from stored_actors(store)
