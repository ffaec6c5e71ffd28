"""Sheets of tear-off vote slips: one slip per option, each with its own sealed QR code.

A voter tears off the slip for their choice and posts it; the count scans slips alone, no mark
reading needed. All slips of a sheet share the sheet's serial, so the service layer can refuse a
second slip from the same sheet.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import BinaryIO

from reportlab.pdfgen.canvas import Canvas

from coopvote.ballots import texts
from coopvote.ballots.layout import Rect, Slip, SlipSheetLayout, slip_layout
from coopvote.ballots.pdf import TEXT_SIZES, binary_streams, draw_serial, open_canvas, write_out
from coopvote.ballots.pdf_draw import (
    FONT,
    FONT_BOLD,
    GREY,
    Page,
    Run,
    class_colour,
    draw_fitted,
    draw_hand,
    draw_qr,
    fit_block,
)
from coopvote.ballots.pdf_spec import SlipSheetSpec
from coopvote.errors import InputError
from coopvote.messages import message

__all__ = ["render_slips"]


def _slip_static(page: Page, slip: Slip, sheet: SlipSheetSpec) -> None:
    sizes = TEXT_SIZES[sheet.variant]
    fill, ink = class_colour(sheet.voting_class.colour)
    page.rect(slip.band, fill=fill)
    band_pt = min(sizes.band, 13.0)
    label = f"{sheet.voting_class.name_cy}  ·  {sheet.voting_class.name_en}"
    baseline = slip.band.y + slip.band.h / 2 + band_pt * 0.35 * 25.4 / 72
    page.text(slip.band.x + slip.band.w / 2, baseline, label, FONT_BOLD, band_pt, ink, align="centre")
    page.text(slip.band.right - 3.0, baseline, sheet.voting_class.code, FONT_BOLD, band_pt, ink, align="right")
    item = sheet.item
    choice = item.choices[slip.option]
    area = slip.label_area
    if sheet.variant == "easy-read" and choice.stance is not None:
        side = min(30.0, area.h * 0.6)
        draw_hand(page, Rect(area.x, area.y + (area.h - side) / 2, side, side), choice.stance)
        area = Rect(area.x + side + 4.0, area.y, area.w - side - 4.0, area.h)
    standard = sheet.variant == "standard"
    small, big = (0.7, 1.5) if standard else (1.0, 1.25)
    hint = texts.SLIP_HINT if standard else texts.SLIP_HINT_SHORT
    question_cy, question_en = item.question(sheet.variant == "easy-read")
    item_cy = f"{texts.ITEM.cy.format(number=item.number)}: {question_cy}"
    item_en = f"{texts.ITEM.en.format(number=item.number)}: {question_en}"
    runs: tuple[Run, ...] = (
        Run(hint.cy, scale=small, gap_after=0.3),
        Run(item_cy, scale=small, gap_after=2.0),
        Run(hint.en, scale=small, gap_after=0.3),
        Run(item_en, scale=small, gap_after=3.0),
    )
    if choice.label_cy.strip() == choice.label_en.strip():
        runs += (Run(choice.label_en, bold=True, scale=big),)
    else:
        runs += (Run(choice.label_cy, bold=True, scale=big, gap_after=0.5),
                 Run(choice.label_en, bold=True, scale=big))
    base = sizes.candidate if item.kind != "resolution" else sizes.option
    if sheet.variant == "standard":
        base, floor = 13.0, 8.0
    else:
        base, floor = max(base, 16.0), 16.0 if sheet.variant == "large-print" else 14.0
    fitted = fit_block(runs, area.w, area.h, base, floor, message("paper.where_slip", item=item.number, option=slip.option + 1))
    draw_fitted(page, area, fitted, valign="middle")


def _cut_lines(page: Page, layout: SlipSheetLayout) -> None:
    for y in layout.cut_lines:
        page.line(4.0, y, layout.width - 4.0, y, GREY, 0.8, dash=(6, 4))
        text = f"✂ {texts.CUT_HERE.cy} / {texts.CUT_HERE.en}"
        page.text(12.0, y - 1.2, text, FONT, 7.0, GREY)


def render_slips(sheets: Sequence[SlipSheetSpec], out: Path | BinaryIO | str) -> int:
    """Write each voter's sheet of slips (three slips to a page); returns the page count.

    Raises InputError, writing nothing, when a sheet's QR texts do not match its options or its text
    cannot fit.
    """
    if not sheets:
        raise InputError("paper.no_slips")
    for sheet in sheets:
        if len(sheet.qr_texts) != len(sheet.item.choices):
            raise InputError("paper.slip_codes_count", item=sheet.item.number, serial=sheet.serial,
                             codes=len(sheet.qr_texts), options=len(sheet.item.choices))

    layouts: dict[tuple[object, ...], tuple[str, SlipSheetLayout]] = {}
    for sheet in sheets:
        key = (sheet.meeting, sheet.item, sheet.voting_class, sheet.variant, sheet.page_size)
        if key not in layouts:
            layouts[key] = (f"coopvoteSlips{len(layouts)}",
                            slip_layout(len(sheet.item.choices), sheet.variant, sheet.page_size))
    buffer = io.BytesIO()
    first = next(iter(layouts.values()))[1]
    meeting = sheets[0].meeting
    with binary_streams():
        canvas = open_canvas(buffer, first.width, first.height, f"{meeting.title_cy} / {meeting.title_en}")
        pages = _write_sheets(canvas, sheets, layouts)
    write_out(buffer.getvalue(), out)
    return pages


def _write_sheets(canvas: Canvas, sheets: Sequence[SlipSheetSpec],
                  layouts: dict[tuple[object, ...], tuple[str, SlipSheetLayout]]) -> int:
    defined: set[str] = set()
    pages = 0
    for sheet in sheets:
        key = (sheet.meeting, sheet.item, sheet.voting_class, sheet.variant, sheet.page_size)
        name, layout = layouts[key]
        serial_pt = TEXT_SIZES[sheet.variant].serial
        for number in range(layout.pages):
            form = f"{name}p{number}"
            canvas.setPageSize((layout.width * 72 / 25.4, layout.height * 72 / 25.4))
            page = Page(canvas, layout.height)
            on_page = [slip for slip in layout.slips if slip.page == number]
            if form not in defined:
                canvas.beginForm(form)
                _cut_lines(page, layout)
                for slip in on_page:
                    _slip_static(page, slip, sheet)
                canvas.endForm()
                defined.add(form)
            canvas.doForm(form)
            for slip in on_page:
                draw_qr(page, slip.qr, sheet.qr_texts[slip.option])
                draw_serial(page, slip.serial_area, sheet.serial, serial_pt)
            canvas.showPage()
            pages += 1
    canvas.save()
    return pages
