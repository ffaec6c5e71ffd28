"""Shared look of the printed records: styles, bilingual headings, tables, the QR block, page frame.

Welsh comes first in dark ink and English follows in a softer grey, the convention of bilingual public
notices in Wales, so a reader of either language finds their line at a glance. The rule holds for every
line, small print included: English is set only in one of ``ENGLISH_INKS`` (the grey, or the softer green
and red beside a coloured outcome), Welsh never is, so the halves can be told apart on the page and in the
PDF (tests/test_welsh_outputs.py reads them apart by colour).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, Paragraph, SimpleDocTemplate, Table, TableStyle

from coopvote.reports.fonts import FONT, FONT_BOLD, register_fonts
from coopvote.reports.wording import LABELS, ROUNDING_RULE

INK = colors.HexColor("#1a1a1a")
ENGLISH = colors.HexColor("#555555")
RULE = colors.HexColor("#9a9a9a")
SHADE = colors.HexColor("#eef1f4")
GOOD = colors.HexColor("#1b7f5f")
BAD = colors.HexColor("#a8322f")
GOOD_EN = colors.HexColor("#4f9c80")
BAD_EN = colors.HexColor("#bf6461")
ENGLISH_INKS = frozenset(c.hexval()[2:].lower() for c in (ENGLISH, GOOD_EN, BAD_EN))
"""The colours English is printed in (hex, no #); Welsh and language-neutral figures never use them."""


def styles() -> dict[str, ParagraphStyle]:
    register_fonts()
    base = ParagraphStyle("base", fontName=FONT, fontSize=9, leading=11.5, textColor=INK)
    return {
        "base": base,
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=9.5),
        "en": ParagraphStyle("en", parent=base, textColor=ENGLISH),
        "society": ParagraphStyle("society", parent=base, fontSize=8.5, leading=10.5),
        "title": ParagraphStyle("title", parent=base, fontName=FONT_BOLD, fontSize=15, leading=18.5),
        "title_en": ParagraphStyle("title_en", parent=base, fontSize=12.5, leading=15.5, textColor=ENGLISH),
        "h2": ParagraphStyle("h2", parent=base, fontName=FONT_BOLD, fontSize=10.5, leading=13, spaceBefore=5, spaceAfter=1.5,
                             keepWithNext=1),  # a heading never ends a page without what it heads
        "cell": ParagraphStyle("cell", parent=base, fontSize=8, leading=9.6),
        "cell_b": ParagraphStyle("cell_b", parent=base, fontName=FONT_BOLD, fontSize=8, leading=9.6),
        "head": ParagraphStyle("head", parent=base, fontSize=7.3, leading=8.8),
        "head_r": ParagraphStyle("head_r", parent=base, fontSize=7.3, leading=8.8, alignment=TA_RIGHT),
        "outcome": ParagraphStyle("outcome", parent=base, fontName=FONT_BOLD, fontSize=14, leading=17),
        "code": ParagraphStyle("code", parent=base, fontName=FONT_BOLD, fontSize=13, leading=16),
    }


def text(value: object) -> str:
    return escape(str(value))


PARAGRAPH_CHARS = 1500
"""Longer text is set as several paragraphs of at most this many characters. reportlab re-breaks the
whole rest of a paragraph each time it splits it across a page, so one paragraph of n characters over
many pages costs n x pages: a meeting name of 1 MB took over 300 s to export. Pieces this size fit on a
page and are each broken once, so the cost grows with the length, not its square."""


def _pieces(value: str, size: int = PARAGRAPH_CHARS) -> list[str]:
    """``value`` cut into pieces of at most ``size`` characters, at a space where there is one."""
    pieces: list[str] = []
    start = 0
    while len(value) - start > size:
        cut = value.rfind(" ", start + size // 2, start + size)
        end = cut if cut > start else start + size
        pieces.append(value[start:end])
        start = end + 1 if cut > start else end
    pieces.append(value[start:])
    return pieces


def long_text(value: str, style: ParagraphStyle, *, grey: bool = False) -> Flowable:
    """Plain text as one paragraph, or as a run of pieces when it is long enough to cross pages."""
    wrap = (lambda t: f"<font color='#555555'>{t}</font>") if grey else (lambda t: t)
    if len(value) <= PARAGRAPH_CHARS:
        return Paragraph(wrap(text(value)), style)
    return KeepTogether([Paragraph(wrap(text(piece)), style) for piece in _pieces(value)])


def english(value: object) -> str:
    """English markup: escaped, in the English grey."""
    return f"<font color='#555555'>{text(value)}</font>"


def pair(cy: object, en: object, sep: str = " / ") -> str:
    """Welsh, then the separator and the English in grey: markup for one line of a paragraph or cell."""
    return f"{text(cy)}<font color='#555555'>{text(sep)}{text(en)}</font>"


def pair_cell(cy: str, en: str, style: ParagraphStyle) -> Paragraph:
    """A table cell reading "Welsh / English" with the English in grey (a total row's label, say)."""
    return Paragraph(pair(cy, en), style)


def total_label(st: dict[str, ParagraphStyle]) -> Paragraph:
    """The label of a table's total row, "Cyfanswm / Total", bold as the row is."""
    cy, en = LABELS["total"]
    return Paragraph(f"<b>{pair(cy, en)}</b>", st["cell"])


def rounding_rule(places: int, st: dict[str, ParagraphStyle]) -> list[Paragraph]:
    """How printed figures were rounded: the Welsh paragraph, then the English in grey."""
    cy, en = ROUNDING_RULE
    return [Paragraph(text(cy.format(places=places)), st["small"]),
            Paragraph(english(en.format(places=places)), st["small"])]


def bilingual(cy: str, en: str, style: ParagraphStyle, *, sep: str = "<br/>") -> Flowable:
    """One paragraph: the Welsh, then the English in grey (``sep`` between them); very long text is set
    as a run of paragraphs (see PARAGRAPH_CHARS)."""
    if len(cy) + len(en) > PARAGRAPH_CHARS:
        parts = [long_text(cy, style)] + ([long_text(en, style, grey=True)] if en != cy else [])
        return KeepTogether(parts)
    if cy == en:
        return Paragraph(text(cy), style)
    if sep == "<br/>":
        return Paragraph(f"{text(cy)}{sep}<font color='#555555'>{text(en)}</font>", style)
    return Paragraph(pair(cy, en, sep), style)


def heading(key: str, st: dict[str, ParagraphStyle]) -> Paragraph:
    cy, en = LABELS[key]
    return Paragraph(f"{text(cy)} <font color='#555555' name='{FONT}'>/ {text(en)}</font>", st["h2"])


def header_cell(key: str, st: dict[str, ParagraphStyle], *, right: bool = False) -> Paragraph:
    cy, en = LABELS[key]
    return header_text(cy, en, st, right=right)


def header_text(cy: str, en: str, st: dict[str, ParagraphStyle], *, right: bool = False) -> Paragraph:
    second = f"<br/><font color='#555555'>{text(en)}</font>" if en else ""
    return Paragraph(f"<b>{text(cy)}</b>{second}", st["head_r" if right else "head"])


def grid(
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float] | None = None,
    *,
    header_rows: int = 1,
    total_row: bool = False,
    numeric_from: int = 1,
    extra: Sequence[tuple[Any, ...]] = (),
) -> Table:
    """A ruled table with a shaded header, figures right-aligned, an optional bold total row."""
    register_fonts()
    table = Table([list(r) for r in rows], colWidths=list(widths) if widths else None, repeatRows=header_rows)
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), FONT, 8),
        ("TEXTCOLOR", (0, 0), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LINEBELOW", (0, 0), (-1, header_rows - 1), 0.8, RULE),
        ("LINEBELOW", (0, header_rows), (-1, -1), 0.25, RULE),
        ("BACKGROUND", (0, 0), (-1, header_rows - 1), SHADE),
        ("ALIGN", (numeric_from, header_rows), (-1, -1), "RIGHT"),
        ("TOPPADDING", (0, 0), (-1, -1), 2.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
    if total_row:
        commands += [("FONT", (0, -1), (-1, -1), FONT_BOLD, 8), ("LINEABOVE", (0, -1), (-1, -1), 0.8, RULE)]
    table.setStyle(TableStyle(commands + list(extra)))
    return table


class QrFlowable(Flowable):
    """A vector QR code (no bitmap), so it scans crisply from any printer."""

    def __init__(self, payload: str, size: float = 30 * mm) -> None:
        super().__init__()
        self.payload = payload
        self.size = size
        self.width = self.height = size

    def draw(self) -> None:
        widget = QrCodeWidget(self.payload, barLevel="M")
        x0, y0, x1, y1 = widget.getBounds()
        drawing = Drawing(self.size, self.size, transform=[self.size / (x1 - x0), 0, 0, self.size / (y1 - y0), 0, 0])
        drawing.add(widget)
        drawing.drawOn(self.canv, 0, 0)


def page_frame(footer_left: str, footer_right: str) -> Callable[[Canvas, Any], None]:
    def draw(canvas: Canvas, doc: Any) -> None:
        register_fonts()
        canvas.saveState()
        width, _height = A4
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.4)
        canvas.line(18 * mm, 14 * mm, width - 18 * mm, 14 * mm)
        canvas.setFont(FONT, 7)
        canvas.setFillColor(ENGLISH)
        canvas.drawString(18 * mm, 10 * mm, footer_left)
        page_cy, page_en = LABELS["page"]
        canvas.drawRightString(width - 18 * mm, 10 * mm, f"{footer_right}   {page_cy} / {page_en} {doc.page}")
        canvas.restoreState()

    return draw


def build_pdf(
    story: list[Flowable],
    *,
    title: str,
    subject: str,
    keywords: str,
    footer_left: str,
    footer_right: str,
) -> bytes:
    """Lay the story out on A4 and return the PDF bytes, with the verification code in its metadata."""
    register_fonts()
    buffer = io.BytesIO()
    doc = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=13 * mm,
        bottomMargin=17 * mm,
        title=title,
        subject=subject,
        keywords=keywords,
        author="coopvote",
        creator="coopvote",
        invariant=True,
    )
    frame = page_frame(footer_left, footer_right)
    doc.build(story, onFirstPage=frame, onLaterPages=frame)
    return buffer.getvalue()
