"""Errors a person can act on.

Every error raised on purpose by coopvote is a ``CoopvoteError`` whose message names what was wrong
and where (file, line, item, serial), so the CLI and the app can show it as it is.
"""

from __future__ import annotations


class CoopvoteError(Exception):
    """An error with a message fit to show a returning officer."""

    exit_code = 1


class InputError(CoopvoteError):
    """A file or value given to coopvote cannot be used (bad CSV, BLT, TOML, QR...)."""

    exit_code = 2


class RecordError(CoopvoteError):
    """The meeting file cannot be opened or written (not a meeting, newer version, disk full...)."""

    exit_code = 3


class RuleError(CoopvoteError):
    """An action the meeting's rules forbid (proxy limit, lapsed member, vote not open...)."""

    exit_code = 4
