"""Opening and closing votes, and recording the papers that come back.

A paper is counted once: the database's unique (item, serial) constraint decides, not the app, so two
teller stations scanning the same paper at the same moment still count it once. Every rejection says
why in plain words, in Welsh and English.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from coopvote.ballots.qrcodec import QrRejected, Reason, decode, reason_message
from coopvote.errors import RuleError
from coopvote.record.ledger import PAPER_KEY, WITHDRAWN_KEY, PaperContent, paper_details
from coopvote.record.models import AgendaItem, BallotPaper, Meeting, MembershipClass, RecordedBallot
from coopvote.record.types import utcnow
from coopvote.service.papers import PapersMixin
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


class VotingMixin(PapersMixin):
    # -- opening and closing ---------------------------------------------------------------------

    def open_vote(self, item_number: int) -> None:
        with self.action("vote opened", item=item_number) as (session, _act):
            item = self._item_row(session, item_number)
            if item.status == "open":
                raise RuleError(f"voting on item {item_number} is already open")
            if item.status in {"closed", "declared"}:
                raise RuleError(f"item {item_number} is {item.status}; a closed vote cannot be reopened")
            item.status = "open"
            item.opened_at = utcnow()

    def close_vote(self, item_number: int) -> str:
        """Close the vote and return its close code: the head of the audit chain, for people to write down."""
        with self.action("vote closed", item=item_number) as (session, act):
            item = self._item_row(session, item_number)
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
        from coopvote.service.integrity import close_code

        with self.reading() as session:
            code = close_code(session, self.meeting_id, item_number)
        self._after_close(item_number)
        return code

    def _after_close(self, item_number: int) -> None:
        """Called after a vote closes; ``MeetingService.open`` points it at a backup of the file."""

    # -- identifying a paper ---------------------------------------------------------------------

    def identify(self, qr_text: str) -> IdentifiedPaper | ScanOutcome:
        """Check a scanned code against the meeting without recording anything."""
        with self.reading() as session:
            return self._identify(session, qr_text)

    def _identify(self, session: Session, qr_text: str) -> IdentifiedPaper | ScanOutcome:
        meeting = session.get(Meeting, self.meeting_id)
        assert meeting is not None
        try:
            code = decode(qr_text, meeting.secret, meeting.code)
        except QrRejected as rejected:
            return rejection(rejected.reason, **dict(rejected.fields))
        item = session.scalar(
            select(AgendaItem).where(AgendaItem.meeting_id == meeting.id, AgendaItem.number == code.item)
        )
        if item is None:
            return rejection(Reason.WRONG_ITEM, item=code.item, expected="(none: no such item)")
        extra: dict[str, Any] = {"item": item.number, "serial": code.serial, "class_code": code.class_code}
        if item.status in {"closed", "declared"}:
            return rejection(Reason.VOTE_CLOSED, **extra)
        if item.status != "open":
            return rejection(Reason.VOTE_NOT_OPEN, **extra)
        paper = session.execute(
            select(BallotPaper, MembershipClass.code)
            .join(MembershipClass, MembershipClass.id == BallotPaper.class_id)
            .where(BallotPaper.item_id == item.id, BallotPaper.serial == code.serial)
        ).first()
        if paper is None or paper[1].upper() != code.class_code.upper():
            return rejection(Reason.SERIAL_NOT_ISSUED, **extra)
        if paper[0].voided_at is not None:
            return rejection(Reason.SPOILT if "spoil" in paper[0].void_reason.lower() else Reason.VOIDED, **extra)
        first = session.execute(
            select(RecordedBallot.recorded_at, RecordedBallot.station).where(
                RecordedBallot.item_id == item.id, RecordedBallot.serial == code.serial
            )
        ).first()
        if first is not None:
            return _already_counted(first.recorded_at, first.station, extra)
        return IdentifiedPaper(
            item=item.number,
            class_code=paper[1],
            serial=code.serial,
            option=None if code.option is None else code.option + 1,
            kind=item.kind,
            method=item.method,
            candidates=len(item.candidates),
            max_marks=item.max_marks,
            item_id=item.id,
            class_id=paper[0].class_id,
        )

    # -- recording -------------------------------------------------------------------------------

    def record_paper(self, qr_text: str, marks: Sequence[int] | None = None, *, source: str = "keyed") -> ScanOutcome:
        """Record one returned paper: a vote slip (marks come from its code) or a paper with keyed marks.

        Rejections are recorded in the audit log but change nothing else, so a double scan is harmless.
        """
        try:
            with self.action("paper recorded", source=source) as (session, act):
                found = self._identify(session, qr_text)
                if isinstance(found, ScanOutcome):
                    act.name = "paper refused"
                    act.details.update(reason=found.reason, item=found.item, serial=found.serial)
                    return found
                chosen = [found.option] if found.option is not None else list(marks or [])
                problem = check_marks(found, chosen)
                if problem:
                    act.name = "paper refused"
                    act.details.update(reason="bad-marks", item=found.item, serial=found.serial)
                    return bad_marks(problem, found.item, found.serial)
                session.add(
                    RecordedBallot(
                        item_id=found.item_id,
                        class_id=found.class_id,
                        serial=found.serial,
                        source="slip" if found.option is not None else source,
                        marks=chosen,
                        station=self.station,
                    )
                )
                session.flush()
                content = PaperContent(found.class_code, True, "", tuple(chosen))
                act.details.update(item=found.item, serial=found.serial, class_code=found.class_code)
                act.details[PAPER_KEY] = paper_details(found.item, found.serial, content)
        except IntegrityError:
            # Another station counted it between our check and our write: the constraint decided.
            with self.reading() as session:
                again = self._identify(session, qr_text)
            if isinstance(again, ScanOutcome):
                # The losing station's transaction was rolled back with its audit entry: log the refusal
                # on its own, as every other refusal is logged.
                with self.action(
                    "paper refused", source=source, reason=again.reason, item=again.item, serial=again.serial
                ):
                    pass
                return again
            raise
        return ScanOutcome(
            True,
            f"Counted: item {found.item}, {found.class_code}, serial {found.serial}.",
            f"Wedi'i gyfrif: eitem {found.item}, {found.class_code}, rhif {found.serial}.",
            item=found.item,
            class_code=found.class_code,
            serial=found.serial,
            marks=tuple(chosen),
        )

    def undo_last(self, reason: str) -> ScanOutcome:
        """Take back this station's most recent recorded paper, with a reason, so it can be scanned again."""
        if not reason.strip():
            raise RuleError("say why the last scan is being undone")
        with self.action("scan undone", reason=reason.strip()) as (session, act):
            last = session.scalar(
                select(RecordedBallot)
                .join(AgendaItem)
                .where(
                    AgendaItem.meeting_id == self.meeting_id,
                    AgendaItem.status == "open",
                    RecordedBallot.station == self.station,
                )
                .order_by(RecordedBallot.id.desc())
                .limit(1)
            )
            if last is None:
                raise RuleError("this station has no scan on an open vote to undo")
            item = session.get(AgendaItem, last.item_id)
            assert item is not None
            act.details.update(item=item.number, serial=last.serial, marks=list(last.marks))
            act.details[WITHDRAWN_KEY] = {"item": item.number, "serial": last.serial}
            session.delete(last)
            return ScanOutcome(
                True,
                f"Undone: item {item.number}, serial {last.serial}. Scan it again if needed.",
                f"Wedi'i ddadwneud: eitem {item.number}, rhif {last.serial}.",
                item=item.number,
                serial=last.serial,
            )


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


def _already_counted(at: Any, station: str, extra: dict[str, Any]) -> ScanOutcome:
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
