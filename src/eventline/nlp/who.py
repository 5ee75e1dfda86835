"""Who a person's name means on a day, from the generated KB (`actor_kb.people()`).

A name may fit several KB people ("Clinton": Bill and Hillary; "Bush": two presidents). The
date decides: the one holding a dated role that day; else, for a bare surname whose people
share one country, the one active most recently before the day ("Clinton" in 2016 is Hillary
Clinton, in 1998 Bill Clinton). Two people of different countries with no single active one
give no answer: the name stays unresolved rather than guessed.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span

from eventline.nlp.actor_kb import KbPerson, KbRole, Standing, name_key, people
from eventline.nlp.names import fold_part, name_parts


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


def match_titled(name: str, sectors: Collection[str], day: str | None) -> PersonMatch | None:
    """The KB person a title and a bare surname mean on `day` ("Senator Warner", "Rep.
    Pelosi"): the one person with that surname holding an office of a sector the title gives
    on `day` (None, as while parsing: at any time). None when nobody, or several, fit."""
    parts = name_parts(name)
    if len(parts) != 1 or not sectors:
        return None
    index = people()
    day = day if day and day[:4].isdigit() else None  # "--06": a month of unknown year
    found = {n: index.people[n] for n, _ in index.by_surname.get(fold_part(parts[0]), [])}
    fits = [(p, r) for p in found.values() if (r := _office(p, sectors, day)) is not None]
    if len(fits) != 1:
        return None
    person, role = fits[0]
    return PersonMatch(person, role.country, role.sector, True)


def _office(person: KbPerson, sectors: Collection[str], day: str | None) -> KbRole | None:
    """The person's latest dated office of one of `sectors` held on `day` (None: ever)."""
    held = [
        r
        for r in person.roles
        if r.country and r.sector in sectors and (r.active(day) if day else r.dated)
    ]
    return max(held, key=lambda r: r.start or "") if held else None


def _match(person: KbPerson, standing: Standing) -> PersonMatch:
    return PersonMatch(person, standing.country, standing.sector, standing.active)


def person_at(person_id: str, day: str | None) -> Standing | None:
    """A KB person's country and sector on `day` (an event's date): the role held then."""
    person = people().by_id.get(person_id)
    return person.at(day) if person is not None else None


#: Sectors of the offices that make a bare surname well known enough to name a person even
#: where the NER model reads it as an organisation or a place (or leaves it unlabelled): the
#: state's offices, a justice ("Kavanaugh"), a spy chief, an opposition or armed-group leader.
_NOTABLE = frozenset({"GOV", "MIL", "JUD", "LEG", "SPY", "COP", "OPP", "REB"})


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


#: Lower-case words inside a name ("Dominique de Villepin", "Ursula von der Leyen").
_NAME_PARTICLES = frozenset(
    {"de", "da", "do", "dos", "das", "di", "del", "della", "van", "von", "der", "den", "la",
     "le", "du", "bin", "ibn", "al", "el", "ben", "y"}
)  # fmt: skip
_MAX_RUN = 7  # tokens: "Luiz Inácio Lula da Silva", "Moon Jae - in"


@lru_cache(maxsize=1)
def _last_parts() -> frozenset[str]:
    """Folded last parts of every multi-word KB name key: a cheap first test for a run end."""
    return frozenset(k.rsplit(" ", 1)[-1] for k in people().by_key if " " in k)


#: Another list of full names for `kb_names`: the folded last words of its names (a cheap
#: first test) and a test of a whole name (the office-holders file, which imports this module).
NameList = tuple[frozenset[str], Callable[[str], bool]]


def kb_names(doc: Doc, blocked: Collection[int], *, also: NameList | None = None) -> list[Span]:
    """Multi-word names of KB people in `doc` the NER model may miss or cut ("Theresa May"
    read as a date, "Moon Jae-in" cut at the hyphen, "Ursula von der Leyen" split, "Dominique
    de Villepin" read as an organisation): the longest run of capitalised words (with
    lower-case particles and hyphenated parts inside) from each start whose folded name is a
    KB person's full name (or a name of `also`). Tokens in `blocked` (titles, known actors)
    are never part of one."""
    out: list[Span] = []
    i, n = 0, len(doc)
    while i < n:
        if i in blocked or not _capital(doc[i]):
            i += 1
            continue
        end = _run_end(doc, i, blocked)
        found = _longest_name(doc, i, end, also) if end - i > 1 else None
        if found is not None:
            out.append(found)
            i = found.end
        else:
            i += 1
    return out


def _capital(tok: object) -> bool:
    text: str = tok.text  # type: ignore[attr-defined]
    return text[:1].isupper() and _wordlike(text)


def _wordlike(text: str) -> bool:
    """Letters, with dots of initials and apostrophes inside ("Yar'Adua", "O'Brien")."""
    return text.replace(".", "").replace("'", "").replace("’", "").isalpha()


def _run_end(doc: Doc, start: int, blocked: Collection[int]) -> int:
    j = start + 1
    while j < len(doc) and j - start < _MAX_RUN and j not in blocked:
        tok = doc[j]
        nxt = doc[j + 1] if j + 1 < len(doc) else None
        if _capital(tok) or (tok.lower_ in _NAME_PARTICLES and _particles_end(doc, j)):
            j += 1
        elif (
            tok.text in ("-", "‐")
            and not doc[j - 1].whitespace_
            and not tok.whitespace_
            and nxt is not None
            and nxt.is_alpha
        ):
            j += 2  # "Jae - in", "Jong - un": one hyphenated part
        else:
            break
    return min(j, len(doc))


def _particles_end(doc: Doc, j: int) -> bool:
    """Particles from `j` on lead to a capitalised word ("von der Leyen")."""
    while j < len(doc) and (
        doc[j].lower_ in _NAME_PARTICLES
        or (doc[j].text in ("-", "‐") and not doc[j - 1].whitespace_)  # "al-Abidine"
    ):
        j += 1
    return j < len(doc) and _capital(doc[j])


def _longest_name(doc: Doc, start: int, end: int, also: NameList | None) -> Span | None:
    last = _last_parts()
    other, known = also if also is not None else (frozenset(), None)
    for stop in range(end, start + 1, -1):
        tail = doc[stop - 1]
        if not _wordlike(tail.text) or tail.lower_ in _NAME_PARTICLES:
            continue
        folded = fold_part(tail.text)
        if folded not in last and folded not in other:
            continue
        span = doc[start:stop]
        if len(name_parts(span.text)) < 2:
            continue
        if people().by_key.get(name_key(span.text)) or (known is not None and known(span.text)):
            return span
    return None
