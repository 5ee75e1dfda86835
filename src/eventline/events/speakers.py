"""Who a speaker phrase names: pronouns, role nouns, bodies, appositions and spokespeople.

A quote's speaker is often not a name: "she said", "the senator said", "the ministry said", "a
spokesperson for the Department of Homeland Security said", "Israel's defence minister, Avi
Geller, warned". This module turns such phrases into the actor they refer to:

- a he/she is the last person named before it outside direct quotes (a name inside someone's
  quote is talked about, not talking), first among those named as subjects or as the source of
  "according to", skipping anyone the text has already called he (for a she) or she, skipping anyone
  the text or a given name shows to be of the other gender ("Governor Linda Okafor met Mayor
  Robert Haines ... She said": Okafor). Given names come from `resources/quotes/first_names.yaml`;
  a name not listed there never excludes a person;
- "the senator", "the congresswoman" is the last person named before with a role of the same
  office (`role_groups`: "Representative Laura Benning" is the congresswoman);
- "the ministry", "the agency" is the last body named before it whose name holds that noun
  or that a noun phrase in apposition calls so ("NPD Group, a research firm": "the firm"),
  else the last body of any name in the preceding sentences (`body_nouns`); "the company",
  "the carmaker" is never a government body (`business_nouns`);
- another definite description of a person ("the Republican", "the candidate", "the
  62-year-old", or a role no one named before holds) is the person last named as a subject
  in its sentence or the two before (`person_nouns`);
- a role noun with a person in apposition ("the defence minister, Avi Geller") is that person;
- a spokesperson, official or aide "for"/"of"/"at" a body, or the body's own ("the
  ministry's spokesman"), speaks for that body (`spokes_nouns`).

The word lists live in `resources/quotes/cues.yaml`, validated once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import yaml
from spacy.tokens import Span, Token

from eventline.errors import ResourceError
from eventline.events.args import SPAN_KEY, ActorIndex, is_person
from eventline.events.intervals import Intervals
from eventline.events.patterns import lexicon
from eventline.model import ActorRef, Quote

_CUES = "resources/quotes/cues.yaml"
_NAMES = "resources/quotes/first_names.yaml"
_LISTS = (
    "reporting_verbs",
    "naming_verbs",
    "accusing_verbs",
    "sign_words",
    "text_nouns",
    "body_nouns",
    "spokes_nouns",
    "document_nouns",
    "evidence_nouns",
    "label_nouns",
    "claim_nouns",
    "issuing_verbs",
    "person_nouns",
    "business_nouns",
    "business_sectors",
    "thinking_verbs",
)
_NAMED_AS_SUBJECT = {"nsubj", "nsubjpass", "appos", "compound"}
_STATE_LABELS = {"GPE", "NORP", "LOC", "COUNTRY"}
_PLACE_LABELS = _STATE_LABELS | {"METONYM"}
Spans = Intervals
_SPOKEN_FOR = ("for", "of", "at", "from", "in", "by")
_ROLE_OF = ("of", "at", "for", "with")  # "chief strategist at Lakeport Capital, Ann Roe"


@dataclass(frozen=True)
class QuoteCues:
    """The quote stage's word lists and given-name genders."""

    words: dict[str, frozenset[str]]
    roles: tuple[frozenset[str], ...]
    genders: dict[str, str]

    def __getitem__(self, name: str) -> frozenset[str]:
        return self.words[name]


def _load(path: str) -> dict[str, Any]:
    try:
        text = resources.files("eventline").joinpath(path).read_text(encoding="utf-8")
        data: Any = yaml.safe_load(text)
    except (OSError, yaml.YAMLError) as exc:
        raise ResourceError(path, f"cannot read: {exc}") from exc
    if not isinstance(data, dict) or data.get("version") != 1:
        raise ResourceError(path, "expected a mapping with version: 1")
    return data


def _word_list(data: dict[str, Any], key: str, path: str) -> frozenset[str]:
    value = data.get(key)
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        raise ResourceError(path, f"{key}: expected a non-empty list of words")
    return frozenset(v.lower() for v in value)


@cache
def quote_cues() -> QuoteCues:
    """The packaged quote cues, validated once per process; a missing list is an error."""
    data, names = _load(_CUES), _load(_NAMES)
    words = {key: _word_list(data, key, _CUES) for key in _LISTS}
    groups = data.get("role_groups")
    if not isinstance(groups, list) or not groups:
        raise ResourceError(_CUES, "role_groups: expected a list of word lists")
    roles = tuple(_word_list({"group": g}, "group", _CUES) for g in groups)
    female, male = _word_list(names, "female", _NAMES), _word_list(names, "male", _NAMES)
    if both := female & male:
        raise ResourceError(_NAMES, f"names listed as both genders: {sorted(both)[:5]}")
    genders = {n: "female" for n in female} | {n: "male" for n in male}
    return QuoteCues(words, roles, genders)


def text_source(speaker_text: str | None) -> bool:
    """Whether a speaker phrase names a written text, not a speaker ("the 14th Amendment",
    "Section 3 of the law", "the statute")."""
    words = (speaker_text or "").lower().replace(",", " ").split()
    head = words[: words.index("of")] if "of" in words else words
    return bool(head) and head[-1] in quote_cues()["text_nouns"]


def authorless(speaker: ActorRef | None, speaker_text: str | None, *, direct: bool = False) -> bool:
    """Whether a statement is a document's with no author found ("according to a memo
    circulated on Friday", "a memo urges agencies to ..."): a text no one is said to have
    written, not a speaker. A definite one's reported content ("the report", "the
    bankruptcy filing" indicated that ...) is one the story has named and sources, and
    stays a statement; words quoted from any document with no author (`the pollster's
    report described the race as “…”`) are the document's, nobody's statement."""
    if speaker is not None or not speaker_text:
        return False
    words = [w.strip(",.").lower() for w in speaker_text.split()]
    if not direct and words[0] not in ("a", "an"):
        return False
    head = words[: words.index("of")] if "of" in words else words
    cues = quote_cues()
    return bool(head) and head[-1] in cues["document_nouns"] | cues["evidence_nouns"]


def name_gender(name: str) -> str | None:
    """The gender a person's given name shows, if the name list knows it."""
    parts = [p.strip(".,").lower() for p in name.split()]
    genders = quote_cues().genders  # the first listed name before the surname ("Gov. Tom X")
    return next((genders[p] for p in parts[:-1] if p in genders), None)


def gender_of(ref: ActorRef, actors: ActorIndex) -> str | None:
    """What the text (an honorific, a role noun) or else the given name says."""
    return actors.genders.get(ref.id) or name_gender(ref.name)


def _outside(i: int, tok: Token, quoted: Spans) -> bool:
    return not quoted.covers(tok.doc[i].idx)


def pronoun_speaker(tok: Token, actors: ActorIndex, *, quoted: Spans) -> ActorRef | None:
    """The person a he/she speaker refers to (see the module docstring)."""
    found = _pronoun_antecedent(tok, actors, quoted=quoted)
    if found is None or unnamed_antecedent(tok, found[0], quoted=quoted) is not None:
        return None
    # the text has now spoken of this person as he or she: a later pronoun of the other
    # gender skips them ('"...," he said. She thanked him and said ...')
    gender = "female" if tok.lower_ in lexicon().cue("female_pronouns") else "male"
    actors.genders.setdefault(found[1].id, gender)
    return found[1]


def unnamed_speaker(tok: Token, actors: ActorIndex, *, quoted: Spans) -> Token | None:
    """The unnamed person ("a senior official") a he/she speaker refers to, if any."""
    found = _pronoun_antecedent(tok, actors, quoted=quoted)
    return unnamed_antecedent(tok, found[0] if found else -1, quoted=quoted)


def _pronoun_antecedent(
    tok: Token, actors: ActorIndex, *, quoted: Spans
) -> tuple[int, ActorRef] | None:
    gender = "female" if tok.lower_ in lexicon().cue("female_pronouns") else "male"
    people = [
        (i, ref)
        for i, ref in sorted(actors.persons + surname_mentions(tok, actors))
        if i < tok.i
        and _outside(i, tok, quoted)
        and not _a_place(i, actors)
        and gender_of(ref, actors) in (None, gender)
    ]
    subjects = [(i, ref) for i, ref in people if _named_as_subject(tok.doc[i])]
    # a subject first, but one named in this sentence or the two before goes before one
    # named further back ("Hale met Reed ... Lopez thanked Hall. He said": Hall)
    start = _sentences_back(tok, 2)
    described = [
        (i, ref)
        for i, ref in _described_subjects(tok, start, actors, quoted=quoted)
        if gender_of(ref, actors) in (None, gender)
    ]
    if described:  # "The former president also attacked ... he said": that president
        subjects = sorted(subjects + described, key=lambda pair: pair[0])
        people = sorted(people + described, key=lambda pair: pair[0])
    recent = [pair for pair in people if pair[0] >= start]
    pool = [p for p in subjects if p[0] >= start] or recent or subjects or people
    if not pool:
        return None
    return _surely_same(pool, tok, actors, gender)


def _surely_same(
    pool: list[tuple[int, ActorRef]], tok: Token, actors: ActorIndex, gender: str
) -> tuple[int, ActorRef]:
    """The last of `pool`, unless its gender is unknown and its sentence also names one the
    text shows to be of the pronoun's gender ("Ms. Okonkwo sued after Attorney General Ray
    Ellison rejected her request. “…,” she said": Okonkwo): the one known to fit."""
    last = pool[-1]
    if gender_of(last[1], actors) is not None:
        return last
    sent = tok.doc[last[0]].sent
    fits = [
        pair
        for pair in pool
        if sent.start <= pair[0] < sent.end and gender_of(pair[1], actors) == gender
    ]
    return fits[-1] if fits else last


def surname_mentions(tok: Token, actors: ActorIndex) -> list[tuple[int, ActorRef]]:
    """ "Council President Anthony Russo ... Russo, who faces ..., thanked the mayor": a lone
    surname before `tok` that the actor layer left untagged, of a person it named in full
    before, is that person again (so a later he/she can refer to it)."""
    known = [(i, ref) for i, ref in actors.persons if len(ref.name.split()) > 1]
    found = []
    for word in tok.doc[: tok.i]:
        if word.pos_ != "PROPN" or word.i in actors.by_token or not word.is_title:
            continue
        if word.dep_ in ("compound", "flat"):
            continue  # part of a longer name the layer did not take for this person
        same = [ref for i, ref in known if i < word.i and ref.name.split()[-1] == word.text]
        if same:
            found.append((word.i, same[-1]))
    return found


_INDEFINITE = frozenset({"a", "an", "one", "another"})
_OTHER_GENDER = {
    "male": frozenset({"woman", "spokeswoman", "businesswoman", "congresswoman"}),
    "female": frozenset({"man", "spokesman", "businessman", "congressman"}),
}


def unnamed_antecedent(tok: Token, after: int, *, quoted: Spans) -> Token | None:
    """ "A senior administration official said ... He added": the last speaker after token
    `after`, in the pronoun's sentence or the two before, that is a person no name is given
    for ("a doctor says", "one official said"); a he/she after it is that person, not
    someone named earlier."""
    gender = "female" if tok.lower_ in lexicon().cue("female_pronouns") else "male"
    cues = quote_cues()
    nouns = cues["person_nouns"] | cues["spokes_nouns"] | {w for g in cues.roles for w in g}
    speech = cues["reporting_verbs"] | lexicon().cue("speech_verbs")
    found = None
    for word in tok.doc[max(after + 1, _chain_start(tok)) : tok.i]:
        if word.dep_ != "nsubj" or word.pos_ != "NOUN" or word.tag_ != "NN":
            continue
        if word.head.lemma_.lower() not in speech:
            continue  # "A judge ordered Roe to stop. He said ...": the judge said nothing
        if word.lemma_.lower() not in nouns or word.lemma_.lower() in _OTHER_GENDER[gender]:
            continue
        det = [c for c in word.children if c.dep_ in ("det", "nummod")]
        if det and det[0].lower_ in _INDEFINITE and _outside(word.i, tok, quoted):
            found = word
    return found


_CHAIN_SENTENCES = 6


def _chain_start(tok: Token) -> int:
    """Where to look back for the person a he/she refers to: the sentence or the two before,
    or further back over sentences that have no other person as a subject ("says a doctor
    from Hebron. ... he explains ... Normally, he'd visit ... Three others died. “…,” he
    says"): the first sentence before that chain."""
    words = {tok.lower_} | (
        lexicon().cue("female_pronouns")
        if tok.lower_ in lexicon().cue("female_pronouns")
        else {"he", "him", "his"}
    )
    start = tok.sent.start
    for _ in range(_CHAIN_SENTENCES):
        if start == 0:
            break
        sent = tok.doc[start - 1].sent
        start = sent.start
        subjects = [t for t in sent if t.dep_ in ("nsubj", "nsubjpass")]
        other = lexicon().cue("person_pronouns") - words
        if any(t.pos_ == "PROPN" or t.tag_ == "NN" or t.lower_ in other for t in subjects):
            break  # someone else spoken of ("Three others were shot" names no one)
    return min(start, _sentences_back(tok, 2))


def _described_subjects(
    tok: Token, start: int, actors: ActorIndex, *, quoted: Spans
) -> list[tuple[int, ActorRef]]:
    """The subjects between `start` and `tok` that describe a person named before ("the
    senator", "the former president", "the Republican"), with the person each one is."""
    found = []
    for word in tok.doc[start : tok.i]:
        if word.dep_ not in ("nsubj", "nsubjpass") or word.pos_ != "NOUN":
            continue
        if word.tag_ == "NNS" or not _outside(word.i, tok, quoted):
            continue
        if not any(c.lower_ == "the" and c.dep_ == "det" for c in word.children):
            continue
        ref = role_speaker(word, actors, quoted=quoted) or described_person(
            word, actors, quoted=quoted
        )
        if ref is not None:
            found.append((word.i, ref))
    return found


def learn_genders(quotes: Iterable[Quote], actors: ActorIndex) -> None:
    """Record the gender of each person a he/she speaker of `quotes` was resolved to (the
    direct quotes are attributed on another actor index than the reported speech after them)."""
    female = lexicon().cue("female_pronouns")
    for quote in quotes:
        word = (quote.speaker_text or "").lower()
        if quote.speaker is not None and word in lexicon().cue("person_pronouns"):
            actors.genders.setdefault(quote.speaker.id, "female" if word in female else "male")


def described_person(tok: Token, actors: ActorIndex, *, quoted: Spans) -> ActorRef | None:
    """ "the Republican said", "the 62-year-old said", "the candidate told supporters": a
    definite description of a person, when no earlier person holds that role
    (`role_speaker`), is the person last named as a subject (else last named) in its sentence
    or the two before, outside direct quotes."""
    word = tok.lemma_.lower()
    year_old = word == "old" and any(c.lemma_.lower() == "year" for c in tok.children)
    roles = {w for group in quote_cues().roles for w in group}
    if not (year_old or word in quote_cues()["person_nouns"] or word in roles):
        return None
    if tok.tag_ in ("NNS", "NNPS"):
        return None  # "the candidates said": several people
    start = _sentences_back(tok, 2)
    people = [
        (i, ref)
        for i, ref in actors.persons
        if start <= i < tok.i and _outside(i, tok, quoted) and not _a_place(i, actors)
    ]
    if word in roles:  # "the governor" is no one the text names a senator
        people = [(i, ref) for i, ref in people if not _other_office(word, tok.doc[i])]
    people = [(i, ref) for i, ref in people if not _names_a_body(tok.doc[i])]
    subjects = [(i, ref) for i, ref in people if _named_as_subject(tok.doc[i])]
    pool = subjects or people
    return pool[-1][1] if pool else None


def _names_a_body(name: Token) -> bool:
    """ "the Trump campaign", "the Biden administration": a name modifying a body noun names
    the body, not a person who acts or speaks."""
    return name.dep_ == "compound" and name.head.lemma_.lower() in quote_cues()["body_nouns"]


def _other_office(word: str, name: Token) -> bool:
    """Whether the text gives a person an office and none of them is `word`'s ("Rep. Jim
    Jordan" is not "the governor")."""
    held = {w.rstrip(".") for w in roles_of(name)}
    offices = {w for w in held if any(w in group for group in quote_cues().roles)}
    return bool(offices) and not offices & _office(word)


def _named_as_subject(tok: Token) -> bool:
    """Named as the one who acts or speaks: a subject (or its apposition or compound), or the
    source of "according to X" ("..., according to spokesman Ali Demir. Since then, he says,
    ...": he is the source, not a magazine named as a subject before)."""
    if tok.dep_ in _NAMED_AS_SUBJECT:
        return True
    prep = tok.head
    return (
        tok.dep_ == "pobj"
        and prep.lower_ == "to"
        and prep.i > 0
        and tok.doc[prep.i - 1].lower_ == "according"
    )


def _a_place(i: int, actors: ActorIndex) -> bool:
    """A token the entity model took for a person but the actor layer knows as a state or a
    capital standing for one ("Kyiv had accepted"): never a he/she."""
    return any(span.label_ in _PLACE_LABELS for span, _ in actors.by_token.get(i, ()))


def _office(word: str) -> frozenset[str]:
    """Every role word of the offices `word` belongs to (itself when none)."""
    found = {word}
    for group in quote_cues().roles:
        if word in group:
            found |= group
    return frozenset(found)


def roles_of(name: Token) -> set[str]:
    """Role words around a person's name: its title ("Defence Minister Ana Ruiz"), the noun it
    is in apposition to ("the army chief, Karl Hoffmann") or that stands in apposition to it."""
    words = {
        c.lemma_.lower() for c in name.children if c.dep_ in ("compound", "amod", "appos", "nmod")
    }
    if name.dep_ == "appos":
        words.add(name.head.lemma_.lower())
    return words


def role_speaker(tok: Token, actors: ActorIndex, *, quoted: Spans) -> ActorRef | None:
    """The person last named before `tok` with a role of the same office."""
    if tok.lemma_.lower() in quote_cues()["body_nouns"]:
        return None  # "the ministry" is a body, never its spokeswoman
    office = _office(tok.lemma_.lower()) | _office(tok.lower_)
    titled = [
        (i, ref)
        for i, ref in actors.persons
        if i < tok.i and _outside(i, tok, quoted) and roles_of(tok.doc[i]) & office
    ]
    # "the former president" is the one named "Former President ...", "the president" not
    former = _former(tok, tok.i)
    same = [pair for pair in titled if _former(tok.doc[pair[0]], pair[0]) == former]
    pool = same or titled
    return pool[-1][1] if pool else None


_FORMER = frozenset({"former", "ex", "ex-"})


def _former(tok: Token, before: int) -> bool:
    """Whether a role or a name carries "former" ("the former president", "Former President
    Ann Roe", "ex-Gov. Ann Roe")."""
    return any(t.lower_ in _FORMER for t in tok.subtree if t.i < before)


def body_speaker(tok: Token, actors: ActorIndex, *, quoted: Spans | None = None) -> ActorRef | None:
    """ "the ministry", "the agency", "it": the body last named before it (module docstring),
    never one named inside a direct quote (talked about, not talking)."""
    noun = tok.lemma_.lower()
    pronoun = tok.pos_ == "PRON"  # "it said": the body named last, whatever its name
    if not pronoun and noun not in quote_cues()["body_nouns"]:
        return None
    spans = [
        span
        for span in actors.doc.spans.get(SPAN_KEY, ())
        if span.end <= tok.i and (quoted is None or not quoted.covers(span.root.idx))
    ]
    bodies = [
        (span, ref)
        for span in spans
        if not is_person(span)
        and span.label_ not in _STATE_LABELS
        and (ref := actors.covering(span.root)) is not None
        and not actors.is_person_ref(ref)  # "Boeing's chief executive, Dave Calhoun"
        and _can_be(noun, ref)
    ]
    bodies.sort(key=lambda pair: pair[0].start)
    named = [] if pronoun else [r for span, r in bodies if noun in _called(span)]
    if named:
        return named[-1]
    if not pronoun and (owner := _owned_body(noun, spans, actors)) is not None:
        return owner
    near = [(span, ref) for span, ref in bodies if span.sent.start >= _sentences_back(tok, 2)]
    # first among those named as subjects, as for a he/she ("after Consumer Reports declined
    # to rate Apple's phone ... The group said": the group is the one that declined)
    subjects = [ref for span, ref in near if _body_subject(span.root)]
    pool = subjects or [ref for _, ref in near]
    if pool or noun not in quote_cues()["business_nouns"]:
        return pool[-1] if pool else None
    # none named lately: "the company" of a story about one is the business it names most
    counts: dict[str, int] = {}
    for _, ref in bodies:
        counts[ref.id] = counts.get(ref.id, 0) + 1
    most = [ref for _, ref in bodies if counts[ref.id] == max(counts.values(), default=0)]
    return most[-1] if most and counts[most[-1].id] > 1 else None


#: Bodies a person leads or runs for office with, named after that person ("the Trump
#: campaign", "Haley's campaign", "the Biden administration", "Schumer's office").
_OWNED_BODIES = frozenset(("campaign", "administration", "office", "team"))


def _owned_body(noun: str, spans: list[Span], actors: ActorIndex) -> ActorRef | None:
    """ "The Trump campaign attacked the ruling ... “…,” the campaign said": a campaign,
    administration or office the text names only after its person speaks for that person;
    the last one named so with the same noun."""
    if noun not in _OWNED_BODIES:
        return None
    owners = [
        ref
        for span in spans
        if is_person(span)
        and span.root.dep_ in ("compound", "poss")
        and span.root.head.lemma_.lower() == noun
        and (ref := actors.covering(span.root)) is not None
    ]
    return owners[-1] if owners else None


def _body_subject(root: Token) -> bool:
    """A body named as the one acting: a subject or its apposition, or a name compounded on
    a subject ("the Farm Bureau's members"), not one modifying an object ("welcomed the
    Senate vote": the Senate did nothing)."""
    if root.dep_ in ("nsubj", "nsubjpass", "appos"):
        return True
    return root.dep_ == "compound" and root.head.dep_ in ("nsubj", "nsubjpass")


_NAMED_LATER_SENTENCES = 3


def named_later(tok: Token, actors: ActorIndex, own: tuple[ActorRef, ...]) -> ActorRef | None:
    """ "North Korea's official newspaper blasted Seoul ... . “…,” the Rodong Sinmun said": a
    speaker described by its role only (no name of its own, only its state's), with no
    earlier one it could be, is the first one of that kind that the next sentences name
    speaking for the first time (a body for a body noun, a person for a person noun)."""
    if tok.pos_ != "NOUN" or tok.tag_ != "NN":
        return None
    cues = quote_cues()
    noun = tok.lemma_.lower()
    person = noun in cues["person_nouns"] | {w for g in cues.roles for w in g}
    if not person and noun not in cues["body_nouns"]:
        return None
    if actors.by_token.get(tok.i) or len(own) > 2:
        return None  # a name of its own ("the Tribune newspaper")
    spans = actors.doc.spans.get(SPAN_KEY, ())
    states = {r.id for span in spans if span.label_ in _PLACE_LABELS if (r := _ref(span, actors))}
    before = {r.id for span in spans if span.end <= tok.i if (r := _ref(span, actors))}
    if person and any(i < tok.i for i, _ in actors.persons):
        return None  # someone named before may be meant ("the senator")
    speech = cues["reporting_verbs"] | lexicon().cue("speech_verbs")
    end = tok.sent.end
    for _ in range(_NAMED_LATER_SENTENCES):
        if end >= len(actors.doc):
            break
        end = actors.doc[end].sent.end
    for span in spans:
        if not tok.sent.end <= span.start < end or (ref := _ref(span, actors)) is None:
            continue
        root = span.root
        if root.dep_ not in ("nsubj", "nsubjpass") or root.head.lemma_.lower() not in speech:
            continue
        if ref.id in before or ref.id in states or is_person(span) != person:
            continue
        return ref
    return None


def _ref(span: Span, actors: ActorIndex) -> ActorRef | None:
    return actors.covering(span.root)


_COMPASS = frozenset({"north", "south", "east", "west"})


def compass_short(tok: Token, actors: ActorIndex) -> ActorRef | None:
    """ "the North", "the South": the short name of a state named before as "North …" or
    "South …" ("North Korea ... The North warned": North Korea); none named, no one."""
    if tok.lower_ not in _COMPASS or not any(c.lower_ == "the" for c in tok.lefts):
        return None
    if any(c.dep_ in ("compound", "amod") for c in tok.children) or tok.dep_ == "compound":
        return None  # "the North Atlantic", "the South's committee" is still this one
    named = [
        ref
        for span in actors.doc.spans.get(SPAN_KEY, ())
        if span.end <= tok.i
        and len(span) > 1
        and span[0].lower_ == tok.lower_
        and (ref := actors.covering(span.root)) is not None
    ]
    return named[-1] if named else None


#: Body nouns for a news outlet: "the paper wrote" is the newspaper named before, never the
#: state or party it wrote about (belongs beside `business_nouns` in resources/quotes/cues.yaml).
_MEDIA_NOUNS = frozenset(
    ("newspaper", "paper", "daily", "magazine", "broadcaster", "tabloid", "outlet", "network")
)
_MEDIA_SECTORS = frozenset(("med", "none"))


def _can_be(noun: str, ref: ActorRef) -> bool:
    """Whether a body could be "the <noun>": a business noun never names a government body,
    a media noun only a news outlet (or a body the actor layer did not place)."""
    cues = quote_cues()
    sector = (ref.sector or "none").lower()
    if noun in _MEDIA_NOUNS:
        return sector in _MEDIA_SECTORS
    return noun not in cues["business_nouns"] or sector in cues["business_sectors"]


def _called(span: Span) -> set[str]:
    """The nouns a body is called by: those of its name and of a noun phrase in apposition
    ("NPD Group, a market research firm": "the firm" is NPD Group)."""
    words = {t.lemma_.lower() for t in span}
    return words | {c.lemma_.lower() for c in span.root.children if c.dep_ == "appos"}


def _sentences_back(tok: Token, n: int) -> int:
    """The first token of the sentence `n` sentences before `tok`'s."""
    start = tok.sent.start
    for _ in range(n):
        if start == 0:
            break
        start = tok.doc[start - 1].sent.start
    return start


def apposed_person(tok: Token, actors: ActorIndex) -> Token | None:
    """ "Israel's defence minister, Avi Geller": the person named in apposition to a role, or
    to the body the role is "of" or "at" ("the general secretary of the union Unite, Tony
    Woodley", "said chief strategist at Lakeport Capital, Ann Roe")."""
    if tok.pos_ != "NOUN":
        return None
    heads = [tok] + [
        obj
        for prep in tok.children
        if prep.dep_ == "prep" and prep.lower_ in _ROLE_OF
        for obj in prep.children
        if obj.dep_ == "pobj"
    ]
    for head in heads:
        for child in head.children:
            if child.dep_ != "appos" or child.pos_ != "PROPN":
                continue
            found = actors.by_token.get(child.i, ())
            # the entity model sometimes takes a foreign name for a body: an appositive
            # proper name after a role noun is that person unless it is a state
            if head is tok and any(is_person(s) or s.label_ not in _STATE_LABELS for s, _ in found):
                return child
            if head is not tok and any(is_person(span) for span, _ in found):
                return child
    return None


def spoken_for(tok: Token) -> Token | None:
    """ "a spokesperson for the ministry", "officials at the agency": the body spoken for; "a
    statement by the company given by its spokesman Ed Ray": the last one named (the author)."""
    if tok.lemma_.lower() not in quote_cues()["spokes_nouns"]:
        return None
    preps = [p for p in tok.children if p.dep_ == "prep" and p.lower_ in _SPOKEN_FOR]
    preps += [
        a for acl in tok.children if acl.dep_ == "acl" for a in acl.children if a.dep_ == "agent"
    ]
    found = [
        obj
        for prep in sorted(preps, key=lambda p: p.i)
        for obj in prep.children
        if obj.dep_ == "pobj" and obj.pos_ in ("PROPN", "NOUN")
    ]
    if tok.lemma_.lower() in quote_cues()["document_nouns"]:
        return found[-1] if found else None
    owner = [c for c in tok.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN")]
    return found[0] if found else owner[0] if owner else None  # "the ministry's spokesman"
