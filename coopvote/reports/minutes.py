"""The minutes extract: every agenda item and its outcome on one or two pages, for the secretary.

Each line carries the item's own verification code, and the foot of the extract the code of the whole
record (the meeting digest of the exported archive), so the minutes can be tied to the archive kept
with them.
"""

from __future__ import annotations

from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from coopvote.export.content import MeetingRecord, short_code
from coopvote.record.ledger import witness_code
from coopvote.reports.attendance import attendance_sentences, quorum_at_open_words, read_attendance
from coopvote.reports.declaration import CONTENT_WIDTH, rehearsal_lines, verification_block
from coopvote.reports.layout import (
    bilingual,
    build_pdf,
    grid,
    header_cell,
    header_text,
    heading,
    long_text,
    pair,
    styles,
    text,
)
from coopvote.reports.sources import sources_story
from coopvote.reports.wording import LABELS


def outcome_words(result: dict[str, Any]) -> tuple[str, str]:
    """The outcome in a few words: carried / not carried, or who was elected."""
    if result.get("resolution"):
        words = result.get("outcome") or {}
        return str(words.get("cy", "")), str(words.get("en", ""))
    election = result.get("election")
    if election:
        names = ", ".join(election.get("elected") or [])
        cy, en = LABELS["elected" if names else "nobody_elected"]
        return f"{cy}: {names}", f"{en}: {names}"
    return LABELS["no_votes"]


def minutes_story(record: MeetingRecord, meeting_digest: str | None) -> list[Flowable]:
    st = styles()
    meeting = record.meeting
    story: list[Flowable] = []
    society = meeting.get("society", {})
    if society.get("cy") or society.get("en"):
        story.append(bilingual(society.get("cy", ""), society.get("en", ""), st["society"], sep=" / "))
    when = " · ".join(x for x in (meeting.get("date") or "", meeting.get("place") or "") if x)
    if when:
        story.append(Paragraph(text(when), st["society"]))
    story.append(Spacer(1, 3 * mm))
    cy, en = LABELS["minutes"]
    story.append(long_text(f"{cy}: {meeting['name']['cy']}", st["title"]))
    story.append(long_text(f"{en}: {meeting['name']['en']}", st["title_en"]))
    story.append(Spacer(1, 2 * mm))
    story.append(bilingual(*LABELS["minutes_intro"], st["base"]))
    attendance = read_attendance(record.audit or record.desk_audit)
    story.append(heading("attendance", st))
    story.append(bilingual(*attendance_sentences(attendance), st["base"]))
    story += rehearsal_lines(record, st)
    story.append(Spacer(1, 3 * mm))
    rows: list[list[Any]] = [[
        "",
        header_text("Eitem a'r canlyniad", "Item and outcome", st),
        header_cell("declared_by", st),
        header_cell("verification", st),
    ]]  # fmt: skip
    for item in record.items:
        title = item.definition["title"]
        out_cy, out_en = outcome_words(item.declared_result)
        quorum = quorum_at_open_words(attendance, item.number)
        quorum_text = f"<br/>{text(quorum[0])}<br/><font color='#555555'>{text(quorum[1])}</font>" if quorum else ""
        cell = Paragraph(
            f"<b>{item.number}. {text(title['cy'])}</b><br/><font color='#555555'>{text(title['en'])}</font><br/>"
            f"{text(out_cy)}<br/><font color='#555555'>{text(out_en)}</font>{quorum_text}",
            st["cell"],
        )
        if item.declaration:
            at = str(item.declaration["declared_at"]).replace("T", " ")[:16]
            declared = Paragraph(f"{text(item.declaration['declared_by'])}<br/>{text(at)} UTC", st["cell"])
        else:
            declared = bilingual(*LABELS["not_declared"], st["cell"])
        codes = text(short_code(item.digest))
        if item.close_hash:
            codes += f"<br/>{pair(*LABELS['close_code'])}:"
            codes += f"<br/>{text(witness_code(item.close_hash))}"
        rows.append(["", cell, declared, Paragraph(codes, st["cell"])])
    for row in rows[1:]:
        row.pop(0)
    rows[0].pop(0)
    story.append(grid(rows, [CONTENT_WIDTH - 72 * mm, 36 * mm, 36 * mm], numeric_from=3,
                      extra=[("VALIGN", (0, 0), (-1, -1), "TOP")]))  # fmt: skip
    for item in record.items:
        roads = sources_story(item, st)
        if roads:
            story += [Spacer(1, 3 * mm), Paragraph(text(f"{item.number}. {item.definition['title']['cy']} / "
                                                         f"{item.definition['title']['en']}"), st["cell"]), *roads]
    if any(item.close_hash for item in record.items):
        help_cy, help_en = LABELS["close_code_help"]
        story.append(Spacer(1, 2 * mm))
        story.append(bilingual(help_cy.format(code="..."), help_en.format(code="..."), st["small"]))
    if meeting_digest:
        story.append(Spacer(1, 5 * mm))
        cy, en = LABELS["record_code"]
        story.append(KeepTogether([bilingual(cy, en, st["h2"], sep=" / "),
                                   verification_block(record.code, None, meeting_digest, st)]))  # fmt: skip
    return story


def render_minutes(record: MeetingRecord, meeting_digest: str | None = None) -> bytes:
    return build_pdf(
        minutes_story(record, meeting_digest),
        title=f"{LABELS['minutes'][1]}: {record.meeting['name']['en']}",
        subject=f"coopvote minutes extract; meeting {record.code}; meeting digest {meeting_digest or '-'}",
        keywords=f"coopvote-meeting-digest:{meeting_digest or ''}",
        footer_left=f"coopvote · {record.code} · {LABELS['minutes'][0]} / {LABELS['minutes'][1]}",
        footer_right=short_code(meeting_digest) if meeting_digest else "",
    )
