"""Which advance paper a scanned code names, as the advance door reads it: shared by that door and the
tellers' adjudication queue, so a doubtful advance sheet is decided under the same rules as a clear one.

An advance paper counts only through an opened envelope: no more advance papers of an item and class may
be recorded (or wait in the queue) than envelopes carrying that item were opened. A queued sheet keeps no
time, and its number counts up with every sheet the tellers set aside, room or advance, in the order the
mixed pile was read (docs/records.md): nothing in it points back to an envelope.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coopvote.ballots.qrcodec import Reason
from coopvote.errors import RuleError
from coopvote.messages import message
from coopvote.record.models import (
    AgendaItem,
    BallotPaper,
    MembershipClass,
    PaperBatch,
    PendingSheet,
    RecordedBallot,
)
from coopvote.service.advance_bands import band_full
from coopvote.service.advance_rules import advance_papers_read, envelopes_opened
from coopvote.service.views import ScanOutcome
from coopvote.service.voting import IdentifiedPaper, already_counted, locate_paper, rejection

ADVANCE_SHEET_STATUSES = frozenset({"pending", "open"})
"""An advance sheet is decided before the vote opens or while it is open; a closed vote is sealed."""


def advance_sheets_waiting(session: Session, item_id: int, class_id: int, *, besides: int | None = None) -> int:
    """Advance sheets of this item and class waiting in the adjudication queue (other than sheet ``besides``)."""
    query = (
        select(func.count())
        .select_from(PendingSheet)
        .join(BallotPaper, (BallotPaper.item_id == PendingSheet.item_id) & (BallotPaper.serial == PendingSheet.serial))
        .join(PaperBatch, PaperBatch.id == BallotPaper.batch_id)
        .where(
            PendingSheet.item_id == item_id, PendingSheet.class_id == class_id, PendingSheet.state == "pending",
            PaperBatch.kind == "advance",
        )  # fmt: skip
    )
    if besides is not None:
        query = query.where(PendingSheet.id != besides)
    return int(session.scalar(query) or 0)


def is_advance_serial(session: Session, item_id: int, serial: int) -> bool:
    """Whether this serial of the item was printed for an advance pack."""
    kind = session.scalar(
        select(PaperBatch.kind)
        .join(BallotPaper, BallotPaper.batch_id == PaperBatch.id)
        .where(BallotPaper.item_id == item_id, BallotPaper.serial == serial)
    )
    return kind == "advance"


def identify_advance_paper(
    session: Session, meeting_id: int, qr_text: str, *, deciding_sheet: int | None = None
) -> IdentifiedPaper | ScanOutcome:
    """The advance paper a code names, or why the advance door refuses it.

    ``deciding_sheet`` is the queued sheet being adjudicated: it is not counted among the sheets waiting.
    """
    located = locate_paper(session, meeting_id, qr_text)
    if isinstance(located, ScanOutcome):
        return located
    code, item, extra = located
    if item.status not in ADVANCE_SHEET_STATUSES:  # a paper after the close would change what the close sealed
        return rejection(Reason.VOTE_CLOSED, **extra)
    paper = session.execute(
        select(BallotPaper, MembershipClass.code, PaperBatch.kind)
        .join(MembershipClass, MembershipClass.id == BallotPaper.class_id)
        .join(PaperBatch, PaperBatch.id == BallotPaper.batch_id)
        .where(BallotPaper.item_id == item.id, BallotPaper.serial == code.serial)
    ).first()
    if paper is None or paper[1].upper() != code.class_code.upper() or paper[2] != "advance":
        return rejection(Reason.SERIAL_NOT_ISSUED, **extra)
    if paper[0].voided_at is not None:
        return rejection(Reason.VOIDED, **extra)
    first_station = session.scalar(
        select(RecordedBallot.station).where(RecordedBallot.item_id == item.id, RecordedBallot.serial == code.serial)
    )
    if first_station is not None:
        # A recorded paper keeps no time of its own (docs/records.md), and advance papers have no vote window.
        return already_counted(None, first_station, extra)
    class_id = paper[0].class_id
    taken = advance_papers_read(session, item, class_id) + advance_sheets_waiting(
        session, item.id, class_id, besides=deciding_sheet
    )
    if taken >= envelopes_opened(session, meeting_id, item, class_id):
        return ScanOutcome.worded(
            False, message("advance.every_envelope_counted", item=item.number, code=paper[1]),
            reason="no-opened-envelope", item=item.number, class_code=paper[1], serial=code.serial,
        )  # fmt: skip
    refused = band_full(session, meeting_id, item, paper[0], paper[1], code.serial)  # per_member: per band
    if refused is not None:
        return refused
    return IdentifiedPaper(
        item=item.number, class_code=paper[1], serial=code.serial, option=None, kind=item.kind,
        method=item.method, candidates=len(item.candidates), max_marks=item.max_marks, item_id=item.id,
        class_id=class_id,
    )  # fmt: skip


def check_advance_sheet_decidable(item: AgendaItem) -> None:
    """Refuse to decide an advance sheet once its vote has closed: the close sealed the item's papers."""
    if item.status not in ADVANCE_SHEET_STATUSES:
        raise RuleError("advance.sheet_after_close", item=item.number)
