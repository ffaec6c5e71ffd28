"""``coopvote app [MEETING]``: open the desktop app, on a meeting file if one is named."""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser("app", help="open the desktop app (optionally on a meeting file)")
    parser.add_argument("meeting", metavar="MEETING", nargs="?", help="a meeting file (.coopvote) to open")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    # Imported here so the rest of the command line never loads Qt.
    from coopvote.ui.app import run_app

    return run_app(args.meeting)
