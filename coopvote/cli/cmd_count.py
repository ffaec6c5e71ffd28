"""``coopvote count FILE.blt --method M``: count a BLT ballot file by any coopvote rule.

It exists so a count can be checked outside the app (and another program's BLT counted by
coopvote), with the same engine and the same stage sheet the declaration uses.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from pathlib import Path
from typing import Any

from coopvote.cli import reading_language, say_error
from coopvote.counting.blt import MAX_SEATS, read_blt_groups
from coopvote.counting.model import CountOptions, Election, Outcome
from coopvote.counting.report import outcome_to_dict, stage_table
from coopvote.counting.rules import RULES, get_rule
from coopvote.errors import CoopvoteError, InputError
from coopvote.messages import current_language, set_language


def _seed(text: str) -> int | str:
    return int(text) if text.lstrip("-").isdigit() else text


def count_file(path: str | Path, method: str, seats: int | None = None, seed: int | str = 0) -> tuple[Election, Outcome]:
    """Read a BLT file and count it: the whole work of ``coopvote count`` but the printing.

    A rule that takes ballot groups (``count_groups``: Scottish STV) is given them straight from the
    reader, sparing the 40,000 Ballot objects of a 100,000-paper file; the Election it is given then
    has no ballots. Every other rule gets the full Election.
    """
    contents = read_blt_groups(path)
    if seats is not None and seats < 1:
        raise InputError("cli.seats_too_few", seats=seats)
    if seats is not None and seats > MAX_SEATS:
        raise InputError("cli.seats_too_many", seats=seats, limit=MAX_SEATS)
    try:
        rule = get_rule(method)
    except ModuleNotFoundError as error:
        raise InputError("cli.method_unavailable", method=method, module=error.name) from None

    count_groups = getattr(rule, "count_groups", None)
    election = contents.election(with_ballots=count_groups is None)
    if seats is not None:
        election = dataclasses.replace(election, seats=seats)
    options = CountOptions(seed=seed)
    if count_groups is not None:
        outcome: Outcome = count_groups(election, options, *contents.whole_and_fractional())
    else:
        outcome = rule.count(election, options)
    return election, outcome


def run(args: argparse.Namespace) -> int:
    election, outcome = count_file(args.file, args.method, args.seats, _seed(args.seed))
    if args.json:
        import json  # here: the stage table, the usual output, does not need it

        result: dict[str, Any] = outcome_to_dict(outcome)
        result["title"] = election.title
        result["file"] = str(args.file)
        result["seed"] = args.seed
        json.dump(result, sys.stdout, indent=1, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        if election.title:
            print(election.title)
        print(stage_table(outcome, language=current_language()))
    return 0


def _add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", help="the .blt ballot file")
    parser.add_argument("--method", required=True, choices=sorted(RULES), help="counting rule")
    parser.add_argument("--seats", type=int, default=None, help="seats to fill (default: the file's header)")
    parser.add_argument("--seed", default="0", help="seed for drawing lots, so a count replays (default 0)")
    parser.add_argument("--json", action="store_true", help="print one JSON object instead of the stage table")


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "count",
        help="count a BLT ballot file",
        description="Count a BLT ballot file (OpenSTV/OpaVote/droop format) and show every stage.",
    )
    _add_arguments(parser)
    parser.set_defaults(handler=run)


def main(argv: list[str] | None = None) -> int:
    """``python -m coopvote.cli.cmd_count``: the same command without loading every other command."""
    parser = argparse.ArgumentParser(prog="coopvote count", description="Count a BLT ballot file.")
    _add_arguments(parser)
    args = parser.parse_args(argv)
    set_language(reading_language(None))  # COOPVOTE_LANG, else both, as ``coopvote count`` says it
    try:
        return run(args)
    except CoopvoteError as error:
        say_error(error.message)
        return error.exit_code


if __name__ == "__main__":
    raise SystemExit(main())
