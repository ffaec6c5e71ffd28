"""Votes that reach a count by another road than a paper scanned in the room: pure functions over plain data.

Directed proxy votes have no paper: they are kept as a tally per class (marks as text -> how many), and
enter the count as that many valid votes. On an item counted by members' own values (``per_member``) each
key also carries the member's value band (``"3 1 2 @5/2"``): the value a paper of the desk would have
carried, so a directed vote weighs what the member's paper would have weighed. Advance papers are papers like any other, except that an
advance vote on a resolution amended in the room becomes what the item's definition says (counted as
against, or not counted). The service and the archive's recount both call these, so the two agree.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Any

from coopvote.errors import InputError
from coopvote.messages import Message, message

AGAINST = 2
"""The option number of "against" on a resolution paper (for 1, against 2, abstain 3)."""


BAND_MARK = "@"
"""Between a directed vote's marks and its value band in a tally key."""


@dataclass(frozen=True)
class DirectedVote:
    """One directed proxy vote as the count takes it: its class, marks and value band (None: no band)."""

    class_code: str
    marks: tuple[int, ...]
    value: Fraction | None = None


def marks_key(marks: Iterable[int], value: Fraction | None = None) -> str:
    """A tally key: the marks as text, with `` @value`` when the item counts members' own values."""
    key = " ".join(str(int(mark)) for mark in marks)
    if value is None:
        return key
    value = Fraction(value)
    if value <= 0:
        raise InputError("advance.directed_band_not_positive", value=value)
    return f"{key} {BAND_MARK}{value}"


def parse_directed_key(key: str, item: int, class_code: str) -> tuple[tuple[int, ...], Fraction | None]:
    """A tally key's marks and value band; the band written one way only (``5/2``, never ``10/4`` or ``2.5``),
    so one vote has one key and the close entry's digest of the tally has one form."""
    marks_text, sep, band_text = key.partition(BAND_MARK)
    marks = parse_marks_key(marks_text, message("counting.directed.at_class", item=item, code=class_code))
    if not sep:
        return marks, None
    band = band_text.strip()
    try:
        value = Fraction(band)
    except (ValueError, ZeroDivisionError):
        raise InputError("advance.directed_band_unreadable", item=item, class_code=class_code, key=key, band=band) from None
    if value <= 0 or str(value) != band or not marks_text.endswith(" "):
        raise InputError("advance.directed_band_form", item=item, class_code=class_code, key=key, value=abs(value))
    return marks, value


def parse_marks_key(key: str, where: str | Message) -> tuple[int, ...]:
    try:
        marks = tuple(int(part) for part in key.split())
    except ValueError:
        raise InputError("counting.directed.marks_not_whole", where=where, marks=key) from None
    if not marks:
        raise InputError("counting.directed.no_marks", where=where)
    return marks


def directed_votes(tallies: Mapping[str, Mapping[str, int]], item: int) -> list[DirectedVote]:
    """Item ``item``'s directed votes one by one (class, marks, value band), in a fixed order that tells nothing."""
    votes: list[DirectedVote] = []
    for code in sorted(tallies):
        for key in sorted(tallies[code]):
            count = tallies[code][key]
            if not isinstance(count, int) or isinstance(count, bool) or count < 0:
                raise InputError("counting.directed.count_not_whole", where=message("counting.directed.at", item=item),
                                 code=code, marks=key, count=count)
            marks, value = parse_directed_key(key, item, code)
            votes.extend([DirectedVote(code, marks, value)] * count)
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
