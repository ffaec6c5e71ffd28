"""Printing exact figures so a printed column adds up to its printed total.

Counts are exact (Fractions, or integers at a rule's precision), but a sheet has a fixed number of
decimal places. Cutting every figure at the last place makes a column of thirds add up to less than
its total (0.304761 + 0.277777 + 0.263157 printed against a total of 0.845697). The rule here is the
largest-remainder method, which a returning officer can follow with a pencil:

1. the total is rounded to the nearest unit of the last place (an exact half to the even unit);
2. every figure is rounded down to that place;
3. the figures with the largest parts cut off are raised by one unit each, as many as the column
   needs to add up to the rounded total (equal parts: the one higher in the column first).

So every printed figure is its exact value rounded down or up (never more than one unit of the last
place away), and the printed column adds up exactly to the printed total. A figure that is exact at
the printed places (ERS97 hundredths, Scottish STV's five places) is printed as it is. The exact
fractions are kept beside the decimals in the JSON.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from coopvote.counting.model import Value


def round_half_even(value: Value, places: int) -> int:
    """``value`` in units of 10^-places, to the nearest unit, an exact half to the even unit."""
    scaled = Fraction(value) * 10**places
    down = scaled.numerator // scaled.denominator
    rest = scaled - down
    if rest > Fraction(1, 2) or (rest == Fraction(1, 2) and down % 2):
        return down + 1
    return down


def units_text(units: int, places: int) -> str:
    """An integer number of 10^-places units as a decimal string: 12345, 2 -> "123.45"."""
    sign = "-" if units < 0 else ""
    digits = str(abs(units)).rjust(places + 1, "0")
    return f"{sign}{digits[:-places]}.{digits[-places:]}" if places else f"{sign}{digits}"


def column_units(values: Sequence[Value], places: int, total: Value | None = None) -> tuple[list[int], int]:
    """Each value and the total (their sum unless given) in units of the last place, adding up.

    ``total`` may be given when the column's parts are known to add to it exactly (a stage's
    candidates, non-transferable and rounding loss add to the valid vote).
    """
    exact = [Fraction(v) * 10**places for v in values]
    whole = sum(exact, Fraction(0)) if total is None else Fraction(total) * 10**places
    if whole != sum(exact, Fraction(0)):
        raise ValueError("the figures of a column do not add up to the total given")
    total_units = round_half_even(Fraction(whole, 10**places), places)
    floors = [x.numerator // x.denominator for x in exact]
    short = total_units - sum(floors)
    by_remainder = sorted(range(len(exact)), key=lambda i: (-(exact[i] - floors[i]), i))
    for i in by_remainder[:short]:
        floors[i] += 1
    return floors, total_units


def column_texts(values: Sequence[Value], places: int, total: Value | None = None) -> tuple[list[str], str]:
    """``column_units`` as decimal strings at ``places``."""
    units, total_units = column_units(values, places, total)
    return [units_text(u, places) for u in units], units_text(total_units, places)
