"""Printing papers for the meeting, reading scanned sheets back, and the adjudication queue.

A sheet the reader is sure of is recorded like any other paper; anything doubtful is kept, with its
picture, in a queue for a teller to decide, and a sheet nobody can read is kept too: nothing scanned
is ever dropped. Adjudication follows UK count practice: accept the voter's clear intention, or reject
the paper for a stated reason, and the declaration shows rejected papers by reason.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from coopvote.ballots.layout import PaperForm
from coopvote.ballots.pdf_spec import BallotItem, Choice, MeetingInfo, VotingClass, resolution_item
from coopvote.ballots.qrcodec import BallotCode, QrRejected, decode
from coopvote.counting.rules import RANKED_METHODS
from coopvote.errors import RuleError
from coopvote.record.ledger import PAPER_KEY, PaperContent, paper_details
from coopvote.record.models import AgendaItem, Meeting, Member, MembershipClass, PendingSheet, RecordedBallot
from coopvote.record.types import utcnow
from coopvote.service.papers import PrintedBatch
from coopvote.service.results import ResultsMixin
from coopvote.service.views import ItemView, ScanOutcome

if TYPE_CHECKING:
    from coopvote.ballots.omr_layout import PaperQuestion

REJECTION_REASONS = {
    "no-valid-code": ("Dim cod dilys", "No valid code"),
    "too-many-votes": ("Gormod o bleidleisiau", "Votes for more options than allowed"),
    "identifies-voter": ("Ysgrifen sy'n adnabod y pleidleisiwr", "Writing or mark by which the voter can be identified"),
    "unmarked-or-uncertain": ("Heb ei farcio neu'n ansicr", "Unmarked or void for uncertainty"),
}
"""The grounds on which a teller may reject a paper, after the UK rules for counting votes."""


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
class PrintRun:
    """A printed batch: its serials in page order, how many pages, and where the PDF is."""

    batch: PrintedBatch
    pages: int
    path: Path


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


def ballot_item_for(item: ItemView) -> BallotItem:
    """How an agenda item is printed."""
    if item.kind == "resolution":
        return resolution_item(item.number, item.title_cy, item.title_en)
    choices = tuple(Choice(c.name, c.name) for c in item.candidates)
    if item.method in RANKED_METHODS:
        return BallotItem(item.number, item.title_cy, item.title_en, "ranking", choices, max_marks=len(choices))
    max_marks = 0 if item.method == "approval" else (item.max_marks or item.seats or 1)
    return BallotItem(item.number, item.title_cy, item.title_en, "election", choices, max_marks=max_marks)


class SheetsMixin(ResultsMixin):
    # -- printing ---------------------------------------------------------------------------------

    def print_papers(
        self,
        item_number: int,
        class_code: str,
        count: int,
        out: Path,
        *,
        kind: str = "paper",
        variant: str = "standard",
        page_size: str = "A4",
    ) -> PrintRun:
        """Allocate a batch, then print it in its shuffled order (page k carries ``batch.serials[k]``)."""
        from coopvote.ballots.pdf import render_papers
        from coopvote.ballots.pdf_slips import render_slips
        from coopvote.ballots.pdf_spec import papers_for, slips_for

        meeting = self.meeting()
        item = meeting.item(item_number)
        cls = next((c for c in meeting.classes if c.code.upper() == class_code.upper()), None)
        if cls is None:
            raise RuleError(f"there is no membership class {class_code!r}")
        batch = self.add_paper_batch(item_number, cls.code, count, kind=kind, variant=variant)
        info = MeetingInfo(meeting.code, meeting.name_cy, meeting.name_en)
        printed_item = ballot_item_for(item)
        voting_class = VotingClass(cls.code, cls.name_cy, cls.name_en, cls.colour)
        if kind == "slips":
            sheets = slips_for(info, printed_item, voting_class, batch.serials, batch.secret, variant, page_size)
            return PrintRun(batch, render_slips(sheets, out), Path(out))
        papers = papers_for(info, printed_item, voting_class, batch.serials, batch.secret, variant, page_size)
        return PrintRun(batch, render_papers(papers, out), Path(out))

    def print_packs(
        self, class_code: str, count: int, out: Path, *, variant: str = "standard", page_size: str = "A4"
    ) -> list[PrintRun]:
        """Print ``count`` packs for a class: one paper per item still to be voted on, pack after pack.

        Each item's serials are allocated and shuffled on their own, so a pack's papers share nothing
        that could tie them together, and nothing ties a pack to the member it is handed to.
        """
        from coopvote.ballots.pdf import render_papers
        from coopvote.ballots.pdf_spec import collate_packs, papers_for

        meeting = self.meeting()
        cls = next((c for c in meeting.classes if c.code.upper() == class_code.upper()), None)
        if cls is None:
            raise RuleError(f"there is no membership class {class_code!r}")
        items = [item for item in meeting.items if item.status in {"pending", "open"}]
        if not items:
            raise RuleError("every item's vote is closed: there is nothing left to print packs for")
        info = MeetingInfo(meeting.code, meeting.name_cy, meeting.name_en)
        voting_class = VotingClass(cls.code, cls.name_cy, cls.name_en, cls.colour)
        batches = []
        per_item = []
        for item in items:
            batch = self.add_paper_batch(item.number, cls.code, count, variant=variant)
            per_item.append(
                papers_for(info, ballot_item_for(item), voting_class, batch.serials, batch.secret, variant, page_size)
            )
            batches.append(batch)
        pages = render_papers(collate_packs(per_item), out)
        return [PrintRun(batch, pages, Path(out)) for batch in batches]

    def print_membership_cards(self, out: Path, page_size: str = "A4") -> int:
        """A card for every active member, in class order then by name; the desk scans them to find members.

        The card's code carries the member number only (sealed, with its own prefix), never a ballot.
        """
        from coopvote.ballots.pdf_cards import cards_for, render_cards

        with self.reading() as session:
            meeting = session.get(Meeting, self.meeting_id)
            assert meeting is not None
            info = MeetingInfo(meeting.code, meeting.name_cy, meeting.name_en)
            rows = session.execute(
                select(Member.number, Member.name, MembershipClass)
                .join(MembershipClass, MembershipClass.id == Member.class_id)
                .where(Member.meeting_id == meeting.id, Member.status == "active")
                .order_by(MembershipClass.position, Member.name, Member.number)
            ).all()
            members = [
                (number, name, VotingClass(cls.code, cls.name_cy, cls.name_en, cls.colour)) for number, name, cls in rows
            ]
            secret = bytes(meeting.secret)
        if not members:
            raise RuleError("the register has no active members to print cards for; import the register first")
        cards = cards_for(info, members, secret)
        render_cards(cards, Path(out), page_size)
        return len(cards)

    # -- reading ----------------------------------------------------------------------------------

    def _paper_question(self, code: BallotCode) -> PaperQuestion:
        from coopvote.ballots.omr_layout import PaperQuestion  # the reader (numpy) loads only when scanning

        item = self.meeting().item(code.item)
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
    ) -> ScanSummary:
        """Read every page of the given files and record each: counted, queued or refused."""
        from coopvote.ballots.imaging import scan_paths
        from coopvote.ballots.omr import read_page
        from coopvote.ballots.omr_layout import meeting_lookup

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
        for page in scan_paths(list(paths), pdf_dpi=pdf_dpi):
            if should_stop is not None and should_stop():
                summary.cancelled = True
                break
            outcome = self.record_sheet(read_page(page, lookup))
            summary.pages += 1
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

    def record_sheet(self, reading: Any) -> ScanOutcome:
        """Record one sheet reading: clear sheets are counted, the rest queued with their picture."""
        from coopvote.ballots.omr import SheetReading

        if isinstance(reading, SheetReading) and reading.is_clear:
            marks = [index + 1 for question in reading.questions for index in question.chosen]
            return self.record_paper(reading.qr_text, marks, source="sheet")
        return self._queue_sheet(reading)

    def _queue_sheet(self, reading: Any) -> ScanOutcome:
        reasons = [str(getattr(reason, "value", reason)) for reason in reading.reasons]
        source = f"{Path(reading.source).name} page {reading.page_index + 1}"
        qr_text = getattr(reading, "qr_text", None)
        identified = self.identify(qr_text) if qr_text else None
        if isinstance(identified, ScanOutcome):
            # The code itself is refused (counted already, vote closed, spoilt...): the marks need no decision.
            return identified
        details: dict[str, Any] = {
            "qr_text": qr_text,
            "verdict": str(getattr(reading.verdict, "value", reading.verdict)),
            "detail": getattr(reading, "detail", ""),
            "fit": getattr(reading, "fit", ""),
            "questions": [
                {"id": q.question_id, "chosen": [i + 1 for i in q.chosen], "notes": list(q.notes)}
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
            item_id = self._item_row(session, item).id if item is not None else None
            if item_id is not None:
                earlier = session.scalar(
                    select(PendingSheet).where(PendingSheet.item_id == item_id, PendingSheet.serial == serial)
                )
                if earlier is not None:
                    act.skip_audit = True
                    return ScanOutcome(
                        False,
                        f"Paper {serial} of item {item} is already in the adjudication queue (sheet {earlier.id}).",
                        f"Mae papur {serial} eitem {item} eisoes yn y ciw dyfarnu (dalen {earlier.id}).",
                        reason="already-queued",
                        item=item,
                        serial=serial,
                        class_code=class_code,
                    )
            class_id = self._class_row(session, class_code).id if class_code is not None else None
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
        words = ", ".join(reasons) or "needs a person"
        return ScanOutcome(
            False,
            f"Set aside for adjudication ({words}): {source}.",
            f"Wedi'i roi o'r neilltu i'w ddyfarnu ({words}): {source}.",
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
                        class_code=self._class_code(session, row.class_id) if row.class_id else None,
                        serial=row.serial,
                        source_name=row.source_name,
                        reasons=tuple(row.reasons),
                        reading=dict(row.reading),
                        image_png=row.image_png,
                        state=row.state,
                    )
                )
            return views

    @staticmethod
    def _class_code(session: Any, class_id: int) -> str:
        found = session.get(MembershipClass, class_id)
        return str(found.code) if found is not None else "?"

    def adjudicate(
        self, sheet_id: int, *, accept_marks: list[int] | None = None, reject_reason: str | None = None, by: str = ""
    ) -> ScanOutcome:
        """Decide a queued sheet: accept the voter's clear intention, or reject it for a stated reason."""
        if (accept_marks is None) == (reject_reason is None):
            raise RuleError("either accept the paper with the marks the voter clearly meant, or reject it with a reason")
        if reject_reason is not None and reject_reason not in REJECTION_REASONS:
            raise RuleError(f"rejection reason {reject_reason!r} should be one of {', '.join(REJECTION_REASONS)}")
        decision = f"accepted as {accept_marks}" if accept_marks is not None else f"rejected: {reject_reason}"
        with self.action("sheet adjudicated", sheet=sheet_id, decision=decision, by=by) as (session, act):
            sheet = session.get(PendingSheet, sheet_id)
            if sheet is None or sheet.meeting_id != self.meeting_id:
                raise RuleError(f"there is no queued sheet {sheet_id}")
            if sheet.state != "pending":
                raise RuleError(f"sheet {sheet_id} was already decided ({sheet.decision})")
            sheet.state = "accepted" if accept_marks is not None else "rejected"
            sheet.decision = decision
            sheet.decided_by = by
            sheet.decided_at = utcnow()
            if sheet.item_id is None or sheet.serial is None or sheet.class_id is None:
                if accept_marks is not None:
                    raise RuleError(
                        f"sheet {sheet_id} has no readable code, so it cannot be counted; reject it as 'no-valid-code'"
                    )
                return ScanOutcome(True, f"Sheet {sheet_id} rejected.", f"Gwrthodwyd dalen {sheet_id}.", reason=reject_reason or "")
            item = session.get(AgendaItem, sheet.item_id)
            assert item is not None
            if item.status != "open":
                raise RuleError(f"voting on item {item.number} is {item.status}; reopen is not possible, decide before closing")
            already = session.scalar(
                select(RecordedBallot.id).where(RecordedBallot.item_id == item.id, RecordedBallot.serial == sheet.serial)
            )
            if already is not None:
                raise RuleError(f"paper {sheet.serial} of item {item.number} has already been counted")
            if accept_marks is not None:
                meeting = session.get(Meeting, self.meeting_id)
                assert meeting is not None
                qr_text = str(sheet.reading.get("qr_text") or "")
                try:
                    decode(qr_text, meeting.secret, meeting.code)
                except QrRejected as rejected:
                    raise RuleError(f"sheet {sheet_id}: {rejected}") from rejected
                from coopvote.service.voting import check_marks

                found = self._identify(session, qr_text)
                if isinstance(found, ScanOutcome):
                    raise RuleError(found.message_en)
                problem = check_marks(found, accept_marks)
                if problem:
                    raise RuleError(f"sheet {sheet_id}: {problem}")
            session.add(
                RecordedBallot(
                    item_id=item.id,
                    class_id=sheet.class_id,
                    serial=sheet.serial,
                    source="adjudicated",
                    marks=list(accept_marks or []),
                    valid=accept_marks is not None,
                    reject_reason=reject_reason or "",
                    station=self.station,
                )
            )
            act.details.update(item=item.number, serial=sheet.serial)
            content = PaperContent(
                self._class_code(session, sheet.class_id), accept_marks is not None, reject_reason or "",
                tuple(accept_marks or ()),
            )  # fmt: skip
            act.details[PAPER_KEY] = paper_details(item.number, sheet.serial, content)
            return ScanOutcome(
                True,
                f"Sheet {sheet_id}: {decision}.",
                f"Dalen {sheet_id}: {'derbyniwyd' if accept_marks is not None else 'gwrthodwyd'}.",
                item=item.number,
                serial=sheet.serial,
                marks=tuple(accept_marks or ()),
            )
