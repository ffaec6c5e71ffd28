"""The STV stage table on screen: a candidate per row, a stage per column, as the stage sheet prints it.

Amounts are shown from the exact values the count kept (Fraction or Decimal), truncated to a few places
the way the declaration truncates them, never through float; the cell of a candidate elected at a stage
is green and bold, one excluded is grey, and each column's heading says what the stage did.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from coopvote.counting.model import Outcome, Value, decimal_string
from coopvote.reports.stage_words import action_words, outcome_stage_words
from coopvote.ui.look import arg, pick
from coopvote.ui.widgets import Retranslatable

ELECTED_BACKGROUND = "#cdebd9"
ELECTED_TEXT = "#0b3d1e"
EXCLUDED_BACKGROUND = "#dddddd"
EXCLUDED_TEXT = "#333333"


def amount(value: Value | None, places: int = 5) -> str:
    """A vote amount for a person to read: exact digits truncated to ``places``, trailing zeros dropped."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        text = decimal_string(Fraction(value), places)
    elif isinstance(value, Fraction):
        text = decimal_string(value, places)
    else:
        return str(value)
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


class FittedTable(QTableWidget):
    """A read-only table as tall as its rows, so the page scrolls as a whole and nothing is cut off,
    whatever the text size (it fits itself again when the font changes)."""

    def __init__(self, rows: int, columns: int, parent: QWidget | None = None) -> None:
        super().__init__(rows, columns, parent)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)

    def refit(self) -> None:
        self.resizeColumnsToContents()
        self.resizeRowsToContents()
        self.updateGeometry()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        header = self.horizontalHeader().sizeHint().height() if self.horizontalHeader().isVisible() else 0
        rows = sum(self.rowHeight(r) for r in range(self.rowCount()))
        scroll = self.horizontalScrollBar().sizeHint().height() if self.horizontalScrollBar().isVisible() else 0
        return QSize(super().sizeHint().width(), header + rows + scroll + 2 * self.frameWidth() + 2)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(super().minimumSizeHint().width(), self.sizeHint().height())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.refit()

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.updateGeometry()  # a horizontal scroll bar may have come or gone


class StageTable(Retranslatable, FittedTable):
    """Every stage of a count; empty (no rows) for a count that has none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 0, parent)
        self.setObjectName("stageTable")
        self.outcome: Outcome | None = None
        self.setWordWrap(True)

    def show_outcome(self, outcome: Outcome | None) -> None:
        self.outcome = outcome
        self.retranslate()

    def retranslate(self) -> None:
        outcome = self.outcome
        self.clear()
        if outcome is None or not outcome.stages:
            self.setRowCount(0)
            self.setColumnCount(0)
            self.setAccessibleName(self.tr("No stages to show"))
            return
        stages = outcome.stages
        names = list(outcome.candidates)
        self.setRowCount(len(names) + 1)
        self.setColumnCount(len(stages))
        self.setVerticalHeaderLabels([*names, self.tr("Non-transferable")])
        bold = QFont(self.font())
        bold.setBold(True)
        for column, stage in enumerate(stages):
            action = pick(action_words(stage.action))
            heading = QTableWidgetItem(arg(self.tr("Stage %1\n%2"), stage.number, action))
            heading.setToolTip(pick(outcome_stage_words(outcome, stage)))
            self.setHorizontalHeaderItem(column, heading)
            for row in range(len(names)):
                value = stage.totals.get(row)
                cell = QTableWidgetItem(amount(value))
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if row in stage.elected:
                    cell.setBackground(QBrush(QColor(ELECTED_BACKGROUND)))
                    cell.setForeground(QBrush(QColor(ELECTED_TEXT)))
                    cell.setFont(bold)
                    cell.setToolTip(arg(self.tr("%1 elected at stage %2"), names[row], stage.number))
                elif row in stage.excluded:
                    cell.setBackground(QBrush(QColor(EXCLUDED_BACKGROUND)))
                    cell.setForeground(QBrush(QColor(EXCLUDED_TEXT)))
                    cell.setToolTip(arg(self.tr("%1 excluded at stage %2"), names[row], stage.number))
                self.setItem(row, column, cell)
            lost = QTableWidgetItem(amount(stage.non_transferable))
            lost.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.setItem(len(names), column, lost)
        self.setAccessibleName(arg(self.tr("Stage table: %1 stages"), len(stages)))
        self.refit()

    def cell_text(self, candidate: str, stage_number: int) -> str:
        """What the table shows for one candidate at one stage (for tests and screen readers)."""
        assert self.outcome is not None
        row = list(self.outcome.candidates).index(candidate)
        column = [s.number for s in self.outcome.stages].index(stage_number)
        item = self.item(row, column)
        return item.text() if item is not None else ""
