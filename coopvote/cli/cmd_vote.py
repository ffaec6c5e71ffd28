"""``coopvote open|close|reopen MEETING --item ITEM``: open, close and reopen the vote on an agenda item.

The service's safeguards are the command line's too: ``open`` is refused while the meeting is not
quorate unless the chair's reason is given (``--not-quorate-reason``); ``close`` is refused while
scanned sheets of the item wait for adjudication (``coopvote adjudicate`` decides them); ``reopen``
takes a closed, undeclared vote back to open, with the chair's reason (``--reason``).
"""

from __future__ import annotations

import argparse
from typing import Any

from coopvote.cli.common import add_meeting_argument, open_meeting
from coopvote.errors import RuleError
from coopvote.messages import Bilingual, message


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("open", help="open the vote on an agenda item")
    add_meeting_argument(parser)
    parser.add_argument("--item", type=int, required=True, help="the item's number on the agenda")
    parser.add_argument(
        "--not-quorate-reason",
        metavar="TEXT",
        help="open although the meeting is not quorate, recording the chair's reason (printed on the declaration)",
    )
    parser.add_argument("--by", metavar="NAME", default="", help="the chair deciding (printed with the reason)")
    parser.set_defaults(handler=run_open)
    parser = subparsers.add_parser("close", help="close the vote on an agenda item")
    add_meeting_argument(parser)
    parser.add_argument("--item", type=int, required=True, help="the item's number on the agenda")
    parser.set_defaults(handler=run_close)
    parser = subparsers.add_parser("reopen", help="reopen a closed, undeclared vote, with the chair's reason")
    add_meeting_argument(parser)
    parser.add_argument("--item", type=int, required=True, help="the item's number on the agenda")
    parser.add_argument("--reason", metavar="TEXT", required=True, help="why the vote is reopened (recorded and printed)")
    parser.add_argument("--by", metavar="NAME", default="", help="the chair deciding (printed with the reason)")
    parser.set_defaults(handler=run_reopen)


def run_open(args: argparse.Namespace) -> int:
    from coopvote.service.safeguards import ReasonRequired

    service = open_meeting(args.meeting)
    try:
        try:
            service.voting.open_vote(args.item, not_quorate_reason=args.not_quorate_reason, by=args.by)
        except ReasonRequired as error:
            if not args.not_quorate_reason:
                raise RuleError("cli.give_not_quorate_reason", refusal=error.message) from error
            raise
        item = service.setup.meeting().item(args.item)
    finally:
        service.close()
    print(message("cli.vote_open", item=item.number, title=Bilingual(item.title_cy, item.title_en)))
    return 0


def run_close(args: argparse.Namespace) -> int:
    service = open_meeting(args.meeting)
    try:
        try:
            code = service.voting.close_vote(args.item)
        except RuleError as error:
            # The refusal's key, not its words: the words are whatever language the catalogue gives.
            if error.message.key == "safeguards.close_with_pending":
                raise RuleError("cli.close_adjudicate_first", refusal=error.message, meeting=args.meeting) from error

            raise
        item = service.setup.meeting().item(args.item)
        papers = service.results.item_result(args.item).total_papers
    finally:
        service.close()
    title = Bilingual(item.title_cy, item.title_en)
    print(message("cli.vote_closed", item=item.number, title=title, papers=papers))
    print(message("cli.close_code", code=code))
    print(message("cli.close_code_write_down"))
    return 0


def run_reopen(args: argparse.Namespace) -> int:
    service = open_meeting(args.meeting)
    try:
        service.voting.reopen_vote(args.item, args.reason, by=args.by)
        item = service.setup.meeting().item(args.item)
    finally:
        service.close()
    print(message("cli.vote_reopened", item=item.number, title=Bilingual(item.title_cy, item.title_en)))

    return 0
