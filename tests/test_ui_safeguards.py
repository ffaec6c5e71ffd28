"""Issue 12 safeguards driven through the app as a volunteer under pressure would: the service refuses or
asks, and the app explains (close with sheets pending, over-return, no quorum, contradictory slips, a
keyed rejection, reopen, a double-clicked Declare)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from coopvote.record.models import AuditEntry
from coopvote.service import MeetingService
from coopvote.service.safeguards import decisions_of
from tests.helpers import small_meeting
from tests.test_service_safeguards import doubtful_sheet
from tests.ui_dialogs import answer_next_dialog
from tests.ui_fixtures import look, shot, window  # noqa: F401 - fixtures


@pytest.fixture
def meeting(tmp_path: Path) -> MeetingService:
    return small_meeting(tmp_path, station="chair")


def hand_out(service: MeetingService, members: tuple[str, ...] = ("P1", "P2", "E1", "E2")) -> None:
    for number in members:
        service.desk.check_in(number)
        service.desk.issue_pack(number)


def open_page(window: Any, qtbot: Any, service: MeetingService, path: Path, role: str) -> Any:  # noqa: F811
    window.set_service(service, str(path))
    page = window.show_role(role)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is page)
    return page


def choose_item(page: Any, number: int) -> None:
    for row in range(page.agenda.count()):
        if page.agenda.item(row).data(Qt.ItemDataRole.UserRole) == number:
            page.agenda.setCurrentRow(row)
            return
    raise KeyError(number)


def actions(service: MeetingService, name: str) -> int:
    with service.record.reading() as session:
        return sum(1 for e in session.scalars(select(AuditEntry)) if e.action == name)


def test_close_waits_for_pending_sheets_then_the_chair_confirms(window: Any, qtbot: Any, meeting: MeetingService,  # noqa: F811
                                                                tmp_path: Path, artifacts_dir: Path) -> None:
    hand_out(meeting)
    papers = meeting.papers.add_paper_batch(1, "EMP", 3)
    meeting.voting.open_vote(1)
    assert meeting.tellers.record_paper(papers.qr_text(papers.serials[0]), [1]).accepted
    for serial in papers.serials[1:]:
        assert meeting.tellers.record_sheet(doubtful_sheet(papers.qr_text(serial))).reason == "queued"
    page = open_page(window, qtbot, meeting, tmp_path / "small.coopvote", "chair")
    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)  # no dialog: refused before asking
    assert page.banner.kind == "error"
    assert "2 scanned sheet(s) wait for adjudication" in page.banner.text()
    assert "Adjudication tab" in page.banner.text()
    assert meeting.setup.meeting().item(1).status == "open"
    window.resize(1200, 800)
    shot(page.window(), artifacts_dir, "screen-chair-close-refused")

    teller = window.show_role("teller")
    teller.tabs.setCurrentWidget(teller.adjudication)
    panel = teller.adjudication
    panel.refresh()
    assert panel.queue.count() == 2
    qtbot.keyClicks(panel.by, "Gareth Morgan")
    panel.queue.setCurrentRow(0)
    panel.marks.setText("2")
    qtbot.mouseClick(panel.accept_button, Qt.MouseButton.LeftButton)
    panel.queue.setCurrentRow(0)
    panel.reason.setCurrentIndex(panel.reason.findData("unmarked-or-uncertain"))
    qtbot.mouseClick(panel.reject_button, Qt.MouseButton.LeftButton)
    assert panel.queue.count() == 0, panel.banner.text()

    page = window.show_role("chair")
    cancelled = answer_next_dialog(qtbot, confirm=False)
    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    assert cancelled and cancelled[0][0] == "Close the vote on item 1?"
    assert "3 paper(s) are recorded" in cancelled[0][1] and "no more papers are accepted" in cancelled[0][1]
    assert meeting.setup.meeting().item(1).status == "open"  # cancel keeps it open
    confirmed = answer_next_dialog(qtbot, shot_to=artifacts_dir / "screen-chair-close-confirm.png")
    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    assert confirmed and confirmed[0][2], "no reason is asked: the button is ready"
    assert page.banner.kind == "ok", page.banner.text()
    assert meeting.setup.meeting().item(1).status == "closed"
    result = meeting.results.item_result(1)
    assert result.papers_by_class["EMP"] == 3 and result.rejected_by_reason == {"unmarked-or-uncertain": 1}


def test_opening_without_quorum_asks_and_records_the_chairs_reason(window: Any, qtbot: Any,  # noqa: F811
                                                                   meeting: MeetingService, tmp_path: Path,
                                                                   artifacts_dir: Path) -> None:
    meeting.desk.check_in("P1")
    page = open_page(window, qtbot, meeting, tmp_path / "small.coopvote", "chair")
    cancelled = answer_next_dialog(qtbot, confirm=False)
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert cancelled[0][0] == "The meeting is not quorate"
    assert cancelled[0][1].startswith("The meeting is not quorate: Quorum is 3")
    assert "1 present" in cancelled[0][1] and not cancelled[0][2]  # nothing typed: the button is greyed out
    assert page.banner.kind == "warn" and "not opened" in page.banner.text()
    assert meeting.setup.meeting().item(1).status == "pending"
    answered = answer_next_dialog(qtbot, reason="members delayed by the snow; the meeting agreed to go on",
                                  shot_to=artifacts_dir / "screen-chair-not-quorate.png")
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert answered and page.banner.kind == "ok", page.banner.text()
    item = meeting.setup.meeting().item(1)
    assert item.status == "open"
    assert decisions_of(item.settings)[0]["reason"] == "members delayed by the snow; the meeting agreed to go on"
    assert "Opened without a quorum: members delayed by the snow" in page.decisions.text()
    assert page.decisions.isVisible()


def test_over_return_needs_a_reason_and_a_double_clicked_declare_declares_once(
    window: Any, qtbot: Any, meeting: MeetingService, tmp_path: Path, artifacts_dir: Path  # noqa: F811
) -> None:
    hand_out(meeting, ("E1", "E2", "E3"))
    spare = meeting.papers.add_paper_batch(1, "PS", 3, kind="slips")  # no PS member holds a pack
    emp = meeting.papers.add_paper_batch(1, "EMP", 3, kind="slips")
    meeting.voting.open_vote(1)
    for batch, serial, option in ((spare, 0, 1), (spare, 1, 1), (spare, 2, 1), (emp, 0, 2)):
        assert meeting.tellers.record_paper(batch.qr_text(batch.serials[serial], option=option)).accepted
    meeting.voting.close_vote(1)
    page = open_page(window, qtbot, meeting, tmp_path / "small.coopvote", "chair")
    qtbot.waitUntil(lambda: not page.result.loading, timeout=30_000)
    assert page.progress.warning.isVisible()
    assert "do not add up (PS: 3 returned, 0 issued)" in page.progress.warning.text()
    page.declare_panel.by.setText("Eleri Hughes")
    cancelled = answer_next_dialog(qtbot, confirm=False)
    qtbot.mouseClick(page.declare_panel.button, Qt.MouseButton.LeftButton)
    title, message, ready = cancelled[0]
    assert title == "Declare the result of item 1?"
    assert "PS: 3 more paper(s) returned than issued (0 issued, 3 returned)" in message
    assert "cannot be changed" in message and not ready
    assert meeting.setup.meeting().item(1).status == "closed"

    answered = answer_next_dialog(qtbot, reason="spare slips were handed out at the door by mistake",
                                  shot_to=artifacts_dir / "screen-chair-declare-reconcile.png")
    qtbot.mouseClick(page.declare_panel.button, Qt.MouseButton.LeftButton)  # clicked twice, under pressure:
    qtbot.mouseClick(page.declare_panel.button, Qt.MouseButton.LeftButton)  # the second click finds it done
    QApplication.processEvents()
    assert len(answered) == 1
    assert page.banner.kind == "ok", page.banner.text()
    assert meeting.setup.meeting().item(1).status == "declared"
    assert actions(meeting, "result declared") == 1
    assert not page.declare_panel.button.isEnabled() and not page.reopen_button.isVisible()
    assert "Declared although the papers do not reconcile: spare slips" in page.decisions.text()
    assert page.declare("Eleri Hughes") is False  # pressed again some other way: told plainly, nothing changes
    assert page.banner.kind == "warn" and "already declared" in page.banner.text()
    assert actions(meeting, "result declared") == 1
    window.resize(1200, 900)
    shot(page.window(), artifacts_dir, "screen-chair-declared-with-reason")


def test_a_closed_vote_is_reopened_with_a_reason(window: Any, qtbot: Any, meeting: MeetingService,  # noqa: F811
                                                tmp_path: Path, artifacts_dir: Path) -> None:
    hand_out(meeting)
    meeting.voting.open_vote(2)
    meeting.voting.close_vote(2)
    page = open_page(window, qtbot, meeting, tmp_path / "small.coopvote", "chair")
    choose_item(page, 2)
    assert page.reopen_button.isVisible() and not page.open_button.isVisible()
    answered = answer_next_dialog(qtbot, reason="a second ballot box was found in the side room",
                                  shot_to=artifacts_dir / "screen-chair-reopen.png")
    qtbot.mouseClick(page.reopen_button, Qt.MouseButton.LeftButton)
    assert answered and answered[0][0] == "Reopen the vote on item 2?" and not answered[0][2]
    assert page.banner.kind == "ok", page.banner.text()
    assert meeting.setup.meeting().item(2).status == "open"
    assert page.close_button.isVisible() and not page.reopen_button.isVisible()
    assert "Reopened after closing: a second ballot box" in page.decisions.text()


def test_two_slips_from_one_sheet_are_both_rejected_at_the_teller(window: Any, qtbot: Any,  # noqa: F811
                                                                  meeting: MeetingService, tmp_path: Path,
                                                                  artifacts_dir: Path) -> None:
    hand_out(meeting)
    slips = meeting.papers.add_paper_batch(1, "EMP", 2, kind="slips")
    meeting.voting.open_vote(1)
    teller = open_page(window, qtbot, meeting, tmp_path / "small.coopvote", "teller")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is teller.scan.input, timeout=3000)
    for option in (1, 2):  # For, then Against, torn from the same sheet
        qtbot.keyClicks(teller.scan.input, slips.qr_text(slips.serials[0], option=option))
        qtbot.keyClick(teller.scan.input, Qt.Key.Key_Return)
    assert teller.scan.answer.state == "refused"
    assert "both are rejected as more than one vote" in teller.scan.answer.text()
    assert "gwrthodir y ddau" in teller.scan.answer.text()  # Welsh first, on the same screen
    window.resize(1100, 800)
    shot(teller.window(), artifacts_dir, "screen-teller-two-slips")
    result = meeting.results.item_result(1)
    assert result.papers_by_option[0]["EMP"] == 0 and result.rejected_by_reason == {"too-many-votes": 1}


def test_a_keyed_paper_that_cannot_count_is_rejected_with_its_reason(window: Any, qtbot: Any,  # noqa: F811
                                                                     meeting: MeetingService, tmp_path: Path,
                                                                     artifacts_dir: Path, look: Any) -> None:  # noqa: F811
    hand_out(meeting)
    papers = meeting.papers.add_paper_batch(2, "EMP", 2)
    meeting.voting.open_vote(2)
    teller = open_page(window, qtbot, meeting, tmp_path / "small.coopvote", "teller")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is teller.scan.input, timeout=3000)
    assert not teller.scan.reject_button.isEnabled()  # nothing waits yet
    qtbot.keyClicks(teller.scan.input, papers.qr_text(papers.serials[0]))
    qtbot.keyClick(teller.scan.input, Qt.Key.Key_Return)
    assert teller.scan.reject_button.isEnabled()
    qtbot.keyClicks(teller.scan.input, "1 1 2")  # two first preferences: void for uncertainty
    qtbot.keyClick(teller.scan.input, Qt.Key.Key_Return)
    assert teller.scan.answer.state == "waiting", teller.scan.answer.text()
    assert "no candidate marked" in teller.scan.answer.text() and "reject the paper" in teller.scan.answer.text()
    assert "nid oes ymgeisydd wedi'i farcio" in teller.scan.answer.text()  # the Welsh line is Welsh throughout
    assert teller.scan.reject_reason.currentData() == "unmarked-or-uncertain"
    window.resize(1100, 850)
    shot(teller.window(), artifacts_dir, "screen-teller-keyed-reject")
    qtbot.mouseClick(teller.scan.reject_button, Qt.MouseButton.LeftButton)
    assert teller.scan.answer.state == "ok", teller.scan.answer.text()
    assert "Rejected (Paper unmarked or void for uncertainty)" in teller.scan.answer.text()  # the one table of grounds (ballots/texts.py)
    assert teller.scan.pending is None and not teller.scan.reject_button.isEnabled()
    rows = {r.class_code: r for r in meeting.results.reconciliation(2)}
    assert (rows["EMP"].returned, rows["EMP"].rejected, rows["EMP"].not_returned) == (1, 1, 1)
    assert meeting.results.item_result(2).rejected_by_reason == {"unmarked-or-uncertain": 1}

    # a keyed line with a rank out of range says so in Welsh on a Welsh screen
    assert look.set_language("cy")
    qtbot.waitUntil(lambda: QApplication.focusWidget() is teller.scan.input, timeout=3000)
    qtbot.keyClicks(teller.scan.input, papers.qr_text(papers.serials[1]))
    qtbot.keyClick(teller.scan.input, Qt.Key.Key_Return)
    qtbot.keyClicks(teller.scan.input, "9 1")
    qtbot.keyClick(teller.scan.input, Qt.Key.Key_Return)
    assert "mae'r safleoedd yn mynd o 1 i 3" in teller.scan.answer.text(), teller.scan.answer.text()
    assert teller.scan.reject_button.text() == "&Gwrthod y papur"
