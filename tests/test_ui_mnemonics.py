"""Every window, page, tab and menu of the app, in Welsh and in English: no two Alt+letters the same.

A clash is not cosmetic: with the chair's console in Welsh, Alt+G opened the Golwg menu instead of
"Agor y bleidlais", and the code a scanner then typed went to the menu and switched high contrast on.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from coopvote.service import MeetingService
from tests.helpers import small_meeting
from tests.mnemonics import all_menus, clashes, menu_mnemonics, window_mnemonics
from tests.ui_fixtures import look, window  # noqa: F401 - fixtures


def _settle() -> None:
    QApplication.processEvents()


def _walk_tabs(window: QWidget, page: QWidget, where: str) -> list[str]:  # noqa: F811
    found: list[str] = []
    tabs = getattr(page, "tabs", None)
    for index in range(tabs.count() if tabs is not None else 1):
        if tabs is not None:
            tabs.setCurrentIndex(index)
            _settle()
        found += clashes(window_mnemonics(window), f"{where} tab {index + 1}")
    return found


def _walk_main_window(window: Any) -> list[str]:  # noqa: F811
    found: list[str] = []
    for role in ("start", "desk", "chair", "teller", "results", "advance"):
        page = window.show_role(role)
        _settle()
        found += _walk_tabs(window, page, f"main window, {role}")
    for menu in all_menus(window):
        found += clashes(menu_mnemonics(menu), f"menu {menu.title()!r}")
    window.service.voting.open_vote(1, not_quorate_reason="test meeting: nobody checked in")  # the chair's console while a vote is open shows other buttons
    chair = window.show_role("chair")
    chair.activate()
    _settle()
    found += clashes(window_mnemonics(window), "main window, chair with a vote open")
    return found


def _walk_wizard(window: Any, qtbot: Any) -> list[str]:  # noqa: F811
    wizard = window.new_meeting()
    qtbot.waitExposed(wizard)
    found: list[str] = []
    agenda = wizard.agenda
    qtbot.mouseClick(agenda.add_resolution, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(agenda.add_election, Qt.MouseButton.LeftButton)
    for page_id in wizard.pageIds():
        wizard.setStartId(page_id)
        wizard.restart()
        _settle()
        name = type(wizard.currentPage()).__name__
        if wizard.currentPage() is agenda:
            for row, kind in enumerate(("resolution", "election")):
                agenda.list.setCurrentRow(row)
                _settle()
                found += clashes(window_mnemonics(wizard), f"wizard, {name} ({kind} chosen)")
        else:
            found += clashes(window_mnemonics(wizard), f"wizard, {name}")
    wizard.reject()
    return found


def _walk_dialogs(window: Any, qtbot: Any) -> list[str]:  # noqa: F811
    found: list[str] = []
    for name, make in (("connect dialog", window.connect_shared), ("register dialog", window.import_register),
                       ("guide", lambda: window.show_help("desk"))):
        dialog = make()
        assert dialog is not None, name
        qtbot.waitExposed(dialog)
        found += clashes(window_mnemonics(dialog), name)
        dialog.close()
    desk = window.show_role("desk")
    for kind in ("papers", "packs", "cards"):
        printing = desk.open_printing(kind)
        qtbot.waitExposed(printing)
        found += clashes(window_mnemonics(printing), f"printing dialog ({kind})")
        printing.close()
    return found


@pytest.mark.parametrize("language", ["cy", "en"])
def test_no_window_has_two_controls_on_one_alt_letter(window: Any, qtbot: Any, look: Any,  # noqa: F811
                                                      tmp_path: Path, language: str) -> None:
    service: MeetingService = small_meeting(tmp_path, station="desk")
    window.set_service(service, str(tmp_path / "small.coopvote"))
    assert look.set_language(language) or language == "en"
    found = _walk_main_window(window) + _walk_wizard(window, qtbot) + _walk_dialogs(window, qtbot)
    assert found == [], "\n".join(found)


def test_the_walk_finds_a_clash_when_there_is_one(window: Any, qtbot: Any) -> None:  # noqa: F811
    """The check itself: a button given the same letter as a menu is caught."""
    from PySide6.QtWidgets import QPushButton

    page = window.show_role("start")
    extra = QPushButton("&Meeting twice", page)
    extra.show()
    _settle()
    assert any("Alt+M" in line for line in clashes(window_mnemonics(window), "main window"))
    extra.deleteLater()
