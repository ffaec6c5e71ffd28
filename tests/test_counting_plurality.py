"""First past the post, block and approval: top N by value, lots for the last seat, seat constraints."""

from __future__ import annotations

import itertools
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coopvote.counting.constraints import SeatTableError, seat_table_problems
from coopvote.counting.model import Ballot, CountOptions, Election
from coopvote.counting.rules import get_rule
from coopvote.counting.weighting import WeightingScheme, weigh_ballots
from coopvote.errors import InputError

NAMES = ("Aled", "Bethan", "Carys", "Dafydd", "Elin", "Ffion")


def election(
    seats: int, ballots: list[tuple[tuple[int, ...], int | Fraction]], n: int = 4, **kw: object
) -> Election:
    return Election(NAMES[:n], seats, tuple(Ballot(r, Fraction(v)) for r, v in ballots), **kw)  # type: ignore[arg-type]


def test_fptp_most_votes_wins_and_totals_are_exact() -> None:
    e = election(1, [((0,), 7), ((1,), 9), ((2,), Fraction(17, 2)), ((), 3)], n=3)
    out = get_rule("fptp").count(e, CountOptions())
    assert out.elected_names == ["Bethan"]
    stage = out.stages[0]
    assert stage.totals == {0: 7, 1: 9, 2: Fraction(17, 2)}
    # One mark a paper: totals plus papers counting for nobody equal the valid vote.
    assert sum(stage.totals.values()) + stage.non_transferable == e.total_value()
    assert out.tie_breaks == []


def test_fptp_rejects_more_than_one_seat_or_mark() -> None:
    with pytest.raises(InputError, match="one seat"):
        get_rule("fptp").count(election(2, [((0,), 1)]), CountOptions())
    with pytest.raises(InputError, match="ballot group 2 has 2 marks"):
        get_rule("fptp").count(election(1, [((0,), 1), ((0, 1), 1)]), CountOptions())


def test_fptp_tie_is_settled_by_seeded_lot_and_recorded() -> None:
    e = election(1, [((0,), 5), ((1,), 5), ((2,), 4)], n=3)
    winners = set()
    for seed in range(30):
        out = get_rule("fptp").count(e, CountOptions(seed=seed))
        again = get_rule("fptp").count(e, CountOptions(seed=seed))
        assert out.elected == again.elected  # same seed replays the same draw
        (tie,) = out.tie_breaks
        assert tie.tied == [0, 1] and tie.chosen == out.elected[0]
        assert tie.how == f"lot (seed {seed})" and tie.purpose == "election"
        winners.add(out.elected[0])
    assert winners == {0, 1}  # the lot really depends on the seed


def test_block_top_n_and_mark_limit() -> None:
    e = election(2, [((0, 1), 10), ((2, 1), 6), ((3,), 15), ((0,), 1)])
    out = get_rule("block").count(e, CountOptions())
    assert out.stages[0].totals == {0: 11, 1: 16, 2: 6, 3: 15}
    assert out.elected == [1, 3]
    with pytest.raises(InputError, match="at most 2"):
        get_rule("block").count(election(2, [((0, 1, 2), 1)]), CountOptions())
    with pytest.raises(InputError, match="twice"):
        get_rule("block").count(election(2, [((0, 0), 1)]), CountOptions())
    with pytest.raises(InputError, match="out of range"):
        get_rule("block").count(election(2, [((0, 9), 1)]), CountOptions())


def test_approval_allows_any_number_of_marks() -> None:
    e = election(2, [((0, 1, 2, 3), 4), ((1, 2), 3), ((2,), 1), ((3,), 2)])
    out = get_rule("approval").count(e, CountOptions())
    assert out.stages[0].totals == {0: 4, 1: 7, 2: 8, 3: 6}
    assert out.elected == [2, 1]


def test_tie_that_fits_all_seats_draws_no_lot() -> None:
    e = election(3, [((0, 1), 5), ((2,), 1), ((3,), 9)])
    out = get_rule("block").count(e, CountOptions(seed=3))
    assert sorted(out.elected) == [0, 1, 3] and out.tie_breaks == []


def test_tie_for_last_of_several_seats_draws_one_lot() -> None:
    e = election(2, [((0,), 9), ((1,), 4), ((2,), 4), ((3,), 4)])
    out = get_rule("block").count(e, CountOptions(seed="AGM 2026"))
    assert out.elected[0] == 0
    (tie,) = out.tie_breaks
    assert tie.tied == [1, 2, 3] and tie.chosen == out.elected[1]
    assert tie.how == "lot (seed AGM 2026)"


def test_withdrawn_candidate_marks_are_ignored() -> None:
    e = election(1, [((0,), 10), ((1,), 6), ((2,), 3)], n=3, withdrawn=frozenset({0}))
    out = get_rule("fptp").count(e, CountOptions())
    assert out.elected == [1]
    assert 0 not in out.stages[0].totals and out.stages[0].non_transferable == 10


def test_class_at_maximum_is_skipped_and_minimum_is_kept() -> None:
    groups = {0: "EMP", 1: "EMP", 2: "EMP", 3: "PS", 4: "SUP"}
    e = election(3, [((0,), 50), ((1,), 40), ((2,), 30), ((3,), 5), ((4,), 20)], n=5)
    options = CountOptions(candidate_groups=groups, max_seats={"EMP": 1}, min_seats={"PS": 1})
    out = get_rule("block").count(e, options)
    # EMP may hold one seat, PS must hold one: Aled (EMP), Elin (SUP) and Dafydd (PS, only 5 votes).
    assert sorted(out.elected) == [0, 3, 4]
    assert any("Bethan passed over: class EMP already holds its maximum of 1" in n for n in out.notes)
    unconstrained = get_rule("block").count(e, CountOptions())
    assert sorted(unconstrained.elected) == [0, 1, 2]


def test_unfillable_minimum_leaves_seat_empty_with_note() -> None:
    groups = {0: "EMP", 1: "EMP", 2: "PS"}
    e = election(3, [((0,), 5), ((1,), 4), ((2,), 3)], n=3)
    out = get_rule("block").count(e, CountOptions(candidate_groups=groups, max_seats={"EMP": 1}))
    assert sorted(out.elected) == [0, 2]
    assert any("1 seat(s) left unfilled" in n for n in out.notes)


def test_class_weighting_changes_an_election() -> None:
    # 30 employees vote Aled, 6 people supported vote Bethan. One member one vote: Aled wins.
    # Equal halves between the two classes: each class carries half whatever its turnout.
    groups = {"EMP": [Ballot((0,), Fraction(30))], "PS": [Ballot((1,), Fraction(6))]}
    halves = WeightingScheme.from_mapping({"scheme": "class-share", "shares": {"EMP": "1/2", "PS": "1/2"}})
    omov = weigh_ballots(WeightingScheme(), groups)
    e = Election(NAMES[:2], 1, omov)
    assert get_rule("fptp").count(e, CountOptions()).elected == [0]
    weighted = weigh_ballots(halves, groups)
    # normalised to the 36 papers counted: 18 each, a tie the lot settles.
    assert sorted(b.value for b in weighted) == [18, 18]
    groups["PS"] = [Ballot((1,), Fraction(7))]
    weighted = weigh_ballots(halves, groups)
    # Still 1/2 each, whatever the turnout within a class.
    assert [b.value for b in weighted] == [Fraction(37, 2), Fraction(37, 2)]


@st.composite
def contests(draw: st.DrawFn) -> tuple[Election, CountOptions]:
    n = draw(st.integers(2, 6))
    seats = draw(st.integers(1, n))
    # Distinct totals, so the constrained top-N set is unique and lots never enter.
    totals = draw(st.lists(st.integers(0, 60), min_size=n, max_size=n, unique=True))
    ballots = tuple(Ballot((c,), Fraction(v)) for c, v in enumerate(totals) if v)
    codes = draw(st.lists(st.sampled_from("ABC"), min_size=n, max_size=n))
    groups = dict(enumerate(codes))
    max_seats = draw(st.dictionaries(st.sampled_from("ABC"), st.integers(0, 2), max_size=2))
    min_seats = draw(st.dictionaries(st.sampled_from("ABC"), st.integers(1, 2), max_size=2))
    return Election(NAMES[:n], seats, ballots), CountOptions(
        candidate_groups=groups, min_seats=min_seats, max_seats=max_seats
    )


def _feasible(chosen: tuple[int, ...], options: CountOptions) -> bool:
    held = {g: sum(1 for c in chosen if options.candidate_groups[c] == g) for g in "ABC"}
    return all(held[g] <= m for g, m in options.max_seats.items()) and all(
        held[g] >= m for g, m in options.min_seats.items()
    )


@settings(max_examples=150, deadline=None)
@given(contests())
def test_block_matches_brute_force_best_feasible_set(contest: tuple[Election, CountOptions]) -> None:
    """Among all seat-filling sets meeting every minimum and maximum, the count picks the one whose
    totals, sorted high to low, are greatest: what "top N, honouring reserved seats" means."""
    e, options = contest
    problems = seat_table_problems(
        e.seats, [options.candidate_groups[c] for c in range(len(e.candidates))], options.min_seats, options.max_seats
    )
    if problems:  # a table no count could meet is refused, naming the class
        with pytest.raises(SeatTableError, match="class "):
            get_rule("block").count(e, options)
        return
    totals = {c: 0 for c in range(len(e.candidates))}
    for b in e.ballots:
        totals[b.ranking[0]] += int(b.value)
    feasible = [s for s in itertools.combinations(range(len(e.candidates)), e.seats) if _feasible(s, options)]
    out = get_rule("block").count(e, options)
    held = {g: sum(1 for c in out.elected if options.candidate_groups[c] == g) for g in "ABC"}
    assert all(held[g] <= m for g, m in options.max_seats.items())  # a maximum is never exceeded
    if not feasible:
        return
    best = max(feasible, key=lambda s: sorted((totals[c] for c in s), reverse=True))
    assert sorted(out.elected) == sorted(best)
    assert out.tie_breaks == []
