"""Who a person's name means on a day, from the generated KB (`actor_kb.people()`).

A name may fit several KB people ("Clinton": Bill and Hillary; "Bush": two presidents). The
date decides: the one holding a dated role that day; else, for a bare surname whose people
share one country, the one active most recently before the day ("Clinton" in 2016 is Hillary
Clinton, in 1998 Bill Clinton). Two people of different countries with no single active one
give no answer: the name stays unresolved rather than guessed.
"""

from __future__ import annotations

from dataclasses import dataclass

from eventline.nlp.actor_kb import KbPerson, Standing, name_key, people


@dataclass(frozen=True)
class PersonMatch:
    """The KB person a name means on a day (None when only the country is certain)."""

    person: KbPerson | None
    country: str | None
    sector: str | None
    active: bool


def match_person(name: str, day: str | None) -> PersonMatch | None:
    """The KB's reading of `name` on `day` (ISO date or None for the latest roles)."""
    found = people().candidates(name)
    if not found:
        return None
    states = [(p, p.at(day)) for p in found]
    if len(states) == 1:
        return _match(*states[0])
    working = [(p, s) for p, s in states if s.active and s.sector != "ELI"]
    if len(working) == 1:
        return _match(*working[0])
    countries = {s.country for _, s in states}
    if len(countries) != 1:
        return None
    if " " not in name_key(name):
        latest = max(s.last_active for _, s in states)
        recent = [(p, s) for p, s in states if s.last_active == latest]
        if latest and len(recent) == 1:
            return _match(*recent[0])
    return PersonMatch(None, next(iter(countries)), None, False)


def _match(person: KbPerson, standing: Standing) -> PersonMatch:
    return PersonMatch(person, standing.country, standing.sector, standing.active)


def person_at(person_id: str, day: str | None) -> Standing | None:
    """A KB person's country and sector on `day` (an event's date): the role held then."""
    person = people().by_id.get(person_id)
    return person.at(day) if person is not None else None


#: Sectors of the offices that make a bare surname well known enough to name a person even
#: where the NER model reads it as an organisation or a place.
_NOTABLE = frozenset({"GOV", "MIL"})


def known_person_name(text: str) -> bool:
    """Does `text` (an NER ORG/GPE span) name a KB person? A full name of two or more words
    that the KB lists; a single capitalised word only when the KB lists it as used alone for
    a head of state or minister and every person it may mean has one country."""
    words = text.split()
    if not words or not all(w[:1].isupper() for w in words if w[:1].isalpha()):
        return False
    found = people().candidates(text)
    if not found:
        return False
    if len(name_key(text).split()) > 1:
        return True
    if len(text) < 4 or text.isupper():
        return False
    countries = {c for p in found for c in p.countries}
    return len(countries) == 1 and any(r.sector in _NOTABLE for p in found for r in p.roles)
