"""The register a threshold of *all* members is a share of (``base = "register"``, the FairShares rule).

Some rule books count a special resolution against every member entitled to vote, voting or not: the
FairShares Model's clause 25 needs "at least 75% of all members" in favour, one member one vote
(docs/presets.md). The whole is then the register as it stood when the vote closed (frozen into the item's
settings by the service, so the archive's recount uses the same figure), not the votes cast.
"""

from __future__ import annotations

from collections.abc import Mapping
from fractions import Fraction

from coopvote.errors import InputError

REGISTER_SETTING = "register_members"
"""The item setting that holds the frozen register: class code -> members entitled to vote."""


def checked_register(
    register: Mapping[str, int] | None, voted: Mapping[str, Fraction], where: str, all_classes: str
) -> dict[str, int]:
    """The register per class, refused when missing, not whole numbers, or smaller than the votes returned.

    Members who did not vote still count in the whole: that is the point of the rule. A class that returned
    more votes than it has members means the wrong register (or the wrong papers), and is refused naming it.
    """
    if register is None:
        raise InputError("count.register_missing", what=where)
    checked: dict[str, int] = {}
    for code, members in register.items():
        if isinstance(members, bool) or not isinstance(members, int) or members < 0:
            raise InputError("count.register_not_whole", what=where, code=code, members=repr(members))
        checked[str(code)] = members
    for code, returned in voted.items():
        if code == all_classes:
            if returned > sum(checked.values()):
                raise InputError("count.register_too_small_all", what=where, returned=_whole(returned),
                                 members=sum(checked.values()))
            continue
        if code not in checked:
            raise InputError("count.register_class_missing", what=where, code=code)
        if returned > checked[code]:
            raise InputError("count.register_too_small", what=where, code=code, returned=_whole(returned),
                             members=checked[code])
    return checked


def _whole(amount: Fraction) -> int | str:
    """A number of votes as a whole number where it is one (counted by head it always is)."""
    return amount.numerator if amount.denominator == 1 else str(amount)
