"""``coopvote cards MEETING --out FILE.pdf``: membership cards with sealed codes for the registration desk."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from coopvote.cli.common import add_meeting_argument, open_meeting
from coopvote.messages import message


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("cards", help="print membership cards (PDF) the desk can scan")
    add_meeting_argument(parser)
    parser.add_argument("--page-size", choices=("A4", "Letter"), default="A4")
    parser.add_argument("--out", type=Path, required=True, help="the PDF to write")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    service = open_meeting(args.meeting)
    try:
        count = service.papers.print_membership_cards(args.out, args.page_size)
    finally:
        service.close()
    print(message("cli.cards_printed", count=count, path=args.out))

    return 0
