"""The per-band figures of an item counted by members' own values, recounted from the archive alone.

The same ``public_band_rows`` the declaration uses, fed from the ballots CSV's ``value`` column and the
privacy minimum in the item's definition, so a changed value (or a paper moved between bands) shows up
as a named difference from the declared ``bands``, besides changing the weighted totals.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from coopvote.counting.model import decimal_string
from coopvote.counting.rules import RANKED_METHODS
from coopvote.counting.value_bands import public_band_rows
from coopvote.counting.weighting import WeightingScheme
from coopvote.export.content import BallotRow


def _minimum(definition: dict[str, Any]) -> int:
    rules = definition.get("rules", {})
    general = rules.get("rules", {}) if isinstance(rules, dict) else {}
    if isinstance(general, dict) and "privacy_minimum" in general:
        return int(general["privacy_minimum"])
    override = definition.get("settings", {}).get("weighting")
    scheme = WeightingScheme.from_mapping(definition.get("weighting", {}), override if isinstance(override, dict) else None)
    return scheme.privacy_minimum


def band_figures(definition: dict[str, Any], ballots: list[BallotRow]) -> dict[str, Any]:
    """``{"bands": [...]}`` in the declared summary's shape, or {} when no paper carries a value."""
    banded = [b for b in ballots if b.value is not None]
    if not banded:
        return {}
    ranked = definition.get("method") in RANKED_METHODS
    options = 3 if definition["kind"] == "resolution" else len(definition["candidates"])
    papers: dict[tuple[str, Fraction], list[tuple[int, ...] | None]] = {}
    for ballot in banded:
        assert ballot.value is not None
        marks = ballot.marks[:1] if ranked or definition["kind"] == "resolution" else ballot.marks
        papers.setdefault((ballot.class_code, ballot.value), []).append(
            tuple(m - 1 for m in marks) if ballot.valid else None
        )
    rows = public_band_rows(papers, options, _minimum(definition))
    return {
        "bands": [
            {
                "class": row.class_code,
                "values": [str(v) for v in row.values],
                "papers": row.papers,
                "papers_by_option": list(row.by_option),
                "value_by_option": [decimal_string(v, 6) for v in row.weighted_by_option],
            }
            for row in rows
        ]
    }
