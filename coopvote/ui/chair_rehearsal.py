"""The rehearsal dialog the chair opens before the doors open: print the test deck, check its scans.

Two steps with the scanner in between, as on the day: print the marked deck (from a rehearsal copy of
the meeting, in a paper series the real vote refuses), let the tellers scan it on the meeting's scanner,
then choose the scanned files and check them. The dialog shows the service's verdict and every problem
it names; the rehearsal's rules and its audit entry are the service's (``service/rehearsal.py``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coopvote.errors import CoopvoteError
from coopvote.ui.look import arg
from coopvote.ui.widgets import BigLabel, MessageBanner

if TYPE_CHECKING:
    from coopvote.service import RehearsalRole


class RehearsalDialog(QDialog):
    def __init__(self, rehearsal: RehearsalRole, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rehearsal = rehearsal
        self.setObjectName("rehearsalDialog")
        self.setWindowTitle(self.tr("Rehearsal before the meeting"))
        self.banner = MessageBanner(self)
        self.explain = QLabel(self.tr(
            "The rehearsal prints a test deck: every item, class and paper variant, marked clear, faint, spoilt, "
            "blank and over-voted. Scan it on the meeting's scanner, then check the scans: coopvote reads and "
            "counts them as it will on the day and compares every paper and every tally with the deck. The test "
            "papers can never count in the real vote, and the meeting is left as it was."
        ), self)
        self.explain.setWordWrap(True)
        self.folder_label = QLabel(self.tr("&Folder for the deck and its key:"), self)
        self.folder = QLineEdit(str(folder), self)
        self.folder.setObjectName("rehearsalFolder")
        self.folder_label.setBuddy(self.folder)
        self.print_button = QPushButton(self.tr("1. &Print the test deck"), self)
        self.print_button.setObjectName("printDeck")
        self.print_button.clicked.connect(self.print_deck)
        self.scans_label = QLabel(self.tr("&Scanned files (separate with ;):"), self)
        self.scans = QLineEdit(self)
        self.scans.setObjectName("rehearsalScans")
        self.scans_label.setBuddy(self.scans)
        self.browse = QPushButton(self.tr("&Choose…"), self)
        self.browse.clicked.connect(self.choose_scans)
        self.check_button = QPushButton(self.tr("2. Chec&k the scans"), self)
        self.check_button.setObjectName("checkScans")
        self.check_button.clicked.connect(self.check_scans)
        self.verdict = BigLabel(1.4, True, self)
        self.verdict.setObjectName("rehearsalVerdict")
        self.problems = QListWidget(self)
        self.problems.setObjectName("rehearsalProblems")
        self.problems.setWordWrap(True)
        self.problems.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        scans_row = QHBoxLayout()
        scans_row.addWidget(self.scans, 1)
        scans_row.addWidget(self.browse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.explain)
        layout.addWidget(self.folder_label)
        layout.addWidget(self.folder)
        layout.addWidget(self.print_button)
        layout.addWidget(self.scans_label)
        layout.addLayout(scans_row)
        layout.addWidget(self.check_button)
        layout.addWidget(self.verdict)
        layout.addWidget(self.problems, 100)
        layout.addStretch(1)  # while there are no problems to list, the space stays at the bottom
        layout.addWidget(buttons)
        self.resize(720, 560)

    def _folder(self) -> Path:
        return Path(self.folder.text().strip())

    def print_deck(self) -> None:
        self.banner.hide()
        try:
            prepared = self.rehearsal.prepare(self._folder())
        except (CoopvoteError, OSError) as error:
            self.banner.show_error(error)
            return
        self.scans.setText(str(prepared.deck) if not self.scans.text().strip() else self.scans.text())
        self.banner.show_message(arg(
            self.tr("Test deck printed: %1 (%2 pages). Print it, scan it, then check the scans."),
            str(prepared.deck), prepared.pages,
        ), "info")

    def choose_scans(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("The scanned test deck"), str(self._folder()),
            self.tr("Scans (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)"),
        )
        if files:
            self.scans.setText(";".join(files))

    def check_scans(self) -> None:
        self.banner.hide()
        files = [Path(part.strip()) for part in self.scans.text().split(";") if part.strip()]
        try:
            report = self.rehearsal.check(self._folder(), files)
        except (CoopvoteError, OSError) as error:
            self.banner.show_error(error)
            return
        if report.passed:
            words = arg(self.tr("The rehearsal passed: %1 test sheets read and counted as marked."), report.sheets)
            self.banner.show_ok(words)
        else:
            words = arg(self.tr("The rehearsal FAILED: %1 problems. Fix the set-up and rehearse again."),
                        len(report.problems))
            self.banner.show_error(words)
        self.verdict.setText(words)
        self.problems.clear()
        self.problems.addItems(report.problems)
        self.problems.setVisible(bool(report.problems))
