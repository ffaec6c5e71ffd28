"""Warnings before per-class figures are shown.

A secret ballot stays secret only while each published figure mixes enough people. If three investor
members voted and the investor column reads 3 for, 0 against, everyone knows how each of them voted. The
rules set a privacy minimum (default 5); a class below it gets a warning that the app shows before any
per-class breakdown, so the returning officer decides knowingly whether to publish it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING, Literal, TypeVar

from coopvote.counting.notes import Note

if TYPE_CHECKING:
    from coopvote.counting.weighting import WeightingScheme

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
            return Note(
                f"class {self.class_code}: only {self.voters} voter(s), fewer than the privacy minimum of "
                f"{self.minimum}; its per-class figures may reveal how individuals voted",
                "notes.privacy_small_class", class_code=self.class_code, voters=self.voters, minimum=self.minimum,
            )
        return Note(
            f"class {self.class_code}: all {self.voters} voters voted the same way; its per-class figures "
            f"reveal how each of them voted",
            "notes.privacy_unanimous", class_code=self.class_code, voters=self.voters,
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


ALL_CLASSES = "*"
"""The label of a group that takes in every class: only the meeting's totals are published."""

Addable = TypeVar("Addable", int, Fraction)


def class_groups(voters: Mapping[str, int], minimum: int = DEFAULT_PRIVACY_MINIMUM, *, show_all: bool = False) -> dict[str, str]:
    """Which published column each class's figures go to: its own, or a merged group.

    A class with at least one but fewer than ``minimum`` voters is merged with the other small ones; if
    that group is itself below the minimum, the smallest larger classes join it until it is not (merging
    one small class into "the rest" alone would let anyone subtract the other columns from the total and
    recover it). A group that ends up holding every class is labelled ``*``: only totals are published.
    A group of several classes is labelled with their codes joined by ``+``. ``show_all`` is the chair's
    recorded choice to publish every class as it is. Classes keep their order (``voters``' order).
    """
    codes = list(voters)
    if show_all:
        return {code: code for code in codes}
    small = [code for code in codes if 0 < voters[code] < minimum]
    if not small:
        return {code: code for code in codes}
    merged = set(small)
    others = sorted((code for code in codes if code not in merged and voters[code] > 0), key=lambda c: (voters[c], codes.index(c)))
    while sum(voters[code] for code in merged) < minimum and others:
        merged.add(others.pop(0))
    if all(code in merged or voters[code] == 0 for code in codes):
        merged = set(codes)
    label = ALL_CLASSES if merged == set(codes) else "+".join(code for code in codes if code in merged)
    return {code: label if code in merged else code for code in codes}


def merge_figures(figures: Mapping[str, Addable], groups: Mapping[str, str]) -> dict[str, Addable]:
    """Per-class figures summed into their published groups (exact: weights were applied per class first).

    A class missing from ``groups`` keeps its own column.
    """
    merged: dict[str, Addable] = {}
    for code, value in figures.items():
        label = groups.get(code, code)
        merged[label] = merged[label] + value if label in merged else value
    return merged


def merged_classes(groups: Mapping[str, str]) -> dict[str, list[str]]:
    """Each merged group's label and the classes in it (empty when every class stands alone)."""
    found: dict[str, list[str]] = {}
    for code, label in groups.items():
        if label != code:
            found.setdefault(label, []).append(code)
    return found


def weight_ignores_class(scheme: WeightingScheme) -> bool:
    """Whether a paper's weight is the same whatever its class, so a merged group can be recounted as one.

    Then the published ballots can carry the group instead of the class. Where weights depend on the class
    (shares, fixed values, caps, class consent) each paper's weight names its class anyway, so the papers
    keep their class and only the per-class figures are merged.
    """
    return scheme.kind == "one-member-one-vote" and not scheme.cap and not scheme.consent


def classes_in_group(label: str, classes: Sequence[str]) -> list[str] | None:
    """The classes a published group label stands for, or None when it is not a group of these classes."""
    if label == ALL_CLASSES:
        return list(classes)
    parts = label.split("+")
    if len(parts) < 2 or len(set(parts)) != len(parts) or any(part not in classes for part in parts):
        return None
    return parts
