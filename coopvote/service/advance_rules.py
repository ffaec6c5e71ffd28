"""The judgements behind advance votes, as plain functions of a session: is an envelope in time, whose is
it, how many opened envelopes a class has, what a directed proxy form's words mean as marks.

They are kept apart from ``AdvanceRole`` so the role reads as its steps, and so each judgement can be
read on its own; none of them writes anything.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from fractions import Fraction
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coopvote.ballots.qrcodec import CARD_PREFIX, QrRejected, decode_card
from coopvote.errors import InputError, RuleError
from coopvote.meeting.checks_advance import advance_closes
from coopvote.messages import Message
from coopvote.record.models import (
    AdvanceEnvelope,
    AdvancePack,
    AgendaItem,
    BallotPaper,
    Meeting,
    Member,
    PaperBatch,
    PaperIssue,
    Proxy,
    RecordedBallot,
)
from coopvote.service.papers import PrintedBatch
from coopvote.service.queries import member_by_number
from coopvote.service.voting import IdentifiedPaper, marks_problem
from coopvote.service.wording import member_status

ENVELOPE_REFUSALS = {
    "unknown": ("Amlen anhysbys", "Unknown envelope"),
    "lapsed": ("Aelodaeth wedi dod i ben", "Membership lapsed"),
    "duplicate": ("Ail amlen", "Second envelope"),
    "late": ("Hwyr", "Late"),
    "unsigned": ("Datganiad heb ei lofnodi", "Declaration not signed"),
    "already-voted": ("Wedi pleidleisio eisoes", "Already voted"),
}
"""Why a returned envelope is set aside unopened, in Welsh and English."""

RESOLUTION_DIRECTIONS = {"for": [1], "against": [2], "abstain": [3]}
DISCRETION = "discretion"


@dataclass(frozen=True)
class AdvanceIssue:
    """Packs recorded as sent: who gets one (with their envelope's code) and the papers to print for them.

    The papers are allocated per item and class in shuffled order, apart from the members: the envelope
    sheets and the papers are printed as two separate runs and put together from mixed stacks.
    """

    members: tuple[tuple[str, str], ...]
    """(membership number, class code) of each member sent a pack, in register order."""
    envelope_codes: dict[str, str]
    """Membership number -> the sealed member-level code printed on their return envelope sheet."""
    batches: tuple[PrintedBatch, ...]
    bands: dict[str, Fraction] = field(default_factory=dict)
    """Membership number -> the value band of the member's papers, for members whose pack holds an item
    counted by members' own values: printed on their envelope sheet, so the pack is stuffed from that band's stack."""


@dataclass(frozen=True)
class EnvelopeOutcome:
    accepted: bool
    reason: str
    member: str | None
    items: tuple[int, ...]
    message_en: str
    message_cy: str

    @classmethod
    def worded(
        cls, accepted: bool, reason: str, member: str | None, items: tuple[int, ...], words: Message
    ) -> EnvelopeOutcome:
        """An outcome whose two texts are one catalogue message rendered in each language."""
        return cls(accepted, reason, member, items, words.render("en"), words.render("cy"))


@dataclass(frozen=True)
class MemberStanding:
    """What the desk must see at once: items a member has already voted on, and how."""

    number: str
    advance_items: tuple[int, ...]
    directed_items: tuple[int, ...]
    pack_sent: bool
    envelope: str | None
    """None, "accepted", or "refused: <reason>"."""


def advance_rules(item: AgendaItem) -> dict[str, Any]:
    rules = item.settings.get("advance")
    return dict(rules) if isinstance(rules, dict) else {}


def window_open(item: AgendaItem, at: datetime) -> bool:
    closes = advance_closes(advance_rules(item).get("closes"))
    return closes is not None and at <= closes


def judge_envelope(
    session: Session, meeting_id: int, code: str, signed: bool, at: datetime
) -> tuple[Member | None, str, list[int]]:
    meeting = session.get(Meeting, meeting_id)
    assert meeting is not None
    number = code
    if code.upper().startswith(CARD_PREFIX):
        try:
            number = decode_card(code, bytes(meeting.secret), meeting.code).member
        except QrRejected:
            return None, "unknown", []
    try:
        member = member_by_number(session, meeting_id, number)
    except RuleError:
        return None, "unknown", []
    if member.status != "active":
        return member, "lapsed", []
    pack = session.scalar(select(AdvancePack).where(AdvancePack.member_id == member.id))
    if pack is None:
        return member, "unknown", []
    accepted = session.scalar(
        select(func.count()).select_from(AdvanceEnvelope).where(
            AdvanceEnvelope.member_id == member.id, AdvanceEnvelope.state == "accepted"
        )
    )
    if accepted:
        return member, "duplicate", []
    items = [
        item
        for item in session.scalars(
            select(AgendaItem).where(AgendaItem.meeting_id == meeting_id, AgendaItem.number.in_(pack.items))
        )
    ]
    if not signed and any(advance_rules(item).get("declaration") for item in items):
        return member, "unsigned", []
    in_time = [item for item in items if window_open(item, at) and item.status in {"pending", "open"}]
    if not in_time:
        return member, "late", []
    voted = set(session.scalars(select(PaperIssue.item_id).where(PaperIssue.member_id == member.id)))
    counted = sorted(item.number for item in in_time if item.id not in voted)
    if not counted:
        return member, "already-voted", []
    return member, "", counted


def envelopes_opened(session: Session, meeting_id: int, item: AgendaItem, class_id: int) -> int:
    """Opened envelopes of a class that carry a vote on the item: each accepted envelope wrote one advance
    ``paper_issue`` per item it counts for, so the count is one indexed query, not a walk over every envelope."""
    return int(
        session.scalar(
            select(func.count())
            .select_from(PaperIssue)
            .join(AdvanceEnvelope, AdvanceEnvelope.member_id == PaperIssue.member_id)
            .where(
                PaperIssue.item_id == item.id, PaperIssue.class_id == class_id, PaperIssue.channel == "advance",
                AdvanceEnvelope.meeting_id == meeting_id, AdvanceEnvelope.state == "accepted",
                AdvanceEnvelope.opened.is_(True),
            )  # fmt: skip
        )
        or 0
    )


def advance_papers_read(session: Session, item: AgendaItem, class_id: int) -> int:
    return int(
        session.scalar(
            select(func.count())
            .select_from(RecordedBallot)
            .join(BallotPaper, (BallotPaper.item_id == RecordedBallot.item_id) & (BallotPaper.serial == RecordedBallot.serial))
            .join(PaperBatch, PaperBatch.id == BallotPaper.batch_id)
            .where(RecordedBallot.item_id == item.id, RecordedBallot.class_id == class_id, PaperBatch.kind == "advance")
        )
        or 0
    )


def proxy_holder_id(session: Session, meeting_id: int, giver: Member, holder: str | None, limit: int) -> int | None:
    if holder is None:
        return None
    taker = member_by_number(session, meeting_id, holder)
    if taker.id == giver.id:
        raise RuleError("desk.own_proxy")
    if taker.status != "active":
        raise RuleError("desk.cannot_hold_proxy", number=taker.number, name=taker.name, status=member_status(taker.status))
    held = session.scalar(
        select(func.count()).select_from(Proxy).where(Proxy.holder_id == taker.id, Proxy.cancelled_at.is_(None))
    )
    if (held or 0) >= limit:
        raise RuleError("desk.proxy_limit", number=taker.number, name=taker.name, held=int(held or 0), limit=limit)
    return taker.id


def direction_marks(item: AgendaItem, direction: str | Sequence[int]) -> list[int]:
    if item.kind == "resolution":
        if not isinstance(direction, str) or direction.strip().lower() not in RESOLUTION_DIRECTIONS:
            raise RuleError("advance.direction_not_resolution_word", item=item.number, direction=repr(direction))
        return RESOLUTION_DIRECTIONS[direction.strip().lower()]
    if isinstance(direction, str):
        raise RuleError("advance.direction_needs_candidates", item=item.number)
    marks = [int(m) for m in direction]
    paper = IdentifiedPaper(item.number, "", 0, None, item.kind, item.method, len(item.candidates), item.max_marks)
    problem = marks_problem(paper, marks)
    if problem is not None:
        raise RuleError("advance.direction_marks", item=item.number, problem=problem)
    return marks

# -- what the desk and the screens read -------------------------------------------------------


WELSH_DIRECTIONS = {"o blaid": "for", "yn erbyn": "against", "ymatal": "abstain", "disgresiwn": DISCRETION}
"""A desk in Welsh may key the form's words as written on it."""


def parse_directions(entries: Sequence[str]) -> dict[int, str | list[int]]:
    """``["1=for", "2=3,1,2", "3=discretion"]`` (or the Welsh words) as ``enter_directed_proxy`` takes them.

    A ranking or a list of marked candidates is candidate numbers separated by commas or spaces.
    """
    directions: dict[int, str | list[int]] = {}
    for entry in entries:
        number, _, direction = entry.partition("=")
        value = " ".join(direction.strip().lower().split())
        if not number.strip().isdigit() or not value:
            raise InputError("advance.direction_unreadable", entry=repr(entry.strip()))
        if int(number) in directions:
            raise InputError("advance.direction_twice", entry=repr(entry.strip()), item=int(number))
        value = WELSH_DIRECTIONS.get(value, value)
        parts = value.replace(",", " ").split()
        directions[int(number)] = [int(part) for part in parts] if all(p.isdigit() for p in parts) else value
    return directions
