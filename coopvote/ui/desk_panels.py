"""The registration desk's side panels: live quorum, packs to hand over, spoilt-paper exchange."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coopvote.errors import CoopvoteError
from coopvote.service.views import PackToHand
from coopvote.ui.look import arg, current_language
from coopvote.ui.widgets import BigLabel, Retranslatable, colour_name, swatch

if TYPE_CHECKING:
    from coopvote.service import DeskRole, PapersRole, SetupRole


def pack_phrase(pack: PackToHand) -> str:
    """One pack in words: "1 green pack (PS)" or "1 blue pack (proxy for E2)"."""
    from PySide6.QtCore import QCoreApplication

    colour = colour_name(pack.colour)
    if pack.as_proxy:
        phrase = arg(QCoreApplication.translate("PackPanel", "1 %1 pack (proxy for %2)"), colour, pack.for_member)
    else:
        phrase = arg(QCoreApplication.translate("PackPanel", "1 %1 pack (%2)"), colour, pack.class_code)
    return phrase + band_words(pack)


def band_words(pack: PackToHand) -> str:
    """" · 5 votes" after a pack of a value band (per_member), in the desk's language; "" otherwise."""
    if pack.band is None:
        return ""
    from coopvote.counting.value_bands import votes_words

    welsh, english = votes_words(pack.band)
    return f" · {welsh if current_language() == 'cy' else english}"


def packs_sentence(packs: Sequence[PackToHand]) -> str:
    """What the desk says out loud: "Give 1 green pack (PS) + 1 blue pack (proxy for E2)"."""
    from PySide6.QtCore import QCoreApplication

    return arg(QCoreApplication.translate("PackPanel", "Give %1"), " + ".join(pack_phrase(p) for p in packs))


class PackPanel(Retranslatable, QGroupBox):
    """The packs to hand over now, one line each with its colour, and the sentence to read."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.packs: list[PackToHand] = []
        self.member = ""
        self.sentence = BigLabel(1.5, True, self)
        self.sentence.setObjectName("packSentence")
        self.lines = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(self.sentence)
        layout.addLayout(self.lines)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Ballot packs to hand over"))
        self.show_packs(self.member, self.packs)

    def text(self) -> str:
        return self.sentence.text()

    def show_packs(self, member: str, packs: Sequence[PackToHand]) -> None:
        self.member = member
        self.packs = list(packs)
        while self.lines.count():
            row = self.lines.takeAt(0)
            inner = row.layout() if row is not None else None
            while inner is not None and inner.count():
                taken = inner.takeAt(0)
                child = taken.widget() if taken is not None else None
                if child is not None:
                    child.deleteLater()
        if not self.packs:
            self.sentence.setText(self.tr("No packs to hand over yet."))
            self.sentence.setAccessibleName(self.sentence.text())
            return
        self.sentence.setText(packs_sentence(self.packs))
        self.sentence.setAccessibleName(self.sentence.text())
        for pack in self.packs:
            row = QHBoxLayout()
            row.addWidget(swatch(pack.colour, self))
            items = ", ".join(str(i) for i in pack.items)
            if pack.as_proxy:
                words = arg(self.tr("%1 pack, class %2, for %3 (proxy): items %4"),
                    colour_name(pack.colour), pack.class_code, pack.for_member, items)
            else:
                words = arg(self.tr("%1 pack, class %2, for %3: items %4"),
                    colour_name(pack.colour), pack.class_code, pack.for_member, items)
            words += band_words(pack) + (f" ({pack.band_warning})" if pack.band_warning else "")
            label = QLabel(words, self)
            label.setAccessibleName(words)
            label.setWordWrap(True)
            row.addWidget(label, 1)
            self.lines.addLayout(row)


class QuorumPanel(Retranslatable, QGroupBox):
    """Live quorum: a yes/no in big letters, a row per class, and the service's sentence to read out."""

    def __init__(self, desk: DeskRole, setup: SetupRole, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.desk = desk
        self.setup = setup
        self.status: Any = None
        self._classes: Any = None
        self.verdict = BigLabel(1.4, True, self)
        self.verdict.setObjectName("quorumVerdict")
        self.table = QTableWidget(0, 4, self)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # At large text sizes a class name is wrapped onto more lines, never cut short to "Employe…".
        self.table.setWordWrap(True)
        self.table.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.table.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideNone)
        # The class column's width is known only once laid out: refit whenever it changes.
        self.table.horizontalHeader().sectionResized.connect(self._fit_table)
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        self.explanation.setObjectName("quorumExplanation")
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.verdict)
        layout.addWidget(self.table)
        layout.addWidget(self.explanation)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Quorum"))
        self.setAccessibleName(self.tr("Quorum"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Class"), self.tr("Needed"), self.tr("Present"), self.tr("By proxy")])
        self.table.setAccessibleName(self.tr("Quorum by class"))
        self.show_status()

    def restyle(self) -> None:
        if hasattr(self, "table"):
            self.show_status()

    def _fit_table(self, *_args: object) -> None:
        """Rows as tall as their wrapped names, and the table as tall as its rows, at the width it has now."""
        self.table.resizeRowsToContents()
        height = self.table.horizontalHeader().sizeHint().height() + sum(
            self.table.rowHeight(r) for r in range(self.table.rowCount()))
        self.table.setFixedHeight(height + 2 * self.table.frameWidth() + 2)

    def refresh(self) -> None:
        """Ask the service again (after a check-in, or when the desk is shown)."""
        try:
            self.status = self.desk.quorum()
            if self._classes is None:
                self._classes = self.setup.meeting().classes  # fixed for the meeting: read once
        except CoopvoteError as error:
            self.status = None
            self.verdict.setText(self.tr("Quorum cannot be worked out"))
            self.explanation.setText(str(error))
            return
        self.show_status()

    def show_status(self) -> None:
        """Show the last answer in the current language and text size (both texts came from the service)."""
        if self.status is None or self._classes is None:
            self.refresh()
            return
        welsh = current_language() == "cy"
        names = {c.code: (c.name_cy if welsh else c.name_en) for c in self._classes}
        status = self.status
        if status.met:
            self.verdict.setText(self.tr("Quorate"))
            self.verdict.setStyleSheet("color: #ffffff; background: #0b5d1e; padding: 0.2em 0.5em;")
        else:
            self.verdict.setText(self.tr("Not quorate yet"))
            self.verdict.setStyleSheet("color: #ffffff; background: #8b0000; padding: 0.2em 0.5em;")
        self.verdict.setAccessibleName(self.verdict.text())
        rows = [(self.tr("All members"), status.required, status.present, status.by_proxy)]
        for c in status.per_class:
            label = arg(self.tr("%1 (%2)"), names.get(c.code, c.code), c.code)
            rows.append((label, c.required, c.present, c.by_proxy))
        self.table.setRowCount(len(rows))
        for row, values in enumerate(rows):
            for column, value in enumerate(values):
                cell = QTableWidgetItem(str(value) if column else value)
                if column:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, cell)
        self._fit_table()
        self.explanation.setText(status.explanation_cy if welsh else status.explanation_en)
        self.explanation.setAccessibleName(self.explanation.text())


class SpoiltPanel(Retranslatable, QGroupBox):
    """Exchange a spoilt paper: which item, which serial, why. The service voids it and says if it cannot."""

    spoilt = Signal(int, int)
    refused = Signal(str)

    def __init__(self, papers: PapersRole, setup: SetupRole, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.papers = papers
        self.setup = setup
        self._items: Any = None
        self.item = QComboBox(self)
        self.item.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.item.setMinimumContentsLength(12)
        self.serial = QSpinBox(self)
        self.serial.setRange(1, 99_999_999)
        self.reason = QLineEdit(self)
        self.button = QPushButton(self)
        self.button.setAutoDefault(True)
        self.button.clicked.connect(self.spoil)
        self.reason.returnPressed.connect(self.spoil)
        self.item_label, self.serial_label, self.reason_label = QLabel(self), QLabel(self), QLabel(self)
        self.item_label.setBuddy(self.item)
        self.serial_label.setBuddy(self.serial)
        self.reason_label.setBuddy(self.reason)
        form = QFormLayout(self)
        form.addRow(self.item_label, self.item)
        form.addRow(self.serial_label, self.serial)
        form.addRow(self.reason_label, self.reason)
        form.addRow(self.button)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Exchange a spoilt paper"))
        self.item_label.setText(self.tr("It&em:"))
        self.serial_label.setText(self.tr("Seria&l number:"))
        self.reason_label.setText(self.tr("Rea&son:"))
        self.reason.setPlaceholderText(self.tr("for example: torn, wrong mark made"))
        self.button.setText(self.tr("Void spoil&t paper"))
        self.item.setAccessibleName(self.tr("Agenda item of the spoilt paper"))
        self.serial.setAccessibleName(self.tr("Serial number of the spoilt paper"))
        self.reason.setAccessibleName(self.tr("Why the paper is spoilt"))
        self.button.setAccessibleName(self.tr("Void spoilt paper"))
        self.show_items()

    def refresh(self) -> None:
        try:
            self._items = self.setup.meeting().items
        except CoopvoteError:
            self._items = ()
        self.show_items()

    def show_items(self) -> None:
        if self._items is None:
            self.refresh()
            return
        current = self.item.currentData()
        self.item.clear()
        welsh = current_language() == "cy"
        for item in self._items:
            self.item.addItem(arg(self.tr("%1. %2"), str(item.number), item.title_cy if welsh else item.title_en),
                              item.number)
        if current is not None:
            index = self.item.findData(current)
            if index >= 0:
                self.item.setCurrentIndex(index)

    def spoil(self) -> None:
        number = self.item.currentData()
        if number is None:
            return
        serial = self.serial.value()
        try:
            self.papers.spoil_paper(int(number), serial, self.reason.text())
        except CoopvoteError as error:
            self.refused.emit(str(error))
            return
        self.reason.clear()
        self.spoilt.emit(int(number), serial)
