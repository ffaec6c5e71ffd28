"""The tables of a meeting.

The secrecy of the ballot is a property of this schema: the tables that know members (attendance,
proxies, paper issues) never hold a ballot serial, and the tables that know serials (ballot papers,
recorded ballots, adjudications) never hold a member. ``tests/test_record_secrecy.py`` proves it by
inspecting these definitions, so a future column that breaks the rule fails the build.
"""

from __future__ import annotations

import secrets
from datetime import date, datetime
from fractions import Fraction
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from coopvote.record.types import FractionType, UTCDateTime, utcnow

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


RandomIdType = BigInteger().with_variant(Integer(), "sqlite")
"""64-bit on PostgreSQL; on SQLite exactly ``INTEGER`` so the id *is* the rowid (any other type name leaves
a hidden rowid that counts up in insertion order, which is the very thing a random id is meant to hide)."""


def random_row_id() -> int:
    """A positive 63-bit id that says nothing about when its row was written (see docs/records.md)."""
    return secrets.randbelow(2**63 - 1) + 1


class Meeting(Base):
    __tablename__ = "meeting"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(12), unique=True)
    """Short code printed in every QR so a paper from another meeting is recognised as such."""
    name_en: Mapped[str] = mapped_column(String(200))
    name_cy: Mapped[str] = mapped_column(String(200), default="")
    society_en: Mapped[str] = mapped_column(String(200), default="")
    society_cy: Mapped[str] = mapped_column(String(200), default="")
    held_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    place: Mapped[str] = mapped_column(String(200), default="")
    notice_given_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    languages: Mapped[str] = mapped_column(String(20), default="cy,en")
    secret: Mapped[bytes] = mapped_column(LargeBinary(64))
    """Key for the HMAC on ballot QR codes; never printed, never exported in the archive's JSON."""
    weighting: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    rules: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    """Quorum, proxies, thresholds, ties, privacy minimum: the society's rules as the spec gave them."""
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    classes: Mapped[list[MembershipClass]] = relationship(
        back_populates="meeting", order_by="MembershipClass.position"
    )
    items: Mapped[list[AgendaItem]] = relationship(back_populates="meeting", order_by="AgendaItem.number")


class MembershipClass(Base):
    __tablename__ = "membership_class"
    __table_args__ = (UniqueConstraint("meeting_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id"))
    position: Mapped[int] = mapped_column(Integer, default=0)
    code: Mapped[str] = mapped_column(String(16))
    name_en: Mapped[str] = mapped_column(String(120))
    name_cy: Mapped[str] = mapped_column(String(120))
    colour: Mapped[str] = mapped_column(String(9), default="#777777")
    vote_value: Mapped[Fraction] = mapped_column(FractionType, default=Fraction(1))

    meeting: Mapped[Meeting] = relationship(back_populates="classes")


class Member(Base):
    __tablename__ = "member"
    __table_args__ = (UniqueConstraint("meeting_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id"), index=True)
    number: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(200))  # searched with LIKE '%..%', which no index serves
    class_id: Mapped[int] = mapped_column(ForeignKey("membership_class.id"), index=True)
    vote_value: Mapped[Fraction] = mapped_column(FractionType, default=Fraction(1))
    status: Mapped[str] = mapped_column(String(16), default="active")  # active | lapsed
    present: Mapped[bool] = mapped_column(Boolean, default=False)
    """Current attendance, kept beside the history in ``attendance`` so quorum is one cheap query."""

    membership_class: Mapped[MembershipClass] = relationship()


class Attendance(Base):
    __tablename__ = "attendance"

    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"), index=True)
    checked_in_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    checked_out_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class Proxy(Base):
    __tablename__ = "proxy"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id"), index=True)
    appointer_id: Mapped[int] = mapped_column(ForeignKey("member.id"), index=True)
    holder_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"), nullable=True, index=True)
    holder_is_chair: Mapped[bool] = mapped_column(Boolean, default=False)
    directed: Mapped[bool] = mapped_column(Boolean, default=False)
    instructions: Mapped[str] = mapped_column(Text, default="")
    appointed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    cancel_reason: Mapped[str] = mapped_column(String(200), default="")


class AgendaItem(Base):
    __tablename__ = "agenda_item"
    __table_args__ = (UniqueConstraint("meeting_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))  # resolution | election
    title_en: Mapped[str] = mapped_column(String(300))
    title_cy: Mapped[str] = mapped_column(String(300), default="")
    text_en: Mapped[str] = mapped_column(Text, default="")
    text_cy: Mapped[str] = mapped_column(Text, default="")
    special: Mapped[bool] = mapped_column(Boolean, default=False)
    threshold: Mapped[str] = mapped_column(String(20), default="> 1/2")
    by_head: Mapped[bool] = mapped_column(Boolean, default=False)
    method: Mapped[str] = mapped_column(String(20), default="")
    seats: Mapped[int] = mapped_column(Integer, default=0)
    max_marks: Mapped[int] = mapped_column(Integer, default=0)
    settings: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    """Per-item overrides: weighting, tie rule, reserved seats per class, count seed."""
    status: Mapped[str] = mapped_column(String(16), default="pending")  # pending | open | closed | declared
    opened_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)

    meeting: Mapped[Meeting] = relationship(back_populates="items")
    candidates: Mapped[list[Candidate]] = relationship(back_populates="item", order_by="Candidate.position")


class Candidate(Base):
    __tablename__ = "candidate"
    __table_args__ = (UniqueConstraint("item_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("agenda_item.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(200))
    class_code: Mapped[str | None] = mapped_column(String(16), nullable=True)
    """The membership class the candidate stands for, when seats are reserved per class."""
    withdrawn: Mapped[bool] = mapped_column(Boolean, default=False)

    item: Mapped[AgendaItem] = relationship(back_populates="candidates")


class PaperIssue(Base):
    """That a member received the paper for an item: never which paper.

    ``proxy_id`` is set when the paper was handed to a proxy holder for the appointer ``member_id``.
    """

    __tablename__ = "paper_issue"
    __table_args__ = (UniqueConstraint("item_id", "member_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("agenda_item.id"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"), index=True)
    class_id: Mapped[int] = mapped_column(ForeignKey("membership_class.id"))
    proxy_id: Mapped[int | None] = mapped_column(ForeignKey("proxy.id"), nullable=True)
    channel: Mapped[str] = mapped_column(String(16), default="room", server_default="room")
    """How the member votes on the item: room (a paper at the desk, to them or their proxy holder),
    advance (their returned envelope was accepted) or directed (their proxy form directs the vote: no paper)."""


class AdvancePack(Base):
    """That a member was sent an advance (postal) pack: never which papers were in it."""

    __tablename__ = "advance_pack"
    __table_args__ = (UniqueConstraint("member_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"))
    items: Mapped[list[int]] = mapped_column(JSON, default=list)
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class AdvanceEnvelope(Base):
    """A returned envelope as received, before it is opened: accepted, or refused with its reason.

    ``member_id`` is empty for an envelope whose code named no member. Papers are read only after the
    accepted envelopes are opened and their papers mixed, so no paper can be tied to an envelope.
    """

    __tablename__ = "advance_envelope"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id"), index=True)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("member.id"), nullable=True, index=True)
    class_id: Mapped[int | None] = mapped_column(ForeignKey("membership_class.id"), nullable=True)
    items: Mapped[list[int]] = mapped_column(JSON, default=list)
    """The items the envelope's vote counts for (empty when refused)."""
    state: Mapped[str] = mapped_column(String(16), default="accepted")  # accepted | refused
    reason: Mapped[str] = mapped_column(String(40), default="")
    opened: Mapped[bool] = mapped_column(Boolean, default=False)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class DirectedTally(Base):
    """Directed proxy votes for one item and class, as a tally: how many forms directed each choice.

    One row per item and class, updated in place and holding no time, so neither a member nor the order
    in which forms were entered can be read from it; there is no paper, so there is no serial.
    """

    __tablename__ = "directed_tally"
    __table_args__ = (UniqueConstraint("item_id", "class_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("agenda_item.id"), index=True)
    class_id: Mapped[int] = mapped_column(ForeignKey("membership_class.id"))
    tally: Mapped[dict[str, int]] = mapped_column(JSON, default=dict)
    """Marks as text ("2", "3 1 2") -> how many directed votes chose exactly that."""


class PaperBatch(Base):
    """A print run of papers for one item and class; the serials it printed are its papers."""

    __tablename__ = "paper_batch"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("agenda_item.id"), index=True)
    class_id: Mapped[int] = mapped_column(ForeignKey("membership_class.id"))
    kind: Mapped[str] = mapped_column(String(16), default="paper")  # paper | slips | advance
    variant: Mapped[str] = mapped_column(String(16), default="standard")
    first_serial: Mapped[int] = mapped_column(Integer)
    count: Mapped[int] = mapped_column(Integer)
    band_value: Mapped[Fraction | None] = mapped_column(FractionType, nullable=True)
    """The vote value every paper of the batch carries (``per_member`` value band), or None: one per paper.

    A band is a value, never a member: the batch is printed before anyone is handed a paper of it.
    """
    printed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class BallotPaper(Base):
    """One printed serial. No member column, by design."""

    __tablename__ = "ballot_paper"
    __table_args__ = (UniqueConstraint("item_id", "serial"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("agenda_item.id"), index=True)
    class_id: Mapped[int] = mapped_column(ForeignKey("membership_class.id"))
    batch_id: Mapped[int] = mapped_column(ForeignKey("paper_batch.id"))
    serial: Mapped[int] = mapped_column(Integer)
    voided_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    void_reason: Mapped[str] = mapped_column(String(200), default="")


class RecordedBallot(Base):
    """A paper that came back and was counted (or rejected). Unique per item and serial: counted once.

    No time and a random id: the order papers came back in would pair them with the desk's order of
    arrival, so this row keeps nothing that orders it (the vote's opening and closing are the only times).
    """

    __tablename__ = "recorded_ballot"
    __table_args__ = (UniqueConstraint("item_id", "serial"),)

    id: Mapped[int] = mapped_column(RandomIdType, primary_key=True, autoincrement=False, default=random_row_id)
    item_id: Mapped[int] = mapped_column(ForeignKey("agenda_item.id"), index=True)
    class_id: Mapped[int] = mapped_column(ForeignKey("membership_class.id"))
    serial: Mapped[int] = mapped_column(Integer)
    source: Mapped[str] = mapped_column(String(16))  # keyed | slip | sheet | adjudicated
    marks: Mapped[list[int]] = mapped_column(JSON, default=list)
    """Option numbers for a resolution or marked candidates, or candidate positions in rank order."""
    valid: Mapped[bool] = mapped_column(Boolean, default=True)
    reject_reason: Mapped[str] = mapped_column(String(60), default="")
    station: Mapped[str] = mapped_column(String(60), default="")


class PendingSheet(Base):
    """A scanned sheet that needs a teller's decision, kept with its image so nothing is dropped."""

    __tablename__ = "pending_sheet"

    id: Mapped[int] = mapped_column(primary_key=True)
    """Counts up: tellers call a queued sheet by this number and work the queue in order."""
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id"), index=True)
    item_id: Mapped[int | None] = mapped_column(ForeignKey("agenda_item.id"), nullable=True)
    class_id: Mapped[int | None] = mapped_column(ForeignKey("membership_class.id"), nullable=True)
    serial: Mapped[int | None] = mapped_column(Integer, nullable=True)
    source_name: Mapped[str] = mapped_column(String(300), default="")
    reasons: Mapped[list[str]] = mapped_column(JSON, default=list)
    reading: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    image_png: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)
    state: Mapped[str] = mapped_column(String(16), default="pending")  # pending | accepted | rejected
    decision: Mapped[str] = mapped_column(String(300), default="")
    decided_by: Mapped[str] = mapped_column(String(120), default="")
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    """Always empty since schema 0002: a sheet names a serial, so it keeps no time (docs/records.md)."""
    created_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    """Always empty since schema 0002, as ``decided_at``."""


class ShowOfHands(Base):
    __tablename__ = "show_of_hands"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("agenda_item.id"), index=True)
    counts: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    poll_demanded_by: Mapped[str] = mapped_column(String(200), default="")
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Declaration(Base):
    __tablename__ = "declaration"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("agenda_item.id"), unique=True)
    result: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    declared_by: Mapped[str] = mapped_column(String(120), default="")
    declared_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class AuditEntry(Base):
    """One link of a hash chain: ``entry_hash`` covers this entry and ``previous_hash``.

    A meeting has two chains with sequences of their own: ``desk`` (setup, attendance, proxies, packs,
    opening and closing votes, results; timed) and ``ballot`` (everything that names a paper; untimed).
    Random ids, so no shared counter orders one chain's entries against the other's.
    """

    __tablename__ = "audit_entry"
    __table_args__ = (UniqueConstraint("meeting_id", "chain", "sequence"),)

    id: Mapped[int] = mapped_column(RandomIdType, primary_key=True, autoincrement=False, default=random_row_id)
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id"), index=True)
    chain: Mapped[str] = mapped_column(String(8), default="desk")
    sequence: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    actor: Mapped[str] = mapped_column(String(120), default="")
    station: Mapped[str] = mapped_column(String(60), default="")
    action: Mapped[str] = mapped_column(String(60))
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    previous_hash: Mapped[str] = mapped_column(String(64))
    entry_hash: Mapped[str] = mapped_column(String(64))


class Nomination(Base):
    """A candidate nominated for an election, with their proposer and seconder (members of the same class).

    It names members, so it is a member table: it never references a paper (docs/architecture.md).
    """

    __tablename__ = "nomination"
    __table_args__ = (UniqueConstraint("item_id", "member_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("agenda_item.id"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("member.id"))
    proposer_id: Mapped[int] = mapped_column(ForeignKey("member.id"))
    seconder_id: Mapped[int] = mapped_column(ForeignKey("member.id"))
    name: Mapped[str] = mapped_column(String(200))
    class_code: Mapped[str] = mapped_column(String(16))
    received_on: Mapped[date] = mapped_column(Date)
    state: Mapped[str] = mapped_column(String(16), default="nominated")  # nominated | withdrawn
    withdrawal_reason: Mapped[str] = mapped_column(Text, default="")
    statement_cy: Mapped[str] = mapped_column(Text, default="")
    statement_en: Mapped[str] = mapped_column(Text, default="")
    photo_png: Mapped[bytes | None] = mapped_column(LargeBinary, nullable=True)


MEMBER_TABLES = frozenset(
    {"member", "attendance", "proxy", "paper_issue", "advance_pack", "advance_envelope", "nomination"}
)
SERIAL_TABLES = frozenset({"ballot_paper", "recorded_ballot", "pending_sheet", "paper_batch"})
