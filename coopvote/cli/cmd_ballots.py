"""``coopvote ballots MEETING --item ITEM [--class CODE] [--band VALUE] [--count N] [--kind paper|slips] [--variant ...] --out FILE.pdf``.

An item counted by members' own vote values (``per_member = true``) is printed per value band: ``--band``
names the band, and without ``--class`` every class holding that band gets its own file.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from coopvote.cli import say_error
from coopvote.cli.band_choice import (
    band_argument,
    band_needed,
    band_not_counted,
    band_warning,
    class_bands,
    held_band,
)
from coopvote.cli.common import add_meeting_argument, open_meeting
from coopvote.counting.value_bands import band_label, votes_words
from coopvote.errors import RuleError
from coopvote.messages import Bilingual, message

PRINTED_KEYS = {"paper": "cli.printed_papers", "slips": "cli.printed_slips"}
PRINTED_BAND_KEYS = {"paper": "cli.printed_papers_band", "slips": "cli.printed_slips_band"}
"""What was printed, by paper kind: ballot papers or vote slips (with the value band when printed per band)."""


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("ballots", help="print ballot papers or vote slips for an item (PDF)")
    add_meeting_argument(parser)
    parser.add_argument("--item", type=int, required=True, help="the item's number on the agenda")
    parser.add_argument("--class", dest="class_code", help="membership class code (default: every class, one file each)")
    parser.add_argument(
        "--band",
        type=band_argument,
        metavar="VALUE",
        help="the value band (exact: 5, 5/2) for an item counted by members' own vote values; see coopvote info",
    )
    parser.add_argument(
        "--count", type=int, help="papers to print (default: members who may vote in the class or band, plus 10%%)"
    )
    parser.add_argument("--kind", choices=("paper", "slips"), default="paper")
    parser.add_argument("--variant", choices=("standard", "easy-read", "large-print"), default="standard")
    parser.add_argument("--page-size", choices=("A4", "Letter"), default="A4")
    parser.add_argument("--out", type=Path, required=True, help="the PDF to write")
    parser.set_defaults(handler=run)


def with_spares(voters: int) -> int:
    return max(1, voters + max(5, voters // 10))


def run(args: argparse.Namespace) -> int:
    if args.count is not None and args.count < 1:
        say_error(message("cli.count_not_positive", count=args.count), to_stdout=True)
        return 2
    service = open_meeting(args.meeting)
    try:
        meeting = service.setup.meeting()
        classes = [c for c in meeting.classes if args.class_code is None or c.code.upper() == args.class_code.upper()]
        if not classes:
            known = ", ".join(c.code for c in meeting.classes)
            say_error(message("cli.no_such_class_named", class_code=args.class_code, classes=known), to_stdout=True)
            return 2
        banded = service.papers.counts_member_values(args.item)
        voters = {c.code: c.eligible for c in classes}
        if args.band is not None and not banded:
            raise band_not_counted(args.band, args.item)
        if banded and args.band is None:
            raise band_needed(service, [args.item], classes[0].code)
        if banded and args.class_code is not None:
            voters = {classes[0].code: held_band(service, classes[0].code, args.band).members}
        elif banded:
            held = {c.code: next((b for b in class_bands(service, c.code) if b.value == args.band), None) for c in classes}
            voters = {code: band.members for code, band in held.items() if band is not None}
            if not voters:
                raise RuleError(
                    "cli.band_not_held_any", band=band_label(args.band),
                    bands=", ".join(b.label for c in classes for b in class_bands(service, c.code)),
                )
            classes = [c for c in classes if c.code in voters]
        for cls in classes:
            count = args.count if args.count is not None else with_spares(voters[cls.code])
            out = args.out if len(classes) == 1 else args.out.with_name(f"{args.out.stem}-{cls.code}{args.out.suffix}")
            printed = service.papers.print_papers(
                args.item, cls.code, count, out, kind=args.kind, variant=args.variant, page_size=args.page_size,
                band=args.band,
            )
            printed_words = dict(
                count=count, item=args.item, class_code=cls.code, variant=args.variant, pages=printed.pages, path=out
            )
            if args.band is None:
                print(message(PRINTED_KEYS[args.kind], **printed_words))
            else:
                band = Bilingual(*votes_words(args.band))
                print(message(PRINTED_BAND_KEYS[args.kind], band=band, **printed_words))
            warning = band_warning(service, cls.code, args.band) if args.band is not None else None
            if warning:
                print(message("cli.warning_indented", warning=warning))
    finally:
        service.close()
    return 0
