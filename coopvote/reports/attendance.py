"""Attendance, proxies and the quorum at each vote, for the minutes, read from the audit trail.

The record keeps who is present *now*; the minutes need what held when each vote opened. The voting role
writes the desk's quorum figures into every "vote opened" entry, and the desk's own entries say who checked
in and which proxies were appointed or cancelled, so the minutes are built from the hash-chained trail
alone, and say so when an entry predates those figures rather than guessing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Attendance:
    attended: int = 0
    """Members checked in at any time during the meeting (each counted once)."""
    proxies_appointed: int = 0
    proxies_to_chair: int = 0
    proxies_cancelled: int = 0
    quorum_at_open: dict[int, dict[str, Any] | None] = field(default_factory=dict)
    """Per item opened: the quorum figures when its vote opened (None when the entry does not carry them)."""


def read_attendance(audit: Iterable[Mapping[str, Any]]) -> Attendance:
    seen: set[str] = set()
    out = Attendance()
    for entry in audit:
        action = entry.get("action")
        details = entry.get("details") or {}
        if action == "member checked in":
            seen.add(str(details.get("member", "")))
        elif action == "proxy appointed":
            out.proxies_appointed += 1
            out.proxies_to_chair += details.get("holder") == "chair"
        elif action == "proxy cancelled":
            out.proxies_cancelled += 1
        elif action == "vote opened" and isinstance(details.get("item"), int):
            quorum = details.get("quorum")
            out.quorum_at_open[details["item"]] = dict(quorum) if isinstance(quorum, Mapping) else None
    out.attended = len(seen)
    return out


def attendance_sentences(attendance: Attendance) -> tuple[str, str]:
    """The meeting's attendance and proxies in one Welsh and one English sentence."""
    chair_cy = f" ({attendance.proxies_to_chair} i'r cadeirydd)" if attendance.proxies_to_chair else ""
    chair_en = f" ({attendance.proxies_to_chair} to the chair)" if attendance.proxies_to_chair else ""
    cancelled_cy = f"; canslwyd {attendance.proxies_cancelled}" if attendance.proxies_cancelled else ""
    cancelled_en = f"; {attendance.proxies_cancelled} cancelled" if attendance.proxies_cancelled else ""
    return (
        f"Aelodau a gofrestrodd yn bresennol: {attendance.attended}. Dirprwyon a benodwyd: "
        f"{attendance.proxies_appointed}{chair_cy}{cancelled_cy}.",
        f"Members who checked in: {attendance.attended}. Proxies appointed: "
        f"{attendance.proxies_appointed}{chair_en}{cancelled_en}.",
    )


def quorum_at_open_words(attendance: Attendance, item: int) -> tuple[str, str] | None:
    """The quorum when the item's vote opened, or None for an item whose vote never opened (a show of hands)."""
    if item not in attendance.quorum_at_open:
        return None
    figures = attendance.quorum_at_open[item]
    if figures is None:
        return (
            "Agorwyd y bleidlais; nid yw'r cofnod yn dal ffigurau'r cworwm ar y pryd.",
            "Voting opened; the record does not hold the quorum figures at that moment.",
        )
    met_cy = "roedd cworwm" if figures.get("met") else "NID OEDD CWORWM"
    met_en = "quorate" if figures.get("met") else "NOT QUORATE"
    return (
        f"Pan agorodd y bleidlais: {figures.get('present')} yn bresennol ({figures.get('in_person')} yn bersonol, "
        f"{figures.get('by_proxy')} drwy ddirprwy); angen {figures.get('required')}: {met_cy}.",
        f"When voting opened: {figures.get('present')} present ({figures.get('in_person')} in person, "
        f"{figures.get('by_proxy')} by proxy); {figures.get('required')} needed: {met_en}.",
    )
