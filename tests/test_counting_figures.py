"""Figures that add up: every ranked rule treats blank papers alike and every stage adds to the valid vote."""

from __future__ import annotations

from fractions import Fraction

import pytest

from coopvote.counting.model import Ballot, CountOptions, Election
from coopvote.counting.rules import RANKED_METHODS, get_rule

BALLOTS = (
    Ballot((0, 1), Fraction(4)),
    Ballot((1, 0), Fraction(3)),
    Ballot((2,), Fraction(2)),
    Ballot((3,), Fraction(1)),  # only a withdrawn candidate: a valid vote, non-transferable from the start
    Ballot((), Fraction(2)),  # blank papers: not votes
)


@pytest.mark.parametrize("method", sorted(RANKED_METHODS))
def test_every_ranked_rule_leaves_blank_papers_out_of_the_valid_vote(method: str) -> None:
    election = Election(("Aled", "Bethan", "Carys", "Dafydd"), 1, BALLOTS, withdrawn=frozenset({3}))
    outcome = get_rule(method).count(election, CountOptions())
    first = outcome.stages[0]
    held = sum((Fraction(v) for v in first.totals.values()), Fraction(0))
    assert held + Fraction(first.non_transferable) + Fraction(first.rounding_loss) == 10
    assert Fraction(first.non_transferable) == 1  # the withdrawn-only paper, never the blanks
    assert Fraction(first.rounding_loss) == 0  # blanks are not shown as rounding loss either


@pytest.mark.parametrize("method", sorted(RANKED_METHODS))
def test_every_stage_adds_up_to_the_valid_vote_with_class_weights(method: str) -> None:
    third = Fraction(1, 3)
    ballots = (Ballot((0, 1, 2), 7 * third), Ballot((1, 2), 11 * third), Ballot((2, 0), 19 * third), Ballot((3, 2), 5))
    election = Election(("A", "B", "C", "D"), 1 if method == "irv" else 2, ballots)
    outcome = get_rule(method).count(election, CountOptions())
    valid = election.total_value()
    for stage in outcome.stages:
        held = sum((Fraction(v) for v in stage.totals.values()), Fraction(0))
        assert held + Fraction(stage.non_transferable) + Fraction(stage.rounding_loss) == valid, stage.number
