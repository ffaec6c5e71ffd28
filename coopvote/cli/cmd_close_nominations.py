"""``coopvote close-nominations MEETING --item N [--by NAME]``: close nominations and set the ballot order.

The standing candidates go on the ballot in the order the definition states: alphabetical by surname, or
drawn by lot (the seed is printed and kept in the audit entry, so anyone can replay the draw). With no
more standing than seats and ``uncontested = "declare"`` the item is declared at once, without a vote, and
the command prints the close code of the entry that seals those seats: it goes into the minutes by hand, like
a vote's close code (docs/records.md, "Seats filled unopposed").
"""

from __future__ import annotations

import argparse
from typing import Any

from coopvote.cli.common import add_meeting_argument, open_meeting
from coopvote.messages import message


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "close-nominations", help="close an election's nominations: the ballot order (by surname, or drawn by lot)"
    )
    add_meeting_argument(parser)
    parser.add_argument("--item", type=int, required=True, help="the election's agenda item")
    parser.add_argument("--by", default="", metavar="NAME", help="who closes them (the returning officer)")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    service = open_meeting(args.meeting)
    try:
        closed = service.nominations.close(args.item, closed_by=args.by)
    finally:
        service.close()
    if closed.rule == "lot":
        print(message("cli.nominations_closed_lot", item=args.item, seed=closed.seed))
    else:
        print(message("cli.nominations_closed_alphabetical", item=args.item))
    for position, name in enumerate(closed.order, start=1):
        print(f"  {position}. {name}")
    if closed.uncontested:
        print(message("cli.uncontested", names=", ".join(closed.elected)))
        print(message("cli.unopposed_close_code", code=closed.close_code))

    return 0
