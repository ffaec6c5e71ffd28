"""Warnings before per-class figures are shown.

A secret ballot stays secret only while each published figure mixes enough people. If three investor
members voted and the investor column reads 3 for, 0 against, everyone knows how each of them voted. The
rules set a privacy minimum (default 5); a class below it gets a warning that the app shows before any
per-class breakdown, so the returning officer decides knowingly whether to publish it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

DEFAULT_PRIVACY_MINIMUM = 5


@dataclass(frozen=True)
class PrivacyWarning:
    """One class whose breakdown could reveal individual votes."""

    class_code: str
    voters: int
    minimum: int
    kind: Literal["small-class", "unanimous"]

    def message(self) -> str:
        if self.kind == "small-class":
            return (
                f"class {self.class_code}: only {self.voters} voter(s), fewer than the privacy minimum of "
                f"{self.minimum}; its per-class figures may reveal how individuals voted"
            )
        return (
            f"class {self.class_code}: all {self.voters} voters voted the same way; its per-class figures "
            f"reveal how each of them voted"
        )


def small_class_warnings(
    voters: Mapping[str, int], minimum: int = DEFAULT_PRIVACY_MINIMUM
) -> list[PrivacyWarning]:
    """Classes with at least one but fewer than ``minimum`` voters.

    A class with no voters reveals nothing about anyone's vote, so it gets no warning. Voters are people
    who returned a paper (for, against, abstaining or rejected), because any of those appear in the figures.
    """
    return [
        PrivacyWarning(code, count, minimum, "small-class")
        for code, count in voters.items()
        if 0 < count < minimum
    ]


def unanimity_warnings(
    figures: Mapping[str, tuple[int | Fraction, int | Fraction]], minimum: int = DEFAULT_PRIVACY_MINIMUM
) -> list[PrivacyWarning]:
    """Classes large enough to pass the minimum whose (for, against) split is all one way.

    Such a class's breakdown names every member's vote as surely as a small class does. This is advice,
    not a bar: reporting "the employees were unanimous" is often exactly what a meeting wants.
    """
    warnings = []
    for code, (votes_for, votes_against) in figures.items():
        count = int(votes_for + votes_against)
        if count >= minimum and (votes_for == 0 or votes_against == 0):
            warnings.append(PrivacyWarning(code, count, minimum, "unanimous"))
    return warnings
