"""Seats reserved per class (constraints.py) in every rule that takes them.

The hand cases are the faults of issue 10; the properties run every rule on random small elections
with random tables that can be met, and check that the seats are filled as far as the table allows,
that every minimum and maximum holds, and that block and approval choose the best such set.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Sequence
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from coopvote.counting.constraints import (
    SeatConstraints,
    SeatTableError,
    check_seat_table,
    seat_table_problems,
)
from coopvote.counting.ers97_parts import exclusion_group
from coopvote.counting.model import Ballot, CountOptions, Election, Outcome
from coopvote.counting.rules import get_rule

STV = ["scottish-stv", "wigm", "ers97", "meek", "meek-prf"]
ALL = [*STV, "block", "approval"]


def _election(names: str, seats: int, lines: Sequence[tuple[int, ...]]) -> Election:
    """BLT-style lines: weight, then preferences numbered from 1."""
    return Election(
        tuple(names.split()), seats, tuple(Ballot(tuple(c - 1 for c in line[1:]), Fraction(line[0])) for line in lines)
    )


def _held(outcome: Outcome, groups: dict[int, str]) -> Counter[str]:
    return Counter(groups[c] for c in outcome.elected if c in groups)


# -- the faults of issue 10 ------------------------------------------------------------------------

MINIMUM = _election("X1 Y1 Z1 Z2 Z3", 3, [(70, 1, 4), (10, 2), (30, 3), (29, 4), (30, 5)])
MINIMUM_OPTIONS = CountOptions(
    candidate_groups={0: "X", 1: "Y", 2: "Z", 3: "Z", 4: "Z"}, min_seats={"Y": 1, "Z": 1}
)


@pytest.mark.parametrize("rule", STV)
def test_minimum_below_quota_elects_x1_y1_z2(rule: str) -> None:
    """Quota 169/4. X1 is elected; X1's surplus makes Z2 the Z elected; Y1, the only Y, is elected
    without the quota because the last seat is needed for Y. Meek used to crash (a negative total
    surplus) and meek-prf to elect Z3 with Y1 at a keep factor of about 3."""
    outcome = get_rule(rule).count(MINIMUM, MINIMUM_OPTIONS)
    assert sorted(outcome.elected_names) == ["X1", "Y1", "Z2"]
    for stage in outcome.stages:
        assert all(0 <= Fraction(k) <= 1 for k in stage.keep_factors.values()), stage.description
        assert all(Fraction(v) <= 70 for v in stage.totals.values()), stage.description


def test_meek_keeps_a_candidate_elected_below_quota_at_keep_factor_one() -> None:
    for rule in ("meek", "meek-prf"):
        outcome = get_rule(rule).count(MINIMUM, MINIMUM_OPTIONS)
        y1_elected = next(s for s in outcome.stages if 1 in s.elected)
        assert Fraction(y1_elected.totals[1]) < Fraction(y1_elected.quota or 0)
        for stage in outcome.stages[outcome.stages.index(y1_elected) :]:
            assert stage.keep_factors[1] == 1
            assert stage.totals[1] == 10  # Y1's ten papers, never more


MAXIMUM = _election("X1 X2 X3 Y1 Z1", 3, [(5, 1), (5, 2), (5, 3), (4, 4), (6, 5)])
MAXIMUM_OPTIONS = CountOptions(candidate_groups={0: "X", 1: "X", 2: "X", 3: "Y", 4: "Z"}, max_seats={"X": 1})


@pytest.mark.parametrize("rule", ALL)
def test_maximum_holds_and_every_seat_is_filled(rule: str) -> None:
    """X may hold one seat. Y1 (4, lowest) must not be excluded: with X limited to one, Y1 and Z1 are
    needed to fill three seats. Scottish and WIGM used to elect two Xs in their last step; ERS97 and
    Meek used to exclude Y1 and leave a seat empty."""
    outcome = get_rule(rule).count(MAXIMUM, MAXIMUM_OPTIONS)
    assert len(outcome.elected) == 3
    assert {"Y1", "Z1"} <= set(outcome.elected_names)
    assert _held(outcome, dict(MAXIMUM_OPTIONS.candidate_groups))["X"] == 1


BULK = _election("P Q R E F", 2, [(30, 1), (30, 2), (25, 3), (5, 4, 1), (4, 5, 2)])
BULK_OPTIONS = CountOptions(candidate_groups={0: "X", 1: "X", 2: "X", 3: "A", 4: "A"}, min_seats={"A": 1})


@pytest.mark.parametrize("rule", ALL)
def test_bulk_exclusion_never_removes_a_class_that_needs_a_seat(rule: str) -> None:
    """F 4 and E 5 together (9) are below R (25), so ERS97 §5.2.5 would exclude both at once: each is
    safe alone, but together they are all of class A, which needs a seat."""
    outcome = get_rule(rule).count(BULK, BULK_OPTIONS)
    assert len(outcome.elected) == 2
    assert _held(outcome, dict(BULK_OPTIONS.candidate_groups))["A"] == 1
    if rule in STV:
        assert "E" in outcome.elected_names  # F goes first; E is then the only A


def test_exclusion_group_checks_the_set() -> None:
    votes = {0: 3000, 1: 3000, 2: 2500, 3: 500, 4: 400}
    assert exclusion_group(votes, [0, 1, 2, 3, 4], 2, 0) == [4, 3]
    assert exclusion_group(votes, [0, 1, 2, 3, 4], 2, 0, may_exclude=lambda s: not {3, 4} <= set(s)) == []


def test_doomed_at_quota_is_said_in_the_notes() -> None:
    """Scottish: A 10 and B 9 (both EMP, at most one) reach the quota 9; B is not elected and the notes
    say why."""
    e = _election("A B C D", 2, [(10, 1), (9, 2, 3), (3, 3), (2, 4)])
    options = CountOptions(candidate_groups={0: "emp", 1: "emp", 2: "sup", 3: "sup"}, max_seats={"emp": 1})
    outcome = get_rule("scottish-stv").count(e, options)
    assert outcome.elected == [0, 2]
    assert any("B reached the quota but is not elected: class emp already holds its maximum" in n for n in outcome.notes)


# -- tables no count could meet -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("classes", "minimum", "maximum", "message"),
    [
        (["X", "Y", "Y"], {"Y": 2, "X": 1}, {}, "the class minimums add up to 3 seats but the contest fills only 2"),
        (["X", "Y", "Y"], {"Y": 3}, {}, "class Y: minimum 3 seats but the contest fills only 2"),
        (["X", "Y", "Y"], {"Y": 2}, {"Y": 1}, "class Y: minimum 2 seats is above its maximum of 1"),
        (["X", "Y", "Y"], {"Y": -1}, {}, "class Y: minimum -1 seats is negative"),
        (["X", "Y", "Y"], {}, {"X": -1}, "class X: maximum -1 seats is negative"),
        (["X", "Y", "X"], {"Y": 2}, {}, "class Y: minimum 2 seats but only 1 candidate"),
        (["X", "X", "X"], {"Z": 1}, {}, "class Z: minimum 1 seats but only 0 candidates"),
    ],
)
def test_impossible_tables_are_refused_naming_the_class(
    classes: list[str], minimum: dict[str, int], maximum: dict[str, int], message: str
) -> None:
    assert any(message in str(p) for p in seat_table_problems(2, classes, minimum, maximum))
    with pytest.raises(SeatTableError, match=message):
        check_seat_table(2, classes, minimum, maximum, where="item 4")
    election = _election(" ".join(f"C{i}" for i in range(3)), 2, [(1, 1), (1, 2), (1, 3)])
    options = CountOptions(candidate_groups=dict(enumerate(classes)), min_seats=minimum, max_seats=maximum)
    for rule in ALL:
        with pytest.raises(SeatTableError, match=message):
            get_rule(rule).count(election, options)


def test_possible_tables_pass() -> None:
    check_seat_table(3, ["X", "X", "Y", None], {"X": 1, "Y": 1}, {"X": 2, "Y": 1})
    # A maximum that leaves a seat empty is not refused: the count fills what it allows and says so.
    check_seat_table(3, ["X", "X", "X"], {}, {"X": 1})
    assert seat_table_problems(1, ["X"], {"X": 0}, {"X": 0}) == []


def test_withdrawn_candidates_do_not_count_towards_a_minimum() -> None:
    e = Election(("A", "B", "C"), 1, (Ballot((0,), Fraction(2)), Ballot((1,), Fraction(1))), frozenset({2}))
    options = CountOptions(candidate_groups={0: "X", 1: "X", 2: "Y"}, min_seats={"Y": 1})
    with pytest.raises(SeatTableError, match="class Y: minimum 1 seats but only 0 candidates"):
        get_rule("wigm").count(e, options)


# -- properties --------------------------------------------------------------------------------------


@st.composite
def constrained(draw: st.DrawFn) -> tuple[Election, CountOptions]:
    """3-8 candidates in 2-3 classes (some with no class), 1-4 seats, a table that can be met."""
    n = draw(st.integers(3, 8))
    codes = "XYZ"[: draw(st.integers(2, 3))]
    classes = draw(st.lists(st.sampled_from([*codes, None]), min_size=n, max_size=n))
    seats = draw(st.integers(1, 4))
    minimum = draw(st.dictionaries(st.sampled_from(codes), st.integers(0, 2), max_size=3))
    maximum = draw(st.dictionaries(st.sampled_from(codes), st.integers(0, 3), max_size=3))
    assume(not seat_table_problems(seats, classes, minimum, maximum))
    assume(minimum or maximum)
    rankings = st.permutations(range(n)).flatmap(lambda p: st.integers(1, n).map(lambda k: tuple(p[:k])))
    lines = draw(st.lists(st.tuples(rankings, st.integers(1, 5)), min_size=1, max_size=10))
    election = Election(
        tuple(f"C{i}" for i in range(n)), seats, tuple(Ballot(r, Fraction(w)) for r, w in lines)
    )
    groups = {c: g for c, g in enumerate(classes) if g is not None}
    return election, CountOptions(candidate_groups=groups, min_seats=minimum, max_seats=maximum)


def _meets(chosen: Sequence[int], options: CountOptions) -> bool:
    held = Counter(options.candidate_groups.get(c) for c in chosen)
    return all(held[g] >= m for g, m in options.min_seats.items()) and all(
        held[g] <= m for g, m in options.max_seats.items()
    )


def _most_seats(election: Election, options: CountOptions) -> int:
    """Brute force: the largest number of seats (at most the contest's) some set meeting the table fills."""
    n = len(election.candidates)
    for k in range(min(election.seats, n), -1, -1):
        if any(_meets(s, options) for s in itertools.combinations(range(n), k)):
            return k
    raise AssertionError("a table that passed check_seat_table cannot be met")


PROPERTY = settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])


@PROPERTY
@given(constrained())
def test_every_stv_rule_fills_the_seats_within_the_limits(contest: tuple[Election, CountOptions]) -> None:
    election, options = contest
    seats = _most_seats(election, options)
    for rule in STV:
        outcome = get_rule(rule).count(election, options)
        assert len(set(outcome.elected)) == len(outcome.elected) == seats, rule
        assert _meets(outcome.elected, options), rule
        for stage in outcome.stages:
            assert all(0 <= Fraction(k) <= 1 for k in stage.keep_factors.values()), rule


def _marks(election: Election, max_marks: int | None) -> Election:
    ballots = tuple(Ballot(b.ranking[:max_marks] if max_marks else b.ranking, b.value) for b in election.ballots)
    return Election(election.candidates, election.seats, ballots)


@PROPERTY
@given(constrained())
def test_block_and_approval_choose_the_best_set_meeting_the_limits(contest: tuple[Election, CountOptions]) -> None:
    """"Best" as the rules order candidates: by total, highest first; compared as the totals sorted high
    to low (with distinct totals the set is then unique, and it also has the greatest sum)."""
    election, options = contest
    seats = _most_seats(election, options)
    for rule, max_marks in (("block", election.seats), ("approval", None)):
        marked = _marks(election, max_marks)
        totals = Counter[int]()
        for b in marked.ballots:
            for c in b.ranking:
                totals[c] += int(b.value)
        outcome = get_rule(rule).count(marked, options)
        assert len(outcome.elected) == seats and _meets(outcome.elected, options), rule
        values = [totals[c] for c in range(len(election.candidates))]
        if len(set(values)) < len(values):
            continue  # ties make "best" depend on the lot
        feasible = [s for s in itertools.combinations(range(len(values)), seats) if _meets(s, options)]
        best = max(feasible, key=lambda s: sorted((values[c] for c in s), reverse=True))
        assert sorted(outcome.elected) == sorted(best), rule
        assert sum(values[c] for c in best) == max(sum(values[c] for c in s) for s in feasible)


@PROPERTY
@given(constrained())
def test_guarded_and_doomed_agree_with_brute_force(contest: tuple[Election, CountOptions]) -> None:
    """At the start of a count: doomed = in no best-filling set; guarded = in every one."""
    election, options = contest
    n = len(election.candidates)
    seats = _most_seats(election, options)
    best = [set(s) for s in itertools.combinations(range(n), seats) if _meets(s, options)]
    constraints = SeatConstraints.from_options(options)
    assert constraints.fill([], range(n), election.seats) == seats
    assert constraints.doomed([], range(n), election.seats) == {c for c in range(n) if not any(c in s for s in best)}
    assert constraints.guarded([], range(n), election.seats) == {c for c in range(n) if all(c in s for s in best)}
