"""The return envelope sheet of an advance (postal) pack: whose envelope it is, how to vote, the declaration.

Its code is the member-level code (the membership card's, ``CVM1-...``): scanned when the envelope comes
back, it says *who* voted in advance, never how. It goes into the outer envelope beside the sealed inner
envelope that holds the papers, so the sheet and the papers are parted when the envelope is received,
before any paper is seen. Welsh first, with English beside it in equal size.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from coopvote.ballots.layout import Rect, normalise_page_size, page_dimensions
from coopvote.ballots.pdf import binary_streams, open_canvas, write_out
from coopvote.ballots.pdf_draw import FONT, GREY, Page, Run, class_colour, draw_fitted, draw_qr, fit_block
from coopvote.ballots.pdf_spec import MeetingInfo, VotingClass
from coopvote.counting.value_bands import votes_words
from coopvote.errors import InputError
from coopvote.messages import message

MARGIN = 18.0
QR_SIZE = 42.0
TITLE = ("Pleidlais ymlaen llaw: taflen yr amlen", "Advance vote: envelope sheet")
INSTRUCTIONS = (
    ("1. Marciwch eich papurau pleidleisio fel y dywed pob papur.", "1. Mark your ballot papers as each paper says."),
    ("2. Rhowch y papurau yn yr amlen fach a'i selio. Peidiwch ag ysgrifennu eich enw arnyn nhw.",
     "2. Put the papers in the small envelope and seal it. Do not write your name on them."),
    ("3. Rhowch yr amlen fach a'r daflen hon yn yr amlen ddychwelyd a'i phostio neu ei rhoi i mewn.",
     "3. Put the small envelope and this sheet in the return envelope, and post it or hand it in."),
    ("Pleidleisiwch unwaith yn unig: os daw eich amlen mewn pryd, ni chewch bapur arall yn y cyfarfod.",
     "Vote once only: if your envelope arrives in time, you will not be given another paper at the meeting."),
)  # fmt: skip
DECLARATION = (
    "Datganiad hunaniaeth: rwy'n datgan mai fi yw'r aelod a enwir uchod ac mai fi a farciodd y papurau sydd yn "
    "yr amlen hon.",
    "Declaration of identity: I declare that I am the member named above and that I marked the papers in this "
    "envelope.",
)
SIGN = ("Llofnod / Signature", "Dyddiad / Date")


@dataclass(frozen=True)
class EnvelopeSheet:
    """One member's sheet: who (as printed), their class, the sealed member code, and what the pack covers."""

    meeting: MeetingInfo
    member_number: str
    name: str
    voting_class: VotingClass
    qr_text: str
    items: tuple[tuple[int, str, str], ...]
    """(number, Welsh title, English title) of each item the pack's papers are for."""
    closes: str
    """When the envelope must arrive by, as printed (both languages read the same date and time)."""
    declaration: bool


def render_envelope_sheets(sheets: Sequence[EnvelopeSheet], out: Path | BinaryIO | str, page_size: str = "A4") -> int:
    """One page per member, in the order given; returns the page count. Writes nothing if a sheet cannot fit."""
    if not sheets:
        raise InputError("paper.no_envelopes")

    size = normalise_page_size(page_size)
    width, height = page_dimensions(size)
    buffer = io.BytesIO()
    meeting = sheets[0].meeting
    with binary_streams():
        canvas = open_canvas(buffer, width, height, f"{meeting.title_cy} / {meeting.title_en}")
        for sheet in sheets:
            _sheet(Page(canvas, height), sheet, width, height)
            canvas.showPage()
        canvas.save()
    write_out(buffer.getvalue(), out)
    return len(sheets)


def _sheet(page: Page, sheet: EnvelopeSheet, width: float, height: float) -> None:
    where = message("paper.where_envelope", member=sheet.member_number)
    inner = width - 2 * MARGIN
    fill, ink = class_colour(sheet.voting_class.colour)
    band = Rect(MARGIN, MARGIN, inner, 11.0)
    page.rect(band, fill=fill)
    label = f"{sheet.voting_class.name_cy} · {sheet.voting_class.name_en}"
    if sheet.voting_class.band is not None:
        # The member's value band, as on the papers' foot: stuff the envelope from that band's stack.
        label += "  ·  " + " / ".join(votes_words(sheet.voting_class.band))
    draw_fitted(page, Rect(band.x + 3.0, band.y, band.w - 6.0, band.h),
                fit_block((Run(label, bold=True),), band.w - 6.0, band.h, 13.0, 9.0, where), ink, valign="middle")
    qr = Rect(width - MARGIN - QR_SIZE, band.bottom + 6.0, QR_SIZE, QR_SIZE)
    draw_qr(page, qr, sheet.qr_text)
    page.text(qr.right, qr.bottom + 4.0, "Cod yr aelod, nid y bleidlais / Member's code, not the vote",
              FONT, 7.0, GREY, align="right")
    head = Rect(MARGIN, band.bottom + 6.0, qr.x - MARGIN - 6.0, QR_SIZE)
    runs = (
        Run(TITLE[0], bold=True, scale=1.2), Run(TITLE[1], bold=True, scale=1.2, gap_after=2.0),
        Run(f"{sheet.meeting.title_cy} / {sheet.meeting.title_en}", gap_after=3.0),
        Run(sheet.name, bold=True, scale=1.3), Run(f"Rhif aelodaeth / Membership number: {sheet.member_number}"),
    )  # fmt: skip
    draw_fitted(page, head, fit_block(runs, head.w, head.h, 12.0, 8.0, where))
    body = Rect(MARGIN, qr.bottom + 12.0, inner, height - MARGIN - (qr.bottom + 12.0) - (40.0 if sheet.declaration else 0))
    items = "; ".join(f"{n}. {cy} / {en}" for n, cy, en in sheet.items)
    text: list[Run] = [
        Run("Eich papurau / Your papers", bold=True), Run(items, gap_after=2.0),
        Run(f"Rhaid i'r amlen gyrraedd erbyn {sheet.closes}.", bold=True),
        Run(f"The envelope must arrive by {sheet.closes}.", bold=True, gap_after=3.0),
    ]  # fmt: skip
    for cy, en in INSTRUCTIONS:
        text += [Run(cy), Run(en, gap_after=2.0)]
    draw_fitted(page, body, fit_block(tuple(text), body.w, body.h, 12.0, 9.0, where))
    if sheet.declaration:
        box = Rect(MARGIN, height - MARGIN - 36.0, inner, 36.0)
        page.rect(box, stroke=GREY, line_pt=0.6)
        words = (Run(DECLARATION[0], bold=True), Run(DECLARATION[1]))
        draw_fitted(page, Rect(box.x + 3.0, box.y + 2.0, box.w - 6.0, 20.0), fit_block(words, box.w - 6.0, 20.0, 10.0, 8.0, where))
        line_y = box.bottom - 5.0
        page.line(box.x + 3.0, line_y, box.x + box.w * 0.6, line_y, GREY)
        page.line(box.x + box.w * 0.65, line_y, box.right - 3.0, line_y, GREY)
        page.text(box.x + 3.0, line_y + 3.5, SIGN[0], FONT, 7.5, GREY)
        page.text(box.x + box.w * 0.65, line_y + 3.5, SIGN[1], FONT, 7.5, GREY)
