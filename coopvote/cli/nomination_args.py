"""What the nominations commands share: the item, the dates, statements and photos they read, and the
words a nomination is listed in (``nominate``, ``statement``, ``nominations``, ``withdraw``,
``close-nominations``). Not a command itself: no ``cmd_`` prefix, so the parser never registers it."""

from __future__ import annotations

import argparse
import base64
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from coopvote.errors import InputError

if TYPE_CHECKING:
    from coopvote.service.nominations import NominationView


def add_item_and_candidate(parser: Any) -> None:
    parser.add_argument("--item", type=int, required=True, help="the election's agenda item")
    parser.add_argument("--candidate", required=True, metavar="NUMBER", help="the candidate's membership number")


def add_statement_arguments(parser: Any) -> None:
    """Each language's statement as text or from a UTF-8 file (a long statement is easier kept in a file)."""
    for code, language in (("cy", "Welsh"), ("en", "English")):
        given = parser.add_mutually_exclusive_group()
        given.add_argument(f"--statement-{code}", metavar="TEXT", help=f"the candidate's statement in {language}")
        given.add_argument(f"--statement-{code}-file", type=Path, metavar="FILE.txt",
                           help=f"the statement in {language}, read from a UTF-8 text file")
    parser.add_argument("--photo", type=Path, metavar="FILE",
                        help="the candidate's photo (PNG or JPEG, up to 1 MB) for the booklet and the Easy Read paper")


def received_on(text: str) -> date:
    """The ``--received`` date; argparse shows the message with the option's name."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-10-20") from None


def statement(args: argparse.Namespace, code: str) -> str | None:
    """The statement given in this language, or None when neither the text nor the file was given."""
    text = getattr(args, f"statement_{code}")
    path = getattr(args, f"statement_{code}_file")
    if path is None:
        return None if text is None else str(text)
    try:
        return str(Path(path).read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        raise InputError("cli.statement_file_not_utf8", language=code, path=str(path)) from None
    except OSError as error:
        raise InputError("cli.statement_file_unreadable", language=code, path=str(path),
                         detail=str(error.strerror or error)) from None


def photo(args: argparse.Namespace) -> bytes | None:
    """The ``--photo`` file's bytes, after the checks a definition's photos get (coopvote/meeting/photos.py)."""
    if args.photo is None:
        return None
    from coopvote.meeting.photos import read_photo

    return base64.b64decode(read_photo(str(args.photo), Path.cwd(), f"--photo for {args.candidate}"))


def nomination_line(view: NominationView, position: int | None = None) -> str:
    """One nomination in words: who, their class, who proposed and seconded, when, and what was given."""
    given = [word for word, present in (("Welsh statement", view.statement_cy), ("English statement", view.statement_en),
                                        ("photo", view.photo_png)) if present]
    state = "standing" if view.standing else f"withdrawn ({view.withdrawal_reason})"
    place = f"{position}. " if position is not None else "- "
    return (f"{place}{view.name} ({view.member_number}, class {view.class_code}), proposed by {view.proposer}, "
            f"seconded by {view.seconder}, received {view.received_on.isoformat()}; {state}; "
            f"{', '.join(given) if given else 'no statement or photo yet'}")
