"""The wizard's agenda editor after "Remove item": what is on screen is the item now chosen, and typing
changes only that item (issue 12: the removed election's Welsh title was written into the resolution)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from tests.ui_fixtures import look, window  # noqa: F401 - fixtures


def _type(qtbot: Any, widget: Any, text: str) -> None:
    widget.setFocus()
    widget.clear()
    qtbot.keyClicks(widget, text)


def _agenda_with_two_items(window: Any, qtbot: Any) -> Any:  # noqa: F811
    wizard = window.new_meeting()
    qtbot.waitExposed(wizard)
    agenda = wizard.agenda
    wizard.classes  # noqa: B018 - the reserved-seat table reads the classes page
    qtbot.mouseClick(agenda.add_resolution, Qt.MouseButton.LeftButton)
    _type(qtbot, agenda.title_cy, "Derbyn y cyfrifon")
    _type(qtbot, agenda.title_en, "Receive the accounts")
    qtbot.mouseClick(agenda.add_election, Qt.MouseButton.LeftButton)
    _type(qtbot, agenda.title_cy, "Ethol y Cyngor")
    _type(qtbot, agenda.title_en, "Elect the Council")
    agenda.candidates.setFocus()
    qtbot.keyClicks(agenda.candidates, "Aled Thomas")
    return agenda


def test_removing_the_last_item_shows_the_one_before_and_typing_changes_only_it(
    window: Any, qtbot: Any  # noqa: F811
) -> None:
    agenda = _agenda_with_two_items(window, qtbot)
    assert agenda.list.currentRow() == 1
    qtbot.mouseClick(agenda.remove, Qt.MouseButton.LeftButton)

    assert len(agenda.items) == 1
    assert agenda.list.currentRow() == 0
    assert agenda.title_cy.text() == "Derbyn y cyfrifon"
    assert agenda.title_en.text() == "Receive the accounts"
    assert not agenda.candidates.isVisibleTo(agenda)  # a resolution's fields, not the election's
    assert agenda.threshold.isVisibleTo(agenda)

    agenda.title_en.setFocus()
    agenda.title_en.end(False)
    qtbot.keyClicks(agenda.title_en, " for 2025")
    resolution = agenda.items[0]
    assert resolution.title_en == "Receive the accounts for 2025"
    assert resolution.title_cy == "Derbyn y cyfrifon"
    assert resolution.candidates == []
    assert resolution.kind == "resolution"


def test_removing_the_first_item_shows_the_election_that_moved_up(window: Any, qtbot: Any) -> None:  # noqa: F811
    agenda = _agenda_with_two_items(window, qtbot)
    agenda.list.setCurrentRow(0)
    assert agenda.title_cy.text() == "Derbyn y cyfrifon"
    qtbot.mouseClick(agenda.remove, Qt.MouseButton.LeftButton)

    assert [item.kind for item in agenda.items] == ["election"]
    assert agenda.title_cy.text() == "Ethol y Cyngor"
    assert agenda.candidates.toPlainText() == "Aled Thomas"
    assert agenda.candidates.isVisibleTo(agenda)


def test_removing_every_item_leaves_empty_disabled_fields(window: Any, qtbot: Any) -> None:  # noqa: F811
    agenda = _agenda_with_two_items(window, qtbot)
    qtbot.mouseClick(agenda.remove, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(agenda.remove, Qt.MouseButton.LeftButton)

    assert agenda.items == []
    assert agenda.title_cy.text() == ""
    assert agenda.title_en.text() == ""
    assert not agenda.title_cy.isEnabled()
    assert not agenda.remove.isEnabled()


def test_one_tab_leaves_a_date_field(window: Any, qtbot: Any) -> None:  # noqa: F811
    from PySide6.QtWidgets import QApplication

    wizard = window.new_meeting()
    qtbot.waitExposed(wizard)
    details = wizard.details
    wizard.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is wizard)
    for field, following in ((details.held_on, details.place), (details.notice, details.path)):
        field.setFocus()
        qtbot.waitUntil(field.hasFocus)
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is following, QApplication.focusWidget()
    details.held_on.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is details.society_en
