"""ERS97 STV: the ERS model election's published stages 1-2, and small counts worked by hand.

No complete authoritative ERS97 count is available (SOURCES.md), so each case below was counted
by hand from the rules' text first; the comment above each test is that hand count, stage by stage.
"""

from __future__ import annotations

import json
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coopvote.counting.blt import parse_blt, read_blt
from coopvote.counting.constraints import SeatTableError
from coopvote.counting.ers97 import RULE
from coopvote.counting.ers97_parts import ers_quota, transfer_value
from coopvote.counting.model import Ballot, CountOptions, Election, Outcome
from tests.counting_strategies import ballot_lists, election_from

D = Decimal


def _election(seats: int, names: str, ballots: list[tuple[int, str]], withdrawn: str = "") -> Election:
    index = {n: i for i, n in enumerate(names)}
    return Election(
        candidates=tuple(names),
        seats=seats,
        ballots=tuple(Ballot(tuple(index[x] for x in r), Fraction(w)) for w, r in ballots),
        withdrawn=frozenset(index[x] for x in withdrawn),
    )


def _names(e: Election, cs: list[int]) -> str:
    return "".join(e.candidates[c] for c in cs)


def check_ers97_partial(expected: dict[str, Any], election: Election, outcome: Outcome) -> None:
    """Stages 1-2 of the ERS model election (§8): quota, first preferences, Smith's surplus."""
    known = expected["known"]
    index = {n: i for i, n in enumerate(election.candidates)}
    first, second = outcome.stages[0], outcome.stages[1]
    assert sum(first.totals.values()) + first.non_transferable == D(known["total_valid_vote"])
    assert first.quota == D(known["quota"])
    assert (
        _names(election, first.elected)
        and [election.candidates[c] for c in first.elected] == known["stage1_elected"]
    )
    for name, votes in known["stage1_first_preferences"].items():
        assert first.totals[index[name]] == votes
    stage2 = known["stage2"]
    assert second.action == "surplus" and second.subject == index["Smith"]
    assert second.transfer_value == D(stage2["transfer_value"])
    assert second.rounding_loss == D(stage2["non_transferable_from_rounding"])
    credited = sum(v for c, v in second.transfers.items() if c != index["Smith"])
    assert credited == D(stage2["credited_total"])
    assert -second.transfers[index["Smith"]] == D(stage2["surplus"])
    assert f"{D(stage2['papers_examined']):.2f} papers examined" in second.description
    assert f"{D(stage2['transferable_papers']):.2f} transferable" in second.description


def test_ers_model_election_stages_1_2(stv_reference: Path) -> None:
    expected = json.loads(
        (stv_reference / "expected" / "ers97" / "ers97_model.ers97_partial.expected.json").read_text()
    )
    election = read_blt(stv_reference / "ballots" / "ers97_model.blt")
    check_ers97_partial(expected, election, RULE.count(election, CountOptions()))


def test_quota_and_transfer_value_arithmetic() -> None:
    assert ers_quota(75300, 6) == 10758  # 753/7 = 107.571... -> 107.57 + 0.01
    assert ers_quota(9000, 2) == 3000  # exact: no 0.01 added
    assert transfer_value(2642, 12300) == 21  # 26.42 / 123 = 0.2147 -> 0.21


def test_deferred_surplus() -> None:
    """2 seats. A>B 36, B 25, C 15, D>C 10, E>D 4. Total 90, quota 90/3 = 30.00 (exact).

    Stage 1: A 36 elected, surplus 6.00.
    Stage 2: the two lowest are E 4 and D 10; the surplus 6.00 does not exceed their gap 6.00, so it
      is deferred (§5.2.2(a)). Bulk: E+D 14 + 6.00 > C 15, so E alone is excluded; 4 papers to D (14).
    Stage 3: lowest now D 14, C 15: gap 1 < 6.00, and D+C 29 + 6 > B 25: the surplus must move.
      A was elected at stage 1 so all 36 papers are examined; all go to B. TV = 6.00/36 = 0.166 ->
      0.16; B gets 36 x 0.16 = 5.76 (30.76 >= 30: elected); 0.24 lost to rounding.
    Stage 4: both places filled; C and D formally excluded.
    """
    e = _election(2, "ABCDE", [(36, "AB"), (25, "B"), (15, "C"), (10, "DC"), (4, "ED")])
    o = RULE.count(e, CountOptions())
    assert [s.action for s in o.stages] == ["first preferences", "exclusion", "surplus", "excluded"]
    assert o.stages[0].quota == D("30.00") and _names(e, o.stages[0].elected) == "A"
    assert _names(e, o.stages[1].excluded) == "E" and "deferred" in o.stages[1].description
    assert o.stages[1].totals[3] == D("14.00") and o.stages[1].totals[0] == D("36.00")
    s3 = o.stages[2]
    assert s3.transfer_value == D("0.16") and s3.totals[1] == D("30.76") and s3.rounding_loss == D("0.24")
    assert s3.totals[0] == D("30.00") and _names(e, s3.elected) == "B"
    assert _names(e, o.elected) == "AB" and _names(e, o.stages[3].excluded) == "CD"


def test_bulk_exclusion() -> None:
    """2 seats. A>B 40, B 22, C 20, D>C 6, E>B 5, F>C 4. Total 97, quota 97/3 = 32.33.. -> 32.34.

    Stage 1: A 40 elected, surplus 7.66.
    Stage 2: no deferral: F 4, E 5 differ by 1; F+E 9 + 7.66 > D 6; F+E+D 15 + 7.66 > C 20;
      F+E+D+C 35 + 7.66 > B 22. All 40 of A's papers go to B at 7.66/40 = 0.1915 -> 0.19:
      B 22 + 7.60 = 29.60; 0.06 lost.
    Stage 3: bulk exclusion (§5.2.5): F+E = 9 > D 6 (no); F+E+D = 15 <= C 20 and two candidates
      remain for one place (yes); F+E+D+C = 35 > B 29.60 (no). So F, E, D go together, all at 1.00:
      C 20 + 6 + 4 = 30, B 29.60 + 5 = 34.60 >= 32.34: B elected, which fills the places.
    Stage 4: C formally excluded.
    """
    e = _election(2, "ABCDEF", [(40, "AB"), (22, "B"), (20, "C"), (6, "DC"), (5, "EB"), (4, "FC")])
    o = RULE.count(e, CountOptions())
    assert o.stages[0].quota == D("32.34")
    assert o.stages[1].transfer_value == D("0.19") and o.stages[1].totals[1] == D("29.60")
    assert o.stages[1].rounding_loss == D("0.06")
    s3 = o.stages[2]
    assert s3.action == "exclusion" and sorted(s3.excluded) == [3, 4, 5] and "bulk" in s3.description
    assert s3.totals[2] == D("30.00") and s3.totals[1] == D("34.60") and _names(e, s3.elected) == "B"
    assert _names(e, o.elected) == "AB" and not o.tie_breaks


TIE_BALLOTS = [(12, "A"), (5, "CB"), (11, "B"), (6, "D"), (1, "ED"), (3, "E"), (2, "FC")]


def test_exclusion_tie_earliest_point_and_quota_recalculation() -> None:
    """2 seats. A 12, C>B 5, B 11, D 6, E>D 1, E 3, F>C 2. Total 40, quota 40/3 -> 13.34.

    Stage 1: nobody reaches 13.34 (nor 40/3 of the active vote).
    Stage 2: F 2, E 4, C 5, D 6: F+E 6 > C 5, so no bulk exclusion; F excluded, 2 papers to C (7).
    Stage 3: E 4, D 6, C 7: E+D 10 > C 7; E excluded: 1 paper to D (7), 3 non-transferable.
      Nobody is elected yet, so §5.4.8 recalculates the quota without the 3.00: 37/3 -> 12.34.
    Stage 4: C 7 and D 7 tie for fewest. ERS97 looks to the EARLIEST point where they differed:
      stage 1, C 5 < D 6, so C is excluded (the most recent difference, stage 2, C 7 > D 6, would
      exclude D instead). C's papers are one batch at 1.00: 5 go to B (16), F's 2 have no further
      preference (non-transferable, 5.00 in all). Still nobody elected before this batch, so §5.4.8
      lowers the quota again: 35/3 -> 11.67. B 16 and A 12 both reach it: both elected, B first.
    Stage 5: the places are filled; D is formally excluded.
    """
    e = _election(2, "ABCDEF", TIE_BALLOTS)
    o = RULE.count(e, CountOptions())
    assert o.stages[0].quota == D("13.34")
    assert _names(e, o.stages[1].excluded) == "F" and _names(e, o.stages[2].excluded) == "E"
    assert o.stages[2].quota == D("12.34") and o.stages[2].non_transferable == D("3.00")
    s4 = o.stages[3]
    assert _names(e, s4.excluded) == "C" and _names(e, s4.elected) == "BA" and s4.totals[1] == D("16.00")
    assert s4.non_transferable == D("5.00") and s4.quota == D("11.67")
    assert (
        len(o.tie_breaks) == 1
        and o.tie_breaks[0].chosen == 2
        and o.tie_breaks[0].how == "earliest differing point: stage 1"
    )
    assert _names(e, o.stages[4].excluded) == "D" and o.stages[4].action == "excluded"
    assert o.elected == [1, 0]


def test_exclusion_tie_needs_lot() -> None:
    """1 seat. A 4, B>A 3, C>A 3. Total 10, quota 5.00. B and C tie for fewest and were equal at
    every point (there is only stage 1): lots are drawn from the seed. Whoever goes, A gets 3 (7):
    elected. The lot is recorded; the same seed replays it; a given tie order replaces it."""
    e = _election(1, "ABC", [(4, "A"), (3, "BA"), (3, "CA")])
    chosen = set()
    for seed in range(12):
        o = RULE.count(e, CountOptions(seed=seed))
        assert o.elected == [0] and o.tie_breaks[0].how == f"lot (seed {seed})"
        assert RULE.count(e, CountOptions(seed=seed)).tie_breaks[0].chosen == o.tie_breaks[0].chosen
        chosen.add(o.tie_breaks[0].chosen)
    assert chosen == {1, 2}
    fixed = RULE.count(e, CountOptions(tie_order=(2, 1, 0)))
    assert fixed.tie_breaks[0].chosen == 2 and fixed.tie_breaks[0].how == "given tie order"


def test_equal_votes_too_few_places_none_elected() -> None:
    """1 seat. A 5, B 5. Quota 10/2 = 5.00 exact: both reach it, one place, equal at every point:
    §5.6.2 says neither is deemed elected at stage 1. Stage 2 must exclude one of them (lot); that
    leaves one continuing candidate for one place (§5.5.1)."""
    e = _election(1, "AB", [(5, "A"), (5, "B")])
    o = RULE.count(e, CountOptions(seed=3))
    assert o.stages[0].elected == [] and "none deemed elected" in o.stages[0].description
    assert len(o.elected) == 1 and o.tie_breaks[0].how.startswith("lot")


def test_withdrawn_candidate_skipped() -> None:
    """BLT with candidate 2 withdrawn: B's papers count for their next preference, C."""
    text = '3 1\n-2\n3 1 0\n4 2 3 0\n0\n"A"\n"B"\n"C"\n"t"\n'
    e = parse_blt(text)
    o = RULE.count(e, CountOptions())
    assert 1 not in o.stages[0].totals and o.stages[0].totals[2] == D("4.00")
    assert o.elected == [2]


def test_seat_constraint_minimum() -> None:
    """2 seats, PS needs one. A 5, B 4, C(PS) 1; quota 10/3 -> 3.34. A and B reach it at stage 1,
    but electing both would leave no place for PS: A (highest) is elected, B may not be, and C, the
    only PS candidate, is elected because the last place is needed for the minimum."""
    e = _election(2, "ABC", [(5, "A"), (4, "B"), (1, "C")])
    assert RULE.count(e, CountOptions()).elected == [0, 1]
    o = RULE.count(e, CountOptions(candidate_groups={0: "E", 1: "E", 2: "PS"}, min_seats={"PS": 1}))
    assert sorted(o.elected) == [0, 2]


def test_seat_constraint_maximum() -> None:
    """2 seats, at most one E. A(E) 5, B(E) 4, C 1: A elected at stage 1; B is barred and formally
    excluded (its 4 papers have no further preference); C fills the last place."""
    e = _election(2, "ABC", [(5, "A"), (4, "B"), (1, "C")])
    o = RULE.count(e, CountOptions(candidate_groups={0: "E", 1: "E", 2: "PS"}, max_seats={"E": 1}))
    assert sorted(o.elected) == [0, 2]


def test_weights_beyond_two_places() -> None:
    """Class weight 1/3. A alone: 3 papers at 1/3 (1.00 together); A then B: 1 paper at 1/3, which is
    0.3333.. and enters the two-place count as 0.33; B: 1 paper at 1. Valid vote 7/3 exactly; the
    1/300 cut off is shown as rounding loss from stage 1. Quota (7/3)/2 = 1.1666.. -> 1.17; A 1.33 is
    elected. Every stage adds up to 7/3 exactly."""
    third = Fraction(1, 3)
    e = Election(("A", "B"), 1, (Ballot((0,), 3 * third), Ballot((0, 1), third), Ballot((1,), Fraction(1))))
    o = RULE.count(e, CountOptions())
    assert o.stages[0].quota == D("1.17") and o.stages[0].totals[0] == D("1.33")
    assert o.elected == [0]
    for stage in o.stages:
        held = sum((Fraction(v) for v in stage.totals.values()), Fraction(0))
        assert held + Fraction(stage.non_transferable) + Fraction(stage.rounding_loss) == Fraction(7, 3)
    assert Fraction(o.stages[0].rounding_loss) == Fraction(1, 300)


_ballots = ballot_lists(max_size=14)
_from = election_from


@settings(max_examples=60, deadline=None)
@given(_ballots, st.integers(1, 3))
def test_conservation_every_stage(ballots: list[tuple[int, tuple[int, ...]]], seats: int) -> None:
    election = _from(ballots, seats)
    valid = Decimal(int(election.total_value()))
    outcome = RULE.count(election, CountOptions())
    assert len(outcome.elected) == seats
    for stage in outcome.stages:
        assert sum(stage.totals.values()) + stage.non_transferable + stage.rounding_loss == valid, (
            stage.description
        )


@settings(max_examples=40, deadline=None)
@given(_ballots, st.integers(1, 3), st.permutations(range(5)))
def test_relabelling_invariance(
    ballots: list[tuple[int, tuple[int, ...]]], seats: int, perm: list[int]
) -> None:
    plain = _from(ballots, seats)
    shuffled = _from(ballots, seats, list(perm))
    first = RULE.count(plain, CountOptions())
    second = RULE.count(shuffled, CountOptions())
    if first.tie_breaks or second.tie_breaks or any("none deemed" in s.description for s in first.stages):
        return
    assert sorted(plain.candidates[c] for c in first.elected) == sorted(
        shuffled.candidates[c] for c in second.elected
    )


def test_deferral_by_bulk_gap() -> None:
    """§5.2.2(b): E 4, D 5, C 20, B 30 with a surplus of 3.00 and one place left. (a) fails: the two
    lowest differ by 1.00 < 3.00. (b) holds: E+D = 9.00, and 9.00 + 3.00 <= C 20.00, so the surplus
    waits and E and D are excluded together (§5.2.5)."""
    from coopvote.counting.ers97_parts import exclusion_group, may_defer

    votes = {1: 3000, 2: 2000, 3: 500, 4: 400}
    reason = may_defer(votes, [1, 2, 3, 4], 1, 300)
    assert "(b)" in reason
    assert exclusion_group(votes, [1, 2, 3, 4], 1, 300) == [4, 3]
    assert may_defer(votes, [1, 2, 3, 4], 1, 1200) == ""  # 9 + 12 > 20: must transfer


@settings(max_examples=40, deadline=None)
@given(_ballots, st.integers(1, 3), st.lists(st.sampled_from("XY"), min_size=5, max_size=5), st.booleans())
def test_class_limits_always_hold(
    ballots: list[tuple[int, tuple[int, ...]]], seats: int, groups: list[str], with_minimum: bool
) -> None:
    """At most one Y is ever elected; with "at least one X", an X is elected whenever one stands
    (and when none stands the table is refused: a minimum no candidate can meet)."""
    election = _from(ballots, seats)
    options = CountOptions(
        candidate_groups=dict(enumerate(groups)),
        max_seats={"Y": 1},
        min_seats={"X": 1} if with_minimum else {},
    )
    if with_minimum and "X" not in groups:
        with pytest.raises(SeatTableError, match="class X: minimum 1 seats but only 0 candidates"):
            RULE.count(election, options)
        return
    outcome = RULE.count(election, options)
    assert sum(1 for c in outcome.elected if groups[c] == "Y") <= 1
    if with_minimum and "X" in groups:
        assert any(groups[c] == "X" for c in outcome.elected)
    for stage in outcome.stages:
        assert sum(stage.totals.values()) + stage.non_transferable + stage.rounding_loss == int(
            election.total_value()
        )


def test_equal_surpluses_earliest_point() -> None:
    """3 seats. A>C 14, B 11, C 8, D 7, E>B 3, F>D 5. Total 48, quota 48/4 = 12.00 (exact).

    Stage 1: A 14 elected, surplus 2.00.
    Stage 2: E 3 and F 5 differ by 2.00, not less than the surplus: deferred (§5.2.2(a)); E+F 8 + 2 > D 7,
      so E alone is excluded: 3 papers to B (14): elected, surplus 2.00.
    Stage 3: surpluses 2.00 + 2.00 = 4.00 exceed the gap F 5 / D 7 and F+D 12 + 4 > C 8: transfer now.
      A and B have equal surpluses; at the earliest point (stage 1) A had more (14 against 11), so A's
      goes first (§5.2.3): 14 papers to C at 2.00/14 = 0.142 -> 0.14, C 9.96, 0.04 lost.
    Stage 4: B's 2.00 does not exceed the gap F 5 / D 7: deferred; F excluded, 5 papers to D (12.00):
      elected, the last place.
    """
    e = _election(3, "ABCDEF", [(14, "AC"), (11, "B"), (8, "C"), (7, "D"), (3, "EB"), (5, "FD")])
    o = RULE.count(e, CountOptions())
    assert _names(e, o.stages[1].excluded) == "E" and _names(e, o.stages[1].elected) == "B"
    s3 = o.stages[2]
    assert s3.action == "surplus" and s3.subject == 0 and s3.transfer_value == D("0.14")
    assert s3.totals[2] == D("9.96") and s3.rounding_loss == D("0.04")
    assert len(o.tie_breaks) == 1 and o.tie_breaks[0].purpose == "surplus order"
    assert o.tie_breaks[0].chosen == 0 and o.tie_breaks[0].how == "earliest differing point: stage 1"
    assert _names(e, o.stages[3].excluded) == "F" and _names(e, o.stages[3].elected) == "D"
    assert _names(e, o.elected) == "ABD"


def test_equal_votes_too_few_places_look_back() -> None:
    """1 seat. A 9, B 8, C>A 1, C>B 2. Total 20, quota 10.00; nobody reaches it (nor 20/2) at stage 1.
    Stage 2: C excluded (C+B 11 > A 9, so no bulk): A 10, B 10, both at the quota with one place.
    §5.6.2: at the earliest point where they differed, stage 1, A had more (9 against 8): A is deemed
    elected; B is then formally excluded."""
    e = _election(1, "ABC", [(9, "A"), (8, "B"), (1, "CA"), (2, "CB")])
    o = RULE.count(e, CountOptions())
    s2 = o.stages[1]
    assert s2.totals[0] == s2.totals[1] == D("10.00") and _names(e, s2.elected) == "A"
    assert (
        o.tie_breaks[0].purpose == "election" and o.tie_breaks[0].how == "earliest differing point: stage 1"
    )
    assert o.elected == [0] and _names(e, o.stages[2].excluded) == "B"


def test_tie_decided_inside_an_exclusion() -> None:
    """Look-back points include the end of every batch, not only of every stage. 2 seats.
    A 19 (A 9, A>Z>Y 2, A>B 8), B 9, X 6, Y>B 6, Z 2 (Z>X 1, Z 1). Total 42, quota 14.00 (exact).

    Stage 1: A 19 elected, surplus 5.00.
    Stage 2: Z 2 / X 6 differ by 4 < 5, and Z+X+Y 14 + 5 > B 9: no deferral. A's 19 papers: 10 are
      transferable (value 10 > 5), TV 5.00/10 = 0.50: Z 3.00, B 13.00; the 9 others stay with A.
    Stage 3: Z excluded. Batch at 1.00: Z's own papers, 1 to X (7), 1 non-transferable; X 7, Y 6.
      Batch at 0.50: the 2 A>Z>Y papers to Y (7). X and Y end the stage equal.
    Stage 4: X 7 and Y 7 tie for fewest (X+Y 14 > B 13: no bulk). They were equal at stages 1, 2 and 3,
      but after stage 3's first batch Y had fewer: Y is excluded (a count looking only at stage ends
      would have to draw lots). Y's 6 papers go to B (19): elected.
    """
    e = _election(
        2, "ABXYZ", [(9, "A"), (2, "AZY"), (8, "AB"), (9, "B"), (6, "X"), (6, "YB"), (1, "ZX"), (1, "Z")]
    )
    o = RULE.count(e, CountOptions())
    assert o.stages[0].quota == D("14.00")
    assert o.stages[1].transfer_value == D("0.50") and o.stages[1].totals[4] == D("3.00")
    assert o.stages[1].totals[1] == D("13.00") and o.stages[1].totals[0] == D("14.00")
    s3 = o.stages[2]
    assert _names(e, s3.excluded) == "Z" and s3.totals[2] == s3.totals[3] == D("7.00")
    assert s3.non_transferable == D("1.00")
    assert (
        o.tie_breaks[0].how == "earliest differing point: stage 3, batch at 1.00"
        and o.tie_breaks[0].chosen == 3
    )
    assert _names(e, o.stages[3].excluded) == "Y" and _names(e, o.stages[3].elected) == "B"
    assert _names(e, o.elected) == "AB"
