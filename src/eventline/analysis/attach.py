"""Attaching a new event mention to a stored event without reading the event's members.

A merged event (`eventline.corpus.merge._event`) is computed from its members in cluster
order (best-ranked date first): the head's date, parties, type, mode and place, counts of
the members' types, modes, places, modalities and participant refs (ties broken by first
occurrence), the union of contexts and evidence, and the independent sources of its
articles. `event_state` keeps exactly those as JSON beside the event's summary (key
`STATE_KEY` of the `event_summaries` row, which `merge.summary_cluster` ignores), and
`attach` adds one mention to it and rebuilds the event from the stored event row and the
state alone, giving what `merge_events` gives for the members plus the mention, provided the
mention ranks after the event's anchor (so the head is unchanged). `add_summary` updates the
summary the clustering's fit test reads (`merge.event_summary`) the same way.

An event stored without a state (linked by `link_all`, or before this module) is re-clustered
with its members the first time a new mention fits it; that writes its state.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from eventline.corpus.merge import (
    count_sources,
    mention_date,
    merge_rules,
    merge_with_summaries,
    ref_code,
)
from eventline.model import ActorRef, Article, Event, EventMention, Place

STATE_KEY = "attach"
STATE_VERSION = 1

#: A member's place in cluster order: (precision rank, day, article, start, id).
Key = list[Any]
Counts = dict[str, list[Any]]  # value -> [count, first key]


def rank_key(mention: EventMention, article: Article | None) -> Key:
    """The order `merge` clusters mentions in (its `_view.rank`, then article, start, id)."""
    rules = merge_rules()
    precision = mention.date_precision or "report"
    rank = rules.precision_rank.index(precision) if precision in rules.precision_rank else 99
    when = mention_date(mention, article)
    first = rank if when.kind == "exact" else 98 if when.kind == "report" else 99
    return [first, when.lo, mention.evidence.article, mention.evidence.start, mention.id]


def _outlet(article: Article | None) -> str | None:
    outlet = article.outlet if article else None
    return " ".join(outlet.casefold().split()) if outlet else None


def _count(counts: Counts, value: str, key: Key) -> None:
    entry = counts.setdefault(value, [0, key])
    entry[0] += 1
    entry[1] = min(entry[1], key)


def _add(state: dict[str, Any], mention: EventMention, key: Key, source: list[Any]) -> None:
    _count(state["types"], mention.type, key)
    _count(state["modalities"], mention.modality, key)
    if mention.mode:
        _count(state["modes"], mention.mode, key)
    if mention.location:
        _count(state["places"], mention.location.model_dump_json(), key)
    for side in ("actor", "recipient"):
        refs = state["refs"][side]
        for ref in getattr(mention, side):
            name = f"{ref.id}\x1f{ref_code(ref)}"
            entry = refs.get(name)
            if entry is None:  # a ref is dumped only when it is kept
                refs[name] = [1, key, ref.model_dump(mode="json")]
                continue
            entry[0] += 1
            if key < entry[1]:
                entry[1], entry[2] = key, ref.model_dump(mode="json")
    if all(s[0] != source[0] for s in state["sources"]):
        state["sources"].append(source)


def add_mention(
    state: dict[str, Any],
    mention: EventMention,
    key: Key,
    article: Article | None,
    group: str,
) -> None:
    """Add a mention (rank `key`, its article, its copy group's canonical) to a state."""
    _add(state, mention, key, [mention.evidence.article, group, _outlet(article)])


def copy_state(state: dict[str, Any]) -> dict[str, Any]:
    """A copy of a state that `add_mention` can grow without touching `state`: the counts'
    entries and the sources are copied, what `add_mention` only reads or replaces (rank keys,
    participant refs, the head) is shared. A fraction of `copy.deepcopy`'s cost, which walks
    every key list."""
    out = dict(state)
    for name in ("types", "modalities", "modes", "places"):
        out[name] = {value: list(entry) for value, entry in state[name].items()}
    out["refs"] = {
        side: {name: list(entry) for name, entry in entries.items()}
        for side, entries in state["refs"].items()
    }
    out["sources"] = list(state["sources"])
    return out


def event_state(
    members: Sequence[EventMention],
    *,
    articles: Mapping[str, Article],
    duplicate_of: Mapping[str, str],
) -> dict[str, Any]:
    """What `attach` needs of an event, from all its members."""
    keyed = sorted(
        ((rank_key(m, articles.get(m.evidence.article)), m) for m in members),
        key=lambda km: km[0],
    )
    head = keyed[0][1]
    state: dict[str, Any] = {
        "v": STATE_VERSION,
        "anchor": keyed[0][0],
        "head": head.model_dump(mode="json", include={"type", "mode", "actor", "recipient"}),
        "head_location": head.location.model_dump(mode="json") if head.location else None,
        "types": {},
        "modalities": {},
        "modes": {},
        "places": {},
        "refs": {"actor": {}, "recipient": {}},
        "sources": [],
    }
    for key, mention in keyed:
        article = mention.evidence.article
        source = [article, duplicate_of.get(article, article), _outlet(articles.get(article))]
        _add(state, mention, key, source)
    return state


def usable(state: Any, key: Key) -> bool:
    """Whether a mention of this rank key can be attached with this state (head unchanged)."""
    return isinstance(state, dict) and state.get("v") == STATE_VERSION and key > state["anchor"]


# --- the event from its state ------------------------------------------------------------


def _most_common(counts: Counts) -> str:
    return min(counts.items(), key=lambda kv: (-kv[1][0], kv[1][1]))[0]


def _codes(state: dict[str, Any], side: str) -> dict[str, int]:
    """Occurrences of each participant code on one side, first occurrence first."""
    found: dict[str, list[Any]] = {}
    for name, (count, key, _) in state["refs"][side].items():
        code = name.split("\x1f", 1)[1]
        entry = found.setdefault(code, [0, key])
        entry[0] += count
        entry[1] = min(entry[1], key)
    return {c: e[0] for c, e in sorted(found.items(), key=lambda ce: ce[1][1])}


def _most_named(counts: dict[str, int], exclude: set[str]) -> set[str]:
    left = {c: n - (1 if c in exclude else 0) for c, n in counts.items()}
    left = {c: n for c, n in left.items() if n > 0}
    top = max(left.values(), default=0)
    return {c for c, n in left.items() if n == top and c not in exclude}


def _side(state: dict[str, Any], side: str, keep: set[str]) -> tuple[ActorRef, ...]:
    counts: dict[str, int] = {}
    first: dict[str, tuple[Key, dict[str, Any]]] = {}
    for name, (count, key, ref) in state["refs"][side].items():
        ref_id, code = name.split("\x1f", 1)
        if code not in keep:
            continue
        counts[ref_id] = counts.get(ref_id, 0) + count
        if ref_id not in first or key < first[ref_id][0]:
            first[ref_id] = (key, ref)
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return tuple(ActorRef.model_validate(first[i][1]) for i, _ in ordered)


def _sources(state: dict[str, Any]) -> int:
    """`merge.independent_sources` over the state's (article, copy group, outlet) rows."""
    return count_sources(tuple(row) for row in state["sources"])


def rebuild(stored: Event, state: dict[str, Any], new: Sequence[EventMention]) -> Event:
    """The event of `stored`'s members and `new` (already added to `state`)."""
    head = state["head"]
    types = state["types"]
    top = max(e[0] for e in types.values())
    event_type = head["type"] if types[head["type"]][0] == top else _most_common(types)
    head_actors = {ref_code(ActorRef.model_validate(r)) for r in head["actor"]}
    actor_codes = head_actors or _most_named(_codes(state, "actor"), set())
    recipient_codes = {ref_code(ActorRef.model_validate(r)) for r in head["recipient"]}
    recipient_codes -= actor_codes
    if not recipient_codes and head["type"] not in merge_rules().symmetric_types:
        recipient_codes = _most_named(_codes(state, "recipient"), actor_codes)
    location = state["head_location"]
    if location is None and state["places"]:
        location = Place.model_validate_json(_most_common(state["places"]))
    modalities = state["modalities"]
    evidence = {*stored.mentions, *(m.evidence for m in new)}
    return stored.model_copy(
        update={
            "type": event_type,
            "mode": head["mode"] or (_most_common(state["modes"]) if state["modes"] else None),
            "context": tuple(sorted({*stored.context, *(c for m in new for c in m.context)})),
            "actor": _side(state, "actor", actor_codes) if actor_codes else (),
            "recipient": _side(state, "recipient", recipient_codes) if recipient_codes else (),
            "location": location
            if location is None or isinstance(location, Place)
            else Place.model_validate(location),
            "modality": "asserted" if "asserted" in modalities else _most_common(modalities),
            "mentions": tuple(sorted(evidence, key=lambda e: (e.article, e.start))),
            "sources": _sources(state),
        }
    )


# --- the summary -------------------------------------------------------------------------

_SETS = ("actors", "recipients", "persons", "modes", "places", "actor_ids", "recipient_ids")


def mention_summary(
    mention: EventMention,
    *,
    articles: Mapping[str, Article],
    duplicate_of: Mapping[str, str],
    story_of: Mapping[str, str],
) -> dict[str, Any]:
    """The summary of an event of this mention alone (`merge.event_summary`)."""
    ((_, _, summary),) = merge_with_summaries(
        [mention], articles=articles, duplicate_of=duplicate_of, story_of=story_of
    )
    return summary


def add_summary(summary: dict[str, Any], more: Mapping[str, Any]) -> dict[str, Any]:
    """`summary` (of merge.SUMMARY_VERSION 1) with a one-mention event's summary added, as
    `merge._Cluster.add` would grow it."""
    out = dict(summary)
    for name in (*_SETS, "links"):
        out[name] = sorted({*summary[name], *more[name]})
    out["codes"] = bool(summary["codes"] or more["codes"])
    out["all_days"] = bool(summary["all_days"] and more["all_days"])
    whens: dict[tuple[Any, ...], Any] = {tuple(w[:5]): w[5] for w in summary["whens"]}
    for *days, arts in more["whens"]:
        key = tuple(days)
        if key not in whens:
            whens[key] = arts
        elif whens[key] is None or arts is None or whens[key] != arts:
            whens[key] = None
    out["whens"] = [[*k, whens[k]] for k in sorted(whens, key=list)]
    return out


__all__ = [
    "STATE_KEY",
    "add_mention",
    "add_summary",
    "copy_state",
    "event_state",
    "mention_summary",
    "rank_key",
    "rebuild",
    "usable",
]
