"""Readers for the CAMEO/PETRARCH actor and agent dictionaries (TABARI format), build time only.

An actor file is a list of blocks. A root line names an actor (words joined by "_", a trailing
"_" marks a whole-word match), "+" lines add synonyms, and "[CODE dates]" (on the root line or
on indented lines after it) give codes with their validity: "<YYMMDD" until, ">YYMMDD" from,
"YYMMDD-YYMMDD" between; an undated code is the actor's default. Root lines that follow each
other before any code share the codes that come next ("DMITRY_MEDVEDEV_ ... DMITR_MEDVEDEV_
[RUSGOV ...]"). A "#" starts a comment. The agents file maps role nouns to "[~SECTOR]" codes,
with "!MACRO! = A, B" word lists and "{PLURALS}".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

_CODE = re.compile(r"\[([^\]]*)\]")
_DATE = re.compile(r"^\d{6}$|^\d{8}$")
#: Two-digit years up to this are 20xx: the dictionaries were frozen in 2015.
_PIVOT = 15


@dataclass(frozen=True)
class Code:
    """One code with its validity; `start`/`end` None for an open bound."""

    code: str
    start: date | None = None
    end: date | None = None

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None


@dataclass
class Block:
    roots: list[str] = field(default_factory=list)
    synonyms: list[str] = field(default_factory=list)
    codes: list[Code] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)

    @property
    def forms(self) -> list[str]:
        return list(dict.fromkeys(self.roots + self.synonyms))


def parse_date(text: str) -> date | None:
    """YYMMDD (pivot at 2015) or YYYYMMDD; None for anything else."""
    if not _DATE.match(text):
        return None
    if len(text) == 6:
        yy = int(text[:2])
        year = 2000 + yy if yy <= _PIVOT else 1900 + yy
        month, day = int(text[2:4]), int(text[4:6])
    else:
        year, month, day = int(text[:4]), int(text[4:6]), int(text[6:8])
    try:
        return date(year, month, day)
    except ValueError:
        return None


def parse_code(text: str) -> Code | None:
    """ "IRNGOV >20130815" -> Code; None for empty or unreadable codes ("---", "2004017")."""
    parts = text.split()
    if not parts or not parts[0].strip("~-"):
        return None
    code = parts[0]
    if len(parts) == 1:
        return Code(code)
    when = "".join(parts[1:])
    if when.startswith("<"):
        end = parse_date(when[1:])
        return Code(code, None, end) if end else None
    if when.startswith(">"):
        start = parse_date(when[1:])
        return Code(code, start, None) if start else None
    if "-" in when:
        first, _, last = when.partition("-")
        start, end = parse_date(first), parse_date(last)
        return Code(code, start, end) if start and end else None
    return None


def phrase(text: str) -> str:
    """ "VLADIMIR_PUTIN_" -> "VLADIMIR PUTIN" (the whole-word mark dropped)."""
    return " ".join(text.replace("_", " ").split())


def _split_comment(line: str) -> tuple[str, str]:
    body, _, comment = line.partition("#")
    return body, comment.strip()


def read_actor_blocks(path: Path) -> Iterator[Block]:
    """Blocks of an actor dictionary in file order."""
    block = Block()
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if not raw.strip() or raw.lstrip().startswith(("#", "<")):
            continue
        body, comment = _split_comment(raw)
        codes = [c for c in (parse_code(m) for m in _CODE.findall(body)) if c is not None]
        text = phrase(_CODE.sub(" ", body))
        if raw[0] in " \t[":
            block.codes.extend(codes)
            continue
        if raw.startswith("+"):
            if text.lstrip("+").strip():
                block.synonyms.append(text.lstrip("+").strip())
            block.codes.extend(codes)
            continue
        if block.codes or (block.roots and _CODE.search(body)):
            yield block
            block = Block()
        if text:
            block.roots.append(text)
        if comment:
            block.comments.append(comment)
        block.codes.extend(codes)
    if block.roots:
        yield block


_MACRO = re.compile(r"^!(\w+)!\s*=\s*(.+)$")
_PLURAL = re.compile(r"\{([^}]*)\}")


def read_agents(path: Path) -> Iterator[tuple[str, str]]:
    """(noun phrase, code) pairs of an agents dictionary, macros expanded, plurals included."""
    macros: dict[str, list[str]] = {}
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        body, _ = _split_comment(raw)
        body = body.strip()
        if not body:
            continue
        macro = _MACRO.match(body)
        if macro:
            macros[macro.group(1)] = [w.strip() for w in macro.group(2).split(",") if w.strip()]
            continue
        codes = _CODE.findall(body)
        if not codes:
            continue
        plurals = [p for m in _PLURAL.findall(body) for p in m.split() if p.strip()]
        head = _PLURAL.sub(" ", _CODE.sub(" ", body)).strip()
        code = codes[0].strip()
        for form in [*_expand(head, macros), *(q for p in plurals for q in _expand(p, macros))]:
            if form:
                yield phrase(form), code


def _expand(text: str, macros: dict[str, list[str]]) -> list[str]:
    found = re.search(r"!(\w+)!", text)
    if found is None:
        return [text]
    words = macros.get(found.group(1), [])
    out: list[str] = []
    for word in words:
        out.extend(_expand(text[: found.start()] + word + text[found.end() :], macros))
    return out
