"""Printing from the desk: papers, slips, packs and membership cards, checked, previewed, printed, saved."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from coopvote.service import MeetingService
from tests.helpers import small_meeting
from tests.ui_fixtures import look, shot, window  # noqa: F401 - fixtures


@pytest.fixture
def meeting(tmp_path: Path) -> MeetingService:
    return small_meeting(tmp_path, station="desk")


def _printing(window: Any, qtbot: Any, meeting: MeetingService, tmp_path: Path) -> Any:  # noqa: F811
    window.set_service(meeting, str(tmp_path / "small.coopvote"))
    desk = window.show_role("desk")
    qtbot.mouseClick(desk.cards_button, Qt.MouseButton.LeftButton)
    from coopvote.ui.printing import PrintingDialog

    dialog = desk.findChild(PrintingDialog)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def _choose(combo: Any, data: object) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def _prepare(qtbot: Any, dialog: Any) -> None:
    qtbot.mouseClick(dialog.prepare_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.result_file is not None or dialog.banner.kind == "error", timeout=60_000)
    assert dialog.result_file is not None, dialog.banner.text()


def test_papers_for_an_item_are_checked_prepared_previewed_printed_and_saved(
    window: Any, qtbot: Any, meeting: MeetingService, tmp_path: Path, artifacts_dir: Path  # noqa: F811
) -> None:
    dialog = _printing(window, qtbot, meeting, tmp_path)
    _choose(dialog.kind, "papers")
    _choose(dialog.item, 2)
    _choose(dialog.klass, "EMP")
    assert dialog.count.value() == 9  # 4 members who may vote, and 5 spare
    assert "4 members of class EMP may vote." in dialog.check_label.text()

    dialog.count.setValue(3)
    assert "Only 3 papers for the 4 members of class EMP who may vote: 1 would have none." in dialog.check_label.text()
    assert dialog.prepare_button.isEnabled()  # a warning, not a refusal
    dialog.count.setValue(0)
    assert "Print at least 1" in dialog.check_label.text()
    assert not dialog.prepare_button.isEnabled()
    dialog.count.setValue(201)
    assert "too many" in dialog.check_label.text()
    assert not dialog.prepare_button.isEnabled()

    dialog.count.setValue(5)
    _prepare(qtbot, dialog)
    prepared = dialog.result_file
    assert prepared.pages == 5
    assert dialog.page_label.text() == "Page 1 of 5"
    assert not dialog.picture.pixmap().isNull()
    qtbot.mouseClick(dialog.next_button, Qt.MouseButton.LeftButton)
    assert dialog.page_label.text() == "Page 2 of 5"
    assert "5 ballot papers for item 2 ready for class EMP: 5 page(s)" in dialog.banner.text()
    shot(dialog, artifacts_dir, "screen-desk-printing")
    rows = {row.class_code: row for row in meeting.results.reconciliation(2)}
    assert rows["EMP"].printed == 5  # the batch is in the record as printed

    printed = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    assert dialog.print_to(printer)
    assert len(pdfium.PdfDocument(str(printed))) == 5

    saved = tmp_path / "saved.pdf"
    assert dialog.save(saved)
    assert saved.read_bytes() == prepared.path.read_bytes()
    assert "Delete it once the papers are printed" in dialog.banner.text()

    temporary = prepared.path
    dialog.close()
    assert not temporary.exists()  # the shuffled order does not linger in a temporary folder


def test_slips_list_only_resolutions_and_packs_hold_a_paper_per_item(
    window: Any, qtbot: Any, meeting: MeetingService, tmp_path: Path  # noqa: F811
) -> None:
    dialog = _printing(window, qtbot, meeting, tmp_path)
    _choose(dialog.kind, "slips")
    assert [dialog.item.itemData(i) for i in range(dialog.item.count())] == [1]
    _choose(dialog.kind, "packs")
    assert not dialog.item.isVisibleTo(dialog)
    _choose(dialog.klass, "PS")
    dialog.count.setValue(2)
    _prepare(qtbot, dialog)
    assert dialog.result_file.pages == 4  # two packs of two items
    assert "2 packs ready for class PS" in dialog.banner.text()
    assert {row.class_code: row.printed for row in meeting.results.reconciliation(1)}["PS"] == 2
    dialog.close()


def test_membership_cards_need_no_count_and_follow_the_language(
    window: Any, qtbot: Any, meeting: MeetingService, tmp_path: Path, look: Any  # noqa: F811
) -> None:
    dialog = _printing(window, qtbot, meeting, tmp_path)
    _choose(dialog.kind, "cards")
    assert not dialog.count.isVisibleTo(dialog) and not dialog.klass.isVisibleTo(dialog)
    _prepare(qtbot, dialog)
    assert dialog.result_file.copies == 6  # the active members
    assert look.set_language("cy")
    assert dialog.prepare_button.text() == "Pa&ratoi"
    assert dialog.kind.currentText() == "Cardiau aelodaeth i bob aelod sy'n cael pleidleisio"
    dialog.close()
