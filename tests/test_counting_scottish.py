"""Scottish STV on small elections checked by hand, ties, lots, seat limits, and WIGM beside it."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from coopvote.counting.blt import parse_blt
from coopvote.counting.model import Ballot, CountOptions, Election
from coopvote.counting.scottish_stv import RULE as SCOTTISH
from coopvote.counting.ties import TieBreaker, look_back
from coopvote.counting.wigm import RULE as WIGM
from coopvote.errors import RuleError

# 6 AB, 3 AC, 2 B, 1 BC, 4 C: 16 papers, 2 seats.
HAND = parse_blt('3 2\n6 1 2 0\n3 1 3 0\n2 2 0\n1 2 3 0\n4 3 0\n0\n"A"\n"B"\n"C"\n"Hand"\n')


def F(text: str) -> Fraction:
    return Fraction(text)


def test_hand_checked_count_with_truncation() -> None:
    """Worked by hand from rr. 46-52.

    Quota = floor(16/3) + 1 = 6. Stage 1: A 9 (elected), B 3, C 4. Stage 2: A's surplus 3 moves at
    3 x 1 / 9 = 0.33333 (truncated): B + 6 x 0.33333 = 4.99998, C + 3 x 0.33333 = 4.99999, and
    3 - 2.99997 = 0.00003 is lost to truncation. Stage 3: B is lowest (by 0.00001) and excluded:
    2 papers worth 1 and 6 worth 0.33333 have no next preference (3.99998 non-transferable), 1 paper
    goes to C, giving 5.99999. C is the only continuing candidate for the last seat (r. 52).
    """
    outcome = SCOTTISH.count(HAND, CountOptions())
    a, b, c = 0, 1, 2
    assert outcome.quota == 6
    s1, s2, s3 = outcome.stages
    assert s1.totals == {a: 9, b: 3, c: 4} and s1.elected == [a]
    assert s2.totals == {a: 6, b: F("4.99998"), c: F("4.99999")}
    assert s2.transfer_value == F("0.33333")
    assert s2.rounding_loss == F("0.00003") and s2.non_transferable == 0
    assert s3.excluded == [b] and s3.subject == b
    assert s3.totals == {a: 6, b: 0, c: F("5.99999")}
    assert s3.non_transferable == F("3.99998")
    assert s3.elected == [c]
    assert outcome.elected == [a, c]
    assert outcome.tie_breaks == []


def test_exact_wigm_on_the_same_ballots_has_no_rounding() -> None:
    """Quota 16/3 exactly; A elected on 9 > 16/3; surplus 11/3 at 11/27 per paper. With the lower
    exact quota B's 3 + 66/27 = 5.44 exceeds it at stage 2 and B is elected: the two rules differ on
    these ballots because of the quota, not the rounding."""
    outcome = WIGM.count(HAND, CountOptions())
    s2 = outcome.stages[1]
    assert s2.totals[1] == 3 + 6 * Fraction(11, 27)
    assert s2.totals[2] == 4 + 3 * Fraction(11, 27)
    assert s2.rounding_loss == 0
    assert s2.elected == [1] and len(outcome.stages) == 2
    assert outcome.elected == [0, 1]


def test_look_back_most_recent_and_earliest_differ() -> None:
    history = [{1: 5, 2: 3}, {1: 4, 2: 6}, {1: 7, 2: 7}]
    assert look_back([1, 2], history, prefer="lowest", direction="most_recent") == ([1], 2)
    assert look_back([1, 2], history, prefer="lowest", direction="earliest") == ([2], 1)
    assert look_back([1, 2], history, prefer="highest", direction="most_recent") == ([2], 2)
    # three tied: stage 2 drops the highest, stage 1 then settles the remaining two
    history3 = [{1: 1, 2: 2, 3: 0}, {1: 3, 2: 3, 3: 4}, {1: 5, 2: 5, 3: 5}]
    assert look_back([1, 2, 3], history3, prefer="lowest", direction="most_recent") == ([1], 1)


def test_lot_replays_from_the_seed_and_differs_between_seeds() -> None:
    tied = [3, 5, 8, 9]
    first = [TieBreaker(CountOptions(seed=s)).lot(tied)[0] for s in range(30)]
    again = [TieBreaker(CountOptions(seed=s)).lot(tied)[0] for s in range(30)]
    assert first == again
    assert set(first) == set(tied)
    assert TieBreaker(CountOptions(tie_order=(9, 8, 5, 3))).lot(tied) == (9, "given tie order")


def test_true_tie_is_settled_by_lot_and_recorded() -> None:
    election = parse_blt('3 1\n2 1 0\n2 2 0\n1 3 0\n0\n"A"\n"B"\n"C"\n')
    winners = set()
    for seed in range(12):
        outcome = SCOTTISH.count(election, CountOptions(seed=seed))
        assert outcome.tie_breaks and outcome.tie_breaks[-1].how == f"lot (seed {seed})"
        assert outcome == SCOTTISH.count(election, CountOptions(seed=seed))
        winners.add(outcome.elected[0])
    assert winners == {0, 1}


def test_max_seats_for_a_class_bars_a_candidate_with_the_quota() -> None:
    """Hand-checked. Quota floor(24/3)+1 = 9. A (emp) 10 and B (emp) 9 both reach it at stage 1,
    but employees may hold one seat: B is excluded, B's 9 papers go to C, who is elected."""
    election = parse_blt('4 2\n10 1 0\n9 2 3 0\n3 3 0\n2 4 0\n0\n"A"\n"B"\n"C"\n"D"\n')
    plain = SCOTTISH.count(election, CountOptions())
    assert plain.elected == [0, 1]
    options = CountOptions(candidate_groups={0: "emp", 1: "emp", 2: "sup", 3: "sup"}, max_seats={"emp": 1})
    limited = SCOTTISH.count(election, options)
    assert limited.elected == [0, 2]
    assert limited.stages[1].excluded == [1]
    assert limited.stages[1].totals[2] == 12
    assert WIGM.count(election, options).elected == [0, 2]


def test_min_seats_for_a_class_is_honoured() -> None:
    """Hand-checked. A 10, B 9, C 3, D 2; 2 seats, supporters (C, D) need one. A is elected; B has
    the quota but electing B would leave no seat for a supporter, so B is excluded; A's surplus goes
    nowhere; D, lowest, is excluded; C is elected as the last continuing candidate."""
    election = parse_blt('4 2\n10 1 0\n9 2 0\n3 3 0\n2 4 0\n0\n"A"\n"B"\n"C"\n"D"\n')
    options = CountOptions(candidate_groups={0: "emp", 1: "emp", 2: "sup", 3: "sup"}, min_seats={"sup": 1})
    outcome = SCOTTISH.count(election, options)
    assert outcome.elected == [0, 2]
    excluded = [c for s in outcome.stages for c in s.excluded]
    assert excluded == [1, 3]


def test_weighted_ballots_are_exact_and_conserved() -> None:
    election = Election(
        candidates=("A", "B", "C"),
        seats=1,
        ballots=(Ballot((0, 1), Fraction(5, 2)), Ballot((1,), Fraction(2)), Ballot((2, 1), Fraction(1, 3))),
    )
    outcome = SCOTTISH.count(election, CountOptions())
    for stage in outcome.stages:
        total = sum(Fraction(v) for v in stage.totals.values())
        assert total + Fraction(stage.non_transferable) + Fraction(stage.rounding_loss) == Fraction(29, 6)
    # quota floor(29/6 / 2) + 1 = 3; C's 1/3 (kept as 0.33333, 1/300000 lost) lifts B to 2.33333,
    # still below A's 2.5; B is excluded and A, the last continuing candidate, elected.
    assert outcome.quota == 3
    assert outcome.stages[0].rounding_loss == Fraction(1, 300000)
    assert outcome.stages[1].totals[1] == Fraction("2.33333")
    assert outcome.elected == [0]


def test_no_seats_is_refused() -> None:
    with pytest.raises(RuleError):
        SCOTTISH.count(Election(("A",), 0, (Ballot((0,)),)), CountOptions())


def test_fewer_candidates_than_seats_elects_all_and_says_so() -> None:
    election = parse_blt('2 3\n3 1 0\n2 2 0\n0\n"A"\n"B"\n')
    outcome = SCOTTISH.count(election, CountOptions())
    assert sorted(outcome.elected) == [0, 1]
    assert any("unfilled" in n for n in outcome.notes)


@pytest.mark.parametrize(
    "name", ["glasgow2007_linn.blt", "dundee2022_w8_the_ferry.blt", "edinburgh2017_w11_city_centre.blt", "droop_42.blt"]
)
def test_the_fast_group_path_counts_exactly_as_the_election_path(stv_reference: Path, name: str) -> None:
    """``coopvote count`` hands the reader's groups straight to Scottish STV; it must agree stage for stage."""
    from coopvote.cli.cmd_count import count_file
    from coopvote.counting.blt import read_blt
    from coopvote.counting.model import CountOptions
    from coopvote.counting.rules import get_rule

    path = stv_reference / "ballots" / name
    if not path.is_file():
        pytest.skip(f"{name} is not in the shared reference set")
    _election, fast = count_file(path, "scottish-stv", seed=3)
    slow = get_rule("scottish-stv").count(read_blt(path), CountOptions(seed=3))
    assert fast.elected == slow.elected
    assert [s.totals for s in fast.stages] == [s.totals for s in slow.stages]
    assert [s.non_transferable for s in fast.stages] == [s.non_transferable for s in slow.stages]
