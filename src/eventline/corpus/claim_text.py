"""The sentence of a fact-check that states the checked claim, and who made it.

Fact-checkers open by stating the claim and attributing it: "Sen. X said in a television
interview on Nov. 3 that ...", "A post claims ...", "Viral posts say ...", "An account on X,
@handle, posted on May 12 that ...", "Gov. Y changed her position on ...". We take the first
such sentence of the opening paragraphs and split it into

- the claimant: the subject before the speech verb. A subject about posts, videos or accounts
  is "social media posts" (or the handle it names, or the site it says published the story);
  otherwise the last run of capitalised words, without leading titles and roles, a person
  unless it reads as an organisation (data: `claimant_roles`, `organisation_words` and
  `generic_subjects` in `resources/corpus/verdicts.yaml`);
- the claim: what follows the verb (after "that"), trimmed to the sentence;
- the claim's date: a calendar date between the subject and the claim ("on Sept. 3").

A subject that opens a subordinate clause ("As the war went on, claims that ..."), is a
pronoun or a generic noun ("Experts said ..."), or denies ("there is no article that
claimed ...") is not an attribution.
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
    r"\s(?:says|said|say|saying|claims|claimed|claim|claiming|wrote|writes|posted|tweeted|stated|states|"
    r"asserted|asserts|alleged|alleges|argued|argues|suggested|suggests|insisted|insists|"
    r"declared|declares|purports?\s+to\s+show|shows|show|"
    r"told\s+(?:\w+\s+){0,3}?(?=that\b)|shared\s+(?=that\b))(?=[\s:,])"
)
_SHIFT = re.compile(
    r"\s(?:changed|reversed|shifted|switched|flip-flopped\s+on)\s+(?:his|her|their|its)\s+"
    r"(?:position|stance|view|mind|tune)\b"
)
_THAT = re.compile(r"\bthat\s+", re.I)
_QUOTE_FIRST = re.compile(
    r"\s*[\"“](?P<claim>[^\"”]{10,400}?)[,.!?]?[\"”],?\s+(?P<subject>[^\"“]{2,80}?)\s+"
    r"(?:said|says|wrote|writes|claimed|claims|stated|tweeted|posted|told\s+[\w ]{1,30}?)"
    r"(?P<rest>[^\"“]*)$"
)
_SHARING = re.compile(
    r"\s(?:are|were|have\s+been|has\s+been|is|was|have|has)?\s*(?:sharing|spreading|circulating|"
    r"pushing|shared|spread|circulated)\s+"
    r"(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}?(?:claims?|posts?|videos?|images?|rumou?rs?|messages?|"
    r"memes?)\s+(?:that|saying|claiming)(?=\s)"
)
# A field name ("Claim:") or an opening phrase ("In a Sept. 5 post on X,") before the subject.
_FIELD_PREFIX = re.compile(r"[A-Z][\w ]{0,20}:\s*")
_LEADING = re.compile(r"(?:In|On|At|During|Earlier|Last|Speaking)\b[^,]{0,80},\s+")
_HANDLE = re.compile(r"(?<![\w@])@[A-Za-z0-9_]{2,30}\b")
_POSTS = re.compile(
    r"\b(?:posts?|videos?|images?|photos?|memes?|tweets?|messages?|accounts?|users?|"
    r"clips?|screenshots?|graphics?|stor(?:y|ies)|reels?|threads?)\b",
    re.I,
)
_PUBLISHER = re.compile(
    r"\b(?:by|from)\s+((?:[Tt]he\s+)?[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,4})"
)
_PLATFORMS = frozenset(["X", "Facebook", "TikTok", "Instagram", "YouTube", "Telegram", "Threads"])
_CAPRUN = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|(?:of|de|van|von|al|bin|the)\b))*")
_SUBORDINATE = frozenset(["as", "when", "after", "while", "if", "because", "since",
    "although", "though", "before", "once", "but", "and", "so", "in", "on", "at"])  # fmt: skip
_NEGATIONS = frozenset(["no", "not", "never", "nobody", "none", "neither"])
_RELATIVES = frozenset(["that", "which", "who", "whom", "whose"])
_DETERMINERS = frozenset(["the", "a", "an", "this", "that", "these", "those", "his", "her",
                          "their", "its", "such", "same", "false", "viral", "new"])  # fmt: skip
_PRONOUNS = frozenset(["we", "i", "it", "there", "this", "that", "they", "he", "she", "you",
                       "some", "many", "others", "one", "both", "several"])  # fmt: skip
_MONTHS = {m.casefold(): i for i, m in enumerate(calendar.month_name) if m} | {
    m.casefold(): i for i, m in enumerate(calendar.month_abbr) if m
} | {"sept": 9}  # fmt: skip
_DAY = re.compile(
    r"\b(?P<month>[A-Z][a-z]{2,8})\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{4}))?"
    r"|\b(?P<day2>\d{1,2})\s+(?P<month2>[A-Z][a-z]{2,8})\.?(?:\s+(?P<year2>\d{4}))?"
)
_MAX_SUBJECT_WORDS = 16
_OPENING_PARAGRAPHS = 6


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
    generic: frozenset[str]


@lru_cache(maxsize=1)
def claimant_words() -> ClaimantWords:
    from eventline.corpus.claims import vocabulary

    rules = vocabulary().rules
    return ClaimantWords(
        roles=frozenset(w.casefold() for w in rules.claimant_roles),
        organisation_words=frozenset(w.casefold() for w in rules.organisation_words),
        generic=frozenset(w.casefold() for w in rules.generic_subjects),
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
    claim = claim.strip().strip('"“”').rstrip(".!?").strip()
    claim = re.sub(r"^Says\s+", "", claim)
    claim = re.sub(r",\s+(?:according to|as|which|who)\b.*$", "", claim)
    claim = re.sub(r",\s+(?:an?|the)\s+(?:claim|statement|assertion|charge|figure)\b.*$", "", claim)
    claim = re.sub(r",\s+(?:[\w'’-]+\s+){0,4}(?:say|says|said|claim|claims)$", "", claim)
    if claim.count('"') % 2 or claim.count("“") != claim.count("”"):
        claim = claim.replace('"', "").replace("“", "").replace("”", "")
    return claim.strip(" ,;:")


def _subject_ok(subject: str) -> bool:
    """A subject that can make a claim: not a clause, a pronoun, a generic noun or a noun
    phrase ending in a determiner ("The claim that ..." uses "claim" as a noun)."""
    words = subject.split()
    if not words or len(words) > _MAX_SUBJECT_WORDS:
        return False
    first, last = words[0].casefold().strip(","), words[-1].casefold()
    if last in _DETERMINERS or first in _SUBORDINATE:
        return False
    folded = {w.casefold().strip(",") for w in words}
    if folded & _NEGATIONS or {w.casefold() for w in words[-2:]} & _RELATIVES:
        return False  # "there is no article that claimed ...": a denial, a relative clause
    if first in claimant_words().generic:
        return False
    return first not in _PRONOUNS or _POSTS.search(subject) is not None


def _claim_start(sentence: str, verb: re.Match[str]) -> int:
    """Where the claim begins: after "that" near the verb, else after a colon there
    ("stated on May 3 in a speech: ..."), else right after the verb."""
    if verb.re is _SHIFT:
        return 0
    rest = verb.end()
    if verb.re is _SHARING:
        return rest
    window = min(len(sentence), rest + 90)
    that = _THAT.search(sentence, rest, window)
    if that and not sentence[rest : that.start()].count('"'):
        return that.end()
    colon = sentence.find(":", rest, min(len(sentence), rest + 120))
    return colon + 1 if colon >= 0 else rest


def _quoted_first(sentence: str, offset: int, *, published: str | None) -> Attribution | None:
    """ "We raised pay by 20 percent," Gov. X said on April 28.: the quote is the claim."""
    match = _QUOTE_FIRST.match(sentence)
    if match is None or not _subject_ok(match.group("subject")):
        return None
    claim = _trim(match.group("claim"))
    if len(claim.split()) < 3:
        return None
    name, kind, span = claimant_of_subject(match.group("subject"), offset + match.start("subject"))
    return Attribution(
        claim=claim,
        claim_start=offset + match.start("claim"),
        claimant=name,
        kind=kind,
        span=span,
        date=_date(match.group("rest"), published=published),
    )


def attribution(sentence: str, offset: int, *, published: str | None) -> Attribution | None:
    """The claim a sentence attributes, if it is an attribution."""
    if sentence.lstrip().startswith(("“", '"')):
        return _quoted_first(sentence, offset, published=published)
    verb = _SHARING.search(sentence) or _VERB.search(sentence) or _SHIFT.search(sentence)
    if verb is None:
        return None
    start = 0
    if lead := _FIELD_PREFIX.match(sentence) or _LEADING.match(sentence):
        start = lead.end() if lead.end() < verb.start() else 0
    subject = sentence[start : verb.start()].strip()
    if not _subject_ok(subject):
        return None
    if "show" in verb.group(0) and not _POSTS.search(subject):
        return None  # "Data show ...", "The table shows ...": evidence, not a claim
    claim_start = _claim_start(sentence, verb)
    claim = _trim(sentence[claim_start:])
    if len(claim.split()) < 3:
        return None
    name, kind, span = claimant_of_subject(subject, offset + sentence.index(subject, start))
    modifiers = sentence[:claim_start] if verb.re is not _SHIFT else ""
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


def _words(text: str) -> set[str]:
    return {w.casefold() for w in re.findall(r"[\w'’-]{4,}", text)}


def _echo(claim: str, reference: str) -> float:
    """Share of the claim's content words that `reference` repeats."""
    mine = _words(claim)
    return len(mine & _words(reference)) / len(mine) if mine else 0.0


def restates(said: str, claim: str) -> bool:
    """Whether an attributed sentence states the same claim (most content words shared)."""
    return _echo(claim, said) >= 0.5 or _echo(said, claim) >= 0.5


def _candidates(body: str, *, published: str | None) -> list[tuple[int, Attribution]]:
    """Attributions of the opening paragraphs, with the paragraph each one is in."""
    sentences = _sentences(body)
    found: list[tuple[int, Attribution]] = []
    for index, (offset, sentence) in enumerate(sentences):
        if sentence.rstrip().endswith(":") and index + 1 < len(sentences):
            sentence = f"{sentence} {sentences[index + 1][1]}"  # "X stated on May 3:" + claim
        said = attribution(sentence, offset, published=published)
        if said is None:
            continue
        if said.date is None and index + 1 < len(sentences):
            follow = sentences[index + 1][1]
            if re.match(r"\s*(?:The|That|This|It)\b.{0,40}?\b(?:published|posted|shared|made|aired|"
                        r"uploaded|written)\b", follow):  # fmt: skip
                said = Attribution(**{**said.__dict__, "date": _date(follow, published=published)})
        found.append((body.count("\n", 0, offset), said))
    return found


def find_attribution(
    body: str, *, published: str | None, title: str | None = None, claim: str | None = None
) -> Attribution | None:
    """The attributed claim the article checks, among those of the opening paragraphs: the
    one the headline and the closing paragraphs (the ruling) echo most, with a named
    claimant, earlier first (each later candidate pays a little); when the claim is already
    known (a "Claim:" field), the candidate that restates it. A date stated in the next
    sentence about the same post ("The post, published on June 18, ...") counts as the
    claim's date."""
    candidates = _candidates(body, published=published)
    if claim is not None:
        candidates = [c for c in candidates if restates(c[1].claim, claim)]
    if len(candidates) <= 1:
        return candidates[0][1] if candidates else None
    paragraphs = body.split("\n")
    filled = [i for i, p in enumerate(paragraphs) if p.strip()]
    closing = filled[-3:]

    def score(item: tuple[int, tuple[int, Attribution]]) -> float:
        rank, (para, said) = item
        ruling = " ".join(paragraphs[i] for i in closing if i != para)
        named = 1.0 if said.claimant else 0.0
        echo = 2 * _echo(said.claim, title or "") + 2 * _echo(said.claim, ruling)
        return echo + named - 0.3 * rank

    return max(enumerate(candidates), key=score)[1][1]
