"""``coopvote statement MEETING --item N --candidate M [--statement-cy ...] [--statement-en ...] [--photo F]``.

Gives or replaces a nominated candidate's statements (each within the word limit) and photo. A language
not named keeps the statement it has, so a photo can be added on its own.
"""

from __future__ import annotations

import argparse
from typing import Any

from coopvote.cli.common import add_meeting_argument, open_meeting
from coopvote.cli.nomination_args import add_item_and_candidate, add_statement_arguments, photo, statement
from coopvote.errors import InputError
from coopvote.messages import Bilingual, message
from coopvote.welsh import and_list


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("statement", help="give or replace a nominated candidate's statements and photo")
    add_meeting_argument(parser)
    add_item_and_candidate(parser)
    add_statement_arguments(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    statement_cy, statement_en = statement(args, "cy"), statement(args, "en")
    picture = photo(args)
    if statement_cy is None and statement_en is None and picture is None:
        raise InputError("cli.statement_nothing_to_change")
    service = open_meeting(args.meeting)
    try:
        current = next((n for n in service.nominations.nominations(args.item)
                        if n.member_number.casefold() == args.candidate.strip().casefold()), None)
        if current is None:
            raise InputError("cli.statement_not_nominated", number=args.candidate, item=args.item)
        service.nominations.set_statement(
            args.item, args.candidate,
            current.statement_cy if statement_cy is None else statement_cy,
            current.statement_en if statement_en is None else statement_en,
            photo_png=picture,
        )
    finally:
        service.close()
    changed = [words for words, value in ((("datganiad Cymraeg", "Welsh statement"), statement_cy),
                                          (("datganiad Saesneg", "English statement"), statement_en),
                                          (("llun", "photo"), picture)) if value is not None]  # fmt: skip
    saved = Bilingual(cy=and_list([cy for cy, _ in changed]), en=", ".join(en for _, en in changed))
    print(message("cli.statement_saved", name=current.name, number=current.member_number, item=args.item, changed=saved))

    return 0
