"""``coopvote packs MEETING --class CODE --count N --out FILE.pdf``: ballot packs, one paper per item each."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from coopvote.cli.common import add_meeting_argument, open_meeting


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("packs", help="print ballot packs for a class: one paper per item, pack after pack")
    add_meeting_argument(parser)
    parser.add_argument("--class", dest="class_code", required=True, help="membership class code")
    parser.add_argument("--count", type=int, required=True, help="how many packs")
    parser.add_argument("--variant", choices=("standard", "easy-read", "large-print"), default="standard")
    parser.add_argument("--page-size", choices=("A4", "Letter"), default="A4")
    parser.add_argument("--out", type=Path, required=True, help="the PDF to write")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.count < 1:
        print(f"coopvote: --count {args.count}: give how many packs to print, 1 or more")
        return 2
    service = open_meeting(args.meeting)
    try:
        runs = service.papers.print_packs(args.class_code, args.count, args.out, variant=args.variant, page_size=args.page_size)
    finally:
        service.close()
    items = ", ".join(str(r.batch.item) for r in runs)
    print(f"Printed {args.count} {'pack' if args.count == 1 else 'packs'} for class {runs[0].batch.class_code} (items {items}): {runs[0].pages} pages -> {args.out}")
    return 0
