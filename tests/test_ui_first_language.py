"""The first start asks Cymraeg or English before the window opens, stores the answer and never asks again."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QLabel

from tests.ui_fixtures import look, shot  # noqa: F401 - fixtures

GIVE_UP_SECONDS = 20


def visible_dialogs() -> list[Any]:
    from coopvote.ui.first_language import FirstLanguageDialog

    return [w for w in QApplication.topLevelWidgets() if isinstance(w, FirstLanguageDialog) and w.isVisible()]


def visible_main_window() -> Any:
    from coopvote.ui.main_window import MainWindow

    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    return windows[0] if windows else None


def start_app(answer: Callable[[Any], None] | None) -> dict[str, Any]:
    """Run the app as ``coopvote app`` does; ``answer`` handles the language dialog if it appears.

    Returns what was seen: whether the dialog was shown, and the main window's visible texts once it opened.
    A dialog that appears when no answer is expected is closed (and recorded), so the test fails, not hangs.
    """
    from coopvote.ui.app import run_app

    seen: dict[str, Any] = {"asked": False}
    deadline = time.monotonic() + GIVE_UP_SECONDS

    def poll() -> None:
        dialogs = visible_dialogs()
        if dialogs:
            seen["asked"] = True
            if answer is None:
                dialogs[0].reject()
            else:
                answer(dialogs[0])
        window = visible_main_window()
        if window is not None:
            seen["start"] = window.nav.item(0).text()
            seen["view menu"] = window.view_menu.title()
            QApplication.exit(0)
            return
        if time.monotonic() > deadline:
            for dialog in visible_dialogs():
                dialog.reject()
            QApplication.exit(1)
            return
        QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)
    seen["exit code"] = run_app()
    return seen


@pytest.fixture
def first_start(look: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:  # noqa: F811
    """Settings where nobody has chosen a language yet (the ``look`` fixture's file has English chosen)."""
    fresh = tmp_path / "first-start.ini"
    monkeypatch.setenv("COOPVOTE_SETTINGS", str(fresh))
    return fresh


def test_first_start_asks_and_cymraeg_starts_the_app_in_welsh(first_start: Path, qtbot: Any,
                                                              artifacts_dir: Path) -> None:
    from coopvote.ui.look import current_language, language_chosen

    assert not language_chosen()
    shots: list[Path] = []

    def choose_cymraeg(dialog: Any) -> None:
        assert dialog.windowTitle() == "Dewiswch iaith / Choose a language"
        assert dialog.findChild(QLabel, "explanation_cy").text().startswith("Gallwch newid hyn")
        assert "View ▸ Iaith / Language" in dialog.findChild(QLabel, "explanation_en").text()
        shots.append(shot(dialog, artifacts_dir, "screen-first-language"))
        qtbot.mouseClick(dialog.buttons["cy"], Qt.MouseButton.LeftButton)

    seen = start_app(choose_cymraeg)
    assert seen["exit code"] == 0
    assert seen["asked"] and shots
    assert seen["start"] == "Dechrau"
    assert seen["view menu"] == "Gol&wg"
    assert current_language() == "cy"
    assert language_chosen()
    assert "language=cy" in first_start.read_text(encoding="utf-8")


def test_a_second_start_does_not_ask_again(first_start: Path, qtbot: Any) -> None:
    from coopvote.ui.look import current_language

    def press_e(dialog: Any) -> None:
        qtbot.keyClick(dialog.buttons["cy"], Qt.Key.Key_E)  # the Welsh button has the focus; E still means English

    first = start_app(press_e)
    assert first["asked"] and first["exit code"] == 0 and current_language() == "en"
    second = start_app(None)
    assert not second["asked"]
    assert second["exit code"] == 0
    assert second["start"] == "Start"


def test_arrows_and_enter_choose_and_closing_unanswered_asks_again(first_start: Path, qtbot: Any) -> None:
    from coopvote.ui.first_language import FirstLanguageDialog
    from coopvote.ui.look import language_chosen

    dialog = FirstLanguageDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClick(dialog.buttons["cy"], Qt.Key.Key_Right)
    assert dialog.focusWidget() is dialog.buttons["en"]
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Left)
    assert dialog.focusWidget() is dialog.buttons["cy"]
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert dialog.choice == "cy" and dialog.result() == QDialog.DialogCode.Accepted

    def close_unanswered(shown: Any) -> None:
        qtbot.keyClick(shown.buttons["cy"], Qt.Key.Key_Escape)

    unanswered = start_app(close_unanswered)
    assert unanswered["asked"] and unanswered["exit code"] == 0
    assert not language_chosen()
    assert start_app(close_unanswered)["asked"]
