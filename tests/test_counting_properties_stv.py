"""Properties every count must keep, on many random small elections (Hypothesis).

* conservation: at every stage the totals, the non-transferable papers and the rounding loss add up
  to the valid vote, exactly;
* relabelling the candidates changes nothing but the labels (lots are drawn from a fixed order that
  is relabelled too, so ties are kept in the test);
* multiplying every weight by the same whole number changes nothing in the exact rules (WIGM, IRV):
  every figure scales. Scottish STV truncates at 5 places per paper, so scaled counts may differ in
  the last place; for it only conservation and relabelling are properties.
"""

from __future__ import annotations

from fractions import Fraction

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coopvote.counting.irv import RULE as IRV
from coopvote.counting.model import Ballot, CountingRule, CountOptions, Election, Outcome
from coopvote.counting.scottish_stv import RULE as SCOTTISH
from coopvote.counting.wigm import RULE as WIGM

STV_RULES: list[CountingRule] = [SCOTTISH, WIGM]


@st.composite
def elections(draw: st.DrawFn, max_seats: int = 3) -> Election:
    n = draw(st.integers(min_value=2, max_value=6))
    seats = draw(st.integers(min_value=1, max_value=min(max_seats, n)))
    rankings = st.permutations(range(n)).flatmap(lambda p: st.integers(1, n).map(lambda k: tuple(p[:k])))
    groups = draw(st.dictionaries(rankings, st.integers(min_value=1, max_value=40), min_size=1, max_size=14))
    withdrawn = draw(st.sets(st.integers(0, n - 1), max_size=1))
    ballots = tuple(Ballot(r, Fraction(w)) for r, w in groups.items())
    return Election(tuple(f"C{i}" for i in range(n)), seats, ballots, frozenset(withdrawn))


def _valid(election: Election) -> Fraction:
    return sum((Fraction(b.value) for b in election.ballots if b.ranking), Fraction(0))


def _conserved(outcome: Outcome, valid: Fraction) -> None:
    for stage in outcome.stages:
        held = sum((Fraction(v) for v in stage.totals.values()), Fraction(0))
        assert held + Fraction(stage.non_transferable) + Fraction(stage.rounding_loss) == valid, stage.number


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(elections())
def test_conservation_every_stage(election: Election) -> None:
    for rule in STV_RULES:
        outcome = rule.count(election, CountOptions())
        _conserved(outcome, _valid(election))
        assert len(outcome.elected) == len(set(outcome.elected)) <= election.seats
        assert not set(outcome.elected) & election.withdrawn
    single = Election(election.candidates, 1, election.ballots, election.withdrawn)
    _conserved(IRV.count(single, CountOptions()), _valid(election))


@SETTINGS
@given(elections(), st.randoms(use_true_random=False))
def test_relabelling_candidates_changes_only_labels(election: Election, rnd) -> None:  # type: ignore[no-untyped-def]
    n = len(election.candidates)
    perm = list(range(n))
    rnd.shuffle(perm)  # old index -> new index
    names = [""] * n
    for old, new in enumerate(perm):
        names[new] = election.candidates[old]
    relabelled = Election(
        tuple(names),
        election.seats,
        tuple(Ballot(tuple(perm[c] for c in b.ranking), b.value) for b in reversed(election.ballots)),
        frozenset(perm[c] for c in election.withdrawn),
    )
    for rule in [*STV_RULES, IRV]:
        source = election if rule is not IRV else Election(election.candidates, 1, election.ballots, election.withdrawn)
        target = relabelled if rule is not IRV else Election(relabelled.candidates, 1, relabelled.ballots, relabelled.withdrawn)
        # Lots follow a fixed order carried through the relabelling, so ties need not be skipped.
        first = rule.count(source, CountOptions(tie_order=tuple(range(n))))
        second = rule.count(target, CountOptions(tie_order=tuple(perm)))
        assert len(first.tie_breaks) == len(second.tie_breaks)
        assert sorted(first.elected_names) == sorted(second.elected_names)
        for a, b in zip(first.stages, second.stages, strict=True):
            assert {source.candidates[c]: v for c, v in a.totals.items()} == {target.candidates[c]: v for c, v in b.totals.items()}


@SETTINGS
@given(elections(), st.integers(min_value=2, max_value=7))
def test_scaling_weights_scales_every_figure(election: Election, k: int) -> None:
    scaled = Election(
        election.candidates, election.seats, tuple(Ballot(b.ranking, b.value * k) for b in election.ballots), election.withdrawn
    )
    pairs = [(WIGM, election, scaled)]
    pairs.append((IRV, Election(election.candidates, 1, election.ballots, election.withdrawn), Election(scaled.candidates, 1, scaled.ballots, scaled.withdrawn)))
    for rule, a_election, b_election in pairs:
        a = rule.count(a_election, CountOptions())
        b = rule.count(b_election, CountOptions())
        assert [t.how for t in a.tie_breaks] == [t.how for t in b.tie_breaks]
        assert a.elected == b.elected
        for sa, sb in zip(a.stages, b.stages, strict=True):
            assert {c: Fraction(v) * k for c, v in sa.totals.items()} == {c: Fraction(v) for c, v in sb.totals.items()}
