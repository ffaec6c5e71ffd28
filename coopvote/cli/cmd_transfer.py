"""``coopvote transfer SOURCE TARGET``: move a meeting from its file to a PostgreSQL server, or back.

Before the meeting: ``coopvote transfer AGM.coopvote postgresql://coopvote:PASSWORD@chair-laptop/agm``
so every teller station can open the same meeting; afterwards: ``coopvote transfer postgresql://...
AGM-final.coopvote`` to export from a file. The copy is checked row by row and its audit chain
verified before this command says it is done.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from coopvote.messages import message


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "transfer",
        help="copy a meeting from its file to a PostgreSQL server (for several stations) or back to a file",
        description=(
            "Copy a whole meeting, keeping every record and the audit chain, into a new file or an empty "
            "PostgreSQL database; the copy is compared row by row with the original before it is accepted."
        ),
    )
    parser.add_argument("source", metavar="SOURCE", help="the meeting file (.coopvote) or a postgresql:// URL")
    parser.add_argument("target", metavar="TARGET", help="a new meeting file, or an empty database as a postgresql:// URL")
    parser.set_defaults(handler=run)


def _progress(table: str, rows: int) -> None:
    sys.stderr.write(f"  {table:<18} {rows:>8} rows copied\n")


def run(args: argparse.Namespace) -> int:
    # Imported here: the database stack takes a second to load, and other commands need none of it.
    from coopvote.record.connection import display_target
    from coopvote.record.db import is_url
    from coopvote.record.transfer import transfer

    report = transfer(args.source, args.target, progress=_progress)
    print(message("cli.transfer_copied", rows=report.total_rows, tables=len(report.rows), source=report.source,
                  target=report.target, entries=report.audit_entries))
    if is_url(args.target):
        print(message("cli.transfer_open_with", target=display_target(args.target)))
        print(message("cli.transfer_source_moved", source=report.source))
    else:
        print(message("cli.transfer_file_moved", target=args.target, source=report.source))
    return 0
