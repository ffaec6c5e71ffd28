"""Reading a folder of scanned sheets off the UI thread, with a progress bar and a Stop button.

``tellers.read_sheets`` runs in a worker thread (the shared SQLAlchemy engine gives it its own
connection); each page's outcome comes back to the window through a queued signal, so the bar moves
and the window keeps painting. Stop is honoured between pages: what was read is kept, nothing is lost.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coopvote.service.tellers import ScanSummary
from coopvote.service.views import ScanOutcome
from coopvote.ui.look import arg, pick
from coopvote.ui.widgets import (
    QT_TRANSLATE_NOOP,
    BackgroundJob,
    MessageBanner,
    Retranslatable,
    run_in_background,
)


class SheetReader(Protocol):
    """What reads a batch of scans: the tellers (room papers) or the advance papers' door."""

    def read_sheets(
        self,
        paths: Iterable[Path],
        *,
        progress: Callable[[int, ScanOutcome], None] | None = None,
        should_stop: Callable[[], bool] | None = None,
    ) -> ScanSummary: ...


SCAN_FILTER = QT_TRANSLATE_NOOP("BatchImportPanel", "Scans (*.png *.jpg *.jpeg *.tif *.tiff *.bmp *.gif *.webp *.pdf);;All files (*)")


def count_pages(paths: list[Path]) -> int:
    """How many pages the files hold (folders searched as the reader searches them), for the bar's length."""
    from coopvote.ballots.imaging import IMAGE_SUFFIXES, PDF_SUFFIXES

    total = 0
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in IMAGE_SUFFIXES | PDF_SUFFIXES)
        else:
            files.append(path)
    for file in files:
        try:
            with open(file, "rb") as handle:
                head = handle.read(5)
            if head == b"%PDF-" or file.suffix.lower() in PDF_SUFFIXES:
                import pypdfium2 as pdfium

                document = pdfium.PdfDocument(str(file))
                total += len(document)
                document.close()
            elif file.suffix.lower() in {".tif", ".tiff", ".gif", ".webp"}:
                from PIL import Image

                with Image.open(file) as image:
                    total += int(getattr(image, "n_frames", 1))
            else:
                total += 1
        except Exception:  # noqa: BLE001 - the reader will say what is wrong with the file
            total += 1
    return total


class _Relay(QObject):
    """Carries progress from the worker thread to the window (queued: the receiver lives in the UI thread)."""

    total = Signal(int)
    page = Signal(int, object)


class BatchImportPanel(Retranslatable, QWidget):
    finished = Signal(object)  # ScanSummary

    def __init__(self, tellers: SheetReader, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tellers = tellers
        self.job: BackgroundJob | None = None
        self.stop_flag = threading.Event()
        self.summary: ScanSummary | None = None
        self.seen: Counter[str] = Counter()
        self.setAcceptDrops(True)  # scans can be dropped here from the file manager
        self.destroyed.connect(self.stop_flag.set)  # the meeting was closed: stop reading into it
        self.relay = _Relay(self)
        self.relay.total.connect(self._total, Qt.ConnectionType.QueuedConnection)
        self.relay.page.connect(self._page, Qt.ConnectionType.QueuedConnection)

        self.banner = MessageBanner(self)
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        self.choose_files_button = QPushButton(self)
        self.choose_folder_button = QPushButton(self)
        self.stop_button = QPushButton(self)
        self.choose_files_button.clicked.connect(self.choose_files)
        self.choose_folder_button.clicked.connect(self.choose_folder)
        self.stop_button.clicked.connect(self.stop)
        self.stop_button.setEnabled(False)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 1)
        self.bar.setValue(0)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.log = QListWidget(self)
        self.log.setObjectName("scanLog")
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose_files_button)
        buttons.addWidget(self.choose_folder_button)
        buttons.addWidget(self.stop_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.explanation)
        layout.addLayout(buttons)
        layout.addWidget(self.bar)
        layout.addWidget(self.status)
        layout.addWidget(self.log, 1)
        self.retranslate()

    # -- files dropped from the file manager ---------------------------------------------------------

    @staticmethod
    def _dropped(event: Any) -> list[Path]:
        mime = event.mimeData()
        if mime is None or not mime.hasUrls():
            return []
        return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]

    def dragEnterEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        if self._dropped(event) and not self.running:
            event.acceptProposedAction()

    def dropEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        paths = self._dropped(event)
        if paths and self.start(paths):
            event.acceptProposedAction()

    @property
    def running(self) -> bool:
        return self.job is not None and self.job.running

    def choose_files(self) -> None:
        dialog = QFileDialog(self, self.tr("Scanned sheets to read"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setNameFilter(QCoreApplication.translate("BatchImportPanel", SCAN_FILTER))
        dialog.filesSelected.connect(lambda files: self.start([Path(f) for f in files]))
        dialog.open()

    def choose_folder(self) -> None:
        dialog = QFileDialog(self, self.tr("A folder of scanned sheets"))
        dialog.setFileMode(QFileDialog.FileMode.Directory)
        dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
        dialog.fileSelected.connect(lambda folder: self.start([Path(folder)]))
        dialog.open()

    def start(self, paths: list[Path]) -> bool:
        """Read these files and folders in the background; False if a batch is already being read."""
        if self.running or not paths:
            return False
        self.stop_flag.clear()
        self.summary = None
        self.seen.clear()
        self.log.clear()
        self.banner.hide()
        self.bar.setRange(0, 0)  # busy until the pages are counted
        self.bar.setValue(0)
        self.status.setText(self.tr("Counting the pages…"))
        self._set_running(True)
        relay = self.relay
        tellers = self.tellers
        stop = self.stop_flag

        def work() -> ScanSummary:
            relay.total.emit(count_pages(paths))
            return tellers.read_sheets(paths, progress=lambda n, outcome: relay.page.emit(n, outcome),
                                       should_stop=stop.is_set)

        self.job = run_in_background(work, self)
        self.job.finished.connect(self._finished)
        self.job.failed.connect(self._failed)
        return True

    def stop(self) -> None:
        """Stop after the page being read; what was read stays recorded."""
        self.stop_flag.set()
        self.stop_button.setEnabled(False)
        self.status.setText(self.tr("Stopping after this page…"))

    def _set_running(self, on: bool) -> None:
        self.choose_files_button.setEnabled(not on)
        self.choose_folder_button.setEnabled(not on)
        self.stop_button.setEnabled(on)

    def _total(self, pages: int) -> None:
        self.bar.setRange(0, max(pages, 1))
        self.status.setText(arg(self.tr("Reading %1 page(s)…"), pages))

    def _page(self, number: int, outcome: ScanOutcome) -> None:
        if number > self.bar.maximum():
            self.bar.setMaximum(number)
        self.bar.setValue(number)
        kind = "counted" if outcome.accepted else ("queued" if outcome.reason == "queued" else "refused")
        self.seen[kind] += 1
        message = pick(cy=outcome.message_cy, en=outcome.message_en)
        self.log.addItem(arg(self.tr("Page %1: %2"), number, message))
        self.log.scrollToBottom()
        self.status.setText(arg(self.tr("Page %1 of %2: %3 counted, %4 set aside for adjudication, %5 refused."),
                                number, self.bar.maximum(), self.seen["counted"], self.seen["queued"], self.seen["refused"]))

    def _finished(self, summary: ScanSummary) -> None:
        self.summary = summary
        self._set_running(False)
        self.bar.setRange(0, max(summary.pages, 1))
        self.bar.setValue(summary.pages)
        refused = sum(summary.refused.values())
        text = arg(self.tr("%1 page(s) read: %2 counted, %3 set aside for adjudication, %4 refused."),
                   summary.pages, summary.accepted, summary.queued, refused)
        if summary.cancelled:
            text = arg(self.tr("Stopped. %1"), text)
        self.status.setText(text)
        if refused or summary.queued or summary.cancelled:
            self.banner.show_message(text, "warn")
        else:
            self.banner.show_ok(text)
        self.finished.emit(summary)

    def _failed(self, message: str) -> None:
        self._set_running(False)
        self.bar.setRange(0, 1)
        self.status.setText(message)
        self.banner.show_error(message)

    def retranslate(self) -> None:
        self.explanation.setText(self.tr("Read a batch of scanned ballot papers (images or PDF). Clear papers are "
                                         "counted; doubtful ones go to the adjudication queue with their picture."))
        self.choose_files_button.setText(self.tr("Read scanned f&iles…"))
        self.choose_folder_button.setText(self.tr("Read a f&older…"))
        self.stop_button.setText(self.tr("S&top"))
