"""The section 111 confirmation pack: the special resolution as passed and confirmed, for signing.

Section 111 of the Co-operative and Community Benefit Societies Act 2014 (special resolutions for an
amalgamation or a transfer of engagements, sections 109 and 110) needs the resolution passed by at least
two thirds of the eligible members voting at one meeting and confirmed by over half of those voting at a
later one; a copy signed by the chair of the second meeting and countersigned by the secretary goes to the
FCA within 14 days. The confirming item's definition names the first meeting's resolution and its
verification code (``confirms``, see coopvote/meeting/presets.py), so the pack links the two meetings and
anyone can check both codes against the two exported records. It also states when notice of the second
meeting was given (the definition's ``notice_given``), which s.111(2)(d) needs: "notice duly given"; a record
without that date gets a line to fill in by hand rather than silence.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from coopvote.errors import InputError
from coopvote.export.content import ItemRecord, MeetingRecord, short_code
from coopvote.messages import Message, message
from coopvote.reports.declaration import verification_block
from coopvote.reports.layout import bilingual, build_pdf, grid, header_text, long_text, styles, text
from coopvote.reports.minutes import outcome_words

TITLE = (
    "Penderfyniad arbennig o dan adran 111 Deddf Cymdeithasau Cydweithredol a Chymdeithasau Budd Cymunedol "
    "2014: pecyn cadarnhau",
    "Special resolution under section 111 of the Co-operative and Community Benefit Societies Act 2014: "
    "confirmation pack",
)
CONFIRMED = (
    "Pasiwyd y penderfyniad uchod gan o leiaf ddwy ran o dair o'r aelodau cymwys a bleidleisiodd yn y cyfarfod "
    "cyntaf, a'i gadarnhau gan fwy na hanner yr aelodau cymwys a bleidleisiodd yn yr ail gyfarfod.",
    "The resolution above was passed by at least two thirds of the eligible members who voted at the first "
    "meeting, and confirmed by over half of the eligible members who voted at the second meeting.",
)
NOT_CONFIRMED = (
    "NI CHADARNHAWYD y penderfyniad yn yr ail gyfarfod, felly nid yw'n benderfyniad arbennig.",
    "The resolution was NOT CONFIRMED at the second meeting, so it is not a special resolution.",
)
SEND_TO_FCA = (
    "O fewn 14 diwrnod i'r cadarnhad, anfonwch gopi at yr FCA wedi'i lofnodi gan gadeirydd yr ail gyfarfod "
    "a'i gydlofnodi gan ysgrifennydd y gymdeithas (adran 111(5)).",
    "Within 14 days of the confirmation, send the FCA a copy signed by the chair of the second meeting and "
    "countersigned by the society's secretary (section 111(5)).",
)


def confirmed_item(record: MeetingRecord, number: int) -> tuple[ItemRecord, dict[str, Any]]:
    item = record.item(number)
    confirms = (item.definition.get("settings") or {}).get("confirms")
    if not isinstance(confirms, dict):
        raise InputError("export.not_confirming", item=number)
    if item.declaration is None:
        raise InputError("export.not_declared_yet", item=number)

    return item, confirms


def confirmation_story(record: MeetingRecord, number: int) -> list[Flowable]:
    item, confirms = confirmed_item(record, number)
    st = styles()
    meeting = record.meeting
    story: list[Flowable] = []
    society = meeting.get("society", {})
    if society.get("cy") or society.get("en"):
        story.append(bilingual(society.get("cy", ""), society.get("en", ""), st["society"], sep=" / "))
    story += [long_text(TITLE[0], st["title"]), long_text(TITLE[1], st["title_en"]), Spacer(1, 3 * mm)]
    title = item.definition["title"]
    story.append(Paragraph(f"<b>{text(title['cy'])}</b>", st["h2"]))
    story.append(Paragraph(text(title["en"]), st["en"]))
    body = item.definition.get("text") or {}
    if body.get("cy") or body.get("en"):
        story.append(bilingual(body.get("cy", ""), body.get("en", ""), st["base"]))
    story.append(Spacer(1, 3 * mm))
    result = item.declared_result
    out_cy, out_en = outcome_words(result)
    carried = bool((result.get("resolution") or {}).get("carried"))
    first_share = str(confirms.get("for_percent") or "")
    rows: list[list[Any]] = [
        [header_text("", "", st), header_text("Y cyfarfod cyntaf", "The first meeting", st),
         header_text("Yr ail gyfarfod", "The second meeting", st)],
        [header_text("Cod y cyfarfod", "Meeting code", st), Paragraph(text(str(confirms["meeting"])), st["cell"]),
         Paragraph(text(record.code), st["cell"])],
        [header_text("Dyddiad", "Date", st), Paragraph(text(str(confirms["held_on"])), st["cell"]),
         Paragraph(text(str(meeting.get("date") or "")), st["cell"])],
        [header_text("Eitem", "Item", st), Paragraph(text(str(confirms["item"])), st["cell"]),
         Paragraph(text(str(item.number)), st["cell"])],
        [header_text("Angen", "Needed", st),
         bilingual("o leiaf 2/3 o'r rhai a bleidleisiodd", "at least 2/3 of those voting", st["cell"]),
         bilingual("mwy na 1/2 o'r rhai a bleidleisiodd", "over 1/2 of those voting", st["cell"])],
        [header_text("Canlyniad", "Result", st),
         Paragraph(text(f"pasiwyd / passed{': ' + first_share + ' o blaid / for' if first_share else ''}"), st["cell"]),
         bilingual(out_cy, out_en, st["cell"])],
        [header_text("Cod dilysu", "Verification code", st), Paragraph(text(str(confirms["verification"])), st["cell"]),
         Paragraph(text(short_code(item.digest)), st["cell"])],
    ]  # fmt: skip
    story.append(grid(rows, [38 * mm, 66 * mm, 66 * mm]))
    story.append(Spacer(1, 2 * mm))
    notice = notice_words(meeting.get("notice_given"))
    story.append(bilingual(notice.render("cy"), notice.render("en"), st["base"]))
    story.append(Spacer(1, 3 * mm))
    story.append(bilingual(*(CONFIRMED if carried else NOT_CONFIRMED), st["base"]))
    story.append(Spacer(1, 2 * mm))
    story.append(bilingual(*SEND_TO_FCA, st["small"]))
    story.append(verification_block(record.code, item.number, item.digest, st, right=_signatures(st)))
    return story


def notice_words(notice_given: object) -> Message:
    """When notice of the confirming meeting was given, or a blank to fill in where the record has no date."""
    if notice_given:
        return message("presets.s111.notice_given_on", notice=str(notice_given))
    return message("presets.s111.notice_not_recorded")


def _signatures(st: dict[str, Any]) -> list[Flowable]:
    cells: list[Flowable] = []
    for cy, en in (("Cadeirydd yr ail gyfarfod", "Chair of the second meeting"),
                   ("Ysgrifennydd (yn cydlofnodi)", "Secretary (countersigning)")):
        cells += [
            Paragraph(f"<b>{text(cy)}</b> / <font color='#555555'>{text(en)}</font>", st["cell"]),
            Spacer(1, 5 * mm),
            Paragraph("Llofnod / Signature ______________________", st["small"]),
            Spacer(1, 3 * mm),
            Paragraph("Dyddiad / Date ______________", st["small"]),
            Spacer(1, 3 * mm),
        ]
    return cells


def render_confirmation(record: MeetingRecord, number: int) -> bytes:
    return build_pdf(
        confirmation_story(record, number),
        title=TITLE[1],
        subject=f"coopvote section 111 confirmation pack; meeting {record.code}; item {number}",
        keywords=f"coopvote-section-111:{record.code}:{number}",
        footer_left=f"coopvote · {record.code} · adran 111 / section 111",
        footer_right=short_code(record.item(number).digest),
    )
