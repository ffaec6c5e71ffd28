"""Counting papers that carry their members' values (``per_member``), and the per-band figures.

Kept out of ``results.py`` so that module only hands each paper's band value on: a paper's value is the
value of the batch it was printed in (its band), read through its serial, never through a member.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coopvote.counting.model import Ballot, decimal_string
from coopvote.counting.notes import Note
from coopvote.counting.resolutions import ClassTally
from coopvote.counting.rules import RANKED_METHODS
from coopvote.counting.value_bands import band_label, public_band_rows
from coopvote.record.models import BallotPaper, PaperBatch

if TYPE_CHECKING:
    from coopvote.service.views import ItemResult


def recorded_bands(session: Session, item_id: int) -> dict[int, Fraction | None]:
    """Serial -> the band value its batch was printed with (None: an ordinary paper)."""
    rows = session.execute(
        select(BallotPaper.serial, PaperBatch.band_value)
        .join(PaperBatch, PaperBatch.id == BallotPaper.batch_id)
        .where(BallotPaper.item_id == item_id)
    ).all()
    return {serial: value for serial, value in rows}


def with_member_values(tally: ClassTally, marks: Sequence[tuple[int, ...]], values: Sequence[Fraction]) -> ClassTally:
    """A class's resolution tally with the sums of its valid papers' values for, against and abstaining."""
    sums = {1: Fraction(0), 2: Fraction(0), 3: Fraction(0)}
    for paper, value in zip(marks, values, strict=True):
        sums[paper[0]] += value
    return replace(tally, for_value=sums[1], against_value=sums[2], abstain_value=sums[3])


def member_value_groups(marks: Sequence[tuple[int, ...]], values: Sequence[Fraction]) -> list[Ballot]:
    """A class's election papers grouped by ranking (0-based), each group worth its papers' values."""
    totals: dict[tuple[int, ...], Fraction] = {}
    for paper, value in zip(marks, values, strict=True):
        ranking = tuple(m - 1 for m in paper)
        totals[ranking] = totals.get(ranking, Fraction(0)) + value
    return [Ballot(ranking, total) for ranking, total in sorted(totals.items())]


def first_choice_values(
    candidates: int,
    ranked: bool,
    marks_by_class: dict[str, list[tuple[int, ...]]],
    values_by_class: dict[str, list[Fraction]],
    codes: list[str],
) -> dict[int, dict[str, Fraction]]:
    """Per candidate and class, the values of the papers marking them (first preferences when ranked)."""
    weighted = {candidate: {code: Fraction(0) for code in codes} for candidate in range(candidates)}
    for code in codes:
        for paper, value in zip(marks_by_class.get(code, []), values_by_class.get(code, []), strict=True):
            for mark in paper[:1] if ranked else paper:
                weighted[mark - 1][code] += value
    return weighted


def add_band_figures(
    result: ItemResult, papers: dict[tuple[str, Fraction], list[tuple[int, ...] | None]], minimum: int
) -> None:
    """Per-band figures for the declaration, small bands merged, with a warning for each small band."""
    ranked = result.item.method in RANKED_METHODS
    counted: dict[tuple[str, Fraction], list[tuple[int, ...] | None]] = {}
    for key, marks in papers.items():
        counted[key] = [None if m is None else tuple(x - 1 for x in (m[:1] if ranked else m)) for m in marks]
    result.bands = public_band_rows(counted, len(result.option_labels), minimum)
    voters = Counter({key: len(marks) for key, marks in papers.items()})
    for (code, value), count in sorted(voters.items(), key=lambda kv: (kv[0][0], kv[0][1])):
        if 0 < count < minimum:
            result.privacy_warnings.append(Note(
                f"class {code}, band {band_label(value)}: only {count} paper(s), fewer than the privacy minimum "
                f"of {minimum}; merged with other bands in the per-band figures, but each paper's value is in "
                "the exported ballots",
                "privacy_small_band", class_code=code, band=band_label(value), papers=count, minimum=minimum,
            ))


def band_summary(result: ItemResult) -> dict[str, Any]:
    """The ``bands`` field of a declared result: decimal strings and exact fractions, never floats."""
    if not result.bands:
        return {}
    return {
        "bands": [
            {
                "class": row.class_code,
                "values": [str(v) for v in row.values],
                "papers": row.papers,
                "papers_by_option": list(row.by_option),
                "value_by_option": [decimal_string(v, 6) for v in row.weighted_by_option],
            }
            for row in result.bands
        ]
    }
