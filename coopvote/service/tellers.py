"""The tellers: recording returned papers (keyed, scanned or read from sheets) and the adjudication queue.

A sheet the reader is sure of is recorded like any other paper; anything doubtful is kept, with its
picture, in a queue for a teller to decide, and a sheet nobody can read is kept too: nothing scanned
is ever dropped. Adjudication follows UK count practice: accept the voter's clear intention, or reject
the paper for a stated reason, and the declaration shows rejected papers by reason.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from coopvote.ballots.layout import PaperForm
from coopvote.ballots.qrcodec import BallotCode, QrRejected, Reason, decode
from coopvote.ballots.texts import REJECTION_REASONS
from coopvote.errors import RuleError
from coopvote.messages import Bilingual, Message, message
from coopvote.record.ledger import PAPER_KEY, WITHDRAWN_KEY, PaperContent, paper_details
from coopvote.record.models import (
    AgendaItem,
    BallotPaper,
    Meeting,
    MembershipClass,
    PaperBatch,
    PendingSheet,
    RecordedBallot,
)
from coopvote.service.advance_papers import (
    check_advance_sheet_decidable,
    identify_advance_paper,
    is_advance_serial,
)
from coopvote.service.base import MeetingRecord, Role
from coopvote.service.papers import ballot_item_for
from coopvote.service.queries import class_code_of, class_row, item_row
from coopvote.service.safeguards import TOO_MANY_VOTES, second_slip
from coopvote.service.setup import SetupRole
from coopvote.service.sources import advance_paper
from coopvote.service.views import ScanOutcome
from coopvote.service.voting import (
    IdentifiedPaper,
    already_counted,
    bad_marks,
    locate_paper,
    marks_problem,
    rejection,
)
from coopvote.service.wording import item_status

if TYPE_CHECKING:
    from coopvote.ballots.omr_layout import PaperQuestion



@dataclass
class ScanSummary:
    """What a batch of scanned files came to, for the progress bar's last line and the CLI."""

    pages: int = 0
    accepted: int = 0
    queued: int = 0
    refused: Counter[str] = field(default_factory=Counter)
    outcomes: list[ScanOutcome] = field(default_factory=list)
    cancelled: bool = False


@dataclass(frozen=True)
class PendingView:
    id: int
    item: int | None
    class_code: str | None
    serial: int | None
    source_name: str
    reasons: tuple[str, ...]
    reading: dict[str, Any]
    image_png: bytes | None
    state: str
    advance: bool = False
    """An advance paper (from an opened envelope): accepted, it is recorded with the source "advance"."""


class TellersRole(Role):
    """The tellers: recording returned papers (keyed, scanned or read from sheets), undo, adjudication.

    They read the meeting through set-up and cannot open, close or declare a vote.
    """

    def __init__(self, record: MeetingRecord, setup: SetupRole) -> None:
        super().__init__(record)
        self.setup = setup

    # -- identifying a paper ---------------------------------------------------------------------

    def identify(self, qr_text: str) -> IdentifiedPaper | ScanOutcome:
        """Check a scanned code against the meeting without recording anything."""
        with self.reading() as session:
            return self._identify(session, qr_text)

    def _identify(self, session: Session, qr_text: str) -> IdentifiedPaper | ScanOutcome:
        located = locate_paper(session, self.meeting_id, qr_text)
        if isinstance(located, ScanOutcome):
            return located
        code, item, extra = located
        if item.status in {"closed", "declared"}:
            return rejection(Reason.VOTE_CLOSED, **extra)
        if item.status != "open":
            return rejection(Reason.VOTE_NOT_OPEN, **extra)
        paper = session.execute(
            select(BallotPaper, MembershipClass.code, PaperBatch.band_value)
            .join(MembershipClass, MembershipClass.id == BallotPaper.class_id)
            .join(PaperBatch, PaperBatch.id == BallotPaper.batch_id)
            .where(BallotPaper.item_id == item.id, BallotPaper.serial == code.serial)
        ).first()
        if paper is None or paper[1].upper() != code.class_code.upper() or paper[2] != code.band:
            # A band that differs from its batch's is a forged or foreign paper, refused like a wrong class.
            return rejection(Reason.SERIAL_NOT_ISSUED, **extra)
        if advance_paper(session, paper[0].batch_id):
            return ScanOutcome.worded(False, message("tellers.advance_paper"), reason="advance-paper", **extra)
        if paper[0].voided_at is not None:
            return rejection(Reason.SPOILT if "spoil" in paper[0].void_reason.lower() else Reason.VOIDED, **extra)
        first_station = session.scalar(
            select(RecordedBallot.station).where(RecordedBallot.item_id == item.id, RecordedBallot.serial == code.serial)
        )
        if first_station is not None:
            # A recorded paper keeps no time of its own (docs/records.md): the vote's window is all there is.
            return already_counted(item.opened_at, first_station, extra)
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
            band=paper[2],
        )

    # -- recording -------------------------------------------------------------------------------

    def record_paper(self, qr_text: str, marks: Sequence[int] | None = None, *, source: str = "keyed") -> ScanOutcome:
        """Record one returned paper: a vote slip (marks come from its code) or a paper with keyed marks.

        Rejections are recorded in the audit log but change nothing else, so a double scan is harmless.
        """
        try:
            with self.action("paper recorded", source=source) as (session, act):
                found = self._identify(session, qr_text)
                if isinstance(found, ScanOutcome) and found.reason == Reason.ALREADY_COUNTED.value:
                    contradiction = second_slip(session, self.meeting_id, qr_text)
                    if contradiction is not None:
                        act.name = "contradictory slips rejected" if "options" in contradiction[1] else "paper refused"
                        act.details.update(contradiction[1])
                        return contradiction[0]
                if isinstance(found, ScanOutcome):
                    act.name = "paper refused"
                    act.details.update(reason=found.reason, item=found.item, serial=found.serial)
                    return found
                chosen = [found.option] if found.option is not None else list(marks or [])
                problem = marks_problem(found, chosen)
                if problem is not None:
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
                act.details.update(item=found.item, serial=found.serial, class_code=found.class_code)
                content = PaperContent(found.class_code, True, "", tuple(chosen))
                act.details[PAPER_KEY] = paper_details(found.item, found.serial, content)
                self._last_recorded: tuple[int, int] | None = (found.item_id, found.serial)
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
        return ScanOutcome.worded(
            True,
            message("tellers.counted", item=found.item, code=found.class_code, serial=found.serial),
            item=found.item,
            class_code=found.class_code,
            serial=found.serial,
            marks=tuple(chosen),
        )

    def reject_paper(self, qr_text: str, reason: str, *, source: str = "keyed") -> ScanOutcome:
        """Record a returned paper as rejected, with its statutory reason (a spoilt or void paper read by hand).

        It counts as returned and rejected in the reconciliation and on the declaration, never as "not
        returned"; a second scan of it is refused as already counted, like any recorded paper.
        """
        if reason not in REJECTION_REASONS:
            raise RuleError("tellers.unknown_rejection_reason", reason=reason, reasons=", ".join(REJECTION_REASONS))
        with self.action("paper rejected", source=source, reason=reason) as (session, act):
            found = self._identify(session, qr_text)
            if isinstance(found, ScanOutcome):
                act.name = "paper refused"
                act.details.update(reason=found.reason, item=found.item, serial=found.serial)
                return found
            session.add(
                RecordedBallot(
                    item_id=found.item_id,
                    class_id=found.class_id,
                    serial=found.serial,
                    source=source,
                    marks=[],
                    valid=False,
                    reject_reason=reason,
                    station=self.station,
                )
            )
            session.flush()
            act.details.update(item=found.item, serial=found.serial, class_code=found.class_code)
            act.details[PAPER_KEY] = paper_details(found.item, found.serial, PaperContent(found.class_code, False, reason, ()))
        welsh_reason, english_reason = REJECTION_REASONS[reason]
        return ScanOutcome.worded(
            True,
            message("tellers.rejected", reason=Bilingual(cy=welsh_reason, en=english_reason), item=found.item,
                    code=found.class_code, serial=found.serial),
            reason=reason,
            item=found.item,
            class_code=found.class_code,
            serial=found.serial,
        )

    def undo_last(self, reason: str) -> ScanOutcome:
        """Take back this station's most recent recorded paper, with a reason, so it can be scanned again."""
        if not reason.strip():
            raise RuleError("tellers.undo_reason_required")
        with self.action("scan undone", reason=reason.strip()) as (session, act):
            # Recorded papers carry no order (random ids, no time), so "this station's last scan" is what
            # this station itself remembers: the last paper it recorded since it opened the meeting.
            remembered: tuple[int, int] | None = getattr(self, "_last_recorded", None)
            last = None
            if remembered is not None:
                last = session.scalar(
                    select(RecordedBallot)
                    .join(AgendaItem)
                    .where(
                        AgendaItem.meeting_id == self.meeting_id,
                        AgendaItem.status == "open",
                        RecordedBallot.item_id == remembered[0],
                        RecordedBallot.serial == remembered[1],
                        RecordedBallot.station == self.station,
                    )
                )
            if last is None:
                raise RuleError("tellers.nothing_to_undo")
            item = session.get(AgendaItem, last.item_id)
            assert item is not None
            if last.source == "slip" and last.reject_reason == TOO_MANY_VOTES:
                raise RuleError("tellers.contradictory_cannot_undo", serial=last.serial, item=item.number)
            act.details.update(item=item.number, serial=last.serial, marks=list(last.marks))
            act.details[WITHDRAWN_KEY] = {"item": item.number, "serial": last.serial}
            session.delete(last)
            self._last_recorded = None
            return ScanOutcome.worded(
                True,
                message("tellers.undone", item=item.number, serial=last.serial),
                item=item.number,
                serial=last.serial,
            )

    # -- reading ----------------------------------------------------------------------------------

    def _paper_question(self, code: BallotCode) -> PaperQuestion:
        from coopvote.ballots.omr_layout import PaperQuestion  # the reader (numpy) loads only when scanning

        item = self.setup.meeting().item(code.item)
        printed = ballot_item_for(item)
        form = PaperForm(
            kind=printed.kind, options=len(printed.choices), ranks=printed.ranks, variant=code.variant, page_size=code.page_size
        )
        max_marks = len(printed.choices) if printed.max_marks == 0 or printed.kind == "ranking" else printed.max_marks
        return PaperQuestion(form=form, option_names=tuple(c.label_en for c in printed.choices), max_marks=max_marks)

    def read_sheets(
        self,
        paths: Iterable[Path],
        *,
        progress: Callable[[int, ScanOutcome], None] | None = None,
        should_stop: Callable[[], bool] | None = None,
        pdf_dpi: float = 150,
        record_clear: Callable[[str, list[int]], ScanOutcome] | None = None,
        slips: bool = False,
    ) -> ScanSummary:
        """Read every page of the given files and record each: counted, queued or refused.

        ``record_clear`` is the advance papers' own door: a clear sheet is recorded through it, and a sheet
        that is not clear goes to the same adjudication queue as room sheets, identified as the advance door
        identifies a paper, to be decided and recorded as an advance paper.
        ``slips``: a page that carries vote slips rather than a paper has each slip recorded from its code,
        as the teller's scanner or camera records it (the rehearsal's slip pages); otherwise such a page
        is queued like any sheet the reader cannot place.
        """
        from coopvote.ballots.imaging import scan_paths
        from coopvote.ballots.omr import read_page
        from coopvote.ballots.omr_layout import meeting_lookup
        from coopvote.errors import InputError

        with self.reading() as session:
            meeting = session.get(Meeting, self.meeting_id)
            assert meeting is not None
            secret, code = meeting.secret, meeting.code
        questions: dict[tuple[int, str, str], PaperQuestion] = {}

        def paper_for(ballot: BallotCode) -> PaperQuestion:
            key = (ballot.item, ballot.variant, ballot.page_size)
            if key not in questions:
                questions[key] = self._paper_question(ballot)
            return questions[key]

        lookup = meeting_lookup(secret, code, paper_for)
        summary = ScanSummary()

        def unreadable(problem: InputError) -> None:
            # A file or page that cannot be read is refused with its reason; the rest of the batch goes on.
            outcome = ScanOutcome.worded(False, message("tellers.unreadable_file", problem=problem.message),
                                         reason="unreadable-file")
            summary.pages += 1
            summary.outcomes.append(outcome)
            summary.refused[outcome.reason] += 1
            if progress is not None:
                progress(summary.pages, outcome)

        for page in scan_paths(list(paths), pdf_dpi=pdf_dpi, on_unreadable=unreadable):
            if should_stop is not None and should_stop():
                summary.cancelled = True
                break
            reading = read_page(page, lookup)
            slip_codes = self._slip_codes(page, reading) if slips else []
            outcomes = (
                [self.record_paper(text, None, source="slip") for text in slip_codes] if slip_codes
                else [self.record_sheet(reading, record_clear)]
            )
            summary.pages += 1
            for outcome in outcomes:
                summary.outcomes.append(outcome)
                if outcome.accepted:
                    summary.accepted += 1
                elif outcome.reason == "queued":
                    summary.queued += 1
                else:
                    summary.refused[outcome.reason] += 1
                if progress is not None:
                    progress(summary.pages, outcome)
        return summary

    def _slip_codes(self, page: Any, reading: Any) -> list[str]:
        """The codes of this meeting's vote slips on a page the paper reader could not place, top to bottom."""
        from coopvote.ballots.omr import UnreadableSheet
        from coopvote.ballots.omr_geometry import find_qr

        if not isinstance(reading, UnreadableSheet) or not reading.qr_text:
            return []
        with self.reading() as session:
            meeting = session.get(Meeting, self.meeting_id)
            assert meeting is not None
            secret, meeting_code = meeting.secret, meeting.code
        codes = []
        for found in sorted(find_qr(page.gray), key=lambda f: float(f.corners[:, 1].min())):
            try:
                if decode(found.text, secret, meeting_code).is_slip:
                    codes.append(found.text)
            except QrRejected:
                continue
        return codes

    def record_sheet(
        self, reading: Any, record_clear: Callable[[str, list[int]], ScanOutcome] | None = None
    ) -> ScanOutcome:
        """Record one sheet reading: clear sheets are counted, the rest queued with their picture."""
        from coopvote.ballots.omr import SheetReading

        if isinstance(reading, SheetReading) and reading.is_clear:
            marks = [index + 1 for question in reading.questions for index in question.chosen]
            if record_clear is not None:
                return record_clear(reading.qr_text, marks)
            return self.record_paper(reading.qr_text, marks, source="sheet")
        return self._queue_sheet(reading, advance=record_clear is not None)

    def _identify_for_queue(self, qr_text: str, advance: bool) -> IdentifiedPaper | ScanOutcome:
        if not advance:
            return self.identify(qr_text)
        with self.reading() as session:
            return identify_advance_paper(session, self.meeting_id, qr_text)

    def _queue_sheet(self, reading: Any, *, advance: bool = False) -> ScanOutcome:
        from coopvote.ballots.omr_words import stored

        reasons = [str(getattr(reason, "value", reason)) for reason in reading.reasons]
        reason_words = [reason.words() if hasattr(reason, "words") else Message.text(str(reason))
                        for reason in reading.reasons]
        where = message("tellers.file_page", file=Path(reading.source).name, page=reading.page_index + 1)
        source = where.render("en")  # kept in the record as the sheet's name
        qr_text = getattr(reading, "qr_text", None)
        detail = getattr(reading, "detail", None)
        identified = self._identify_for_queue(qr_text, advance) if qr_text else None
        if isinstance(identified, ScanOutcome):
            # The code itself is refused (counted already, vote closed, spoilt...): the marks need no decision.
            return identified
        details: dict[str, Any] = {
            "qr_text": qr_text,
            "verdict": str(getattr(reading.verdict, "value", reading.verdict)),
            "detail_key": stored([detail if isinstance(detail, Message) else Message.text(str(detail))]) if detail else [],
            "fit": getattr(reading, "fit", ""),
            "reason_keys": stored(reason_words),
            "questions": [
                {"id": q.question_id, "chosen": [i + 1 for i in q.chosen], "note_keys": stored(q.notes)}
                for q in getattr(reading, "questions", ())
            ],
            "boxes": [
                {"id": str(b.box_id), "state": str(getattr(b.state, "value", b.state))}
                for b in getattr(reading, "boxes", ())
            ],
        }
        item = serial = None
        class_code = None
        if identified is not None and not isinstance(identified, ScanOutcome):
            item, serial, class_code = identified.item, identified.serial, identified.class_code
        with self.action("sheet queued for adjudication", source=source, reasons=reasons) as (session, act):
            item_id = item_row(session, self.meeting_id, item).id if item is not None else None
            if item_id is not None:
                earlier = session.scalar(
                    select(PendingSheet).where(PendingSheet.item_id == item_id, PendingSheet.serial == serial)
                )
                if earlier is not None:
                    act.skip_audit = True
                    return ScanOutcome.worded(
                        False,
                        message("tellers.already_queued", serial=serial, item=item, sheet=earlier.id),
                        reason="already-queued",
                        item=item,
                        serial=serial,
                        class_code=class_code,
                    )
            class_id = class_row(session, self.meeting_id, class_code).id if class_code is not None else None
            pending = PendingSheet(
                meeting_id=self.meeting_id,
                item_id=item_id,
                class_id=class_id,
                serial=serial,
                source_name=source,
                reasons=reasons,
                reading=details,
                image_png=reading.image_png,
            )
            session.add(pending)
            session.flush()
            act.details.update(sheet=pending.id, item=item, serial=serial)
        listed = Bilingual(*(", ".join(said.render(language) for said in reason_words) for language in ("cy", "en")))
        words = (message("tellers.queued", reasons=listed, source=where) if reasons
                 else message("tellers.queued_for_a_person", source=where))
        return ScanOutcome.worded(
            False,
            words,
            reason="queued",
            item=item,
            serial=serial,
            class_code=class_code,
        )

    # -- adjudication -----------------------------------------------------------------------------

    def pending_sheets(self, state: str = "pending") -> list[PendingView]:
        with self.reading() as session:
            rows = session.scalars(
                select(PendingSheet)
                .where(PendingSheet.meeting_id == self.meeting_id, PendingSheet.state == state)
                .order_by(PendingSheet.id)
            ).all()
            views = []
            for row in rows:
                item = session.get(AgendaItem, row.item_id) if row.item_id else None
                views.append(
                    PendingView(
                        id=row.id,
                        item=item.number if item is not None else None,
                        class_code=class_code_of(session, row.class_id) if row.class_id else None,
                        serial=row.serial,
                        source_name=row.source_name,
                        reasons=tuple(row.reasons),
                        reading=dict(row.reading),
                        image_png=row.image_png,
                        state=row.state,
                        advance=row.item_id is not None and row.serial is not None
                        and is_advance_serial(session, row.item_id, row.serial),
                    )
                )
            return views

    def adjudicate(
        self, sheet_id: int, *, accept_marks: list[int] | None = None, reject_reason: str | None = None, by: str = ""
    ) -> ScanOutcome:
        """Decide a queued sheet: accept the voter's clear intention, or reject it for a stated reason."""
        if (accept_marks is None) == (reject_reason is None):
            raise RuleError("tellers.accept_or_reject")
        if reject_reason is not None and reject_reason not in REJECTION_REASONS:
            raise RuleError("tellers.unknown_rejection_reason", reason=reject_reason, reasons=", ".join(REJECTION_REASONS))
        decision = f"accepted as {accept_marks}" if accept_marks is not None else f"rejected: {reject_reason}"
        with self.action("sheet adjudicated", sheet=sheet_id, decision=decision, by=by) as (session, act):
            sheet = session.get(PendingSheet, sheet_id)
            if sheet is None or sheet.meeting_id != self.meeting_id:
                raise RuleError("tellers.no_queued_sheet", sheet=sheet_id)
            if sheet.state != "pending":
                raise RuleError("tellers.sheet_already_decided", sheet=sheet_id, decision=sheet.decision)
            sheet.state = "accepted" if accept_marks is not None else "rejected"
            sheet.decision = decision
            sheet.decided_by = by
            if sheet.item_id is None or sheet.serial is None or sheet.class_id is None:
                if accept_marks is not None:
                    raise RuleError("tellers.no_code_cannot_count", sheet=sheet_id)
                return ScanOutcome.worded(True, message("tellers.sheet_rejected", sheet=sheet_id), reason=reject_reason or "")
            item = session.get(AgendaItem, sheet.item_id)
            assert item is not None
            advance = is_advance_serial(session, item.id, sheet.serial)
            if advance:
                check_advance_sheet_decidable(item)
            if not advance and item.status != "open":
                raise RuleError("tellers.decide_while_open", item=item.number, status=item_status(item.status))
            already = session.scalar(
                select(RecordedBallot.id).where(RecordedBallot.item_id == item.id, RecordedBallot.serial == sheet.serial)
            )
            if already is not None:
                raise RuleError("tellers.already_counted", serial=sheet.serial, item=item.number)
            if accept_marks is not None or advance:
                # An advance paper is identified even to reject it: it still takes an opened envelope's place.
                meeting = session.get(Meeting, self.meeting_id)
                assert meeting is not None
                qr_text = str(sheet.reading.get("qr_text") or "")
                try:
                    decode(qr_text, meeting.secret, meeting.code)
                except QrRejected as rejected:
                    raise RuleError("tellers.sheet_problem", sheet=sheet_id, problem=rejected.message) from rejected
                found = (
                    identify_advance_paper(session, self.meeting_id, qr_text, deciding_sheet=sheet.id)
                    if advance
                    else self._identify(session, qr_text)
                )
                if isinstance(found, ScanOutcome):
                    refusal = Bilingual(cy=found.message_cy, en=found.message_en)
                    raise RuleError("tellers.sheet_problem", sheet=sheet_id, problem=refusal)
                problem = marks_problem(found, accept_marks) if accept_marks is not None else None
                if problem is not None:
                    raise RuleError("tellers.sheet_problem", sheet=sheet_id, problem=problem)
            session.add(
                RecordedBallot(
                    item_id=item.id,
                    class_id=sheet.class_id,
                    serial=sheet.serial,
                    source="advance" if advance else "adjudicated",
                    marks=list(accept_marks or []),
                    valid=accept_marks is not None,
                    reject_reason=reject_reason or "",
                    station=self.station,
                )
            )
            act.details.update(item=item.number, serial=sheet.serial, advance=advance)
            content = PaperContent(
                class_code_of(session, sheet.class_id), accept_marks is not None, reject_reason or "",
                tuple(accept_marks or ()),
            )  # fmt: skip
            act.details[PAPER_KEY] = paper_details(item.number, sheet.serial, content)
            words = (message("tellers.sheet_accepted", sheet=sheet_id, marks=accept_marks) if accept_marks is not None
                     else message("tellers.sheet_rejected_as", sheet=sheet_id, reason=reject_reason))
            return ScanOutcome.worded(
                True,
                words,
                item=item.number,
                serial=sheet.serial,
                marks=tuple(accept_marks or ()),
            )
