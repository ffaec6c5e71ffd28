"""Bookkeeping every STV-family count shares: clean rankings, stage records, conservation.

Each rule keeps its own arithmetic (Scottish STV in 10^-5 units, WIGM and Meek in Fractions) but the
stage sheet a returning officer reads is the same, and so is the check that no vote was created or
lost: at every stage the candidates' totals, the non-transferable papers and the rounding loss add up
to the valid vote.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from coopvote.counting.constraints import SeatConstraints
from coopvote.counting.model import CountOptions, Election, Outcome, Stage, Value
from coopvote.counting.notes import Note
from coopvote.counting.ties import Direction, Prefer, TieBreaker
from coopvote.errors import RuleError


def clean_rankings(election: Election) -> list[tuple[tuple[int, ...], Fraction]]:
    """Rankings with withdrawn candidates and repeated marks removed, identical ones grouped.

    A withdrawn candidate is skipped as if never marked (droop, OpenSTV); a repeated mark for the
    same candidate adds nothing, so only its first appearance counts. A blank paper (no preference at
    all) is not a vote and is dropped, as droop does (it counts 677 papers for Wichmann's M135, which
    has two blank lines). A paper marked only for withdrawn candidates is kept as an empty ranking: it
    was a valid vote and is non-transferable from the start.
    """
    withdrawn = election.withdrawn
    whole: dict[tuple[int, ...], int] = {}  # integer sums stay ints: Fraction addition is slow
    exact: dict[tuple[int, ...], Fraction] = {}
    n = len(election.candidates)
    for ballot in election.ballots:
        ranking = ballot.ranking
        if not ranking:
            continue
        if withdrawn or len(set(ranking)) != len(ranking):
            seen: set[int] = set()
            kept: list[int] = []
            for c in ranking:
                if c in withdrawn or c in seen:
                    continue
                seen.add(c)
                kept.append(c)
            ranking = tuple(kept)
        if ranking and (min(ranking) < 0 or max(ranking) >= n):
            raise RuleError("counting.ballot_out_of_range", candidates=n)
        value = ballot.value
        if not isinstance(value, int | Fraction):
            value = Fraction(value)
        if value.numerator < 0:
            raise RuleError("counting.negative_weight")
        if value.denominator == 1:
            whole[ranking] = whole.get(ranking, 0) + value.numerator
        else:
            exact[ranking] = exact.get(ranking, Fraction(0)) + value
    grouped = {k: Fraction(v) for k, v in whole.items() if v}
    for k, v in exact.items():
        total = grouped.get(k, Fraction(0)) + v
        if total:
            grouped[k] = total
        else:
            grouped.pop(k, None)
    return list(grouped.items())


def total_value(groups: Sequence[tuple[tuple[int, ...], Fraction]]) -> Fraction:
    """The sum of the group values, adding whole numbers as ints (many thousands of groups)."""
    whole = sum(v.numerator for _, v in groups if v.denominator == 1)
    return Fraction(whole) + sum((v for _, v in groups if v.denominator != 1), Fraction(0))


def check_seats(election: Election) -> None:
    """Refuse counts that cannot mean anything, with words the officer can act on."""
    if election.seats < 1:
        raise RuleError("counting.no_seat", title=election.title or "", seats=election.seats)


@dataclass
class StageLog:
    """The stages of one count, and the totals history the tie rules look back through."""

    valid: Fraction
    stages: list[Stage] = field(default_factory=list)
    history: list[dict[int, Value]] = field(default_factory=list)

    def add(self, stage: Stage) -> Stage:
        stage.number = len(self.stages) + 1
        self.stages.append(stage)
        self.history.append(dict(stage.totals))
        return stage

    def check_conservation(self, stage: Stage, scale: int = 1) -> None:
        """Raise if votes were created or lost; ``scale`` converts fixed-point units to votes."""
        held = sum((Fraction(v) for v in stage.totals.values()), Fraction(0))
        accounted = held + Fraction(stage.non_transferable) + Fraction(stage.rounding_loss)
        if accounted / scale != self.valid:
            raise AssertionError(
                f"stage {stage.number}: totals {held / scale} + non-transferable and rounding "
                f"do not equal the valid vote {self.valid}"
            )


def order_of_election(
    candidates: Iterable[int],
    totals: Mapping[int, Value],
    ties: TieBreaker,
    *,
    stage: int,
    history: Sequence[Mapping[int, Value]],
    direction: Direction = "most_recent",
) -> list[int]:
    """Candidates reaching the quota at one stage, highest vote first (SOURCES.md: rules leave it open)."""
    by_vote: dict[Value, list[int]] = {}
    for c in candidates:
        by_vote.setdefault(totals[c], []).append(c)
    result: list[int] = []
    for vote in sorted(by_vote, reverse=True):
        group = by_vote[vote]
        if len(group) == 1:
            result.extend(group)
        else:
            result.extend(
                ties.order(
                    group,
                    stage=stage,
                    purpose="order of election",
                    history=history,
                    prefer="highest",
                    direction=direction,
                )
            )
    return result


class GregoryCount:
    """The stage loop shared by the Gregory-method rules (Scottish STV, WIGM).

    Subclasses hold the arithmetic: ``tot`` is indexable by candidate (index ``n`` holds the
    non-transferable papers), ``move`` sends a candidate's papers on, ``scale`` turns the stored
    numbers into votes. The loop follows SSI 2007/42 rr. 47-52: after every stage elect whoever has
    the quota; stop when the seats are filled or the continuing candidates are no more than the
    vacancies; otherwise move the largest surplus, never deferred, or else exclude the lowest.
    """

    rule_name = ""
    scale = 1
    look_back: Direction = "most_recent"

    def __init__(self, election: Election, options: CountOptions, valid: Fraction) -> None:
        self.election = election
        self.n = len(election.candidates)
        self.valid = valid
        self.hopeful = [c not in election.withdrawn for c in range(self.n)] + [False]
        self.elected: list[int] = []
        self.excluded: list[int] = []
        self.pending: list[int] = []
        self.ties = TieBreaker(options)
        self.constraints = SeatConstraints.for_count(election, options)
        self.log = StageLog(valid)
        self.history: list[dict[int, Value]] = []
        self.tot: Any = []
        self.quota: Any = 0
        self.nt: Any = 0
        self.loss: Any = 0
        self.notes: list[str] = []

    # ---- to provide --------------------------------------------------------------------------
    def move(self, source: int, surplus: Any) -> None:
        raise NotImplementedError

    def has_quota(self, c: int) -> bool:
        return bool(self.tot[c] >= self.quota)

    def transfer_value(self, c: int, surplus: Any) -> Value | None:
        return None

    # ---- bookkeeping -------------------------------------------------------------------------
    def votes(self, value: Any) -> Fraction:
        return Fraction(value) / self.scale

    def continuing(self) -> list[int]:
        return [c for c in range(self.n) if self.hopeful[c]]

    def seats_left(self) -> int:
        return self.election.seats - len(self.elected)

    def record(self, action: str, description: str, before: Sequence[Any] | None, **extra: Any) -> Stage:
        shown = [c for c in range(self.n) if c not in self.election.withdrawn]
        totals: dict[int, Value] = {c: self.votes(self.tot[c]) for c in shown}
        transfers: dict[int, Value] = {}
        if before is not None:
            transfers = {c: self.votes(self.tot[c] - before[c]) for c in shown if self.tot[c] != before[c]}
        nt = self.votes(self.nt)
        stage = Stage(
            number=0, action=action, description=description, totals=totals, transfers=transfers,
            non_transferable=nt, exhausted=nt, rounding_loss=self.votes(self.loss),
            quota=self.votes(self.quota), **extra,
        )
        self.log.add(stage)
        self.history.append({c: self.tot[c] for c in range(self.n)})
        self.log.check_conservation(stage)
        return stage

    # ---- decisions -----------------------------------------------------------------------------
    def elect_with_quota(self, stage: Stage) -> None:
        reached = [c for c in self.continuing() if self.has_quota(c)]
        if not reached:
            return
        ordered = order_of_election(
            reached, self.history[-1], self.ties, stage=stage.number, history=self.history,
            direction=self.look_back,
        )
        for c in ordered:
            if self.seats_left() <= 0:
                break
            if self.constraints.active and not self.constraints.can_elect(
                c, self.elected, self.continuing(), self.seats_left()
            ):
                # Doomed: stays continuing and constraint_step excludes them next.
                why = self.constraints.why_doomed(c, self.elected)
                self.notes.append(Note(
                    f"stage {stage.number}: {self.election.candidates[c]} reached the quota but is not "
                    f"elected: {why} (seats reserved per class)",
                    "notes.quota_but_reserved_why", stage=stage.number, candidate=self.election.candidates[c], why=why,
                ))
                continue
            self.hopeful[c] = False
            self.elected.append(c)
            stage.elected.append(c)
            if self.tot[c] > self.quota:
                self.pending.append(c)

    def exclude(self, c: int, why: str, key: str = "notes.excluded_lowest", because: Note | None = None) -> None:
        before = list(self.tot)
        self.hopeful[c] = False
        self.excluded.append(c)
        self.move(c, None)
        name = self.election.candidates[c]
        stage = self.record("exclusion", Note(f"exclusion of {name}: {why}", key, candidate=name,
                                                        **({"why": because} if because else {})), before, subject=c,
                            excluded=[c])
        self.elect_with_quota(stage)

    def transfer_surplus(self, c: int) -> None:
        before = list(self.tot)
        surplus = self.tot[c] - self.quota
        tv = self.transfer_value(c, surplus)
        self.pending.remove(c)
        self.move(c, surplus)
        name = self.election.candidates[c]
        stage = self.record("surplus", Note(f"transfer of the surplus of {name}", "notes.surplus", candidate=name), before,
                            subject=c, transfer_value=tv)
        self.elect_with_quota(stage)

    def elect_all(self, candidates: Iterable[int], why: str, key: str) -> None:
        """Elect ``candidates`` at the last stage, highest first, none beyond the seat limits per class."""
        stage = self.log.stages[-1]
        refused: list[int] = []
        for c in sorted(candidates, key=lambda c: (-self.tot[c], c)):
            if self.seats_left() <= 0 or (
                self.constraints.active
                and not self.constraints.can_elect(c, self.elected, self.continuing(), self.seats_left())
            ):
                refused.append(c)
                continue
            self.hopeful[c] = False
            self.elected.append(c)
            stage.elected.append(c)
        self.notes.append(Note(f"stage {stage.number}: {why}", key, stage=stage.number))
        if refused:
            for c in refused:
                self.hopeful[c] = False
                self.excluded.append(c)
            stage.excluded.extend(refused)
            names = ", ".join(self.election.candidates[c] for c in refused)
            self.notes.append(Note(f"stage {stage.number}: {names} not elected: the seat limits per class leave no place",
                                   "notes.refused_by_seat_limits", stage=stage.number,
                                   candidates=[self.election.candidates[c] for c in refused]))

    def constraint_step(self) -> bool:
        """Apply the seats reserved per class (constraints.py); True if that ended a stage or the count.

        When the guarded candidates are as many as the seats that can still be filled, they are
        elected; otherwise the lowest doomed candidate is excluded, one a stage, papers transferred.
        """
        if not self.constraints.active:
            return False
        continuing = self.continuing()
        left = self.seats_left()
        forced = self.constraints.must_elect(self.elected, continuing, left)
        if forced:
            self.elect_all(forced, "elected without the quota: the seats left are needed for the seat limits per class",
                          "notes.elected_for_seat_limits")
            return True
        doomed = self.constraints.doomed(self.elected, continuing, left)
        if doomed:
            low = min(doomed, key=lambda c: (self.tot[c], c))
            why = self.constraints.why_doomed(low, self.elected)
            self.exclude(low, f"cannot be elected: {why} (seats reserved per class)", "notes.excluded_reserved_why", why)
            return True
        return False

    def pick(self, tied: list[int], purpose: str, prefer: Prefer) -> int:
        return self.ties.choose(
            tied, stage=len(self.history) + 1, purpose=purpose, history=self.history,
            prefer=prefer, direction=self.look_back,
        )

    def run(self) -> Outcome:
        stage = self.record("first preferences", Note("first preferences counted", "notes.first_preferences"), None)
        self.elect_with_quota(stage)
        while self.seats_left() > 0:
            if self.constraint_step():
                continue
            if self.seats_left() <= 0:
                break
            continuing = self.continuing()
            if len(continuing) <= self.seats_left():
                self.elect_all(continuing, "continuing candidates equal the vacancies, so all are elected",
                              "notes.continuing_equal_vacancies")
                break
            if self.pending:
                top = max(self.tot[c] for c in self.pending)
                self.transfer_surplus(self.pick([c for c in self.pending if self.tot[c] == top], "surplus order", "highest"))
                continue
            guarded = (
                self.constraints.guarded(self.elected, continuing, self.seats_left()) if self.constraints.active else set()
            )
            pool = [c for c in continuing if c not in guarded] or continuing
            low = min(self.tot[c] for c in pool)
            self.exclude(self.pick([c for c in pool if self.tot[c] == low], "exclusion", "lowest"), "lowest vote")
        if len(self.elected) < self.election.seats:
            if self.constraints.active:
                self.notes.append(Note(
                    "some seats are left unfilled: there were too few candidates, or too few the seat limits "
                    "per class allow", "notes.unfilled_seat_limits",
                ))
            else:
                self.notes.append(Note("there were fewer candidates than seats: some seats are left unfilled",
                                       "notes.unfilled_too_few"))
        return Outcome(
            method=self.rule_name, seats=self.election.seats, candidates=self.election.candidates,
            elected=list(self.elected), stages=self.log.stages, quota=self.votes(self.quota),
            tie_breaks=self.ties.records, notes=self.notes,
        )
