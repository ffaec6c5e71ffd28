"""``coopvote register MEETING FILE [--replace]``: import the membership register, or replace it before voting."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from coopvote.cli.common import add_meeting_argument, open_meeting
from coopvote.messages import message


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "register", help="import the membership register (CSV or XLSX), or replace it before anyone is checked in"
    )
    add_meeting_argument(parser)
    parser.add_argument("file", metavar="FILE", type=Path, help="the register (CSV or XLSX)")
    parser.add_argument(
        "--replace", action="store_true", help="replace the members already imported (only before check-in and papers)"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    service = open_meeting(args.meeting)
    try:
        result = service.setup.import_register(args.file, str(args.file), replace=args.replace)
    finally:
        service.close()
    for warning in result.warnings:
        print(message("cli.warning", warning=warning))
    shares = ", ".join(f"{code} {n}" for code, n in result.by_class.items())
    print(message("cli.imported_members_into", count=result.imported, shares=shares, path=args.meeting))

    return 0
