"""Membership cards for the whole register, from the desk's "Print membership cards" button.

Qt-free glue between the meeting record and ``coopvote.ballots.pdf_cards`` (which draws the cards):
the register's active members, in class order and then by name, each with a sealed ``CVM1-`` code
that the desk's search box reads back when a card is scanned.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select

from coopvote.ballots.pdf_cards import cards_for, render_cards
from coopvote.ballots.pdf_spec import MeetingInfo, VotingClass
from coopvote.errors import RuleError
from coopvote.record.models import Meeting, Member, MembershipClass


def write_membership_cards(service: Any, path: str | Path, page_size: str = "A4") -> int:
    """Write a card for every active member to ``path`` (PDF); returns how many cards."""
    with service.reading() as session:
        meeting = session.get(Meeting, service.meeting_id)
        info = MeetingInfo(meeting.code, meeting.name_cy, meeting.name_en)
        rows = session.execute(
            select(Member.number, Member.name, MembershipClass)
            .join(MembershipClass, MembershipClass.id == Member.class_id)
            .where(Member.meeting_id == meeting.id, Member.status == "active")
            .order_by(MembershipClass.position, Member.name, Member.number)
        ).all()
        members = [(number, name, VotingClass(cls.code, cls.name_cy, cls.name_en, cls.colour))
                   for number, name, cls in rows]
        secret = bytes(meeting.secret)
    if not members:
        raise RuleError("the register has no active members to print cards for; import the register first")
    cards = cards_for(info, members, secret)
    render_cards(cards, Path(path), page_size)
    return len(cards)
