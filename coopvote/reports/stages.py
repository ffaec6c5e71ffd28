"""The STV stage sheet: each candidate's votes at the end of every stage, as returning officers print it.

Stages run across the page in blocks of at most seven, so a long count stays readable on A4; the cell
of a candidate elected at a stage is shaded green and bold, one excluded is shaded grey, and what each
stage did is listed under its block.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from coopvote.counting.display import column_texts
from coopvote.reports.fonts import FONT_BOLD
from coopvote.reports.layout import grid, header_text, heading, pair, rounding_rule, text
from coopvote.reports.stage_words import stage_words
from coopvote.reports.wording import LABELS

PER_BLOCK = 8
CONTENT_WIDTH = 174 * mm
ELECTED = colors.HexColor("#d8efe5")
EXCLUDED = colors.HexColor("#e4e4e4")


def stage_sheet(election: dict[str, Any], candidates: list[str], st: dict[str, Any]) -> list[Flowable]:
    stages = election.get("stages") or []
    out: list[Flowable] = [Spacer(1, 4 * mm)]
    lead: list[Flowable] = [heading("stages", st)]  # kept with the first block, so never alone at a page foot
    if election.get("quota"):
        lead.append(Paragraph(f"{pair(*LABELS['quota'])}: {text(election['quota'])}", st["base"]))
    stage_cy, stage_en = LABELS["stage"]
    places = 2 if election.get("method") == "ers97" else 5
    show_loss = any(_nonzero(s.get("exact", {}).get("rounding_loss", s.get("rounding_loss"))) for s in stages)
    name_width = 46 * mm
    blocks = max(1, -(-len(stages) // PER_BLOCK))
    size = max(1, -(-len(stages) // blocks))
    for start in range(0, len(stages), size):
        block = stages[start : start + size]
        width = (CONTENT_WIDTH - name_width) / PER_BLOCK
        head: list[Any] = [header_text(*LABELS["candidate"], st)]
        head += [header_text(f"{stage_cy} {s['number']}", f"{stage_en} {s['number']}", st, right=True) for s in block]
        rows: list[list[Any]] = [head]
        extra: list[tuple[Any, ...]] = []
        printed = [_stage_column(stage, candidates, election, places) for stage in block]
        for r, name in enumerate(candidates, start=1):
            row: list[Any] = [Paragraph(text(name), st["cell"])]
            for c, stage in enumerate(block, start=1):
                row.append(printed[c - 1][name])
                if name in stage.get("elected", []):
                    extra += [("BACKGROUND", (c, r), (c, r), ELECTED), ("FONT", (c, r), (c, r), FONT_BOLD, 8)]
                elif name in stage.get("excluded", []):
                    extra.append(("BACKGROUND", (c, r), (c, r), EXCLUDED))
            rows.append(row)
        for key in ("non_transferable", "rounding_loss", "valid_vote"):
            if key == "rounding_loss" and not show_loss:
                continue
            if key == "valid_vote" and not any(column.get(key) for column in printed):
                continue
            cy, en = LABELS[key]
            rows.append([Paragraph(f"{cy}<br/><font color='#555555'>{en}</font>", st["cell"])]
                        + [column.get(key, "") for column in printed])  # fmt: skip
        table = grid(rows, [name_width] + [width] * len(block), extra=extra)
        notes = []
        for s in block:
            previous = stages[s_index - 1] if (s_index := stages.index(s)) > 0 else None
            did_cy, did_en = stage_words(s, previous)
            notes.append(Paragraph(f"<b>{text(stage_cy)} {s['number']}:</b> {text(did_cy)} "
                                   f"<font color='#555555'>/ {text(stage_en)} {s['number']}: {text(did_en)}</font>",
                                   st["small"]))  # fmt: skip
        out.append(KeepTogether([*lead, table, Spacer(1, 1.5 * mm), *notes, Spacer(1, 3 * mm)]))
        lead = []
    if stages and all("exact" in s for s in stages) and election.get("valid_exact"):
        out += rounding_rule(places, st)
        out.append(Paragraph(pair(*LABELS["stage_adds_up"]), st["small"]))
    return out


def _nonzero(value: Any) -> bool:
    try:
        return Fraction(str(value)) != 0
    except (TypeError, ValueError, ZeroDivisionError):
        return False


def _stage_column(stage: dict[str, Any], candidates: list[str], election: dict[str, Any], places: int) -> dict[str, str]:
    """One stage's printed figures: candidates, non-transferable, rounding loss and the valid vote.

    From the exact fractions, rounded by the largest-remainder rule so they add up to the valid vote
    as printed; a stage stored without them (declared by an older version) is printed as it was.
    """
    exact = stage.get("exact")
    valid = election.get("valid_exact")
    if not isinstance(exact, dict) or not valid:
        column = {name: stage["totals"].get(name, "") for name in candidates}
        column["non_transferable"] = stage.get("non_transferable", "")
        column["rounding_loss"] = stage.get("rounding_loss", "")
        return column
    held = [name for name in candidates if name in exact["totals"]]
    values = [Fraction(exact["totals"][name]) for name in held]
    values += [Fraction(exact["non_transferable"]), Fraction(exact["rounding_loss"])]
    adds_up = sum(values, Fraction(0)) == Fraction(valid)
    figures, total = column_texts(values, places, Fraction(valid) if adds_up else None)
    column = dict.fromkeys(candidates, "")
    column.update(zip(held, figures, strict=False))
    column["non_transferable"], column["rounding_loss"] = figures[-2], figures[-1]
    if adds_up:
        column["valid_vote"] = total
    return column
