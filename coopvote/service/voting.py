"""Opening and closing votes (the chair's ``VotingRole``), and the checks and words for a returned paper.

The tellers' role (``service/tellers.py``) records the papers with these checks. A paper is counted once: the database's unique (item, serial) constraint decides, not the app, so two
teller stations scanning the same paper at the same moment still count it once. Every rejection says
why in plain words, in Welsh and English.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from coopvote.ballots.qrcodec import BallotCode, QrRejected, Reason, decode
from coopvote.ballots.texts import reason_message
from coopvote.errors import RuleError
from coopvote.messages import Bilingual, Language, Message, message, render_value
from coopvote.record.audit import BALLOT_CHAIN, chain_heads
from coopvote.record.models import AgendaItem, Meeting, RecordedBallot
from coopvote.record.types import utcnow
from coopvote.service.base import MeetingRecord, Role
from coopvote.service.queries import freeze_register, item_row
from coopvote.service.safeguards import (
    OPENED_NOT_QUORATE,
    REOPENED,
    ReasonRequired,
    pending_sheet_ids,
    record_decision,
    refuse_close_with_pending,
    required_reason,
)
from coopvote.service.sealing import close_seal
from coopvote.service.views import ScanOutcome
from coopvote.service.wording import item_status

if TYPE_CHECKING:
    from coopvote.meeting.quorum import QuorumStatus

RESOLUTION_OPTIONS = (1, 2, 3)  # For, Against, Abstain

def rejection(reason: Reason, *, item: int | None = None, serial: int | None = None, **fields: Any) -> ScanOutcome:
    """A refusal in the shared words of ``coopvote.ballots.qrcodec.Reason``, in both languages.

    A field that is a ``Message`` or ``Bilingual`` goes into each language's sentence in that language."""
    fields = {"item": item, "serial": serial, **fields}

    def worded(language: Language) -> dict[str, Any]:
        return {name: render_value(value, language) if isinstance(value, Message | Bilingual) else value
                for name, value in fields.items()}

    return ScanOutcome(
        False,
        reason_message(reason, "en", **worded("en")),
        reason_message(reason, "cy", **worded("cy")),
        reason=reason.value,
        item=item,
        serial=serial,
        class_code=fields.get("class_code"),
    )

def locate_paper(
    session: Session, meeting_id: int, qr_text: str
) -> tuple[BallotCode, AgendaItem, dict[str, Any]] | ScanOutcome:
    """A scanned code unsealed and matched to its agenda item, or the refusal a teller is shown.

    The room's tellers and the advance door read papers the same way up to here; what each then
    accepts (an open vote, an advance batch) is theirs to decide. The dict names the paper for refusals.
    """
    meeting = session.get(Meeting, meeting_id)
    assert meeting is not None
    try:
        code = decode(qr_text, meeting.secret, meeting.code)
    except QrRejected as rejected:
        return rejection(rejected.reason, **dict(rejected.fields))
    item = session.scalar(select(AgendaItem).where(AgendaItem.meeting_id == meeting.id, AgendaItem.number == code.item))
    if item is None:
        return rejection(Reason.WRONG_ITEM, item=code.item, expected=message("voting.no_such_item"))
    return code, item, {"item": item.number, "serial": code.serial, "class_code": code.class_code}



def bad_marks(problem: Message, item: int, serial: int) -> ScanOutcome:
    """Keyed marks refused; ``problem`` is what ``marks_problem`` found, put in each language's sentence."""
    return ScanOutcome.worded(False, message("voting.bad_marks", detail=problem), reason="bad-marks", item=item,
                              serial=serial)


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
    band: Fraction | None = None
    """The vote value the paper carries (its value band), checked against the batch it was printed in."""


class VotingRole(Role):
    """The chair's poll: opening and closing each item's vote (and a backup copy as each vote closes)."""

    def __init__(
        self,
        record: MeetingRecord,
        *,
        after_close: Callable[[int], None] | None = None,
        quorum: Callable[[], QuorumStatus] | None = None,
    ) -> None:
        super().__init__(record)
        self.after_close = after_close
        self.quorum = quorum
        """The desk's live quorum, asked before a vote opens (None, in tests and tools, skips the question); its
        figures go into each "vote opened" entry, so the minutes can say how many were present, by proxy, and
        whether the meeting was quorate when each vote opened."""

    # -- opening and closing ---------------------------------------------------------------------

    def open_vote(self, item_number: int, *, not_quorate_reason: str | None = None, by: str = "") -> None:
        """Open an item's vote; while the meeting is not quorate, only with the chair's recorded reason.

        ``by`` names the chair deciding, kept with the decision (the audit entry names the station's actor).
        """
        quorum = self.quorum() if self.quorum is not None else None
        not_quorate = quorum is not None and not quorum.met
        details: dict[str, Any] = {"item": item_number}
        if quorum is not None:  # the minutes say how many were present, and by proxy, when each vote opened
            details["quorum"] = {
                "met": bool(quorum.met), "required": int(quorum.required), "present": int(quorum.present),
                "in_person": int(quorum.in_person), "by_proxy": int(quorum.by_proxy), "members": int(quorum.members),
            }
        with self.action("vote opened", **details) as (session, act):
            item = item_row(session, self.meeting_id, item_number)
            if item.status == "open":
                raise RuleError("voting.already_open", item=item_number)
            if item.status == "declared":
                raise RuleError("voting.declared_cannot_open", item=item_number)
            if item.status == "closed":
                raise RuleError("voting.closed_reopen_instead", item=item_number)
            if quorum is not None and not_quorate and not (not_quorate_reason or "").strip():
                explanation = Bilingual(cy=quorum.explanation_cy.strip(), en=quorum.explanation_en.strip())
                raise ReasonRequired("voting.not_quorate", OPENED_NOT_QUORATE, item=item_number,
                                     explanation=explanation)
            if not_quorate and quorum is not None:
                reason = required_reason(not_quorate_reason, message("voting.opening_not_quorate", item=item_number))
                record_decision(
                    item, OPENED_NOT_QUORATE, reason, by.strip(),
                    present=quorum.present, required=quorum.required,
                )  # fmt: skip
                act.details.update(not_quorate=True, present=quorum.present, required=quorum.required, reason=reason)
            item.status = "open"
            item.opened_at = utcnow()

    def close_vote(self, item_number: int) -> str:
        """Close the vote and return its close code, for people to write down.

        The code is the start of the hash of this 'vote closed' entry, on the desk chain; the entry names
        the head of the ballot chain at that moment, so the one code commits to both chains: every check-in
        and proxy, and every paper with its marks. It also carries digests of the item's papers as
        published (``service/sealing.py``), so the code can be checked against the public archive, which
        has no audit log (docs/records.md).

        Refused while any of the item's scanned sheets waits for adjudication.
        """
        with self.action("vote closed", item=item_number) as (session, act):
            item = item_row(session, self.meeting_id, item_number)
            if item.status != "open":
                raise RuleError("voting.not_open", item=item_number, status=item_status(item.status))
            waiting = pending_sheet_ids(session, item.id)
            if waiting:
                raise refuse_close_with_pending(item_number, waiting)
            item.status = "closed"
            item.closed_at = utcnow()
            # Draw, once and on the record, the seed any lot in this item's count will use, so the
            # count can be replayed exactly by anyone holding the exported record.
            settings = dict(item.settings)
            settings.setdefault("seed", secrets.randbelow(10**9))
            item.settings = settings
            act.details["seed"] = settings["seed"]
            register = freeze_register(session, item)
            if register is not None:
                act.details["register_members"] = register
            act.details["papers_recorded"] = len(
                session.scalars(select(RecordedBallot.id).where(RecordedBallot.item_id == item.id)).all()
            )
            ballot_head = chain_heads(session, self.meeting_id)[BALLOT_CHAIN]
            act.details["ballot_head"] = {"sequence": ballot_head.sequence, "hash": ballot_head.entry_hash}
            # Digests of the papers as published, so the code can be checked against the public archive too.
            act.details.update(close_seal(session, item))
        self._after_close(item_number)
        from coopvote.service.integrity import close_code

        with self.reading() as session:
            return close_code(session, self.meeting_id, item_number)

    def waiting_sheets(self, item_number: int) -> list[int]:
        """The item's scanned sheets still waiting for adjudication: the chair is told before closing."""
        with self.reading() as session:
            return pending_sheet_ids(session, item_row(session, self.meeting_id, item_number).id)

    def reopen_vote(self, item_number: int, reason: str, *, by: str = "") -> None:
        """Reopen a closed, undeclared vote (a box found late, a sheet to decide), with the chair's reason.

        The lot seed drawn at the first close is kept, so a count stays replayable; the decision is kept
        with the item and printed on its declaration.
        """
        cleaned = required_reason(reason, message("voting.reopening", item=item_number))
        with self.action("vote reopened", item=item_number, reason=cleaned) as (session, _act):
            item = item_row(session, self.meeting_id, item_number)
            if item.status == "declared":
                raise RuleError("voting.declared_cannot_reopen", item=item_number)
            if item.status != "closed":
                raise RuleError("voting.not_closed_cannot_reopen", item=item_number, status=item_status(item.status))
            record_decision(item, REOPENED, cleaned, by.strip())
            item.status = "open"
            item.closed_at = None

    def _after_close(self, item_number: int) -> None:
        """Called after a vote closes; ``MeetingService.open`` points it at a backup of the file."""
        if self.after_close is not None:
            self.after_close(item_number)


def marks_problem(paper: IdentifiedPaper, marks: Sequence[int]) -> Message | None:
    """Why these marks cannot be recorded, or None when they can."""
    if paper.kind == "resolution":
        if len(marks) != 1 or marks[0] not in RESOLUTION_OPTIONS:
            return message("voting.marks_one_choice")
        return None
    if any(not 1 <= m <= paper.candidates for m in marks):
        return message("voting.marks_out_of_range", candidates=paper.candidates)
    if len(set(marks)) != len(marks):
        return message("voting.marks_candidate_twice")
    if not marks:
        return message("voting.marks_none")
    from coopvote.counting.rules import RANKED_METHODS

    if paper.method not in RANKED_METHODS and paper.max_marks and len(marks) > paper.max_marks:
        return message("voting.marks_too_many", most=paper.max_marks)
    return None


def already_counted(at: Any, station: str, extra: dict[str, Any]) -> ScanOutcome:
    when = at.astimezone().strftime("%H:%M") if at is not None else "?"
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
