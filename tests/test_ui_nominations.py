"""Nominations from the chair's console, through the dialog's widgets: refusals, close, booklets."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt

from tests.test_service_nominations import meeting
from tests.test_ui_chair import chair_page
from tests.ui_fixtures import look, shot, window  # noqa: F401 - fixtures


def fill(qtbot: Any, dialog: Any, candidate: str, proposer: str, seconder: str) -> None:
    for line, text in ((dialog.candidate, candidate), (dialog.proposer, proposer), (dialog.seconder, seconder)):
        line.clear()
        qtbot.keyClicks(line, text)


def test_nominate_refuse_close_and_print_the_booklets(
    window: Any, qtbot: Any, tmp_path: Path, artifacts_dir: Path  # noqa: F811
) -> None:
    service = meeting(tmp_path, method="fptp", seats=1)
    page = chair_page(window, qtbot, service, tmp_path / "m.coopvote")
    assert page.nominations_button.isVisible()
    qtbot.mouseClick(page.nominations_button, Qt.MouseButton.LeftButton)
    dialog = page.nominations_dialog
    assert dialog is not None and dialog.item.count() == 1
    dialog.received.setDate(QDate(2026, 10, 20))

    fill(qtbot, dialog, "E1", "P1", "E3")
    qtbot.mouseClick(dialog.nominate_button, Qt.MouseButton.LeftButton)
    assert dialog.banner.kind == "error"
    assert "is in class PS, not in the candidate's class EMP" in dialog.banner.text()
    assert dialog.table.rowCount() == 0
    shot(dialog, artifacts_dir, "nominations-refused")

    fill(qtbot, dialog, "E1", "E2", "E3")
    qtbot.keyClicks(dialog.statement_cy, "Gwell shifftiau")
    qtbot.keyClicks(dialog.statement_en, "Better shifts")
    qtbot.mouseClick(dialog.nominate_button, Qt.MouseButton.LeftButton)
    assert dialog.banner.kind == "ok", dialog.banner.text()
    for candidate, proposer, seconder in (("P4", "P1", "P2"), ("E4", "E2", "E3")):
        fill(qtbot, dialog, candidate, proposer, seconder)
        qtbot.mouseClick(dialog.nominate_button, Qt.MouseButton.LeftButton)
        assert dialog.banner.kind == "ok", dialog.banner.text()
    assert dialog.table.rowCount() == 3

    dialog.table.setCurrentCell(0, 0)  # Ieuan Bowen, first by surname
    qtbot.keyClicks(dialog.reason, "written notice")
    qtbot.mouseClick(dialog.withdraw_button, Qt.MouseButton.LeftButton)
    assert dialog.banner.kind == "ok" and "Ieuan Bowen" in dialog.banner.text()

    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert "Ballot order: Rhodri Evans, Aled Thomas" in dialog.banner.text()
    shot(dialog, artifacts_dir, "nominations-closed")
    qtbot.mouseClick(dialog.booklet_button, Qt.MouseButton.LeftButton)
    booklet = tmp_path / "item1-booklet.pdf"
    assert booklet.stat().st_size > 0 and str(booklet) in dialog.banner.text()
    qtbot.mouseClick(dialog.easy_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "item1-booklet-easy-read.pdf").stat().st_size > 0
    dialog.close()
    assert [c.name for c in service.setup.meeting().item(1).candidates] == ["Rhodri Evans", "Aled Thomas"]
