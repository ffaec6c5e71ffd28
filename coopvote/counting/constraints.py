"""Seats reserved per membership class within one contest.

A society's rules may say "at least one seat for the people we support, at most four for employees".
Every rule honours this the same way, so the guard lives here once:

* a candidate whose class already holds its maximum is *barred*: treated as excluded, never elected;
* a candidate cannot be elected if that would leave too few seats for other classes' unmet minimums;
* a continuing candidate is *guarded* from exclusion when their class needs every one of its
  remaining candidates to reach its minimum, and guarded candidates are elected when the unfilled seats
  are exactly what the unmet minimums need.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from coopvote.counting.model import CountOptions


@dataclass(frozen=True)
class SeatConstraints:
    groups: Mapping[int, str] = field(default_factory=dict)
    min_seats: Mapping[str, int] = field(default_factory=dict)
    max_seats: Mapping[str, int] = field(default_factory=dict)

    @classmethod
    def from_options(cls, options: CountOptions) -> SeatConstraints:
        return cls(dict(options.candidate_groups), dict(options.min_seats), dict(options.max_seats))

    @property
    def active(self) -> bool:
        return bool(self.min_seats or self.max_seats)

    def _held(self, elected: Iterable[int]) -> dict[str, int]:
        held: dict[str, int] = {}
        for candidate in elected:
            group = self.groups.get(candidate)
            if group is not None:
                held[group] = held.get(group, 0) + 1
        return held

    def unmet_minimums(self, elected: Iterable[int]) -> dict[str, int]:
        held = self._held(elected)
        return {g: m - held.get(g, 0) for g, m in self.min_seats.items() if m - held.get(g, 0) > 0}

    def barred(self, elected: Iterable[int], continuing: Iterable[int]) -> set[int]:
        """Continuing candidates whose class already holds its maximum number of seats."""
        held = self._held(elected)
        return {
            c
            for c in continuing
            if (g := self.groups.get(c)) is not None and g in self.max_seats and held.get(g, 0) >= self.max_seats[g]
        }

    def can_elect(self, candidate: int, elected: Iterable[int], seats_left: int) -> bool:
        """Whether electing ``candidate`` now still leaves room for every other class's minimum."""
        elected = list(elected)
        group = self.groups.get(candidate)
        held = self._held(elected)
        if group is not None and group in self.max_seats and held.get(group, 0) >= self.max_seats[group]:
            return False
        unmet = self.unmet_minimums(elected)
        if group in unmet:
            unmet[group] -= 1
        return sum(n for n in unmet.values() if n > 0) <= seats_left - 1

    def guarded(self, elected: Iterable[int], continuing: Iterable[int]) -> set[int]:
        """Continuing candidates who may not be excluded: their class needs all of them for its minimum."""
        continuing = list(continuing)
        guarded: set[int] = set()
        for group, need in self.unmet_minimums(elected).items():
            members = [c for c in continuing if self.groups.get(c) == group]
            if len(members) <= need:
                guarded.update(members)
        return guarded

    def must_elect_now(self, elected: Iterable[int], continuing: Iterable[int], seats_left: int) -> set[int]:
        """Guarded candidates to elect at once, when the unfilled seats are only enough for the minimums."""
        elected = list(elected)
        unmet = self.unmet_minimums(elected)
        if not unmet or sum(unmet.values()) < seats_left:
            return set()
        return self.guarded(elected, continuing)
