"""The adjudication queue: each doubtful sheet with its picture, what the reader saw, and the decision.

The teller accepts the marks the voter clearly meant (the reader's reading is filled in to correct), or
rejects the paper on one of the grounds of the UK counting rules. The service checks the decision and
records it with the teller's name; a sheet once decided leaves the queue.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from coopvote.ballots.omr_words import notes_said, reasons_said
from coopvote.ballots.texts import REJECTION_REASONS
from coopvote.errors import CoopvoteError
from coopvote.service.tellers import PendingView
from coopvote.ui.look import arg, pick
from coopvote.ui.teller_keyed import numbers
from coopvote.ui.widgets import BigLabel, MessageBanner, Retranslatable, error_text

if TYPE_CHECKING:
    from coopvote.service.tellers import TellersRole



def reader_marks(sheet: PendingView) -> list[int]:
    """The marks the reader found (candidate numbers, in preference order for a ranking), as a start."""
    marks: list[int] = []
    for question in sheet.reading.get("questions", []) or []:
        marks += [int(m) for m in question.get("chosen", [])]
    return marks


def reader_notes(sheet: PendingView) -> list[str]:
    """The reader's notes in the language on screen (an older sheet's English notes as they were stored)."""
    return [str(note) for note in notes_said(sheet.reading)]


def reader_reasons(sheet: PendingView) -> list[str]:
    """Why the reader sent the sheet to a person, in the language on screen."""
    return [str(reason) for reason in reasons_said(sheet.reasons, sheet.reading)]


class AdjudicationPanel(Retranslatable, QWidget):
    decided = Signal(object)  # ScanOutcome

    def __init__(self, tellers: TellersRole, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tellers = tellers
        self.sheets: list[PendingView] = []
        self.banner = MessageBanner(self)
        self.queue_label = QLabel(self)
        self.queue = QListWidget(self)
        self.queue.setObjectName("adjudicationQueue")
        self.queue_label.setBuddy(self.queue)
        self.queue.currentRowChanged.connect(self._show_sheet)
        self.refresh_button = QPushButton(self)
        self.refresh_button.clicked.connect(self.refresh)

        self.title = BigLabel(1.3, True, self)
        self.reasons = QLabel(self)
        self.reasons.setWordWrap(True)
        self.reasons.setObjectName("readerReasons")
        self.image = QLabel(self)
        self.image.setObjectName("sheetImage")
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pixmap: QPixmap | None = None
        self.image_scroll = QScrollArea(self)
        self.image_scroll.setWidgetResizable(True)
        self.image_scroll.setWidget(self.image)
        self.marks = QLineEdit(self)
        self.marks_label = QLabel(self)
        self.marks_label.setBuddy(self.marks)
        self.accept_button = QPushButton(self)
        self.accept_button.clicked.connect(self.accept)
        self.reason = QComboBox(self)
        self.reason_label = QLabel(self)
        self.reason_label.setBuddy(self.reason)
        self.reject_button = QPushButton(self)
        self.reject_button.clicked.connect(self.reject)
        self.by = QLineEdit(self)
        self.by_label = QLabel(self)
        self.by_label.setBuddy(self.by)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.addWidget(self.queue_label)
        left_layout.addWidget(self.queue, 1)
        left_layout.addWidget(self.refresh_button)
        decision = QFormLayout()
        decision.addRow(self.by_label, self.by)
        accept_row = QHBoxLayout()
        accept_row.addWidget(self.marks, 1)
        accept_row.addWidget(self.accept_button)
        decision.addRow(self.marks_label, accept_row)
        reject_row = QHBoxLayout()
        reject_row.addWidget(self.reason, 1)
        reject_row.addWidget(self.reject_button)
        decision.addRow(self.reason_label, reject_row)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.title)
        right_layout.addWidget(self.reasons)
        right_layout.addWidget(self.image_scroll, 1)
        right_layout.addLayout(decision)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(splitter, 1)
        self.retranslate()

    def refresh(self) -> None:
        shown = self.current()
        keep = shown.id if shown is not None else None
        try:
            self.sheets = self.tellers.pending_sheets()
        except CoopvoteError as error:
            self.banner.show_error(error)
            return
        self.queue.blockSignals(True)
        self.queue.clear()
        for sheet in self.sheets:
            QListWidgetItem(self._sheet_line(sheet), self.queue)
        self.queue.blockSignals(False)
        ids = [s.id for s in self.sheets]
        row = ids.index(keep) if keep in ids else (0 if ids else -1)
        self.queue.setCurrentRow(row)
        self._show_sheet(row)

    def _sheet_line(self, sheet: PendingView) -> str:
        if sheet.item is None:
            return arg(self.tr("Sheet %1: %2 (no readable code)"), sheet.id, sheet.source_name)
        if sheet.advance:
            return arg(self.tr("Sheet %1: item %2, %3 advance paper %4"), sheet.id, sheet.item, sheet.class_code,
                       sheet.serial)
        return arg(self.tr("Sheet %1: item %2, %3 paper %4"), sheet.id, sheet.item, sheet.class_code, sheet.serial)

    def current(self) -> PendingView | None:
        row = self.queue.currentRow()
        return self.sheets[row] if 0 <= row < len(self.sheets) else None

    def _show_sheet(self, _row: int) -> None:
        sheet = self.current()
        enabled = sheet is not None
        for widget in (self.accept_button, self.reject_button, self.marks, self.reason):
            widget.setEnabled(enabled)
        if sheet is None:
            self.title.setText(self.tr("No sheets are waiting for adjudication."))
            self.reasons.clear()
            self.image.clear()
            self.pixmap = None
            self.marks.clear()
            return
        self.title.setText(self._sheet_line(sheet))
        notes = reader_notes(sheet)
        text = arg(self.tr("The reader says: %1"), ", ".join(reader_reasons(sheet)) or "-")
        if notes:
            text += "\n" + "\n".join(notes)
        self.reasons.setText(text)
        self.marks.setText(" ".join(str(m) for m in reader_marks(sheet)))
        self.pixmap = None
        self.image.clear()
        if sheet.image_png:
            image = QImage.fromData(sheet.image_png)
            if not image.isNull():
                self.pixmap = QPixmap.fromImage(image)
                width = max(self.image_scroll.viewport().width() - 8, 400)
                self.image.setPixmap(self.pixmap.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation))
        if self.pixmap is None:
            self.image.setText(self.tr("No picture was kept for this sheet."))

    def _decide(self, **decision: Any) -> Any:
        sheet = self.current()
        if sheet is None:
            return None
        by = self.by.text().strip()
        if not by:
            self.banner.show_error(self.tr("Enter your name: every decision is recorded with who made it."))
            self.by.setFocus()
            return None
        try:
            outcome = self.tellers.adjudicate(sheet.id, by=by, **decision)
        except CoopvoteError as error:
            self.banner.show_error(error)
            return None
        except Exception as error:  # noqa: BLE001
            self.banner.show_error(error_text(error))
            return None
        self.banner.show_ok(pick(cy=outcome.message_cy, en=outcome.message_en))
        self.refresh()
        self.decided.emit(outcome)
        return outcome

    def accept(self) -> Any:
        marks = numbers(self.marks.text())
        if marks is None or any(m is None for m in marks):
            self.banner.show_error(self.tr("Type the candidate or option numbers the voter clearly meant, "
                                           "separated by spaces (in order of preference for a ranking)."))
            return None
        return self._decide(accept_marks=[int(m) for m in marks if m is not None])

    def reject(self) -> Any:
        reason = self.reason.currentData()
        return self._decide(reject_reason=str(reason))

    def retranslate(self) -> None:
        self.queue_label.setText(self.tr("Sheets &waiting"))
        self.refresh_button.setText(self.tr("&Refresh the queue"))
        self.marks_label.setText(self.tr("Mar&ks the voter clearly meant:"))
        self.marks.setPlaceholderText(self.tr("e.g. 1 for For; 3 1 2 for a ranking (in order of preference)"))
        self.accept_button.setText(self.tr("Accep&t"))
        self.reason_label.setText(self.tr("Or reject be&cause:"))
        self.reject_button.setText(self.tr("Re&ject"))
        self.by_label.setText(self.tr("Decided &by:"))
        current = self.reason.currentIndex()
        self.reason.clear()
        for key, (welsh, english) in REJECTION_REASONS.items():
            self.reason.addItem(f"{welsh} / {english}", key)
        self.reason.setCurrentIndex(max(current, 0))
        self._show_sheet(self.queue.currentRow())
