"""``coopvote scan MEETING FILES...``: read a batch of scanned sheets (images or PDFs) and record them."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coopvote.cli import say_error
from coopvote.cli.common import add_meeting_argument, open_meeting
from coopvote.messages import Bilingual, message

if TYPE_CHECKING:
    from coopvote.service.views import ScanOutcome


def pdf_dpi(text: str) -> float:
    """argparse type for --dpi: a finite number in the range a PDF page can be read at."""
    from coopvote.ballots.imaging import check_pdf_dpi  # here: --help need not load numpy and PIL
    from coopvote.errors import InputError

    try:
        return check_pdf_dpi(text, "--dpi")
    except InputError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("scan", help="read scanned ballot sheets (images or multi-page PDFs)")
    add_meeting_argument(parser)
    parser.add_argument("files", nargs="+", type=Path, metavar="FILES", help="scanned images or PDFs")
    parser.add_argument("--dpi", type=pdf_dpi, default=150, help="resolution to read PDF pages at (default 150)")
    parser.set_defaults(handler=run)


def _progress_bar(done: int, outcome: ScanOutcome) -> None:
    mark = "+" if outcome.accepted else ("?" if outcome.reason == "queued" else "x")
    sys.stderr.write(f"\r  {done:>5} sheets read  [{mark}] {outcome.message_en[:70]:<70}")
    sys.stderr.flush()


def run(args: argparse.Namespace) -> int:
    missing = [str(p) for p in args.files if not p.is_file()]
    if missing:
        say_error(message("cli.no_such_files", paths=", ".join(missing)))
        return 2
    service = open_meeting(args.meeting, actor="scanner")
    try:
        summary = service.tellers.read_sheets(args.files, progress=_progress_bar, pdf_dpi=args.dpi)
    finally:
        service.close()
    sys.stderr.write("\n")
    print(message("cli.sheets_read", pages=summary.pages, accepted=summary.accepted, queued=summary.queued))
    for reason, count in summary.refused.most_common():
        if reason == "unreadable-file":  # each names its own file: a teller needs every one to rescan
            for outcome in (o for o in summary.outcomes if o.reason == reason):
                words = Bilingual(cy=outcome.message_cy, en=outcome.message_en)
                print(message("cli.refused_one", reason=reason, outcome=words))
            continue
        example = next(o for o in summary.outcomes if o.reason == reason)
        words = Bilingual(cy=example.message_cy, en=example.message_en)
        print(message("cli.refused_example", reason=reason, count=count, example=words))
    return 0
