"""The chair's side panels: live progress per class, a show of hands, the casting vote, the declaration.

Each panel only gathers what the chair enters and says what it wants done (a signal); the console
passes that to the service and shows the service's answer, so every rule stays in one place.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coopvote.ui.look import arg, pick
from coopvote.ui.results_stages import FittedTable
from coopvote.ui.widgets import BigLabel, Retranslatable


class ProgressPanel(Retranslatable, QGroupBox):
    """Papers returned of papers issued, per class: what the chair watches while the vote is open."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []
        self.names: dict[str, tuple[str, str]] = {}
        self.summary = BigLabel(1.3, True, self)
        self.summary.setObjectName("progressSummary")
        self.table = FittedTable(0, 4, self)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.warning = QLabel(self)
        self.warning.setObjectName("reconciliationWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("QLabel#reconciliationWarning { background: #fff1c2; color: #3b2a00; "
                                   "border: 1px solid #8a6d00; padding: 4px; }")
        self.warning.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.warning)
        layout.addWidget(self.table)
        self.retranslate()

    def show_rows(self, rows: list[Any], names: dict[str, tuple[str, str]]) -> None:
        """``rows`` are the service's ReconciliationRow for the item; ``names`` class code -> (cy, en)."""
        self.rows = list(rows)
        self.names = names
        self._fill()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Papers returned so far"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Class"), self.tr("Issued"), self.tr("Returned"), self.tr("Not yet returned")]
        )
        self._fill()

    def _fill(self) -> None:
        self.table.setRowCount(len(self.rows))
        for row, figures in enumerate(self.rows):
            name = pick(self.names.get(figures.class_code, (figures.class_code, figures.class_code)))
            values = [arg(self.tr("%1 (%2)"), name, figures.class_code), str(figures.issued), str(figures.returned),
                      str(figures.not_returned)]
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                if column:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if figures.problems:
                    cell.setToolTip("; ".join(figures.problems))
                self.table.setItem(row, column, cell)
        issued = sum(r.issued for r in self.rows)
        returned = sum(r.returned for r in self.rows)
        self.summary.setText(arg(self.tr("%1 of %2 papers returned"), returned, issued))
        over = [arg(self.tr("%1: %2 returned, %3 issued"), r.class_code, r.returned, r.issued)
                for r in self.rows if r.problems]
        self.warning.setText(arg(self.tr("The papers do not add up (%1). Declaring will need the chair's reason."),
                                 "; ".join(over)) if over else "")
        self.warning.setVisible(bool(over))
        self.table.refit()
        self.summary.setAccessibleName(self.summary.text())


class HandsPanel(Retranslatable, QGroupBox):
    """Hands for, against and abstaining per class, and the name of whoever demands a poll."""

    record = Signal(dict)
    pollDemanded = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spins: dict[str, tuple[QSpinBox, QSpinBox, QSpinBox]] = {}
        self.class_labels: dict[str, QLabel] = {}
        self.names: dict[str, tuple[str, str]] = {}
        self.grid = QGridLayout()
        self.heads = [QLabel(self) for _ in range(3)]
        for column, head in enumerate(self.heads, start=1):
            self.grid.addWidget(head, 0, column)
        self.record_button = QPushButton(self)
        self.record_button.clicked.connect(self._record)
        self.demanded_by = QLineEdit(self)
        self.demanded_label = QLabel(self)
        self.demanded_label.setBuddy(self.demanded_by)
        self.poll_button = QPushButton(self)
        self.poll_button.clicked.connect(lambda: self.pollDemanded.emit(self.demanded_by.text()))
        self.demanded_by.returnPressed.connect(self.poll_button.click)
        poll_row = QHBoxLayout()
        poll_row.addWidget(self.demanded_label)
        poll_row.addWidget(self.demanded_by, 1)
        poll_row.addWidget(self.poll_button)
        layout = QVBoxLayout(self)
        layout.addLayout(self.grid)
        layout.addWidget(self.record_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(poll_row)
        self.retranslate()

    def set_classes(self, names: dict[str, tuple[str, str]]) -> None:
        self.names = names
        for row, code in enumerate(names, start=1):
            if code in self.spins:
                continue
            label = QLabel(self)
            self.class_labels[code] = label
            self.grid.addWidget(label, row, 0)
            boxes = []
            for column in range(1, 4):
                spin = QSpinBox(self)
                spin.setRange(0, 1_000_000)
                self.grid.addWidget(spin, row, column)
                boxes.append(spin)
            self.spins[code] = (boxes[0], boxes[1], boxes[2])
        self.retranslate()

    def counts(self) -> dict[str, tuple[int, int, int]]:
        return {code: (a.value(), b.value(), c.value()) for code, (a, b, c) in self.spins.items()}

    def _record(self) -> None:
        self.record.emit(self.counts())

    def retranslate(self) -> None:
        self.setTitle(self.tr("Show of hands"))
        for head, text in zip(self.heads, (self.tr("For"), self.tr("Against"), self.tr("Abstain")), strict=True):
            head.setText(text)
        for code, label in self.class_labels.items():
            label.setText(arg(self.tr("%1 (%2)"), pick(self.names.get(code, (code, code))), code))
            for spin, what in zip(self.spins[code], (self.tr("For"), self.tr("Against"), self.tr("Abstain")), strict=True):
                spin.setAccessibleName(arg(self.tr("%1: hands %2"), code, what))
        self.record_button.setText(self.tr("Record the sho&w of hands"))
        self.demanded_label.setText(self.tr("Poll demanded by:"))
        self.poll_button.setText(self.tr("Record the &poll demand"))


class CastingPanel(Retranslatable, QGroupBox):
    """Shown only when the service says the vote is tied and the rules give the chair a casting vote."""

    cast = Signal(str, str)  # side ("for" / "against"), chair's name

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        self.chair = QLineEdit(self)
        self.chair_label = QLabel(self)
        self.chair_label.setBuddy(self.chair)
        self.for_button = QPushButton(self)
        self.against_button = QPushButton(self)
        self.for_button.clicked.connect(lambda: self.cast.emit("for", self.chair.text()))
        self.against_button.clicked.connect(lambda: self.cast.emit("against", self.chair.text()))
        form = QFormLayout()
        form.addRow(self.chair_label, self.chair)
        buttons = QHBoxLayout()
        buttons.addWidget(self.for_button)
        buttons.addWidget(self.against_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addLayout(form)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Casting vote"))
        self.explanation.setText(self.tr("The vote is tied. The rules give the chair a casting vote."))
        self.chair_label.setText(self.tr("Chair's name:"))
        self.for_button.setText(self.tr("Casting vote &for"))
        self.against_button.setText(self.tr("Casting vote &against"))


class DeclarePanel(Retranslatable, QGroupBox):
    """The declaration: who declares, and the button; a declared result cannot change."""

    declare = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.by = QLineEdit(self)
        self.by_label = QLabel(self)
        self.by_label.setBuddy(self.by)
        self.button = QPushButton(self)
        self.button.clicked.connect(lambda: self.declare.emit(self.by.text()))
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.by_label)
        row.addWidget(self.by, 1)
        row.addWidget(self.button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.note)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Declaration"))
        self.by_label.setText(self.tr("Declared by:"))
        self.button.setText(self.tr("&Declare the result"))
        self.note.setText(self.tr("Once declared, the result is fixed and cannot be changed."))
