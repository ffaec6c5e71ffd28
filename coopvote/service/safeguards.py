"""Safeguards at the moment of action: the chair's recorded decisions, and the checks that ask for them.

A volunteer under pressure will close a vote with sheets still waiting for a teller, declare a result
whose papers do not add up, open a vote in a room that is not quorate, or feed two slips torn from one
sheet. The roles refuse, or ask the chair for a reason that is kept with the item (``settings
["decisions"]``, so it travels in the archive and prints on the declaration) and in the audit entry of
the action that needed it. Nothing here names a member: a decision is about an item, never a paper's
holder.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coopvote.ballots.qrcodec import decode
from coopvote.errors import RuleError
from coopvote.messages import Message, message
from coopvote.record.ledger import CHANGED_KEY, PaperContent, paper_details
from coopvote.record.models import AgendaItem, Meeting, PendingSheet, RecordedBallot
from coopvote.record.types import utcnow
from coopvote.service.queries import class_code_of, item_row
from coopvote.service.views import ScanOutcome

OPENED_NOT_QUORATE = "opened-not-quorate"
REOPENED = "reopened"
RECONCILIATION_ACCEPTED = "reconciliation-accepted"

TOO_MANY_VOTES = "too-many-votes"


class ReasonRequired(RuleError):
    """Refused until the chair records a reason: the app asks for one, the command line names its flag.

    ``decision`` is the kind the reason would be recorded as (``OPENED_NOT_QUORATE``,
    ``RECONCILIATION_ACCEPTED``), so a caller can ask the right question without reading the words.
    """

    def __init__(self, key: str, decision: str, /, **params: Any) -> None:
        # ``decision`` is positional so every keyword is one of the message's fields (tests/test_messages.py).
        super().__init__(key, **params)
        self.decision = decision


def required_reason(reason: str | None, what: Message) -> str:
    """The chair's reason, stripped; a clear refusal when it is missing or blank (``what``: the decision)."""
    cleaned = (reason or "").strip()
    if not cleaned:
        raise RuleError("safeguards.reason_required", what=what)
    return cleaned


def record_decision(item: AgendaItem, kind: str, reason: str, by: str, **facts: Any) -> dict[str, Any]:
    """Keep the chair's decision with the item, where the archive and the declaration find it."""
    decision = {"kind": kind, "reason": reason, "by": by, "at": utcnow().isoformat(timespec="seconds"), **facts}
    settings = dict(item.settings)
    settings["decisions"] = [*list(settings.get("decisions") or []), decision]
    item.settings = settings
    return decision


def decisions_of(settings: dict[str, Any]) -> list[dict[str, Any]]:
    """The chair's recorded decisions on an item, oldest first."""
    found = settings.get("decisions") or []
    return [dict(d) for d in found if isinstance(d, dict)]


def pending_sheet_ids(session: Session, item_id: int) -> list[int]:
    """Scanned sheets of this item still waiting for a teller's decision."""
    return list(
        session.scalars(
            select(PendingSheet.id)
            .where(PendingSheet.item_id == item_id, PendingSheet.state == "pending")
            .order_by(PendingSheet.id)
        )
    )


def refuse_close_with_pending(item_number: int, sheets: list[int]) -> RuleError:
    listed = ", ".join(str(s) for s in sheets[:10]) + (" ..." if len(sheets) > 10 else "")
    return RuleError("safeguards.close_with_pending", item=item_number, count=len(sheets), sheets=listed)


def second_slip(session: Session, meeting_id: int, qr_text: str) -> tuple[ScanOutcome, dict[str, Any]] | None:
    """A slip whose serial was counted already: a different choice from the same sheet rejects both."""
    meeting = session.get(Meeting, meeting_id)
    assert meeting is not None
    code = decode(qr_text, meeting.secret, meeting.code)
    if code.option is None:
        return None
    item = item_row(session, meeting_id, code.item)
    return reject_contradictory_slip(session, item, code.serial, code.option + 1)


def reject_contradictory_slip(
    session: Session, item: AgendaItem, serial: int, option: int
) -> tuple[ScanOutcome, dict[str, Any]] | None:
    """Two slips from one sheet with different choices: both are rejected as more than one vote.

    Slips torn from one sheet share its serial, so the first slip in the box was counted; the second
    must not be refused as "already counted" (scan order would then decide the vote). The first is
    taken back out of the tally, marked rejected as too many votes, and the second is refused. The same
    choice twice is one vote and stays "already counted" (returns None).
    """
    first = session.scalar(select(RecordedBallot).where(RecordedBallot.item_id == item.id, RecordedBallot.serial == serial))
    if first is None or first.source != "slip":
        return None
    if first.valid and list(first.marks) == [option]:
        return None
    details: dict[str, Any] = {"item": item.number, "serial": serial, "reason": TOO_MANY_VOTES}
    if first.valid:
        details["options"] = [*list(first.marks), option]
        first.valid = False
        first.reject_reason = TOO_MANY_VOTES
        first.marks = []
        # The chain carries the first slip's new content, so a replay gives the paper as it now stands.
        details[CHANGED_KEY] = paper_details(
            item.number, serial, PaperContent(class_code_of(session, first.class_id), False, TOO_MANY_VOTES, ())
        )
        words = message("safeguards.contradictory_slips", serial=serial, item=item.number)
    elif first.reject_reason == TOO_MANY_VOTES:
        words = message("safeguards.already_rejected_too_many", serial=serial, item=item.number)
    else:
        return None
    outcome = ScanOutcome.worded(False, words, reason=TOO_MANY_VOTES, item=item.number, serial=serial)
    return outcome, details
