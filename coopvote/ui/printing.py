"""Printing ballot papers, vote slips, packs and membership cards from the app, with a preview.

Until now only the command line printed papers, so a secretary on Windows had to use it. This dialog
does the same through the papers role (``print_papers``, ``print_packs``, ``print_membership_cards``):
choose what, which item, class and version, and how many; the count is checked against the members of
the class who may vote (``service.print_checks``) before anything is allocated. *Prepare* writes the
PDF to a private temporary folder in the background, the pages are shown one at a time (rendered by
pdfium as they are looked at, so a thousand papers cost no more than one), then *Print…* or *Save as
PDF…*. The temporary file holds the papers in their shuffled order, which with the desk's order of issue
could pair members with serials, so it is deleted when the dialog closes.
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QRect, Qt, Signal
from PySide6.QtGui import QCloseEvent, QImage, QPainter, QPixmap, QResizeEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from coopvote.errors import RecordError
from coopvote.service.print_checks import SERVICE_LIMIT, CountCheck, check_count
from coopvote.ui.help import add_help_key, show_guide
from coopvote.ui.look import arg, pick
from coopvote.ui.widgets import QT_TRANSLATE_NOOP, BackgroundJob, MessageBanner, Retranslatable

if TYPE_CHECKING:
    from coopvote.service.papers import PapersRole
    from coopvote.service.setup import SetupRole
    from coopvote.service.views import ClassView, ItemView

PREVIEW_DPI = 100
PRINT_DPI = 300
KINDS = ("papers", "slips", "packs", "cards")
KIND_LABELS = (
    QT_TRANSLATE_NOOP("PrintingDialog", "Ballot papers for one item"),
    QT_TRANSLATE_NOOP("PrintingDialog", "Vote slips for one resolution"),
    QT_TRANSLATE_NOOP("PrintingDialog", "Packs: one paper for each item still to be voted on"),
    QT_TRANSLATE_NOOP("PrintingDialog", "Membership cards for every member who may vote"),
)
VARIANTS = ("standard", "easy-read", "large-print")
VARIANT_LABELS = (QT_TRANSLATE_NOOP("PrintingDialog", "Standard"),
                  QT_TRANSLATE_NOOP("PrintingDialog", "Easy read"),
                  QT_TRANSLATE_NOOP("PrintingDialog", "Large print"))
PDF_FILTER = QT_TRANSLATE_NOOP("PrintingDialog", "PDF documents (*.pdf)")


@dataclass(frozen=True)
class PrintRequest:
    kind: str
    item: int | None
    class_code: str | None
    variant: str
    page_size: str
    count: int


@dataclass(frozen=True)
class Prepared:
    request: PrintRequest
    path: Path
    pages: int
    copies: int  # papers, packs, sets of slips or cards


def prepare(papers: PapersRole, request: PrintRequest, folder: Path) -> Prepared:
    """Run the papers role for the request, writing the PDF into ``folder`` (off the UI thread)."""
    out = folder / f"{request.kind}.pdf"
    if request.kind == "cards":
        cards = papers.print_membership_cards(out, request.page_size)
        return Prepared(request, out, page_count(out), cards)
    assert request.class_code is not None
    if request.kind == "packs":
        runs = papers.print_packs(request.class_code, request.count, out, variant=request.variant,
                                  page_size=request.page_size)
        return Prepared(request, out, runs[0].pages, request.count)
    assert request.item is not None
    run = papers.print_papers(request.item, request.class_code, request.count, out,
                              kind="slips" if request.kind == "slips" else "paper", variant=request.variant,
                              page_size=request.page_size)
    return Prepared(request, out, run.pages, request.count)


def page_count(path: Path) -> int:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    try:
        return len(document)
    finally:
        document.close()


def render_page(path: Path, index: int, dpi: int = PREVIEW_DPI) -> QImage:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(path))
    try:
        image = document[index].render(scale=dpi / 72).to_pil().convert("RGB")
    finally:
        document.close()
    return QImage(image.tobytes(), image.width, image.height, image.width * 3, QImage.Format.Format_RGB888).copy()


def print_pdf(printer: QPrinter, path: Path, dpi: int = PRINT_DPI) -> int:
    """Paint every page of the PDF on the printer, scaled to its printable area; returns the pages sent."""
    import pypdfium2 as pdfium

    painter = QPainter()
    if not painter.begin(printer):
        raise RecordError("app.printer_not_started")
    document = pdfium.PdfDocument(str(path))
    try:
        for index in range(len(document)):
            if index:
                printer.newPage()
            bitmap = document[index].render(scale=dpi / 72).to_pil().convert("RGB")
            image = QImage(bitmap.tobytes(), bitmap.width, bitmap.height, bitmap.width * 3,
                           QImage.Format.Format_RGB888)
            area = painter.viewport()
            size = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(area.x() + (area.width() - size.width()) // 2, area.y(), size.width(),
                                    size.height()), image)
        return len(document)
    finally:
        document.close()
        painter.end()


class PrintingDialog(Retranslatable, QDialog):
    """Choose, check, prepare, preview, then print or save: papers, slips, packs or membership cards."""

    prepared = Signal(object)  # Prepared

    def __init__(self, setup: SetupRole, papers: PapersRole, parent: QWidget | None = None,
                 kind: str = "papers") -> None:
        super().__init__(parent)
        self.setup = setup
        self.papers = papers
        self.result_file: Prepared | None = None
        self.page = 0
        self.job: BackgroundJob | None = None
        self._page_image: QImage | None = None
        self.folder = Path(tempfile.mkdtemp(prefix="coopvote-print-"))
        meeting = setup.meeting()
        self.classes: tuple[ClassView, ...] = meeting.classes
        self.items: tuple[ItemView, ...] = tuple(i for i in meeting.items if i.status in {"pending", "open"})

        self.banner = MessageBanner(self)
        self.kind, self.item, self.klass, self.variant, self.page_size = (QComboBox(self) for _ in range(5))
        for key in KINDS:
            self.kind.addItem("", key)
        for key in VARIANTS:
            self.variant.addItem("", key)
        for size in ("A4", "Letter"):
            self.page_size.addItem(size, size)
        for cls in self.classes:
            self.klass.addItem("", cls.code)
        self.count = QSpinBox(self)
        self.count.setRange(0, SERVICE_LIMIT)
        self.check_label = QLabel(self)
        self.check_label.setWordWrap(True)
        self.labels = {key: QLabel(self) for key in ("kind", "item", "class", "variant", "page_size", "count")}
        form = QFormLayout()
        for key, field in (("kind", self.kind), ("item", self.item), ("class", self.klass),
                           ("variant", self.variant), ("page_size", self.page_size), ("count", self.count)):
            self.labels[key].setBuddy(field)
            form.addRow(self.labels[key], field)
        form.addRow(self.check_label)
        self.prepare_button = QPushButton(self)
        self.prepare_button.clicked.connect(self.prepare)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.hide()
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(self.prepare_button)
        left.addWidget(self.busy)
        left.addStretch(1)

        self.page_label = QLabel(self)
        self.picture = QLabel(self)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages_area = QScrollArea(self)
        self.pages_area.setWidget(self.picture)
        self.pages_area.setWidgetResizable(True)
        self.previous_button, self.next_button = QPushButton(self), QPushButton(self)
        self.previous_button.clicked.connect(lambda: self.show_page(self.page - 1))
        self.next_button.clicked.connect(lambda: self.show_page(self.page + 1))
        self.print_button, self.save_button, self.close_button = QPushButton(self), QPushButton(self), QPushButton(self)
        self.print_button.clicked.connect(self.choose_printer)
        self.save_button.clicked.connect(self.choose_file)
        self.close_button.clicked.connect(self.close)
        paging = QHBoxLayout()
        paging.addWidget(self.previous_button)
        paging.addWidget(self.page_label, 1, Qt.AlignmentFlag.AlignCenter)
        paging.addWidget(self.next_button)
        finish = QHBoxLayout()
        finish.addWidget(self.print_button)
        finish.addWidget(self.save_button)
        finish.addStretch(1)
        finish.addWidget(self.close_button)
        right = QVBoxLayout()
        right.addWidget(self.pages_area, 1)
        right.addLayout(paging)
        right.addLayout(finish)
        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addLayout(right, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(body, 1)

        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.klass.currentIndexChanged.connect(self._suggest)
        self.item.currentIndexChanged.connect(self._check)
        self.count.valueChanged.connect(self._check)
        self.guide: QWidget | None = None
        add_help_key(self, self.show_help)
        self.retranslate()
        self.kind.setCurrentIndex(KINDS.index(kind))
        self._kind_changed()
        self._show_nothing()
        self.resize(1000, 720)

    def show_help(self) -> QWidget:
        self.guide = show_guide("printing", self, self.guide)
        return self.guide

    # -- choosing and checking ----------------------------------------------------------------------

    def request(self) -> PrintRequest:
        return PrintRequest(str(self.kind.currentData()), self.item.currentData(), self.klass.currentData(),
                            str(self.variant.currentData()), str(self.page_size.currentData()), self.count.value())

    def current_class(self) -> ClassView | None:
        code = self.klass.currentData()
        return next((c for c in self.classes if c.code == code), None)

    def _kind_changed(self) -> None:
        kind = self.kind.currentData()
        self._fill_items()
        for key, widget in (("item", self.item), ("class", self.klass), ("variant", self.variant),
                            ("count", self.count)):
            shown = kind != "cards" and (key != "item" or kind in {"papers", "slips"})
            widget.setVisible(shown)
            self.labels[key].setVisible(shown)
        self._suggest()

    def _fill_items(self) -> None:
        """The items that can still be printed for (resolutions only, for vote slips), in the language in use."""
        kind = self.kind.currentData()
        current = self.item.currentData()
        self.item.blockSignals(True)
        self.item.clear()
        for item in self.items:
            if kind == "slips" and item.kind != "resolution":
                continue
            title = pick(cy=item.title_cy, en=item.title_en)
            self.item.addItem(arg(self.tr("%1. %2"), item.number, title), item.number)
        if current is not None and self.item.findData(current) >= 0:
            self.item.setCurrentIndex(self.item.findData(current))
        self.item.blockSignals(False)

    def _suggest(self) -> None:
        cls = self.current_class()
        if cls is not None:
            self.count.setValue(check_count(cls.code, cls.eligible, 1).suggested)
        self._check()

    def count_check(self) -> CountCheck | None:
        """The check of the chosen count, or None when the choice has no count (cards)."""
        cls = self.current_class()
        kind = self.kind.currentData()
        if kind == "cards" or cls is None:
            return None
        what = {"papers": ("papur", "papers"), "slips": ("set o slipiau", "sets of slips"),
                "packs": ("pecyn", "packs")}[str(kind)]
        return check_count(cls.code, cls.eligible, self.count.value(), what_en=what[1], what_cy=what[0])

    def _check(self) -> bool:
        """Say what the register says about the count; returns whether Prepare may run."""
        kind = self.kind.currentData()
        problems: list[str] = []
        allowed = True
        if kind in {"papers", "slips"} and self.item.count() == 0:
            problems.append(self.tr("No item is waiting for its vote: there is nothing to print."))
            allowed = False
        if kind != "cards" and not self.classes:
            allowed = False
        check = self.count_check()
        if check is not None:
            if check.refusal is not None:
                problems.append(pick(check.refusal))
                allowed = False
            problems += [pick(warning) for warning in check.warnings]
        cls = self.current_class()
        if kind != "cards" and cls is not None and not problems:
            problems.append(arg(self.tr("%1 members of class %2 may vote."), cls.eligible, cls.code))
        self.check_label.setText("\n".join(problems))
        busy = self.job is not None and self.job.running
        self.prepare_button.setEnabled(allowed and not busy)
        return allowed

    # -- preparing and showing ----------------------------------------------------------------------

    def prepare(self) -> BackgroundJob | None:
        """Allocate and write the papers off the UI thread; the preview follows."""
        if not self._check() or (self.job is not None and self.job.running):
            return None
        request = self.request()
        folder = self.folder
        folder.mkdir(parents=True, exist_ok=True)
        self.banner.hide()
        self.busy.show()
        self.prepare_button.setEnabled(False)
        job = BackgroundJob(lambda: prepare(self.papers, request, folder), self)
        job.finished.connect(self._prepared)
        job.failed.connect(self._failed)
        self.job = job
        job.start()
        return job

    def _prepared(self, prepared: Prepared) -> None:
        self.busy.hide()
        self.result_file = prepared
        self._check()
        self.show_page(0)
        if prepared.request.kind == "cards":
            text = arg(self.tr("%1 membership cards are ready: %2 page(s)."), prepared.copies, prepared.pages)
        else:
            text = arg(self.tr("%1 ready for class %2: %3 page(s). They are now in the record as printed; "
                               "print them, or keep the PDF with the returning officer."),
                       self._what(prepared.request), prepared.request.class_code or "", prepared.pages)
        self.banner.show_ok(text)
        self.prepared.emit(prepared)

    def _what(self, request: PrintRequest) -> str:
        if request.kind == "packs":
            return arg(self.tr("%1 packs"), request.count)
        if request.kind == "slips":
            return arg(self.tr("%1 sets of vote slips for item %2"), request.count, request.item or "")
        return arg(self.tr("%1 ballot papers for item %2"), request.count, request.item or "")

    def _failed(self, message: str) -> None:
        self.busy.hide()
        self.banner.show_error(message)
        self._check()

    def _show_nothing(self) -> None:
        self.picture.setPixmap(QPixmap())
        self.picture.setText(self.tr("Choose what to print, then press Prepare to see the pages."))
        self.page_label.clear()
        for button in (self.previous_button, self.next_button, self.print_button, self.save_button):
            button.setEnabled(False)

    def show_page(self, index: int) -> None:
        prepared = self.result_file
        if prepared is None or prepared.pages == 0:
            self._show_nothing()
            return
        self.page = max(0, min(index, prepared.pages - 1))
        self.picture.setText("")
        self._page_image = render_page(prepared.path, self.page, PREVIEW_DPI * 2)
        self._fit_page()
        self.page_label.setText(arg(self.tr("Page %1 of %2"), self.page + 1, prepared.pages))
        self.previous_button.setEnabled(self.page > 0)
        self.next_button.setEnabled(self.page < prepared.pages - 1)
        self.print_button.setEnabled(True)
        self.save_button.setEnabled(True)

    def _fit_page(self) -> None:
        """The whole width of the page in view, so a person can read it without scrolling sideways."""
        image = getattr(self, "_page_image", None)
        if image is None or self.result_file is None:
            return
        width = max(200, self.pages_area.viewport().width() - 8)
        self.picture.setPixmap(QPixmap.fromImage(image.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit_page()

    # -- printing and saving ------------------------------------------------------------------------

    def choose_printer(self) -> QPrintDialog | None:
        if self.result_file is None:
            return None
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        dialog.accepted.connect(lambda: self.print_to(printer))
        dialog.setModal(True)
        dialog.show()  # never exec(): the window keeps running
        self._print_dialog = dialog
        return dialog

    def print_to(self, printer: QPrinter) -> bool:
        if self.result_file is None:
            return False
        try:
            pages = print_pdf(printer, self.result_file.path)
        except RecordError as error:
            self.banner.show_error(error)
            return False
        self.banner.show_ok(arg(self.tr("Sent %1 page(s) to the printer."), pages))
        return True

    def choose_file(self) -> QFileDialog | None:
        if self.result_file is None:
            return None
        dialog = QFileDialog(self, self.tr("Save the papers as PDF"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilter(QCoreApplication.translate("PrintingDialog", PDF_FILTER))
        dialog.setDefaultSuffix("pdf")
        request = self.result_file.request
        parts = [request.kind] + ([f"item-{request.item}"] if request.kind in {"papers", "slips"} else [])
        parts += [request.class_code] if request.class_code and request.kind != "cards" else []
        dialog.selectFile("-".join(str(p) for p in parts) + ".pdf")
        dialog.fileSelected.connect(lambda path: self.save(Path(path)))
        dialog.open()
        return dialog

    def save(self, path: Path) -> bool:
        if self.result_file is None:
            return False
        try:
            shutil.copyfile(self.result_file.path, path)
        except OSError as error:
            self.banner.show_error(arg(self.tr("%1 could not be written: %2"), str(path), error.strerror or str(error)))
            return False
        self.banner.show_ok(arg(self.tr("Saved %1. Delete it once the papers are printed: its page order "
                                        "could tie papers to members."), str(path)))
        return True

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self.discard()
        super().closeEvent(event)

    def done(self, result: int) -> None:
        self.discard()
        super().done(result)

    def discard(self) -> None:
        """Delete the temporary PDF: its page order is the shuffled order of the serials."""
        if self.job is not None and self.job.running:
            return  # the worker is still writing there; the folder goes with the next close
        shutil.rmtree(self.folder, ignore_errors=True)
        self.result_file = None
        self._page_image = None

    # -- words ----------------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Print papers, packs and cards"))
        for index, label in enumerate(KIND_LABELS):
            self.kind.setItemText(index, QCoreApplication.translate("PrintingDialog", label))
        for index, label in enumerate(VARIANT_LABELS):
            self.variant.setItemText(index, QCoreApplication.translate("PrintingDialog", label))
        for index, cls in enumerate(self.classes):
            self.klass.setItemText(index, arg(self.tr("%1 – %2 (%3 may vote)"), cls.code,
                                              pick(cy=cls.name_cy, en=cls.name_en), cls.eligible))
        texts = {"kind": self.tr("&What to print:"), "item": self.tr("&Item:"), "class": self.tr("&Class:"),
                 "variant": self.tr("&Version:"), "page_size": self.tr("Page si&ze:"), "count": self.tr("How &many:")}
        for key, text in texts.items():
            self.labels[key].setText(text)
            self.labels[key].buddy().setAccessibleName(text.replace("&", "").rstrip(":"))
        self.prepare_button.setText(self.tr("P&repare"))
        self.previous_button.setText(self.tr("Previous pa&ge"))
        self.next_button.setText(self.tr("Ne&xt page"))
        self.print_button.setText(self.tr("&Print…"))
        self.save_button.setText(self.tr("&Save as PDF…"))
        self.close_button.setText(self.tr("Close"))
        self.picture.setAccessibleName(self.tr("Preview of the page"))
        if self.result_file is None:
            self.picture.setText(self.tr("Choose what to print, then press Prepare to see the pages."))
        self._fill_items()
        self._check()


def open_printing(setup: SetupRole, papers: PapersRole, parent: QWidget, kind: str = "papers") -> PrintingDialog:
    dialog = PrintingDialog(setup, papers, parent, kind)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog

