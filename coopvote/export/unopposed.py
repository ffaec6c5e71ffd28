"""Checking an election declared unopposed, which has no papers to recount.

Closing nominations with no more standing candidates than seats declares them elected without a vote
(``service/nominations.py``). The archive's recount has no papers to count for such an item, so the
verifier checks instead what makes the declaration true: no paper was returned, the definition's
standing candidates are no more than the seats, and exactly they are named elected, in ballot order.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from coopvote.export.content import BallotRow


def declared_unopposed(declared: Mapping[str, Any]) -> bool:
    election = declared.get("election")
    return isinstance(election, Mapping) and election.get("uncontested") is True


def unopposed_problem(declared: Mapping[str, Any], definition: Mapping[str, Any], ballots: Sequence[BallotRow]) -> str:
    """What makes an 'elected unopposed' declaration untrue, or '' when it holds."""
    if definition.get("kind") != "election":
        return "only an election can be declared unopposed"
    if ballots:
        return f"declared unopposed, without a vote, but its ballots file holds {len(ballots)} papers"
    candidates = definition.get("candidates") or []
    standing = [str(c.get("name")) for c in candidates if isinstance(c, Mapping) and not c.get("withdrawn")]
    seats = definition.get("seats")
    if not isinstance(seats, int) or len(standing) > seats:
        return f"declared unopposed, but {len(standing)} candidates stand for {seats} seats"
    elected = declared["election"].get("elected")
    if elected != standing:
        return f"declared unopposed electing {elected}, but the standing candidates are {standing}"
    return ""
