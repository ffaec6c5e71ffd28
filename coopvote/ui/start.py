"""The start screen: new meeting, open a meeting file, recent meetings, and the demo meeting."""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coopvote.ui.look import arg, settings
from coopvote.ui.widgets import BigLabel, MessageBanner, Retranslatable

RECENT_KEY = "recent_meetings"
RECENT_LIMIT = 8
DEMO_SPEC = Path(__file__).resolve().parent.parent / "resources" / "demo" / "meeting.toml"
DEMO_MEMBERS = 240


def recent_meetings() -> list[str]:
    value: object = settings().value(RECENT_KEY, [])
    if isinstance(value, str):
        value = [value] if value else []
    if not isinstance(value, list | tuple):
        return []
    return [str(v) for v in value if str(v)]


def remember_meeting(path: str) -> None:
    """Put a meeting first in the recent list (a URL is kept as written; a file by its full path)."""
    if "://" in path:
        from coopvote.record.connection import display_target

        path = display_target(path)  # never keep a server password in the settings
    else:
        path = str(Path(path).resolve())
    paths = [path, *[p for p in recent_meetings() if p != path]][:RECENT_LIMIT]
    settings().setValue(RECENT_KEY, paths)


def forget_meeting(path: str) -> None:
    settings().setValue(RECENT_KEY, [p for p in recent_meetings() if p != path])


def demo_folder() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("coopvote", "coopvote")) / "demo"


def make_demo_meeting(folder: Path | None = None) -> Path:
    """A fresh copy of the demo meeting (spec from resources, fictional register), ready for practice."""
    from coopvote.meeting.spec import load_spec
    from coopvote.register.sample import sample_members
    from coopvote.service import MeetingService

    folder = folder or demo_folder()
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"demo-{datetime.now():%Y%m%d-%H%M%S}.coopvote"
    spec = load_spec(DEMO_SPEC)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["Membership number", "Name", "Class", "Vote value", "Status"])
    for row in sample_members([c.code for c in spec.classes], DEMO_MEMBERS, seed=2026):
        writer.writerow([row.membership_number, row.name, row.class_code, str(row.vote_value), row.status])
    service = MeetingService.create(target, spec, actor="app", station="demo")
    try:
        service.setup.import_register(buffer.getvalue().encode("utf-8"), "demo-members.csv")
    finally:
        service.close()
    return target


class StartPage(Retranslatable, QWidget):
    """First screen: what a returning officer does before anything else."""

    newRequested = Signal()
    openRequested = Signal()
    demoRequested = Signal()
    connectRequested = Signal()
    recentChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = BigLabel(2.2, True, self)
        self.subtitle = QLabel(self)
        self.subtitle.setWordWrap(True)
        self.banner = MessageBanner(self)
        self.new_button = QPushButton(self)
        self.open_button = QPushButton(self)
        self.demo_button = QPushButton(self)
        self.connect_button = QPushButton(self)
        self.connect_button.clicked.connect(self.connectRequested)
        for button in (self.new_button, self.open_button, self.demo_button, self.connect_button):
            button.setMinimumHeight(button.sizeHint().height() * 2)
            button.setAutoDefault(True)  # Enter presses the focused button, as Space does
        self.new_button.clicked.connect(self.newRequested)
        self.open_button.clicked.connect(self.openRequested)
        self.demo_button.clicked.connect(self.demoRequested)
        self.recent_label = QLabel(self)
        self.recent_list = QListWidget(self)
        self.recent_label.setBuddy(self.recent_list)
        self.recent_list.itemActivated.connect(self._activated)
        self.open_recent_button = QPushButton(self)
        self.open_recent_button.clicked.connect(self._open_selected)
        self.forget_button = QPushButton(self)
        self.forget_button.clicked.connect(self._forget_selected)

        buttons = QHBoxLayout()
        for button in (self.new_button, self.open_button, self.demo_button, self.connect_button):
            buttons.addWidget(button)
        recent_buttons = QHBoxLayout()
        recent_buttons.addWidget(self.open_recent_button)
        recent_buttons.addWidget(self.forget_button)
        recent_buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.banner)
        layout.addSpacing(self.fontMetrics().height())
        layout.addLayout(buttons)
        layout.addSpacing(self.fontMetrics().height())
        layout.addWidget(self.recent_label)
        layout.addWidget(self.recent_list, 1)
        layout.addLayout(recent_buttons)
        self.setTabOrder(self.new_button, self.open_button)
        self.setTabOrder(self.open_button, self.demo_button)
        self.setTabOrder(self.demo_button, self.connect_button)
        self.setTabOrder(self.connect_button, self.recent_list)
        self.retranslate()
        self.refresh_recent()

    def retranslate(self) -> None:
        self.title.setText(self.tr("coopvote"))
        self.subtitle.setText(self.tr("Votes at a co-operative's general meeting: registration, paper ballots, "
                                      "counting and results. Start a new meeting, or open one."))
        self.new_button.setText(self.tr("&New meeting…"))
        self.new_button.setAccessibleName(self.tr("New meeting"))
        self.open_button.setText(self.tr("&Open a meeting file…"))
        self.open_button.setAccessibleName(self.tr("Open a meeting file"))
        self.demo_button.setText(self.tr("Try the &demo meeting"))
        self.demo_button.setAccessibleName(self.tr("Try the demo meeting"))
        self.connect_button.setText(self.tr("Connect to a &shared meeting…"))
        self.connect_button.setAccessibleName(self.tr("Connect to a shared meeting"))
        self.recent_label.setText(self.tr("&Recent meetings"))
        self.recent_list.setAccessibleName(self.tr("Recent meetings"))
        self.open_recent_button.setText(self.tr("Open se&lected"))
        self.forget_button.setText(self.tr("&Forget selected"))
        self.refresh_recent()

    def refresh_recent(self) -> None:
        self.recent_list.clear()
        for path in recent_meetings():
            missing = "://" not in path and not Path(path).exists()
            text = arg(self.tr("%1 (file not found)"), path) if missing else path
            item = QListWidgetItem(text, self.recent_list)
            item.setData(Qt.ItemDataRole.UserRole, path)
        if self.recent_list.count():
            self.recent_list.setCurrentRow(0)
        has = self.recent_list.count() > 0
        self.open_recent_button.setEnabled(has)
        self.forget_button.setEnabled(has)

    def _activated(self, item: QListWidgetItem) -> None:
        self.recentChosen.emit(str(item.data(Qt.ItemDataRole.UserRole)))

    def _open_selected(self) -> None:
        item = self.recent_list.currentItem()
        if item is not None:
            self._activated(item)

    def _forget_selected(self) -> None:
        item = self.recent_list.currentItem()
        if item is not None:
            forget_meeting(str(item.data(Qt.ItemDataRole.UserRole)))
            self.refresh_recent()
