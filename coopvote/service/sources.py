"""Reads of the other roads to a count (advance papers, directed proxies) that results and reconciliation share.

Everything here reads per item and class, never per member: the figures say how many envelopes came
back or how many forms directed a vote, not whose.
"""

from __future__ import annotations

from collections import Counter
from fractions import Fraction
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from coopvote.counting.sources import DirectedVote, amended_marks, amendment_rule, directed_votes
from coopvote.errors import RuleError
from coopvote.messages import Message, message
from coopvote.record.models import (
    AdvanceEnvelope,
    AdvancePack,
    AgendaItem,
    BallotPaper,
    DirectedTally,
    Member,
    PaperBatch,
    PaperIssue,
    RecordedBallot,
)
from coopvote.service.bands import uses_member_values
from coopvote.service.wording import numbers

Row = tuple[int, list[int], bool, str, int | None, Fraction | None]
"""(class id, marks, valid, reject reason, serial, directed value): a vote as the count reads it. Serial None is
a directed vote, which has no paper, so it carries its value band itself (None: the item counts no member
values); a paper's band is its batch's, read through its serial."""


def advance_serials(session: Session, item_id: int) -> set[int]:
    """The serials printed for advance packs: papers that reach the count only through an accepted envelope."""
    return set(
        session.scalars(
            select(BallotPaper.serial)
            .join(PaperBatch, PaperBatch.id == BallotPaper.batch_id)
            .where(BallotPaper.item_id == item_id, PaperBatch.kind == "advance")
        )
    )


def advance_paper(session: Session, batch_id: int) -> bool:
    """Whether a paper of this batch went out in an advance pack (and so counts only as an advance paper)."""
    return session.scalar(select(PaperBatch.kind).where(PaperBatch.id == batch_id)) == "advance"


def directed_tallies(session: Session, item_id: int, codes: dict[int, str]) -> dict[str, dict[str, int]]:
    return {
        codes[class_id]: {key: int(n) for key, n in sorted(dict(tally).items()) if int(n)}
        for class_id, tally in session.execute(
            select(DirectedTally.class_id, DirectedTally.tally).where(DirectedTally.item_id == item_id)
        )
        if tally
    }


def counted_rows(
    session: Session, item: AgendaItem, codes: dict[int, str]
) -> tuple[list[Row], dict[str, dict[str, int]], tuple[int, ...]]:
    """Every vote on the item as the count takes it: papers (advance ones after any amendment rule) and
    directed votes; with the directed tally and the advance serials, which the archive publishes."""
    advance = advance_serials(session, item.id)
    rule = amendment_rule(item.settings)
    rows: list[Row] = []
    for class_id, serial, marks, valid, reason in session.execute(
        select(
            RecordedBallot.class_id, RecordedBallot.serial, RecordedBallot.marks, RecordedBallot.valid,
            RecordedBallot.reject_reason,
        ).where(RecordedBallot.item_id == item.id)
    ):  # fmt: skip
        if serial in advance and valid:
            changed = amended_marks(tuple(int(m) for m in marks), rule)
            if changed is None:
                continue
            marks = list(changed)
        rows.append((class_id, list(marks), bool(valid), reason or "", serial, None))
    tallies = directed_tallies(session, item.id, codes)
    ids = {code: class_id for class_id, code in codes.items()}
    votes = directed_votes(tallies, item.number)
    check_directed_bands(item, votes)
    rows.extend((ids[vote.class_code], list(vote.marks), True, "", None, vote.value) for vote in votes)
    recorded_advance = set(
        session.scalars(
            select(RecordedBallot.serial).where(RecordedBallot.item_id == item.id, RecordedBallot.serial.in_(advance))
        )
    ) if advance else set()  # fmt: skip
    return rows, tallies, tuple(sorted(recorded_advance))


def check_directed_bands(item: AgendaItem, votes: list[DirectedVote]) -> None:
    """Refuse to count directed votes whose value band does not fit the item: without the member's band a
    directed vote on a ``per_member`` item would weigh 1 whatever the member holds (a meeting file written
    before directed votes carried bands), and a band on another item would weigh what nothing says it may."""
    banded = uses_member_values(item.meeting, item)
    for vote in votes:
        marks = " ".join(map(str, vote.marks))
        if banded and vote.value is None:
            raise RuleError("advance.directed_without_band", item=item.number, class_code=vote.class_code, marks=marks)
        if not banded and vote.value is not None:
            raise RuleError("advance.directed_band_unexpected", item=item.number, class_code=vote.class_code, value=vote.value)


def source_figures(session: Session, item: AgendaItem) -> dict[int, dict[str, Any]]:
    """Per class id: every road a vote on this item took, for reconciliation."""
    figures: dict[int, dict[str, Any]] = {}

    def add(class_id: int | None, key: str, n: int = 1) -> None:
        if class_id is None:
            return
        entry = figures.setdefault(class_id, {"refused": Counter()})
        entry[key] = entry.get(key, 0) + n

    for class_id, channel, has_proxy, n in session.execute(
        select(PaperIssue.class_id, PaperIssue.channel, PaperIssue.proxy_id.is_not(None), func.count())
        .where(PaperIssue.item_id == item.id)
        .group_by(PaperIssue.class_id, PaperIssue.channel, PaperIssue.proxy_id.is_not(None))
    ):
        key = {"advance": "advance_voted", "directed": "proxy_directed"}.get(channel)
        add(class_id, key or ("proxy_discretionary" if has_proxy else "in_room"), n)
    for class_id, items in session.execute(
        select(Member.class_id, AdvancePack.items)
        .join(Member, Member.id == AdvancePack.member_id)
        .where(AdvancePack.meeting_id == item.meeting_id)
    ):
        if item.number in items:
            add(class_id, "packs_issued")
    for envelope_class, state, reason, items in session.execute(
        select(AdvanceEnvelope.class_id, AdvanceEnvelope.state, AdvanceEnvelope.reason, AdvanceEnvelope.items).where(
            AdvanceEnvelope.meeting_id == item.meeting_id
        )
    ):
        if state == "refused":
            add(envelope_class, "envelopes_refused")
            if envelope_class is not None:
                figures[envelope_class]["refused"][reason] += 1
        elif item.number in items:
            add(envelope_class, "envelopes_accepted")
    advance = advance_serials(session, item.id)
    if advance:
        for class_id, n in session.execute(
            select(RecordedBallot.class_id, func.count())
            .where(RecordedBallot.item_id == item.id, RecordedBallot.serial.in_(advance))
            .group_by(RecordedBallot.class_id)
        ):
            add(class_id, "advance_papers", n)
    for class_id, tally in session.execute(
        select(DirectedTally.class_id, DirectedTally.tally).where(DirectedTally.item_id == item.id)
    ):
        add(class_id, "directed_votes", sum(int(n) for n in dict(tally).values()))
    return figures


SOURCE_KEYS = (
    "in_room", "proxy_discretionary", "proxy_directed", "directed_votes", "packs_issued", "envelopes_accepted",
    "envelopes_refused", "advance_voted", "advance_papers",
)  # fmt: skip


def source_row(found: dict[str, Any]) -> dict[str, Any]:
    """One class's roads as JSON-ready figures: every key present, refusals by reason in a fixed order."""
    row: dict[str, Any] = {key: int(found.get(key, 0)) for key in SOURCE_KEYS}
    row["refused"] = dict(sorted(Counter(found.get("refused", {})).items()))
    return row


def voted_before_meeting(session: Session, member_id: int) -> Message | None:
    """"voted in advance on item 1, 2" (or by directed proxy): why the desk hands this member nothing more."""
    ways: dict[str, list[int]] = {}
    for channel, number in session.execute(
        select(PaperIssue.channel, AgendaItem.number)
        .join(AgendaItem, AgendaItem.id == PaperIssue.item_id)
        .where(PaperIssue.member_id == member_id, PaperIssue.channel.in_(("advance", "directed")))
        .order_by(AgendaItem.number)
    ):
        ways.setdefault(channel, []).append(number)
    advance, directed = ways.get("advance"), ways.get("directed")
    if advance and directed:
        return message("desk.voted_in_advance_and_by_directed_proxy", advance=numbers(advance),
                       directed=numbers(directed))
    if advance:
        return message("desk.voted_in_advance", items=numbers(advance))
    if directed:
        return message("desk.voted_by_directed_proxy", items=numbers(directed))
    return None


def packs_sent(session: Session, meeting_id: int) -> int:
    """How many advance packs were sent: once any were, the register they went to must stay as it is."""
    return int(session.scalar(select(func.count()).select_from(AdvancePack).where(AdvancePack.meeting_id == meeting_id)) or 0)
