"""``coopvote export MEETING --out RECORD.zip``: a public archive to publish and a private one to keep."""

from __future__ import annotations

import argparse
from typing import Any

from coopvote.cli.common import add_meeting_argument
from coopvote.errors import InputError


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
        raise InputError("export works on a meeting file; copy a server meeting to a file first")
    if args.no_private and args.private_out:
        raise InputError("--private-out and --no-private: choose one")
    summary = export_meeting(args.meeting, args.out, args.private_out, private=not args.no_private)
    print(f"Wrote {summary.path} ({summary.files} files, {summary.size:,} bytes): public, safe to publish.")
    if summary.private_path is not None:
        print(f"Wrote {summary.private_path}: PRIVATE (audit log, register, attendance); keep it as the register.")
    print(f"Cod dilysu'r cofnod / Record verification code: {short_code(summary.meeting_digest)}")
    print(f"  {summary.meeting_digest}")
    for number, digest in sorted(summary.item_digests.items()):
        print(f"  Eitem / Item {number}: {short_code(digest)}")
    print(f"Check it with: coopvote verify {summary.path}")
    return 0
