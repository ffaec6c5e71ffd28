"""The ``coopvote`` command line.

Each sub-command lives in its own ``cmd_<name>.py`` module with a ``register(subparsers)`` function,
found here by name, so that adding a command never means editing a shared list. Commands call the
same service layer as the desktop app; they print plain words and exit non-zero with a message
(never a traceback) when the input is bad.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from coopvote import __version__
from coopvote.errors import CoopvoteError


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The whole parser; or, given the command about to run, a parser holding just that command.

    Importing every ``cmd_*`` module costs tens of milliseconds that ``coopvote count`` would spend
    on commands it never runs, so the command named on the line is looked for first by module name;
    if no module ``cmd_<command>`` registers it (or it is misspelt) every module is loaded as before.
    """
    parser = argparse.ArgumentParser(
        prog="coopvote",
        description="Run the votes at a co-operative's general meeting.",
    )
    parser.add_argument("--version", action="version", version=f"coopvote {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    if command is not None and command.isidentifier():
        name = f"{__name__}.cmd_{command}"
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name != name:
                raise
        else:
            module.register(subparsers)
            if command in subparsers.choices:
                return parser
        return build_parser()
    import pkgutil  # here: the single-command path above has no need of it

    package = importlib.import_module(__name__)
    for module_info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        if module_info.name.startswith("cmd_"):
            module = importlib.import_module(f"{__name__}.{module_info.name}")
            module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(words[0] if words and not words[0].startswith("-") else None)
    args = parser.parse_args(words)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    try:
        result = args.handler(args)
        sys.stdout.flush()  # inside the try, so a reader that went away is handled below
    except CoopvoteError as error:
        print(f"coopvote: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("coopvote: interrupted; everything already confirmed is saved.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # Output piped into `head` or a closed pager: the reader has what it wanted; no traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    return int(result or 0)
