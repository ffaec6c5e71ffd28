"""The rehearsal (logic and accuracy test): a marked test deck read and counted like the real vote.

The deck is printed by a rehearsal copy of the meeting, read back through the tellers' sheet reader,
counted by the results role, and compared sheet by sheet and tally by tally with its key. A damaged
sheet must make the rehearsal fail, naming the paper; a rehearsal paper must never count in the real
vote; and the real meeting must be left as it was, with the outcome on its audit chain.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from coopvote.ballots.paper import VARIANTS
from coopvote.errors import InputError, RuleError
from coopvote.service.rehearsal import KEY_NAME, REPORT_NAME, SCRATCH_NAME
from coopvote.service.rehearsal_deck import EXPECT_COUNTED, DeckPlan, damage_page
from tests.helpers import small_meeting


def test_deck_covers_every_item_class_variant_and_kind_of_mark(tmp_path: Path) -> None:
    service = small_meeting(tmp_path)
    prepared = service.rehearsal.prepare(tmp_path / "deck", slips=False)  # the papers alone; slips: test_rehearsal_parts
    plan = DeckPlan.load(prepared.folder / KEY_NAME)
    meeting = service.setup.meeting()
    covered = {(s.item, s.class_code, s.variant) for s in plan.sheets}
    assert covered == {(i.number, c.code, v) for i in meeting.items for c in meeting.classes for v in VARIANTS}
    for item in meeting.items:
        kinds = {s.scenario for s in plan.sheets if s.item == item.number}
        assert kinds == {"clear", "faint", "over-voted", "blank", "spoilt"}
    assert prepared.pages == len(plan.sheets) == 40
    assert plan.rehearsal_code != meeting.code


def test_a_rehearsal_that_passes_is_recorded_and_leaves_the_meeting_at_zero(tmp_path: Path) -> None:
    service = small_meeting(tmp_path)
    prepared = service.rehearsal.prepare(tmp_path / "deck", slips=False)  # slips: test_rehearsal_parts
    report = service.rehearsal.check(prepared.folder, [prepared.deck], by="teller-1")
    assert report.problems == []
    assert report.passed
    assert report.sheets == 40
    assert report.counted + report.to_person + report.refused == 40
    assert report.refused == 4  # one spoilt paper per item and class
    runs = service.rehearsal.runs()
    assert len(runs) == 1 and runs[0]["passed"] is True and runs[0]["real_papers_recorded"] == 0
    assert not (prepared.folder / SCRATCH_NAME).exists()
    assert "PASSED" in (prepared.folder / REPORT_NAME).read_text(encoding="utf-8")
    for item in service.setup.meeting().items:
        assert item.status == "pending"
        assert all(row.returned == 0 for row in service.results.reconciliation(item.number))


def test_a_damaged_sheet_fails_the_rehearsal_naming_the_paper(tmp_path: Path) -> None:
    service = small_meeting(tmp_path)
    prepared = service.rehearsal.prepare(tmp_path / "deck")
    plan = DeckPlan.load(prepared.folder / KEY_NAME)
    victim = next(s for s in plan.sheets if s.expect == EXPECT_COUNTED and s.variant == "standard")
    damaged = tmp_path / "damaged-scan.pdf"
    damage_page(prepared.deck, victim.page, damaged)
    report = service.rehearsal.check(prepared.folder, [damaged])
    assert not report.passed
    assert any(problem.startswith(victim.where()) for problem in report.problems), report.problems
    assert any(problem.startswith(f"item {victim.item}, class {victim.class_code}") for problem in report.problems)
    run = service.rehearsal.runs()[-1]
    assert run["passed"] is False
    assert any(victim.where() in problem for problem in run["problems"])
    assert "FAILED" in (prepared.folder / REPORT_NAME).read_text(encoding="utf-8")


def test_a_rehearsal_paper_never_counts_in_the_real_vote(tmp_path: Path) -> None:
    service = small_meeting(tmp_path)
    prepared = service.rehearsal.prepare(tmp_path / "deck")
    plan = DeckPlan.load(prepared.folder / KEY_NAME)
    service.voting.open_vote(1, not_quorate_reason="test meeting: nobody checked in")
    sheet = next(s for s in plan.sheets if s.item == 1 and s.valid)
    outcome = service.tellers.record_paper(sheet.qr_text, list(sheet.marks))
    assert not outcome.accepted and outcome.reason == "other-meeting"
    summary = service.tellers.read_sheets([prepared.deck])
    assert summary.accepted == 0
    assert summary.queued == 0
    assert all(row.returned == 0 for row in service.results.reconciliation(1))


def test_bad_requests_are_refused_in_words(tmp_path: Path) -> None:
    service = small_meeting(tmp_path)
    with pytest.raises(InputError, match="no rehearsal deck is waiting"):
        service.rehearsal.check(tmp_path / "nowhere", [tmp_path / "scan.pdf"])
    prepared = service.rehearsal.prepare(tmp_path / "deck")
    with pytest.raises(RuleError, match="already holds a rehearsal deck"):
        service.rehearsal.prepare(tmp_path / "deck")
    with pytest.raises(InputError, match="name the scanned test deck"):
        service.rehearsal.check(prepared.folder, [])
    (tmp_path / "other").mkdir()
    other = small_meeting(tmp_path / "other")
    with pytest.raises(InputError, match="was printed for meeting"):
        other.rehearsal.check(prepared.folder, [prepared.deck])


def test_the_rehearsal_entry_is_a_desk_entry_naming_only_the_rehearsal_copy(tmp_path: Path) -> None:
    """The outcome goes on the timed desk chain, so it must name no paper of the real meeting: only the
    rehearsal copy's code (and its test sheets); the real meeting's own record still replays afterwards."""
    from coopvote.record.audit import BALLOT_ACTIONS, DESK_CHAIN
    from coopvote.service.rehearsal import REHEARSAL_ACTION

    service = small_meeting(tmp_path)
    real = service.papers.add_paper_batch(1, "PS", 3)
    prepared = service.rehearsal.prepare(tmp_path / "deck")
    plan = DeckPlan.load(prepared.folder / KEY_NAME)
    victim = next(s for s in plan.sheets if s.expect == EXPECT_COUNTED and s.variant == "standard")
    damaged = tmp_path / "damaged-scan.pdf"
    damage_page(prepared.deck, victim.page, damaged)
    service.rehearsal.check(prepared.folder, [damaged])
    assert REHEARSAL_ACTION not in BALLOT_ACTIONS
    with service.record.reading() as session:
        from sqlalchemy import select

        from coopvote.record.models import AuditEntry

        entry = session.scalars(select(AuditEntry).where(AuditEntry.action == REHEARSAL_ACTION)).one()
        assert entry.chain == DESK_CHAIN
        details = dict(entry.details)
    assert "serial" not in details and details["rehearsal_code"] == plan.rehearsal_code != service.setup.meeting().code
    assert all(real.qr_text(serial) not in str(details) for serial in real.serials)
    service.voting.open_vote(1, not_quorate_reason="test meeting: nobody checked in")
    assert service.tellers.record_paper(real.qr_text(real.serials[0]), [1]).accepted
    service.voting.close_vote(1)
    assert service.results.item_result(1).total_papers == 1  # the count replays the real record first
