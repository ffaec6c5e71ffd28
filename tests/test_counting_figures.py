"""Figures that add up: every ranked rule treats blank papers alike and every stage adds to the valid vote."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

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


# -- exact fractions in --json ---------------------------------------------------------------------


def _weighted_blt(tmp_path: Path) -> Path:
    path = tmp_path / "weighted.blt"
    path.write_text('4 2\n7/3 1 2 3 0\n11/3 2 3 0\n19/3 3 1 0\n5 4 3 0\n3 1 4 0\n0\n"A"\n"B"\n"C"\n"D"\n"T"\n')
    return path


@pytest.mark.parametrize("method", ["ers97", "meek", "wigm", "scottish-stv"])
def test_count_json_gives_every_amount_as_an_exact_fraction(
    method: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from coopvote.cli import main as cli

    assert cli(["count", str(_weighted_blt(tmp_path)), "--method", method, "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    valid = Fraction(7, 3) + Fraction(11, 3) + Fraction(19, 3) + 8
    assert result["quota_exact"] is not None
    assert result["stages"][0]["exact"]["quota"] is not None
    for stage in result["stages"]:
        exact = stage["exact"]
        held = sum((Fraction(v) for v in exact["totals"].values()), Fraction(0))
        assert held + Fraction(exact["non_transferable"]) + Fraction(exact["rounding_loss"]) == valid
        assert set(exact["transfers"]) == set(stage["transfers"])
        for name, amount in exact["transfers"].items():  # the decimals are the exact values cut short
            assert abs(Fraction(amount) - Fraction(stage["transfers"][name])) < Fraction(1, 10**5)
        if stage["transfer_value"] is not None:
            assert abs(Fraction(exact["transfer_value"]) - Fraction(stage["transfer_value"])) < Fraction(1, 10**5)
        if method == "meek":
            assert set(exact["keep_factors"]) == set(stage["keep_factors"])
            assert all(0 <= Fraction(v) <= 1 for v in exact["keep_factors"].values())
    if method == "ers97":
        assert Fraction(result["stages"][0]["exact"]["rounding_loss"]) == valid - Fraction(233 + 366 + 633 + 800, 100)  # each group cut at 2 places
