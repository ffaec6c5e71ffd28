"""Answering the chair's confirmation dialog from a test, as a person would: read it, type, click."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

_WAITING: list[list[int]] = []
"""The tries left of every answerer still waiting for its dialog (see ``stop_waiting``)."""


def stop_waiting() -> None:
    """Called after each test (conftest.py): an answerer whose dialog never came must not type into the next
    test's dialog, which it would while its timer still runs."""
    for tries in _WAITING:
        tries[0] = 0
    _WAITING.clear()


def answer_next_dialog(qtbot: Any, *, reason: str = "", confirm: bool = True, shot_to: Path | None = None) -> list[Any]:
    """Before the click that opens a modal DecisionDialog: when it shows, type the reason and confirm (or cancel).

    Returns a list that gets the dialog's (title, message, confirm enabled before typing) once it was answered.
    """
    seen: list[Any] = []
    tries = [250]  # give up after about five seconds; stop_waiting ends it with its test
    _WAITING.append(tries)

    def act() -> None:
        if tries[0] <= 0:
            return
        dialog = QApplication.activeModalWidget()
        if dialog is None or dialog.objectName() != "decisionDialog":
            tries[0] -= 1
            if tries[0] > 0:
                QTimer.singleShot(20, act)
            return
        tries[0] = 0  # answered: this answerer is done
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
