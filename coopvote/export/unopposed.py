"""Checking an election declared unopposed, which has no papers to recount.

Closing nominations with no more standing candidates than seats declares them elected without a vote
(``service/nominations.py``). The archive's recount has no papers to count for such an item, so the
verifier checks instead what makes the declaration true: no paper was returned, the definition's
standing candidates are no more than the seats, and exactly they are named elected, in ballot order.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal

from coopvote.export.content import BallotRow
from coopvote.messages import Message, message


def declared_unopposed(declared: Mapping[str, Any]) -> bool:
    election = declared.get("election")
    return isinstance(election, Mapping) and election.get("uncontested") is True


def unopposed_problem(
    declared: Mapping[str, Any], definition: Mapping[str, Any], ballots: Sequence[BallotRow]
) -> Message | Literal[""]:
    """What makes an 'elected unopposed' declaration untrue, or '' when it holds."""
    if definition.get("kind") != "election":
        return message("verify.unopposed_not_election")
    if ballots:
        return message("verify.unopposed_has_papers", papers=len(ballots))
    candidates = definition.get("candidates") or []
    standing = [str(c.get("name")) for c in candidates if isinstance(c, Mapping) and not c.get("withdrawn")]
    seats = definition.get("seats")
    if not isinstance(seats, int) or len(standing) > seats:
        return message("verify.unopposed_too_many", standing=len(standing), seats=seats)
    elected = declared["election"].get("elected")
    if elected != standing:
        return message("verify.unopposed_other_names", elected=elected, standing=standing)

    return ""
