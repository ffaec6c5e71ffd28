"""The shipped DejaVu fonts, registered once and embedded in every report.

DejaVu has every Welsh letter (ŵ, ŷ, â...) in both weights; reportlab embeds the glyphs a PDF uses,
so a declaration prints the same on any machine, with no font installed.
"""

from __future__ import annotations

from importlib import resources

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT = "CoopvoteReport"
FONT_BOLD = "CoopvoteReport-Bold"


def register_fonts() -> None:
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    folder = resources.files("coopvote") / "resources" / "fonts"
    for name, filename in ((FONT, "DejaVuSans.ttf"), (FONT_BOLD, "DejaVuSans-Bold.ttf")):
        with resources.as_file(folder / filename) as path:
            pdfmetrics.registerFont(TTFont(name, str(path)))
    addMapping(FONT, 0, 0, FONT)
    addMapping(FONT, 1, 0, FONT_BOLD)
    addMapping(FONT, 0, 1, FONT)
    addMapping(FONT, 1, 1, FONT_BOLD)
