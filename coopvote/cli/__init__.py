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
from coopvote.messages import LANGUAGES, Message, message, set_language


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
    parser.add_argument(
        "--lang", choices=LANGUAGES, default=None,
        help="the language of messages: cy (Cymraeg), en (English) or both, Welsh first (the default; "
        "or set COOPVOTE_LANG)",
    )
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


def reading_language(asked: str | None) -> str:
    """``--lang``, else ``COOPVOTE_LANG``, else both: what the command line prints is often printed or kept."""
    for choice in (asked, os.environ.get("COOPVOTE_LANG", "").strip().lower()):
        if choice in LANGUAGES:
            return choice
    return "both"


def say_error(words: Message, *, to_stdout: bool = False) -> None:
    """A message on standard error (or output, where a command always said it there), each language's line
    marked as coopvote's, Welsh first."""
    for line in words.render().splitlines():
        print(f"coopvote: {line}", file=sys.stdout if to_stdout else sys.stderr)


def _command_word(words: list[str]) -> str | None:
    """The sub-command's name, past the global options (``--lang cy verify ...``)."""
    position = 0
    while position < len(words) and words[position].startswith("-"):
        position += 2 if words[position] == "--lang" else 1
    return words[position] if position < len(words) else None


def main(argv: Sequence[str] | None = None) -> int:
    words = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(_command_word(words))
    args = parser.parse_args(words)
    set_language(reading_language(args.lang))
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    try:
        result = args.handler(args)
        sys.stdout.flush()  # inside the try, so a reader that went away is handled below
    except CoopvoteError as error:
        say_error(error.message)
        return error.exit_code
    except KeyboardInterrupt:
        say_error(message("cli.interrupted"))
        return 130
    except BrokenPipeError:
        # Output piped into `head` or a closed pager: the reader has what it wanted; no traceback.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    return int(result or 0)
