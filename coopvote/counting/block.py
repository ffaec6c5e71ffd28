"""Block vote: each voter marks up to as many candidates as there are seats; the most-marked win.

Counted by ``coopvote.counting.marks.count_marks`` (shared with first past the post and approval
voting), with at most as many marks on a paper as there are seats.
"""

from __future__ import annotations

from dataclasses import dataclass

from coopvote.counting.marks import count_marks
from coopvote.counting.model import CountOptions, Election, Outcome


@dataclass(frozen=True)
class BlockRule:
    """Block vote: at most as many marks as seats."""

    name: str = "block"

    def count(self, election: Election, options: CountOptions) -> Outcome:
        return count_marks(election, options, method=self.name, max_marks=election.seats)


RULE = BlockRule()
