"""The main window: a navigation by role (start, desk, chair, teller, results) over one page each.

The role pages are built only once a meeting is open, each on the same ``MeetingService``. The
chair, teller, results and projector pages come from their own modules, imported when needed: if one
cannot be loaded, its place says so plainly and the rest of the app carries on.
"""

from __future__ import annotations

import importlib
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from coopvote.errors import CoopvoteError, RecordError
from coopvote.ui.look import AppSettings, application, arg, current_language, settings
from coopvote.ui.start import StartPage, make_demo_meeting, remember_meeting
from coopvote.ui.widgets import QT_TRANSLATE_NOOP, BackgroundJob, BigLabel, Retranslatable, error_text

ROLES: tuple[tuple[str, str, str, str], ...] = (
    # key, module, class, label (translated in context "Roles")
    ("start", "", "", QT_TRANSLATE_NOOP("Roles", "Start")),
    ("desk", "desk", "DeskPage", QT_TRANSLATE_NOOP("Roles", "Registration desk")),
    ("chair", "chair", "ChairPage", QT_TRANSLATE_NOOP("Roles", "Chair")),
    ("teller", "teller", "TellerPage", QT_TRANSLATE_NOOP("Roles", "Teller")),
    ("results", "results", "ResultsPage", QT_TRANSLATE_NOOP("Roles", "Results")),
    ("advance", "advance", "AdvancePage", QT_TRANSLATE_NOOP("Roles", "Before the meeting")),
)

if TYPE_CHECKING:
    from coopvote.service import MeetingService, PeriodicBackup
BACKUP_MINUTES = 3
CONNECTION_CHECK_SECONDS = 5

LAST_ROLE_KEY = "last_role"
MEETING_FILTER = QT_TRANSLATE_NOOP("MainWindow", "coopvote meetings (*.coopvote);;All files (*)")


class NotAvailablePage(Retranslatable, QWidget):
    """Stands in for a role page whose module could not be loaded."""

    def __init__(self, role_label: str, reason: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.role_label = role_label
        self.reason = reason
        self.label = BigLabel(1.3, True, self)
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.detail)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        role = QCoreApplication.translate("Roles", self.role_label)
        self.label.setText(arg(self.tr("%1: not available in this copy of coopvote"), role))
        self.detail.setText(self.reason)
        self.setAccessibleName(self.label.text())


def load_service_layer() -> None:
    """Import what opening a meeting needs; run in the background so the window appears first."""
    importlib.import_module("coopvote.service")
    importlib.import_module("coopvote.cli.common")


def load_role_page(module: str, class_name: str, service: MeetingService, parent: QWidget, label: str) -> QWidget:
    """Import ``coopvote.ui.<module>`` and build its page; on any failure, a plain 'not available' page."""
    try:
        page_class = getattr(importlib.import_module(f"coopvote.ui.{module}"), class_name)
        page = page_class.for_meeting(service, parent)
    except Exception as error:  # noqa: BLE001 - one broken page must not stop the desk
        traceback.print_exc(file=sys.stderr)
        return NotAvailablePage(label, f"{type(error).__name__}: {error}", parent)
    assert isinstance(page, QWidget)
    return page


class MainWindow(Retranslatable, QMainWindow):
    def __init__(self, look: AppSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.look = look or application()[1]
        self.service: MeetingService | None = None
        self._names: tuple[str, str] | None = None
        self.meeting_path = ""
        self.pages: dict[str, QWidget] = {}
        self.projector: QWidget | None = None
        self.wizard: QWidget | None = None
        self.help_dialog: QWidget | None = None

        self.nav = QListWidget(self)
        self.nav.setObjectName("roleNavigation")
        self.nav.setIconSize(QSize(0, 0))
        self.stack = QStackedWidget(self)
        self.start_page = StartPage(self.stack)
        self.start_page.newRequested.connect(self.new_meeting)
        self.start_page.openRequested.connect(self.choose_meeting)
        self.start_page.demoRequested.connect(self.open_demo)
        self.start_page.connectRequested.connect(self.connect_shared)
        self.start_page.recentChosen.connect(self.open_meeting)
        self.stack.addWidget(self.start_page)
        self.pages["start"] = self.start_page
        for key, _module, _cls, _label in ROLES:
            item = QListWidgetItem(self.nav)
            item.setData(Qt.ItemDataRole.UserRole, key)
        self.nav.currentRowChanged.connect(self._role_changed)
        self.nav.setCurrentRow(0)

        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.addWidget(self.nav, 0)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.meeting_label = QLabel(self)
        self.backup_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.meeting_label, 1)
        self.statusBar().addPermanentWidget(self.backup_label)
        self.backups: PeriodicBackup | None = None
        self.backup_timer = QTimer(self)
        self.backup_timer.setInterval(BACKUP_MINUTES * 60_000)
        self.backup_timer.timeout.connect(self.back_up)
        self.connection_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.connection_label)
        self.connection_timer = QTimer(self)
        self.connection_timer.setInterval(CONNECTION_CHECK_SECONDS * 1000)
        self.connection_timer.timeout.connect(self.check_connection)
        self._connection_job: Any = None
        self._build_actions()
        self.look.languageChanged.connect(self._sync_language_actions)
        self.retranslate()
        self._update_roles()
        self.resize(self.sizeHint().expandedTo(QSize(1100, 720)))
        self.warm_up = BackgroundJob(load_service_layer, self)
        self.warm_up.start()

    # -- menus -------------------------------------------------------------------------------------

    def _build_actions(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.new_action = self._action(self.new_meeting, QKeySequence.StandardKey.New)
        self.open_action = self._action(self.choose_meeting, QKeySequence.StandardKey.Open)
        self.demo_action = self._action(self.open_demo)
        self.connect_action = self._action(self.connect_shared)
        self.register_action = self._action(self.import_register)
        self.close_action = self._action(self.close_meeting)
        self.quit_action = self._action(self.close, QKeySequence.StandardKey.Quit)
        for action in (self.new_action, self.open_action, self.demo_action, self.connect_action,
                       self.register_action, self.close_action):
            self.file_menu.addAction(action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)

        self.go_menu = bar.addMenu("")
        self.role_actions: list[QAction] = []
        for index, (key, *_rest) in enumerate(ROLES):
            action = self._action(lambda _checked=False, k=key: self.show_role(k), f"Ctrl+{index + 1}")
            action.setData(key)
            self.go_menu.addAction(action)
            self.role_actions.append(action)
        self.go_menu.addSeparator()
        self.projector_action = self._action(self.show_projector, "F11")
        self.go_menu.addAction(self.projector_action)

        self.view_menu = bar.addMenu("")
        self.language_menu = self.view_menu.addMenu("")
        group = QActionGroup(self)
        self.welsh_action = self._action(None, checkable=True)
        self.english_action = self._action(None, checkable=True)
        self.welsh_action.setText("Cymraeg")
        self.english_action.setText("English")
        self.welsh_action.triggered.connect(lambda: self.look.set_language("cy"))
        self.english_action.triggered.connect(lambda: self.look.set_language("en"))
        for action in (self.welsh_action, self.english_action):
            group.addAction(action)
            self.language_menu.addAction(action)
        self.contrast_action = self._action(None, "Ctrl+Shift+H", checkable=True)
        self.contrast_action.setChecked(self.look.high_contrast)
        self.contrast_action.toggled.connect(self.look.set_high_contrast)
        self.bigger_action = self._action(self.look.bigger, QKeySequence.StandardKey.ZoomIn)
        self.smaller_action = self._action(self.look.smaller, QKeySequence.StandardKey.ZoomOut)
        self.reset_text_action = self._action(lambda: self.look.set_text_scale(1.0), "Ctrl+0")
        for action in (self.contrast_action, self.bigger_action, self.smaller_action, self.reset_text_action):
            self.view_menu.addAction(action)
        self._sync_language_actions(self.look.language)

        self.help_menu = bar.addMenu("")
        self.guide_action = self._action(lambda: self.show_help(self.current_role()),
                                         QKeySequence.StandardKey.HelpContents)
        self.help_menu.addAction(self.guide_action)

    def _action(self, slot: Callable[..., object] | None, shortcut: QKeySequence.StandardKey | str | None = None,
                *, checkable: bool = False) -> QAction:
        action = QAction(self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        if slot is not None:
            action.triggered.connect(slot)
        return action

    def _sync_language_actions(self, language: str) -> None:
        self.welsh_action.setChecked(language == "cy")
        self.english_action.setChecked(language == "en")

    def retranslate(self) -> None:
        self.setWindowTitle(self._title())
        self.file_menu.setTitle(self.tr("&Meeting"))
        self.new_action.setText(self.tr("&New meeting…"))
        self.open_action.setText(self.tr("&Open…"))
        self.demo_action.setText(self.tr("Open the &demo meeting"))
        self.connect_action.setText(self.tr("Connect to a &shared meeting…"))
        self.register_action.setText(self.tr("Import the &register…"))
        self.close_action.setText(self.tr("&Close meeting"))
        self.quit_action.setText(self.tr("&Quit"))
        self.go_menu.setTitle(self.tr("&Go"))
        for action, (_key, _module, _cls, label) in zip(self.role_actions, ROLES, strict=True):
            action.setText(QCoreApplication.translate("Roles", label))
        self.projector_action.setText(self.tr("&Projector window"))
        self.view_menu.setTitle(self.tr("&View"))
        self.language_menu.setTitle(self.tr("&Language / Iaith"))
        self.contrast_action.setText(self.tr("&High contrast"))
        self.bigger_action.setText(self.tr("&Bigger text"))
        self.smaller_action.setText(self.tr("&Smaller text"))
        self.reset_text_action.setText(self.tr("&Normal text size"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.guide_action.setText(self.tr("&Guide to this screen"))
        for row, (_key, _module, _cls, label) in enumerate(ROLES):
            item = self.nav.item(row)
            item.setText(QCoreApplication.translate("Roles", label))
        self.nav.setAccessibleName(self.tr("Roles"))
        self.connection_label.setAccessibleName(self.tr("Connection to the shared meeting"))
        self.restyle()
        self._update_meeting_label()

    def restyle(self) -> None:
        """The role list is as wide as its longest name in the current language and text size."""
        if not hasattr(self, "nav"):
            return
        metrics = self.nav.fontMetrics()
        widest = max((metrics.horizontalAdvance(self.nav.item(r).text()) for r in range(self.nav.count())), default=0)
        self.nav.setFixedWidth(widest + 4 * metrics.averageCharWidth())

    def _title(self) -> str:
        if self.service is None:
            return "coopvote"
        return arg(self.tr("%1 – coopvote"), self._meeting_name())

    def _meeting_name(self) -> str:
        if self.service is None:
            return ""
        if self._names is None:
            try:
                meeting = self.service.setup.meeting()
            except CoopvoteError:
                return ""
            self._names = (meeting.name_cy, meeting.name_en)  # a meeting's name is fixed: read it once
        return self._names[0] if current_language() == "cy" else self._names[1]

    def _update_meeting_label(self) -> None:
        if self.service is None:
            self.meeting_label.setText(self.tr("No meeting open"))
        else:
            shown = self.meeting_path
            if "://" in shown:
                from coopvote.record.connection import display_target

                shown = display_target(shown)
            self.meeting_label.setText(arg(self.tr("%1 — %2"), self._meeting_name(), shown))
        self.setWindowTitle(self._title())

    # -- roles -------------------------------------------------------------------------------------

    def _update_roles(self) -> None:
        for row in range(1, self.nav.count()):
            item = self.nav.item(row)
            flags = item.flags()
            if self.service is None:
                item.setFlags(flags & ~Qt.ItemFlag.ItemIsEnabled)
            else:
                item.setFlags(flags | Qt.ItemFlag.ItemIsEnabled)
        for action in self.role_actions[1:]:
            action.setEnabled(self.service is not None)
        self.close_action.setEnabled(self.service is not None)
        self.register_action.setEnabled(self.service is not None)
        self.projector_action.setEnabled(self.service is not None)

    def _role_changed(self, row: int) -> None:
        if row < 0:
            return
        key = ROLES[row][0]
        page = self.pages.get(key)
        if page is None:
            page = self._build_page(row)
        if page is None:
            return
        self.stack.setCurrentWidget(page)
        if key != "start" and self.service is not None:
            settings().setValue(LAST_ROLE_KEY, key)  # a station keeps its role from one meeting to the next
        activate = getattr(page, "activate", None)
        if callable(activate):
            activate()

    def _build_page(self, row: int) -> QWidget | None:
        key, module, class_name, label = ROLES[row]
        if self.service is None or not module:
            return None
        page = load_role_page(module, class_name, self.service, self.stack, label)
        self.stack.addWidget(page)
        self.pages[key] = page
        return page

    def show_role(self, key: str) -> QWidget | None:
        for row, role in enumerate(ROLES):
            if role[0] == key:
                if row and self.service is None:
                    return None
                self.nav.setCurrentRow(row)
                return self.pages.get(key)
        raise KeyError(key)

    def current_role(self) -> str:
        row = self.nav.currentRow()
        return ROLES[row][0] if 0 <= row < len(ROLES) else "start"

    def show_help(self, role: str, over: QWidget | None = None) -> QWidget:
        """The guide's section for a role, in the language in use, over the window F1 was pressed in."""
        from coopvote.ui.help import show_guide

        self.help_dialog = show_guide(role, over or self, self.help_dialog)
        return self.help_dialog

    def _with_help(self, window: QWidget, role: str) -> None:
        from coopvote.ui.help import add_help_key

        add_help_key(window, lambda: self.show_help(role, window))

    def show_projector(self) -> QWidget | None:
        if self.service is None:
            return None
        if self.projector is None:
            try:
                module = importlib.import_module("coopvote.ui.projector")
                self.projector = module.ProjectorWindow(self.service.setup, self.service.results, None)
                self._with_help(self.projector, "projector")
            except Exception as error:  # noqa: BLE001
                traceback.print_exc(file=sys.stderr)
                self.start_page.banner.show_error(
                    arg(self.tr("The projector window is not available: %1"), str(error)))
                self.show_role("start")
                return None
        assert self.projector is not None
        self.projector.show()
        self.projector.raise_()
        return self.projector

    # -- meetings ----------------------------------------------------------------------------------

    def choose_meeting(self) -> None:
        dialog = QFileDialog(self, self.tr("Open a meeting"))
        dialog.setNameFilter(QCoreApplication.translate("MainWindow", MEETING_FILTER))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.fileSelected.connect(self.open_meeting)
        dialog.open()

    def open_meeting_soon(self, path: str) -> Any:
        """Open a meeting once the service layer is loaded, which is done off the UI thread.

        Loading the service (database, counting and ballot-reading libraries) takes longer than
        showing the window, so the window is usable at once and says what it is opening meanwhile.
        """
        shown = path
        if "://" in path:
            from coopvote.record.connection import display_target

            shown = display_target(path)
        self.start_page.banner.show_message(arg(self.tr("Opening %1…"), shown), "info")
        job = BackgroundJob(load_service_layer, self)
        job.finished.connect(lambda _result: self.open_meeting(path))
        job.failed.connect(self.start_page.banner.show_error)
        job.start()
        return job

    def import_register(self) -> QWidget | None:
        """Import (or, before anyone is checked in, replace) the open meeting's register."""
        from coopvote.ui.register_dialog import open_import_register

        if self.service is None:
            return None
        dialog = open_import_register(self.service.setup, self)
        if dialog is not None:
            self._with_help(dialog, "wizard")
            dialog.imported.connect(self._register_imported)
        return dialog

    def _register_imported(self, result: Any) -> None:
        desk = self.show_role("desk")
        if desk is not None:
            activate = getattr(desk, "activate", None)
            if callable(activate):
                activate()  # fresh quorum figures for the new register
            banner = getattr(desk, "banner", None)
            if banner is not None:
                banner.show_ok(arg(self.tr("%1 members imported."), result.imported))

    def connect_shared(self, initial: str = "") -> QWidget:
        """Ask for a shared meeting's server details (the password is never stored) and open it."""
        from coopvote.ui.connect import ConnectDialog

        dialog = ConnectDialog(self, initial=initial)
        self._with_help(dialog, "start")
        dialog.accepted.connect(lambda: self.open_meeting_soon(dialog.url()))
        dialog.open()
        return dialog

    def open_meeting(self, path: str) -> bool:
        from coopvote.cli.common import station_name
        from coopvote.service import MeetingService

        if "://" in path and ":***@" in path:  # a remembered server: its password is asked for again
            self.connect_shared(path)
            return False
        try:
            service = MeetingService.open(path, actor="app", station=station_name())
        except CoopvoteError as error:
            self.show_role("start")
            self.start_page.banner.show_error(error)
            return False
        self.set_service(service, path)
        return True

    def set_service(self, service: MeetingService, path: str) -> None:
        """Show a meeting: role pages are made afresh for it; the desk comes first."""
        self.close_meeting()
        self.service = service
        self.meeting_path = path
        remember_meeting(path)
        self.start_page.refresh_recent()
        self.start_page.banner.hide()
        if "://" not in path:
            # The service copies the file at each closed vote; the timer adds a copy every few minutes.
            self.backups = service.backups
            if self.backups is None:
                from coopvote.service import backup_on_close

                self.backups = backup_on_close(service)
            self.backup_timer.start()
        else:
            self.connection_timer.start()
        self._update_roles()
        self._update_meeting_label()
        self.show_role(self._station_role())

    def _station_role(self) -> str:
        """The role this station had last time (the desk for a new station)."""
        role = str(settings().value(LAST_ROLE_KEY, "desk") or "desk")
        return role if role in {key for key, *_rest in ROLES} - {"start"} else "desk"

    def back_up(self) -> Any:
        """A backup copy in the background if the record changed; the status bar says how it went."""
        backups = self.backups
        if backups is None:
            return None
        job = BackgroundJob(backups.tick, self)
        job.finished.connect(lambda _made: self._show_backup(backups))
        job.start()
        return job

    def check_connection(self) -> Any:
        """Ask the shared meeting's server if it answers, off the UI thread; say at once when it does not."""
        service = self.service
        if service is None or (self._connection_job is not None and self._connection_job.running):
            return None
        job = BackgroundJob(service.server_problem, self)
        job.finished.connect(lambda problem: self._show_connection(service, problem))
        self._connection_job = job
        job.start()
        return job

    def _show_connection(self, service: MeetingService, problem: str | None) -> None:
        if service is not self.service:
            return
        if problem:
            self.connection_label.setText(
                arg(self.tr("Connection lost: %1. Nothing unconfirmed is kept; carry on when it returns."), str(problem))
            )
            self.connection_label.setStyleSheet("color: white; background: #b00020; padding: 2px 6px;")
        else:
            self.connection_label.setText(self.tr("Connected to the shared meeting"))
            self.connection_label.setStyleSheet("")

    def _show_backup(self, backups: PeriodicBackup) -> None:
        if backups is not self.backups:
            return
        if backups.last_error:
            self.backup_label.setText(arg(self.tr("Backup failed: %1"), backups.last_error))
        elif backups.last_backup is not None:
            self.backup_label.setText(arg(self.tr("Last backup: %1"), backups.last_backup.name))

    def close_meeting(self) -> None:
        if self.service is None:
            return
        self.nav.setCurrentRow(0)
        for key in list(self.pages):
            if key != "start":
                page = self.pages.pop(key)
                self.stack.removeWidget(page)
                page.deleteLater()
        if self.projector is not None:
            self.projector.close()
            self.projector.deleteLater()
            self.projector = None
        self.backup_timer.stop()
        self.backups = None
        self.backup_label.clear()
        self.connection_timer.stop()
        self.connection_label.clear()
        self.connection_label.setStyleSheet("")
        self.service.close()
        self.service = None
        self._names = None
        self.meeting_path = ""
        self._update_roles()
        self._update_meeting_label()

    def open_demo(self) -> Any:
        """Make a fresh practice copy of the demo meeting in the background, then open it."""
        self.show_role("start")
        self.start_page.banner.show_message(self.tr("Preparing the demo meeting…"), "info")

        def work() -> str:
            try:
                return str(make_demo_meeting())
            except OSError as error:
                raise RecordError(error_text(error)) from error

        job = BackgroundJob(work, self)
        job.finished.connect(self.open_meeting)
        job.failed.connect(self.start_page.banner.show_error)
        job.start()
        return job

    def new_meeting(self) -> QWidget:
        from coopvote.ui.wizard import NewMeetingWizard

        wizard = NewMeetingWizard(self)
        self._with_help(wizard, "wizard")
        wizard.created.connect(self.set_service)
        wizard.open()
        self.wizard = wizard
        return wizard

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.close_meeting()
        super().closeEvent(event)


def meeting_file_suffix(path: str) -> str:
    return path if "://" in path or Path(path).suffix else f"{path}.coopvote"
