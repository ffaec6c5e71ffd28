"""Votes that reach a count by another road than a paper scanned in the room: pure functions over plain data.

Directed proxy votes have no paper: they are kept as a tally per class (marks as text -> how many), and
enter the count as that many valid votes. Advance papers are papers like any other, except that an
advance vote on a resolution amended in the room becomes what the item's definition says (counted as
against, or not counted). The service and the archive's recount both call these, so the two agree.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from coopvote.errors import InputError

AGAINST = 2
"""The option number of "against" on a resolution paper (for 1, against 2, abstain 3)."""


def marks_key(marks: Iterable[int]) -> str:
    return " ".join(str(int(mark)) for mark in marks)


def parse_marks_key(key: str, where: str) -> tuple[int, ...]:
    try:
        marks = tuple(int(part) for part in key.split())
    except ValueError:
        raise InputError("counting.directed.marks_not_whole", where=where, marks=key) from None
    if not marks:
        raise InputError("counting.directed.no_marks", where=where)
    return marks


def directed_votes(tallies: Mapping[str, Mapping[str, int]], where: str) -> list[tuple[str, tuple[int, ...]]]:
    """The directed votes one by one, as (class code, marks), in a fixed order that tells nothing."""
    votes: list[tuple[str, tuple[int, ...]]] = []
    for code in sorted(tallies):
        for key in sorted(tallies[code]):
            count = tallies[code][key]
            if not isinstance(count, int) or isinstance(count, bool) or count < 0:
                raise InputError("counting.directed.count_not_whole", where=where, code=code, marks=key, count=count)
            votes.extend([(code, parse_marks_key(key, where))] * count)
    return votes


def amendment_rule(settings: Mapping[str, Any]) -> str | None:
    """'against' or 'not-counted' once the item was amended in the room and takes advance votes; else None."""
    advance = settings.get("advance")
    if not isinstance(advance, Mapping) or not advance.get("amended"):
        return None
    rule = advance.get("if_amended")
    return str(rule) if rule in {"against", "not-counted"} else "not-counted"


def amended_marks(marks: tuple[int, ...], rule: str | None) -> tuple[int, ...] | None:
    """An advance paper's marks after the amendment rule: None when it is not counted."""
    if rule is None:
        return marks
    if rule == "against":
        return (AGAINST,)
    return None
