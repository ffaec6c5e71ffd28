"""The main window and app set-up: start screen, recent meetings, demo, roles, language, contrast, text size."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLineEdit,
    QListWidget,
    QTableWidget,
)

from tests.helpers import small_meeting
from tests.ui_fixtures import look, shot, window  # noqa: F401 - fixtures


def test_start_screen_before_any_meeting(window: Any, artifacts_dir: Path) -> None:  # noqa: F811
    assert window.stack.currentWidget() is window.start_page
    assert window.meeting_label.text() == "No meeting open"
    for row in range(1, window.nav.count()):  # no role but Start without a meeting
        assert not window.nav.item(row).flags() & Qt.ItemFlag.ItemIsEnabled
    assert window.show_role("desk") is None
    shot(window, artifacts_dir, "screen-start")


def test_opening_something_that_is_not_a_meeting_says_why(window: Any, tmp_path: Path) -> None:  # noqa: F811
    notes = tmp_path / "notes.coopvote"
    notes.write_text("hello")
    assert not window.open_meeting(str(notes))
    assert window.start_page.banner.kind == "error"
    assert "not an SQLite database" in window.start_page.banner.text()
    assert window.service is None


def test_recent_meetings_are_remembered_and_reopen(window: Any, qtbot: Any, tmp_path: Path) -> None:  # noqa: F811
    small_meeting(tmp_path).close()
    path = str(tmp_path / "small.coopvote")
    assert window.open_meeting(path)
    assert "Test Meeting" in window.meeting_label.text()
    window.close_meeting()
    recent = window.start_page.recent_list
    assert recent.count() == 1 and recent.item(0).text() == str(Path(path).resolve())
    recent.setFocus()
    qtbot.keyClick(recent, Qt.Key.Key_Return)  # Enter on a recent meeting opens it
    assert window.service is not None and window.stack.currentWidget() is window.pages["desk"]


def test_the_demo_meeting_opens_with_members(
    window: Any, qtbot: Any, tmp_path: Path, monkeypatch: Any, artifacts_dir: Path  # noqa: F811
) -> None:
    monkeypatch.setattr("coopvote.ui.start.demo_folder", lambda: tmp_path / "demo")
    window.show_role("start")
    window.start_page.demo_button.click()
    assert "Preparing the demo meeting" in window.start_page.banner.text()
    qtbot.waitUntil(lambda: window.service is not None, timeout=20000)
    meeting = window.service.setup.meeting()
    assert meeting.name_en == "Annual General Meeting 2026"
    assert sum(c.members for c in meeting.classes) == 240
    desk = window.pages["desk"]
    assert "Teifi" not in desk.quorum.explanation.text()
    assert "Quorum is" in desk.quorum.explanation.text()
    shot(window, artifacts_dir, "screen-desk-demo")


def test_a_role_page_that_cannot_load_says_so(window: Any, qtbot: Any) -> None:  # noqa: F811
    from coopvote.ui.main_window import NotAvailablePage, load_role_page

    page = load_role_page("no_such_page", "Nothing", None, window, "Teller")
    qtbot.addWidget(page)
    assert isinstance(page, NotAvailablePage)
    assert page.label.text() == "Teller: not available in this copy of coopvote"
    assert "ModuleNotFoundError" in page.detail.text()


def test_every_role_opens_on_a_meeting(window: Any, tmp_path: Path) -> None:  # noqa: F811
    window.set_service(small_meeting(tmp_path), str(tmp_path / "small.coopvote"))
    for key in ("desk", "chair", "teller", "results", "start"):
        assert window.show_role(key) is window.stack.currentWidget()
    projector = window.show_projector()
    assert projector is not None and projector.isVisible()
    window.close_meeting()
    assert window.projector is None


def test_keyboard_shortcuts_move_between_roles(window: Any, qtbot: Any, tmp_path: Path) -> None:  # noqa: F811
    window.set_service(small_meeting(tmp_path), str(tmp_path / "small.coopvote"))
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.start_page
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.pages["desk"]


def test_switching_to_welsh_at_run_time(window: Any, look: Any, artifacts_dir: Path) -> None:  # noqa: F811
    window.welsh_action.trigger()
    assert look.language == "cy"
    assert window.nav.item(0).text() == "Dechrau"
    assert window.nav.item(1).text() == "Desg gofrestru"
    assert window.file_menu.title() == "&Cyfarfod"
    assert window.start_page.new_button.text() == "Cyfarfod &newydd…"
    assert window.meeting_label.text() == "Dim cyfarfod ar agor"
    shot(window, artifacts_dir, "screen-start-welsh")
    window.english_action.trigger()
    assert window.nav.item(1).text() == "Registration desk"


def test_high_contrast_and_bigger_text(
    window: Any, look: Any, tmp_path: Path, artifacts_dir: Path  # noqa: F811
) -> None:
    window.set_service(small_meeting(tmp_path), str(tmp_path / "small.coopvote"))
    desk = window.pages["desk"]
    base = QApplication.font().pointSizeF()
    title = desk.member_title.font().pointSizeF()
    window.contrast_action.trigger()
    assert look.high_contrast
    assert QApplication.palette().color(QPalette.ColorRole.Window).name() == "#000000"
    assert desk.palette().color(QPalette.ColorRole.WindowText).name() == "#ffffff"
    window.bigger_action.trigger()
    window.bigger_action.trigger()
    assert QApplication.font().pointSizeF() > base * 1.2
    assert desk.member_title.font().pointSizeF() > title * 1.2  # big labels grow with the text
    shot(window, artifacts_dir, "screen-desk-high-contrast")
    quorum = next(t for t in desk.findChildren(QTableWidget) if t.accessibleName() == "Quorum by class")
    assert_rows_fit(quorum)
    window.reset_text_action.trigger()
    window.contrast_action.trigger()
    assert QApplication.font().pointSizeF() == base
    assert QApplication.palette().color(QPalette.ColorRole.Window).name() != "#000000"


def test_input_controls_have_accessible_names(window: Any, tmp_path: Path) -> None:  # noqa: F811
    window.set_service(small_meeting(tmp_path), str(tmp_path / "small.coopvote"))
    wizard = window.new_meeting()
    unnamed = []
    for root in (window.pages["desk"], window.start_page, wizard):
        for kind in (QLineEdit, QComboBox, QAbstractSpinBox, QTableWidget, QListWidget):
            for control in root.findChildren(kind):
                if control.parent() is not None and isinstance(control.parent(), QAbstractSpinBox | QComboBox):
                    continue  # the line edit inside a spin box or combo box
                if not control.accessibleName():
                    unnamed.append(f"{type(root).__name__}: {type(control).__name__} {control.objectName()}")
    assert unnamed == []
    wizard.reject()


def test_run_app_opens_the_meeting_and_returns_when_closed(look: Any, tmp_path: Path) -> None:  # noqa: F811
    from coopvote.ui.app import run_app
    from coopvote.ui.main_window import MainWindow

    small_meeting(tmp_path).close()
    seen: list[str] = []

    def close_when_open() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if not windows or windows[0].service is None:
            QTimer.singleShot(20, close_when_open)  # the meeting opens once the service layer is loaded
            return
        seen.append(windows[0].meeting_label.text())
        # exit(), not quit(): quit() closes every window, and the last one closing asks to quit again
        # after exec() has returned, which would end every event loop of the tests that follow.
        QApplication.exit(0)

    QTimer.singleShot(0, close_when_open)
    assert run_app(tmp_path / "small.coopvote") == 0
    assert any("Test Meeting" in text for text in seen)


def test_the_command_line_knows_the_app_command() -> None:
    from coopvote.cli import build_parser

    args = build_parser().parse_args(["app", "meeting.coopvote"])
    assert args.meeting == "meeting.coopvote" and callable(args.handler)


def test_a_shared_meeting_is_remembered_without_its_password(window: Any, qtbot: Any) -> None:  # noqa: F811
    from coopvote.ui.start import recent_meetings, remember_meeting

    remember_meeting("postgresql://teller:s3cret@chair-laptop:5432/agm")
    assert recent_meetings()[0] == "postgresql://teller:***@chair-laptop:5432/agm"
    assert all("s3cret" not in path for path in recent_meetings())
    window.start_page.refresh_recent()
    assert not window.open_meeting(recent_meetings()[0])  # asks for the password again instead
    dialog = window.findChild(QDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.host.text() == "chair-laptop" and dialog.password.text() == ""
    dialog.reject()


def test_an_open_meeting_is_backed_up_in_the_background(window: Any, qtbot: Any, tmp_path: Path) -> None:  # noqa: F811
    window.set_service(small_meeting(tmp_path), str(tmp_path / "small.coopvote"))
    assert window.backup_timer.isActive()
    job = window.back_up()
    qtbot.waitUntil(lambda: not job.running, timeout=10000)
    copies = list((tmp_path / "small.coopvote.backups").glob("*.coopvote"))
    assert len(copies) == 1
    assert window.backup_label.text() == f"Last backup: {copies[0].name}"


def test_emitting_signals_does_not_wear_out_true(qapp: Any) -> None:
    """PySide6 6.12.0's emit() gives back True without a reference; coopvote.ui makes up for it."""
    import sys

    from PySide6.QtCore import QObject, Signal

    import coopvote.ui

    class Ticker(QObject):
        tick = Signal(object)

    ticker = Ticker()
    seen: list[object] = []
    ticker.tick.connect(seen.append)
    before = sys.getrefcount(True)
    for n in range(20_000):  # more than True's whole reference count in a fresh app
        ticker.tick.emit(n)
    seen.clear()
    assert abs(sys.getrefcount(True) - before) < 50
    assert isinstance(coopvote.ui.SIGNAL_EMIT_GUARDED, bool)


def test_a_meeting_without_members_gets_its_register(window: Any, qtbot: Any, tmp_path: Path) -> None:  # noqa: F811
    from PySide6.QtWidgets import QWizard

    from tests.helpers import SMALL_REGISTER

    window.set_service(small_meeting(tmp_path, register=False), str(tmp_path / "small.coopvote"))
    register = tmp_path / "members.csv"
    register.write_text(SMALL_REGISTER + "X9,Someone,NOPE,1,active\n", encoding="utf-8")
    dialog = window.import_register()
    assert dialog is not None and dialog.isVisible()
    page = dialog.register_page
    page.path.setText(str(register))
    page.check_register()
    qtbot.waitUntil(lambda: page.preview is not None, timeout=5000)
    assert "line 9" in page.errors.item(0).text() and "unknown class “NOPE”" in page.errors.item(0).text()
    assert not dialog.button(QWizard.WizardButton.FinishButton).isEnabled()
    register.write_text(SMALL_REGISTER, encoding="utf-8")
    page.check_register()
    qtbot.waitUntil(lambda: page.preview is not None and page.preview.ok, timeout=5000)
    with qtbot.waitSignal(dialog.imported, timeout=10000):
        qtbot.mouseClick(dialog.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert [c.members for c in window.service.setup.meeting().classes] == [3, 4]
    desk = window.pages["desk"]
    assert window.stack.currentWidget() is desk
    assert desk.banner.text() == "7 members imported."
    assert "6 members" in desk.quorum.explanation.text()


def test_a_station_reopens_on_the_role_it_had(window: Any, tmp_path: Path) -> None:  # noqa: F811
    small_meeting(tmp_path).close()
    path = str(tmp_path / "small.coopvote")
    assert window.open_meeting(path)
    assert window.stack.currentWidget() is window.pages["desk"]  # a new station starts at the desk
    window.show_role("teller")
    window.close_meeting()
    assert window.open_meeting(path)
    assert window.stack.currentWidget() is window.pages["teller"]


def test_high_contrast_controls_and_200_percent_quorum_table(
    window: Any, look: Any, tmp_path: Path, artifacts_dir: Path  # noqa: F811
) -> None:
    """Issue 12: in high contrast every field and check box has a visible edge; at 200% nothing is cut short."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QColor
    from PySide6.QtWidgets import QCheckBox

    window.set_service(small_meeting(tmp_path), str(tmp_path / "small.coopvote"))
    desk = window.pages["desk"]
    window.contrast_action.trigger()
    while look.text_scale < 2.0:
        window.bigger_action.trigger()
    assert look.text_scale == 2.0
    window.resize(1600, 1000)
    QApplication.processEvents()
    shot(window, artifacts_dir, "screen-desk-high-contrast-200")

    def light_pixels(widget: Any) -> int:
        image = widget.grab().toImage()
        return sum(
            QColor(image.pixel(x, y)).lightness() > 120
            for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)
        )

    for field in desk.findChildren(QLineEdit):
        if field.isVisible() and not isinstance(field.parent(), QAbstractSpinBox | QComboBox) and not field.text():
            field.setPlaceholderText("")
            assert light_pixels(field) > 20, f"{field.accessibleName()}: no visible edge on black"
    boxes = [b for b in desk.findChildren(QCheckBox) if b.isVisible()]
    assert boxes
    for box in boxes:
        box.setText("")  # only the square is left to see
        image = box.grab().toImage()
        assert any(QColor(image.pixel(QPoint(x, image.height() // 2))).lightness() > 120 for x in range(image.width())), (
            "check box square invisible"
        )
    ticked = QCheckBox(desk)  # the desk's own boxes wait, disabled, for a member to be chosen
    ticked.setChecked(True)
    ticked.show()
    QApplication.processEvents()
    image = ticked.grab().toImage()
    yellow = [QColor(image.pixel(QPoint(x, image.height() // 2))) for x in range(image.width())]
    assert any(c.red() > 200 and c.green() > 200 and c.blue() < 80 for c in yellow), "a ticked box is filled"
    assert_rows_fit(next(t for t in desk.findChildren(QTableWidget) if t.accessibleName() == "Quorum by class"))


def assert_rows_fit(table: Any) -> None:
    """Every word fits its column, every wrapped cell its row, and the table shows every row whole."""
    metrics = table.fontMetrics()
    header = table.horizontalHeader().height()
    assert table.viewport().height() + header >= header + sum(table.rowHeight(r) for r in range(table.rowCount()))
    for row in range(table.rowCount()):
        for column in range(table.columnCount()):
            words = table.item(row, column).text().split()
            width = table.columnWidth(column)
            assert all(metrics.horizontalAdvance(word) <= width for word in words), (row, column, words, width)
            lines = metrics.boundingRect(0, 0, width - 8, 10_000, int(Qt.TextFlag.TextWordWrap),
                                         table.item(row, column).text()).height()
            assert table.rowHeight(row) >= lines, (row, column, "text taller than its row")
