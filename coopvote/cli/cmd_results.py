"""``coopvote results MEETING [--item ITEM] [--json]``: each item's tally and outcome."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from coopvote.cli.common import add_meeting_argument, open_meeting_to_read, print_json
from coopvote.counting.model import decimal_string

if TYPE_CHECKING:
    from coopvote.service.views import ItemResult


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("results", help="print each item's tally and outcome")
    add_meeting_argument(parser)
    parser.add_argument("--item", type=int, help="only this agenda item")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from coopvote.service.results import result_summary

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
            print(
                f"    papers {row.class_code}: printed {row.printed}, issued {row.issued}, spoilt {row.spoilt}, "
                f"returned {row.returned} ({row.valid} valid, {row.rejected} rejected), "
                f"not returned {row.not_returned}{problems}"
            )
        print()
    return 0


def print_result(result: ItemResult) -> None:
    item = result.item
    print(f"Item {item.number}: {item.title_cy} / {item.title_en}  [{item.status}]")
    classes = list(result.papers_by_class)
    header = "".join(f"{code:>18}" for code in classes)
    print(f"    {'':<28}{header}{'total':>18}")
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
        print(f"    rejected papers: {rejected}")
    for warning in result.privacy_warnings:
        print(f"    privacy: {warning}")
    if result.election is not None:
        outcome = result.election
        print(f"    method {outcome.method}, {outcome.seats} seats, {len(outcome.stages)} stages")
    print(f"    => {result.outcome_cy}")
    print(f"    => {result.outcome_en}")
