"""The per-band table of a declaration, for an item counted by members' own vote values.

Each line is a value band (members of a class holding the same value): its papers and, per option, the
papers and the votes they carry (papers times the band's value). Bands that returned fewer papers than
the privacy minimum were merged before the result was stored, so a line naming several values stands
for those bands together and the table never shows a band small enough to single a voter out.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from coopvote.reports.layout import grid, header_text, text

BAND_HEADING = ("Pleidleisiau fesul band gwerth", "Votes by value band")
MERGED_NOTE = (
    "Mae llinell â sawl gwerth yn cyfuno bandiau llai na'r lleiafswm preifatrwydd.",
    "A line with several values joins bands smaller than the privacy minimum.",
)


def band_table(result: dict[str, Any], option_names: list[tuple[str, str]], st: dict[str, Any]) -> list[Flowable]:
    """The heading, table and note, or nothing when the result has no ``bands``."""
    bands = result.get("bands") or []
    if not bands:
        return []
    head: list[Any] = [header_text("Dosbarth", "Class", st), header_text("Gwerth", "Value", st),
                       header_text("Papurau", "Papers", st, right=True)]
    for cy, en in option_names:
        head.append(header_text(cy, en, st, right=True))
    rows: list[list[Any]] = [head]
    for band in bands:
        row: list[Any] = [band["class"], " + ".join(band["values"]), band["papers"]]
        for papers, votes in zip(band["papers_by_option"], band["value_by_option"], strict=True):
            row.append(f"{papers} ({votes})")
        rows.append(row)
    option_width = max(18.0, (174.0 - 70.0) / max(len(option_names), 1)) * mm
    out: list[Flowable] = [
        Paragraph(f"<b>{text(BAND_HEADING[0])}</b> / {text(BAND_HEADING[1])}", st["h2"]),
        grid(rows, [24 * mm, 26 * mm, 20 * mm] + [option_width] * len(option_names), numeric_from=2),
        Paragraph(text("papurau (pleidleisiau) / papers (votes). " + MERGED_NOTE[0] + " / " + MERGED_NOTE[1]),
                  st["small"]),
    ]
    return out
