"""Scottish STV: The Scottish Local Government Elections Order 2007 (SSI 2007/42), Sch. 1, rr. 45-52.

Weighted inclusive Gregory: every paper of an elected candidate is re-sorted, each at a transfer
value of surplus x (its value when received) / (candidate's total), truncated at 5 decimal places
(r. 48(3)). The largest surplus moves first and is never deferred (r. 49); otherwise the lowest
candidate is excluded and all their papers move at the value they arrived with (r. 50). Ties look
back to the most recent stage at which the tied candidates differed, then lot (rr. 49(2), 51). When
the continuing candidates are as many as the vacancies they are elected with no further transfer
(r. 52).

Arithmetic is integer fixed point in units of 10^-5 of a vote: the rule's own precision, so every
figure is exact and matches the official stage reports digit for digit. The piles and transfers are
``coopvote.counting.fixed_gregory``'s; this module gives the quota and the truncation.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from fractions import Fraction

from coopvote.counting.fixed_gregory import FixedPointGregoryCount, Ranking
from coopvote.counting.model import CountOptions, Election, Outcome
from coopvote.counting.ties import Direction

UNIT = 10**5


class _Count(FixedPointGregoryCount):
    """One Scottish count; ``tot`` holds integers in units of 10^-5, index ``n`` non-transferable."""

    rule_name = "scottish-stv"
    scale = UNIT
    look_back: Direction = "most_recent"

    def initial_quota(self) -> int:
        return (int(self.valid) // (self.election.seats + 1) + 1) * self.scale  # r. 46

    def surplus_value(self, value: int, surplus: int, total: int) -> int:
        """r. 48(3): surplus x value / total, truncated to the unit, for one paper."""
        return surplus * value // total


class ScottishSTV:
    """The registry entry: ``coopvote count --method scottish-stv``."""

    name = "scottish-stv"

    def count(self, election: Election, options: CountOptions) -> Outcome:
        return _Count(election, options).run()

    def count_groups(
        self,
        election: Election,
        options: CountOptions,
        whole: Mapping[Ranking, int],
        fractional: Iterable[tuple[Ranking, Fraction]] = (),
    ) -> Outcome:
        """Count papers given as groups instead of ``election.ballots`` (which is then ignored).

        A 100,000-paper BLT file has some 40,000 distinct rankings; building a Ballot (and its
        Fraction) for each only for this rule to take them apart again costs more than the count.
        """
        return _Count(election, options, (whole, fractional)).run()


RULE = ScottishSTV()
