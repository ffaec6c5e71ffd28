"""``coopvote open|close MEETING --item ITEM``: open and close the vote on an agenda item."""

from __future__ import annotations

import argparse
from typing import Any

from coopvote.cli.common import add_meeting_argument, open_meeting


def register(subparsers: Any) -> None:
    for name, verb in (("open", "open"), ("close", "close")):
        parser = subparsers.add_parser(name, help=f"{verb} the vote on an agenda item")
        add_meeting_argument(parser)
        parser.add_argument("--item", type=int, required=True, help="the item's number on the agenda")
        parser.set_defaults(handler=run_open if name == "open" else run_close)


def run_open(args: argparse.Namespace) -> int:
    service = open_meeting(args.meeting)
    try:
        service.voting.open_vote(args.item)
        item = service.setup.meeting().item(args.item)
    finally:
        service.close()
    print(f"Voting is open on item {item.number}: {item.title_cy} / {item.title_en}")
    return 0


def run_close(args: argparse.Namespace) -> int:
    service = open_meeting(args.meeting)
    try:
        code = service.voting.close_vote(args.item)
        item = service.setup.meeting().item(args.item)
        papers = service.results.item_result(args.item).total_papers
    finally:
        service.close()
    print(f"Voting is closed on item {item.number}: {item.title_cy} / {item.title_en} ({papers} papers recorded)")
    print(f"Cod cau / Close code: {code}")
    print("  Ysgrifennwch y cod yn y cofnodion / Write this code into the minutes by hand: "
          "coopvote verify ARCHIVE --code CODE proves a record extends it.")  # fmt: skip
    return 0
