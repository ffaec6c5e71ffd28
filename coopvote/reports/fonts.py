"""The shipped DejaVu fonts, registered once and embedded in every report.

DejaVu has every Welsh letter (ŵ, ŷ, â...) in both weights; reportlab embeds the glyphs a PDF uses,
so a declaration prints the same on any machine, with no font installed.
"""

from __future__ import annotations

from reportlab.lib.fonts import addMapping

from coopvote.ballots.pdf_draw import register_dejavu

FONT = "CoopvoteReport"
FONT_BOLD = "CoopvoteReport-Bold"


def register_fonts() -> None:
    if not register_dejavu(FONT, FONT_BOLD):
        return
    addMapping(FONT, 0, 0, FONT)
    addMapping(FONT, 1, 0, FONT_BOLD)
    addMapping(FONT, 0, 1, FONT)
    addMapping(FONT, 1, 1, FONT_BOLD)
