"""The sentence of a fact-check that states the checked claim, and who made it.

Fact-checkers open by stating the claim and attributing it: "Sen. X said in a television
interview on Nov. 3 that ...", "A post claims ...", "Viral posts say ...", "An account on X,
@handle, posted on May 12 that ...", "Gov. Y changed her position on ...". We take the first
such sentence of the opening paragraphs and split it into

- the claimant: the subject before the speech verb. A subject about posts, videos or accounts
  is "social media posts" (or the handle it names, or the site it says published the story);
  otherwise the last run of capitalised words, without leading titles and roles (data:
  `claimants` in `resources/corpus/verdicts.yaml`), a person unless it reads as an
  organisation;
- the claim: what follows the verb (after "that"), trimmed to the sentence;
- the claim's date: a calendar date between the subject and the claim ("on Sept. 3").

A subject that opens a subordinate clause ("As the war went on, claims that ...") or is a
pronoun is not an attribution.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import lru_cache

from eventline.model import ClaimantKind

_SENTENCE = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“(]?[A-Z0-9@])")
# Abbreviations after which a full stop does not end the sentence ("Sen. X", "on Sept. 3").
_ABBREVIATION = re.compile(
    r"(?:\b(?:Sen|Rep|Gov|Gen|Lt|Col|Dr|Mr|Mrs|Ms|Prof|St|Jr|Sr|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|"
    r"Sep|Sept|Oct|Nov|Dec|U\.S|U\.K|U\.N|a\.m|p\.m)|\b[A-Z])\.$"
)
_VERB = re.compile(
    r"\s(?:says|said|say|claims|claimed|claim|wrote|writes|posted|tweeted|stated|states|"
    r"asserted|asserts|alleged|alleges|argued|argues|suggested|suggests|insisted|insists|"
    r"declared|declares|told\s+(?:\w+\s+){0,3}?(?=that\b)|shared\s+(?=that\b))(?=\s)"
)
_SHIFT = re.compile(
    r"\s(?:changed|reversed|shifted|switched|flip-flopped\s+on)\s+(?:his|her|their|its)\s+"
    r"(?:position|stance|view|mind|tune)\b"
)
_THAT = re.compile(r"\bthat\s+", re.I)
_HANDLE = re.compile(r"(?<![\w@])@[A-Za-z0-9_]{2,30}\b")
_POSTS = re.compile(
    r"\b(?:posts?|videos?|images?|photos?|memes?|tweets?|messages?|accounts?|users?|"
    r"clips?|screenshots?|graphics?|stor(?:y|ies)|reels?|threads?)\b",
    re.I,
)
_PUBLISHER = re.compile(
    r"\b(?:by|from|on)\s+((?:[Tt]he\s+)?[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,4})"
)
_PLATFORMS = frozenset(["X", "Facebook", "TikTok", "Instagram", "YouTube", "Telegram", "Threads"])
_CAPRUN = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|of|de|van|von|al|bin|the))*")
_SUBORDINATE = frozenset(["as", "when", "after", "while", "if", "because", "since",
    "although", "though", "before", "once", "but", "and", "so", "in", "on", "at"])  # fmt: skip
_DETERMINERS = frozenset(["the", "a", "an", "this", "that", "these", "those", "his", "her",
                          "their", "its", "such", "same", "false", "viral", "new"])  # fmt: skip
_PRONOUNS = frozenset(["we", "i", "it", "this", "that", "they", "he", "she", "you", "some",
                       "many", "others", "one", "both", "readers", "several"])  # fmt: skip
_MONTHS = {m.casefold(): i for i, m in enumerate(calendar.month_name) if m} | {
    m.casefold(): i for i, m in enumerate(calendar.month_abbr) if m
} | {"sept": 9}  # fmt: skip
_DAY = re.compile(
    r"\b(?P<month>[A-Z][a-z]{2,8})\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{4}))?"
    r"|\b(?P<day2>\d{1,2})\s+(?P<month2>[A-Z][a-z]{2,8})\.?(?:\s+(?P<year2>\d{4}))?"
)
_MAX_SUBJECT_WORDS = 16
_OPENING_PARAGRAPHS = 4


@dataclass(frozen=True)
class Attribution:
    """A claim as stated in the text, with its claimant and the claimant's body span."""

    claim: str
    claim_start: int
    claimant: str | None
    kind: ClaimantKind | None
    span: tuple[int, int] | None
    date: str | None


@dataclass(frozen=True)
class ClaimantWords:
    roles: frozenset[str]
    organisation_words: frozenset[str]


@lru_cache(maxsize=1)
def claimant_words() -> ClaimantWords:
    from eventline.corpus.claims import vocabulary

    rules = vocabulary().rules
    return ClaimantWords(
        roles=frozenset(w.casefold() for w in rules.claimant_roles),
        organisation_words=frozenset(w.casefold() for w in rules.organisation_words),
    )


def _date(text: str, *, published: str | None) -> str | None:
    """The first calendar date in `text`; a date without a year takes the publication's
    year, or the year before when that would put it after publication."""
    for match in _DAY.finditer(text):
        month = _MONTHS.get((match.group("month") or match.group("month2") or "").casefold())
        if month is None:
            continue
        day = int(match.group("day") or match.group("day2"))
        year = match.group("year") or match.group("year2")
        if year is None:
            if not published or not published[:4].isdigit():
                continue
            year_n = int(published[:4])
            if f"{year_n}-{month:02d}-{day:02d}" > published[:10]:
                year_n -= 1
            year = str(year_n)
        if 1 <= day <= 31:
            return f"{year}-{month:02d}-{day:02d}"
    return None


def _named(subject: str, offset: int) -> tuple[str, ClaimantKind, tuple[int, int]] | None:
    """The last run of capitalised words in the subject, without leading titles and roles."""
    words = claimant_words()
    runs = list(_CAPRUN.finditer(subject))
    for run in reversed(runs):
        text, start = run.group(0), run.start()
        tokens = text.split()
        while tokens and tokens[0].casefold().rstrip(".") in words.roles:
            start += subject[start:].index(tokens[0]) + len(tokens[0])
            tokens = tokens[1:]
        if not tokens or tokens == ["The"]:
            continue
        name = " ".join(tokens).rstrip(".,")
        start = subject.index(tokens[0], start)
        folded = {t.casefold().strip(".,") for t in tokens}
        kind: ClaimantKind = (
            "organisation" if tokens[0] == "The" or folded & words.organisation_words else "person"
        )
        return name, kind, (offset + start, offset + start + len(name))
    return None


def claimant_of_subject(
    subject: str, offset: int
) -> tuple[str | None, ClaimantKind | None, tuple[int, int] | None]:
    """Who a subject names: a handle, a publisher ("a story published by X"), "social media
    posts", or a named person or organisation."""
    if handle := _HANDLE.search(subject):
        return handle.group(0), "social-media", (offset + handle.start(), offset + handle.end())
    if _POSTS.search(subject):
        pub = _PUBLISHER.search(subject)
        named = _named(pub.group(1), offset + pub.start(1)) if pub else None
        if named and named[0] not in _PLATFORMS:
            return named[0], "organisation", named[2]
        return "social media posts", "social-media", None
    if named := _named(subject, offset):
        return named
    return None, None, None


def _trim(claim: str) -> str:
    claim = claim.strip().rstrip(".!?").strip()
    claim = re.sub(r",\s+(?:according to|as|which|who)\b.*$", "", claim)
    claim = re.sub(r",\s+(?:[\w'’-]+\s+){0,4}(?:say|says|said|claim|claims)$", "", claim)
    if claim.count('"') % 2 or claim.count("“") != claim.count("”"):
        claim = claim.replace('"', "").replace("“", "").replace("”", "")
    return claim.strip(" ,;:")


def attribution(sentence: str, offset: int, *, published: str | None) -> Attribution | None:
    """The claim a sentence attributes, if it is an attribution."""
    verb = _VERB.search(sentence) or _SHIFT.search(sentence)
    if verb is None:
        return None
    subject = sentence[: verb.start()].strip()
    field = re.match(r"[A-Z][\w ]{0,20}:\s*", subject)
    lead = subject[field.end() :] if field else subject
    first = lead.split()[0].casefold().strip(",") if lead.split() else ""
    last = subject.split()[-1].casefold() if subject else ""
    if (
        not subject
        or last in _DETERMINERS  # "The claim that ...": a noun, not a verb
        or first in _SUBORDINATE
        or (first in _PRONOUNS and not _POSTS.search(subject))
        or len(subject.split()) > _MAX_SUBJECT_WORDS
    ):
        return None
    shift = verb.re is _SHIFT
    rest_start = verb.end()
    that = _THAT.search(sentence, rest_start, min(len(sentence), rest_start + 90))
    if shift:
        claim_start = 0
    elif that and not sentence[rest_start : that.start()].count('"'):
        claim_start = that.end()
    else:
        claim_start = rest_start
    claim = _trim(sentence[claim_start:])
    if len(claim.split()) < 3:
        return None
    name, kind, span = claimant_of_subject(subject, offset)
    modifiers = sentence[:claim_start] if not shift else ""
    return Attribution(
        claim=claim,
        claim_start=offset + claim_start,
        claimant=name,
        kind=kind,
        span=span,
        date=_date(modifiers, published=published),
    )


def split_sentences(text: str) -> list[str]:
    """Sentences of a paragraph; a full stop after an abbreviation does not end one."""
    out: list[str] = []
    for piece in _SENTENCE.split(text):
        if out and _ABBREVIATION.search(out[-1]):
            out[-1] = f"{out[-1]} {piece}"
        else:
            out.append(piece)
    return out


def _sentences(body: str) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    for para in list(re.finditer(r"[^\n]+", body))[:_OPENING_PARAGRAPHS]:
        start = para.start()
        for piece in split_sentences(para.group(0)):
            index = body.find(piece, start)
            if index < 0:
                continue
            out.append((index, piece))
            start = index + len(piece)
    return out


def find_attribution(body: str, *, published: str | None) -> Attribution | None:
    """The first attributed claim in the opening paragraphs; a date stated in the next
    sentence about the same post ("The post, published on June 18, ...") counts too."""
    sentences = _sentences(body)
    for index, (offset, sentence) in enumerate(sentences):
        if sentence.lstrip().startswith(("“", '"')):
            continue
        found = attribution(sentence, offset, published=published)
        if found is None:
            continue
        if found.date is None and index + 1 < len(sentences):
            follow = sentences[index + 1][1]
            if re.match(r"\s*(?:The|That|This|It)\b.{0,40}?\b(?:published|posted|shared|made|aired|"
                        r"uploaded|written)\b", follow):  # fmt: skip
                date = _date(follow, published=published)
                found = Attribution(**{**found.__dict__, "date": date})
        return found
    return None
