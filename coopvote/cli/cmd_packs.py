"""``coopvote packs MEETING --class CODE [--band VALUE] --count N --out FILE.pdf``: ballot packs, one paper per item each.

When an item still to be voted on counts members' own vote values (``per_member = true``), packs are printed
per value band (``--band``): those items get papers of the band, the others ordinary papers, as the desk
hands them out.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from coopvote.cli import say_error
from coopvote.cli.band_choice import band_argument, band_needed, band_not_counted, band_warning, held_band
from coopvote.cli.common import add_meeting_argument, open_meeting
from coopvote.counting.value_bands import votes_words
from coopvote.errors import InputError
from coopvote.messages import Bilingual, message


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("packs", help="print ballot packs for a class: one paper per item, pack after pack")
    add_meeting_argument(parser)
    parser.add_argument("--class", dest="class_code", required=True, help="membership class code")
    parser.add_argument(
        "--band",
        type=band_argument,
        metavar="VALUE",
        help="the value band (exact: 5, 5/2) when an item counts members' own vote values; see coopvote info",
    )
    parser.add_argument("--count", type=int, required=True, help="how many packs")
    parser.add_argument("--variant", choices=("standard", "easy-read", "large-print"), default="standard")
    parser.add_argument("--page-size", choices=("A4", "Letter"), default="A4")
    parser.add_argument("--out", type=Path, required=True, help="the PDF to write")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.count < 1:
        say_error(message("cli.packs_count_not_positive", count=args.count), to_stdout=True)
        return 2
    service = open_meeting(args.meeting)
    try:
        meeting = service.setup.meeting()
        if not any(c.code.upper() == args.class_code.upper() for c in meeting.classes):
            known = ", ".join(c.code for c in meeting.classes)
            raise InputError("cli.no_such_class", class_code=args.class_code, classes=known)

        to_vote = [i.number for i in meeting.items if i.status in {"pending", "open"}]
        banded = [number for number in to_vote if service.papers.counts_member_values(number)]
        if args.band is not None and not banded:
            raise band_not_counted(args.band, None)
        if banded and args.band is None:
            raise band_needed(service, banded, args.class_code)
        if args.band is not None:
            held_band(service, args.class_code, args.band)
        runs = service.papers.print_packs(
            args.class_code, args.count, args.out, variant=args.variant, page_size=args.page_size, band=args.band
        )
        warning = band_warning(service, runs[0].batch.class_code, args.band) if args.band is not None else None
    finally:
        service.close()
    items = ", ".join(str(r.batch.item) for r in runs)
    printed = dict(count=args.count, class_code=runs[0].batch.class_code, items=items, pages=runs[0].pages, path=args.out)
    if args.band is None:
        print(message("cli.packs_printed", **printed))
    else:
        print(message("cli.packs_printed_band", band=Bilingual(*votes_words(args.band)), **printed))
    if warning:
        print(message("cli.warning_indented", warning=warning))
    return 0
