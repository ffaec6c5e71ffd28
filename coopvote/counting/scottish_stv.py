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

import numpy as np
import numpy.typing as npt

from coopvote.counting.constraints import SeatConstraints
from coopvote.counting.model import CountOptions, Election, Outcome, Stage, Value
from coopvote.counting.stv_common import StageLog, check_seats, clean_rankings, order_of_election
from coopvote.counting.ties import TieBreaker

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


def _build(groups: list[tuple[tuple[int, ...], Fraction]], n: int) -> tuple[_Papers, Fraction]:
    """Arrays for the groups; a non-integral weight becomes one paper truncated to 5 places."""
    size = len(groups)
    lengths = np.fromiter((len(r) for r, _ in groups), dtype=np.int64, count=size)
    width = int(lengths.max()) + 1 if size else 1
    prefs = np.full((size, width), n, dtype=np.int64)
    flat = np.fromiter(chain.from_iterable(r for r, _ in groups), dtype=np.int64, count=int(lengths.sum()))
    rows = np.repeat(np.arange(size, dtype=np.int64), lengths)
    starts = np.cumsum(lengths) - lengths
    cols = np.arange(flat.size, dtype=np.int64) - np.repeat(starts, lengths)
    prefs[rows, cols] = flat
    count = np.empty(size, dtype=np.int64)
    value = np.empty(size, dtype=np.int64)
    loss = Fraction(0)
    for i, (_, v) in enumerate(groups):
        if v.denominator == 1:
            count[i], value[i] = v.numerator, UNIT
        else:
            scaled = v * UNIT
            count[i], value[i] = 1, scaled.numerator // scaled.denominator
            loss += scaled - value[i]
    papers = _Papers(prefs, count, value, np.zeros(size, dtype=np.int64), prefs[:, 0].copy())
    return papers, loss


class _Count:
    """The state of one Scottish count, in units."""

    def __init__(self, election: Election, options: CountOptions) -> None:
        check_seats(election)
        self.election = election
        self.n = n = len(election.candidates)
        groups = clean_rankings(election)
        self.valid = sum((v for _, v in groups), Fraction(0))
        self.papers, initial_loss = _build(groups, n)
        self.tot = np.zeros(n + 1, dtype=np.int64)
        np.add.at(self.tot, self.papers.owner, self.papers.count * self.papers.value)
        self.nt = int(self.tot[n])
        self.loss = initial_loss  # units, may hold a fraction from truncated weights
        self.quota = (int(self.valid) // (election.seats + 1) + 1) * UNIT if self.valid else UNIT
        self.hopeful = np.zeros(n + 1, dtype=bool)
        self.hopeful[:n] = True
        for c in election.withdrawn:
            self.hopeful[c] = False
        self.elected: list[int] = []
        self.excluded: list[int] = []
        self.pending: list[int] = []  # elected with a surplus not yet transferred
        self.ties = TieBreaker(options)
        self.constraints = SeatConstraints.from_options(options)
        self.log = StageLog(self.valid)
        self.units: list[dict[int, int]] = []

    # ---- bookkeeping -------------------------------------------------------------------------
    def continuing(self) -> list[int]:
        return [c for c in range(self.n) if self.hopeful[c]]

    def seats_left(self) -> int:
        return self.election.seats - len(self.elected)

    def record(self, action: str, description: str, before: IntArray | None, **extra: object) -> Stage:
        shown = [c for c in range(self.n) if c not in self.election.withdrawn]
        totals: dict[int, Value] = {c: Fraction(int(self.tot[c]), UNIT) for c in shown}
        transfers: dict[int, Value] = {}
        if before is not None:
            transfers = {c: Fraction(int(self.tot[c] - before[c]), UNIT) for c in shown if self.tot[c] != before[c]}
        stage = Stage(
            number=0,
            action=action,
            description=description,
            totals=totals,
            transfers=transfers,
            non_transferable=Fraction(self.nt, UNIT),
            exhausted=Fraction(self.nt, UNIT),
            rounding_loss=self.loss / UNIT,
            quota=Fraction(self.quota, UNIT),
            **extra,  # type: ignore[arg-type]
        )
        self.log.add(stage)
        self.units.append({c: int(self.tot[c]) for c in range(self.n)})
        self.log.check_conservation(stage)
        return stage

    # ---- moving papers -----------------------------------------------------------------------
    def move(self, source: int, surplus: int | None) -> None:
        """Move all of ``source``'s papers on: at a reduced value for a surplus, else as they are."""
        p = self.papers
        idx = np.flatnonzero(p.owner == source)
        pos = p.pos[idx] + 1
        cand = p.prefs[idx, pos]
        stop_here = self.hopeful.copy()
        stop_here[self.n] = True
        while True:
            skip = ~stop_here[cand]
            if not skip.any():
                break
            pos[skip] += 1
            cand[skip] = p.prefs[idx[skip], pos[skip]]
        values = p.value[idx]
        if surplus is not None:
            total = int(self.tot[source])
            if values.size and surplus * int(values.max()) >= _SAFE:
                values = np.array([surplus * int(v) // total for v in values], dtype=np.int64)
            else:
                values = (surplus * values) // total
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

    # ---- decisions -----------------------------------------------------------------------------
    def elect_with_quota(self, stage: Stage) -> None:
        reached = [c for c in self.continuing() if self.tot[c] >= self.quota]
        if not reached:
            return
        ordered = order_of_election(reached, self.units[-1], self.ties, stage=stage.number, history=self.units)
        for c in ordered:
            if self.seats_left() <= 0:
                break
            if self.constraints.active and not self.constraints.can_elect(c, self.elected, self.seats_left()):
                continue  # left continuing; the constraint pass below excludes them
            self.hopeful[c] = False
            self.elected.append(c)
            stage.elected.append(c)
            if self.tot[c] > self.quota:
                self.pending.append(c)

    def exclude(self, c: int, why: str) -> None:
        before = self.tot.copy()
        self.hopeful[c] = False
        self.excluded.append(c)
        self.move(c, None)
        name = self.election.candidates[c]
        stage = self.record("exclusion", f"exclusion of {name}: {why}", before, subject=c, excluded=[c])
        self.elect_with_quota(stage)

    def transfer_surplus(self, c: int) -> None:
        before = self.tot.copy()
        surplus = int(self.tot[c]) - self.quota
        tv = Fraction(surplus * UNIT // int(self.tot[c]), UNIT)
        self.pending.remove(c)
        self.move(c, surplus)
        name = self.election.candidates[c]
        stage = self.record(
            "surplus", f"transfer of the surplus of {name}", before, subject=c, transfer_value=tv
        )
        self.elect_with_quota(stage)

    def constraint_step(self) -> bool:
        """Apply the per-class seat limits; True if a stage was used."""
        if not self.constraints.active:
            return False
        continuing = self.continuing()
        blocked = sorted(
            self.constraints.barred(self.elected, continuing)
            | {c for c in continuing if not self.constraints.can_elect(c, self.elected, self.seats_left())}
        )
        if blocked:
            low = min(blocked, key=lambda c: (int(self.tot[c]), c))
            self.exclude(low, "their class cannot take another seat (seat limits)")
            return True
        forced = self.constraints.must_elect_now(self.elected, continuing, self.seats_left())
        if forced:
            stage = self.log.stages[-1]
            for c in sorted(forced, key=lambda c: (-int(self.tot[c]), c)):
                self.hopeful[c] = False
                self.elected.append(c)
                stage.elected.append(c)
            return False
        return False

    def run(self) -> Outcome:
        stage = self.record("first preferences", "first preferences counted", None)
        self.elect_with_quota(stage)
        notes: list[str] = []
        while True:
            if self.seats_left() <= 0:
                break
            if self.constraint_step():
                continue
            if self.seats_left() <= 0:
                break
            continuing = self.continuing()
            if len(continuing) <= self.seats_left():
                last = self.log.stages[-1]
                for c in sorted(continuing, key=lambda c: (-int(self.tot[c]), c)):
                    self.hopeful[c] = False
                    self.elected.append(c)
                    last.elected.append(c)
                if len(self.elected) < self.election.seats:
                    notes.append("fewer continuing candidates than seats: some seats are left unfilled")
                break
            if self.pending:
                top = max(int(self.tot[c]) for c in self.pending)
                tied = [c for c in self.pending if self.tot[c] == top]
                chosen = self.ties.choose(
                    tied, stage=len(self.units) + 1, purpose="surplus order", history=self.units,
                    prefer="highest", direction="most_recent",
                )
                self.transfer_surplus(chosen)
                continue
            guarded = self.constraints.guarded(self.elected, continuing) if self.constraints.active else set()
            candidates = [c for c in continuing if c not in guarded] or continuing
            low = min(int(self.tot[c]) for c in candidates)
            tied = [c for c in candidates if self.tot[c] == low]
            chosen = self.ties.choose(
                tied, stage=len(self.units) + 1, purpose="exclusion", history=self.units,
                prefer="lowest", direction="most_recent",
            )
            self.exclude(chosen, "lowest vote")
        return Outcome(
            method=RULE.name,
            seats=self.election.seats,
            candidates=self.election.candidates,
            elected=list(self.elected),
            stages=self.log.stages,
            quota=Fraction(self.quota, UNIT),
            tie_breaks=self.ties.records,
            notes=notes,
        )


class ScottishSTV:
    """The registry entry: ``coopvote count --method scottish-stv``."""

    name = "scottish-stv"

    def count(self, election: Election, options: CountOptions) -> Outcome:
        return _Count(election, options).run()


RULE = ScottishSTV()
