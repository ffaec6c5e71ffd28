"""Advance papers in the app: printed by the service, rasterised, read in a batch or by hand at the advance
door of the "Before the meeting" page, an unclear one decided in the tellers' queue, the votes closed and
counted; and a resolution recorded as amended in the room, with its confirmation."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import pytest
import zxingcpp
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from coopvote.ballots.qrcodec import decode
from coopvote.ballots.testdeck import Pen, rasterise_page
from coopvote.service import MeetingService
from tests.advance_meeting import new_meeting
from tests.test_service_sheets import _secret, mark_and_scan
from tests.ui_dialogs import answer_next_dialog
from tests.ui_fixtures import look, shot, window  # noqa: F401 - fixtures

MEMBERS = ("M001", "M002", "M003")


@pytest.fixture
def before(window: Any, qtbot: Any, tmp_path: Path) -> Any:  # noqa: F811
    service = new_meeting(tmp_path, 60, closes="2099-01-01T00:00:00Z")
    window.set_service(service, str(tmp_path / "advance.coopvote"))
    window.show_role("advance")
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.pages["advance"])
    return window.pages["advance"]


def printed_pages(service: MeetingService, pdf: Path) -> list[tuple[str, int]]:
    """(code, item) of each page of a printed PDF, read back from its QR as a scanner would."""
    meeting = service.setup.meeting()
    pages = []
    data = pdf.read_bytes()
    import pypdfium2 as pdfium

    count = len(pdfium.PdfDocument(data))
    for index in range(count):
        found = zxingcpp.read_barcodes(rasterise_page(data, index, 150), formats=zxingcpp.BarcodeFormat.QRCode)
        assert found, f"page {index + 1}: the printed code must read"
        pages.append((found[0].text, decode(found[0].text, _secret(service), meeting.code).item))
    return pages


def send_receive_and_open(page: Any, qtbot: Any, tmp_path: Path) -> Path:
    """Packs for three members, their envelopes received by typing the numbers, then opened: all on the page."""
    page.tabs.setCurrentWidget(page.packs_box)
    qtbot.keyClicks(page.members, ", ".join(MEMBERS))
    qtbot.keyClicks(page.folder, str(tmp_path / "packs"))
    qtbot.mouseClick(page.send_button, Qt.MouseButton.LeftButton)
    assert page.banner.kind == "ok", page.banner.text()
    page.tabs.setCurrentWidget(page.envelopes_box)
    for number in MEMBERS:
        qtbot.keyClicks(page.code, number)
        qtbot.keyClick(page.code, Qt.Key.Key_Return)
        assert page.banner.kind == "ok", page.banner.text()
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert "3 envelopes recorded as opened" in page.banner.text()
    return tmp_path / "packs" / "advance-papers-PS.pdf"


def test_advance_papers_read_in_a_batch_an_unclear_one_adjudicated_then_closed_and_counted(
    before: Any, qtbot: Any, tmp_path: Path, artifacts_dir: Path
) -> None:
    page = before
    main = page.window()
    service: MeetingService = main.service
    pdf = send_receive_and_open(page, qtbot, tmp_path)
    items = [item for _code, item in printed_pages(service, pdf)]
    assert sorted(items) == [1, 1, 1, 2, 2, 2]
    # Item 1: For, For, and a tick beside the Against box (unclear: it goes to the queue). Item 2: three first
    # preferences.
    resolution_marks: list[list[object]] = [[0], [0], [1]]
    election_marks: list[list[object]] = [[(0, 1), (1, 2)], [(2, 1)], [(1, 1), (0, 2)]]
    plans = [resolution_marks.pop(0) if item == 1 else election_marks.pop(0) for item in items]
    beside = [index for index, item in enumerate(items) if item == 1][2]
    scans = mark_and_scan(service, pdf, plans, tmp_path, 2.0, random.Random(17), pens={beside: Pen.BESIDE})

    page.tabs.setCurrentWidget(page.papers_tab)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f)) for f in scans])
    page.batch.dropEvent(QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                                    Qt.KeyboardModifier.NoModifier))  # dropped from the file manager
    assert page.batch.running
    qtbot.waitUntil(lambda: page.batch.summary is not None, timeout=120_000)
    summary = page.batch.summary
    assert (summary.pages, summary.accepted, summary.queued) == (6, 5, 1), [o.message_en for o in summary.outcomes]
    assert page.batch.bar.value() == page.batch.bar.maximum() == 6
    assert "6 page(s) read: 5 counted, 1 set aside for adjudication, 0 refused." in page.batch.status.text()
    assert any("Counted (advance)" in page.batch.log.item(row).text() for row in range(page.batch.log.count()))
    main.resize(1100, 850)
    shot(main, artifacts_dir, "advance-scanned-papers")

    chair = main.show_role("chair")
    qtbot.waitUntil(lambda: main.stack.currentWidget() is chair)
    answer_next_dialog(qtbot, reason="advance votes only in this test: nobody is checked in")
    qtbot.mouseClick(chair.open_button, Qt.MouseButton.LeftButton)
    assert service.setup.meeting().item(1).status == "open", chair.banner.text()
    answer_next_dialog(qtbot)
    qtbot.mouseClick(chair.close_button, Qt.MouseButton.LeftButton)
    assert chair.banner.kind == "error" and "wait for adjudication" in chair.banner.text(), chair.banner.text()

    teller = main.show_role("teller")
    qtbot.waitUntil(lambda: main.stack.currentWidget() is teller)
    teller.tabs.setCurrentWidget(teller.adjudication)
    panel = teller.adjudication
    assert panel.queue.count() == 1
    assert "advance paper" in panel.title.text(), panel.title.text()
    assert panel.pixmap is not None  # the scanned sheet itself
    qtbot.keyClicks(panel.by, "Gareth Morgan")
    panel.marks.setText("2")  # the tellers see the tick beside Against: the voter's clear intention
    shot(main, artifacts_dir, "advance-sheet-adjudication")
    qtbot.mouseClick(panel.accept_button, Qt.MouseButton.LeftButton)
    assert panel.banner.kind == "ok", panel.banner.text()
    assert panel.queue.count() == 0

    main.show_role("chair")
    qtbot.waitUntil(lambda: main.stack.currentWidget() is chair)
    answer_next_dialog(qtbot)
    qtbot.mouseClick(chair.close_button, Qt.MouseButton.LeftButton)
    assert chair.banner.kind == "ok", chair.banner.text()
    qtbot.waitUntil(lambda: not chair.result.loading, timeout=30_000)
    assert chair.result.outcome.text().startswith("Carried"), chair.result.outcome.text()
    service.results.show_small_classes(1, "the chair", "test: the per-class figures are under test")
    result = service.results.item_result(1)
    assert [result.papers_by_option[n].get("PS", 0) for n in range(3)] == [2, 1, 0]
    rows = {row.class_code: row for row in service.results.reconciliation(1)}
    assert rows["PS"].sources["advance_papers"] == 3 and rows["PS"].sources["envelopes_accepted"] == 3


def test_advance_papers_keyed_by_hand_then_the_resolution_amended_counts_them_against(
    before: Any, qtbot: Any, tmp_path: Path, artifacts_dir: Path
) -> None:
    page = before
    main = page.window()
    service: MeetingService = main.service
    pdf = send_receive_and_open(page, qtbot, tmp_path)
    resolutions = [code for code, item in printed_pages(service, pdf) if item == 1]
    page.tabs.setCurrentWidget(page.keyed)
    keyed = page.keyed
    assert not keyed.undo_button.isVisible() and not keyed.reject_button.isVisible()
    for code, key in zip(resolutions, ("1", "1", "3"), strict=True):  # For, For, Abstain
        qtbot.keyClicks(keyed.input, code)
        qtbot.keyClick(keyed.input, Qt.Key.Key_Return)
        assert keyed.answer.state == "waiting", keyed.answer.text()
        qtbot.keyClick(keyed.input, key)
        assert keyed.answer.state == "ok" and "Counted (advance)" in keyed.answer.text(), keyed.answer.text()
    main.resize(1000, 700)
    shot(main, artifacts_dir, "advance-hand-scanner")
    qtbot.keyClicks(keyed.input, resolutions[0])
    qtbot.keyClick(keyed.input, Qt.Key.Key_Return)
    assert keyed.answer.state == "refused" and "already counted" in keyed.answer.text().lower(), keyed.answer.text()
    service.results.show_small_classes(1, "the chair", "test: the per-class figures are under test")
    before_amendment = service.results.item_result(1)
    assert [before_amendment.papers_by_option[n].get("PS", 0) for n in range(3)] == [2, 0, 1]

    page.tabs.setCurrentWidget(page.amendment)
    amendment = page.amendment
    assert amendment.item_choice.count() == 1 and amendment.item_choice.currentData() == 1
    assert "AGAINST" in amendment.rule.text()
    qtbot.mouseClick(amendment.record_button, Qt.MouseButton.LeftButton)
    assert amendment.banner.kind == "error" and "who moved the amendment" in amendment.banner.text()
    qtbot.keyClicks(amendment.by, "Sian Roberts")
    seen = answer_next_dialog(qtbot, confirm=False)
    qtbot.mouseClick(amendment.record_button, Qt.MouseButton.LeftButton)
    assert seen and "AGAINST the amended resolution" in seen[0][1]
    assert amendment.banner.text() == "Nothing was recorded."
    assert not service.setup.meeting().item(1).settings["advance"].get("amended")
    answer_next_dialog(qtbot, shot_to=artifacts_dir / "advance-amended-confirm.png")
    qtbot.mouseClick(amendment.record_button, Qt.MouseButton.LeftButton)
    assert amendment.banner.kind == "ok", amendment.banner.text()
    assert "already recorded as amended" in amendment.rule.text()
    assert not amendment.record_button.isEnabled()
    shot(main, artifacts_dir, "advance-amended")
    after = service.results.item_result(1)
    assert [after.papers_by_option[n].get("PS", 0) for n in range(3)] == [0, 3, 0]


def test_the_desk_shows_an_envelope_received_while_the_member_is_on_its_screen(before: Any, qtbot: Any,
                                                                              tmp_path: Path) -> None:
    page = before
    main = page.window()
    main.service.advance.issue_packs(["M009"])
    desk = main.show_role("desk")
    qtbot.waitUntil(lambda: main.stack.currentWidget() is desk)
    desk.select_member("M009")
    assert "VOTED" not in desk.member_detail.text()
    main.show_role("advance")
    page.tabs.setCurrentWidget(page.envelopes_box)
    qtbot.keyClicks(page.code, "M009")
    qtbot.keyClick(page.code, Qt.Key.Key_Return)
    assert page.banner.kind == "ok", page.banner.text()
    main.show_role("desk")
    qtbot.waitUntil(lambda: main.stack.currentWidget() is desk)
    assert "VOTED IN ADVANCE on item(s) 1, 2: no paper for these" in desk.member_detail.text()


def test_the_advance_door_undoes_and_rejects_nothing_by_hand(before: Any) -> None:
    from coopvote.errors import RuleError
    from coopvote.ui.advance_papers import AdvanceDoor

    door = AdvanceDoor(before.advance)
    with pytest.raises(RuleError, match="not rejected by hand: read it with the scanner"):
        door.reject_paper("CV1-X", "unmarked-or-uncertain")
    with pytest.raises(RuleError, match="cannot be undone at this door"):
        door.undo_last("a slip of the finger")


def test_the_advance_door_speaks_of_advance_papers_not_vote_slips(
    before: Any, window: Any, look: Any, artifacts_dir: Path  # noqa: F811
) -> None:
    keyed = before.keyed
    before.tabs.setCurrentWidget(keyed)
    assert keyed.input.placeholderText() == "Scan an advance ballot paper"
    assert "Advance papers come without vote slips" in keyed.hint.text()
    assert "A vote slip is counted at once" not in keyed.hint.text()
    teller = window.show_role("teller")
    assert teller.scan.input.placeholderText() == "Scan a ballot paper or vote slip"  # the room's door keeps its words
    assert "A vote slip is counted at once" in teller.scan.hint.text()

    assert look.set_language("cy")
    window.show_role("advance")
    before.tabs.setCurrentWidget(keyed)
    assert keyed.input.placeholderText() == "Sganiwch bapur pleidleisio ymlaen llaw"
    assert keyed.hint.text().startswith("Nid oes slipiau pleidlais gyda phapurau ymlaen llaw.")
    shot(window, artifacts_dir, "advance-hand-scanner-cy")
