"""The nominations dialog the chair (or secretary) opens before the meeting.

Nominate a candidate with their proposer and seconder (membership numbers, checked against the register
by the service, which says why a nomination is refused), add statements in Welsh and English and a photo,
record a withdrawal, close the nominations (ballot order and any unopposed election are the service's), and
print the candidate booklet and its Easy Read version. Every rule is the service's (``service/nominations.py``);
a photo is checked there too, so the dialog and ``coopvote nominate --photo`` refuse the same files.

Seats filled unopposed are sealed when nominations close: the dialog shows that close code with the words to
write it into the minutes, as the chair's console does when a vote closes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QSize, Qt
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coopvote.errors import CoopvoteError, InputError
from coopvote.meeting.photos import MAX_PHOTO_BYTES, check_photo
from coopvote.ui.look import arg, pick
from coopvote.ui.widgets import MessageBanner

if TYPE_CHECKING:
    from coopvote.service import NominationsRole, SetupRole

THUMBNAIL = QSize(72, 90)
"""The chosen photo beside the form: big enough to see it is the right person, passport-shaped."""
TABLE_THUMBNAIL = QSize(28, 35)
PHOTO_COLUMN = 5


def read_photo_file(path: Path) -> bytes:
    """The file's bytes once they pass the checks the service makes (PNG or JPEG, size, pixels), refused
    naming the file; the size is looked at before reading, so a camera original is not loaded whole."""
    try:
        size = path.stat().st_size
        if size > MAX_PHOTO_BYTES:
            raise InputError("photos.too_big", where=path.name, size=f"{size:,}", limit=f"{MAX_PHOTO_BYTES:,}")
        data = path.read_bytes()
    except OSError as error:
        raise InputError("photos.unreadable", where=path.name, detail=error.strerror or error) from None
    check_photo(data, path.name)
    return data


class NominationsDialog(QDialog):
    def __init__(self, setup: SetupRole, nominations: NominationsRole, folder: Path,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setup = setup
        self.nominations = nominations
        self.folder = folder
        self.setObjectName("nominationsDialog")
        self.setWindowTitle(self.tr("Nominations"))
        self.banner = MessageBanner(self)
        self.item = QComboBox(self)
        for item in setup.meeting().items:
            if item.kind == "election" and isinstance(item.settings.get("nominations"), dict):
                self.item.addItem(arg(self.tr("%1. %2"), item.number, pick(cy=item.title_cy, en=item.title_en)),
                                  item.number)
        self.item.currentIndexChanged.connect(self.refresh)
        self.table = QTableWidget(0, 6, self)
        self.table.setObjectName("nominationsTable")
        self.table.setHorizontalHeaderLabels([self.tr("Candidate"), self.tr("Class"), self.tr("Proposer"),
                                              self.tr("Seconder"), self.tr("Status"), self.tr("Photo")])
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setIconSize(TABLE_THUMBNAIL)
        self.table.verticalHeader().setDefaultSectionSize(TABLE_THUMBNAIL.height() + 6)
        self.candidate, self.proposer, self.seconder = QLineEdit(self), QLineEdit(self), QLineEdit(self)
        self.received = QDateEdit(QDate.currentDate(), self)
        self.received.setCalendarPopup(True)
        self.statement_cy, self.statement_en = QPlainTextEdit(self), QPlainTextEdit(self)
        for box in (self.statement_cy, self.statement_en):
            box.setTabChangesFocus(True)
            box.setMaximumHeight(70)
        form = QFormLayout()
        form.addRow(self.tr("&Election:"), self.item)
        form.addRow(self.tr("&Candidate's membership number:"), self.candidate)
        form.addRow(self.tr("&Proposer's membership number:"), self.proposer)
        form.addRow(self.tr("&Seconder's membership number:"), self.seconder)
        form.addRow(self.tr("&Received on:"), self.received)
        form.addRow(self.tr("Statement in &Welsh:"), self.statement_cy)
        form.addRow(self.tr("Statement in E&nglish:"), self.statement_en)
        self.photo: bytes | None = None
        """The photo chosen from a file: given with the next nomination, or to the candidate chosen in the table."""
        self.photo_view = QLabel(self)
        self.photo_view.setObjectName("nominationPhoto")
        self.photo_view.setFixedSize(THUMBNAIL)
        self.photo_view.setFrameShape(QFrame.Shape.Box)
        self.photo_view.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.photo_view.setWordWrap(True)
        self.photo_button = QPushButton(self.tr("Choose a p&hoto…"), self)
        self.photo_button.clicked.connect(self.choose_photo)
        self.remove_photo_button = QPushButton(self.tr("Remo&ve the photo"), self)
        self.remove_photo_button.clicked.connect(lambda: self.use_photo(None))
        self.give_photo_button = QPushButton(self.tr("&Give the chosen candidate this photo"), self)
        self.give_photo_button.clicked.connect(self.give_photo)
        photo_row = QHBoxLayout()
        photo_row.addWidget(self.photo_view)
        photo_buttons = QVBoxLayout()
        for button in (self.photo_button, self.remove_photo_button, self.give_photo_button):
            photo_buttons.addWidget(button)
        photo_row.addLayout(photo_buttons)
        photo_row.addStretch(1)
        form.addRow(self.tr("Photo (optional, PNG or JPEG):"), photo_row)
        self.use_photo(None)
        self.nominate_button = QPushButton(self.tr("N&ominate"), self)
        self.nominate_button.clicked.connect(self.nominate)
        self.reason = QLineEdit(self)
        self.reason.setPlaceholderText(self.tr("Reason for withdrawing"))
        self.withdraw_button = QPushButton(self.tr("Wi&thdraw the chosen candidate"), self)
        self.withdraw_button.clicked.connect(self.withdraw)
        self.close_button = QPushButton(self.tr("C&lose nominations"), self)
        self.close_button.clicked.connect(self.close_nominations)
        self.booklet_button = QPushButton(self.tr("Print the &booklet"), self)
        self.booklet_button.clicked.connect(lambda: self.print_booklet(False))
        self.easy_button = QPushButton(self.tr("Print the Eas&y Read booklet"), self)
        self.easy_button.clicked.connect(lambda: self.print_booklet(True))
        withdraw_row = QHBoxLayout()
        withdraw_row.addWidget(self.reason, 1)
        withdraw_row.addWidget(self.withdraw_button)
        actions = QHBoxLayout()
        for button in (self.nominate_button, self.close_button, self.booklet_button, self.easy_button):
            actions.addWidget(button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(form)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        layout.addLayout(withdraw_row)
        layout.addWidget(buttons)
        self.resize(860, 760)
        self.refresh()

    def current_item(self) -> int | None:
        data = self.item.currentData()
        return int(data) if data is not None else None

    def refresh(self) -> None:
        number = self.current_item()
        rows = self.nominations.nominations(number) if number is not None else []
        self.table.setRowCount(len(rows))
        for row, nomination in enumerate(rows):
            status = self.tr("standing") if nomination.standing else self.tr("withdrawn")
            for column, value in enumerate((f"{nomination.name} ({nomination.member_number})", nomination.class_code,
                                            nomination.proposer, nomination.seconder, status)):
                self.table.setItem(row, column, QTableWidgetItem(value))
            self.table.setItem(row, PHOTO_COLUMN, self._photo_cell(nomination.photo_png))
        self.rows = rows

    def _photo_cell(self, photo: bytes | None) -> QTableWidgetItem:
        if not photo:
            return QTableWidgetItem(self.tr("none"))
        cell = QTableWidgetItem(self.tr("given"))
        pixmap = QPixmap()
        if pixmap.loadFromData(photo):
            cell.setIcon(QIcon(pixmap.scaled(TABLE_THUMBNAIL, Qt.AspectRatioMode.KeepAspectRatio,
                                             Qt.TransformationMode.SmoothTransformation)))
        return cell

    def use_photo(self, photo: bytes | None) -> None:
        """Hold the photo for the next nomination (or to give a candidate), or let go of it, and show it."""
        self.photo = photo
        pixmap = QPixmap()
        if photo and pixmap.loadFromData(photo):
            self.photo_view.setPixmap(pixmap.scaled(THUMBNAIL, Qt.AspectRatioMode.KeepAspectRatio,
                                                    Qt.TransformationMode.SmoothTransformation))
            self.photo_view.setAccessibleName(self.tr("The chosen photo"))
        else:
            self.photo_view.clear()
            self.photo_view.setText(self.tr("No photo"))
            self.photo_view.setAccessibleName(self.tr("No photo"))
        self.remove_photo_button.setEnabled(photo is not None)
        self.give_photo_button.setEnabled(photo is not None)

    def choose_photo(self) -> bool:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("The candidate's photo"), "",
                                              self.tr("Photos (*.png *.jpg *.jpeg)"))
        if not path:
            return False
        chosen: list[bytes] = []
        if not self._run(lambda: chosen.append(read_photo_file(Path(path)))):
            return False
        self.use_photo(chosen[0])
        self.banner.show_ok(arg(self.tr("Photo chosen: %1. Nominate, or give it to the candidate chosen in the "
                                        "table."), Path(path).name))
        return True

    def give_photo(self) -> None:
        """Give or replace the photo of a candidate already nominated; their statements stay as they are."""
        number, row = self.current_item(), self.table.currentRow()
        if number is None or self.photo is None or not 0 <= row < len(self.rows):
            self.banner.show_error(self.tr("Choose the candidate in the table to give the photo to."))
            return
        chosen, photo = self.rows[row], self.photo
        if self._run(lambda: self.nominations.set_statement(number, chosen.member_number, chosen.statement_cy,
                                                            chosen.statement_en, photo_png=photo)):
            self.banner.show_ok(arg(self.tr("Photo saved for %1."), chosen.name))
            self.use_photo(None)
            self.refresh()

    def _run(self, action: Callable[[], object]) -> bool:
        try:
            action()
        except (CoopvoteError, OSError) as error:
            self.banner.show_error(error)
            return False
        return True

    def nominate(self) -> None:
        number = self.current_item()
        if number is None:
            self.banner.show_error(self.tr("No election on the agenda takes nominations."))
            return
        when = self.received.date()
        received = date(when.year(), when.month(), when.day())
        if self._run(lambda: self.nominations.nominate(
            number, self.candidate.text().strip(), self.proposer.text().strip(), self.seconder.text().strip(),
            received_on=received, statement_cy=self.statement_cy.toPlainText(),
            statement_en=self.statement_en.toPlainText(), photo_png=self.photo,
        )):
            self.banner.show_ok(arg(self.tr("Nominated: %1."), self.candidate.text().strip()))
            for line in (self.candidate, self.proposer, self.seconder):
                line.clear()
            self.statement_cy.clear()
            self.statement_en.clear()
            self.use_photo(None)
            self.refresh()

    def withdraw(self) -> None:
        number, row = self.current_item(), self.table.currentRow()
        if number is None or not 0 <= row < len(self.rows):
            self.banner.show_error(self.tr("Choose the candidate who withdraws in the table."))
            return
        chosen = self.rows[row]
        if self._run(lambda: self.nominations.withdraw(number, chosen.member_number, self.reason.text())):
            self.banner.show_ok(arg(self.tr("Withdrawn: %1."), chosen.name))
            self.refresh()

    def close_nominations(self) -> None:
        number = self.current_item()
        if number is None:
            return
        try:
            closed = self.nominations.close(number)
        except CoopvoteError as error:
            self.banner.show_error(error)
            return
        order = ", ".join(closed.order)
        if closed.uncontested:
            # The code seals the seats as a close seals a vote: it stays up until the next message.
            self.banner.show_ok(arg(self.tr("Nominations closed. Elected unopposed, without a vote: %1. Close code: "
                                            "%2. Write it into the minutes by hand: it proves later that the record "
                                            "was not rewritten."), order, closed.close_code))
        else:
            self.banner.show_ok(arg(self.tr("Nominations closed. Ballot order: %1."), order))
        self.refresh()

    def print_booklet(self, easy_read: bool) -> Path | None:
        number = self.current_item()
        if number is None:
            return None
        from coopvote.reports.booklet import render_booklet

        name = f"item{number}-booklet{'-easy-read' if easy_read else ''}.pdf"
        target = self.folder / name

        def write() -> None:
            meeting = self.setup.meeting()
            self.folder.mkdir(parents=True, exist_ok=True)
            target.write_bytes(render_booklet(meeting, meeting.item(number), self.nominations.nominations(number),
                                              easy_read=easy_read))

        if self._run(write):
            self.banner.show_ok(arg(self.tr("Booklet written: %1"), str(target)))
            return target
        return None
