"""ERS97 arithmetic and decisions that need no count state: quota, transfer values, bulk exclusion.

Everything is in integer hundredths (1.00 vote = 100), because the rules work to two decimal places
and a returning officer's sheet must show exactly what the program computed. A paper's weight is
also kept in hundredths of a paper, so that class-weighted ballots (weights like 1.5) fit the same
arithmetic; an unweighted paper is 100.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from coopvote.counting import ers97_notes


def hundredths(value_h: int) -> Decimal:
    """Hundredths as an exact two-place Decimal, for stage sheets."""
    return Decimal(value_h).scaleb(-2)


def ers_quota(total_h: int | Fraction, seats: int) -> int:
    """§5.1.6: total ÷ (seats + 1) to two places; if not exact, drop the remainder and add 0.01.

    ``total_h`` is in hundredths; it may be a Fraction when class weights make the valid vote inexact.
    """
    share = Fraction(total_h) / (seats + 1)
    quota = share.numerator // share.denominator
    return quota + 1 if quota != share else quota


def transfer_value(surplus_h: int, papers_h: int) -> int:
    """§5.3.7: surplus ÷ number of transferable papers, to two places, ignoring the remainder.

    ``papers_h`` counts papers in hundredths (weighted papers), so the division is scaled by 100.
    """
    return (surplus_h * 100) // papers_h


def paper_value(papers_h: int, tv: int) -> int:
    """Value in hundredths of ``papers_h`` hundredths of a paper at ``tv`` hundredths each (truncated)."""
    return (papers_h * tv) // 100


@dataclass
class Parcel:
    """Papers of one ranking group, held together at one value."""

    group: int
    papers_h: int
    tv: int

    @property
    def value(self) -> int:
        return paper_value(self.papers_h, self.tv)


@dataclass
class Batch:
    """§6.1: all the papers of one value received in one transfer (or at the first stage)."""

    stage: int
    tv: int
    parcels: list[Parcel] = field(default_factory=list)


def exclusion_group(
    votes: Mapping[int, int],
    continuing: Sequence[int],
    seats_left: int,
    deferred_h: int,
    protected: frozenset[int] = frozenset(),
    may_exclude: Callable[[list[int]], bool] | None = None,
) -> list[int]:
    """§5.2.5 bulk exclusion: the largest set (two or more) of lowest candidates whose votes, with the
    deferred surpluses, do not exceed the vote of the candidate next above, leaving enough candidates
    to fill the places. Returns [] if no such set exists (then the single lowest is excluded).

    A set never splits candidates with equal votes (that would need a tie-break the rules do not give
    for bulk exclusion), and never includes a candidate the seat constraints protect.
    """
    ordered = sorted(continuing, key=lambda c: votes[c])
    best: list[int] = []
    running = 0
    for k in range(1, len(ordered)):
        c = ordered[k - 1]
        if c in protected or (may_exclude is not None and not may_exclude(ordered[:k])):
            break
        running += votes[c]
        if len(ordered) - k < seats_left:
            break
        if k < 2 or votes[ordered[k]] == votes[c]:
            continue
        if running + deferred_h <= votes[ordered[k]]:
            best = ordered[:k]
    return best


def may_defer(
    votes: Mapping[int, int],
    continuing: Sequence[int],
    seats_left: int,
    surplus_h: int,
    protected: frozenset[int] = frozenset(),
    may_exclude: Callable[[list[int]], bool] | None = None,
) -> str:
    """§5.2.2: why the surpluses may wait (a keyed ``Note``), or "" if they must be transferred now.

    (a) they do not exceed the gap between the two lowest candidates, or (b) the gap between a group
    that could be excluded in bulk and the candidate next above. Either suffices: no transfer of that
    size could save the candidate(s) about to be excluded.
    """
    ordered = sorted(continuing, key=lambda c: votes[c])
    if len(ordered) < 2 or len(ordered) <= seats_left:
        return ""
    low, next_up = ordered[0], ordered[1]
    if low not in protected and surplus_h <= votes[next_up] - votes[low]:
        return ers97_notes.defer_below_gap(str(hundredths(surplus_h)), str(hundredths(votes[next_up] - votes[low])))
    group = exclusion_group(votes, continuing, seats_left, surplus_h, protected, may_exclude)
    if group:
        above = ordered[len(group)]
        gap = hundredths(votes[above] - sum(votes[c] for c in group))
        return ers97_notes.defer_below_group_gap(str(hundredths(surplus_h)), str(gap), len(group))
    return ""
