"""The rehearsal from the chair's console, through its widgets: print the deck, check the scans.

One rehearsal passes (the printed deck read as its own scan); one catches a damaged sheet and names it.
Both steps run off the UI thread: a test clicks, then waits for the step to finish (``finish``), and a
step stopped with the Stop button leaves nothing behind.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from coopvote.service import MeetingService
from coopvote.service.rehearsal import KEY_NAME
from coopvote.service.rehearsal_deck import EXPECT_COUNTED, DeckPlan, damage_page
from tests.helpers import small_meeting
from tests.test_ui_chair import chair_page
from tests.ui_fixtures import look, shot, window  # noqa: F401 - fixtures


def finish(qtbot: Any, dialog: Any) -> None:
    """Wait for the step under way; the window stays responsive meanwhile (the step is not on its thread)."""
    qtbot.waitUntil(lambda: not dialog.running, timeout=120_000)


def open_dialog(window: Any, qtbot: Any, tmp_path: Path) -> tuple[MeetingService, Any]:  # noqa: F811
    service = small_meeting(tmp_path, station="chair")
    page = chair_page(window, qtbot, service, tmp_path / "small.coopvote")
    assert page.rehearse_button.isVisible()
    qtbot.mouseClick(page.rehearse_button, Qt.MouseButton.LeftButton)
    dialog = page.rehearsal_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.folder.text() == str(tmp_path / "rehearsal")
    return service, dialog


def test_a_rehearsal_that_passes(window: Any, qtbot: Any, tmp_path: Path, artifacts_dir: Path) -> None:  # noqa: F811
    service, dialog = open_dialog(window, qtbot, tmp_path)
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert dialog.running and dialog.stop_button.isVisible() and not dialog.print_button.isEnabled()
    finish(qtbot, dialog)
    deck = tmp_path / "rehearsal" / "deck.pdf"
    assert deck.stat().st_size > 0
    assert str(deck) in dialog.banner.text()
    assert dialog.scans.text() == str(deck)
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    finish(qtbot, dialog)
    assert "passed" in dialog.verdict.text()
    assert dialog.banner.kind == "ok"
    assert not dialog.problems.isVisible()
    assert service.rehearsal.runs()[-1]["passed"] is True
    shot(dialog, artifacts_dir, "rehearsal-passed")


def test_a_rehearsal_that_catches_a_damaged_sheet(
    window: Any, qtbot: Any, tmp_path: Path, artifacts_dir: Path  # noqa: F811
) -> None:
    service, dialog = open_dialog(window, qtbot, tmp_path)
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    finish(qtbot, dialog)
    plan = DeckPlan.load(tmp_path / "rehearsal" / KEY_NAME)
    victim = next(s for s in plan.sheets if s.expect == EXPECT_COUNTED and s.item == 2)
    damaged = tmp_path / "scanned-deck.pdf"
    damage_page(tmp_path / "rehearsal" / "deck.pdf", victim.page, damaged)
    dialog.scans.clear()
    qtbot.keyClicks(dialog.scans, str(damaged))
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    finish(qtbot, dialog)
    assert "FAILED" in dialog.verdict.text()
    assert dialog.banner.kind == "error"
    assert dialog.problems.isVisible()
    shown = [dialog.problems.item(row).text() for row in range(dialog.problems.count())]
    assert any(victim.where() in line for line in shown), shown
    assert service.rehearsal.runs()[-1]["passed"] is False
    shot(dialog, artifacts_dir, "rehearsal-failed")


def test_checking_before_printing_is_refused_in_words(window: Any, qtbot: Any, tmp_path: Path) -> None:  # noqa: F811
    _service, dialog = open_dialog(window, qtbot, tmp_path)
    qtbot.keyClicks(dialog.scans, str(tmp_path / "scan.pdf"))
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    finish(qtbot, dialog)
    assert dialog.banner.kind == "error"
    assert "no rehearsal deck is waiting" in dialog.banner.text()


def test_printing_shows_progress_and_stop_leaves_nothing(window: Any, qtbot: Any, tmp_path: Path, artifacts_dir: Path) -> None:  # noqa: F811, E501
    service, dialog = open_dialog(window, qtbot, tmp_path)
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.bar.value() >= 3, timeout=60_000)  # pages arrive while the window is live
    assert dialog.bar.maximum() == 48 and "of 48" in dialog.bar.format()
    shot(dialog, artifacts_dir, "rehearsal-printing")
    qtbot.mouseClick(dialog.stop_button, Qt.MouseButton.LeftButton)
    finish(qtbot, dialog)
    assert dialog.banner.kind == "warn" and "nothing was kept" in dialog.banner.text()
    assert not (tmp_path / "rehearsal").exists()
    assert dialog.print_button.isEnabled() and not dialog.stop_button.isVisible()
    assert service.rehearsal.runs() == []


def test_stopping_the_check_records_nothing_and_the_deck_still_waits(
    window: Any, qtbot: Any, tmp_path: Path  # noqa: F811
) -> None:
    service, dialog = open_dialog(window, qtbot, tmp_path)
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    finish(qtbot, dialog)
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.bar.value() >= 2, timeout=60_000)
    qtbot.mouseClick(dialog.stop_button, Qt.MouseButton.LeftButton)
    finish(qtbot, dialog)
    assert "still waits for its scans" in dialog.banner.text()
    assert service.rehearsal.runs() == []
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    finish(qtbot, dialog)
    assert "passed" in dialog.verdict.text()
    assert service.rehearsal.runs()[-1]["passed"] is True
