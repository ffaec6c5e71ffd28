"""Opening and closing votes (the chair's ``VotingRole``), and the checks and words for a returned paper.

The tellers' role (``service/tellers.py``) records the papers with these checks. A paper is counted once: the database's unique (item, serial) constraint decides, not the app, so two
teller stations scanning the same paper at the same moment still count it once. Every rejection says
why in plain words, in Welsh and English.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from coopvote.ballots.qrcodec import Reason, reason_message
from coopvote.errors import RuleError
from coopvote.record.models import RecordedBallot
from coopvote.record.types import utcnow
from coopvote.service.base import MeetingRecord, Role
from coopvote.service.queries import item_row
from coopvote.service.views import ScanOutcome

RESOLUTION_OPTIONS = (1, 2, 3)  # For, Against, Abstain

BAD_MARKS = (
    "The marks keyed in cannot be recorded: {detail}.",
    "Ni ellir cofnodi'r marciau a roddwyd: {detail}.",
)


def rejection(reason: Reason, *, item: int | None = None, serial: int | None = None, **fields: Any) -> ScanOutcome:
    """A refusal in the shared words of ``coopvote.ballots.qrcodec.Reason``, in both languages."""
    fields = {"item": item, "serial": serial, **fields}
    return ScanOutcome(
        False,
        reason_message(reason, "en", **fields),
        reason_message(reason, "cy", **fields),
        reason=reason.value,
        item=item,
        serial=serial,
        class_code=fields.get("class_code"),
    )


def bad_marks(problem: str, item: int, serial: int) -> ScanOutcome:
    english, welsh = BAD_MARKS
    return ScanOutcome(
        False, english.format(detail=problem), welsh.format(detail=problem), reason="bad-marks", item=item, serial=serial
    )


@dataclass(frozen=True)
class IdentifiedPaper:
    item: int
    class_code: str
    serial: int
    option: int | None
    kind: str
    method: str
    candidates: int
    max_marks: int
    item_id: int = 0
    class_id: int = 0


class VotingRole(Role):
    """The chair's poll: opening and closing each item's vote (and a backup copy as each vote closes)."""

    def __init__(
        self,
        record: MeetingRecord,
        *,
        after_close: Callable[[int], None] | None = None,
        quorum: Callable[[], Any] | None = None,
    ) -> None:
        super().__init__(record)
        self.after_close = after_close
        self.quorum = quorum
        """The desk's quorum reading: its figures go into each "vote opened" entry, so the minutes can say
        how many were present, by proxy, and whether the meeting was quorate when each vote opened."""

    # -- opening and closing ---------------------------------------------------------------------

    def open_vote(self, item_number: int) -> None:
        details: dict[str, Any] = {"item": item_number}
        if self.quorum is not None:
            status = self.quorum()
            details["quorum"] = {
                "met": bool(status.met), "required": int(status.required), "present": int(status.present),
                "in_person": int(status.in_person), "by_proxy": int(status.by_proxy), "members": int(status.members),
            }
        with self.action("vote opened", **details) as (session, _act):
            item = item_row(session, self.meeting_id, item_number)
            if item.status == "open":
                raise RuleError(f"voting on item {item_number} is already open")
            if item.status in {"closed", "declared"}:
                raise RuleError(f"item {item_number} is {item.status}; a closed vote cannot be reopened")
            item.status = "open"
            item.opened_at = utcnow()

    def close_vote(self, item_number: int) -> None:
        with self.action("vote closed", item=item_number) as (session, act):
            item = item_row(session, self.meeting_id, item_number)
            if item.status != "open":
                raise RuleError(f"voting on item {item_number} is not open (it is {item.status})")
            item.status = "closed"
            item.closed_at = utcnow()
            # Draw, once and on the record, the seed any lot in this item's count will use, so the
            # count can be replayed exactly by anyone holding the exported record.
            settings = dict(item.settings)
            settings.setdefault("seed", secrets.randbelow(10**9))
            item.settings = settings
            act.details["seed"] = settings["seed"]
            act.details["papers_recorded"] = len(
                session.scalars(select(RecordedBallot.id).where(RecordedBallot.item_id == item.id)).all()
            )
        self._after_close(item_number)

    def _after_close(self, item_number: int) -> None:
        """Called after a vote closes; ``MeetingService.open`` points it at a backup of the file."""
        if self.after_close is not None:
            self.after_close(item_number)


def check_marks(paper: IdentifiedPaper, marks: Sequence[int]) -> str:
    """Why these marks cannot be recorded as they are, or '' when they can."""
    if paper.kind == "resolution":
        if len(marks) != 1 or marks[0] not in RESOLUTION_OPTIONS:
            return "a resolution takes one choice: 1 For, 2 Against, 3 Abstain"
        return ""
    if any(not 1 <= m <= paper.candidates for m in marks):
        return f"candidates are numbered 1 to {paper.candidates}"
    if len(set(marks)) != len(marks):
        return "a candidate is marked twice"
    if not marks:
        return "no candidate marked"
    from coopvote.counting.rules import RANKED_METHODS

    if paper.method not in RANKED_METHODS and paper.max_marks and len(marks) > paper.max_marks:
        return f"at most {paper.max_marks} mark(s) allowed"
    return ""


def already_counted(at: Any, station: str, extra: dict[str, Any]) -> ScanOutcome:
    when = at.astimezone().strftime("%H:%M:%S") if at is not None else "?"
    outcome = rejection(Reason.ALREADY_COUNTED, when=when, where=station or "?", **extra)
    return ScanOutcome(
        outcome.accepted,
        outcome.message_en,
        outcome.message_cy,
        reason=outcome.reason,
        item=outcome.item,
        class_code=outcome.class_code,
        serial=outcome.serial,
        first_counted_at=at,
        first_counted_station=station,
    )
