"""Instant-runoff on hand-checked elections and the reference look-back tie."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from coopvote.counting.blt import parse_blt, read_blt
from coopvote.counting.irv import RULE as IRV
from coopvote.counting.model import Ballot, CountOptions, Election
from coopvote.errors import RuleError


def test_majority_after_transfers_with_exhausted_papers() -> None:
    """A 4, B 3, C 2 (one paper C>B, one C only); 9 papers, no majority. Round 2: C out, B 4, one
    paper exhausted; A's 4 of 8 is not more than half. A and B tie 4-4 for exclusion: round 1 (A 4,
    B 3) settles it, B goes out, and A is elected with all 4 papers still counting."""
    election = parse_blt('3 1\n4 1 0\n3 2 0\n1 3 2 0\n1 3 0\n0\n"A"\n"B"\n"C"\n')
    outcome = IRV.count(election, CountOptions())
    r1, r2, r3 = outcome.stages
    assert r1.totals == {0: 4, 1: 3, 2: 2}
    assert r2.excluded == [2] and r2.totals == {0: 4, 1: 4, 2: 0} and r2.exhausted == 1
    assert r3.excluded == [1] and outcome.tie_breaks[0].how == "most recent differing stage 1"
    assert outcome.elected == [0] and r3.exhausted == 5


def test_outright_majority_in_round_one() -> None:
    election = parse_blt('3 1\n5 1 0\n3 2 0\n1 3 0\n0\n"A"\n"B"\n"C"\n')
    outcome = IRV.count(election, CountOptions())
    assert len(outcome.stages) == 1 and outcome.elected == [0]


def test_weighted_papers_stay_exact() -> None:
    election = Election(
        ("A", "B", "C"), 1, (Ballot((0,), Fraction(3, 2)), Ballot((1,), Fraction(4, 3)), Ballot((2, 1), Fraction(1, 3)))
    )
    outcome = IRV.count(election, CountOptions())
    assert outcome.stages[1].totals[1] == Fraction(5, 3)
    assert outcome.elected == [1]


def test_more_than_one_seat_is_refused() -> None:
    with pytest.raises(RuleError, match="one seat"):
        IRV.count(parse_blt('2 2\n1 1 0\n0\n"A"\n"B"\n'), CountOptions())


def test_rctab_previous_round_tie(stv_reference: Path) -> None:
    election = read_blt(stv_reference / "ballots" / "rctab_tiebreak_previous_round.blt")
    seen = set()
    for seed in range(10):
        outcome = IRV.count(election, CountOptions(seed=seed))
        assert election.candidates[outcome.stages[2].excluded[0]] == "Grumpy"
        seen.add(election.candidates[outcome.elected[0]])
    assert seen == {"Sneezy", "Dopey"}
