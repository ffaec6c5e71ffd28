"""Answering the chair's confirmation dialog from a test, as a person would: read it, type, click."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication


def answer_next_dialog(qtbot: Any, *, reason: str = "", confirm: bool = True, shot_to: Path | None = None) -> list[Any]:
    """Before the click that opens a modal DecisionDialog: when it shows, type the reason and confirm (or cancel).

    Returns a list that gets the dialog's (title, message, confirm enabled before typing) once it was answered.
    """
    seen: list[Any] = []
    tries = [250]  # give up after about five seconds, so a dialog that never came cannot haunt a later test

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog.objectName() != "decisionDialog":
            tries[0] -= 1
            if tries[0] > 0:
                QTimer.singleShot(20, act)
            return
        seen.append((dialog.windowTitle(), dialog.message.text(), dialog.confirm_button.isEnabled()))
        if reason:
            qtbot.keyClicks(dialog.reason_box, reason)
        if shot_to is not None:
            QApplication.processEvents()
            assert dialog.grab().save(str(shot_to)), shot_to
        button = dialog.confirm_button if confirm else dialog.cancel_button
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, act)
    return seen
