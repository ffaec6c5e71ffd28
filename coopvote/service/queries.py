"""Reads that several roles share, as plain functions of an open session.

They live here rather than on any one role so that no role has to inherit another to look up an item,
a class or a member, and so that set-up and the desk no longer import each other.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coopvote.errors import RuleError
from coopvote.record.models import AgendaItem, Member, MembershipClass, Proxy
from coopvote.service.views import CandidateView, ItemView, MemberView


def item_row(session: Session, meeting_id: int, number: int) -> AgendaItem:
    """The agenda item with this number; a refusal lists the numbers there are."""
    item = session.scalar(select(AgendaItem).where(AgendaItem.meeting_id == meeting_id, AgendaItem.number == number))
    if item is None:
        numbers = session.scalars(
            select(AgendaItem.number).where(AgendaItem.meeting_id == meeting_id).order_by(AgendaItem.number)
        ).all()
        raise RuleError("lookup.no_item", number=number, items=", ".join(map(str, numbers)))
    return item


def class_row(session: Session, meeting_id: int, code: str) -> MembershipClass:
    """The membership class with this code, whatever its case."""
    cls = session.scalar(
        select(MembershipClass).where(
            MembershipClass.meeting_id == meeting_id, func.upper(MembershipClass.code) == code.strip().upper()
        )
    )
    if cls is None:
        raise RuleError("lookup.no_class", code=code)
    return cls


def class_code_of(session: Session, class_id: int) -> str:
    found = session.get(MembershipClass, class_id)
    return str(found.code) if found is not None else "?"


def member_by_number(session: Session, meeting_id: int, number: str) -> Member:
    """The member with this membership number, whatever its case or surrounding spaces."""
    member = session.scalar(
        select(Member).where(Member.meeting_id == meeting_id, func.lower(Member.number) == number.strip().lower())
    )
    if member is None:
        raise RuleError("lookup.no_member", number=number)
    return member


def live_proxies_held(session: Session, holder_id: int) -> list[str]:
    """Membership numbers of the members whose live proxy this member holds."""
    return list(
        session.scalars(
            select(Member.number)
            .join(Proxy, Proxy.appointer_id == Member.id)
            .where(Proxy.holder_id == holder_id, Proxy.cancelled_at.is_(None))
            .order_by(Member.number)
        )
    )


def live_proxies_given(session: Session, appointer_id: int) -> str | None:
    row = session.execute(
        select(Proxy.holder_id, Proxy.holder_is_chair).where(
            Proxy.appointer_id == appointer_id, Proxy.cancelled_at.is_(None)
        )
    ).first()
    if row is None:
        return None
    if row.holder_is_chair:
        return "chair"
    holder = session.get(Member, row.holder_id)
    return holder.number if holder else None


def member_view(session: Session, member: Member, class_code: str) -> MemberView:
    held = live_proxies_held(session, member.id)
    given = live_proxies_given(session, member.id)
    return MemberView(
        number=member.number,
        name=member.name,
        class_code=class_code,
        vote_value=member.vote_value,
        status=member.status,
        present=member.present,
        proxy_held_for=tuple(held),
        proxy_given_to=given,
    )


def item_view(item: AgendaItem) -> ItemView:
    return ItemView(
        number=item.number,
        kind=item.kind,
        title_en=item.title_en,
        title_cy=item.title_cy,
        text_en=item.text_en,
        text_cy=item.text_cy,
        special=item.special,
        threshold=item.threshold,
        by_head=item.by_head,
        method=item.method,
        seats=item.seats,
        max_marks=item.max_marks,
        status=item.status,
        candidates=tuple(CandidateView(c.position, c.name, c.class_code, c.withdrawn) for c in item.candidates),
        settings=dict(item.settings),
    )


def register_by_class(session: Session, meeting_id: int) -> dict[str, int]:
    """Members entitled to vote (active, not lapsed) per class code, every class named: a register's whole."""
    counts = dict.fromkeys(
        session.scalars(select(MembershipClass.code).where(MembershipClass.meeting_id == meeting_id)), 0
    )
    for code, count in session.execute(
        select(MembershipClass.code, func.count(Member.id))
        .join(Member, Member.class_id == MembershipClass.id)
        .where(MembershipClass.meeting_id == meeting_id, Member.status == "active")
        .group_by(MembershipClass.code)
    ):
        counts[code] = int(count)
    return counts


def freeze_register(session: Session, item: AgendaItem) -> dict[str, int] | None:
    """Keep with an item counted against the whole register (``base = "register"``) the register as it is now.

    Called when the vote closes (or a show of hands is declared): from then on the count, the declaration
    and the archive's recount all divide by the same figure, whatever happens to the register later. A
    register frozen at an earlier close is kept. None for an item of any other base.
    """
    from coopvote.counting.register_base import REGISTER_SETTING

    settings = dict(item.settings or {})
    if settings.get("base") != "register":
        return None
    if not isinstance(settings.get(REGISTER_SETTING), dict):
        settings[REGISTER_SETTING] = register_by_class(session, item.meeting_id)
        item.settings = settings
    return dict(settings[REGISTER_SETTING])
