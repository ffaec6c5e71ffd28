"""``coopvote verify ARCHIVE.zip [--code CODE]``: recount and check an exported record on its own."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from coopvote.cli import say_error
from coopvote.messages import message


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "verify", help="check an exported archive: hashes, audit chain, and a recount of every item"
    )
    parser.add_argument("archive", metavar="ARCHIVE.zip", help="the archive written by 'coopvote export'")
    parser.add_argument(
        "--code",
        help="a verification code printed on a declaration or the minutes, or a close code written down when a "
        "vote closed: the archive must extend exactly that point of the audit chain",
    )
    parser.add_argument("--quiet", action="store_true", help="print only a discrepancy or a warning")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from coopvote.export.verify import Discrepancy, verify_archive

    try:
        report = verify_archive(args.archive, code=args.code)
    except Discrepancy as problem:
        if problem.exit_code == 2:  # not a readable archive at all: said as any other error is
            say_error(problem.message)
        else:  # the archive was altered: each language's line says so in its own words, Welsh first
            print(message("cli.discrepancy", problem=problem.message), file=sys.stderr)
        return problem.exit_code  # 1, or 2 when the file is not a readable archive at all
    for warning in report.warnings:  # shown even with --quiet: it says what the codes do not cover
        print(f"RHYBUDD / WARNING: {warning}", file=sys.stderr)
    if not args.quiet:
        for check in report.checks:
            print(message("cli.check_passed", check=check))
        print(message("verify.checks_out", items=report.items_recounted, papers=report.ballots_recounted))
    return 0
