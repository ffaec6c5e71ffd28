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
    band_token,
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


def member_band(meeting: Meeting, item: AgendaItem, member: Member, refusal: str) -> Fraction | None:
    """The value band of ``member``'s vote on ``item`` when it reaches the count without a paper of the desk
    (``refusal``: the catalogue key that says which road, "advance.directed_value_zero" or
    "advance.pack_value_zero"): the band the desk would print on the member's paper, or None when the item
    counts no member values.

    A member whose value is 0 is refused, naming member and item: the desk prints no paper of value 0 (a
    band token must be above 0), and a vote that weighs nothing in the count would still publish its marks
    under a band of its own.
    """
    if not uses_member_values(meeting, item):
        return None
    value = Fraction(member.vote_value)
    if value <= 0:
        raise RuleError(refusal, number=member.number, name=member.name, value=band_label(value), item=item.number)
    return value


def advance_batches(
    meeting: Meeting, items: Sequence[AgendaItem], members: Sequence[Member]
) -> tuple[list[tuple[int, str, Fraction | None, int]], dict[str, Fraction]]:
    """The advance papers a pack issue needs, as (item, class, band, how many), and each member's band.

    An item counted by members' own values gets a batch per class and value band, so each member's pack
    holds the paper of their band exactly as the desk would hand it; any other item one batch per class
    (batches split by band would let a plain paper's serial range tell its member's band). A member of
    value 0 is refused by ``member_band``, naming member and item, before anything is recorded.
    """
    wanted: dict[tuple[int, str, Fraction | None], int] = {}
    bands: dict[str, Fraction] = {}
    for item in items:
        for member in members:
            band = member_band(meeting, item, member, "advance.pack_value_zero")
            if band is not None:
                bands[member.number] = band
            key = (item.number, member.membership_class.code, band)
            wanted[key] = wanted.get(key, 0) + 1
    ordered = sorted(wanted.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2] or Fraction(0)))
    return [(number, code, band, count) for (number, code, band), count in ordered], bands


def advance_papers_name(class_code: str, band: Fraction | None) -> str:
    """The file of a class's advance papers, one per value band (``advance-papers-EMP-W5.pdf``) when the papers
    carry one, so each band's stack is printed apart and an envelope is stuffed from the stack its sheet names."""
    return f"advance-papers-{class_code}.pdf" if band is None else f"advance-papers-{class_code}-{band_token(band)}.pdf"


def band_warning_words(warning: BandWarning) -> Message:
    """A band too small to keep its members' votes secret, in words from the catalogue."""
    return message("bands.small_band", code=warning.class_code, value=band_label(warning.value),
                   members=warning.members, minimum=warning.minimum)
