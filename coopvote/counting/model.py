"""The plain data every counting rule shares: what goes in, what comes out.

Rules differ in arithmetic but a returning officer reads every result the same way: stages, each with
totals per candidate, what moved and why, and who was elected or excluded. Keeping one shape for all
rules lets the reports, the exporter and the verifier treat them alike.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Protocol

Value = Fraction | Decimal | int
"""A vote amount. Rules choose Fraction (exact) or Decimal/int at their stated precision."""


@dataclass(frozen=True)
class Ballot:
    """A group of identical ballot papers.

    ``ranking`` holds candidate indices in order of preference; for a non-ranked method (first past the
    post, block, approval) it holds the marked candidates in any order. ``value`` is the total value of
    the group: the number of papers times each paper's weight (class weighting makes weights differ).
    """

    ranking: tuple[int, ...]
    value: Fraction = Fraction(1)


@dataclass(frozen=True)
class Election:
    """One contest, as counted: candidate names, seats, and the valid ballots."""

    candidates: tuple[str, ...]
    seats: int
    ballots: tuple[Ballot, ...]
    withdrawn: frozenset[int] = frozenset()
    title: str = ""

    def total_value(self) -> Fraction:
        return sum((Fraction(b.value) for b in self.ballots), Fraction(0))


@dataclass(frozen=True)
class CountOptions:
    """Choices a count may need beyond the ballots.

    ``seed`` makes drawing of lots reproducible: the same seed replays the same count. ``min_seats`` and
    ``max_seats`` constrain how many winners come from each group of candidates (seats reserved per
    membership class); ``candidate_groups`` maps candidate index to that group's code.

    ``tie_order``, when given, replaces the drawing of lots: of the candidates still tied after any
    look-back, the one earliest in this order is chosen (excluded first, or its surplus moved first).
    It exists to replay a count whose lots were already drawn, or another program's fixed order (droop's
    ``[tie ...]`` line); a meeting normally leaves it empty and draws from ``seed``.
    """

    seed: int | str = 0
    candidate_groups: Mapping[int, str] = field(default_factory=dict)
    min_seats: Mapping[str, int] = field(default_factory=dict)
    max_seats: Mapping[str, int] = field(default_factory=dict)
    tie_order: tuple[int, ...] = ()


@dataclass
class TieBreak:
    """How a tie was settled, so the declaration can say so."""

    stage: int
    purpose: str  # "exclusion", "surplus order", "election", ...
    tied: list[int]
    chosen: int
    how: str  # "earlier stage 2", "most recent stage 4", "lot (seed 7)", "ballot file order"


@dataclass
class Stage:
    """One stage of a count, as a returning officer's stage sheet shows it.

    ``totals`` are each candidate's votes at the end of the stage. ``transfers`` are the changes made at
    this stage (negative for the candidate whose votes moved). ``non_transferable`` and ``rounding_loss``
    are cumulative, so that sum(totals) + non_transferable (+ rounding_loss where kept separate) equals the
    valid vote at every stage.
    """

    number: int
    action: str  # "first preferences", "surplus", "exclusion", "iteration", "elected", "round"
    description: str
    totals: dict[int, Value]
    transfers: dict[int, Value] = field(default_factory=dict)
    non_transferable: Value = 0
    exhausted: Value = 0
    rounding_loss: Value = 0
    quota: Value | None = None
    transfer_value: Value | None = None
    subject: int | None = None  # whose surplus moved or who was excluded
    elected: list[int] = field(default_factory=list)
    excluded: list[int] = field(default_factory=list)
    keep_factors: dict[int, Value] = field(default_factory=dict)


@dataclass
class Outcome:
    """The whole result of one count."""

    method: str
    seats: int
    candidates: tuple[str, ...]
    elected: list[int]
    stages: list[Stage]
    quota: Value | None = None
    tie_breaks: list[TieBreak] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def elected_names(self) -> list[str]:
        return [self.candidates[i] for i in self.elected]


class CountingRule(Protocol):
    """What every rule module offers: a name for the CLI and a pure count function."""

    name: str

    def count(self, election: Election, options: CountOptions) -> Outcome: ...


def decimal_string(value: Value, places: int | None = None) -> str:
    """Render a vote amount as a decimal string for reports and JSON, never through float."""
    if isinstance(value, Fraction):
        if places is None:
            places = 0 if value.denominator == 1 else 6
        scaled = abs(value) * (10**places)
        truncated = scaled.numerator // scaled.denominator  # toward zero, whatever the sign
        sign = "-" if value < 0 and truncated else ""
        digits = str(truncated).rjust(places + 1, "0")
        if places == 0:
            return f"{sign}{digits}"
        return f"{sign}{digits[:-places]}.{digits[-places:]}"
    if isinstance(value, Decimal):
        return format(value, "f") if places is None else format(value.quantize(Decimal(1).scaleb(-places)), "f")
    return str(value)


def seq_total(values: Sequence[Value]) -> Fraction:
    return sum((Fraction(v) for v in values), Fraction(0))
