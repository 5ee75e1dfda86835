"""Build resources/events/triggers.generated.yaml from PETRARCH's verb patterns and the
CAMEO→PLOVER table.

    .venv/bin/python scripts/build_event_vocab.py [--kb ../shared/kb/petrarch2] \
        [--plover ../shared/docs/plover]

Reads `CAMEO.verbpatterns.150430.txt` (PETRARCH2, MIT, © 2015 Open Event Data Alliance) and
`CAMEO2PLOVER-2021.txt` (PLOVER, CC BY-SA 4.0, © Open Event Data Alliance) and writes, sorted
and deterministic:

- `cameo`: for each PLOVER type and mode, the lowest CAMEO code mapped to it (the code an
  event of that type and mode carries for GDELT-style comparisons);
- `verbs`: every verb of a pattern block (lower-case lemma; particle verbs as "gun_down") with
  its CAMEO code (the line's own code, else its block's), PLOVER type and mode;
- `descriptors`: single-word role nouns of `Phoenix.agents.txt` (same licence) with their
  sector code, for actors named only by a descriptor ("the authorities", "farmers");
- with `--objects`, also `objects`: verb + direct-object rules from the simplest patterns
  ("- * CEASEFIRE [196]"), small synonym sets (&CEASEFIRE) expanded (not used by the coder
  yet, so left out of the packaged file by default).

CAMEO 01 (public statements) has no PLOVER type and is left out; CAMEO 02 (appeals) is
REQUEST, as PLOVER folds appeals into REQUEST. The coder reads this file as a fallback after
its curated patterns (events/vocabulary.py); the deny list below removes synonyms whose
ordinary sense is not a political event.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "eventline" / "resources" / "events" / "triggers.generated.yaml"
_BLOCK = re.compile(r"^---\s+(\S+)\s*\[([0-9:-]+|---)\]\s*---")
_CODE = re.compile(r"\[([0-9]{2,4})(?::[0-9]+)?\]")
_MAX_SET = 12
_MAP = re.compile(r"^([0-9]{2,4}):\s*([A-Z]+)\s*,\s*([^,#]*?)\s*,")
# Synonyms whose everyday sense is no political event (WordNet sets are broad: "face" and
# "brave" under MEET, "need" and "want" under DEMAND, "fall" under FELL ...).
DENY = frozenset(
    [
        "be",
        "have",
        "do",
        "get",
        "go",
        "come",
        "make",
        "take",
        "give",
        "put",
        "set",
        "say",
        "tell",
        "see",
        "know",
        "think",
        "want",
        "need",
        "like",
        "face",
        "brave",
        "meet_up",
        "fall",
        "run",
        "keep",
        "hold",
        "turn",
        "call",
        "look",
        "find",
        "feel",
        "become",
        "leave",
        "show",
        "try",
        "use",
        "work",
        "play",
        "move",
        "live",
        "bring",
        "begin",
        "start",
        "seem",
        "help",
        "talk",
        "ask",
        "write",
        "provide",
        "sit",
        "stand",
        "lose",
        "pay",
        "include",
        "continue",
        "change",
        "lead",
        "understand",
        "follow",
        "stop",
        "create",
        "speak",
        "read",
        "allow",
        "add",
        "spend",
        "grow",
        "open",
        "walk",
        "win",
        "offer",
        "remember",
        "love",
        "consider",
        "appear",
        "buy",
        "wait",
        "serve",
        "die",
        "send",
        "expect",
        "build",
        "stay",
        "reach",
        "kill",
        "remain",
        "suggest",
        "raise",
        "pass",
        "sell",
        "require",
        "report",
        "decide",
        "pull",
        "push",
        "press",
        "bid",
        "attach",
        "link",
        "connect",
        "blend",
        "merge",
        "engage",
        "gather",
        "converge",
        "assemble",
        "bother",
        "sense",
        "trace",
        "note",
        "claim",
        "state",
        "express",
        "explain",
        "comment",
        "assert",
        "define",
        "describe",
        "mention",
        "cite",
        "refer",
        "remark",
        "announce",
        "inform",
        "convey",
        "report",
        "communicate",
        "aver",
        "avow",
        "best",
        "bill",
        "analyse",
        "analyze",
        "ascertain",
        "audit",
        "breach",
        "blaspheme",
    ]
)


def plover_map(path: Path) -> dict[str, tuple[str, str | None]]:
    """CAMEO code → (PLOVER type, mode or None)."""
    table: dict[str, tuple[str, str | None]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = _MAP.match(line.strip())
        if m:
            code, ptype, mode = m.group(1), m.group(2), m.group(3).strip() or None
            table.setdefault(code, (ptype, mode))
    return table


def code_type(code: str, table: dict[str, tuple[str, str | None]]) -> tuple[str, str | None]:
    """The PLOVER type of a CAMEO code, by its longest mapped prefix."""
    if code.startswith("02"):
        return "REQUEST", None
    for n in range(len(code), 1, -1):
        if code[:n] in table:
            return table[code[:n]]
    return "", None


def synsets(lines: list[str]) -> dict[str, list[str]]:
    sets: dict[str, list[str]] = {}
    name = None
    for raw in lines:
        line = raw.split("#")[0].rstrip()
        if line.startswith("&"):
            name = line[1:].strip().rstrip("_")
            sets[name] = []
        elif name and line.startswith("+"):
            sets[name].append(line[1:].strip().rstrip("_").lower())
        elif not line.strip():
            continue
        elif line.startswith("---"):
            name = None
    return sets


def _word(token: str) -> str:
    return token.strip().lstrip("+").rstrip("_").lower()


def parse_patterns(
    path: Path, table: dict[str, tuple[str, str | None]]
) -> tuple[dict[str, dict[str, str | None]], dict[str, dict[str, dict[str, str | None]]]]:
    lines = path.read_text(encoding="utf-8").splitlines()
    sets = synsets(lines)
    verbs: dict[str, dict[str, str | None]] = {}
    objects: dict[str, dict[str, dict[str, str | None]]] = {}
    block_code: str | None = None
    block_verbs: list[str] = []
    for raw in lines:
        line = raw.split("#")[0].rstrip()
        if m := _BLOCK.match(line):
            code = m.group(2).split(":")[0]
            block_code = None if code.startswith("-") else code
            block_verbs = []
            continue
        if line.startswith("---"):  # a header with no code ("--- REVOKE_ ###"): as "[---]"
            block_code, block_verbs = None, []
            continue
        if not line.strip() or (line.startswith(("&", "+")) and block_code is None):
            continue
        if line.startswith("- "):
            obj = re.match(r"^-\s+\*\s+(&?[A-Z_]+)\s+\[([0-9]{2,4})\]\s*$", line)
            if not obj or not block_verbs:
                continue
            name = obj.group(1)
            words = sets.get(name[1:].rstrip("_"), []) if name.startswith("&") else [_word(name)]
            if len(words) > _MAX_SET:
                continue  # big sets (currencies, towns) say nothing about the event type
            ptype, mode = code_type(obj.group(2), table)
            if not ptype:
                continue
            for verb in block_verbs:
                for word in words:
                    if "_" not in word:
                        rule = {"cameo": obj.group(2), "type": ptype, "mode": mode}
                        objects.setdefault(verb, {}).setdefault(word, rule)
            continue
        if block_code is None or line.startswith((" ", "\t")):
            continue
        token = line.split()[0]
        if token.startswith("&") or token.startswith("-"):
            continue
        verb = _word(token)
        if not re.fullmatch(r"[a-z]+(_[a-z]+)?", verb):
            continue
        own = _CODE.search(line.split("{")[0] + (line.split("}")[-1] if "}" in line else ""))
        code = own.group(1) if own else block_code
        ptype, mode = code_type(code, table)
        block_verbs.append(verb)
        if not ptype or verb in DENY:
            continue
        verbs.setdefault(verb, {"cameo": code, "type": ptype, "mode": mode})
    return verbs, objects


_AGENT = re.compile(r"^([A-Z]+)\s*(?:\{[^}]*\})?\s*\[~([A-Z]{3})[A-Z]*\]")
# CAMEO agent codes that are sectors (religions and ethnic codes are left out).
SECTORS = frozenset(
    [
        "GOV",
        "MIL",
        "COP",
        "JUD",
        "LEG",
        "OPP",
        "PTY",
        "REB",
        "INS",
        "BUS",
        "MED",
        "EDU",
        "HLH",
        "NGO",
        "IGO",
        "CVL",
        "CRM",
        "REF",
        "LAB",
        "AGR",
        "ELI",
        "SPY",
        "UAF",
    ]
)


def parse_agents(path: Path) -> dict[str, str]:
    """Single-word role nouns of Phoenix.agents.txt → their sector code ("farmer": AGR)."""
    found: dict[str, str] = {}
    for raw in path.read_text(encoding="utf-8").splitlines():
        m = _AGENT.match(raw.split("#")[0].strip())
        if m and m.group(2) in SECTORS:
            found.setdefault(m.group(1).lower(), m.group(2))
    return dict(sorted(found.items()))


def cameo_by_type(table: dict[str, tuple[str, str | None]]) -> dict[str, dict[str, str]]:
    out: dict[str, dict[str, str]] = {}
    for code in sorted(table, key=lambda c: (len(c), c)):
        ptype, mode = table[code]
        if len(code) < 3:
            continue
        out.setdefault(ptype, {}).setdefault(mode or "", code)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description="Build the generated trigger vocabulary.")
    parser.add_argument("--kb", type=Path, default=ROOT.parent / "shared" / "kb" / "petrarch2")
    parser.add_argument("--plover", type=Path, default=ROOT.parent / "shared" / "docs" / "plover")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--objects", action="store_true", help="also write verb+object rules")
    opts = parser.parse_args()
    table = plover_map(opts.plover / "CAMEO2PLOVER-2021.txt")
    verbs, objects = parse_patterns(opts.kb / "CAMEO.verbpatterns.150430.txt", table)
    header = (
        "# GENERATED by scripts/build_event_vocab.py: do not edit by hand.\n"
        "# From PETRARCH2 CAMEO.verbpatterns.150430.txt (MIT, (c) 2015 Open Event Data Alliance)\n"
        "# and PLOVER CAMEO2PLOVER-2021.txt (CC BY-SA 4.0, (c) Open Event Data Alliance);\n"
        "# this derived file keeps CC BY-SA 4.0 terms. See resources/events/NOTICE.md.\n"
    )
    data: dict[str, object] = {
        "version": 1,
        "cameo": cameo_by_type(table),
        "verbs": dict(sorted(verbs.items())),
    }
    data["descriptors"] = parse_agents(opts.kb / "Phoenix.agents.txt")
    if opts.objects:
        data["objects"] = {v: dict(sorted(o.items())) for v, o in sorted(objects.items())}
    opts.out.write_text(header + yaml.safe_dump(data, sort_keys=False, width=100), encoding="utf-8")
    rules = sum(len(o) for o in objects.values())
    print(f"{len(verbs)} verbs, {rules} verb+object rules -> {opts.out}")


if __name__ == "__main__":
    main()
