"""The checks for an item's ``advance`` table: whether members may vote before the meeting, and until when.

An item's advance rules decide whose votes count, so a mistake in them must stop the meeting being
created rather than surface when the first envelope arrives: the window needs a time zone (an envelope
received at 17:30 is late or not depending on it), and an amendable resolution must say what becomes of
a vote cast on the words as they were.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from coopvote.meeting.validation import Problems, choice, flag, shown, table_at, unknown_keys
from coopvote.messages import Message, message

ADVANCE_KEYS = ("allowed", "closes", "if_amended", "declaration")
IF_AMENDED = ("against", "not-counted")
"""What an advance vote on a resolution amended in the room becomes: counted as against, or not counted."""


def advance_closes(value: object) -> datetime | None:
    """The window's close as an aware datetime, from a TOML offset date-time or ISO text; None if unreadable."""
    if isinstance(value, datetime):
        moment = value
    elif isinstance(value, str):
        try:
            moment = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            return None
    else:
        return None
    return moment if moment.tzinfo is not None and moment.utcoffset() is not None else None


def check_advance(problems: Problems, raw: object, path: str, context: Message | str, kind: object) -> None:
    """Check ``items[n].advance``; unknown keys are refused like everywhere else in the definition."""
    where = f"{path}.advance"
    table = table_at(problems, raw, where, '{ allowed = true, closes = 2026-11-27T17:00:00Z, if_amended = "against" }')
    if table is None:
        return
    unknown_keys(problems, table, where, ADVANCE_KEYS)
    allowed = flag(problems, table, "allowed", where)
    flag(problems, table, "declaration", where)
    if allowed is None and "allowed" not in table:
        problems.add(f"{where}.allowed", message("checks.advance.allowed_missing", context=context))
    if allowed:
        if "closes" not in table:
            problems.add(f"{where}.closes", message("checks.advance.closes_missing", context=context))
        elif advance_closes(table["closes"]) is None:
            value = table["closes"]
            key = "checks.advance.closes_no_zone" if isinstance(value, datetime) else "checks.advance.closes_not_a_moment"
            problems.add(f"{where}.closes", message(key, context=context, value=shown(value)))
    if "if_amended" in table:
        if kind != "resolution":
            problems.add(f"{where}.if_amended", message("checks.advance.amended_resolution_only", context=context))
        else:
            choice(problems, table, "if_amended", where, IF_AMENDED)
    elif allowed and kind == "resolution":
        # the words name IF_AMENDED's two values
        problems.add(f"{where}.if_amended", message("checks.advance.if_amended_missing", context=context))


def advance_settings(raw: dict[str, Any]) -> dict[str, Any]:
    """The advance table as stored with the item (JSON-ready: the close as ISO text in UTC)."""
    settings: dict[str, Any] = {"allowed": bool(raw.get("allowed", False))}
    closes = advance_closes(raw.get("closes"))
    if closes is not None:
        settings["closes"] = closes.isoformat()
    if "if_amended" in raw:
        settings["if_amended"] = str(raw["if_amended"]).strip().lower()
    if raw.get("declaration"):
        settings["declaration"] = True
    return settings
