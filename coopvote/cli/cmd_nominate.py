"""``coopvote nominate MEETING --item N --candidate M --proposer M --seconder M [--received DATE] ...``.

Records a nomination for an election that takes them (docs/nominations.md): the service checks that the
three are different current members of the candidate's class, that it arrived by the closing date, and
that each statement is within the word limit; a refusal names the member and the reason.
"""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from coopvote.cli.common import add_meeting_argument, open_meeting
from coopvote.cli.nomination_args import (
    add_item_and_candidate,
    add_statement_arguments,
    nomination_line,
    photo,
    received_on,
    statement,
)
from coopvote.errors import InputError
from coopvote.messages import message


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("nominate", help="record a candidate's nomination for an election, with "
                                                    "proposer, seconder, statements and photo")
    add_meeting_argument(parser)
    add_item_and_candidate(parser)
    parser.add_argument("--class", dest="class_code", metavar="CODE",
                        help="the class the form names: refused if the candidate is not in it")
    parser.add_argument("--proposer", required=True, metavar="NUMBER", help="the proposer's membership number")
    parser.add_argument("--seconder", required=True, metavar="NUMBER", help="the seconder's membership number")
    parser.add_argument("--received", type=received_on, default=None, metavar="YYYY-MM-DD",
                        help="the day the nomination was received (default: today)")
    add_statement_arguments(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    statement_cy, statement_en = statement(args, "cy"), statement(args, "en")
    picture = photo(args)
    service = open_meeting(args.meeting)
    try:
        if args.class_code:
            member = service.setup.member(args.candidate)
            if member.class_code.upper() != args.class_code.strip().upper():
                raise InputError("cli.nominate_wrong_class", given=args.class_code, name=member.name,
                                 number=member.number, actual=member.class_code)
        view = service.nominations.nominate(
            args.item, args.candidate, args.proposer, args.seconder, received_on=args.received or date.today(),
            statement_cy=statement_cy or "", statement_en=statement_en or "", photo_png=picture,
        )
    finally:
        service.close()
    print(message("cli.nominated", item=args.item))

    print(nomination_line(view))
    return 0
