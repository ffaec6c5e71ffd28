"""Declarations and the exported record from the results page: made off the UI thread, shown, printed.

The declaration is the reports module's PDF, exactly as the command line prints it. The preview shows
its pages as pictures (rendered with pdfium in a worker thread); Save writes the PDF itself; Print
paints those pages onto whatever printer the person chooses (a QPrinter writing a PDF in tests). The
export archive is written by the export module in a worker thread; Cancel means no archive is left.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QRect, Qt, Signal
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from coopvote.errors import RecordError
from coopvote.ui.look import arg
from coopvote.ui.widgets import (
    QT_TRANSLATE_NOOP,
    BackgroundJob,
    MessageBanner,
    Retranslatable,
    run_in_background,
)

if TYPE_CHECKING:
    from coopvote.service import MeetingService

PREVIEW_DPI = 200
PDF_FILTER = QT_TRANSLATE_NOOP("DeclarationPanel", "PDF documents (*.pdf)")
ZIP_FILTER = QT_TRANSLATE_NOOP("ExportPanel", "coopvote archives (*.zip)")


@dataclass(frozen=True)
class RenderedPage:
    width: int
    height: int
    rgb: bytes

    def image(self) -> QImage:
        return QImage(self.rgb, self.width, self.height, self.width * 3, QImage.Format.Format_RGB888).copy()


@dataclass(frozen=True)
class Declaration:
    item: int | None  # None: the minutes extract
    pdf: bytes
    pages: tuple[RenderedPage, ...]
    declared: bool


def render_pages(pdf: bytes, dpi: int = PREVIEW_DPI) -> tuple[RenderedPage, ...]:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    try:
        pages = []
        for index in range(len(document)):
            image = document[index].render(scale=dpi / 72).to_pil().convert("RGB")
            pages.append(RenderedPage(image.width, image.height, image.tobytes()))
        return tuple(pages)
    finally:
        document.close()


def make_declaration(service: MeetingService, item: int | None) -> Declaration:
    """The declaration of one item (or the minutes when ``item`` is None), as PDF and page pictures."""
    from coopvote.export.archive import ballots_name, results_json
    from coopvote.export.content import collect, meeting_digest
    from coopvote.reports.declaration import render_declaration
    from coopvote.reports.minutes import render_minutes

    record = collect(service, None if item is None else [item], audit=False)
    if item is None:
        digest = meeting_digest(results_json(record), {ballots_name(i.number): i.csv_bytes for i in record.items})
        pdf = render_minutes(record, digest)
        declared = all(i.declaration for i in record.items)
    else:
        pdf = render_declaration(record, record.item(item))
        declared = record.item(item).declaration is not None
    return Declaration(item, pdf, render_pages(pdf), declared)


def print_pages(printer: QPrinter, pages: tuple[RenderedPage, ...]) -> int:
    """Paint the pages, one per sheet, scaled to fit the printable area; returns how many were printed."""
    painter = QPainter()
    if not painter.begin(printer):
        raise RecordError("app.printer_not_started")
    try:
        for number, page in enumerate(pages):
            if number:
                printer.newPage()
            image = page.image()
            area = painter.viewport()
            size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(area.x() + (area.width() - size.width()) // 2, area.y(), size.width(), size.height())
            painter.drawImage(target, image)
    finally:
        painter.end()
    return len(pages)


class DeclarationPanel(Retranslatable, QWidget):
    """Preview, save and print the declaration of the chosen item, or the minutes extract."""

    ready = Signal(object)  # Declaration

    def __init__(self, service: MeetingService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.item: int | None = None
        self.declaration: Declaration | None = None
        self.job: BackgroundJob | None = None
        self.banner = MessageBanner(self)
        self.preview_button = QPushButton(self)
        self.minutes_button = QPushButton(self)
        self.save_button = QPushButton(self)
        self.print_button = QPushButton(self)
        self.preview_button.clicked.connect(lambda: self.prepare(self.item))
        self.minutes_button.clicked.connect(lambda: self.prepare(None))
        self.save_button.clicked.connect(self.choose_file)
        self.print_button.clicked.connect(self.choose_printer)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.hide()
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        self.pages_widget = QWidget(self)
        self.pages_layout = QVBoxLayout(self.pages_widget)
        self.page_labels: list[QLabel] = []
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(self.pages_widget)
        buttons = QHBoxLayout()
        for button in (self.preview_button, self.minutes_button, self.save_button, self.print_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(buttons)
        layout.addWidget(self.busy)
        layout.addWidget(self.caption)
        layout.addWidget(self.scroll_area, 1)
        self._enable()
        self.retranslate()

    def set_item(self, number: int | None) -> None:
        if number != self.item:
            self.item = number
            self.clear()

    def clear(self) -> None:
        self.declaration = None
        for label in self.page_labels:
            label.deleteLater()
        self.page_labels = []
        self.retranslate()
        self._enable()

    def _enable(self) -> None:
        idle = self.job is None or not self.job.running
        self.preview_button.setEnabled(idle and self.item is not None)
        self.minutes_button.setEnabled(idle)
        self.save_button.setEnabled(idle and self.declaration is not None)
        self.print_button.setEnabled(idle and self.declaration is not None)

    def prepare(self, item: int | None) -> None:
        """Make the declaration (or minutes) in the background, then show its pages."""
        if self.job is not None and self.job.running:
            return
        self.clear()
        self.banner.hide()
        self.busy.show()
        service = self.service
        self.job = run_in_background(lambda: make_declaration(service, item), self)
        self.job.finished.connect(self._ready)
        self.job.failed.connect(self._failed)
        self.job.done.connect(self.busy.hide)
        self._enable()

    def _ready(self, declaration: Declaration) -> None:
        self.declaration = declaration
        for page in declaration.pages:
            label = QLabel(self.pages_widget)
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            pixmap = QPixmap.fromImage(page.image())
            label.setPixmap(pixmap.scaledToWidth(max(self.scroll_area.viewport().width() - 24, 480),
                                                 Qt.TransformationMode.SmoothTransformation))
            label.setFrameShape(QLabel.Shape.Box)
            self.pages_layout.addWidget(label)
            self.page_labels.append(label)
        self.retranslate()
        self._enable()
        self.ready.emit(declaration)

    def _failed(self, message: str) -> None:
        self.banner.show_error(message)
        self._enable()

    def choose_file(self) -> None:
        if self.declaration is None:
            return
        from PySide6.QtCore import QCoreApplication

        dialog = QFileDialog(self, self.tr("Save the declaration"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(QCoreApplication.translate("DeclarationPanel", PDF_FILTER))
        dialog.setDefaultSuffix("pdf")
        name = f"declaration-item-{self.declaration.item}.pdf" if self.declaration.item else "minutes.pdf"
        dialog.selectFile(name)
        dialog.fileSelected.connect(lambda path: self.save(Path(path)))
        dialog.open()

    def save(self, path: Path) -> bool:
        if self.declaration is None:
            return False
        try:
            path.write_bytes(self.declaration.pdf)
        except OSError as error:
            self.banner.show_error(arg(self.tr("%1 could not be written: %2"), str(path), error.strerror or str(error)))
            return False
        self.banner.show_ok(arg(self.tr("Saved %1."), str(path)))
        return True

    def choose_printer(self) -> None:
        if self.declaration is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.accepted.connect(lambda: self.print_to(printer))
        dialog.setModal(True)
        dialog.show()  # like open(): never exec(), the window keeps running
        self._print_dialog = dialog

    def print_to(self, printer: QPrinter) -> bool:
        if self.declaration is None:
            return False
        try:
            pages = print_pages(printer, self.declaration.pages)
        except RecordError as error:
            self.banner.show_error(error)
            return False
        self.banner.show_ok(arg(self.tr("Sent %1 page(s) to the printer."), pages))
        return True

    def retranslate(self) -> None:
        self.preview_button.setText(self.tr("Previe&w the declaration"))
        self.minutes_button.setText(self.tr("Preview the mi&nutes"))
        self.save_button.setText(self.tr("&Save as PDF…"))
        self.print_button.setText(self.tr("&Print…"))
        declaration = self.declaration
        if declaration is None:
            self.caption.setText(self.tr("Choose Preview to see the declaration as it will be printed."))
        elif declaration.item is None:
            self.caption.setText(arg(self.tr("Minutes extract: %1 page(s)."), len(declaration.pages)))
        elif declaration.declared:
            self.caption.setText(arg(self.tr("Declaration of item %1: %2 page(s)."), declaration.item,
                                     len(declaration.pages)))
        else:
            self.caption.setText(arg(self.tr("Item %1 is not declared yet: this declaration is marked provisional "
                                             "(%2 page(s))."), declaration.item, len(declaration.pages)))


class ExportPanel(Retranslatable, QWidget):
    """Export the whole record as one checkable archive, in the background, with Cancel."""

    exported = Signal(object)  # ExportSummary

    def __init__(self, service: MeetingService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.job: BackgroundJob | None = None
        self.cancelled = threading.Event()
        self.worker_done = threading.Event()  # set when the export thread has finished, cancelled or not
        self.summary: Any = None
        self.banner = MessageBanner(self)
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        self.export_button = QPushButton(self)
        self.cancel_button = QPushButton(self)
        self.export_button.clicked.connect(self.choose_file)
        self.cancel_button.clicked.connect(self.cancel)
        self.cancel_button.setEnabled(False)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.hide()
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.explanation)
        layout.addLayout(buttons)
        layout.addWidget(self.busy)
        layout.addWidget(self.status)
        layout.addStretch(1)
        self.retranslate()

    def meeting_file(self) -> Path | None:
        url = self.service.record.engine.url
        if url.get_backend_name() != "sqlite" or not url.database:
            return None
        return Path(url.database)

    def choose_file(self) -> None:
        from PySide6.QtCore import QCoreApplication

        dialog = QFileDialog(self, self.tr("Export the record"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(QCoreApplication.translate("ExportPanel", ZIP_FILTER))
        dialog.setDefaultSuffix("zip")
        meeting = self.meeting_file()
        if meeting is not None:
            dialog.selectFile(str(meeting.with_suffix(".zip")))
        dialog.fileSelected.connect(lambda path: self.export_to(Path(path)))
        dialog.open()

    def export_to(self, target: Path) -> bool:
        if self.job is not None and self.job.running:
            return False
        meeting = self.meeting_file()
        if meeting is None:
            self.banner.show_error(self.tr("Export works on a meeting file; copy a server meeting to a file first."))
            return False
        from coopvote.export.archive import export_meeting

        cancelled = self.cancelled
        cancelled.clear()
        finished = self.worker_done = threading.Event()

        def work() -> Any:
            try:
                summary = export_meeting(meeting, target)
                if cancelled.is_set():
                    target.unlink(missing_ok=True)  # cancelled: leave nothing half-wanted behind
                    if summary.private_path is not None:
                        summary.private_path.unlink(missing_ok=True)
                    return None
                return summary
            finally:
                finished.set()

        self.summary = None
        self.banner.hide()
        self.busy.show()
        self.status.setText(arg(self.tr("Exporting to %1…"), str(target)))
        self.export_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.job = run_in_background(work, self)
        self.job.finished.connect(self._done)
        self.job.failed.connect(self._failed)
        return True

    def cancel(self) -> None:
        self.cancelled.set()
        if self.job is not None:
            self.job.cancel()
        self._idle()
        self.status.setText(self.tr("Export cancelled: no archive is kept."))

    def _idle(self) -> None:
        self.busy.hide()
        self.export_button.setEnabled(True)
        self.cancel_button.setEnabled(False)

    def _done(self, summary: Any) -> None:
        self._idle()
        if summary is None:
            return
        from coopvote.export.content import short_code

        self.summary = summary
        text = arg(self.tr("Wrote %1 (%2 files, %3 bytes). Record verification code: %4"), str(summary.path),
                   summary.files, f"{summary.size:,}", short_code(summary.meeting_digest))
        self.status.setText(text)
        self.banner.show_ok(text)
        self.exported.emit(summary)

    def _failed(self, message: str) -> None:
        self._idle()
        self.status.setText(message)
        self.banner.show_error(message)

    def retranslate(self) -> None:
        self.explanation.setText(self.tr("The archive holds the results, every ballot as counted, the declarations, "
                                         "the minutes and the audit log, and can be checked on any computer with "
                                         "'coopvote verify'."))
        self.export_button.setText(self.tr("&Export the record…"))
        self.cancel_button.setText(self.tr("&Cancel"))
