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

from coopvote.counting.model import Election, Stage, Value
from coopvote.counting.ties import Direction, TieBreaker
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
    grouped: dict[tuple[int, ...], Fraction] = {}
    n = len(election.candidates)
    for ballot in election.ballots:
        if not ballot.ranking:
            continue
        if not withdrawn and len(set(ballot.ranking)) == len(ballot.ranking):
            if min(ballot.ranking) < 0 or max(ballot.ranking) >= n:
                raise RuleError(f"a ballot ranks a candidate number outside 1 to {n}")
            grouped[ballot.ranking] = grouped.get(ballot.ranking, Fraction(0)) + Fraction(ballot.value)
            continue
        seen: set[int] = set()
        ranking: list[int] = []
        for c in ballot.ranking:
            if not 0 <= c < n:
                raise RuleError(f"a ballot ranks candidate number {c + 1}, but there are only {n} candidates")
            if c in withdrawn or c in seen:
                continue
            seen.add(c)
            ranking.append(c)
        key = tuple(ranking)
        grouped[key] = grouped.get(key, Fraction(0)) + Fraction(ballot.value)
    return [(k, v) for k, v in grouped.items() if v != 0]


def check_seats(election: Election) -> None:
    """Refuse counts that cannot mean anything, with words the officer can act on."""
    if election.seats < 1:
        raise RuleError(f"the contest {election.title or ''!s} must fill at least one seat, not {election.seats}")
    for ballot in election.ballots:
        if ballot.value < 0:
            raise RuleError("a ballot has a negative weight; weights must be zero or more")


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
