"""The registration desk: checking members in and out, proxies, quorum and handing out packs.

The rules enforced here are the society's: a lapsed member cannot vote, a proxy holder cannot hold
more than the rules allow, and a member who turns up in person cancels their own proxy.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from sqlalchemy import func, select

from coopvote.errors import RuleError
from coopvote.messages import Message, message
from coopvote.record.models import AgendaItem, Attendance, Member, MembershipClass, PaperIssue, Proxy
from coopvote.record.types import utcnow
from coopvote.service.bands import desk_band, item_meeting
from coopvote.service.base import MeetingRecord, Role
from coopvote.service.queries import live_proxies_given, member_by_number
from coopvote.service.setup import SetupRole
from coopvote.service.sources import voted_before_meeting
from coopvote.service.views import PackToHand
from coopvote.service.wording import member_status

DEFAULT_PROXY_LIMIT = 3


class DeskRole(Role):
    """The registration desk. It reads the meeting through set-up and can neither open nor close a vote."""

    def __init__(self, record: MeetingRecord, setup: SetupRole) -> None:
        super().__init__(record)
        self.setup = setup

    def proxy_limit(self) -> int:
        rules: dict[str, Any] = self.setup.meeting().rules
        proxies = rules.get("proxies", {})
        return int(proxies.get("limit_per_holder", DEFAULT_PROXY_LIMIT)) if isinstance(proxies, dict) else DEFAULT_PROXY_LIMIT

    def card_member(self, card_text: str) -> str:
        """The membership number on a scanned membership card, after checking its seal for this meeting.

        Raises ``coopvote.ballots.qrcodec.QrRejected`` (an InputError, in plain words in both languages)
        for a ballot, a forged card or another meeting's card.
        """
        from coopvote.ballots.qrcodec import decode_card
        from coopvote.record.models import Meeting

        with self.reading() as session:
            meeting = session.get(Meeting, self.meeting_id)
            assert meeting is not None
            code, secret = meeting.code, bytes(meeting.secret)
        return decode_card(card_text, secret, code).member

    def check_in(self, number: str) -> list[Message]:
        """Check a member in; returns notes for the desk (such as a proxy cancelled by attending)."""
        notes: list[Message] = []
        with self.action("member checked in", member=number.strip()) as (session, act):
            member = member_by_number(session, self.meeting_id, number)
            act.details["member"] = member.number
            if member.status != "active":
                raise RuleError("desk.cannot_check_in", number=member.number, name=member.name,
                                status=member_status(member.status))
            if member.present:
                raise RuleError("desk.already_checked_in", number=member.number, name=member.name)
            member.present = True
            session.add(Attendance(member_id=member.id))
            proxy = session.scalar(select(Proxy).where(Proxy.appointer_id == member.id, Proxy.cancelled_at.is_(None)))
            if proxy is not None:
                proxy.cancelled_at = utcnow()
                proxy.cancel_reason = "appointer attended in person"
                notes.append(message("desk.proxy_cancelled_by_attending", name=member.name))
                act.details["proxy_cancelled"] = True
        return notes

    def check_out(self, number: str) -> None:
        with self.action("member checked out", member=number.strip()) as (session, act):
            member = member_by_number(session, self.meeting_id, number)
            act.details["member"] = member.number
            if not member.present:
                raise RuleError("desk.not_checked_in", number=member.number, name=member.name)
            member.present = False
            visit = session.scalar(
                select(Attendance)
                .where(Attendance.member_id == member.id, Attendance.checked_out_at.is_(None))
                .order_by(Attendance.id.desc())
            )
            if visit is not None:
                visit.checked_out_at = utcnow()

    def appoint_proxy(
        self, appointer: str, holder: str | None, *, directed: bool = False, instructions: str = ""
    ) -> None:
        """Record a proxy appointment. ``holder`` None means the chair of the meeting."""
        limit = self.proxy_limit()
        with self.action("proxy appointed", appointer=appointer.strip(), holder=holder or "chair") as (session, act):
            giver = member_by_number(session, self.meeting_id, appointer)
            act.details["appointer"] = giver.number
            if giver.status != "active":
                raise RuleError("desk.cannot_appoint_proxy", number=giver.number, name=giver.name,
                                status=member_status(giver.status))
            if giver.present:
                raise RuleError("desk.present_needs_no_proxy", number=giver.number, name=giver.name)
            if live_proxies_given(session, giver.id) is not None:
                raise RuleError("desk.proxy_already_appointed", number=giver.number, name=giver.name)
            holder_id = None
            if holder is not None:
                taker = member_by_number(session, self.meeting_id, holder)
                act.details["holder"] = taker.number
                if taker.id == giver.id:
                    raise RuleError("desk.own_proxy")
                if taker.status != "active":
                    raise RuleError("desk.cannot_hold_proxy", number=taker.number, name=taker.name,
                                    status=member_status(taker.status))
                held = session.scalar(
                    select(func.count())
                    .select_from(Proxy)
                    .where(Proxy.holder_id == taker.id, Proxy.cancelled_at.is_(None))
                )
                if (held or 0) >= limit:
                    raise RuleError("desk.proxy_limit", number=taker.number, name=taker.name, held=held, limit=limit)
                holder_id = taker.id
            session.add(
                Proxy(
                    meeting_id=self.meeting_id,
                    appointer_id=giver.id,
                    holder_id=holder_id,
                    holder_is_chair=holder is None,
                    directed=directed,
                    instructions=instructions,
                )
            )
            act.details["directed"] = directed

    def cancel_proxy(self, appointer: str, reason: str) -> None:
        with self.action("proxy cancelled", appointer=appointer.strip(), reason=reason) as (session, act):
            giver = member_by_number(session, self.meeting_id, appointer)
            proxy = session.scalar(select(Proxy).where(Proxy.appointer_id == giver.id, Proxy.cancelled_at.is_(None)))
            if proxy is None:
                raise RuleError("desk.no_proxy_to_cancel", number=giver.number)
            proxy.cancelled_at = utcnow()
            proxy.cancel_reason = reason

    # -- quorum ------------------------------------------------------------------------------------

    def attendance_by_class(self) -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
        """Eligible members, members present in person, and live proxies counted, each by class code."""
        with self.reading() as session:
            codes = dict(
                session.execute(
                    select(MembershipClass.id, MembershipClass.code).where(MembershipClass.meeting_id == self.meeting_id)
                ).all()
            )
            eligible: Counter[str] = Counter({code: 0 for code in codes.values()})
            present: Counter[str] = Counter({code: 0 for code in codes.values()})
            for class_id, is_present, count in session.execute(
                select(Member.class_id, Member.present, func.count())
                .where(Member.meeting_id == self.meeting_id, Member.status == "active")
                .group_by(Member.class_id, Member.present)
            ):
                eligible[codes[class_id]] += count
                if is_present:
                    present[codes[class_id]] += count
            holder = Member.__table__.alias("holder")
            proxies: Counter[str] = Counter({code: 0 for code in codes.values()})
            rows = session.execute(
                select(Member.class_id, Proxy.holder_is_chair, holder.c.present)
                .join(Proxy, Proxy.appointer_id == Member.id)
                .outerjoin(holder, holder.c.id == Proxy.holder_id)
                .where(Proxy.meeting_id == self.meeting_id, Proxy.cancelled_at.is_(None), Member.present.is_(False))
            )
            for class_id, is_chair, holder_present in rows:
                if is_chair or holder_present:
                    proxies[codes[class_id]] += 1
            return dict(eligible), dict(present), dict(proxies)

    def quorum(self) -> Any:
        from coopvote.meeting.quorum import QuorumRule, assess

        meeting = self.setup.meeting()
        rule = QuorumRule.from_mapping(dict(meeting.rules.get("quorum", {})))  # type: ignore[arg-type]
        eligible, present, proxies = self.attendance_by_class()
        return assess(
            rule,
            eligible,
            present,
            proxies,
            class_names={c.code: c.name_en for c in meeting.classes},
            class_names_cy={c.code: c.name_cy for c in meeting.classes},
        )

    # -- packs ------------------------------------------------------------------------------------

    def issue_pack(self, number: str) -> list[PackToHand]:
        """Record that a present member receives their pack, and one per live proxy they hold.

        Returns what the desk must hand over. Items already issued to that member are skipped, so a
        second press of the button never hands out a second paper.
        """
        packs: list[PackToHand] = []
        with self.action("pack issued", member=number.strip()) as (session, act):
            member = member_by_number(session, self.meeting_id, number)
            act.details["member"] = member.number
            if member.status != "active":
                raise RuleError("desk.no_voting_papers", number=member.number, name=member.name,
                                status=member_status(member.status))
            if not member.present:
                raise RuleError("desk.not_checked_in", number=member.number, name=member.name)
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
                voted = voted_before_meeting(session, member.id)
                if voted is None:
                    raise RuleError("desk.every_paper_received", number=member.number, name=member.name)
                raise RuleError("desk.every_paper_received_voted", number=member.number, name=member.name, voted=voted)
            act.details["packs_for"] = issued_for
        return packs
