"""Unclear advance sheets wait in the tellers' adjudication queue and, decided, are counted as advance papers."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from coopvote.errors import RuleError
from coopvote.record.models import PendingSheet, RecordedBallot
from coopvote.service import MeetingService
from coopvote.service.integrity import check_record
from tests.advance_meeting import ON_TIME, new_meeting
from tests.test_service_sheets import mark_and_scan


def _scanned_packs(service: MeetingService, tmp_path: Path, plans: list[list[object]]) -> list[Path]:
    issue = service.advance.issue_packs(["M001", "M002", "M003"])
    service.advance.print_issue(issue, tmp_path / "packs")
    for number in ("M001", "M002", "M003"):
        assert service.advance.receive_envelope(issue.envelope_codes[number], at=ON_TIME).accepted
    service.advance.open_envelopes()
    return mark_and_scan(service, tmp_path / "packs" / "advance-papers-PS.pdf", plans, tmp_path, 2.0, random.Random(11))


def _sources(service: MeetingService, item_number: int) -> list[str]:
    from sqlalchemy import select

    from coopvote.record.models import AgendaItem

    with service.record.reading() as session:
        item = session.scalars(
            select(AgendaItem).where(AgendaItem.meeting_id == service.record.meeting_id, AgendaItem.number == item_number)
        ).one()
        return sorted(session.scalars(select(RecordedBallot.source).where(RecordedBallot.item_id == item.id)))


def test_an_unclear_advance_sheet_is_queued_decided_and_counted_as_an_advance_paper(tmp_path: Path) -> None:
    service = new_meeting(tmp_path, 20)
    # Three packs of two papers: item 1 (For, Against, and one left blank), item 2 ranked or left blank.
    plans: list[list[object]] = [[0], [(0, 1), (1, 2)], [1], [], [], [(2, 1)]]
    scans = _scanned_packs(service, tmp_path, plans)
    summary = service.advance.read_sheets(scans)
    assert summary.accepted == 4, [o.message_en for o in summary.outcomes]
    assert summary.queued == 2 and not summary.refused
    waiting = service.tellers.pending_sheets()
    assert sorted((s.item, s.advance) for s in waiting) == [(1, True), (2, True)]
    with service.record.reading() as session:
        from sqlalchemy import select

        assert all(row.created_at is None and row.decided_at is None for row in session.scalars(select(PendingSheet)))
    # Decided before the vote opens: an advance paper needs no open vote; a room sheet would.
    resolution = next(s for s in waiting if s.item == 1)
    service.tellers.adjudicate(resolution.id, accept_marks=[3], by="Teller Jones")
    service.voting.open_vote(2, not_quorate_reason="test meeting: nobody checked in")
    with pytest.raises(RuleError, match="cannot close: 1 scanned sheet"):
        service.voting.close_vote(2)
    election = next(s for s in waiting if s.item == 2)
    service.tellers.adjudicate(election.id, reject_reason="unmarked-or-uncertain", by="Teller Jones")
    assert service.tellers.pending_sheets() == []
    service.voting.close_vote(2)
    assert _sources(service, 1) == ["advance", "advance", "advance"]
    assert _sources(service, 2) == ["advance", "advance", "advance"]
    service.voting.open_vote(1, not_quorate_reason="test meeting: nobody checked in")
    service.voting.close_vote(1)
    service.results.show_small_classes(1, "the chair", "test: the per-class figures are under test")
    result = service.results.item_result(1)
    assert [result.papers_by_option[n]["PS"] for n in range(3)] == [1, 1, 1]
    rows = {row.class_code: row for row in service.results.reconciliation(1)}
    assert rows["PS"].sources["advance_papers"] == 3
    with service.record.reading() as session:
        check_record(session, service.record.meeting_id, "the test")  # the chain replays the decided papers


def test_no_more_advance_sheets_wait_than_envelopes_were_opened(tmp_path: Path) -> None:
    service = new_meeting(tmp_path, 20)
    issue = service.advance.issue_packs(["M001", "M002"])
    service.advance.print_issue(issue, tmp_path / "packs")
    assert service.advance.receive_envelope(issue.envelope_codes["M001"], at=ON_TIME).accepted
    service.advance.open_envelopes()
    # Both packs' item 1 papers come back blank, but only one envelope was opened.
    scans = mark_and_scan(service, tmp_path / "packs" / "advance-papers-PS.pdf", [[], [], [], []], tmp_path, 1.0,
                          random.Random(3))  # fmt: skip
    summary = service.advance.read_sheets([scans[0], scans[2]])
    assert summary.queued == 1 and summary.refused["no-opened-envelope"] == 1, [o.message_en for o in summary.outcomes]


def test_a_closed_vote_takes_no_advance_sheet_decision_until_reopened(tmp_path: Path) -> None:
    service = new_meeting(tmp_path, 20)
    scans = _scanned_packs(service, tmp_path, [[], [], [], [], [], []])
    service.advance.read_sheets(scans[:1])
    [sheet] = service.tellers.pending_sheets()
    with service.record.action("test: the vote closed around a waiting sheet") as (session, _act):
        session.get(PendingSheet, sheet.id).state = "set aside"  # type: ignore[union-attr]
    service.voting.open_vote(1, not_quorate_reason="test meeting: nobody checked in")
    service.voting.close_vote(1)
    with service.record.action("test: back in the queue") as (session, _act):
        session.get(PendingSheet, sheet.id).state = "pending"  # type: ignore[union-attr]
    with pytest.raises(RuleError, match="voting on item 1 has closed; an advance sheet is decided before the vote opens or while it is open"):
        service.tellers.adjudicate(sheet.id, accept_marks=[1], by="Teller Jones")
    service.voting.reopen_vote(1, "a late advance sheet to decide", by="the chair")
    assert service.tellers.adjudicate(sheet.id, accept_marks=[1], by="Teller Jones").accepted
