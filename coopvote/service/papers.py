"""Ballot paper stock: allocating serials, printing papers, packs and membership cards, spoiling a paper.

Papers are printed in advance, per item and class, in shuffled serial order, so neither the order
nor the time a paper is handed out can tie it to a member. The desk (``service/desk.py``) records only
*that* a member (or their proxy holder) received the paper for an item, never which serial.
"""

from __future__ import annotations

import base64
import random
import secrets
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

from sqlalchemy import func, insert, select

from coopvote.ballots.pdf_spec import BallotItem, Choice, MeetingInfo, VotingClass, resolution_item
from coopvote.counting.rules import RANKED_METHODS
from coopvote.counting.value_bands import Band
from coopvote.errors import RuleError
from coopvote.messages import Message
from coopvote.record.models import BallotPaper, Meeting, Member, MembershipClass, PaperBatch, RecordedBallot
from coopvote.record.types import utcnow
from coopvote.service.bands import (
    band_warning_words,
    band_warnings,
    batch_band,
    register_bands,
    uses_member_values,
)
from coopvote.service.base import MeetingRecord, Role
from coopvote.service.queries import class_row, item_row
from coopvote.service.setup import SetupRole
from coopvote.service.views import ItemView
from coopvote.service.wording import item_status


@dataclass(frozen=True)
class PrintedBatch:
    """Serials of a new batch in the order they are to be printed (shuffled), with what the QR needs."""

    item: int
    class_code: str
    kind: str
    variant: str
    serials: tuple[int, ...]
    meeting_code: str
    secret: bytes
    band: Fraction | None = None
    """The vote value each paper carries (a ``per_member`` value band), or None."""

    def qr_text(self, serial: int, option: int | None = None, page_size: str = "A4") -> str:
        """The sealed code printed on the paper with this serial (``option`` 1-based, for a vote slip)."""
        from coopvote.ballots.qrcodec import BallotCode, encode

        code = BallotCode(
            meeting=self.meeting_code,
            item=self.item,
            class_code=self.class_code,
            serial=serial,
            option=None if option is None else option - 1,
            variant=self.variant if option is None else "standard",  # type: ignore[arg-type]
            page_size=page_size,  # type: ignore[arg-type]
            band=self.band,
        )
        return encode(code, self.secret)


@dataclass(frozen=True)
class PrintRun:
    """A printed batch: its serials in page order, how many pages, and where the PDF is."""

    batch: PrintedBatch
    pages: int
    path: Path


def ballot_item_for(item: ItemView) -> BallotItem:
    """How an agenda item is printed."""
    if item.kind == "resolution":
        return resolution_item(item.number, item.title_cy, item.title_en, text_cy=item.text_cy, text_en=item.text_en)
    stored = item.settings.get("photos")
    photos: dict[str, str] = stored if isinstance(stored, dict) else {}
    choices = tuple(
        Choice(c.name, c.name, photo=base64.b64decode(photos[c.name]) if c.name in photos else None)
        for c in item.candidates
    )
    if item.method in RANKED_METHODS:
        return BallotItem(item.number, item.title_cy, item.title_en, "ranking", choices, max_marks=len(choices),
                          text_cy=item.text_cy, text_en=item.text_en)
    max_marks = 0 if item.method == "approval" else (item.max_marks or item.seats or 1)
    return BallotItem(item.number, item.title_cy, item.title_en, "election", choices, max_marks=max_marks,
                      text_cy=item.text_cy, text_en=item.text_en)


class PapersRole(Role):
    """Paper stock: allocating and printing papers, packs and membership cards, and spoiling a paper."""

    def __init__(self, record: MeetingRecord, setup: SetupRole) -> None:
        super().__init__(record)
        self.setup = setup

    def add_paper_batch(
        self,
        item_number: int,
        class_code: str,
        count: int,
        *,
        kind: str = "paper",
        variant: str = "standard",
        band: Fraction | None = None,
    ) -> PrintedBatch:
        """Allocate ``count`` new serials for an item and class (and value band, for an item counted by
        members' own values), shuffled for printing."""
        if count < 1 or count > 100_000:
            raise RuleError("papers.batch_size", count=count)
        if kind not in {"paper", "slips", "advance"}:
            raise RuleError("papers.unknown_kind", kind=kind)
        with self.action("papers printed", item=item_number, class_code=class_code, count=count, kind=kind) as (
            session,
            act,
        ):
            item = item_row(session, self.meeting_id, item_number)
            if kind == "slips" and item.kind != "resolution":
                raise RuleError("papers.slips_for_resolutions", item=item_number)
            if item.status in {"closed", "declared"}:
                raise RuleError("papers.item_not_printable", item=item_number, status=item_status(item.status))
            cls = class_row(session, self.meeting_id, class_code)
            band_value = batch_band(session, item.meeting, item, cls, band)
            if band_value is not None:
                act.details["band"] = str(band_value)
            last = session.scalar(select(func.max(BallotPaper.serial)).where(BallotPaper.item_id == item.id)) or 0
            first = last + 1
            batch = PaperBatch(
                item_id=item.id, class_id=cls.id, kind=kind, variant=variant, first_serial=first, count=count,
                band_value=band_value,
            )
            session.add(batch)
            session.flush()
            serials = list(range(first, first + count))
            session.execute(
                insert(BallotPaper),
                [{"item_id": item.id, "class_id": cls.id, "batch_id": batch.id, "serial": s, "void_reason": ""} for s in serials],
            )
            random.Random(secrets.token_bytes(16)).shuffle(serials)
            meeting = item.meeting
            act.details.update(class_code=cls.code, first_serial=first, last_serial=first + count - 1)
            return PrintedBatch(
                item_number, cls.code, kind, variant, tuple(serials), meeting.code, meeting.secret, band_value
            )

    def counts_member_values(self, item_number: int) -> bool:
        """Whether an item counts each member's own vote value, so its papers are printed per value band."""
        with self.reading() as session:
            item = item_row(session, self.meeting_id, item_number)
            return uses_member_values(item.meeting, item)

    def value_bands(self) -> tuple[list[Band], list[Message]]:
        """The register's value bands (class, value, members) and a warning for each one too small to
        keep its members' votes secret; both empty when no item counts members' own values."""
        with self.reading() as session:
            meeting = session.get(Meeting, self.meeting_id)
            assert meeting is not None
            if not any(uses_member_values(meeting, item) for item in meeting.items):
                return [], []
            return register_bands(session, meeting.id), [band_warning_words(w) for w in band_warnings(session, meeting)]

    def spoil_paper(self, item_number: int, serial: int, reason: str) -> None:
        """Void a spoilt paper's serial; the desk gives a fresh one from stock (which one is not recorded)."""
        if not reason.strip():
            raise RuleError("papers.spoil_reason_required")
        with self.action("paper spoilt", item=item_number, serial=serial, reason=reason.strip()) as (session, _act):
            item = item_row(session, self.meeting_id, item_number)
            paper = session.scalar(select(BallotPaper).where(BallotPaper.item_id == item.id, BallotPaper.serial == serial))
            if paper is None:
                raise RuleError("papers.no_such_serial", item=item_number, serial=serial)
            if paper.voided_at is not None:
                raise RuleError("papers.already_void", item=item_number, serial=serial, reason=paper.void_reason)
            counted = session.scalar(
                select(RecordedBallot.id).where(RecordedBallot.item_id == item.id, RecordedBallot.serial == serial)
            )
            if counted is not None:
                raise RuleError("papers.counted_cannot_spoil", item=item_number, serial=serial)
            paper.voided_at = utcnow()
            paper.void_reason = reason.strip()

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
        band: Fraction | None = None,
    ) -> PrintRun:
        """Allocate a batch, then print it in its shuffled order (page k carries ``batch.serials[k]``).

        ``band``: for an item counted by members' own values, the value band the papers are for.
        """
        from coopvote.ballots.pdf import render_papers
        from coopvote.ballots.pdf_slips import render_slips
        from coopvote.ballots.pdf_spec import papers_for, slips_for

        meeting = self.setup.meeting()
        item = meeting.item(item_number)
        cls = next((c for c in meeting.classes if c.code.upper() == class_code.upper()), None)
        if cls is None:
            raise RuleError("lookup.no_class", code=class_code)
        batch = self.add_paper_batch(item_number, cls.code, count, kind=kind, variant=variant, band=band)
        info = MeetingInfo(meeting.code, meeting.name_cy, meeting.name_en)
        printed_item = ballot_item_for(item)
        voting_class = VotingClass(cls.code, cls.name_cy, cls.name_en, cls.colour, batch.band)
        if kind == "slips":
            sheets = slips_for(info, printed_item, voting_class, batch.serials, batch.secret, variant, page_size)
            return PrintRun(batch, render_slips(sheets, out), Path(out))
        papers = papers_for(info, printed_item, voting_class, batch.serials, batch.secret, variant, page_size)
        return PrintRun(batch, render_papers(papers, out), Path(out))

    def print_packs(
        self,
        class_code: str,
        count: int,
        out: Path,
        *,
        variant: str = "standard",
        page_size: str = "A4",
        band: Fraction | None = None,
    ) -> list[PrintRun]:
        """Print ``count`` packs for a class: one paper per item still to be voted on, pack after pack.

        Each item's serials are allocated and shuffled on their own, so a pack's papers share nothing
        that could tie them together, and nothing ties a pack to the member it is handed to. With
        ``band`` the packs are for that value band: items counted by members' own values get papers of
        the band, the others ordinary papers, exactly as the desk hands them out.
        """
        from coopvote.ballots.pdf import render_papers
        from coopvote.ballots.pdf_spec import collate_packs, papers_for

        meeting = self.setup.meeting()
        cls = next((c for c in meeting.classes if c.code.upper() == class_code.upper()), None)
        if cls is None:
            raise RuleError("lookup.no_class", code=class_code)
        items = [item for item in meeting.items if item.status in {"pending", "open"}]
        if not items:
            raise RuleError("papers.no_packs_to_print")
        info = MeetingInfo(meeting.code, meeting.name_cy, meeting.name_en)
        batches = []
        per_item = []
        for item in items:
            item_band = band if band is not None and self.counts_member_values(item.number) else None
            batch = self.add_paper_batch(item.number, cls.code, count, variant=variant, band=item_band)
            voting_class = VotingClass(cls.code, cls.name_cy, cls.name_en, cls.colour, batch.band)
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
            raise RuleError("papers.no_members_for_cards")
        cards = cards_for(info, members, secret)
        render_cards(cards, Path(out), page_size)
        return len(cards)
