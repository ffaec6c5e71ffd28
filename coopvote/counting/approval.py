"""Approval voting: each voter marks every candidate they approve of; the most-approved fill the seats.

Counted like the block vote (see marks.py) but a paper may mark any number of candidates, so the
totals add up to more than the number of papers; the stage records papers marking no continuing
candidate as non-transferable.
"""

from __future__ import annotations

from dataclasses import dataclass

from coopvote.counting.marks import count_marks
from coopvote.counting.model import CountOptions, Election, Outcome


@dataclass(frozen=True)
class ApprovalRule:
    name: str = "approval"

    def count(self, election: Election, options: CountOptions) -> Outcome:
        return count_marks(election, options, method=self.name, max_marks=None)


RULE = ApprovalRule()
