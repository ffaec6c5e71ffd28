"""``coopvote adjudicate MEETING [--sheet N --accept MARKS | --reject REASON]``: the adjudication queue.

Without ``--sheet`` it lists the scanned sheets waiting for a decision (a vote cannot close while any
of its sheets waits), marking the advance papers among them. With ``--sheet`` it decides one: ``--accept 1`` (or ``--accept 3,1,2`` in order
of preference) counts the voter's clear intention; ``--reject REASON`` rejects it on one of the
statutory grounds.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from coopvote.ballots.omr_words import reasons_said
from coopvote.ballots.texts import REJECTION_REASONS
from coopvote.cli.common import add_meeting_argument, in_reading_language, open_meeting
from coopvote.errors import InputError
from coopvote.messages import Bilingual, Message, message

if TYPE_CHECKING:
    from coopvote.service.tellers import PendingView

GROUNDS = tuple(REJECTION_REASONS)
"""The statutory grounds, from the one table of them (ballots/texts.py: plain text, so the parser loads no database)."""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("adjudicate", help="list scanned sheets waiting for a decision, or decide one")
    add_meeting_argument(parser)
    parser.add_argument("--sheet", type=int, metavar="N", help="the queued sheet to decide (see the list)")
    decision = parser.add_mutually_exclusive_group()
    decision.add_argument("--accept", metavar="MARKS", help="count it as these marks: an option, or ranks like 3,1,2")
    decision.add_argument("--reject", metavar="REASON", help="reject it on a statutory ground: " + ", ".join(GROUNDS))
    parser.add_argument("--by", metavar="NAME", default="", help="the teller deciding (recorded)")
    parser.set_defaults(handler=run)


def marks_of(text: str) -> list[int]:
    parts = [p for p in text.replace(" ", ",").split(",") if p]
    if not parts or not all(p.isdigit() for p in parts):
        raise InputError("cli.marks_not_numbers", text=text)
    return [int(p) for p in parts]


def sheet_line(sheet: PendingView) -> Message:
    """One waiting sheet, marked as an advance paper when it is one, as the app's queue marks it: accepted, an
    advance paper is recorded with the source "advance" (and an amendment rule may apply to it)."""
    said = reasons_said(sheet.reasons, sheet.reading)
    reasons = (Bilingual(*(", ".join(reason.render(language) for reason in said) for language in ("cy", "en")))
               if said else message("cli.adjudicate_needs_a_person"))
    read = [q.get("chosen") for q in sheet.reading.get("questions", [])]
    if not sheet.item:
        return message("cli.adjudicate_no_code", sheet=sheet.id, reasons=reasons, read=read, source=sheet.source_name)
    key = "cli.adjudicate_advance_sheet" if sheet.advance else "cli.adjudicate_sheet"
    return message(key, sheet=sheet.id, item=sheet.item, class_code=sheet.class_code, serial=sheet.serial,
                   reasons=reasons, read=read, source=sheet.source_name)


def run(args: argparse.Namespace) -> int:
    if args.sheet is None and (args.accept or args.reject):
        raise InputError("cli.adjudicate_which_sheet")
    if args.sheet is not None and not (args.accept or args.reject):
        raise InputError("cli.adjudicate_how", sheet=args.sheet)

    service = open_meeting(args.meeting, actor=args.by or "cli")
    try:
        if args.sheet is None:
            waiting = service.tellers.pending_sheets()
            if not waiting:
                print(message("cli.adjudicate_none_waiting"))
            for sheet in waiting:
                print(sheet_line(sheet))
            return 0
        accept = marks_of(args.accept) if args.accept else None
        outcome = service.tellers.adjudicate(args.sheet, accept_marks=accept, reject_reason=args.reject, by=args.by)
    finally:
        service.close()
    print(in_reading_language(outcome.message_cy, outcome.message_en))

    return 0
