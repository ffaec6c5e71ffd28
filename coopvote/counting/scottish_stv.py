"""Scottish STV: The Scottish Local Government Elections Order 2007 (SSI 2007/42), Sch. 1, rr. 45-52.

Weighted inclusive Gregory: every paper of an elected candidate is re-sorted, each at a transfer
value of surplus x (its value when received) / (candidate's total), truncated at 5 decimal places
(r. 48(3)). The largest surplus moves first and is never deferred (r. 49); otherwise the lowest
candidate is excluded and all their papers move at the value they arrived with (r. 50). Ties look
back to the most recent stage at which the tied candidates differed, then lot (rr. 49(2), 51). When
the continuing candidates are as many as the vacancies they are elected with no further transfer
(r. 52).

Arithmetic is integer fixed point in units of 10^-5 of a vote: the rule's own precision, so every
figure is exact and matches the official stage reports digit for digit. Identical papers move
together, so each group of identical ballots is one row of numpy integer arrays; a transfer is a
handful of vectorised steps however many papers there are. What truncation leaves behind is kept as
``rounding_loss`` (the official reports add it to non-transferable).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from itertools import chain
from typing import Any

import numpy as np
import numpy.typing as npt

from coopvote.counting.model import Ballot, CountOptions, Election, Outcome, Value
from coopvote.counting.stv_common import GregoryCount, check_seats
from coopvote.counting.ties import Direction
from coopvote.errors import RuleError

UNIT = 10**5
_SAFE = 2**62

IntArray = npt.NDArray[np.int64]


@dataclass
class _Papers:
    """Groups of identical papers; ``owner`` is ``n`` (one past the last candidate) once non-transferable."""

    prefs: IntArray  # (groups, longest ranking + 1), padded with n
    count: IntArray  # papers in the group
    value: IntArray  # value of each paper, in units
    pos: IntArray  # column of the preference the papers now count for
    owner: IntArray


def _build(ballots: tuple[Ballot, ...], n: int, unit: int = UNIT) -> tuple[_Papers, Fraction, Fraction]:
    """Arrays straight from the ballots: (papers, truncation loss in units, valid vote).

    The rows need not be grouped or cleaned first: identical rankings in two rows move exactly as one
    row would (truncation is per paper either way), and a repeated or withdrawn candidate is skipped
    like any candidate who is not continuing. Blank papers are left out (not votes). A whole-number
    value is that many papers of value 1; a fractional one is one paper truncated to 5 places.
    """
    kept = [b for b in ballots if b.ranking]
    size = len(kept)
    lengths = np.fromiter((len(b.ranking) for b in kept), dtype=np.int64, count=size)
    width = int(lengths.max()) + 1 if size else 1
    prefs = np.full((size, width), n, dtype=np.int64)
    flat = np.fromiter(chain.from_iterable(b.ranking for b in kept), dtype=np.int64, count=int(lengths.sum()))
    if flat.size and (int(flat.min()) < 0 or int(flat.max()) >= n):
        raise RuleError(f"a ballot ranks a candidate number outside 1 to {n}")
    rows = np.repeat(np.arange(size, dtype=np.int64), lengths)
    starts = np.cumsum(lengths) - lengths
    cols = np.arange(flat.size, dtype=np.int64) - np.repeat(starts, lengths)
    prefs[rows, cols] = flat
    values = [b.value if isinstance(b.value, int | Fraction) else Fraction(b.value) for b in kept]
    count = np.fromiter((v.numerator if v.denominator == 1 else 1 for v in values), dtype=np.int64, count=size)
    value = np.full(size, unit, dtype=np.int64)
    if size and int(count.min()) < 0:
        raise RuleError("a ballot has a negative weight; weights must be zero or more")
    loss = Fraction(0)
    valid = Fraction(int(count.sum()))
    for i, v in enumerate(values):
        if v.denominator != 1:
            if v < 0:
                raise RuleError("a ballot has a negative weight; weights must be zero or more")
            valid += v - 1
            scaled = v * unit
            value[i] = scaled.numerator // scaled.denominator
            loss += scaled - int(value[i])
    papers = _Papers(prefs, count, value, np.zeros(size, dtype=np.int64), prefs[:, 0].copy())
    return papers, loss, valid


class _Count(GregoryCount):
    """One Scottish count; ``tot`` and the papers are numpy integers in units of 10^-5."""

    rule_name = "scottish-stv"
    scale = UNIT
    look_back: Direction = "most_recent"

    def initial_quota(self) -> int:
        return (int(self.valid) // (self.election.seats + 1) + 1) * self.scale  # r. 46

    def surplus_values(self, values: IntArray, surplus: int, total: int) -> IntArray:
        """r. 48(3): surplus x value / total, truncated to the unit, per paper."""
        if values.size and surplus * int(values.max()) >= _SAFE:
            return np.array([surplus * int(v) // total for v in values], dtype=np.int64)
        result: IntArray = (surplus * values) // total
        return result

    def __init__(self, election: Election, options: CountOptions) -> None:
        check_seats(election)
        n = len(election.candidates)
        papers, initial_loss, valid = _build(election.ballots, n, self.scale)
        super().__init__(election, options, valid)
        self.papers = papers
        self.stop_here = np.zeros(n + 1, dtype=bool)
        if election.withdrawn:
            idx = np.arange(papers.pos.size, dtype=np.int64)
            papers.pos, papers.owner = self._advance(idx, papers.pos.copy(), papers.owner.copy())
        self.tot = np.zeros(n + 1, dtype=np.int64)
        np.add.at(self.tot, papers.owner, papers.count * papers.value)
        self.nt = int(self.tot[n])
        self.loss = initial_loss  # units; holds a fraction only when weights were truncated
        self.quota = self.initial_quota()

    def _advance(self, idx: IntArray, pos: IntArray, cand: IntArray) -> tuple[IntArray, IntArray]:
        """Move each row on from ``pos`` until it reaches a continuing candidate or its end."""
        stop_here = self.stop_here
        stop_here[: self.n] = self.hopeful[: self.n]
        stop_here[self.n] = True
        prefs = self.papers.prefs
        while True:
            skip = ~stop_here[cand]
            if not skip.any():
                return pos, cand
            pos[skip] += 1
            cand[skip] = prefs[idx[skip], pos[skip]]

    def transfer_value(self, c: int, surplus: Any) -> Value | None:
        """The transfer value of a paper worth one vote (r. 48(3)), for the stage sheet."""
        one = np.array([self.scale], dtype=np.int64)
        return Fraction(int(self.surplus_values(one, int(surplus), int(self.tot[c]))[0]), self.scale)

    def move(self, source: int, surplus: Any) -> None:
        """Move all of ``source``'s papers on: at a reduced value for a surplus, else as they are."""
        p = self.papers
        idx = np.flatnonzero(p.owner == source)
        pos = p.pos[idx] + 1
        pos, cand = self._advance(idx, pos, p.prefs[idx, pos])
        values = p.value[idx]
        if surplus is not None:
            surplus = int(surplus)
            values = self.surplus_values(values, surplus, int(self.tot[source]))
        delta = np.zeros(self.n + 1, dtype=np.int64)
        np.add.at(delta, cand, p.count[idx] * values)
        moved = int(delta.sum())
        p.pos[idx], p.owner[idx], p.value[idx] = pos, cand, values
        self.tot[: self.n] += delta[: self.n]
        self.nt += int(delta[self.n])
        if surplus is None:
            self.tot[source] = 0
        else:
            self.tot[source] -= surplus
            self.loss += surplus - moved


class ScottishSTV:
    """The registry entry: ``coopvote count --method scottish-stv``."""

    name = "scottish-stv"

    def count(self, election: Election, options: CountOptions) -> Outcome:
        return _Count(election, options).run()


RULE = ScottishSTV()
