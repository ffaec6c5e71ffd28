"""Results and reports: each item's result and reconciliation, its declaration, and the exported record.

The result shown is the service's count (the same panel as the chair's console); papers out and back
are reconciled per class beside it; the declaration is previewed, saved and printed from the reports
module's PDF; the whole record is exported as an archive. Making PDFs and archives runs off the UI
thread so the window never freezes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSplitter,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from coopvote.errors import CoopvoteError
from coopvote.service.views import MeetingView
from coopvote.ui.look import arg, pick
from coopvote.ui.results_panel import ResultPanel, describe
from coopvote.ui.results_reports import DeclarationPanel, ExportPanel
from coopvote.ui.results_stages import FittedTable
from coopvote.ui.widgets import BigLabel, MessageBanner, Retranslatable

if TYPE_CHECKING:
    from coopvote.service import MeetingService


class ReconciliationTable(Retranslatable, FittedTable):
    """Papers printed, issued, spoilt, returned, valid, rejected and not returned, per class."""

    FIELDS = ("printed", "issued", "spoilt", "returned", "valid", "rejected", "not_returned")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, len(self.FIELDS) + 1, parent)
        self.rows: list[Any] = []
        self.verticalHeader().hide()
        self.retranslate()

    def show_rows(self, rows: list[Any]) -> None:
        self.rows = list(rows)
        self.setRowCount(len(self.rows))
        for row, figures in enumerate(self.rows):
            self.setItem(row, 0, QTableWidgetItem(figures.class_code))
            for column, name in enumerate(self.FIELDS, start=1):
                cell = QTableWidgetItem(str(getattr(figures, name)))
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.setItem(row, column, cell)
        self.refit()

    def problems(self) -> list[str]:
        return [f"{r.class_code}: {p}" for r in self.rows for p in r.problems]

    def retranslate(self) -> None:
        self.setHorizontalHeaderLabels([self.tr("Class"), self.tr("Printed"), self.tr("Issued"), self.tr("Spoilt"),
                                        self.tr("Returned"), self.tr("Valid"), self.tr("Rejected"),
                                        self.tr("Not returned")])


class ResultsPage(Retranslatable, QWidget):
    @classmethod
    def for_meeting(cls, service: MeetingService, parent: QWidget | None = None) -> ResultsPage:
        """The results page composes the declaration and the archive export, which read the whole record."""
        return cls(service, parent)

    def __init__(self, service: MeetingService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.meeting: MeetingView = service.setup.meeting()
        self.current: int | None = None
        self.banner = MessageBanner(self)
        self.items_label = QLabel(self)
        self.items = QListWidget(self)
        self.items.setObjectName("resultItems")
        self.items.setWordWrap(True)
        self.items_label.setBuddy(self.items)
        self.items.currentItemChanged.connect(self._item_changed)

        self.title = BigLabel(1.5, True, self)
        self.status = QLabel(self)
        self.result = ResultPanel(self)
        self.reconciliation_title = QLabel(self)
        self.reconciliation = ReconciliationTable(self)
        self.reconciliation_problems = QLabel(self)
        self.reconciliation_problems.setWordWrap(True)
        result_tab = QWidget(self)
        result_layout = QVBoxLayout(result_tab)
        for widget in (self.title, self.status, self.result, self.reconciliation_title, self.reconciliation,
                       self.reconciliation_problems):
            result_layout.addWidget(widget)
        result_layout.addStretch(1)
        result_scroll = QScrollArea(self)
        result_scroll.setWidgetResizable(True)
        result_scroll.setWidget(result_tab)

        self.declaration = DeclarationPanel(service, self)
        self.export = ExportPanel(service, self)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(result_scroll, "")
        self.tabs.addTab(self.declaration, "")
        self.tabs.addTab(self.export, "")

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.items_label)
        left_layout.addWidget(self.items, 1)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(self.tabs)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 4)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)
        self.retranslate()
        self.refresh()

    def activate(self) -> None:
        """Called by the main window when the page is shown: statuses and counts may have moved on."""
        self.refresh()

    def refresh(self) -> None:
        try:
            self.meeting = self.service.setup.meeting()
        except CoopvoteError as error:
            self.banner.show_error(error)
            return
        keep = self.current
        self.items.blockSignals(True)
        self.items.clear()
        for item in self.meeting.items:
            entry = QListWidgetItem(self._line(item.number), self.items)
            entry.setData(Qt.ItemDataRole.UserRole, item.number)
        self.items.blockSignals(False)
        numbers = [i.number for i in self.meeting.items]
        if keep not in numbers:
            keep = numbers[0] if numbers else None
        if keep is not None:
            self.items.setCurrentRow(numbers.index(keep))
        self.show_item(keep)

    def _line(self, number: int) -> str:
        item = self.meeting.item(number)
        return arg(self.tr("%1. %2: %3"), item.number, pick(cy=item.title_cy, en=item.title_en), describe(item.status))

    def _item_changed(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is not None:
            self.show_item(int(current.data(Qt.ItemDataRole.UserRole)))

    def select(self, number: int) -> None:
        for row in range(self.items.count()):
            if self.items.item(row).data(Qt.ItemDataRole.UserRole) == number:
                self.items.setCurrentRow(row)
                return
        raise KeyError(number)

    def show_item(self, number: int | None) -> None:
        self.current = number
        self.declaration.set_item(number)
        if number is None:
            self.title.setText(self.tr("The agenda has no items."))
            self.result.show_result(None)
            return
        item = self.meeting.item(number)
        self.title.setText(arg(self.tr("Item %1: %2"), item.number, pick(cy=item.title_cy, en=item.title_en)))
        self.status.setText(describe(item.status))
        if item.status == "open":
            self.result.show_result(None, self.tr("Voting is open: the result is shown once it closes."))
        else:
            self.result.load(self.service.results, number)
        try:
            rows = self.service.results.reconciliation(number)
        except CoopvoteError as error:
            self.banner.show_error(error)
            rows = []
        self.reconciliation.show_rows(rows)
        problems = self.reconciliation.problems()
        self.reconciliation_problems.setText("\n".join(problems) if problems else self.tr("The papers reconcile."))

    def retranslate(self) -> None:
        self.items_label.setText(self.tr("&Items"))
        self.reconciliation_title.setText(self.tr("Papers out and back"))
        self.tabs.setTabText(0, self.tr("&Result"))
        self.tabs.setTabText(1, self.tr("&Declaration"))
        self.tabs.setTabText(2, self.tr("E&xport"))
        for row in range(self.items.count()):
            entry = self.items.item(row)
            entry.setText(self._line(int(entry.data(Qt.ItemDataRole.UserRole))))
