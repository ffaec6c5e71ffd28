"""Small helpers the sub-commands share: opening a meeting, printing JSON, naming the station."""

from __future__ import annotations

import json
import os
import socket
import sys
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from coopvote.messages import current_language, welsh_then_english

if TYPE_CHECKING:
    from coopvote.service import MeetingService


def add_meeting_argument(parser: Any) -> None:
    parser.add_argument("meeting", metavar="MEETING", help="the meeting file (.coopvote) or a postgresql:// URL")


def station_name() -> str:
    return os.environ.get("COOPVOTE_STATION") or socket.gethostname()


def open_meeting(target: str, actor: str = "cli") -> MeetingService:
    # Imported here so that commands which need no meeting (count, --help) start quickly.
    from coopvote.service import MeetingService

    return MeetingService.open(target, actor=actor, station=station_name())


def open_meeting_to_read(target: str, actor: str = "cli") -> MeetingService:
    """A meeting for a command that only reads it: a read-only copy is opened rather than refused."""
    from coopvote.record.db import display_target, open_database
    from coopvote.service import MeetingService

    return MeetingService(open_database(target, read_only=True), actor=actor, station=station_name(),
                          where=display_target(target))


def _json_default(value: Any) -> Any:
    if isinstance(value, Fraction):
        return str(value)
    if isinstance(value, Decimal):
        return format(value, "f")
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, (set, frozenset, tuple)):
        return list(value)
    raise TypeError(f"cannot put {type(value).__name__} in JSON")


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2, default=_json_default)
    sys.stdout.write("\n")


def in_reading_language(cy: str, en: str) -> str:
    """Words the service already gives in Welsh and English (an outcome's ``message_cy`` and ``message_en``), in
    the language ``--lang`` asked for: with both, the Welsh line and then the English (one line if they agree)."""
    language = current_language()
    if language == "both":
        return welsh_then_english(cy, en)
    return cy if language == "cy" else en
