"""Value bands in the record: which items count members' own values, which bands a register makes,
which papers a member is handed, and the privacy warnings (see ``coopvote.counting.value_bands``).

Plain functions over a session, called from the stock, desk, recording and results code, so each of
those changes only by a line or two. Nothing here links a member to a serial: a member is matched to a
*band* (class and value), and a batch of papers is printed for a band, never for a member.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coopvote.counting.value_bands import (
    Band,
    BandWarning,
    band_label,
    bands_of,
    check_declared_values,
    small_band_warnings,
    votes_words,
)
from coopvote.counting.weighting import WeightingScheme
from coopvote.errors import InputError, RuleError
from coopvote.messages import Bilingual, Message, message
from coopvote.record.models import AgendaItem, Meeting, Member, MembershipClass


def item_scheme(meeting: Meeting, item: AgendaItem) -> WeightingScheme:
    """The weighting an item is counted with: the meeting's table with the item's laid over it."""
    override = (item.settings or {}).get("weighting")
    return WeightingScheme.from_mapping(dict(meeting.weighting), override if isinstance(override, dict) else None)


def scheme_uses_member_values(scheme: WeightingScheme) -> bool:
    return scheme.kind == "fixed-value" and scheme.per_member


def uses_member_values(meeting: Meeting, item: AgendaItem) -> bool:
    """True when each paper of the item counts its member's register value, carried by its band."""
    return scheme_uses_member_values(item_scheme(meeting, item))


def item_meeting(items: Sequence[AgendaItem]) -> Meeting:
    """The meeting of a non-empty list of items (the desk always has at least one to issue)."""
    return items[0].meeting


def privacy_minimum(meeting: Meeting) -> int:
    """The meeting's privacy minimum: ``[rules] privacy_minimum`` wins over ``[weighting]``'s."""
    rules = dict(meeting.rules or {})
    general = rules.get("rules", {}) if isinstance(rules.get("rules"), dict) else {}
    if "privacy_minimum" in general:
        return int(general["privacy_minimum"])
    try:
        return WeightingScheme.from_mapping(dict(meeting.weighting)).privacy_minimum
    except InputError:
        return 5


def register_bands(session: Session, meeting_id: int) -> list[Band]:
    """Bands of the active register: members of a class with the same value above 0."""
    rows = session.execute(
        select(MembershipClass.code, Member.vote_value)
        .join(MembershipClass, MembershipClass.id == Member.class_id)
        .where(Member.meeting_id == meeting_id, Member.status == "active")
    ).all()
    return bands_of((code, value) for code, value in rows)


def band_warnings(session: Session, meeting: Meeting) -> list[BandWarning]:
    """Warnings for bands smaller than the privacy minimum, when any item counts member values."""
    if not any(uses_member_values(meeting, item) for item in meeting.items):
        return []
    return small_band_warnings(register_bands(session, meeting.id), privacy_minimum(meeting))


def declared_band_values(meeting: Meeting) -> tuple[Fraction, ...]:
    """The band values the meeting definition allows (``[weighting] bands``), or () for any value."""
    try:
        return WeightingScheme.from_mapping(dict(meeting.weighting)).bands
    except InputError:
        return ()


def check_register_values(meeting: Meeting, members: Any, where: str) -> None:
    """Refuse a register with a value outside the declared bands; ``members`` as (number, class, value)."""
    declared = declared_band_values(meeting)
    if declared:
        check_declared_values(declared, members, where)


def batch_band(
    session: Session, meeting: Meeting, item: AgendaItem, cls: MembershipClass, band: Fraction | None
) -> Fraction | None:
    """The band a new batch of papers is printed for, checked against the item and the register."""
    banded = uses_member_values(meeting, item)
    if band is None:
        if banded:
            values = [b for b in register_bands(session, meeting.id) if b.class_code == cls.code]
            if not values:
                raise RuleError("bands.print_per_band_none", item=item.number, code=cls.code)
            raise RuleError("bands.print_per_band", item=item.number, code=cls.code,
                            bands=", ".join(band_label(b.value) for b in values))
        return None
    value = Fraction(band)
    if not banded:
        raise RuleError("bands.item_not_banded", item=item.number)
    held = session.scalar(
        select(func.count())
        .select_from(Member)
        .where(Member.meeting_id == meeting.id, Member.class_id == cls.id, Member.status == "active",
               Member.vote_value == value)
    )
    if not held:
        raise RuleError("bands.nobody_in_band", code=cls.code, value=band_label(value))
    return value


def desk_band(session: Session, meeting: Meeting, member: Member, items: Sequence[AgendaItem]) -> tuple[
    Fraction | None, tuple[int, ...], Message | None
]:
    """For the desk: the member's band, the items whose papers must be of that band, and any warning."""
    banded = tuple(item.number for item in items if uses_member_values(meeting, item))
    if not banded:
        return None, (), None
    value = Fraction(member.vote_value)
    cls = session.get(MembershipClass, member.class_id)
    assert cls is not None
    size = session.scalar(
        select(func.count())
        .select_from(Member)
        .where(Member.meeting_id == meeting.id, Member.class_id == cls.id, Member.status == "active",
               Member.vote_value == value)
    ) or 0
    minimum = privacy_minimum(meeting)
    note = None
    if 0 < size < minimum:
        note = message("bands.small_band_at_desk", code=cls.code, votes=Bilingual(*votes_words(value)), size=size,
                       minimum=minimum)
    return value, banded, note


def band_warning_words(warning: BandWarning) -> Message:
    """A band too small to keep its members' votes secret, in words from the catalogue."""
    return message("bands.small_band", code=warning.class_code, value=band_label(warning.value),
                   members=warning.members, minimum=warning.minimum)
