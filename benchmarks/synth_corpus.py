"""Generate a synthetic news corpus with planted syndicated copies, as JSONL.

    python benchmarks/synth_corpus.py --n 100000 --out /tmp/synth100k.jsonl

Each line: id, title, body, published (YYYY-MM-DD), outlet, wire, planted_group. Articles with
the same planted_group are copies of one report with random syndication edits (edited lead,
added dateline, trimmed ending, changed headline, British/American spelling swaps, a few
changed words). The corpus also holds what must NOT be merged: follow-up reports weeks later
on the same actors that reuse a background paragraph, and short templated briefs (market and
weather reports) that differ only in their figures. Sentences are built from templates with
many slots, so unrelated articles share phrasing but rarely a run of five tokens.

`ActorPopulation` is who the reports name, for benchmarks that store per-article results
instead of parsing (benchmarks/bench_incremental.py): a fixed population of `countries` state
actors and `people` people and organisations (defaults 200 and 5,000), each drawn with Zipf
weights 1/rank**`s` (default s = 1.0), as news coverage is long-tailed: at s = 1 the most named
country is in about a sixth of the draws, the most named person in about a ninth, and half
the people are drawn less than once in 5,000. A report's draws come from a generator seeded
with the population's seed and the report's key, so the same key always names the same
actors (copies and follow-ups of one report pass one key) and the corpus stays reproducible.
The text generator (`World`) is unchanged, so the copies and stories planted in the text are
those of earlier runs.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import random
import string
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from eventline.model import Article, Published

SYLLABLES = [
    "ka",
    "lo",
    "mi",
    "ra",
    "ten",
    "vor",
    "dal",
    "shi",
    "nek",
    "bar",
    "tu",
    "lem",
    "zan",
    "pol",
    "gri",
    "fen",
    "os",
    "ul",
    "ria",
    "mar",
    "kov",
]
ROLES = [
    "foreign minister",
    "prime minister",
    "defence chief",
    "central bank governor",
    "trade envoy",
    "opposition leader",
    "interior minister",
    "army commander",
    "finance minister",
    "energy secretary",
    "president",
    "spokesman",
]
NOUNS = [
    "troops",
    "tanks",
    "loans",
    "sanctions",
    "tariffs",
    "drones",
    "refugees",
    "vaccines",
    "contracts",
    "observers",
    "engineers",
    "barrels",
    "reactors",
    "warships",
    "grants",
]
VERBS = [
    "send",
    "withdraw",
    "approve",
    "block",
    "fund",
    "inspect",
    "deploy",
    "cancel",
    "double",
    "review",
    "suspend",
    "restore",
    "organise",
    "authorise",
    "finalise",
]
ADJS = [
    "fragile",
    "bitter",
    "sweeping",
    "limited",
    "urgent",
    "secret",
    "costly",
    "modest",
    "historic",
    "contested",
    "temporary",
    "regional",
    "armoured",
    "favourable",
]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
OUTLETS = [
    "Daily Courier",
    "Evening Post",
    "Metro Herald",
    "Coast Times",
    "Valley News",
    "Capital Journal",
    "Harbour Gazette",
    "Northern Star",
    "Global Digest",
    "Wire Today",
]
WIRES = ["Reuters", "AP", "AFP"]
TEMPLATES = [
    "{P}, the {role} of {C}, said on {day} that "
    "{C2} would {verb} {num} {noun} to {city} by {month}.",
    "Officials in {city} told reporters that the {adj} plan to {verb} "
    "{noun} had been agreed with {C2} after {num} hours of talks.",
    "{P} warned that any attempt to {verb} the {adj} deal would meet a response from {C}.",
    "The {adj} agreement, signed in {city} in {month}, allows "
    "{C} to {verb} up to {num} {noun} a year.",
    "Analysts at {org} estimated that {C} had lost {num} million dollars since {P} took office.",
    "{C2} has denied that it plans to {verb} {noun}, calling the report {adj} and unfounded.",
    "According to {org}, at least {num} {noun} were moved from {city} to {city2} on {day}.",
    "{P} and {P2} met for {num} minutes in {city}, their first meeting since {month}.",
    "The {role} {P2} said the talks with {C} "
    "were {adj} but that {noun} remained the main obstacle.",
    "Protesters gathered outside the {org} office in {city} demanding that {C} {verb} all {noun}.",
    "In a statement, {org} said it would {verb} its {adj} mission in {C2} within {num} days.",
    "{C} first proposed to {verb} {noun} in {month}, when {P2} was still {role}.",
    "Trade between {C} and {C2} rose by {num} percent last year, driven by {noun} and {noun2}.",
    "The {role} is expected to visit {city2} on {day} to discuss {adj} {noun} with {P}.",
    "{P2} told {org} that {C2} was ready to {verb} {num} {noun} if {C} agreed to a ceasefire.",
    "Critics in {city} said the decision to {verb} {noun} was {adj} and came too late.",
    "Satellite images reviewed by {org} showed {num} {noun} near the border with {C2}.",
    "{C} had warned on {day} that it could {verb} the {adj} talks if {noun} were not returned.",
]
MARKET = (
    "Shares in {city} closed {dir} {num}.{num2} percent on {day}, with {noun} stocks leading "
    "the move while the currency traded at {num3}.{num2} against the dollar and bond yields "
    "ended the session at {num4}.{num} percent."
)
WEATHER = (
    "Forecasters in {city} expect temperatures of {num} degrees on {day}, with winds of up to "
    "{num2} kilometres an hour and {num3} millimetres of rain expected before the weekend."
)
SPELLING = [
    ("defence", "defense"),
    ("organise", "organize"),
    ("authorise", "authorize"),
    ("finalise", "finalize"),
    ("favourable", "favorable"),
    ("armoured", "armored"),
    ("kilometres", "kilometers"),
    ("U.S.", "US"),
    ("centre", "center"),
]
SWAPS = {
    "said": "stated",
    "would": "will",
    "talks": "negotiations",
    "told": "informed",
    "rose": "climbed",
    "met": "talked",
    "warned": "cautioned",
    "expected": "due",
}


class World:
    """Random names, places and sentences drawn from one seeded generator."""

    def __init__(self, rng: random.Random, *, days: int = 700) -> None:
        self.rng = rng
        self.days = days  # reports fall on days 0..days of 2024-01-01 on
        self.people = [self._name(2) + " " + self._name(3) for _ in range(4000)]
        self.countries = [self._name(3).capitalize() + "ia" for _ in range(300)] + ["U.S."]
        self.cities = [self._name(2) + "grad" for _ in range(1500)]
        self.orgs = [self._name(2) + " Institute" for _ in range(600)]

    def _name(self, parts: int) -> str:
        return "".join(self.rng.choice(SYLLABLES) for _ in range(parts)).capitalize()

    def cast(self) -> dict[str, str]:
        r = self.rng
        return {
            "P": r.choice(self.people),
            "P2": r.choice(self.people),
            "C": r.choice(self.countries),
            "C2": r.choice(self.countries),
            "city": r.choice(self.cities),
            "city2": r.choice(self.cities),
            "org": r.choice(self.orgs),
            "role": r.choice(ROLES),
        }

    def sentence(self, cast: dict[str, str], template: str | None = None) -> str:
        r = self.rng
        slots = dict(
            cast,
            verb=r.choice(VERBS),
            noun=r.choice(NOUNS),
            noun2=r.choice(NOUNS),
            adj=r.choice(ADJS),
            day=r.choice(WEEKDAYS),
            num=str(r.randint(2, 950)),
            num2=str(r.randint(0, 99)),
            num3=str(r.randint(1, 99)),
            num4=str(r.randint(1, 9)),
            dir=r.choice(["up", "down"]),
            month=dt.date(2024, r.randint(1, 12), 1).strftime("%B"),
        )
        return (template or r.choice(TEMPLATES)).format(**slots)


class ActorPopulation:
    """Long-tailed actors: `country(rng)` a 3-letter code, `other(rng)` a person or
    organisation id with its country, both by Zipf rank (see the module docstring)."""

    def __init__(
        self, *, seed: int = 7, countries: int = 200, people: int = 5000, s: float = 1.0
    ) -> None:
        rng = random.Random(f"population:{seed}")
        codes = ["".join(c) for c in itertools.product(string.ascii_uppercase, repeat=3)]
        self.seed = seed
        self.countries = rng.sample(codes, countries)
        self.people = [f"P{i:05d}" for i in range(people)]
        self._country_weights = list(
            itertools.accumulate(1 / r**s for r in range(1, countries + 1))
        )
        self._people_weights = list(itertools.accumulate(1 / r**s for r in range(1, people + 1)))
        # Each person or organisation belongs to one country, drawn by the same weights.
        self.home = [self.country(rng) for _ in self.people]

    def rng(self, key: str) -> random.Random:
        """The generator of one report's draws (the same key, the same actors)."""
        return random.Random(f"actors:{self.seed}:{key}")

    def country(self, rng: random.Random) -> str:
        return rng.choices(self.countries, cum_weights=self._country_weights)[0]

    def other(self, rng: random.Random) -> tuple[str, str]:
        """(id, country) of a person or organisation."""
        index = rng.choices(range(len(self.people)), cum_weights=self._people_weights)[0]
        return self.people[index], self.home[index]


def _record(
    art_id: str,
    group: str,
    title: str,
    body: list[str],
    day: dt.date,
    outlet: str,
    wire: str | None,
) -> dict[str, Any]:
    return {
        "id": art_id,
        "title": title,
        "body": "\n\n".join(body),
        "published": day.isoformat(),
        "outlet": outlet,
        "wire": wire,
        "planted_group": group,
    }


def syndicate(world: World, base: dict[str, Any], cast: dict[str, str], copy_id: str) -> dict:
    """One copy of `base` with a random mix of the edits desks make."""
    r = world.rng
    paras = base["body"].split("\n\n")
    if r.random() < 0.4:
        paras[0] = world.sentence(cast)  # rewritten lead
    if r.random() < 0.3 and len(paras) > 5:
        paras = paras[: len(paras) - r.randint(1, max(1, len(paras) // 4))]  # trimmed ending
    text = "\n\n".join(paras)
    if r.random() < 0.5:
        for british, american in r.sample(SPELLING, 4):
            a, b = (british, american) if r.random() < 0.5 else (american, british)
            text = text.replace(a, b)
    if r.random() < 0.4:
        words = text.split(" ")
        for _ in range(r.randint(1, 4)):
            i = r.randrange(len(words))
            words[i] = SWAPS.get(words[i], words[i])
        text = " ".join(words)
    if r.random() < 0.5:
        text = f"{cast['city'].upper()}, {r.choice(WEEKDAYS)} ({base['wire']}) - " + text
    title = base["title"] if r.random() < 0.4 else world.sentence(cast).split(",")[0]
    day = dt.date.fromisoformat(base["published"]) + dt.timedelta(days=r.randint(0, 2))
    return {
        **base,
        "id": copy_id,
        "title": title,
        "body": text,
        "published": day.isoformat(),
        "outlet": r.choice(OUTLETS),
        "wire": base["wire"] if r.random() < 0.5 else None,
    }


def family(world: World, serial: int) -> list[dict[str, Any]]:
    """One report with its copies, sometimes a follow-up weeks later, or one templated brief."""
    r = world.rng
    day = dt.date(2024, 1, 1) + dt.timedelta(days=r.randint(0, world.days))
    cast = world.cast()
    gid = f"g{serial}"
    if r.random() < 0.08:
        brief = world.sentence(cast, r.choice([MARKET, WEATHER]))
        return [
            _record(
                f"a{serial}", gid, f"{cast['city']} update", [brief], day, r.choice(OUTLETS), None
            )
        ]
    body = [world.sentence(cast) for _ in range(r.randint(8, 30))]
    wire = r.choice(WIRES)
    base = _record(f"a{serial}", gid, world.sentence(cast).split(",")[0], body, day, wire, wire)
    out = [base]
    if r.random() < 0.35:
        out += [syndicate(world, base, cast, f"a{serial}c{k}") for k in range(r.randint(1, 4))]
    if r.random() < 0.1:  # follow-up: same actors, a shared background paragraph, new report
        later = day + dt.timedelta(days=r.randint(10, 60))
        follow = [world.sentence(cast) for _ in range(r.randint(8, 16))] + body[-2:]
        out.append(
            _record(f"a{serial}f", f"{gid}f", base["title"], follow, later, r.choice(OUTLETS), None)
        )
    return out


def generate(
    n: int, *, seed: int = 7, window: int = 2000, days: int = 700
) -> Iterator[dict[str, Any]]:
    """Exactly `n` records; copies are shuffled within `window` so they arrive interleaved.
    Reports fall on `days` + 1 days whatever `n` is (so a bigger corpus is a denser one);
    `days` proportional to `n` keeps the articles a day fixed, as a growing archive of the
    same feeds would."""
    rng = random.Random(seed)
    world = World(rng, days=days)
    buffer: list[dict[str, Any]] = []
    emitted, serial = 0, 0
    while emitted < n:
        while len(buffer) < window and emitted + len(buffer) < n:
            buffer.extend(family(world, serial)[: n - emitted - len(buffer)])
            serial += 1
        rng.shuffle(buffer)
        take = buffer[: max(1, window // 2)]
        del buffer[: len(take)]
        for record in take:
            yield record
            emitted += 1


def articles(n: int, *, seed: int = 7, window: int = 2000) -> list[Article]:
    """The first `n` records as `Article`s dated to the day (for tests and benchmarks that feed
    the duplicate index or the store without ingesting text files)."""
    out = []
    for i, r in enumerate(generate(n, seed=seed, window=window)):
        published = Published(value=str(r["published"]), precision="day", evidence="t")
        wire = r["wire"] if isinstance(r["wire"], str) else None
        out.append(
            Article(
                id=f"art_{i:05d}",
                document_id="d",
                source_path="x",
                item=1,
                title=str(r["title"]),
                body=str(r["body"]),
                outlet=str(r["outlet"]),
                wire=wire,
                published=published,
            )
        )
    return out


def write(n: int, out: TextIO, *, seed: int) -> None:
    for record in generate(n, seed=seed):
        out.write(json.dumps(record) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, help="JSONL file (default: stdout)")
    args = parser.parse_args()
    if args.out is None:
        write(args.n, sys.stdout, seed=args.seed)
    else:
        with args.out.open("w", encoding="utf-8") as handle:
            write(args.n, handle, seed=args.seed)


if __name__ == "__main__":
    main()
