"""Weighted inclusive Gregory method (WIGM), in exact arithmetic.

This is the Gregory family's plain form, as droop's reference ``wigm`` rule counts it with rational
arithmetic, and as the Scottish rules would read with no rounding at all:

* quota: the exact Droop quota, valid vote / (seats + 1), with no rounding; a candidate is elected on
  votes *greater than* the quota (with an exact quota, reaching it exactly could let seats + 1 people
  in);
* surplus: every paper the candidate holds moves on at (its value) x surplus / (candidate's total),
  exactly; so nothing is lost to rounding and ``rounding_loss`` stays zero; the largest surplus goes
  first and none is deferred;
* exclusion: one candidate at a time, the lowest, papers moving at the value they arrived with;
* end: seats filled, or the continuing candidates no more than the vacancies (all elected).

Ties (equal surpluses, equal lowest): by default the most recent stage at which the tied candidates
differed, then a lot, as the Scottish rules do. droop's reference rule goes straight to its fixed
tie order; ``WIGM(look_back="none")`` counts that way and is what the droop comparisons use.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from coopvote.counting.fixed_gregory import FixedPointGregoryCount
from coopvote.counting.model import CountOptions, Election, Outcome, Value
from coopvote.counting.stv_common import GregoryCount, check_seats, clean_rankings, total_value
from coopvote.counting.ties import Direction


class _Count(GregoryCount):
    """One exact WIGM count; group values are Fractions."""

    def __init__(self, election: Election, options: CountOptions, name: str, look_back: Direction) -> None:
        check_seats(election)
        self.groups = clean_rankings(election)
        super().__init__(election, options, total_value(self.groups))
        self.rule_name = name
        self.look_back = look_back
        n = self.n
        self.value = [v for _, v in self.groups]
        self.pos = [0] * len(self.groups)
        self.held: list[list[int]] = [[] for _ in range(n + 1)]
        self.tot = [Fraction(0)] * (n + 1)
        for g in range(len(self.groups)):
            self._place(g, 0)
        self.nt = self.tot[n]
        self.loss = Fraction(0)
        self.quota = self.valid / (election.seats + 1)

    def has_quota(self, c: int) -> bool:
        return bool(self.tot[c] > self.quota)

    def transfer_value(self, c: int, surplus: Any) -> Value | None:
        return Fraction(surplus) / self.tot[c]

    def _place(self, g: int, start: int) -> None:
        ranking = self.groups[g][0]
        p = start
        while p < len(ranking) and not self.hopeful[ranking[p]]:
            p += 1
        self.pos[g] = p
        owner = ranking[p] if p < len(ranking) else self.n
        self.held[owner].append(g)
        self.tot[owner] += self.value[g]

    def move(self, source: int, surplus: Any) -> None:
        moving, self.held[source] = self.held[source], []
        if surplus is not None:
            factor = Fraction(surplus) / self.tot[source]
            for g in moving:
                self.value[g] *= factor
        for g in moving:
            self._place(g, self.pos[g] + 1)
        self.tot[source] = self.quota if surplus is not None else Fraction(0)
        self.nt = self.tot[self.n]


class WIGM:
    """The registry entry: ``coopvote count --method wigm``."""

    def __init__(self, name: str = "wigm", look_back: Direction = "most_recent") -> None:
        self.name = name
        self.look_back: Direction = look_back

    def count(self, election: Election, options: CountOptions) -> Outcome:
        return _Count(election, options, self.name, self.look_back).run()


RULE = WIGM()


class _PRFCount(FixedPointGregoryCount):
    """The PR Foundation's reference WIGM: 4-place fixed point, every product and quotient truncated.

    A.1 quota = valid / (seats + 1) truncated, plus 0.0001; B.1 elected at votes >= quota; B.3 new
    weight = (weight x surplus, truncated) / total vote, truncated; D.1 ties by a fixed order.
    """

    rule_name = "wigm-prf"
    scale = 10**4
    look_back: Direction = "none"

    def initial_quota(self) -> int:
        return int(self.valid * self.scale) // (self.election.seats + 1) + 1

    def surplus_value(self, value: int, surplus: int, total: int) -> int:
        return (value * surplus) // self.scale * self.scale // total


class WIGMPRF:
    """PR Foundation reference WIGM (single defeat), kept to check coopvote against droop's output.

    It is not offered as a meeting's counting method; ``WIGM`` (exact) is.
    """

    name = "wigm-prf"

    def count(self, election: Election, options: CountOptions) -> Outcome:
        return _PRFCount(election, options).run()


PRF_REFERENCE = WIGMPRF()
