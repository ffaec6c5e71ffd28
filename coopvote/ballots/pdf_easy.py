"""What only an Easy Read election paper draws: each candidate's picture, and a worked example.

A person who reads few or no words finds their candidate by face, so every row carries a picture: the
candidate's photo from the meeting definition, or, without one, their initials in a circle (a clear
placeholder, never a stranger's silhouette). The worked example beside the instructions shows the one
action the paper asks for, a picture and a box with an X in it, "like this". It sits above the answer
rows, clear of every box the reader measures, so the example's X is never counted.
"""

from __future__ import annotations

import io

from reportlab.lib.colors import Color
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader

from coopvote.ballots import texts
from coopvote.ballots.layout import PaperLayout, Rect
from coopvote.ballots.pdf_draw import BLACK, FONT_BOLD, WHITE, Page
from coopvote.ballots.pdf_spec import Choice

PLACEHOLDER_FILL = Color(0.90, 0.92, 0.95)
EXAMPLE_FILL = Color(0.97, 0.97, 0.97)


def initials(name: str) -> str:
    """Up to two letters: the first of the first and last words ("Siân ap Gwŷn" -> "SG")."""
    words = [w for w in name.replace("-", " ").split() if w[:1].isalpha()]
    if not words:
        return "?"
    letters = words[0][0] + (words[-1][0] if len(words) > 1 else "")
    return letters.upper()


def draw_candidate_picture(page: Page, area: Rect, choice: Choice) -> None:
    """The candidate's photo fitted in a square frame, or their initials in a circle."""
    side = min(area.w, area.h)
    square = Rect(area.x, area.y + (area.h - side) / 2, side, side)
    if choice.photo:
        reader = ImageReader(io.BytesIO(choice.photo))
        page.c.drawImage(reader, square.x * mm, (page.h - square.bottom) * mm, square.w * mm, square.h * mm,
                         preserveAspectRatio=True, anchor="c", mask="auto")
        page.rect(square, stroke=BLACK, line_pt=1.0)
        return
    _initials_circle(page, square, initials(choice.label_en))


def _initials_circle(page: Page, square: Rect, letters: str) -> None:
    c = page.c
    cx, cy = square.centre
    radius = square.w / 2 - 0.4
    c.saveState()
    c.setFillColor(PLACEHOLDER_FILL)
    c.setStrokeColor(BLACK)
    c.setLineWidth(1.2)
    c.circle(cx * mm, (page.h - cy) * mm, radius * mm, stroke=1, fill=1)
    c.restoreState()
    size = square.w * 0.42 / 0.3528  # letters about 42% of the circle's width, in points
    page.text(cx, cy + size * 0.3528 * 0.36, letters, FONT_BOLD, size, BLACK, align="centre")


def draw_example(page: Page, layout: PaperLayout, ranking: bool) -> None:
    """The worked example: "Fel hyn / Like this", a picture, and a box with an X in it."""
    area = layout.example
    if area is None:
        return
    page.rect(area, fill=EXAMPLE_FILL, stroke=BLACK, line_pt=0.8)
    page.text(area.x + 3.0, area.y + 6.5, texts.EXAMPLE.cy, FONT_BOLD, 14.0)
    page.text(area.x + 3.0, area.y + 12.5, texts.EXAMPLE.en, FONT_BOLD, 14.0)
    side = min(16.0, area.h - 17.0)
    picture = Rect(area.x + 4.0, area.bottom - side - 2.5, side, side)
    _initials_circle(page, picture, "A")
    box_side = min(13.0, side)
    box = Rect(area.right - box_side - 4.0, picture.y + (side - box_side) / 2, box_side, box_side)
    if ranking:
        page.text(box.x + box.w / 2, box.y - 1.2, "1", FONT_BOLD, 12.0, align="centre")
    page.line(picture.right + 2.0, box.y + box.h / 2, box.x - 2.0, box.y + box.h / 2, BLACK, 1.2, dash=(3, 2))
    page.rect(box, fill=WHITE, stroke=BLACK, line_pt=1.6)
    inset = box.w * 0.18
    for (x1, y1, x2, y2) in ((box.x + inset, box.y + inset, box.right - inset, box.bottom - inset),
                             (box.right - inset, box.y + inset, box.x + inset, box.bottom - inset)):
        page.line(x1, y1, x2, y2, BLACK, 3.2)
