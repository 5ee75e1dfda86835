"""Read an article's metadata from its lines and hints: title, standfirst, outlet, wire,
dateline, kind. A field the text does not support stays None - a guess is an error.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from urllib.parse import urlsplit

from eventline.clean.factcheck import looks_like_factcheck
from eventline.clean.lines import Line, headline_like
from eventline.clean.resources import cues
from eventline.model import Kind, Removal

_MONTH_DAY = r"[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?|\d{1,2}\s+[A-Z][a-z]{2,8}(?:\s+\d{4})?"
_CITY = r"[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,2}"  # a city in running case ("Des Moines")
_REGION = r"[A-Z][A-Za-z.]+(?:\s[A-Z][a-z]+)?"  # its state or country ("Iowa", "N.H.")
# Between dateline and text: a colon, a spaced dash or double hyphen, or an unspaced em dash or
# double hyphen before a capital ("TOKYO—The yen"). Never before a lower-case word: "NATO - the
# alliance" and "Obama — who had" go on a sentence; a brand in camel case ("BEIJING - eBay said")
# still follows a dateline.
_DATELINE_END = r"(?:\s*(?::|--|-|–|—)\s+(?![a-z]+(?![A-Za-z]))|\s*(?:—|--)(?=[A-Z\"“‘]))"


@cache
def _dateline_pattern() -> re.Pattern[str]:
    regions = "|".join(re.escape(r) for r in sorted(cues().dateline_regions, key=len, reverse=True))
    named = "|".join(re.escape(r) for r in sorted(_region_names(), key=len, reverse=True))
    return re.compile(
        r"(?P<place>[A-Z][A-Z.'’\-]+(?:\s+[A-Z][A-Z.'’\-]+){0,3}(?:,\s*" + _REGION + r")?"
        # "Kyiv, Ukraine, March 4 -", "Des Moines, Iowa (AP) -": a city in running case (and its
        # state or country) only before a date or a wire's name
        rf"|{_CITY}(?:,\s*{_REGION})?(?=\s*(?:,\s*(?:{_MONTH_DAY})|\())"
        # "Harrisburg, Pa. -", "Washington, D.C. -": a city and a US state's abbreviation
        rf"|{_CITY},\s*(?P<abbr>{regions})(?=\s*(?:--|-|–|—|\())"
        # "Boise, Idaho — The governor", "Kyiv, Ukraine - Russian drones": a city and a US state or
        # a country spelt out, before a dash and a capital
        rf"|{_CITY},\s*(?P<named>{named})(?=\s*(?:--|-|–|—)\s*[A-Z\"“‘]))"
        rf"(?:\s*,\s*(?P<date>{_MONTH_DAY}))?"
        r"(?:\s*\((?P<wire>[^)]{2,40})\))?" + _DATELINE_END
    )


@cache
def _region_names() -> frozenset[str]:
    """US states (`resources/places/us_state_abbreviations.tsv`) and countries (pycountry's short
    and common names) as written after a running-case city in a dateline ("Boise, Idaho -")."""
    from importlib import resources

    import pycountry

    path = resources.files("eventline") / "resources/places/us_state_abbreviations.tsv"
    rows = path.read_text(encoding="utf-8").splitlines()
    states = {r.split("\t")[0] for r in rows if r and not r.startswith("#")} - {"state"}
    countries = {
        name
        for c in pycountry.countries
        for name in (c.name, getattr(c, "common_name", c.name))
        if "," not in name and "(" not in name
    }
    return frozenset(states | countries)


_CREDIT_NAME = re.compile(r"[A-Z][\w.&'’\-]*(?:\s+[A-Z][\w.&'’\-]*){0,3}")
_SUFFIX = re.compile(r"\s+(?:\||｜|--|-|–|—|::|»)\s+(?P<tail>[^|｜»]{2,60})$")
_PIPES = ("|", "｜", "::", "»")  # a breadcrumb or pipe suffix: short, whatever it names
# A Chinese or Japanese title's site name joined without spaces ("标题-新华网", "标题_新闻_网").
_UNSPACED_SUFFIX = re.compile(
    r"(?<=\S)\s*[-_|｜—－]\s*(?P<tail>[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]{2,10})$"
)
_PREFIX_SEPARATOR = re.compile(r"\s*(?::|\||｜|-|–|—|»)\s+")
_WORD = re.compile(r"[^\W\d_]{4,}")
_TIMED = re.compile(
    r"\b(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|today|yesterday|tonight"
    r"|last (?:week|night))\b"
)
_QUOTED = re.compile(r"[\"“][^\"”]{0,600}[\"”]")


@dataclass(frozen=True)
class Dateline:
    place: str
    date: str | None
    wire: str | None


def read_dateline(paragraph: str) -> Dateline | None:
    """ "MOSCOW, June 23 (Reuters) - ..." or "MOSCOW: ..." at the start of the first paragraph."""
    found = _dateline_match(paragraph)
    return None if found is None else found[1]


def dateline_end(paragraph: str) -> int | None:
    """Where the text after a dateline starts in `paragraph` (None: no dateline)."""
    found = _dateline_match(paragraph)
    return None if found is None else found[0].end()


def _dateline_match(paragraph: str) -> tuple[re.Match[str], Dateline] | None:
    m = _dateline_pattern().match(paragraph)
    if m is None:
        return None
    place, wire = m.group("place"), m.group("wire")
    if place.casefold() in cues().not_places:
        return None
    city = place.split(",")[0]  # "DES MOINES, Iowa -": the city in capitals, the state not
    if not city.isupper() and not (m.group("date") or wire or m.group("abbr") or m.group("named")):
        return None
    if m.group("named") and city in _region_names():  # "Georgia, Ukraine - The two": no city
        return None
    if wire is not None and not _CREDIT_NAME.fullmatch(wire):
        return None
    return m, Dateline(place=place, date=m.group("date"), wire=wire)


def canonical_wire(name: str | None) -> str | None:
    """A wire's canonical name ("Thomson Reuters" -> "Reuters"); an unknown name as written."""
    return cues().wires.get(name.strip(), name.strip()) if name else None


def credited_wire(removals: list[Removal]) -> str | None:
    """A wire named in a removed credit line ("(With inputs from PTI)", "Reporting by AFP")."""
    for removal in removals:
        if removal.reason != "agency credit":
            continue
        for alias, name in cues().wires.items():
            if re.search(rf"\b{re.escape(alias)}\b", removal.text):
                return name
    return None


def clean_title(title: str, *, outlet: str | None) -> tuple[str, str | None]:
    """Strip a trailing "| Outlet" (or "- Outlet" naming a known outlet); return the title and
    the outlet the suffix named, if any."""
    text = " ".join(title.split())
    named: str | None = None
    while (m := _SUFFIX.search(text)) is not None:
        tail = m.group("tail").strip()
        pipe = m.group(0).lstrip().startswith(_PIPES)
        hinted = outlet is not None and tail.casefold() in outlet.casefold()
        known = tail in cues().outlets or hinted
        if not (known or (pipe and len(tail.split()) <= 5)):
            break
        named = named or cues().outlets.get(tail, tail)
        text = text[: m.start()].rstrip()
    while (m := _UNSPACED_SUFFIX.search(text)) is not None and m.start() >= 2 * len(
        m.group("tail")
    ):
        named = named or m.group("tail")
        text = text[: m.start()].rstrip()
    return _strip_outlet_prefix(text, outlet), named


def _strip_outlet_prefix(text: str, outlet: str | None) -> str:
    """A title that opens with the page's own site name ("Daily Post | Local news: Title")."""
    if not outlet or not text.casefold().startswith(outlet.casefold()):
        return text
    separator = _PREFIX_SEPARATOR.match(text, len(outlet))
    rest = text[separator.end() :] if separator else ""
    return rest if len(rest.split()) >= 3 or len(rest) >= 8 else text


def pick_title(lines: list[Line], *, chrome: Callable[[Line], bool]) -> int | None:
    """Index of the first line that is not page chrome if it reads as a headline with text
    under it (a first line that is a sentence means the text has no headline)."""
    for index, line in enumerate(lines[:6]):
        if chrome(line):
            continue
        if index + 1 < len(lines) and headline_like(line) and line.words >= 3:
            return index
        return None
    return None


def _content_words(text: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(text)}


def pick_standfirst(rest: list[Line]) -> int | None:
    """Index 0 when the first line under the headline is a summary: an unpunctuated deck, or one
    sentence whose content words the next paragraph largely repeats (the lede restates it)."""
    if len(rest) < 2 or read_dateline(rest[0].text) is not None:
        return None
    line, lede = rest[0], rest[1]
    if not line.sentence_end and 8 <= line.words <= 60:
        return 0
    if not line.sentence_end or line.words > 60 or line.text.count(". ") > 0:
        return None
    mine = _content_words(line.text)
    shared = len(mine & _content_words(lede.text)) / max(1, len(mine))
    timed_lede = _TIMED.search(lede.text) is not None and _TIMED.search(line.text) is None
    return 0 if shared >= 0.5 or (timed_lede and shared >= 0.3) else None


def interview_outlet(body: str) -> str | None:
    """An outlet the story names as its own interviewer: at least two cues, one of them the
    outlet asking ("When asked by CNBC", "told CNBC"). Citing another outlet ("according to
    AFP") or quoting its interview ("told Reuters" twice) does not count."""
    aliases = cues().outlets
    counts: dict[str, int] = {}
    asked: set[str] = set()
    for m in _interview_pattern().finditer(body):
        name = aliases[m.group("name")]
        counts[name] = counts.get(name, 0) + 1
        if m.group("cue").startswith(("asked", "question")):
            asked.add(name)
    best = max(counts.items(), key=lambda kv: kv[1], default=None)
    return best[0] if best and best[1] >= 2 and best[0] in asked else None


@cache
def _interview_pattern() -> re.Pattern[str]:
    names = sorted(cues().outlets, key=len, reverse=True)
    return re.compile(
        r"\b(?P<cue>told|asked by|questions? from|speaking to|said to|interview with)\s+"
        r"(?P<name>" + "|".join(re.escape(n) for n in names) + r")\b"
    )


@cache
def _sentence_start(pattern: str) -> re.Pattern[str]:
    return re.compile(r"(?:^|(?<=[.!?]))[ \t]*(?:" + pattern + ")", re.IGNORECASE | re.MULTILINE)


def _jsonld_kind(blocks: tuple[str, ...]) -> Kind | None:
    for block in blocks:
        try:
            data = json.loads(block)
        except ValueError:
            continue
        text = json.dumps(data)
        if '"ClaimReview"' in text:
            return "fact-check"
        if '"OpinionNewsArticle"' in text:
            return "opinion"
        if '"AnalysisNewsArticle"' in text:
            return "analysis"
    return None


def _opinion_voice(body: str) -> bool:
    """A columnist's own voice: several first-person or evaluative turns outside quotes."""
    unquoted = _QUOTED.sub(" ", body)
    hits = sum(1 for rule in cues().opinion_language if rule.search(unquoted))
    return hits >= 3


def _cue_at_sentence_start(pattern: re.Pattern[str], body: str) -> bool:
    return _sentence_start(pattern.pattern).search(body) is not None


def _url_sections(url: str) -> set[str]:
    """Path segments of a URL as section names ("/opinion/2025/..." -> {"opinion", ...})."""
    path = urlsplit(url).path
    return {seg.casefold().replace("-", " ") for seg in path.split("/") if seg} | {
        seg.casefold() for seg in path.split("/") if seg
    }


def read_kind(
    *,
    title: str | None,
    body: str,
    section: str | None,
    jsonld: tuple[str, ...],
    reasons: set[str],
    hinted: Kind | None,
    url: str | None = None,
) -> Kind:
    """Kind from explicit markers first, then from the language of the text."""
    if hinted is not None:
        return hinted
    kind = _jsonld_kind(jsonld)
    if kind is not None:
        return kind
    names: tuple[Kind, ...] = ("fact-check", "opinion", "analysis")
    for name in names:
        if title and any(p.match(title) for p in cues().kind_titles[name]):
            return name
        if section and section.casefold() in cues().kind_sections[name]:
            return name
        if url and _url_sections(url) & cues().kind_sections[name]:
            return name
    for name in names:
        found = {p.pattern for p in cues().kind_lines[name] if _cue_at_sentence_start(p, body)}
        if len(found) >= 2:
            return name
    # --- H6 (#13): a fact-check recognised from its structure, on any outlet ---
    if looks_like_factcheck(title, body):
        return "fact-check"
    # --- end H6 ---
    if {"editorial disclaimer", "guest author bio"} & reasons:
        return "opinion"
    return "opinion" if _opinion_voice(body) else "news"
