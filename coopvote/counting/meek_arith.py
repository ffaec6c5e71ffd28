"""The three arithmetics a Meek count can be run in: exact, fixed point, and droop's guarded point.

Each keeps its numbers in one representation (Fraction, or integers in units of 10^-places) and
says where rounding happens, so the count itself reads the same in every precision. Which one a
count uses is part of the rule: the PR Foundation's 9 places and exact arithmetic elect different
candidates on Voting Matters 12's example.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from coopvote.counting.model import Value

Num = int | Fraction


class Arith:
    """Exact rational arithmetic; the fixed and guarded subclasses override the rounding points."""

    exact = True

    def __init__(self) -> None:
        self.one: Num = Fraction(1)
        self.zero: Num = Fraction(0)
        self.epsilon: Num = Fraction(0)

    def of(self, value: Fraction) -> Num:
        return Fraction(value)

    def mul(self, a: Num, b: Num, up: bool = False) -> Num:
        return Fraction(a) * b

    def div(self, a: Num, b: Num, up: bool = False) -> Num:
        return Fraction(a) / b

    def divint(self, a: Num, n: int) -> Num:
        return Fraction(a) / n

    def cmp(self, a: Num, b: Num) -> int:
        return (a > b) - (a < b)

    def out(self, a: Num) -> Value:
        return Fraction(a)


class Fixed(Arith):
    """Decimal fixed point at ``places`` digits: integers in units of 10^-places."""

    exact = False

    def __init__(self, places: int) -> None:
        self.places = places
        self.scale = 10**places
        self.one = self.scale
        self.zero = 0
        self.epsilon = 1

    def of(self, value: Fraction) -> Num:
        scaled = value * self.scale
        return scaled.numerator // scaled.denominator

    def mul(self, a: Num, b: Num, up: bool = False) -> Num:
        q, r = divmod(int(a) * int(b), self.scale)
        return q + 1 if up and r else q

    def div(self, a: Num, b: Num, up: bool = False) -> Num:
        q, r = divmod(int(a) * self.scale, int(b))
        return q + 1 if up and r else q

    def divint(self, a: Num, n: int) -> Num:
        return int(a) // n

    def out(self, a: Num) -> Value:
        return Decimal(int(a)).scaleb(-self.places)


class Guarded(Fixed):
    """droop's guarded arithmetic: p+g digits kept, always truncated; values closer than half a unit
    of the p-th place compare equal, so guarded counts behave as exact ones (elect at > quota)."""

    exact = True

    def __init__(self, precision: int, guard: int) -> None:
        super().__init__(precision + guard)
        self.epsilon = 0
        self.geps = max(10**guard // 2, 1)

    def mul(self, a: Num, b: Num, up: bool = False) -> Num:
        return int(a) * int(b) // self.scale

    def div(self, a: Num, b: Num, up: bool = False) -> Num:
        return int(a) * self.scale // int(b)

    def cmp(self, a: Num, b: Num) -> int:
        diff = int(a) - int(b)
        if abs(diff) < self.geps:
            return 0
        return 1 if diff > 0 else -1
