"""Offices of a region: the country a state, province or city gives an office holder.

News names sub-national offices by their region, not their country: "Ohio Gov. Tom Whitfield",
"Governor Whitfield of Nebraska", "Lagos State Governor Bola Adeyemi", and US members of
Congress by party and state, "Sen. Mark Halvorsen (R-Ohio)", "Rep. Linda Farrow, D-Calif.,".
The region is no actor of its own (the actor stage reads countries, capitals and demonyms), so a
title that names no country takes the country of the region the text puts right at it, and a
party-state tag makes a member of the US Congress (USA, LEG). A document about one country
also counts its cities and regions as mentions of it (`region_countries`), so that "Sen. Doe
said in Columbus" is of the country the article is about.

Places are read with `places.resolve_place` (loaded on first use), only for the few GPE
entities next to a title or in a document with a country-less office holder.
"""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Doc, Span

from eventline.nlp.places import resolve_place

#: Kinds of place that are a region of a country, not the country itself.
_REGION_KINDS = frozenset({"admin1", "city"})
#: The party letters of a US party-state tag ("R-Ohio", "D-N.Y.", "I-Vt.").
_PARTY_LETTERS = frozenset({"R", "D", "I"})
_HYPHENS = frozenset({"-", "‐", "–"})
#: Words a region's name may end with that the gazetteer does not list ("Lagos State").
_REGION_SUFFIXES = frozenset({"state", "province", "county", "region"})
_OPENERS = frozenset({"(", ","})


def region_country(name: str) -> str | None:
    """The country of a first-level region or a city the name means (not of a country's own
    name: "Georgia" is left to the actor stage, which reads it as the country)."""
    words = name.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    if len(words) > 1 and words[-1].lower() in _REGION_SUFFIXES:
        words = words[:-1]
    if not words:
        return None
    place = resolve_place(" ".join(words), towns=False)
    if place is None or place.kind not in _REGION_KINDS:
        return None
    return place.country


#: Title keys (roles.yaml) of the offices a US state has: "Georgia Gov.", "Georgia Sen.",
#: "Georgia Secretary of State", "Georgia Attorney General" (a judge-sector title).
STATE_OFFICES = frozenset({"governor", "lawmaker", "judge", "secretary_of_state"})
#: Words naming a US state's legislature ("the Georgia Legislature", "Georgia Senate"); a
#: country's is its "parliament" ("Georgia parliament passes law").
STATE_BODIES = frozenset({"legislature", "senate", "state senate", "general assembly"})


def us_state_namesake(name: str) -> bool:
    """Is a country's name also a US state's ("Georgia")? Before a state's office ("Georgia
    Gov. Brian Kemp", "Georgia Sen.") it is the state: the country's English-language news
    writes "Georgian" or "Georgia's" before its officials' titles."""
    place = resolve_place(name, hints=("USA",), towns=False)
    return place is not None and place.kind == "admin1" and place.country == "USA"


def party_state_tag(doc: Doc, end: int) -> bool:
    """Is the name ending at token `end` followed by a US party-state tag, "(R-Ohio)" or
    ", D-Calif.,"? Only members of the US Congress (and state legislators) are named so."""
    if end + 3 >= len(doc) or doc[end].text not in _OPENERS:
        return False
    letter, dash, state = doc[end + 1], doc[end + 2], doc[end + 3]
    return (
        letter.text in _PARTY_LETTERS
        and dash.text in _HYPHENS
        and not letter.whitespace_
        and state.text[:1].isupper()
    )


def _gpe_ending_at(doc: Doc, end: int) -> Span | None:
    """The GPE (or ORG) entity whose last token is `end - 1`, read from the tokens' entity tags
    (building `doc.ents` costs more than the whole test)."""
    if end < 1 or doc[end - 1].ent_type_ not in ("GPE", "ORG"):
        return None
    if end < len(doc) and doc[end].ent_iob_ == "I":
        return None  # the entity goes on past `end`
    start = end - 1
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    return doc[start:end]


def _gpe_starting_at(doc: Doc, start: int) -> Span | None:
    """The GPE entity that begins at token `start`."""
    if start >= len(doc) or doc[start].ent_iob_ != "B" or doc[start].ent_type_ != "GPE":
        return None
    end = start + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start:end]


def country_before_title(doc: Doc, start: int) -> str | None:
    """ "Ohio Gov.", "Lagos State Governor", "Chicago Mayor": the country of a region or city
    named right before a title starting at token `start` (an organisation's name is no region:
    the NER reads "Lagos State" as ORG, so ORG spans count only when the gazetteer knows them
    as a region)."""
    ent = _gpe_ending_at(doc, start)
    return region_country(ent.text) if ent is not None else None


def country_after_name(doc: Doc, end: int) -> str | None:
    """ "Governor Tom Whitfield of Nebraska": the country of the region named by "of" right
    after a titled name ending at token `end`."""
    if end + 1 >= len(doc) or doc[end].lower_ != "of":
        return None
    ent = _gpe_starting_at(doc, end + 1)
    if ent is not None:
        return region_country(ent.text)
    stop = end + 1  # a region the NER left unlabelled ("of Lagos State")
    while stop < min(len(doc), end + 4) and doc[stop].text[:1].isupper() and doc[stop].is_alpha:
        stop += 1
    return region_country(doc[end + 1 : stop].text) if stop > end + 1 else None


def region_countries(doc: Doc, taken: Collection[int]) -> dict[str, int]:
    """How often the document's GPE entities outside actor spans (`taken` tokens) name a
    region or city of each country ("Columbus", "Ohio", "WASHINGTON")."""
    counts: dict[str, int] = {}
    for ent in doc.ents:
        if ent.label_ != "GPE" or any(i in taken for i in range(ent.start, ent.end)):
            continue
        country = region_country(ent.text)
        if country:
            counts[country] = counts.get(country, 0) + 1
    return counts
