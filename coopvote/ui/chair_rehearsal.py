"""The rehearsal dialog the chair opens before the doors open: print the test deck, check its scans.

Two steps with the scanner in between, as on the day: print the marked deck (from a rehearsal copy of
the meeting, in a paper series the real vote refuses), let the tellers scan it on the meeting's scanner,
then choose the scanned files and check them. Each step runs off the UI thread (a deck of a hundred pages
takes a while to print and to read), with a progress bar and a Stop button; a stopped step leaves
nothing behind. The dialog shows the service's verdict and every problem it names; the rehearsal's rules
and its audit entry are the service's (``service/rehearsal.py``).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coopvote.service.rehearsal import PreparedRehearsal, RehearsalCancelled, RehearsalReport
from coopvote.ui.look import arg
from coopvote.ui.widgets import BackgroundJob, BigLabel, MessageBanner, run_in_background

if TYPE_CHECKING:
    from coopvote.service import RehearsalRole

STOPPED = "stopped"
"""What a step's work returns when the person stopped it (the service raised ``RehearsalCancelled``)."""


class _Relay(QObject):
    """Carries progress from the worker thread to the dialog (queued: the dialog lives in the UI thread)."""

    progress = Signal(int, int)


class RehearsalDialog(QDialog):
    def __init__(self, rehearsal: RehearsalRole, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rehearsal = rehearsal
        self.job: BackgroundJob | None = None
        self.stop_flag = threading.Event()
        self.relay = _Relay(self)
        self.relay.progress.connect(self._progress, Qt.ConnectionType.QueuedConnection)
        self.destroyed.connect(self.stop_flag.set)
        self.setObjectName("rehearsalDialog")
        self.setWindowTitle(self.tr("Rehearsal before the meeting"))
        self.banner = MessageBanner(self)
        self.explain = QLabel(self.tr(
            "The rehearsal prints a test deck: every item, class, value band and paper variant, marked clear, "
            "faint, spoilt, blank and over-voted, and vote slips for every resolution, two of them torn from one "
            "sheet. Scan it on the meeting's scanner, then check the scans: coopvote reads and counts them as it "
            "will on the day and compares every paper and every tally with the deck. The test papers can never "
            "count in the real vote, and the meeting is left as it was."
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
        self.bar = QProgressBar(self)
        self.bar.setObjectName("rehearsalProgress")
        self.bar.hide()
        self.stop_button = QPushButton(self.tr("S&top"), self)
        self.stop_button.setObjectName("stopRehearsal")
        self.stop_button.clicked.connect(self.stop)
        self.stop_button.hide()
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
        progress_row = QHBoxLayout()
        progress_row.addWidget(self.bar, 1)
        progress_row.addWidget(self.stop_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.explain)
        layout.addWidget(self.folder_label)
        layout.addWidget(self.folder)
        layout.addWidget(self.print_button)
        layout.addWidget(self.scans_label)
        layout.addLayout(scans_row)
        layout.addWidget(self.check_button)
        layout.addLayout(progress_row)
        layout.addWidget(self.verdict)
        layout.addWidget(self.problems, 100)
        layout.addStretch(1)  # while there are no problems to list, the space stays at the bottom
        layout.addWidget(buttons)
        self.resize(720, 600)

    @property
    def running(self) -> bool:
        return self.job is not None and self.job.running

    def _folder(self) -> Path:
        return Path(self.folder.text().strip())

    # -- running a step off the UI thread ------------------------------------------------------------

    def _start(self, work: Callable[[Callable[[int, int], None], Callable[[], bool]], Any],
               finished: Callable[[Any], None]) -> None:
        self.banner.hide()
        self.stop_flag.clear()
        relay, stop = self.relay, self.stop_flag

        def run() -> Any:
            try:
                return work(lambda done, total: relay.progress.emit(done, total), stop.is_set)
            except RehearsalCancelled:
                return STOPPED

        self.bar.setRange(0, 0)  # busy until the first page
        self.bar.show()
        self.stop_button.show()
        self.stop_button.setEnabled(True)
        self._set_running(True)
        self.job = run_in_background(run, self)
        self.job.finished.connect(finished)
        self.job.failed.connect(self._failed)
        self.job.done.connect(lambda: self._set_running(False))

    def _set_running(self, on: bool) -> None:
        for widget in (self.print_button, self.check_button, self.browse, self.folder, self.scans):
            widget.setEnabled(not on)
        if not on:
            self.stop_button.hide()
            self.bar.hide()

    def _progress(self, done: int, total: int) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        self.bar.setFormat(arg(self.tr("Page %1 of %2"), done, total))

    def stop(self) -> None:
        """Stop after the page in hand; the step then undoes itself."""
        self.stop_flag.set()
        self.stop_button.setEnabled(False)

    def reject(self) -> None:
        self.stop_flag.set()  # closing the dialog stops a step under way; it cleans up behind itself
        super().reject()

    def _failed(self, message: str) -> None:
        self.banner.show_error(message)

    # -- the two steps -------------------------------------------------------------------------------

    def print_deck(self) -> None:
        folder = self._folder()
        self._start(lambda progress, should_stop: self.rehearsal.prepare(
            folder, progress=progress, should_stop=should_stop), self._printed)

    def _printed(self, prepared: PreparedRehearsal | str) -> None:
        if prepared == STOPPED or not isinstance(prepared, PreparedRehearsal):
            self.banner.show_message(self.tr("Stopped: no test deck was printed and nothing was kept."), "warn")
            return
        self.scans.setText(str(prepared.deck) if not self.scans.text().strip() else self.scans.text())
        self.banner.show_message(arg(
            self.tr("Test deck printed: %1 (%2 pages, %3 of them vote slips). Print it, scan it, then check "
                    "the scans."),
            str(prepared.deck), prepared.pages, prepared.slip_pages,
        ), "info")

    def choose_scans(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("The scanned test deck"), str(self._folder()),
            self.tr("Scans (*.pdf *.png *.jpg *.jpeg *.tif *.tiff)"),
        )
        if files:
            self.scans.setText(";".join(files))

    def check_scans(self) -> None:
        folder = self._folder()
        files = [Path(part.strip()) for part in self.scans.text().split(";") if part.strip()]
        self._start(lambda progress, should_stop: self.rehearsal.check(
            folder, files, progress=progress, should_stop=should_stop), self._checked)

    def _checked(self, report: RehearsalReport | str) -> None:
        if report == STOPPED or not isinstance(report, RehearsalReport):
            self.banner.show_message(self.tr(
                "Stopped: nothing was recorded, and the test deck still waits for its scans."), "warn")
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
        self.problems.addItems([str(problem) for problem in report.problem_words] or report.problems)
        self.problems.setVisible(bool(report.problems))
