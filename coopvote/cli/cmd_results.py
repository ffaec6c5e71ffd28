"""``coopvote results MEETING [--item ITEM] [--json]``: each item's tally and outcome.

``--show-small-classes --by CHAIR --reason TEXT`` (with ``--item``) records the chair's choice to publish the
item's per-class figures even for classes below the privacy minimum, before the results are printed; it is
audited, printed on the declaration, and refused without a reason or once the item is declared.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from coopvote.cli.common import (
    add_meeting_argument,
    in_reading_language,
    open_meeting,
    open_meeting_to_read,
    print_json,
)
from coopvote.counting.model import decimal_string
from coopvote.errors import RuleError
from coopvote.messages import Bilingual, current_language, message, note_message, render_value

if TYPE_CHECKING:
    from coopvote.service.views import ItemResult


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("results", help="print each item's tally and outcome")
    add_meeting_argument(parser)
    parser.add_argument("--item", type=int, help="only this agenda item")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument(
        "--show-small-classes",
        action="store_true",
        help="record the chair's choice to publish this item's figures for classes below the privacy minimum "
        "(needs --item, --by and --reason; printed on the declaration)",
    )
    parser.add_argument("--by", metavar="NAME", default="", help="the chair choosing to show small classes")
    parser.add_argument("--reason", metavar="TEXT", default="", help="why the small classes are shown (recorded and printed)")
    parser.set_defaults(handler=run)


def show_small_classes(args: argparse.Namespace) -> None:
    """Record the chair's choice first, so the figures printed after it are the ones now published."""
    missing = [flag for flag, value in (("--item N", args.item), ("--by NAME", args.by.strip()),
                                        ("--reason TEXT", args.reason.strip())) if not value]  # fmt: skip
    if missing:
        raise RuleError("cli.small_classes_missing", missing=", ".join(missing))
    service = open_meeting(args.meeting)
    try:
        service.results.show_small_classes(args.item, args.by, args.reason)
    finally:
        service.close()
    print(
        message("cli.small_classes_shown", item=args.item, by=args.by.strip()),
        file=sys.stderr if args.json else sys.stdout,  # --json keeps standard output one JSON object
    )


def run(args: argparse.Namespace) -> int:
    from coopvote.service.results import result_summary

    if args.show_small_classes:
        show_small_classes(args)
    elif args.by or args.reason:
        raise RuleError("cli.by_reason_without_small_classes")

    service = open_meeting_to_read(args.meeting)
    try:
        numbers = [args.item] if args.item else [item.number for item in service.setup.meeting().items]
        results = [service.results.item_result(number) for number in numbers]
        reconciliation = {number: service.results.reconciliation(number) for number in numbers}
    finally:
        service.close()
    if args.json:
        items = []
        for result in results:
            summary = result_summary(result)
            summary["reconciliation"] = [row.__dict__ | {"problems": list(row.problems)} for row in reconciliation[result.item.number]]
            items.append(summary)
        print_json({"items": items})
        return 0
    for result in results:
        print_result(result)
        for row in reconciliation[result.item.number]:
            problems = f"  <- {'; '.join(row.problems)}" if row.problems else ""
            print(message(
                "cli.results_papers_row", class_code=row.class_code, printed=row.printed, issued=row.issued,
                spoilt=row.spoilt, returned=row.returned, valid=row.valid, rejected=row.rejected,
                not_returned=row.not_returned, problems=problems,
            ))
        print()
    return 0


def print_result(result: ItemResult) -> None:
    item = result.item
    print(message("cli.results_item", item=item.number, title=Bilingual(item.title_cy, item.title_en), status=item.status))
    classes = list(result.papers_by_class)
    header = "".join(f"{code:>18}" for code in classes)
    total_words = message("cli.results_total_heading")
    total_heading = render_value(Bilingual(total_words.render("cy"), total_words.render("en")), current_language())
    print(f"    {'':<28}{header}{total_heading:>18}")
    for index, (cy, en) in enumerate(result.option_labels):
        papers = result.papers_by_option.get(index, {})
        weighted = result.weighted_by_option.get(index, {})
        cells = []
        for code in classes:
            text = f"{papers.get(code, 0)}"
            if code in weighted:
                text += f" ({decimal_string(weighted[code], 3)})"
            cells.append(f"{text:>18}")
        total = sum(papers.values())
        label = en if cy == en else f"{cy} / {en}"
        print(f"    {label[:28]:<28}{''.join(cells)}{total:>18}")
    if result.rejected_by_reason:
        rejected = ", ".join(f"{reason}: {n}" for reason, n in result.rejected_by_reason.items())
        print(message("cli.results_rejected", rejected=rejected))
    for warning in result.privacy_warnings:
        print(message("cli.results_privacy", warning=note_message(warning)))
    if result.election is not None:
        outcome = result.election
        print(message("cli.results_method", method=outcome.method, seats=outcome.seats, stages=len(outcome.stages)))

    for line in in_reading_language(result.outcome_cy, result.outcome_en).splitlines():
        print(f"    => {line}")
