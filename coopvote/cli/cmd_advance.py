"""``coopvote advance STEP MEETING ...``: votes before the meeting, one step per verb.

``packs`` records and prints advance packs, ``receive`` marks returned envelopes (before any paper is
read), ``open`` records that the accepted envelopes were opened and their papers mixed, ``scan`` and
``record`` read advance papers, ``directed`` enters a directed proxy form, ``amended`` records that a
resolution was amended in the room, ``status`` shows the envelopes (or one member's standing).
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from coopvote.cli.common import add_meeting_argument, in_reading_language, open_meeting, print_json
from coopvote.errors import InputError
from coopvote.messages import Bilingual, message


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("advance", help="advance (postal) votes and directed proxies, step by step")
    steps = parser.add_subparsers(dest="step", metavar="STEP", required=True)

    packs = steps.add_parser("packs", help="send advance packs: record them and print envelopes and papers")
    add_meeting_argument(packs)
    who = packs.add_mutually_exclusive_group(required=True)
    who.add_argument("--members", help="membership numbers, separated by commas")
    who.add_argument("--class", dest="class_code", help="every active member of this class")
    packs.add_argument("--variant", choices=("standard", "easy-read", "large-print"), default="standard")
    packs.add_argument("--page-size", choices=("A4", "Letter"), default="A4")
    packs.add_argument("--out", type=Path, required=True, help="folder for the envelope sheets and papers PDFs")
    packs.set_defaults(handler=run_packs)

    receive = steps.add_parser("receive", help="receive returned envelopes (scanned codes or membership numbers)")
    add_meeting_argument(receive)
    receive.add_argument("codes", nargs="*", metavar="CODE", help="envelope codes or membership numbers")
    receive.add_argument("--file", type=Path, help="a text file of codes, one a line")
    receive.add_argument("--unsigned", action="store_true", help="the declaration of identity is not signed")
    receive.add_argument("--at", help="when received, ISO date-time with time zone (default: now)")
    receive.set_defaults(handler=run_receive)

    opened = steps.add_parser("open", help="record that the accepted envelopes are opened and their papers mixed")
    add_meeting_argument(opened)
    opened.set_defaults(handler=run_open)

    scan = steps.add_parser("scan", help="read scanned advance papers (images or PDFs)")
    add_meeting_argument(scan)
    scan.add_argument("files", nargs="+", type=Path, metavar="FILES")
    scan.set_defaults(handler=run_scan)

    record = steps.add_parser("record", help="key one advance paper: its code and marks")
    add_meeting_argument(record)
    record.add_argument("--qr", required=True, help="the paper's code as read")
    record.add_argument("--marks", type=int, nargs="+", required=True, help="option numbers, in rank order if ranked")
    record.set_defaults(handler=run_record)

    directed = steps.add_parser("directed", help="enter a directed proxy form")
    add_meeting_argument(directed)
    directed.add_argument("--appointer", required=True, help="membership number of the member appointing")
    directed.add_argument("--holder", help="membership number of the holder (default: the chair)")
    directed.add_argument(
        "--item", action="append", default=[], metavar="N=DIRECTION", required=True,
        help="1=for, 1=against, 1=abstain, 2=3,1,2 (a ranking) or N=discretion; once per item",
    )  # fmt: skip
    directed.set_defaults(handler=run_directed)

    amended = steps.add_parser("amended", help="record that a resolution was amended in the room")
    add_meeting_argument(amended)
    amended.add_argument("--item", type=int, required=True)
    amended.add_argument("--by", required=True, help="who moved (or records) the amendment")
    amended.set_defaults(handler=run_amended)

    status = steps.add_parser("status", help="envelopes so far, or one member's standing")
    add_meeting_argument(status)
    status.add_argument("--member", help="a membership number")
    status.add_argument("--json", action="store_true")
    status.set_defaults(handler=run_status)


def run_packs(args: argparse.Namespace) -> int:
    service = open_meeting(args.meeting)
    try:
        numbers = [n.strip() for n in (args.members or "").split(",") if n.strip()]
        issue = service.advance.issue_packs(numbers, args.class_code)
        written = service.advance.print_issue(issue, args.out, variant=args.variant, page_size=args.page_size)
    finally:
        service.close()
    print(message("cli.advance_packs_sent", members=len(issue.members)))
    for path in written:
        print(f"  {path}")
    print(message("cli.advance_packs_how"))
    return 0


def parse_when(text: str | None) -> datetime | None:
    if text is None:
        return None
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        raise InputError("cli.when_not_a_time", text=text) from None
    if moment.tzinfo is None:
        raise InputError("cli.when_no_zone", text=text)
    return moment


def run_receive(args: argparse.Namespace) -> int:
    codes = list(args.codes)
    if args.file is not None:
        try:
            codes += [line.strip() for line in args.file.read_text(encoding="utf-8").splitlines() if line.strip()]
        except (OSError, UnicodeDecodeError) as error:
            raise InputError("cli.file_unreadable", path=args.file, detail=error) from None
    if not codes:
        raise InputError("cli.envelopes_none_given")
    at = parse_when(args.at)
    service = open_meeting(args.meeting, actor="advance")
    accepted = 0
    refused: dict[str, int] = {}
    try:
        for done, code in enumerate(codes, start=1):
            outcome = service.advance.receive_envelope(code, signed=not args.unsigned, at=at)
            if outcome.accepted:
                accepted += 1
            else:
                refused[outcome.reason] = refused.get(outcome.reason, 0) + 1
                for line in in_reading_language(outcome.message_cy, outcome.message_en).splitlines():
                    print(f"  {code[:40]}: {line}")
            if len(codes) > 20:
                sys.stderr.write(f"\r  {done:>5} / {len(codes)} envelopes")
    finally:
        service.close()
    if len(codes) > 20:
        sys.stderr.write("\n")
    refusals = "".join(f", {n} {why}" for why, n in sorted(refused.items()))  # counts and refusal codes
    print(message("cli.advance_envelopes_received", count=len(codes), accepted=accepted, refused=refusals))
    return 0


def run_open(args: argparse.Namespace) -> int:
    service = open_meeting(args.meeting, actor="advance")
    try:
        count = service.advance.open_envelopes()
    finally:
        service.close()
    print(message("cli.advance_envelopes_opened", count=count))
    return 0


def _progress(done: int, _outcome: Any) -> None:
    sys.stderr.write(f"\r  {done:>5} sheets read")


def run_scan(args: argparse.Namespace) -> int:
    missing = [str(p) for p in args.files if not p.is_file()]
    if missing:
        raise InputError("cli.no_such_files", paths=", ".join(missing))
    service = open_meeting(args.meeting, actor="scanner")
    try:
        summary = service.advance.read_sheets(args.files, progress=_progress)
    finally:
        service.close()
    sys.stderr.write("\n")
    print(message("cli.advance_papers_read", pages=summary.pages, accepted=summary.accepted))
    if summary.queued:
        print(message("cli.advance_papers_queued", queued=summary.queued))
    for reason, count in summary.refused.most_common():
        example = next(o for o in summary.outcomes if o.reason == reason)
        words = Bilingual(cy=example.message_cy, en=example.message_en)
        print(message("cli.refused_example", reason=reason, count=count, example=words))
    return 0


def run_record(args: argparse.Namespace) -> int:
    service = open_meeting(args.meeting, actor="advance")
    try:
        outcome = service.advance.record_paper(args.qr, args.marks)
    finally:
        service.close()
    print(in_reading_language(outcome.message_cy, outcome.message_en))
    return 0 if outcome.accepted else 1


def run_directed(args: argparse.Namespace) -> int:
    from coopvote.service.advance_rules import parse_directions

    try:
        directions = parse_directions(args.item)
    except InputError as error:
        raise InputError("cli.item_option_problem", problem=error.message) from None

    service = open_meeting(args.meeting, actor="desk")
    try:
        notes = service.advance.enter_directed_proxy(args.appointer, args.holder, directions)
    finally:
        service.close()
    if args.holder:
        print(message("cli.directed_entered", appointer=args.appointer, holder=args.holder))
    else:
        print(message("cli.directed_entered_chair", appointer=args.appointer))
    for note in notes:
        print(f"  {note}")
    return 0


def run_amended(args: argparse.Namespace) -> int:
    service = open_meeting(args.meeting, actor="chair")
    try:
        rule = service.advance.mark_amended(args.item, args.by)
    finally:
        service.close()
    print(message("cli.amended_against" if rule == "against" else "cli.amended_not_counted", item=args.item))

    return 0


def run_status(args: argparse.Namespace) -> int:
    service = open_meeting(args.meeting, actor="advance")
    try:
        if args.member:
            standing = service.advance.standing(args.member)
            shown: dict[str, Any] = {
                "member": standing.number, "pack_sent": standing.pack_sent, "envelope": standing.envelope,
                "voted_in_advance_on": list(standing.advance_items), "directed_proxy_on": list(standing.directed_items),
            }  # fmt: skip
        else:
            shown = service.advance.envelope_counts()
    finally:
        service.close()
    if args.json:
        print_json(shown)
    else:
        for key, value in shown.items():
            print(f"{key}: {value}")
    return 0
