"""The STV stage sheet: each candidate's votes at the end of every stage, as returning officers print it.

Stages run across the page in blocks of at most seven, so a long count stays readable on A4; the cell
of a candidate elected at a stage is shaded green and bold, one excluded is shaded grey, and what each
stage did is listed under its block.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from coopvote.reports.fonts import FONT_BOLD
from coopvote.reports.layout import grid, header_text, heading, text
from coopvote.reports.wording import LABELS

PER_BLOCK = 8
CONTENT_WIDTH = 174 * mm
ELECTED = colors.HexColor("#d8efe5")
EXCLUDED = colors.HexColor("#e4e4e4")


def stage_sheet(election: dict[str, Any], candidates: list[str], st: dict[str, Any]) -> list[Flowable]:
    stages = election.get("stages") or []
    out: list[Flowable] = [Spacer(1, 4 * mm), heading("stages", st)]
    if election.get("quota"):
        out.append(Paragraph(text(f"{LABELS['quota'][0]} / {LABELS['quota'][1]}: {election['quota']}"), st["base"]))
    stage_cy, stage_en = LABELS["stage"]
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
        for r, name in enumerate(candidates, start=1):
            row: list[Any] = [Paragraph(text(name), st["cell"])]
            for c, stage in enumerate(block, start=1):
                row.append(stage["totals"].get(name, ""))
                if name in stage.get("elected", []):
                    extra += [("BACKGROUND", (c, r), (c, r), ELECTED), ("FONT", (c, r), (c, r), FONT_BOLD, 8)]
                elif name in stage.get("excluded", []):
                    extra.append(("BACKGROUND", (c, r), (c, r), EXCLUDED))
            rows.append(row)
        nt_cy, nt_en = LABELS["non_transferable"]
        rows.append([Paragraph(f"{nt_cy}<br/><font color='#555555'>{nt_en}</font>", st["cell"])]
                    + [s.get("non_transferable", "") for s in block])  # fmt: skip
        table = grid(rows, [name_width] + [width] * len(block), extra=extra)
        notes = []
        for s in block:
            did = s.get("description") or s.get("action") or ""
            notes.append(Paragraph(text(f"{stage_cy}/{stage_en} {s['number']}: {did}"), st["small"]))
        out.append(KeepTogether([table, Spacer(1, 1.5 * mm), *notes, Spacer(1, 3 * mm)]))
    return out
