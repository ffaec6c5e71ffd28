"""``coopvote ballots MEETING --item ITEM [--class CODE] [--count N] [--kind paper|slips] [--variant ...] --out FILE.pdf``."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from coopvote.cli.common import add_meeting_argument, open_meeting

PAPER_WORDS = {"paper": ("ballot paper", "ballot papers"), "slips": ("vote slip", "vote slips")}


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("ballots", help="print ballot papers or vote slips for an item (PDF)")
    add_meeting_argument(parser)
    parser.add_argument("--item", type=int, required=True, help="the item's number on the agenda")
    parser.add_argument("--class", dest="class_code", help="membership class code (default: every class, one file each)")
    parser.add_argument("--count", type=int, help="papers to print (default: members who may vote in the class, plus 10%%)")
    parser.add_argument("--kind", choices=("paper", "slips"), default="paper")
    parser.add_argument("--variant", choices=("standard", "easy-read", "large-print"), default="standard")
    parser.add_argument("--page-size", choices=("A4", "Letter"), default="A4")
    parser.add_argument("--out", type=Path, required=True, help="the PDF to write")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.count is not None and args.count < 1:
        print(f"coopvote: --count {args.count}: give how many papers to print, 1 or more")
        return 2
    service = open_meeting(args.meeting)
    try:
        meeting = service.setup.meeting()
        classes = [c for c in meeting.classes if args.class_code is None or c.code.upper() == args.class_code.upper()]
        if not classes:
            known = ", ".join(c.code for c in meeting.classes)
            print(f"coopvote: there is no membership class {args.class_code!r}; the classes are {known}")
            return 2
        for cls in classes:
            count = args.count if args.count is not None else max(1, cls.eligible + max(5, cls.eligible // 10))
            out = args.out if len(classes) == 1 else args.out.with_name(f"{args.out.stem}-{cls.code}{args.out.suffix}")
            printed = service.papers.print_papers(
                args.item, cls.code, count, out, kind=args.kind, variant=args.variant, page_size=args.page_size
            )
            what = PAPER_WORDS[args.kind][0 if count == 1 else 1]
            print(f"Printed {count} {what} for item {args.item}, class {cls.code} ({args.variant}): {printed.pages} pages -> {out}")
    finally:
        service.close()
    return 0
