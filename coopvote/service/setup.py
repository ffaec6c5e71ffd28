"""Setting a meeting up: from its spec, and loading its membership register."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, select

from coopvote.errors import InputError, RuleError
from coopvote.meeting.spec import MeetingSpec
from coopvote.messages import Message, message
from coopvote.record.models import (
    AgendaItem,
    Candidate,
    Meeting,
    Member,
    MembershipClass,
    PaperIssue,
    RecordedBallot,
)
from coopvote.service.bands import band_warning_words, band_warnings, check_register_values
from coopvote.service.base import Role
from coopvote.service.queries import item_view, member_by_number, member_view
from coopvote.service.sources import packs_sent
from coopvote.service.views import ClassView, MeetingView, MemberView

MEETING_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"


def new_meeting_code() -> str:
    """Six characters from an alphabet without look-alikes (no O/0, I/1), safe on any keyboard layout."""
    return "".join(secrets.choice(MEETING_CODE_ALPHABET) for _ in range(6))


@dataclass(frozen=True)
class ImportResult:
    imported: int
    by_class: dict[str, int]
    warnings: tuple[str | Message, ...]
    source_sha256: str


class SetupRole(Role):
    """Set-up: the meeting as specified, and its membership register; also every role's view of the meeting."""

    def populate_from_spec(self, spec: MeetingSpec) -> None:
        """Write the whole spec as the meeting's first audited action."""
        with self.action("meeting created", name=spec.name_en, classes=[c.code for c in spec.classes]) as (
            session,
            act,
        ):
            meeting = Meeting(
                code=new_meeting_code(),
                name_en=spec.name_en,
                name_cy=spec.name_cy,
                society_en=spec.society_en,
                society_cy=spec.society_cy,
                held_on=spec.held_on,
                place=spec.place,
                notice_given_on=spec.notice_given_on,
                languages=",".join(spec.languages),
                secret=secrets.token_bytes(32),
                weighting=spec.weighting,
                rules=spec.rules,
            )
            session.add(meeting)
            session.flush()
            self.record.adopt_meeting(meeting.id)
            for position, cls in enumerate(spec.classes):
                session.add(
                    MembershipClass(
                        meeting_id=meeting.id,
                        position=position,
                        code=cls.code,
                        name_en=cls.name_en,
                        name_cy=cls.name_cy,
                        colour=cls.colour,
                        vote_value=cls.vote_value,
                    )
                )
            for item_spec in spec.items:
                item = AgendaItem(
                    meeting_id=meeting.id,
                    number=item_spec.number,
                    kind=item_spec.kind,
                    title_en=item_spec.title_en,
                    title_cy=item_spec.title_cy,
                    text_en=item_spec.text_en,
                    text_cy=item_spec.text_cy,
                    special=item_spec.special,
                    threshold=item_spec.threshold,
                    by_head=item_spec.by_head,
                    method=item_spec.method,
                    seats=item_spec.seats,
                    max_marks=item_spec.max_marks,
                    settings=item_spec.settings,
                )
                session.add(item)
                session.flush()
                for position, candidate in enumerate(item_spec.candidates, start=1):
                    session.add(
                        Candidate(
                            item_id=item.id, position=position, name=candidate.name, class_code=candidate.class_code
                        )
                    )
            act.details["meeting_code"] = meeting.code
            act.details["items"] = [item.number for item in spec.items]

    # -- reading ---------------------------------------------------------------------------------

    def meeting(self) -> MeetingView:
        with self.reading() as session:
            meeting = session.get(Meeting, self.meeting_id)
            assert meeting is not None
            counts = dict(
                session.execute(
                    select(Member.class_id, func.count()).where(Member.meeting_id == meeting.id).group_by(Member.class_id)
                ).all()
            )
            eligible = dict(
                session.execute(
                    select(Member.class_id, func.count())
                    .where(Member.meeting_id == meeting.id, Member.status == "active")
                    .group_by(Member.class_id)
                ).all()
            )
            classes = tuple(
                ClassView(c.code, c.name_en, c.name_cy, c.colour, c.vote_value, counts.get(c.id, 0), eligible.get(c.id, 0))
                for c in meeting.classes
            )
            items = tuple(item_view(item) for item in meeting.items)
            return MeetingView(
                code=meeting.code,
                name_en=meeting.name_en,
                name_cy=meeting.name_cy,
                society_en=meeting.society_en,
                society_cy=meeting.society_cy,
                held_on=meeting.held_on,
                place=meeting.place,
                notice_given_on=meeting.notice_given_on,
                languages=tuple(meeting.languages.split(",")),
                weighting=dict(meeting.weighting),
                rules=dict(meeting.rules),
                classes=classes,
                items=items,
            )

    def find_members(self, text: str, limit: int = 50) -> list[MemberView]:
        """Find members by number (exact first) or by any part of the name, case-insensitively."""
        text = text.strip()
        if not text:
            return []
        with self.reading() as session:
            base = select(Member, MembershipClass.code).join(MembershipClass).where(Member.meeting_id == self.meeting_id)
            exact = session.execute(base.where(func.lower(Member.number) == text.lower())).all()
            rows: list[tuple[Member, str]] = [(m, c) for m, c in exact]
            if len(rows) < limit:
                pattern = f"%{text.lower()}%"
                more = session.execute(
                    base.where(func.lower(Member.name).like(pattern)).order_by(Member.name).limit(limit)
                ).all()
                seen = {m.id for m, _ in rows}
                rows += [(m, code) for m, code in more if m.id not in seen]
            return [member_view(session, member, code) for member, code in rows[:limit]]

    def members(self) -> list[MemberView]:
        """Every member, in membership-number order (for lists, the demo and exports)."""
        with self.reading() as session:
            rows = session.execute(
                select(Member, MembershipClass.code)
                .join(MembershipClass)
                .where(Member.meeting_id == self.meeting_id)
                .order_by(Member.number)
            ).all()
            return [member_view(session, member, code) for member, code in rows]

    def member(self, number: str) -> MemberView:
        with self.reading() as session:
            member = member_by_number(session, self.meeting_id, number)
            code = session.get(MembershipClass, member.class_id)
            assert code is not None
            return member_view(session, member, code.code)

    # -- the register ------------------------------------------------------------------------------

    def preview_register(self, source: Path | bytes, filename: str = "") -> Any:
        """Read a register file without changing anything, so the desk can see every bad row first."""
        from coopvote.register.importer import read_register

        with self.reading() as session:
            names = {
                c.code: (c.name_en, c.name_cy)
                for c in session.scalars(select(MembershipClass).where(MembershipClass.meeting_id == self.meeting_id))
            }
        return read_register(source, known_classes=names, filename=filename or str(source))

    def import_register(self, source: Path | bytes, filename: str = "", *, replace: bool = False) -> ImportResult:
        """All or nothing: any bad row refuses the whole file, naming every bad row."""
        preview = self.preview_register(source, filename)
        label = filename or str(source)
        if not preview.ok:
            from coopvote.register.model import listed as listed_problems

            listed = listed_problems(preview.errors[:20])
            more = message("setup.more_rows", count=len(preview.errors) - 20) if len(preview.errors) > 20 else ""
            raise InputError("setup.bad_rows", label=label, count=len(preview.errors), listed=listed, more=more)
        raw = source if isinstance(source, bytes) else Path(source).read_bytes()
        digest = hashlib.sha256(raw).hexdigest()
        return self._store_register(preview.rows, label, digest, tuple(preview.warnings), replace)

    def _store_register(
        self, rows: Iterable[Any], label: str, digest: str, warnings: tuple[str, ...], replace: bool
    ) -> ImportResult:
        rows = list(rows)
        with self.action("register imported", file=Path(label).name, sha256=digest) as (session, act):
            class_ids = {
                c.code: c.id
                for c in session.scalars(select(MembershipClass).where(MembershipClass.meeting_id == self.meeting_id))
            }
            existing = session.scalar(select(func.count()).select_from(Member).where(Member.meeting_id == self.meeting_id))
            if existing:
                if not replace:
                    raise RuleError("setup.already_has_members", existing=existing)
                started = session.scalar(
                    select(func.count()).select_from(PaperIssue).join(AgendaItem).where(AgendaItem.meeting_id == self.meeting_id)
                ) or session.scalar(
                    select(func.count()).select_from(RecordedBallot).join(AgendaItem).where(AgendaItem.meeting_id == self.meeting_id)
                )
                present = session.scalar(
                    select(func.count()).select_from(Member).where(Member.meeting_id == self.meeting_id, Member.present)
                )
                opened = session.scalar(
                    select(func.count()).select_from(AgendaItem)
                    .where(AgendaItem.meeting_id == self.meeting_id, AgendaItem.status != "pending")
                )
                if started or present or opened or packs_sent(session, self.meeting_id):
                    raise RuleError("setup.register_in_use")
                from coopvote.record.models import Proxy  # here: the only use in this module

                proxies = session.scalar(select(func.count()).select_from(Proxy).where(Proxy.meeting_id == self.meeting_id))
                if proxies:
                    # Appointments (cancelled ones too) stay in the record and name members of this register.
                    raise RuleError("setup.proxies_name_members", proxies=proxies)
                session.execute(delete(Member).where(Member.meeting_id == self.meeting_id))
            meeting = session.get(Meeting, self.meeting_id)
            assert meeting is not None
            check_register_values(
                meeting, ((r.membership_number, r.class_code, r.vote_value) for r in rows), Path(label).name
            )
            by_class: dict[str, int] = {}
            values = []
            for row in rows:
                by_class[row.class_code] = by_class.get(row.class_code, 0) + 1
                values.append(
                    (self.meeting_id, row.membership_number, row.name, class_ids[row.class_code], str(row.vote_value), row.status)
                )
            if values:
                # Plain driver executemany: 50,000 rows in well under a second, where per-row ORM work takes
                # several. The SQL is standard; only the placeholder style follows the driver.
                mark = "?" if session.bind.dialect.paramstyle == "qmark" else "%s"  # type: ignore[union-attr]
                session.connection().exec_driver_sql(
                    "INSERT INTO member (meeting_id, number, name, class_id, vote_value, status, present) "
                    f"VALUES ({', '.join([mark] * 6)}, FALSE)",
                    values,
                )
            act.details.update(members=len(values), by_class=by_class, replaced=existing or 0)
            session.flush()
            small_bands = tuple(band_warning_words(w) for w in band_warnings(session, meeting))
            if small_bands:
                act.details["small_bands"] = [w.render("en") for w in small_bands]
        return ImportResult(len(values), by_class, warnings + small_bands, digest)

