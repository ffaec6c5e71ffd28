"""``coopvote export MEETING --out ARCHIVE.zip``: the whole record as one checkable archive."""

from __future__ import annotations

import argparse
from typing import Any

from coopvote.cli.common import add_meeting_argument
from coopvote.errors import InputError


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "export", help="export the meeting's record (results, ballots, declarations, audit log) as a zip"
    )
    add_meeting_argument(parser)
    parser.add_argument("--out", required=True, metavar="ARCHIVE.zip", help="where to write the archive")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from coopvote.export.archive import export_meeting
    from coopvote.export.content import short_code

    if "://" in args.meeting:
        raise InputError("export works on a meeting file; copy a server meeting to a file first")
    summary = export_meeting(args.meeting, args.out)
    print(f"Wrote {summary.path} ({summary.files} files, {summary.size:,} bytes).")
    print(f"Cod dilysu'r cofnod / Record verification code: {short_code(summary.meeting_digest)}")
    print(f"  {summary.meeting_digest}")
    for number, digest in sorted(summary.item_digests.items()):
        print(f"  Eitem / Item {number}: {short_code(digest)}")
    print(f"Check it with: coopvote verify {summary.path}")
    return 0
