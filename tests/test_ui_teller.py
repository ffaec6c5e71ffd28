"""The teller station driven as a teller drives it: codes typed into the focused box, keys for marks, undo,
a batch of real scanned images read in the background, the adjudication queue, and the camera tab."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent, QImage
from PySide6.QtWidgets import QApplication

from coopvote.ballots.testdeck import rasterise_page
from coopvote.service import MeetingService
from coopvote.ui.teller_keyed import keyed_marks
from tests.helpers import small_meeting
from tests.test_service_sheets import mark_and_scan
from tests.ui_fixtures import look, shot, window  # noqa: F401 - fixtures


@pytest.fixture
def service(tmp_path: Path) -> MeetingService:
    meeting = small_meeting(tmp_path, station="teller-1")
    meeting.voting.open_vote(1, not_quorate_reason="test meeting: quorum not under test")
    meeting.voting.open_vote(2, not_quorate_reason="test meeting: quorum not under test")
    return meeting


@pytest.fixture
def teller(window: Any, qtbot: Any, service: MeetingService, tmp_path: Path) -> Any:  # noqa: F811
    window.set_service(service, str(tmp_path / "small.coopvote"))
    page = window.show_role("teller")
    assert type(page).__name__ == "TellerPage", getattr(page, "reason", page)
    window.activateWindow()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is page)
    return page


def scan(qtbot: Any, page: Any, text: str) -> None:
    """What the handheld scanner does: type into whatever has the focus, then Enter."""
    focused = QApplication.focusWidget()
    assert focused is page.scan.input, focused
    qtbot.keyClicks(focused, text)
    qtbot.keyClick(focused, Qt.Key.Key_Return)


def test_the_code_box_has_the_focus_and_takes_it_back(teller: Any, qtbot: Any) -> None:
    qtbot.waitUntil(lambda: QApplication.focusWidget() is teller.scan.input, timeout=3000)
    teller.scan.undo_button.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is teller.scan.input, timeout=3000)
    teller.scan.undo_reason.setFocus()  # typing a reason keeps its focus
    QApplication.processEvents()
    assert QApplication.focusWidget() is teller.scan.undo_reason


def test_slips_count_once_and_forgeries_are_refused(teller: Any, qtbot: Any, service: MeetingService,
                                                    artifacts_dir: Path) -> None:
    qtbot.waitUntil(lambda: QApplication.focusWidget() is teller.scan.input, timeout=3000)
    slips = service.papers.add_paper_batch(1, "EMP", 3, kind="slips")
    code = slips.qr_text(slips.serials[0], 1)
    scan(qtbot, teller, code)
    answer = teller.scan.answer
    assert answer.state == "ok", answer.text()
    lines = answer.text().splitlines()
    assert lines[0].startswith("Wedi'i gyfrif") and lines[1].startswith("Counted: item 1, EMP")  # Welsh first
    assert "For" in answer.text()
    assert "Counted here: 1" in teller.scan.counts.text()
    teller.window().resize(1100, 760)
    shot(teller.window(), artifacts_dir, "screen-teller-counted")

    scan(qtbot, teller, code)  # the same slip again
    assert answer.state == "refused"
    assert service.results.item_result(1).papers_by_option[0]["EMP"] == 1
    duplicate = answer.text()
    assert "already" in duplicate.lower(), duplicate
    shot(teller.window(), artifacts_dir, "screen-teller-duplicate")

    second = slips.qr_text(slips.serials[1], 2)  # a scanner that ends its codes with Tab
    qtbot.keyClicks(teller.scan.input, second)
    qtbot.keyClick(teller.scan.input, Qt.Key.Key_Tab)
    assert answer.state == "ok" and "Against" in answer.text()
    assert QApplication.focusWidget() is teller.scan.input
    forged = code[:-3] + ("AAA" if not code.endswith("AAA") else "BBB")
    scan(qtbot, teller, forged)
    assert answer.state == "refused"
    assert answer.text() != duplicate
    assert "Refused: 2" in teller.scan.counts.text()
    teller.scan.refresh_totals()
    assert teller.scan.totals.text() == "All stations: item 1: 2 returned of 0 issued; item 2: 0 returned of 0 issued"
    assert QApplication.focusWidget() is teller.scan.input


def test_keyed_marks_for_a_resolution_and_a_ranked_election_then_undo(teller: Any, qtbot: Any,
                                                                      service: MeetingService,
                                                                      artifacts_dir: Path) -> None:
    qtbot.waitUntil(lambda: QApplication.focusWidget() is teller.scan.input, timeout=3000)
    papers = service.papers.add_paper_batch(1, "PS", 2)
    scan(qtbot, teller, papers.qr_text(papers.serials[0]))
    assert teller.scan.answer.state == "waiting"
    assert "Press 1 For, 2 Against, 3 Abstain" in teller.scan.answer.text()
    qtbot.keyClick(teller.scan.input, Qt.Key.Key_2)  # one key, no Enter
    assert teller.scan.answer.state == "ok", teller.scan.answer.text()
    assert "Against" in teller.scan.answer.text()
    assert service.results.item_result(1).papers_by_option[1]["PS"] == 1

    ballots = service.papers.add_paper_batch(2, "EMP", 2)
    code = ballots.qr_text(ballots.serials[0])
    scan(qtbot, teller, code)
    assert "Type the rank beside each candidate" in teller.scan.answer.text()
    shot(teller.window(), artifacts_dir, "screen-teller-keyed")
    qtbot.keyClicks(teller.scan.input, "3 1 2")  # Siân 3rd, Rhodri 1st, Aled 2nd
    qtbot.keyClick(teller.scan.input, Qt.Key.Key_Return)
    assert teller.scan.answer.state == "ok", teller.scan.answer.text()
    assert "Rhodri Evans › Aled Thomas › Siân ap Gwŷn" in teller.scan.answer.text()
    result = service.results.item_result(2)
    assert result.papers_by_option[1]["EMP"] == 1  # Rhodri's first preference

    # undo needs a reason; with one, the paper can be scanned again
    qtbot.mouseClick(teller.scan.undo_button, Qt.MouseButton.LeftButton)
    assert teller.scan.answer.state == "refused" and "say why" in teller.scan.answer.text()
    qtbot.keyClicks(teller.scan.undo_reason, "keyed the wrong ranks")
    qtbot.keyClick(teller.scan.undo_reason, Qt.Key.Key_Return)
    assert "Undone: item 2" in teller.scan.answer.text(), teller.scan.answer.text()
    assert service.results.item_result(2).total_papers == 0
    qtbot.waitUntil(lambda: QApplication.focusWidget() is teller.scan.input, timeout=3000)
    scan(qtbot, teller, code)
    qtbot.keyClicks(teller.scan.input, "1 - 2")
    qtbot.keyClick(teller.scan.input, Qt.Key.Key_Return)
    assert teller.scan.answer.state == "ok", teller.scan.answer.text()
    assert "Siân ap Gwŷn › Aled Thomas" in teller.scan.answer.text()

    # a code scanned while the undo reason box has the focus is scanned, never taken as a reason
    teller.scan.undo_reason.setFocus()
    qtbot.keyClicks(teller.scan.undo_reason, code)
    qtbot.keyClick(teller.scan.undo_reason, Qt.Key.Key_Return)
    assert teller.scan.answer.state == "refused" and "already" in teller.scan.answer.text().lower()
    assert service.results.item_result(2).total_papers == 1  # nothing was undone
    qtbot.waitUntil(lambda: QApplication.focusWidget() is teller.scan.input, timeout=3000)

    # a bad line of marks is explained and the paper still waits
    scan(qtbot, teller, ballots.qr_text(ballots.serials[1]))
    qtbot.keyClicks(teller.scan.input, "9 1")
    qtbot.keyClick(teller.scan.input, Qt.Key.Key_Return)
    assert teller.scan.answer.state == "waiting" and "ranks run from 1 to 3" in teller.scan.answer.text()
    qtbot.keyClick(teller.scan.input, Qt.Key.Key_Escape)
    assert teller.scan.pending is None and "nothing recorded" in teller.scan.answer.text()


def test_keyed_ranks_follow_the_readers_ranking_rules() -> None:
    names = ("A", "B", "C", "D")
    assert keyed_marks("3 1 2", "election", "scottish-stv", names).marks == (2, 3, 1)
    assert keyed_marks("1 3", "election", "scottish-stv", names).marks == (1,)  # preference 2 skipped: stop
    assert keyed_marks("1 2 2", "election", "scottish-stv", names).marks == (1,)  # 2 given twice: stop
    assert keyed_marks("2 4", "election", "block", names).marks == (2, 4)
    assert keyed_marks("x", "election", "block", names).problem
    assert keyed_marks("3120", "election", "scottish-stv", names).marks == (2, 3, 1)  # one digit per candidate
    assert keyed_marks("24", "election", "block", names).marks == (2, 4)
    assert keyed_marks("2", "resolution", "", ()).marks == (2,)


def test_a_batch_of_scanned_papers_then_the_adjudication_queue(teller: Any, qtbot: Any, service: MeetingService,
                                                               tmp_path: Path, artifacts_dir: Path) -> None:
    pdf = tmp_path / "item1-emp.pdf"
    service.papers.print_papers(1, "EMP", 4, pdf)
    plans: list[list[object]] = [[0], [1], [0, 1], []]  # For, Against, two marks, no mark
    files = mark_and_scan(service, pdf, plans, tmp_path, 3.0, random.Random(11))
    teller.tabs.setCurrentWidget(teller.batch)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(f)) for f in files])
    drop = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    teller.batch.dropEvent(drop)  # dropped from the file manager
    assert teller.batch.running
    assert not teller.batch.choose_files_button.isEnabled() and teller.batch.stop_button.isEnabled()
    qtbot.waitUntil(lambda: teller.batch.summary is not None, timeout=120_000)
    summary = teller.batch.summary
    assert (summary.pages, summary.accepted, summary.queued) == (4, 2, 2), summary
    assert teller.batch.bar.value() == teller.batch.bar.maximum() == 4
    assert teller.batch.log.count() == 4
    assert "4 page(s) read: 2 counted, 2 set aside for adjudication, 0 refused." in teller.batch.status.text()
    assert teller.batch.choose_files_button.isEnabled()
    assert teller.tabs.tabText(2) == "&Adjudication (2)"
    shot(teller.window(), artifacts_dir, "screen-teller-batch")

    teller.tabs.setCurrentWidget(teller.adjudication)
    panel = teller.adjudication
    assert panel.queue.count() == 2
    reasons = {panel.sheets[row].reasons[0]: row for row in range(2)}
    panel.queue.setCurrentRow(reasons["too many marks"])
    assert panel.pixmap is not None and panel.pixmap.width() > 400, panel.pixmap  # the scanned sheet itself
    assert not panel.image.pixmap().isNull()
    assert "too many marks" in panel.reasons.text()
    panel.reject()
    assert panel.banner.kind == "error" and "Enter your name" in panel.banner.text()
    qtbot.keyClicks(panel.by, "Gareth Morgan")
    panel.reason.setCurrentIndex(panel.reason.findData("too-many-votes"))
    teller.window().resize(1100, 900)
    shot(teller.window(), artifacts_dir, "screen-teller-adjudication")
    qtbot.mouseClick(panel.reject_button, Qt.MouseButton.LeftButton)
    assert panel.banner.kind == "ok", panel.banner.text()
    assert panel.queue.count() == 1
    assert "no marks" in panel.reasons.text()
    panel.marks.setText("3")  # the teller judges the voter meant to abstain (as a test of accepting)
    qtbot.mouseClick(panel.accept_button, Qt.MouseButton.LeftButton)
    assert panel.banner.kind == "ok", panel.banner.text()
    assert panel.queue.count() == 0
    assert teller.tabs.tabText(2) == "&Adjudication"
    result = service.results.item_result(1)
    assert result.papers_by_option[0]["EMP"] == 1 and result.papers_by_option[2]["EMP"] == 1
    assert result.rejected_by_reason == {"too-many-votes": 1}


def test_stopping_a_batch_keeps_what_was_read(teller: Any, qtbot: Any, service: MeetingService,
                                               tmp_path: Path) -> None:
    pdf = tmp_path / "slips.pdf"
    service.papers.print_papers(1, "PS", 2, pdf)
    files = mark_and_scan(service, pdf, [[0], [1]], tmp_path, 0.0, random.Random(3))
    teller.batch.start(files * 3)
    teller.batch.stop()
    qtbot.waitUntil(lambda: teller.batch.summary is not None, timeout=60_000)
    assert teller.batch.summary.cancelled
    assert teller.batch.summary.pages < 6
    assert teller.batch.status.text().startswith("Stopped.")


def test_the_camera_tab_says_there_is_no_camera_and_reads_a_picture(teller: Any, qtbot: Any,
                                                                    service: MeetingService, tmp_path: Path,
                                                                    artifacts_dir: Path) -> None:
    camera = teller.camera
    teller.tabs.setCurrentWidget(camera)
    assert not camera.available  # this machine has none
    assert "No camera was found" in camera.message.text()
    assert not camera.start_button.isEnabled()
    assert camera.start() is False
    shot(teller.window(), artifacts_dir, "screen-teller-no-camera")
    # a frame as the camera would deliver it: a printed slip page, photographed (rasterised)
    pdf = tmp_path / "slips.pdf"
    service.papers.print_papers(1, "EMP", 1, pdf, kind="slips")
    grey = np.ascontiguousarray(rasterise_page(pdf.read_bytes(), 0, 150))
    image = QImage(grey.data, grey.shape[1], grey.shape[0], grey.strides[0], QImage.Format.Format_Grayscale8).copy()
    codes = camera.found_in(image)
    assert codes  # a whole sheet of slips (For, Against, Abstain) is in view: the first counts, no other can
    assert teller.scan.counts.text().startswith("Counted here: 1 ")
    assert service.results.item_result(1).total_papers == 1
    assert camera.found_in(image) == []  # the same code held still is not scanned twice


def test_sounds_are_real_wav_files_and_never_fail_without_a_device(tmp_path: Path, qapp: Any) -> None:
    import wave

    from coopvote.ui.teller_sound import Sounds, tone_wav

    path = tone_wav(tmp_path / "ok.wav", (880.0, 1320.0), 0.2)
    with wave.open(str(path)) as sound:
        assert (sound.getnchannels(), sound.getsampwidth(), sound.getframerate()) == (1, 2, 22050)
        assert sound.getnframes() == 2 * int(22050 * 0.2 / 2)
        samples = np.frombuffer(sound.readframes(sound.getnframes()), dtype="<i2")
    assert samples.max() > 10_000 and abs(int(samples[0])) < 500  # loud, with a soft start
    sounds = Sounds()
    assert not sounds.has_device  # no audio device on the test machine: the beep stands in
    sounds.play(True)
    sounds.play(False)


def test_the_scanning_screen_in_welsh(teller: Any, qtbot: Any, service: MeetingService, look: Any,  # noqa: F811
                                      artifacts_dir: Path) -> None:
    assert look.set_language("cy")
    assert teller.tabs.tabText(0) == "&Sganio"
    qtbot.waitUntil(lambda: QApplication.focusWidget() is teller.scan.input, timeout=3000)
    papers = service.papers.add_paper_batch(1, "PS", 1)
    scan(qtbot, teller, papers.qr_text(papers.serials[0]))
    assert teller.scan.answer.state == "waiting"
    assert "Derbyn y cyfrifon" in teller.scan.answer.text()  # the item's Welsh title
    qtbot.keyClick(teller.scan.input, Qt.Key.Key_1)
    assert teller.scan.answer.state == "ok"
    assert teller.scan.answer.text().startswith("Wedi'i gyfrif")
    teller.window().resize(1100, 760)
    qtbot.waitUntil(lambda: "1 returned" in teller.scan.totals.text() or "1 wedi" in teller.scan.totals.text(),
                    timeout=3000)
    shot(teller.window(), artifacts_dir, "screen-teller-welsh")
