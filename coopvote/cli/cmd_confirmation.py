"""``coopvote confirmation MEETING --item N --out pack.pdf``: the section 111 confirmation pack to sign.

For an item whose definition confirms an earlier meeting's special resolution (docs/presets.md), once it
is declared: both meetings, both results and verification codes, and lines for the chair of the second
meeting and the secretary.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from coopvote.cli.common import add_meeting_argument, open_meeting_to_read
from coopvote.errors import InputError
from coopvote.messages import message


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("confirmation", help="print the section 111 confirmation pack for signing (PDF)")
    add_meeting_argument(parser)
    parser.add_argument("--item", type=int, required=True, help="the confirming agenda item")
    parser.add_argument("--out", required=True, metavar="FILE.pdf", help="where to write the PDF")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from coopvote.export.content import collect
    from coopvote.reports.confirmation import render_confirmation

    out = Path(args.out)
    if out.suffix.lower() != ".pdf":
        raise InputError("cli.confirmation_not_pdf", path=out)
    service = open_meeting_to_read(args.meeting)
    try:
        numbers = [i.number for i in service.setup.meeting().items]
        if args.item not in numbers:
            raise InputError("cli.no_such_item_listed", item=args.item, items=", ".join(map(str, numbers)))

        record = collect(service, [args.item], audit=False)
    finally:
        service.close()
    out.write_bytes(render_confirmation(record, args.item))
    print(message("cli.confirmation_written", item=args.item, path=out))

    return 0
