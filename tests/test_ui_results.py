"""Results and reports driven through the page: result and reconciliation, the declaration previewed,
saved and printed to a PDF file through QPrinter, the minutes, and the record exported and verified."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pypdfium2 as pdfium
import pytest
from PySide6.QtPrintSupport import QPrinter

from coopvote.export.verify import verify_archive
from coopvote.service import MeetingService
from tests.helpers import small_meeting
from tests.ui_dialogs import answer_next_dialog
from tests.ui_fixtures import look, shot, window  # noqa: F401 - fixtures


@pytest.fixture
def voted(tmp_path: Path) -> MeetingService:
    """Item 1 voted and declared, item 2 (STV) voted and closed but not declared."""
    service = small_meeting(tmp_path, station="results")
    for number in ("P1", "P2", "E1", "E2", "E3"):
        service.desk.check_in(number)
        service.desk.issue_pack(number)
    service.voting.open_vote(1, not_quorate_reason="test meeting: quorum not under test")
    service.voting.open_vote(2, not_quorate_reason="test meeting: quorum not under test")
    slips = service.papers.add_paper_batch(1, "EMP", 3, kind="slips")
    for serial, option in zip(slips.serials, (1, 1, 2), strict=True):
        assert service.tellers.record_paper(slips.qr_text(serial, option)).accepted
    ps = service.papers.add_paper_batch(1, "PS", 2)
    assert service.tellers.record_paper(ps.qr_text(ps.serials[0]), [1]).accepted
    ballots = service.papers.add_paper_batch(2, "EMP", 5)
    for serial, marks in zip(ballots.serials, ([1, 3], [1, 3], [1, 2], [2], [3, 2]), strict=True):
        assert service.tellers.record_paper(ballots.qr_text(serial), marks).accepted
    service.voting.close_vote(1)
    service.voting.close_vote(2)
    service.results.declare(1, "Eleri Hughes", reconciliation_reason="test meeting: papers recorded without packs issued")
    return service


@pytest.fixture
def results_page(window: Any, qtbot: Any, voted: MeetingService, tmp_path: Path) -> Any:  # noqa: F811
    window.set_service(voted, str(tmp_path / "small.coopvote"))
    page = window.show_role("results")
    assert type(page).__name__ == "ResultsPage", getattr(page, "reason", page)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is page)
    window.resize(1280, 1000)
    qtbot.waitUntil(lambda: not page.result.loading, timeout=30_000)
    return page


def pdf_pages(path: Path) -> list[np.ndarray]:
    document = pdfium.PdfDocument(str(path))
    try:
        return [np.asarray(document[i].render(scale=0.5).to_pil().convert("L")) for i in range(len(document))]
    finally:
        document.close()


def test_result_and_reconciliation(results_page: Any, qtbot: Any, artifacts_dir: Path) -> None:
    page = results_page
    assert page.current == 1
    assert page.result.outcome.text().startswith("Carried"), page.result.outcome.text()
    assert page.result.cell("For", 2) == "3"
    rows = {r.class_code: r for r in page.reconciliation.rows}
    assert (rows["EMP"].issued, rows["EMP"].returned) == (3, 3)
    assert page.reconciliation.item(1, 2).text() == "3"  # EMP issued
    page.select(2)
    assert page.result.loading and page.result.outcome.text() == "Counting…"
    qtbot.waitUntil(lambda: not page.result.loading, timeout=30_000)
    assert page.result.stages.rowCount() == 4
    assert page.result.stages.cell_text("Siân ap Gwŷn", 1) == "3"
    # 5 EMP papers returned, 3 issued: the service's reconciliation says so and the page shows it
    assert "2 more paper(s) returned than issued" in page.reconciliation_problems.text()
    shot(page.window(), artifacts_dir, "screen-results-stv")


def test_declaration_preview_save_and_print(results_page: Any, qtbot: Any, tmp_path: Path,
                                            artifacts_dir: Path) -> None:
    page = results_page
    page.tabs.setCurrentWidget(page.declaration)
    panel = page.declaration
    assert not panel.save_button.isEnabled()
    panel.preview_button.click()
    qtbot.waitUntil(lambda: panel.declaration is not None, timeout=60_000)
    declaration = panel.declaration
    assert declaration.item == 1 and declaration.declared and declaration.pdf.startswith(b"%PDF")
    assert len(panel.page_labels) == len(declaration.pages) >= 1
    assert not panel.page_labels[0].pixmap().isNull()
    assert panel.caption.text().startswith("Declaration of item 1")
    assert panel.save_button.isEnabled() and panel.print_button.isEnabled()
    shot(page.window(), artifacts_dir, "screen-results-declaration")

    saved = tmp_path / "declaration.pdf"
    assert panel.save(saved)
    assert saved.read_bytes() == declaration.pdf
    assert panel.banner.kind == "ok"

    printed = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    assert panel.print_to(printer)
    pages = pdf_pages(printed)
    assert len(pages) == len(declaration.pages)
    assert pages[0].min() < 60 and pages[0].mean() > 200  # dark print on a mostly white page

    page.select(2)  # closed, not declared: provisional
    assert panel.declaration is None and not panel.save_button.isEnabled()
    panel.preview_button.click()
    qtbot.waitUntil(lambda: panel.declaration is not None, timeout=60_000)
    assert panel.declaration is not None and not panel.declaration.declared
    assert "provisional" in panel.caption.text()

    panel.minutes_button.click()
    qtbot.waitUntil(lambda: panel.declaration is not None and panel.declaration.item is None, timeout=60_000)
    assert panel.caption.text().startswith("Minutes extract")


def test_export_the_record_then_verify_it(results_page: Any, qtbot: Any, tmp_path: Path,
                                          artifacts_dir: Path) -> None:
    page = results_page
    page.tabs.setCurrentWidget(page.export)
    panel = page.export
    target = tmp_path / "out" / "record.zip"
    assert panel.export_to(target)
    assert not panel.export_button.isEnabled() and panel.cancel_button.isEnabled()
    qtbot.waitUntil(lambda: panel.summary is not None, timeout=120_000)
    assert panel.banner.kind == "ok"
    assert "Record verification code" in panel.status.text()
    report = verify_archive(target)
    assert report.items_recounted == 2
    shot(page.window(), artifacts_dir, "screen-results-export")

    cancelled = tmp_path / "cancelled.zip"
    assert panel.export_to(cancelled)
    panel.cancel()
    assert panel.status.text() == "Export cancelled: no archive is kept."
    assert panel.export_button.isEnabled()
    assert panel.worker_done.wait(120)  # the export thread ran to its end, then removed its archive
    assert not cancelled.exists()


def test_a_whole_election_through_the_window(window: Any, qtbot: Any, tmp_path: Path,  # noqa: F811
                                             artifacts_dir: Path) -> None:
    """Chair opens, teller scans and keys ranks, chair closes and declares, the hall sees it, it is printed."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    service = small_meeting(tmp_path, station="hall")
    window.set_service(service, str(tmp_path / "small.coopvote"))
    projector = window.show_projector()
    projector.timer.setInterval(50)
    chair = window.show_role("chair")
    chair.agenda.setCurrentRow(1)
    answer_next_dialog(qtbot, reason="test meeting: nobody checked in")
    qtbot.mouseClick(chair.open_button, Qt.MouseButton.LeftButton)
    assert service.setup.meeting().item(2).status == "open"
    qtbot.waitUntil(lambda: projector.title_en.text() == "Elect the Council", timeout=3000)

    papers = service.papers.add_paper_batch(2, "EMP", 5)
    teller = window.show_role("teller")
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is teller.scan.input, timeout=3000)
    for serial, ranks in zip(papers.serials, ("1 - 2", "1 - 2", "1 2 -", "- 1 -", "- 2 1"), strict=True):
        qtbot.keyClicks(teller.scan.input, papers.qr_text(serial))
        qtbot.keyClick(teller.scan.input, Qt.Key.Key_Return)
        qtbot.keyClicks(teller.scan.input, ranks)
        qtbot.keyClick(teller.scan.input, Qt.Key.Key_Return)
        assert teller.scan.answer.state == "ok", teller.scan.answer.text()
    qtbot.keyClicks(teller.scan.input, papers.qr_text(papers.serials[0]))  # scanned twice by mistake
    qtbot.keyClick(teller.scan.input, Qt.Key.Key_Return)
    assert teller.scan.answer.state == "refused"

    chair = window.show_role("chair")
    answer_next_dialog(qtbot)
    qtbot.mouseClick(chair.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not chair.result.loading, timeout=30_000)
    assert chair.result.stages.columnCount() >= 2
    assert chair.result.outcome.text() == "Elected: Siân ap Gwŷn, Aled Thomas."
    chair.declare_panel.by.setText("Eleri Hughes")
    answer_next_dialog(qtbot, reason="test meeting: papers recorded without packs issued")
    qtbot.mouseClick(chair.declare_panel.button, Qt.MouseButton.LeftButton)
    assert service.setup.meeting().item(2).status == "declared"
    qtbot.waitUntil(projector.chart_view.isVisible, timeout=3000)
    assert projector.bar_values()["Gweithwyr · Employees"] == [3.0, 1.0, 1.0]  # first preferences
    assert projector.category_labels()[0] == "Siân ap Gwŷn<br>3  ✓"
    assert projector.chart.title().endswith("First preferences by class (✓ elected)")
    shot(projector, artifacts_dir, "screen-projector-election")

    results = window.show_role("results")
    results.select(2)
    results.declaration.preview_button.click()
    qtbot.waitUntil(lambda: results.declaration.declaration is not None, timeout=60_000)
    assert results.declaration.declaration.declared
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "declaration-printed.pdf"))
    assert results.declaration.print_to(printer)
    assert len(pdf_pages(tmp_path / "declaration-printed.pdf")) == len(results.declaration.declaration.pages)
