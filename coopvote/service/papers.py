"""Ballot paper stock and the desk's hand-outs.

Papers are printed in advance, per item and class, in shuffled serial order, so neither the order
nor the time a paper is handed out can tie it to a member. The desk records only *that* a member
(or their proxy holder) received the paper for an item, never which serial.
"""

from __future__ import annotations

import random
import secrets
from dataclasses import dataclass
from fractions import Fraction

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from coopvote.counting.value_bands import Band
from coopvote.errors import RuleError
from coopvote.record.models import (
    AgendaItem,
    BallotPaper,
    Meeting,
    Member,
    MembershipClass,
    PaperBatch,
    PaperIssue,
    Proxy,
    RecordedBallot,
)
from coopvote.record.types import utcnow
from coopvote.service.attendance import AttendanceMixin
from coopvote.service.bands import (
    band_warnings,
    batch_band,
    desk_band,
    item_meeting,
    register_bands,
    uses_member_values,
)
from coopvote.service.views import PackToHand


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


class PapersMixin(AttendanceMixin):
    def _item_row(self, session: Session, number: int) -> AgendaItem:
        item = session.scalar(
            select(AgendaItem).where(AgendaItem.meeting_id == self.meeting_id, AgendaItem.number == number)
        )
        if item is None:
            numbers = session.scalars(
                select(AgendaItem.number).where(AgendaItem.meeting_id == self.meeting_id).order_by(AgendaItem.number)
            ).all()
            raise RuleError(f"there is no agenda item {number}; the items are {', '.join(map(str, numbers))}")
        return item

    def _class_row(self, session: Session, code: str) -> MembershipClass:
        cls = session.scalar(
            select(MembershipClass).where(
                MembershipClass.meeting_id == self.meeting_id, func.upper(MembershipClass.code) == code.strip().upper()
            )
        )
        if cls is None:
            raise RuleError(f"there is no membership class {code!r}")
        return cls

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
            raise RuleError(f"a batch holds 1 to 100,000 papers, not {count}")
        if kind not in {"paper", "slips"}:
            raise RuleError(f"paper kind {kind!r} should be 'paper' or 'slips'")
        with self.action("papers printed", item=item_number, class_code=class_code, count=count, kind=kind) as (
            session,
            act,
        ):
            item = self._item_row(session, item_number)
            if kind == "slips" and item.kind != "resolution":
                raise RuleError(f"item {item_number} is an election; vote slips are for resolutions")
            if item.status in {"closed", "declared"}:
                raise RuleError(f"item {item_number} is {item.status}; no more papers can be printed for it")
            cls = self._class_row(session, class_code)
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
            item = self._item_row(session, item_number)
            return uses_member_values(item.meeting, item)

    def value_bands(self) -> tuple[list[Band], list[str]]:
        """The register's value bands (class, value, members) and a warning for each one too small to
        keep its members' votes secret; both empty when no item counts members' own values."""
        with self.reading() as session:
            meeting = session.get(Meeting, self.meeting_id)
            assert meeting is not None
            if not any(uses_member_values(meeting, item) for item in meeting.items):
                return [], []
            return register_bands(session, meeting.id), [w.message() for w in band_warnings(session, meeting)]

    def issue_pack(self, number: str) -> list[PackToHand]:
        """Record that a present member receives their pack, and one per live proxy they hold.

        Returns what the desk must hand over. Items already issued to that member are skipped, so a
        second press of the button never hands out a second paper.
        """
        packs: list[PackToHand] = []
        with self.action("pack issued", member=number.strip()) as (session, act):
            member = self._member_by_number(session, number)
            act.details["member"] = member.number
            if member.status != "active":
                raise RuleError(f"member {member.number} ({member.name}) is {member.status}; no voting papers")
            if not member.present:
                raise RuleError(f"member {member.number} ({member.name}) is not checked in")
            items = session.scalars(
                select(AgendaItem)
                .where(AgendaItem.meeting_id == self.meeting_id, AgendaItem.status.in_(("pending", "open")))
                .order_by(AgendaItem.number)
            ).all()
            voters: list[tuple[Member, Proxy | None]] = [(member, None)]
            for held in session.scalars(
                select(Proxy).where(Proxy.holder_id == member.id, Proxy.cancelled_at.is_(None))
            ).all():
                appointer = session.get(Member, held.appointer_id)
                if appointer is not None and appointer.status == "active" and not appointer.present:
                    voters.append((appointer, held))
            issued_for: list[str] = []
            for voter, proxy in voters:
                already = set(
                    session.scalars(select(PaperIssue.item_id).where(PaperIssue.member_id == voter.id)).all()
                )
                new_items = [item for item in items if item.id not in already]
                for item in new_items:
                    session.add(
                        PaperIssue(
                            item_id=item.id, member_id=voter.id, class_id=voter.class_id, proxy_id=proxy.id if proxy else None
                        )
                    )
                if new_items:
                    cls = session.get(MembershipClass, voter.class_id)
                    assert cls is not None
                    band, banded, note = desk_band(session, item_meeting(items), voter, new_items)
                    packs.append(
                        PackToHand(
                            cls.code, cls.colour, voter.number, proxy is not None, tuple(i.number for i in new_items),
                            band, banded, note,
                        )
                    )
                    issued_for.append(voter.number)
            if not packs:
                raise RuleError(f"member {member.number} ({member.name}) has already received every paper due")
            act.details["packs_for"] = issued_for
        return packs

    def spoil_paper(self, item_number: int, serial: int, reason: str) -> None:
        """Void a spoilt paper's serial; the desk gives a fresh one from stock (which one is not recorded)."""
        if not reason.strip():
            raise RuleError("say why the paper is spoilt (for example: torn, wrong mark made)")
        with self.action("paper spoilt", item=item_number, serial=serial, reason=reason.strip()) as (session, _act):
            item = self._item_row(session, item_number)
            paper = session.scalar(select(BallotPaper).where(BallotPaper.item_id == item.id, BallotPaper.serial == serial))
            if paper is None:
                raise RuleError(f"item {item_number} has no paper with serial {serial}")
            if paper.voided_at is not None:
                raise RuleError(f"paper {serial} of item {item_number} was already voided ({paper.void_reason})")
            counted = session.scalar(
                select(RecordedBallot.id).where(RecordedBallot.item_id == item.id, RecordedBallot.serial == serial)
            )
            if counted is not None:
                raise RuleError(f"paper {serial} of item {item_number} has already been counted; it cannot be spoilt")
            paper.voided_at = utcnow()
            paper.void_reason = reason.strip()
