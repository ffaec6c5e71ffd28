"""Membership cards for the registration desk: a sheet of credit-card-sized cards with sealed codes.

A card's code holds the meeting and the member number only (``CVM1-...``, see ``qrcodec``); the
name printed beside it is for the member and the desk, never in the code. Ten cards to an A4 or
Letter page, with light cut lines.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from reportlab.pdfgen.canvas import Canvas

from coopvote.ballots.layout import Rect, normalise_page_size, page_dimensions
from coopvote.ballots.paper import PageSize
from coopvote.ballots.pdf import binary_streams, open_canvas, write_out
from coopvote.ballots.pdf_draw import FONT, LIGHT, Page, Run, class_colour, draw_fitted, draw_qr, fit_block
from coopvote.ballots.pdf_spec import MeetingInfo, VotingClass
from coopvote.ballots.qrcodec import MemberCode, encode_card
from coopvote.errors import InputError
from coopvote.messages import message

CARD_W = 85.6
CARD_H = 54.0
COLUMNS = 2
ROWS = 5
CARD_QR = 26.0
CARD_TITLE = ("Cerdyn aelodaeth", "Membership card")


@dataclass(frozen=True)
class CardSpec:
    """One member's card: whose it is (as printed), their class, and the sealed code."""

    meeting: MeetingInfo
    member_number: str
    name: str
    voting_class: VotingClass
    qr_text: str


def cards_for(meeting: MeetingInfo, members: Sequence[tuple[str, str, VotingClass]], secret: bytes) -> list[CardSpec]:
    """One sealed card per (member number, name, class), in the order given."""
    return [
        CardSpec(meeting, number, name, voting_class, encode_card(MemberCode(meeting.code, number), secret))
        for number, name, voting_class in members
    ]


def card_slots(page_size: PageSize) -> list[Rect]:
    """Where the ten cards of a page sit, centred on the page, row by row."""
    width, height = page_dimensions(page_size)
    left = (width - COLUMNS * CARD_W) / 2
    top = (height - ROWS * CARD_H) / 2
    return [Rect(left + c * CARD_W, top + r * CARD_H, CARD_W, CARD_H) for r in range(ROWS) for c in range(COLUMNS)]


def _card(page: Page, slot: Rect, card: CardSpec) -> None:
    fill, ink = class_colour(card.voting_class.colour)
    band = Rect(slot.x + 3.0, slot.y + 3.0, slot.w - 6.0, 8.0)
    page.rect(band, fill=fill)
    label = f"{card.voting_class.name_cy} · {card.voting_class.name_en}"
    fitted = fit_block((Run(label, bold=True),), band.w - 4.0, band.h, 9.0, 6.0, message("paper.where_card", member=card.member_number))
    draw_fitted(page, Rect(band.x + 2.0, band.y, band.w - 4.0, band.h), fitted, ink, valign="middle")
    qr = Rect(slot.right - 4.0 - CARD_QR, band.bottom + 4.0, CARD_QR, CARD_QR)
    draw_qr(page, qr, card.qr_text)
    text_area = Rect(slot.x + 4.0, band.bottom + 2.0, qr.x - 4.0 - slot.x - 4.0, slot.bottom - band.bottom - 5.0)
    runs = (
        Run(CARD_TITLE[0], scale=0.75),
        Run(CARD_TITLE[1], scale=0.75, gap_after=1.5),
        Run(card.meeting.title_cy, scale=0.75),
        Run(card.meeting.title_en, scale=0.75, gap_after=2.0),
        Run(card.name, bold=True, gap_after=1.0),
        Run(card.member_number, bold=True, scale=1.2),
    )
    fitted = fit_block(runs, text_area.w, text_area.h, 10.0, 6.0, message("paper.where_card", member=card.member_number))
    draw_fitted(page, text_area, fitted, valign="middle")


def render_cards(cards: Sequence[CardSpec], out: Path | BinaryIO | str, page_size: str = "A4") -> int:
    """Write the cards ten to a page; returns the page count. Writes nothing if a card cannot fit."""
    if not cards:
        raise InputError("paper.no_cards")

    size = normalise_page_size(page_size)
    width, height = page_dimensions(size)
    slots = card_slots(size)
    buffer = io.BytesIO()
    meeting = cards[0].meeting
    with binary_streams():
        canvas = open_canvas(buffer, width, height, f"{meeting.title_cy} / {meeting.title_en}")
        pages = _write_cards(canvas, cards, slots, height)
    write_out(buffer.getvalue(), out)
    return pages


def _write_cards(canvas: Canvas, cards: Sequence[CardSpec], slots: list[Rect], height: float) -> int:
    per_page = len(slots)
    pages = 0
    for start in range(0, len(cards), per_page):
        page = Page(canvas, height)
        for slot, card in zip(slots, cards[start:start + per_page], strict=False):
            page.rect(slot, stroke=LIGHT, line_pt=0.4, dash=(2, 2))
            _card(page, slot, card)
        page.text(slots[0].x, slots[-1].bottom + 5.0, "Torrwch ar hyd y llinellau / Cut along the lines", FONT, 7.0)
        canvas.showPage()
        pages += 1
    canvas.save()
    return pages
