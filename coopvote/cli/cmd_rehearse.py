"""``coopvote rehearse MEETING [--out deck.pdf] [--scans FILES...] [--simulate]``: the rehearsal.

Run once to print the marked test deck; the tellers scan it on the meeting's scanner; run again with
``--scans`` to check the scans against the deck's key. ``--simulate`` does both at once, reading the
printed deck as if scanned perfectly (for the demo, or to check the set-up before a scanner arrives).
``--no-slips`` leaves vote slips out of the deck, for a meeting that prints none.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from coopvote.cli import say_error
from coopvote.cli.common import add_meeting_argument, open_meeting
from coopvote.messages import message

FAILED = 1


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "rehearse", help="the rehearsal before the doors open: print a marked test deck, then check its scans"
    )
    add_meeting_argument(parser)
    parser.add_argument("--out", type=Path, default=Path("rehearsal-deck.pdf"),
                        help="the test deck PDF to print (default rehearsal-deck.pdf); its key is kept in "
                             "a folder beside it, named like it with .rehearsal")
    parser.add_argument("--scans", type=Path, nargs="+", metavar="FILES", help="the scanned test deck, to check")
    parser.add_argument("--no-slips", action="store_true",
                        help="leave vote slips out of the deck (for a meeting that prints none)")
    parser.add_argument("--simulate", action="store_true",
                        help="print the deck and check it at once, reading the printed deck as the scan")
    parser.set_defaults(handler=run)


def work_folder(deck: Path) -> Path:
    return deck.with_suffix(".rehearsal")


def run(args: argparse.Namespace) -> int:
    if args.scans and args.simulate:
        say_error(message("cli.rehearse_scans_or_simulate"))
        return 2
    missing = [str(p) for p in args.scans or () if not p.is_file()]
    if missing:
        say_error(message("cli.no_such_files", paths=", ".join(missing)))
        return 2
    service = open_meeting(args.meeting, actor="rehearsal")
    folder = work_folder(args.out)
    try:
        scans = args.scans
        if not scans:
            prepared = service.rehearsal.prepare(folder, deck=args.out, slips=not args.no_slips)
            print(message("cli.deck_printed", path=prepared.deck, pages=prepared.pages, slips=prepared.slip_pages,
                          folder=folder))
            for skipped in prepared.skipped:
                print(message("cli.deck_not_covered", what=skipped))
            if not args.simulate:
                command = f"coopvote rehearse {args.meeting} --out {args.out} --scans SCANNED-FILES"  # a command, not words
                print(message("cli.deck_scan_then", command=command))
                return 0
            scans = [prepared.deck]
        report = service.rehearsal.check(folder, scans)
    finally:
        service.close()
    from coopvote.service.rehearsal import REPORT_NAME

    print((folder / REPORT_NAME).read_text(encoding="utf-8"), end="")
    print(message("cli.report_at", path=folder / REPORT_NAME))

    return 0 if report.passed else FAILED
