"""Errors a person can act on.

Every error raised on purpose by coopvote is a ``CoopvoteError`` whose message names what was wrong
and where (file, line, item, serial), so the CLI and the app can show it as it is. The message is a
catalogue key and its parameters (``raise RuleError("desk.proxy_limit", holder=..., limit=...)``), worded
in Welsh and English by ``coopvote.messages``; ``str(error)`` gives it in the reading language, and
``error.render("cy")`` in the one asked for.
"""

from __future__ import annotations

from typing import Any

from coopvote.messages import Language, Message, catalogue, message


class CoopvoteError(Exception):
    """An error with a message fit to show a returning officer."""

    exit_code = 1

    def __init__(self, what: str | Message, /, **params: Any) -> None:
        if isinstance(what, Message):
            self.message = what
        elif what in catalogue():
            self.message = message(what, **params)
        else:
            # Words that are not a catalogue key: a library's own message passed through. coopvote's own
            # messages name a key (tests/test_messages.py checks every raise in the package).
            self.message = Message.text(what)
        super().__init__(self.message.render("en"))

    def render(self, language: Language | None = None) -> str:
        return self.message.render(language)

    def __str__(self) -> str:
        return self.message.render()


class InputError(CoopvoteError):
    """A file or value given to coopvote cannot be used (bad CSV, BLT, TOML, QR...)."""

    exit_code = 2


class RecordError(CoopvoteError):
    """The meeting file cannot be opened or written (not a meeting, newer version, disk full...)."""

    exit_code = 3


class RuleError(CoopvoteError):
    """An action the meeting's rules forbid (proxy limit, lapsed member, vote not open...)."""

    exit_code = 4
