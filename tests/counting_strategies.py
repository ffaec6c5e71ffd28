"""Hypothesis strategies shared by the property tests of the STV rules: small random elections."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import strategies as st

from coopvote.counting.model import Ballot, Election

CANDIDATES = 5


def ballot_lists(max_size: int) -> st.SearchStrategy[list[tuple[int, tuple[int, ...]]]]:
    """Lists of (weight, ranking) over five candidates, each ranking a prefix of a permutation."""
    return st.lists(
        st.tuples(
            st.integers(1, 9),
            st.permutations(range(CANDIDATES)).flatmap(lambda p: st.integers(1, CANDIDATES).map(lambda k: p[:k])),
        ),
        min_size=1,
        max_size=max_size,
    )


def election_from(ballots: list[tuple[int, tuple[int, ...]]], seats: int, order: list[int] | None = None) -> Election:
    """The election these ballots make; ``order`` relabels the candidates (for relabelling tests)."""
    order = order or list(range(CANDIDATES))
    return Election(
        candidates=tuple(f"C{order[i]}" for i in range(CANDIDATES)),
        seats=seats,
        ballots=tuple(Ballot(tuple(order.index(c) for c in r), Fraction(w)) for w, r in ballots),
    )
