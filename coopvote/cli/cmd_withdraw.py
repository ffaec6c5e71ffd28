"""``coopvote withdraw MEETING --item N --candidate M --reason "..."``: a candidate withdraws.

Before nominations close the nomination is withdrawn; after, the candidate is marked withdrawn on the
ballot (papers may be printed) and the count leaves them out (docs/nominations.md).
"""

from __future__ import annotations

import argparse
from typing import Any

from coopvote.cli.common import add_meeting_argument, open_meeting
from coopvote.cli.nomination_args import add_item_and_candidate
from coopvote.messages import message


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("withdraw", help="record that a nominated candidate withdraws, with the reason")
    add_meeting_argument(parser)
    add_item_and_candidate(parser)
    parser.add_argument("--reason", required=True, help="why, e.g. 'their own written notice of 27 November'")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    service = open_meeting(args.meeting)
    try:
        service.nominations.withdraw(args.item, args.candidate, args.reason)
        view = next(n for n in service.nominations.nominations(args.item)
                    if n.member_number.casefold() == args.candidate.strip().casefold())
        on_ballot = any(c.name == view.name for c in service.setup.meeting().item(args.item).candidates)
    finally:
        service.close()
    key = "cli.withdrawn_on_ballot" if on_ballot else "cli.withdrawn"
    print(message(key, name=view.name, number=view.member_number, item=args.item))

    return 0
