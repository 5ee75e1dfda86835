"""Rules that keep a place named as where an act happens out of its recipients (#11).

"She attacked her rival at a rally in Dubuque", "Farmers blocked roads in Eldoret": a town
under a locative preposition ("in", "near", "outside", "across", "throughout") says where
the act happened, not whom it was done to. PLOVER codes a domestic measure or an attack with
no named target against the country where it happens (`rules_places.place_recipient`): the
state, not the town; a protest with no target is aimed at its own country's government, and
a criticism told at a rally in a town at no place at all. Other acts keep the place PLOVER
reads as the country they take effect in ("agreed to set up a research centre in Tokyo",
"troops arrived in Bosnia"), and a place the act is aimed at ("an air strike on a town",
"sanctions on a country", "a visit to a country") is under no locative preposition.
"""

from __future__ import annotations

import pycountry
from spacy.tokens import Token

from eventline.events.args import unique
from eventline.events.candidate import EventCandidate
from eventline.events.rules_base import RuleContext
from eventline.model import ActorRef

# Prepositions that say where an act happens, never what it is aimed at ("at" is left out:
# "lashed out at Beijing", "fired at the crowd" name a target).
LOCATIVE_PREPS = frozenset(
    {
        "in",
        "near",
        "outside",
        "across",
        "throughout",
        "around",
        "inside",
        "within",
        "beyond",
        "amid",
    }
)
# Types PLOVER codes against the country where a measure or an attack with no named target
# happens (`rules_places.place_recipient`): there the place stands for that country.
_PLACED_TYPES = frozenset({"COERCE", "CONCEDE", "RETREAT", "MOBILIZE", "ASSAULT"})
# Types whose place is never their target: a criticism told at a rally in a town is aimed
# at no town. Other acts keep their place (PLOVER GSR: "refused to deploy peacekeepers in
# Iraq" is aimed at Iraq, a threat to strike camps in Georgia at Georgia).
_SPOKEN = frozenset({"ACCUSE"})


def located_not_target(cands: list[EventCandidate], ctx: RuleContext) -> list[EventCandidate]:
    """A recipient named only as where the act happened ("at a rally in Dubuque", "in
    Eldoret") is no recipient: dropped from a criticism, and, for a protest, replaced by the
    government of the place's country (whom PLOVER takes a protest with no named target to
    address). A measure or an attack keeps the country of its place, as PLOVER codes it:
    the state, not the town ("attacked a convoy outside Goma")."""
    for c in cands:
        if c.type not in (*_SPOKEN, *_PLACED_TYPES, "PROTEST"):
            continue
        placed = [r for r in c.recipient if _only_located(r, c, ctx)]
        if not placed:
            continue
        if c.type in _PLACED_TYPES:
            c.recipient = unique(_as_country(r, ctx) if r in placed else r for r in c.recipient)
            continue
        kept = tuple(r for r in c.recipient if r not in placed)
        if not kept and c.type == "PROTEST":
            kept = _governments(placed)
        c.recipient = kept
    return cands


def _only_located(ref: ActorRef, c: EventCandidate, ctx: RuleContext) -> bool:
    """Whether every mention of `ref` in the act's clause sits under a locative preposition
    (a place the place rules found, `place:` ids, is located by construction)."""
    if ref.id.startswith("place:"):
        return c.type not in _PLACED_TYPES or ref.name != _country_name(ref.country)
    if c.type in _PLACED_TYPES:
        return False  # a named state or body stays as named
    own = set(c.pattern.recipient or ())
    words = [
        t
        for t in c.trigger.sent
        if any(r.id == ref.id for _, r in ctx.actors.by_token.get(t.i, ()))
    ]
    if not words or c.trigger in words:
        return False  # "the Dubuque protest": the place names the act itself
    return all(
        (prep := _locative(t)) is not None and prep.lower_ not in own and _where(prep, c)
        for t in words
    )


def _locative(tok: Token) -> Token | None:
    """ "in Dubuque, Iowa", "in Yangon and other cities", "at a rally in Dubuque": the
    locative preposition the word (or the name it is part of) is the object of, directly or
    as a conjunct or apposition of one."""
    node = tok
    for _ in range(6):
        if node.dep_ in ("compound", "flat", "conj", "appos", "amod") and node.head != node:
            node = node.head
            continue
        break
    if node.dep_ == "pobj" and node.head.lower_ in LOCATIVE_PREPS:
        return node.head
    return None


# What a locative phrase may hang on between it and the act: another phrase of place or
# time ("at a rally in Dubuque", "during a visit in ..."), or, for a protest, what is
# blocked or occupied ("blocked roads in Eldoret").
_SETTING_PREPS = LOCATIVE_PREPS | {"at", "during", "on"}


def _where(prep: Token, c: EventCandidate) -> bool:
    """Whether the locative phrase says where the act itself happened: it hangs on the
    trigger (or its clause) through phrases of place only, never inside what the act is
    about ("an investigation into crimes in Burundi", "condemned the killings in Darfur")."""
    node = prep.head
    for _ in range(8):
        if node in (c.trigger, c.clause):
            return True
        if node.dep_ == "pobj" and node.head.lower_ in _SETTING_PREPS:
            node = node.head.head
        elif node.dep_ == "dobj" and c.type == "PROTEST":
            node = node.head
        else:
            return False
    return False


def _country_name(country: str | None) -> str | None:
    """The short English name of a country code ("COD" -> "Congo, The Democratic Republic
    of the" is pycountry's; its common name when it has one)."""
    if country is None:
        return None
    found = pycountry.countries.get(alpha_3=country)
    if found is None:
        return None
    return str(getattr(found, "common_name", None) or found.name)


def _as_country(ref: ActorRef, ctx: RuleContext) -> ActorRef:
    """A town the place rules made a recipient, as the country it stands for (named as the
    text names that state, else by its common name)."""
    if ref.country is None:
        return ref
    state = ctx.actors.state(ref.country)
    name = state.name if state.name != ref.country else _country_name(ref.country)
    return ref.model_copy(update={"name": name}) if name else ref


def _governments(places: list[ActorRef]) -> tuple[ActorRef, ...]:
    countries = sorted({p.country for p in places if p.country})
    return tuple(
        ActorRef(
            id=f"desc:{country}:GOV:government",
            name=f"{country} government",
            country=country,
            sector="GOV",
        )
        for country in countries
    )
