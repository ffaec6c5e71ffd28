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


def check_advance(problems: Problems, raw: object, path: str, context: str, kind: object) -> None:
    """Check ``items[n].advance``; unknown keys are refused like everywhere else in the definition."""
    where = f"{path}.advance"
    table = table_at(problems, raw, where, '{ allowed = true, closes = 2026-11-27T17:00:00Z, if_amended = "against" }')
    if table is None:
        return
    unknown_keys(problems, table, where, ADVANCE_KEYS)
    allowed = flag(problems, table, "allowed", where)
    flag(problems, table, "declaration", where)
    if allowed is None and "allowed" not in table:
        problems.add(f"{where}.allowed", f"{context}say whether advance votes are allowed (allowed = true or false)")
    if allowed:
        if "closes" not in table:
            problems.add(f"{where}.closes", f"{context}advance votes are allowed: say when the window closes "
                                            "(closes = 2026-11-27T17:00:00Z, with its time zone)")
        elif advance_closes(table["closes"]) is None:
            value = table["closes"]
            hint = "add its time zone, Z or +01:00" if isinstance(value, datetime) else "give a date and a time"
            problems.add(f"{where}.closes", f"{context}closes {shown(value)} is not a date and time with its time "
                                            f"zone ({hint}), such as 2026-11-27T17:00:00Z")
    if "if_amended" in table:
        if kind != "resolution":
            problems.add(f"{where}.if_amended", f"{context}only a resolution can be amended; this item is an election")
        else:
            choice(problems, table, "if_amended", where, IF_AMENDED)
    elif allowed and kind == "resolution":
        problems.add(f"{where}.if_amended", f"{context}say what happens to an advance vote if the resolution is "
                                            f"amended in the room: if_amended = {' or '.join(map(repr, IF_AMENDED))}")


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
