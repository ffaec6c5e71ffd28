"""``coopvote export MEETING --out RECORD.zip``: a public archive to publish and a private one to keep."""

from __future__ import annotations

import argparse
from typing import Any

from coopvote.cli.common import add_meeting_argument
from coopvote.errors import InputError
from coopvote.messages import message


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "export",
        help="export the meeting's record: a public archive anyone can recount, and a -PRIVATE archive "
        "(audit log, register, attendance) for the returning officer",
    )
    add_meeting_argument(parser)
    parser.add_argument(
        "--out", required=True, metavar="RECORD.zip",
        help="the public archive: results, ballots, declarations; no member, no time, no key",
    )
    parser.add_argument(
        "--private-out", metavar="RECORD-PRIVATE.zip",
        help="the private archive (default: the public name with -PRIVATE added); its name must say PRIVATE",
    )
    parser.add_argument("--no-private", action="store_true", help="write the public archive only")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from coopvote.export.archive import export_meeting
    from coopvote.export.content import short_code

    if "://" in args.meeting:
        raise InputError("cli.export_needs_file")
    if args.no_private and args.private_out:
        raise InputError("cli.export_private_choice")

    summary = export_meeting(args.meeting, args.out, args.private_out, private=not args.no_private)
    print(message("cli.export_public_written", path=summary.path, files=summary.files, size=summary.size))
    if summary.private_path is not None:
        print(message("cli.export_private_written", path=summary.private_path))
    print(message("cli.export_record_code", code=short_code(summary.meeting_digest)))
    print(f"  {summary.meeting_digest}")
    for number, digest in sorted(summary.item_digests.items()):
        print(message("cli.export_item_code", item=number, code=short_code(digest)))
    print(message("cli.export_check_with", path=summary.path))

    return 0
