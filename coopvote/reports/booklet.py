"""The candidate booklet: each standing candidate's statement, Welsh first, with an Easy Read version.

The standard booklet gives each candidate their name, the class they stand for and their statement in
Welsh and then English at the same size. The Easy Read booklet uses large type, the candidate's photo
(when they gave one) and short sentences, one idea each, before the statement. Candidates appear in
ballot order once nominations have closed, and alphabetically by surname before that.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Image, KeepTogether, Paragraph, Spacer, Table, TableStyle

from coopvote.messages import message
from coopvote.reports.layout import build_pdf, long_text, styles, text
from coopvote.service.nominations import NominationView, surname_key
from coopvote.service.views import ItemView, MeetingView

PHOTO_MM = 30
EASY_PHOTO_MM = 55


def ordered(item: ItemView, nominations: Sequence[NominationView]) -> list[NominationView]:
    standing = [n for n in nominations if n.standing]
    positions = {c.name: c.position for c in item.candidates}
    if positions:
        return sorted(standing, key=lambda n: positions.get(n.name, len(positions) + 1))
    return sorted(standing, key=lambda n: surname_key(n.name))


def _photo(png: bytes | None, size_mm: float) -> Flowable:
    if not png:
        return Spacer(size_mm * mm, 1)
    return Image(io.BytesIO(png), width=size_mm * mm, height=size_mm * mm, kind="proportional")


def booklet_story(meeting: MeetingView, item: ItemView, nominations: Sequence[NominationView],
                  easy_read: bool = False) -> list[Flowable]:
    st = styles()
    big = ParagraphStyle("easy", parent=st["base"], fontSize=15, leading=20)
    big_bold = ParagraphStyle("easy_b", parent=big, fontName=st["title"].fontName)
    names = {c.code: (c.name_cy, c.name_en) for c in meeting.classes}
    story: list[Flowable] = []
    if easy_read:
        story.append(Paragraph(text(f"Pwy sy'n sefyll: {item.title_cy}"), st["title"]))
        story.append(Paragraph(text(f"Who is standing: {item.title_en}"), st["title"]))
        story.append(Spacer(1, 3 * mm))
        seats = message("booklet.seats_to_fill", seats=item.seats)
        story.append(Paragraph(text(f"{seats.render('cy')} / {seats.render('en')}"), big))
    else:
        story.append(Paragraph(text(f"Llyfryn yr ymgeiswyr: {item.title_cy}"), st["title"]))
        story.append(Paragraph(text(f"Candidate booklet: {item.title_en}"), st["title"]))
        story.append(Paragraph(text(f"{meeting.name_cy} / {meeting.name_en}"), st["society"]))
    story.append(Spacer(1, 4 * mm))
    for nomination in ordered(item, nominations):
        class_cy, class_en = names.get(nomination.class_code, (nomination.class_code, nomination.class_code))
        if easy_read:
            words: list[Flowable] = [
                Paragraph(text(nomination.name), big_bold),
                Paragraph(text(f"Dyma {nomination.name}."), big),
                Paragraph(text(f"This is {nomination.name}."), big),
                Paragraph(text(f"Mae'n sefyll dros: {class_cy}."), big),
                Paragraph(text(f"They stand for: {class_en}."), big),
            ]
            if nomination.statement_cy:
                words.append(Paragraph(text(nomination.statement_cy), big))
            if nomination.statement_en:
                words.append(Paragraph(text(nomination.statement_en), big))
            row = Table([[_photo(nomination.photo_png, EASY_PHOTO_MM), words]],
                        colWidths=[(EASY_PHOTO_MM + 5) * mm, None])
        else:
            words = [
                Paragraph(f"<b>{text(nomination.name)}</b>", st["h2"]),
                Paragraph(text(f"{class_cy} / {class_en}"), st["base"]),
                Spacer(1, 1.5 * mm),
                long_text(nomination.statement_cy or "(Dim datganiad)", st["base"]),
                Spacer(1, 1.5 * mm),
                long_text(nomination.statement_en or "(No statement)", st["base"]),
            ]
            row = Table([[_photo(nomination.photo_png, PHOTO_MM), words]], colWidths=[(PHOTO_MM + 5) * mm, None])
        row.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LINEBELOW", (0, 0), (-1, -1), 0.5, "#9a9a9a"),
                                 ("BOTTOMPADDING", (0, 0), (-1, -1), 8)]))
        story.append(KeepTogether([row, Spacer(1, 3 * mm)]))
    if not any(n.standing for n in nominations):
        story.append(Paragraph(text("Dim ymgeiswyr eto. / No candidates yet."), big if easy_read else st["base"]))
    return story


def render_booklet(meeting: MeetingView, item: ItemView, nominations: Sequence[NominationView],
                   easy_read: bool = False) -> bytes:
    kind = "Easy Read" if easy_read else "candidate booklet"
    return build_pdf(
        booklet_story(meeting, item, nominations, easy_read),
        title=f"{item.title_en}: {kind}",
        subject=f"coopvote {kind}; meeting {meeting.code}; item {item.number}",
        keywords=f"coopvote-booklet:{meeting.code}:{item.number}",
        footer_left=f"coopvote · {meeting.code} · " + ("Hawdd ei Ddarllen / Easy Read" if easy_read
                                                       else "Llyfryn yr ymgeiswyr / Candidate booklet"),
        footer_right=f"Eitem / Item {item.number}",
    )
