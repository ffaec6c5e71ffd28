"""``coopvote nominations MEETING --item N [--json]``: who is nominated, and the ballot order once closed."""

from __future__ import annotations

import argparse
from typing import Any

from coopvote.cli.common import add_meeting_argument, open_meeting_to_read, print_json
from coopvote.cli.nomination_args import nomination_line
from coopvote.messages import Bilingual, message


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("nominations", help="list an election's nominations and, once closed, its ballot order")
    add_meeting_argument(parser)
    parser.add_argument("--item", type=int, required=True, help="the election's agenda item")
    parser.add_argument("--json", action="store_true", help="print JSON (statements in full; whether a photo is held)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    service = open_meeting_to_read(args.meeting)
    try:
        nominations = service.nominations.nominations(args.item)
        item = service.setup.meeting().item(args.item)
    finally:
        service.close()
    rules = item.settings.get("nominations") or {}
    ballot = [c.name for c in item.candidates]
    if args.json:
        print_json({
            "item": args.item,
            "closes": str(rules.get("closes", "")),
            "closed": bool(ballot),
            "ballot_order": ballot,
            "nominations": [
                {"member": n.member_number, "name": n.name, "class": n.class_code, "proposer": n.proposer,
                 "seconder": n.seconder, "received_on": n.received_on, "state": n.state,
                 "withdrawal_reason": n.withdrawal_reason, "statement_cy": n.statement_cy,
                 "statement_en": n.statement_en, "photo": n.photo_png is not None}
                for n in nominations
            ],
        })
        return 0
    print(message("cli.item_title", item=args.item, title=Bilingual(item.title_cy, item.title_en)))
    if ballot:
        lot = rules.get("order") == "lot"
        print(message("cli.nominations_order_lot" if lot else "cli.nominations_order_alphabetical"))
        positions = {name: number for number, name in enumerate(ballot, start=1)}
        for view in sorted(nominations, key=lambda n: positions.get(n.name, len(ballot) + 1)):
            print(nomination_line(view, positions.get(view.name)))
    else:
        print(message("cli.nominations_close_on", closes=rules.get("closes", "?"), words=rules.get("word_limit", 250)))
        for view in nominations:
            print(nomination_line(view))
    if not nominations:
        print(message("cli.no_nominations"))

    return 0
