"""``coopvote booklet MEETING --item N --out booklet.pdf [--easy-read]``: the candidate booklet."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from coopvote.cli.common import add_meeting_argument, open_meeting_to_read
from coopvote.errors import InputError
from coopvote.messages import message


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("booklet", help="print the candidate booklet of an election (PDF), Welsh first")
    add_meeting_argument(parser)
    parser.add_argument("--item", type=int, required=True, help="the election's agenda item")
    parser.add_argument("--out", required=True, metavar="FILE.pdf", help="where to write the PDF")
    parser.add_argument("--easy-read", action="store_true", help="the Easy Read booklet: large type, photos")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from coopvote.reports.booklet import render_booklet

    out = Path(args.out)
    if out.suffix.lower() != ".pdf":
        raise InputError("cli.booklet_not_pdf", path=out)
    service = open_meeting_to_read(args.meeting)
    try:
        meeting = service.setup.meeting()
        item = meeting.item(args.item)
        nominations = service.nominations.nominations(args.item)
    except KeyError:
        raise InputError("cli.no_such_item", item=args.item) from None

    finally:
        service.close()
    out.write_bytes(render_booklet(meeting, item, nominations, easy_read=args.easy_read))
    print(message("cli.booklet_written", item=args.item, path=out))

    return 0
