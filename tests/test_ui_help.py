"""Help ▸ Guide and F1: the guide's section for the screen in use, in the language in use."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from coopvote.ui.help import HELP_ROLES, guide_path, guide_section
from tests.helpers import small_meeting
from tests.ui_fixtures import look, shot, window  # noqa: F401 - fixtures

HEADINGS = {
    "en": {"start": "Start: a new meeting", "desk": "Registration desk", "chair": "Chair's console",
           "teller": "Teller station", "results": "Results and reports", "projector": "Projector",
           "wizard": "The new-meeting wizard", "printing": "Printing papers, packs and cards"},
    "cy": {"start": "Dechrau: cyfarfod newydd", "desk": "Y ddesg gofrestru", "chair": "Consol y cadeirydd",
           "teller": "Gorsaf y rhifwr", "results": "Canlyniadau ac adroddiadau", "projector": "Y taflunydd",
           "wizard": "Y dewin cyfarfod newydd", "printing": "Argraffu papurau, pecynnau a chardiau"},
}


@pytest.mark.parametrize("language", ["en", "cy"])
def test_both_guides_have_a_section_for_every_screen(language: str) -> None:
    path = guide_path(language)
    assert path is not None and path.name == ("app.cy.md" if language == "cy" else "app.md")
    text = path.read_text(encoding="utf-8")
    for role in HELP_ROLES:
        section = guide_section(text, role)
        assert section is not None, f"{path.name} has no <!-- help:{role} --> section"
        first = section.splitlines()[0]
        assert first.lstrip("#").strip().startswith(HEADINGS[language][role]), first
        assert "<!-- help:" not in section  # one section, not the next one's marker too


def test_a_section_ends_at_the_next_heading_of_its_level() -> None:
    text = "# T\n<!-- help:a -->\n## A\none\n### A.1\ntwo\n<!-- help:b -->\n## B\nthree\n"
    assert guide_section(text, "a") == "## A\none\n### A.1\ntwo\n"
    assert guide_section(text, "b") == "## B\nthree\n"
    assert guide_section(text, "c") is None


def _help_text(window: Any) -> str:  # noqa: F811
    dialog = window.help_dialog
    assert dialog is not None and dialog.isVisible()
    return str(dialog.browser.toPlainText())


def test_f1_on_each_screen_opens_its_section_in_the_language_in_use(
    window: Any, qtbot: Any, look: Any, tmp_path: Path, artifacts_dir: Path  # noqa: F811
) -> None:
    service = small_meeting(tmp_path, station="desk")
    window.set_service(service, str(tmp_path / "small.coopvote"))
    for role, heading in (("desk", "Registration desk"), ("chair", "Chair's console"), ("teller", "Teller station"),
                          ("results", "Results and reports"), ("start", "Start: a new meeting")):
        page = window.show_role(role)
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
        qtbot.keyClick(window.focusWidget() or page, Qt.Key.Key_F1)
        qtbot.waitUntil(lambda: window.help_dialog is not None and window.help_dialog.isVisible())
        text = _help_text(window)
        assert text.startswith(heading), (role, text[:80])
    assert look.set_language("cy")
    window.show_role("desk")
    window.guide_action.trigger()
    assert _help_text(window).startswith("Y ddesg gofrestru")
    assert window.help_menu.title() == "Cymor&th"
    shot(window.help_dialog, artifacts_dir, "screen-help-desk-welsh")
    assert look.set_language("en")  # an open guide follows the language
    assert _help_text(window).startswith("Registration desk")


def test_f1_in_the_wizard_and_the_projector_opens_their_sections(
    window: Any, qtbot: Any, tmp_path: Path  # noqa: F811
) -> None:
    wizard = window.new_meeting()
    qtbot.waitExposed(wizard)
    wizard.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard)
    qtbot.keyClick(wizard.focusWidget() or wizard, Qt.Key.Key_F1)
    QApplication.processEvents()
    assert _help_text(window).startswith("The new-meeting wizard")
    assert window.help_dialog.parent() is wizard  # above the wizard, not hidden behind it
    wizard.reject()
    service = small_meeting(tmp_path, station="desk")
    window.set_service(service, str(tmp_path / "small.coopvote"))
    projector = window.show_projector()
    qtbot.waitExposed(projector)
    projector.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is projector)
    qtbot.keyClick(projector.focusWidget() or projector, Qt.Key.Key_F1)
    assert _help_text(window).startswith("Projector")


def test_f1_in_the_printing_window_opens_the_printing_section(
    window: Any, qtbot: Any, tmp_path: Path  # noqa: F811
) -> None:
    service = small_meeting(tmp_path, station="desk")
    window.set_service(service, str(tmp_path / "small.coopvote"))
    printing = window.show_role("desk").open_printing()
    printing.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is printing)
    qtbot.keyClick(printing.focusWidget() or printing, Qt.Key.Key_F1)
    assert printing.guide is not None and printing.guide.isVisible()
    assert printing.guide.browser.toPlainText().startswith("Printing papers, packs and cards")
    printing.close()
