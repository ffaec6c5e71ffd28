"""Gregory counts in integer fixed point: papers kept in piles by value, the arithmetic at the rule's precision.

Scottish STV (units of 10^-5) and the PR Foundation's reference WIGM (10^-4) count the same way and
differ only in their scale, quota and how a surplus value is truncated; those are the subclass's.
Papers that hold the same value and the same preferences still to come move alike for the rest of
the count, so each candidate's pile maps value -> (rest of the ranking -> number of papers). Piles
merge as the count goes on, so a transfer costs one step per distinct kind of paper, and a
100,000-paper count needs no numpy (whose import alone would cost more than the count). What
truncation leaves behind is kept as ``rounding_loss`` (the official reports add it to
non-transferable).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from fractions import Fraction
from itertools import chain
from typing import Any

from coopvote.counting.model import Ballot, CountOptions, Election, Value
from coopvote.counting.stv_common import GregoryCount, check_seats
from coopvote.errors import RuleError

Ranking = tuple[int, ...] | bytes
"""Candidate indices in order of preference (the BLT reader gives bytes, one candidate a byte)."""
Pile = dict[int, dict[Ranking, int]]
"""value of each paper (units) -> rest of the ranking after the current candidate -> papers."""


def split_ballots(ballots: Iterable[Ballot]) -> tuple[dict[Ranking, int], list[tuple[Ranking, Fraction]]]:
    """(whole-number groups: ranking -> papers of value 1, fractional ballots: one paper each)."""
    whole: dict[Ranking, int] = {}
    fractional: list[tuple[Ranking, Fraction]] = []
    for ballot in ballots:
        value = ballot.value
        if not isinstance(value, int | Fraction):
            value = Fraction(value)
        if value.denominator == 1:
            whole[ballot.ranking] = whole.get(ballot.ranking, 0) + int(value.numerator)
        else:
            fractional.append((ballot.ranking, value))
    return whole, fractional


class FixedPointGregoryCount(GregoryCount):
    """One count in integer units of ``1 / scale`` of a vote; ``tot`` holds units, index ``n`` non-transferable.

    A subclass names the rule (``rule_name``, ``scale``, ``look_back``) and gives ``initial_quota``
    and ``surplus_value``, the two places where the rules' arithmetic differs.
    """

    def initial_quota(self) -> int:
        raise NotImplementedError

    def surplus_value(self, value: int, surplus: int, total: int) -> int:
        """The new value of one paper worth ``value`` units when ``surplus`` of ``total`` moves on."""
        raise NotImplementedError

    def __init__(
        self,
        election: Election,
        options: CountOptions,
        groups: tuple[Mapping[Ranking, int], Iterable[tuple[Ranking, Fraction]]] | None = None,
    ) -> None:
        """``groups`` (whole, fractional), as ``split_ballots`` gives them, stand in for the ballots.

        A whole-number value is that many papers of value 1; a fractional one is one paper truncated
        at the rule's scale (5 places for Scottish STV). Blank papers are left out (not votes); a repeated or withdrawn candidate is
        skipped like any candidate who is not continuing.
        """
        check_seats(election)
        n = len(election.candidates)
        whole, fractional = groups if groups is not None else split_ballots(election.ballots)
        fractional = [(ranking, weight) for ranking, weight in fractional if ranking]
        marked = set(chain.from_iterable(whole))  # every candidate number any paper holds, at C speed
        marked.update(chain.from_iterable(ranking for ranking, _ in fractional))
        if marked and (min(marked) < 0 or max(marked) >= n):
            raise RuleError("counting.ballot_out_of_range", candidates=n)
        blank = whole.get((), 0) + whole.get(b"", 0)  # the BLT reader's rankings may be bytes
        if (whole and min(whole.values()) < 0 and any(k < 0 for r, k in whole.items() if r)) or any(
            weight < 0 for _, weight in fractional
        ):
            raise RuleError("counting.negative_weight")
        unit = self.scale
        loss = Fraction(0)
        super().__init__(election, options, Fraction(sum(whole.values()) - blank) + sum(w for _, w in fractional))
        self.piles: list[Pile] = [{} for _ in range(n + 1)]
        self.tot = [0] * (n + 1)
        piles = self.piles
        if not election.withdrawn:  # the usual case: each distinct ranking is a distinct (first, rest)
            firsts: list[dict[Ranking, int]] = [{} for _ in range(n)]
            for ranking, count in whole.items():
                if ranking:
                    firsts[ranking[0]][ranking[1:]] = count
            for c, held in enumerate(firsts):
                if held:
                    piles[c][unit] = held
                    self.tot[c] = unit * sum(held.values())
            kinds: list[tuple[Ranking, int, int]] = []
        else:
            kinds = [(ranking, unit, count) for ranking, count in whole.items() if ranking]
        for ranking, weight in fractional:
            scaled = weight * unit
            kinds.append((ranking, scaled.numerator // scaled.denominator, 1))
            loss += scaled - scaled.numerator // scaled.denominator
        hopeful = self.hopeful
        for ranking, value, count in kinds:
            i = 0
            while i < len(ranking) and not hopeful[ranking[i]]:
                i += 1
            c = ranking[i] if i < len(ranking) else n
            rest = ranking[i + 1 :]
            held = piles[c].setdefault(value, {})
            held[rest] = held.get(rest, 0) + count
            self.tot[c] += value * count
        self.piles[n] = {}  # non-transferable papers never move again: only their total is kept
        self.nt = self.tot[n]
        self.loss = loss  # units; holds a fraction only when weights were truncated
        self.quota = self.initial_quota()

    def transfer_value(self, c: int, surplus: Any) -> Value | None:
        """The transfer value of a paper worth one vote (r. 48(3)), for the stage sheet."""
        return Fraction(self.surplus_value(self.scale, int(surplus), int(self.tot[c])), self.scale)

    def move(self, source: int, surplus: Any) -> None:
        """Move all of ``source``'s papers on: at a reduced value for a surplus, else as they are."""
        n = self.n
        hopeful = self.hopeful
        piles = self.piles
        moving, piles[source] = piles[source], {}
        total = int(self.tot[source])
        moved = 0
        for value, kinds in moving.items():
            new = value if surplus is None else self.surplus_value(value, int(surplus), total)
            targets = [pile.setdefault(new, {}) for pile in piles]
            gained = [0] * (n + 1)
            for rest, count in kinds.items():
                if rest and hopeful[rest[0]]:  # the next preference is continuing: the usual case
                    c = rest[0]
                    key = rest[1:]
                else:
                    i = 0
                    for c in rest:
                        i += 1
                        if hopeful[c]:
                            break
                    else:
                        gained[n] += count
                        continue
                    key = rest[i:]
                held = targets[c]
                held[key] = held.get(key, 0) + count
                gained[c] += count
            for c in range(n + 1):
                if gained[c]:
                    self.tot[c] += gained[c] * new
                    moved += gained[c] * new
            for pile in piles:
                if not pile[new]:
                    del pile[new]
        piles[n] = {}
        self.nt = self.tot[n]
        if surplus is None:
            self.tot[source] = 0
        else:
            self.tot[source] -= int(surplus)
            self.loss += int(surplus) - moved
