"""First past the post: one seat, one mark per paper, the candidate with the most votes wins.

It is the block vote with one seat (see marks.py), kept as its own rule so a meeting spec and a
declaration name the method members know. A tie for the seat is settled by a recorded, seeded lot.
"""

from __future__ import annotations

from dataclasses import dataclass

from coopvote.counting.marks import count_marks
from coopvote.counting.model import CountOptions, Election, Outcome
from coopvote.errors import InputError


@dataclass(frozen=True)
class FirstPastThePost:
    name: str = "fptp"

    def count(self, election: Election, options: CountOptions) -> Outcome:
        if election.seats != 1:
            raise InputError("counting.fptp_one_seat", title=election.title or "fptp", seats=election.seats)
        return count_marks(election, options, method=self.name, max_marks=1)


RULE = FirstPastThePost()
