"""Issue 12 safeguards through the service: each rule refuses, or asks for the chair's recorded reason."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from coopvote.ballots.omr import SheetReading, Verdict
from coopvote.ballots.omr_interpret import Reason
from coopvote.ballots.omr_marks import Thresholds
from coopvote.errors import RuleError
from coopvote.record.models import AuditEntry
from coopvote.service import MeetingService
from coopvote.service.safeguards import decisions_of
from tests.helpers import small_meeting


@pytest.fixture
def meeting(tmp_path: Path) -> MeetingService:
    return small_meeting(tmp_path, station="teller-1")


def quorate(service: MeetingService, members: tuple[str, ...] = ("P1", "P2", "E1", "E2")) -> None:
    for number in members:
        service.desk.check_in(number)
        service.desk.issue_pack(number)


def doubtful_sheet(qr_text: str, name: str = "box-1.pdf") -> SheetReading:
    """A reading the mark reader was unsure of: it goes to the adjudication queue, as from a scanner."""
    return SheetReading(
        source=name, page_index=0, qr_text=qr_text, orientation=0, skew_degrees=0.0, boxes=(), questions=(),
        verdict=Verdict.ADJUDICATE, reasons=(Reason.DOUBTFUL_MARK,), thresholds=Thresholds(), fit="test",
    )  # fmt: skip


def audit_actions(service: MeetingService) -> list[tuple[str, dict[str, object]]]:
    with service.record.reading() as session:
        return [(e.action, dict(e.details)) for e in session.scalars(select(AuditEntry).order_by(AuditEntry.sequence))]


def test_close_is_refused_while_sheets_wait_and_says_which(meeting: MeetingService) -> None:
    quorate(meeting)
    batch = meeting.papers.add_paper_batch(1, "EMP", 4)
    meeting.voting.open_vote(1)
    assert meeting.tellers.record_paper(batch.qr_text(batch.serials[0]), [1]).accepted
    queued = [meeting.tellers.record_sheet(doubtful_sheet(batch.qr_text(s))) for s in batch.serials[1:4]]
    assert [o.reason for o in queued] == ["queued"] * 3
    with pytest.raises(RuleError, match="3 scanned sheet") as refused:
        meeting.voting.close_vote(1)
    assert "adjudication" in str(refused.value) and "leave them out of the result" in str(refused.value)
    assert meeting.setup.meeting().item(1).status == "open"
    sheets = meeting.tellers.pending_sheets()
    meeting.tellers.adjudicate(sheets[0].id, accept_marks=[2], by="Teller")
    meeting.tellers.adjudicate(sheets[1].id, reject_reason="unmarked-or-uncertain", by="Teller")
    with pytest.raises(RuleError, match="1 scanned sheet"):
        meeting.voting.close_vote(1)
    meeting.tellers.adjudicate(sheets[2].id, accept_marks=[1], by="Teller")
    meeting.voting.close_vote(1)
    result = meeting.results.item_result(1)
    assert result.papers_by_class["EMP"] == 4
    assert result.rejected_by_reason == {"unmarked-or-uncertain": 1}


def test_opening_without_quorum_asks_for_the_chairs_reason_and_records_it(meeting: MeetingService) -> None:
    meeting.desk.check_in("P1")
    with pytest.raises(RuleError, match="not quorate") as refused:
        meeting.voting.open_vote(1)
    assert "1 present" in str(refused.value) and "records why" in str(refused.value)
    with pytest.raises(RuleError, match="not quorate"):
        meeting.voting.open_vote(1, not_quorate_reason="   ")
    assert meeting.setup.meeting().item(1).status == "pending"
    meeting.voting.open_vote(1, not_quorate_reason="members are still arriving; the rules allow it")
    item = meeting.setup.meeting().item(1)
    assert item.status == "open"
    [decision] = decisions_of(item.settings)
    assert decision["kind"] == "opened-not-quorate"
    assert (decision["present"], decision["required"]) == (1, 3)
    assert decision["reason"] == "members are still arriving; the rules allow it"
    with pytest.raises(RuleError, match="already open"):  # the item's own state is said first
        meeting.voting.open_vote(1)
    opened = [d for a, d in audit_actions(meeting) if a == "vote opened"]
    assert opened[-1]["not_quorate"] is True and opened[-1]["reason"] == decision["reason"]


def test_a_quorate_meeting_opens_without_a_question(meeting: MeetingService) -> None:
    quorate(meeting)
    meeting.voting.open_vote(2)
    assert decisions_of(meeting.setup.meeting().item(2).settings) == []


def test_over_return_blocks_the_declaration_until_the_chair_gives_a_reason(meeting: MeetingService) -> None:
    quorate(meeting, ("E1", "E2", "E3"))
    ps = meeting.papers.add_paper_batch(1, "PS", 3, kind="slips")  # no PS member was handed a pack
    emp = meeting.papers.add_paper_batch(1, "EMP", 3, kind="slips")
    meeting.voting.open_vote(1)
    for batch, serial, option in ((ps, 0, 1), (emp, 0, 1), (emp, 1, 2)):
        assert meeting.tellers.record_paper(batch.qr_text(batch.serials[serial], option=option)).accepted
    meeting.voting.close_vote(1)
    [problem_row] = [r for r in meeting.results.reconciliation(1) if r.problems]
    assert problem_row.class_code == "PS" and (problem_row.issued, problem_row.returned) == (0, 1)
    with pytest.raises(RuleError, match="do not reconcile") as refused:
        meeting.results.declare(1, "Eleri Hughes")
    assert "PS: 1 more paper(s) returned than issued" in str(refused.value)
    assert meeting.setup.meeting().item(1).status == "closed"
    meeting.results.declare(1, "Eleri Hughes", reconciliation_reason="a PS member voted on a slip from the spare stack")
    item = meeting.setup.meeting().item(1)
    assert item.status == "declared"
    [decision] = decisions_of(item.settings)
    assert decision["kind"] == "reconciliation-accepted" and decision["by"] == "Eleri Hughes"
    assert decision["problems"] == ["PS: 1 more paper(s) returned than issued"]
    declared = [d for a, d in audit_actions(meeting) if a == "result declared"]
    assert declared[-1]["reason"] == "a PS member voted on a slip from the spare stack"


def test_declaring_twice_is_refused_plainly(meeting: MeetingService) -> None:
    quorate(meeting)
    meeting.voting.open_vote(1)
    meeting.voting.close_vote(1)
    meeting.results.declare(1, "Eleri Hughes")
    with pytest.raises(RuleError, match="already been declared, by Eleri Hughes at"):
        meeting.results.declare(1, "Eleri Hughes")


def test_two_slips_from_one_sheet_reject_both_whichever_comes_first(meeting: MeetingService) -> None:
    quorate(meeting)
    batch = meeting.papers.add_paper_batch(1, "EMP", 3, kind="slips")
    first, second, third = batch.serials
    meeting.voting.open_vote(1)
    assert meeting.tellers.record_paper(batch.qr_text(first, option=1)).accepted  # For
    assert meeting.tellers.record_paper(batch.qr_text(second, option=1)).accepted
    assert meeting.results.item_result(1).papers_by_option[0]["EMP"] == 2
    against = meeting.tellers.record_paper(batch.qr_text(first, option=2))
    assert not against.accepted and against.reason == "too-many-votes"
    assert "both are rejected" in against.message_en and against.message_cy != against.message_en
    result = meeting.results.item_result(1)
    assert result.papers_by_option[0]["EMP"] == 1  # the first For is taken back out of the tally
    assert result.rejected_by_reason == {"too-many-votes": 1}
    assert result.papers_by_class["EMP"] == 2  # two papers came back: one valid, one rejected
    abstain = meeting.tellers.record_paper(batch.qr_text(first, option=3))
    assert abstain.reason == "too-many-votes" and "already rejected" in abstain.message_en
    assert meeting.tellers.record_paper(batch.qr_text(second, option=1)).reason == "already-counted"
    assert meeting.tellers.record_paper(batch.qr_text(third, option=2)).accepted
    assert meeting.tellers.record_paper(batch.qr_text(third, option=3)).reason == "too-many-votes"
    with pytest.raises(RuleError, match="cannot be undone"):  # undo must not put one of the two back
        meeting.tellers.undo_last("scanned the wrong slip")
    taken_back = [d for a, d in audit_actions(meeting) if a == "contradictory slips rejected"]
    assert taken_back[0] == {
        "source": "keyed", "item": 1, "serial": first, "reason": "too-many-votes", "options": [1, 2],
        # the chain carries the first slip's new content, so a replay of it gives the paper as it now stands
        "paper_changed": {"item": 1, "serial": first, "class": "EMP", "valid": False, "reason": "too-many-votes", "marks": []},
    }
    assert [d["serial"] for d in taken_back] == [first, third]


def test_a_keyed_paper_can_be_rejected_with_its_statutory_reason(meeting: MeetingService) -> None:
    quorate(meeting)
    batch = meeting.papers.add_paper_batch(2, "EMP", 3)
    meeting.voting.open_vote(2)
    code = batch.qr_text(batch.serials[0])
    with pytest.raises(RuleError, match="should be one of"):
        meeting.tellers.reject_paper(code, "looks odd")
    rejected = meeting.tellers.reject_paper(code, "identifies-voter")
    assert rejected.accepted and "Writing or mark by which the voter can be identified" in rejected.message_en
    assert "Ysgrifen" in rejected.message_cy
    assert meeting.tellers.record_paper(code, [1]).reason == "already-counted"
    rows = {r.class_code: r for r in meeting.results.reconciliation(2)}
    assert (rows["EMP"].returned, rows["EMP"].rejected, rows["EMP"].valid) == (1, 1, 0)
    assert meeting.results.item_result(2).rejected_by_reason == {"identifies-voter": 1}


def test_a_closed_vote_reopens_with_a_reason_and_a_declared_one_never(meeting: MeetingService) -> None:
    quorate(meeting)
    batch = meeting.papers.add_paper_batch(1, "EMP", 3)
    meeting.voting.open_vote(1)
    meeting.voting.close_vote(1)
    seed = meeting.setup.meeting().item(1).settings["seed"]
    with pytest.raises(RuleError, match="closed"):
        meeting.voting.open_vote(1)
    with pytest.raises(RuleError, match="say why"):
        meeting.voting.reopen_vote(1, " ")
    meeting.voting.reopen_vote(1, "a second ballot box was found in the side room")
    item = meeting.setup.meeting().item(1)
    assert item.status == "open"
    assert decisions_of(item.settings)[0]["reason"] == "a second ballot box was found in the side room"
    assert meeting.tellers.record_paper(batch.qr_text(batch.serials[0]), [1]).accepted
    with pytest.raises(RuleError, match="not closed"):
        meeting.voting.reopen_vote(1, "again")
    meeting.voting.close_vote(1)
    assert meeting.setup.meeting().item(1).settings["seed"] == seed  # the lot stays replayable
    meeting.results.declare(1, "Eleri Hughes")
    with pytest.raises(RuleError, match="declared result cannot be reopened"):
        meeting.voting.reopen_vote(1, "changed our minds")
    assert [a for a, _d in audit_actions(meeting)].count("vote reopened") == 1


@pytest.mark.parametrize(
    ("variant", "welsh", "english"),
    [
        ("standard", "Defnyddiwch un slip yn unig", "Use one slip only"),
        ("easy-read", "Rhowch un slip yn unig yn y blwch.", "Put only one slip in the box."),
    ],
)
def test_every_slip_says_use_one_slip_only(meeting: MeetingService, tmp_path: Path, variant: str, welsh: str,
                                           english: str) -> None:
    import pypdfium2 as pdfium

    out = tmp_path / f"slips-{variant}.pdf"
    meeting.papers.print_papers(1, "EMP", 1, out, kind="slips", variant=variant)
    document = pdfium.PdfDocument(str(out))
    printed = " ".join(document[0].get_textpage().get_text_range().split())
    document.close()
    assert printed.count(welsh) == 3 and printed.count(english) == 3  # on each of the three slips
    assert printed.index(welsh) < printed.index(english)  # Welsh first
