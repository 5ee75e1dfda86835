"""Stable ids for corpus records that grow: merged events and duplicate groups.

A record's id is chosen once, from its first member (an event's first mention, a group's
first article), and the choice is stored for every member (`id_assignments`). When the record
is rebuilt — more coverage, a relink after a rule change, another arrival order — each new
group takes the oldest id any of its members already carries, so alerts, URLs and API
clients keep pointing at the same event. When two old records merge, the older id survives;
when one splits, the part that keeps the oldest member-claimed id keeps it and the other part
is named from its own first member.
"""

from __future__ import annotations

from collections.abc import Sequence

from eventline.model import content_id

Assignment = tuple[str, int]  # (record id, sequence number of the choice: lower is older)


class StableIds:
    """Names groups of member keys, reusing earlier choices (`previous`: member -> choice)."""

    def __init__(self, prefix: str, previous: dict[str, Assignment], *, next_seq: int) -> None:
        self.prefix = prefix
        self.previous = previous
        self.next_seq = next_seq
        self.chosen: dict[str, Assignment] = {}
        self._old_targets = {a[0] for a in previous.values()}
        #: Members whose stored assignment the caller read, with it (None: none stored), so
        #: writing the choices need not read those rows again (`state.update_assignments`).
        self.stored: dict[str, Assignment | None] = {}

    def __call__(self, groups: list[list[str]]) -> list[str]:
        """One id per group (members first-member first), in the order given."""
        return [choice[0] for choice in self.assign(groups)]

    def assign(self, groups: Sequence[Sequence[str]]) -> list[Assignment]:
        claims = [
            sorted({self.previous[m] for m in members if m in self.previous}, key=lambda a: a[1])
            for members in groups
        ]

        # Groups holding the oldest ids choose first; on a tie (a split) the part holding the
        # member the id was named after keeps it.
        def priority(i: int) -> tuple[int, int, int]:
            if not claims[i]:
                return (1 << 62, 1, i)
            oldest = claims[i][0][0]
            origin = any(content_id(self.prefix, m) == oldest for m in groups[i])
            return (claims[i][0][1], 0 if origin else 1, i)

        order = sorted(range(len(groups)), key=priority)
        taken: set[str] = {a[0] for a in self.chosen.values()}
        result: list[Assignment | None] = [None] * len(groups)
        for i in order:
            free = [a for a in claims[i] if a[0] not in taken]
            if free:
                choice = free[0]
            else:
                choice = (self._fresh(groups[i][0], taken), self.next_seq)
                self.next_seq += 1
            taken.add(choice[0])
            result[i] = choice
            for member in groups[i]:
                self.chosen[member] = choice
        return [r for r in result if r is not None]

    def _fresh(self, first: str, taken: set[str]) -> str:
        candidate = content_id(self.prefix, first)
        n = 1
        while candidate in taken or candidate in self._old_targets:
            candidate = content_id(self.prefix, first, n)
            n += 1
        return candidate
