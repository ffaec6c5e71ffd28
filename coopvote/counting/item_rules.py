"""An agenda item's own resolution rules, read the same way by the count, the recount and the app.

The meeting definition lets an item set its own ``tie`` and ``base`` beside its threshold and
``by_head``; the meeting's ``[rules].tie`` is only the default. The service's count, the verifier's
recount and the chair's console all build the rules here, so none of them can read an option the
others ignore.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from coopvote.counting.resolutions import ResolutionRules, Threshold
from coopvote.errors import InputError


def item_tie_rule(settings: Mapping[str, Any], general: Mapping[str, Any]) -> str:
    """The item's ``tie``, else the meeting's ``[rules].tie``, else "lost"."""
    return str(settings.get("tie", general.get("tie", "lost")))


def item_resolution_rules(
    number: object, threshold: str, by_head: bool, settings: Mapping[str, Any], general: Mapping[str, Any]
) -> ResolutionRules:
    """The rules one resolution is decided by, every option as its definition wrote it."""
    where = f"item {number}"
    try:
        return ResolutionRules(
            threshold=Threshold.parse(threshold, f"{where} threshold"),
            base=str(settings.get("base", "cast")),  # type: ignore[arg-type]  # checked in __post_init__
            tie=item_tie_rule(settings, general),  # type: ignore[arg-type]
            by_head=bool(by_head),
        )
    except InputError as error:
        message = str(error)
        raise InputError(message if message.startswith(where) else f"{where}: {message}") from None
