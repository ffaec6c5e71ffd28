"""Checking the meeting's papers, attendance and proxies against its audit chain before anything is counted or shown.

Results, declarations, ``info`` and the export read the papers only after this check: the chain
must be intact and its replay must give exactly the papers in the file. Otherwise they refuse,
naming the first paper or entry that differs, so an edit made with sqlite3 behind the service's
back can never become a declared result.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from coopvote.errors import RecordError
from coopvote.messages import Message, message
from coopvote.record.audit import DESK_CHAIN, entry_as_dict, verify_chain
from coopvote.record.close_seal import seal_problem
from coopvote.record.definition_seal import definition_problem
from coopvote.record.directed_ledger import first_directed_difference, replay_directed_counts
from coopvote.record.ledger import (
    CLOSE_ACTION,
    MOVED_ACTION,
    UNOPPOSED_ACTION,
    PaperContent,
    ReplayProblem,
    ballot_head_problem,
    close_entries,
    first_attendance_difference,
    first_paper_difference,
    is_close,
    replay_attendance,
    replay_papers,
    witness_code,
)
from coopvote.record.models import (
    AgendaItem,
    AuditEntry,
    DirectedTally,
    Member,
    MembershipClass,
    Proxy,
    RecordedBallot,
)


class TamperedRecord(RecordError):
    """The meeting's papers or audit chain were changed outside coopvote."""


def audit_entries(session: Session, meeting_id: int) -> list[dict[str, Any]]:
    rows = session.scalars(
        select(AuditEntry).where(AuditEntry.meeting_id == meeting_id).order_by(AuditEntry.chain.desc(), AuditEntry.sequence)
    )
    return [entry_as_dict(row) for row in rows]


def stored_papers(session: Session, meeting_id: int) -> dict[tuple[int, int], PaperContent]:
    rows = session.execute(
        select(AgendaItem.number, RecordedBallot.serial, MembershipClass.code, RecordedBallot.valid,
               RecordedBallot.reject_reason, RecordedBallot.marks)
        .join(AgendaItem, AgendaItem.id == RecordedBallot.item_id)
        .join(MembershipClass, MembershipClass.id == RecordedBallot.class_id)
        .where(AgendaItem.meeting_id == meeting_id)
    ).all()  # fmt: skip
    return {
        (int(number), int(serial)): PaperContent(str(code), bool(valid), str(reason or ""), tuple(int(m) for m in marks or ()))
        for number, serial, code, valid, reason, marks in rows
    }


def check_record(session: Session, meeting_id: int, where: str, *, items: list[int] | None = None) -> list[dict[str, Any]]:
    """Refuse (TamperedRecord) unless the chain is intact and its replay equals the stored papers.

    Returns the audit entries read, so a caller that needs them (close codes) reads them once.
    """
    entries = audit_entries(session, meeting_id)
    problem = verify_chain(entries)
    if problem is not None:
        raise TamperedRecord("integrity.chain_changed", where=where, problem=problem.message())
    try:
        replayed = replay_papers(entries)
    except ReplayProblem as error:
        raise TamperedRecord("integrity.replay_failed", where=where, problem=error.words) from None
    difference = first_paper_difference(replayed, stored_papers(session, meeting_id), items=items)
    if difference is not None:
        raise TamperedRecord("integrity.papers_differ", where=where, difference=difference)
    head_problem = ballot_head_problem(entries)
    if head_problem is not None:
        raise TamperedRecord("integrity.chain_changed", where=where, problem=head_problem)
    sealed = sealed_difference(session, meeting_id, entries, items)
    if sealed is not None:
        raise TamperedRecord("integrity.sealed_papers_differ", where=where, difference=sealed)
    difference = first_attendance_difference(replay_attendance(entries), *stored_attendance(session, meeting_id))
    if difference is not None:
        raise TamperedRecord("integrity.attendance_differs", where=where, difference=difference)
    stored = stored_directed_counts(session, meeting_id)
    difference = first_directed_difference(replay_directed_counts(entries), stored, items=items)
    if difference is not None:
        raise TamperedRecord("integrity.sealed_papers_differ", where=where, difference=difference)
    return entries


def stored_directed_counts(session: Session, meeting_id: int) -> dict[tuple[int, str], int]:
    """(item number, class code) -> directed votes the tallies in the file hold."""
    rows = session.execute(
        select(AgendaItem.number, MembershipClass.code, DirectedTally.tally)
        .join(AgendaItem, AgendaItem.id == DirectedTally.item_id)
        .join(MembershipClass, MembershipClass.id == DirectedTally.class_id)
        .where(AgendaItem.meeting_id == meeting_id)
    ).all()
    counts: dict[tuple[int, str], int] = {}
    for number, code, tally in rows:
        total = sum(int(n) for n in dict(tally or {}).values())
        if total:
            counts[(int(number), str(code))] = total
    return counts


def sealed_difference(
    session: Session, meeting_id: int, entries: list[dict[str, Any]], items: list[int] | None
) -> Message | None:
    """Why a closed item's papers or definition are not those its (last) close entry sealed, or None."""
    from coopvote.service.definition import stored_definition
    from coopvote.service.sealing import item_advance, item_directed, sealed_papers

    for number, entry in sorted(close_entries(entries).items()):
        if items is not None and number not in items:
            continue
        item = session.scalar(select(AgendaItem).where(AgendaItem.meeting_id == meeting_id, AgendaItem.number == number))
        if item is None or item.status == "open":
            continue  # reopened: the next close seals the papers again
        where = message("integrity.item_papers", item=number)
        problem = seal_problem(
            entry["details"] or {}, sealed_papers(session, item), where, item_directed(session, item),
            item_advance(session, item),
        )  # fmt: skip
        if problem is not None:
            return message("integrity.seal_entry", problem=problem, sequence=entry["sequence"])
        # The rule the papers are counted by, frozen at the close (threshold, weighting, seats, the seed...).
        changed = definition_problem(number, entry["details"] or {}, stored_definition(session, item),
                                     count_seed=entry["action"] != UNOPPOSED_ACTION)  # fmt: skip
        if changed is not None:
            return message("integrity.seal_entry", problem=changed, sequence=entry["sequence"])
    return None


def stored_attendance(session: Session, meeting_id: int) -> tuple[set[str], dict[str, tuple[str, bool]]]:
    present = set(session.scalars(select(Member.number).where(Member.meeting_id == meeting_id, Member.present)))
    holder = aliased(Member)
    rows = session.execute(
        select(Member.number, holder.number, Proxy.holder_is_chair, Proxy.directed)
        .join(Member, Member.id == Proxy.appointer_id)
        .outerjoin(holder, holder.id == Proxy.holder_id)
        .where(Proxy.meeting_id == meeting_id, Proxy.cancelled_at.is_(None))
    ).all()
    proxies = {str(a): ("chair" if chair or h is None else str(h), bool(directed)) for a, h, chair, directed in rows}
    return present, proxies


def close_hashes(entries: list[dict[str, Any]]) -> dict[int, str]:
    """Item number -> hash of the entry that last closed its vote (the head witnessed at that close)."""
    return {number: str(entry["entry_hash"]) for number, entry in close_entries(entries).items()}


def close_code(session: Session, meeting_id: int, item_number: int) -> str:
    """The close code of an item, as shown when its vote closed ('' if it never closed)."""
    closes = session.execute(
        select(AuditEntry.action, AuditEntry.details, AuditEntry.entry_hash)
        .where(AuditEntry.meeting_id == meeting_id, AuditEntry.action.in_((CLOSE_ACTION, UNOPPOSED_ACTION)))
        .order_by(AuditEntry.chain, AuditEntry.sequence)
    ).all()
    # The latest close of the item: a vote reopened and closed again is witnessed at its last close; an
    # election declared unopposed at the close of nominations, at that entry.
    digest = next((h for action, details, h in reversed(closes)
                   if (details or {}).get("item") == item_number and is_close({"action": action, "details": details})),
                  "")  # fmt: skip
    return witness_code(digest) if digest else ""


def moved_to(session: Session, meeting_id: int) -> str | None:
    """Where the meeting now lives, when this copy was moved away by ``coopvote transfer``."""
    last = session.execute(
        select(AuditEntry.action, AuditEntry.details)
        .where(AuditEntry.meeting_id == meeting_id, AuditEntry.chain == DESK_CHAIN)
        .order_by(AuditEntry.sequence.desc())
        .limit(1)
    ).first()
    if last is None or last.action != MOVED_ACTION:
        return None
    return str((last.details or {}).get("to") or "another database")
