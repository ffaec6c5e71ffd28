"""Drawing primitives for ballot PDFs: embedded fonts, fitted bilingual text, fast QR codes, pictures.

Everything takes layout millimetres from the page's top-left and converts to reportlab's points from
the bottom-left here, so the page modules never juggle two coordinate systems.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

import numpy as np
import qrcode
from qrcode.constants import ERROR_CORRECT_Q
from qrcode.util import MODE_ALPHA_NUM, QRData
from reportlab.lib.colors import Color, HexColor
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from coopvote.ballots.layout import Rect
from coopvote.ballots.pdf_qr import SIZE as QR_SIZE
from coopvote.ballots.pdf_qr import qr_flat
from coopvote.errors import InputError
from coopvote.messages import Message

FONT = "CoopvoteDejaVuSans"
FONT_BOLD = "CoopvoteDejaVuSans-Bold"
QR_VERSION = 4
"""Version 4 (33x33 modules) holds the longest code (60 characters) at level Q, so every code on a
page has the same module size."""
QR_MASK = 2
"""A fixed mask is legal QR and spares the 8-way mask search, which is most of the encoding time."""


def register_dejavu(regular: str, bold: str) -> bool:
    """Register the shipped DejaVu fonts under these names, once; False when they already were.

    Every PDF coopvote writes (papers, cards, declarations) uses them, so Welsh letters print the same
    on any machine with no font installed; reportlab embeds only the glyphs a PDF uses.
    """
    if regular in pdfmetrics.getRegisteredFontNames():
        return False
    folder = resources.files("coopvote") / "resources" / "fonts"
    for name, filename in ((regular, "DejaVuSans.ttf"), (bold, "DejaVuSans-Bold.ttf")):
        with resources.as_file(folder / filename) as path:
            pdfmetrics.registerFont(TTFont(name, str(path)))
    return True


def register_fonts() -> None:
    """The ballot papers' fonts."""
    register_dejavu(FONT, FONT_BOLD)


class Page:
    """A canvas page seen in layout millimetres (origin top-left, y down)."""

    def __init__(self, canvas: Canvas, height_mm: float) -> None:
        self.c = canvas
        self.h = height_mm

    def rect(self, r: Rect, fill: Color | None = None, stroke: Color | None = None,
             line_pt: float = 0.8, dash: tuple[float, float] | None = None) -> None:
        c = self.c
        c.saveState()
        if fill is not None:
            c.setFillColor(fill)
        if stroke is not None:
            c.setStrokeColor(stroke)
            c.setLineWidth(line_pt)
            if dash:
                c.setDash(dash[0], dash[1])
        c.rect(r.x * mm, (self.h - r.bottom) * mm, r.w * mm, r.h * mm,
               stroke=1 if stroke is not None else 0, fill=1 if fill is not None else 0)
        c.restoreState()

    def line(self, x1: float, y1: float, x2: float, y2: float, colour: Color, line_pt: float = 0.5,
             dash: tuple[float, float] | None = None) -> None:
        c = self.c
        c.saveState()
        c.setStrokeColor(colour)
        c.setLineWidth(line_pt)
        if dash:
            c.setDash(dash[0], dash[1])
        c.line(x1 * mm, (self.h - y1) * mm, x2 * mm, (self.h - y2) * mm)
        c.restoreState()

    def text(self, x: float, baseline_y: float, text: str, font: str, size: float,
             colour: Color | None = None, align: str = "left") -> None:
        c = self.c
        c.setFillColor(colour or BLACK)
        c.setFont(font, size)
        y = (self.h - baseline_y) * mm
        if align == "centre":
            c.drawCentredString(x * mm, y, text)
        elif align == "right":
            c.drawRightString(x * mm, y, text)
        else:
            c.drawString(x * mm, y, text)


BLACK = Color(0, 0, 0)
WHITE = Color(1, 1, 1)
GREY = Color(0.45, 0.45, 0.45)
LIGHT = Color(0.75, 0.75, 0.75)
PT_TO_MM = 25.4 / 72


def class_colour(hex_colour: str) -> tuple[Color, Color]:
    """The band colour and a readable text colour on it (black on light colours, white on dark)."""
    try:
        colour = HexColor(hex_colour)
    except (ValueError, TypeError):
        raise InputError("paper.colour", colour=hex_colour) from None
    luminance = 0.2126 * colour.red + 0.7152 * colour.green + 0.0722 * colour.blue
    return colour, (BLACK if luminance > 0.5 else WHITE)


@functools.lru_cache(maxsize=4096)
def wrap(text: str, font: str, size: float, width_mm: float) -> tuple[str, ...]:
    """Greedy word wrap by measured width; a word longer than the line is split by characters."""
    limit = width_mm * mm
    lines: list[str] = []
    for paragraph in text.split("\n"):
        current = ""
        for word in paragraph.split():
            trial = f"{current} {word}" if current else word
            if pdfmetrics.stringWidth(trial, font, size) <= limit:
                current = trial
                continue
            if current:
                lines.append(current)
            current = word
            while pdfmetrics.stringWidth(current, font, size) > limit and len(current) > 1:
                cut = len(current) - 1
                while cut > 1 and pdfmetrics.stringWidth(current[:cut], font, size) > limit:
                    cut -= 1
                lines.append(current[:cut])
                current = current[cut:]
        lines.append(current)
    return tuple(lines)


@functools.lru_cache(maxsize=4096)
def _missing_glyphs(text: str, font: str) -> tuple[str, ...]:
    """The letters of ``text`` the font has no glyph for (cached: the same words go on every paper of a pack)."""
    covered = pdfmetrics.getFont(font).face.charToGlyph  # type: ignore[attr-defined]
    return tuple(sorted({ch for ch in text if ord(ch) not in covered and not ch.isspace()}))


def check_glyphs(
text: str, font: str, where: str | Message) -> None:
    """Refuse text the embedded font cannot show: a ballot must never print an empty box for a letter."""
    missing = _missing_glyphs(text, font)
    if missing:
        shown = " ".join(f"{ch} (U+{ord(ch):04X})" for ch in missing[:5])
        raise InputError("paper.font_missing", where=where, characters=shown, text=text)


@dataclass(frozen=True)
class Run:
    """A piece of text to set in a block: its font, size relative to the block's base, and space after."""

    text: str
    bold: bool = False
    scale: float = 1.0
    gap_after: float = 0.0


@dataclass(frozen=True)
class Fitted:
    size: float
    lines: tuple[tuple[str, str, float, float], ...]  # text, font, size pt, baseline offset mm
    height: float


LEADING = 1.22


def fit_block(runs: tuple[Run, ...], width: float, height: float, size: float, min_size: float,
              where: str | Message, leading: float = LEADING) -> Fitted:
    """Set ``runs`` in a box, shrinking from ``size`` down to ``min_size`` (points) until they fit.

    The minimum is a promise to the voter (16 pt for large print, 14 pt for Easy Read), so text that
    still overflows raises InputError naming the place (``where``) rather than printing smaller.
    """
    for run in runs:
        check_glyphs(run.text, FONT_BOLD if run.bold else FONT, where)
    fitted = _set_block(runs, width, height, size, min_size, leading)
    if fitted is None:
        raise InputError("paper.text_does_not_fit", where=where, size=min_size)
    return fitted


@functools.lru_cache(maxsize=2048)
def _set_block(runs: tuple[Run, ...], width: float, height: float, size: float, min_size: float,
               leading: float) -> Fitted | None:
    """The runs set at the largest size from ``size`` down to ``min_size`` that fits, or None if none does.

    Cached: a pack prints the same words on hundreds of papers; the place named in a refusal is not part
    of the key, so each place still gets its own words.
    """
    trial = size
    while True:
        placed: list[tuple[str, str, float, float]] = []
        y = 0.0
        for run in runs:
            run_size = trial * run.scale
            font = FONT_BOLD if run.bold else FONT
            line_h = run_size * leading * PT_TO_MM
            for line in wrap(run.text, font, run_size, width):
                y += line_h
                placed.append((line, font, run_size, y - line_h * 0.25))
            y += run.gap_after
        if y <= height + 0.01:
            return Fitted(size=trial, lines=tuple(placed), height=y)
        if trial - 0.5 < min_size - 1e-9:
            return None
        trial -= 0.5



def draw_fitted(page: Page, area: Rect, fitted: Fitted, colour: Color | None = None,
                valign: str = "top") -> None:
    top = area.y
    if valign == "middle":
        top = area.y + (area.h - fitted.height) / 2
    for text, font, size, offset in fitted.lines:
        page.text(area.x, top + offset, text, font, size, colour)


def qr_modules(text: str) -> list[list[bool]]:
    """The QR module matrix (no quiet zone) as the ``qrcode`` package makes it, at the fixed version,
    level and mask. Kept as the reference that ``pdf_qr`` is tested against."""
    code = qrcode.QRCode(version=QR_VERSION, error_correction=ERROR_CORRECT_Q, border=0, mask_pattern=QR_MASK)
    code.add_data(QRData(text.encode("ascii"), mode=MODE_ALPHA_NUM, check_data=False))
    code.make(fit=False)
    return code.modules  # type: ignore[return-value]




def draw_qr(page: Page, area: Rect, text: str) -> None:
    """Draw the code as merged horizontal runs of dark modules: one filled path, few rectangles."""
    try:
        grid = qr_flat(text)
    except ValueError as error:
        raise InputError("paper.qr_not_drawn", text=text, detail=error) from None

    step = area.w * mm / QR_SIZE
    modules = np.zeros((QR_SIZE, QR_SIZE + 2), np.int8)
    modules[:, 1:-1] = np.frombuffer(bytes(grid), np.uint8).reshape(QR_SIZE, QR_SIZE)
    edges = np.diff(modules, axis=1)
    rows, starts = np.nonzero(edges == 1)
    _, ends = np.nonzero(edges == -1)
    # Module units with y down, so every rectangle is written with small integers.
    runs = "\n".join(map("%d %d %d 1 re".__mod__, zip(starts.tolist(), rows.tolist(), (ends - starts).tolist(),
                                                       strict=True)))
    transform = f"{step:.4f} 0 0 {-step:.4f} {area.x * mm:.3f} {(page.h - area.y) * mm:.3f} cm"
    page.c.addLiteral(f"q 0 g {transform}\n{runs}\nf Q")


def draw_hand(page: Page, area: Rect, stance: str) -> None:
    """A thumbs-up (for), thumbs-down (against) or thumb-sideways (abstain) picture for Easy Read.

    Drawn from shapes so the PDF needs no image files and prints crisply at any size.
    """
    fills = {"for": HexColor("#2e7d32"), "against": HexColor("#c62828"), "abstain": HexColor("#8a8a8a")}
    angle = {"for": 0, "against": 180, "abstain": -90}[stance]
    side = min(area.w, area.h) * mm
    cx, cy = area.centre
    c = page.c
    c.saveState()
    c.translate(cx * mm, (page.h - cy) * mm)
    c.rotate(angle)
    c.scale(side / 100.0, side / 100.0)
    c.translate(-50, -50)
    c.setLineWidth(3)
    c.setStrokeColor(BLACK)
    c.setFillColor(fills[stance])
    c.roundRect(14, 12, 16, 46, 3, stroke=1, fill=1)  # cuff
    c.roundRect(32, 8, 42, 54, 10, stroke=1, fill=1)  # fist
    c.roundRect(34, 50, 18, 42, 9, stroke=1, fill=1)  # thumb
    for y in (21, 34, 47):  # fingers folded across the fist
        c.line(50, y, 74, y)
    c.restoreState()
