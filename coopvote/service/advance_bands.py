"""Advance papers of an item counted by members' own values (``per_member``): one opened envelope, one paper
of the member's band.

The class's cap (no more advance papers of a class than its opened envelopes) is not enough where papers
carry values: a band-5 paper from a pack that never came back could stand in for the missing paper of a
band-1 envelope and count five times. So each band has its own cap, counted from the opened envelopes of
members holding that value (a band is a class and a value, never a member) and the papers of that band's
batches already read. Kept apart from ``advance.py`` so the role's steps read as they were.
"""

from __future__ import annotations

from fractions import Fraction

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coopvote.counting.value_bands import votes_words
from coopvote.messages import Bilingual, message
from coopvote.record.models import (
    AdvanceEnvelope,
    AgendaItem,
    BallotPaper,
    Member,
    PaperBatch,
    PaperIssue,
    RecordedBallot,
)
from coopvote.service.views import ScanOutcome


def envelopes_opened_in_band(session: Session, meeting_id: int, item: AgendaItem, class_id: int, band: Fraction) -> int:
    """Opened envelopes that carry a vote on the item from members of the class holding this value."""
    return int(
        session.scalar(
            select(func.count())
            .select_from(PaperIssue)
            .join(AdvanceEnvelope, AdvanceEnvelope.member_id == PaperIssue.member_id)
            .join(Member, Member.id == PaperIssue.member_id)
            .where(
                PaperIssue.item_id == item.id, PaperIssue.class_id == class_id, PaperIssue.channel == "advance",
                AdvanceEnvelope.meeting_id == meeting_id, AdvanceEnvelope.state == "accepted",
                AdvanceEnvelope.opened.is_(True), Member.vote_value == band,
            )  # fmt: skip
        )
        or 0
    )


def advance_papers_read_in_band(session: Session, item: AgendaItem, class_id: int, band: Fraction) -> int:
    """Advance papers of this class and band already recorded on the item."""
    return int(
        session.scalar(
            select(func.count())
            .select_from(RecordedBallot)
            .join(BallotPaper, (BallotPaper.item_id == RecordedBallot.item_id) & (BallotPaper.serial == RecordedBallot.serial))
            .join(PaperBatch, PaperBatch.id == BallotPaper.batch_id)
            .where(
                RecordedBallot.item_id == item.id, RecordedBallot.class_id == class_id, PaperBatch.kind == "advance",
                PaperBatch.band_value == band,
            )  # fmt: skip
        )
        or 0
    )


def band_full(
    session: Session, meeting_id: int, item: AgendaItem, paper: BallotPaper, class_code: str, serial: int
) -> ScanOutcome | None:
    """The refusal of an advance paper whose band already has a paper for every opened envelope of its band,
    or None (a paper without a band, or room left in its band)."""
    band = session.scalar(select(PaperBatch.band_value).where(PaperBatch.id == paper.batch_id))
    if band is None:
        return None
    value = Fraction(band)
    if advance_papers_read_in_band(session, item, paper.class_id, value) < envelopes_opened_in_band(
        session, meeting_id, item, paper.class_id, value
    ):
        return None
    words = message("advance.band_every_envelope_counted", item=item.number, code=class_code,
                    votes=Bilingual(*votes_words(value)))
    return ScanOutcome.worded(
        False, words, reason="no-opened-envelope", item=item.number, class_code=class_code, serial=serial
    )
