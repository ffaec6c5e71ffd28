"""The new-meeting wizard's agenda and register pages.

The register page reads the file with ``coopvote.register.importer`` off the UI thread (a 50,000-row
register takes a moment) and lists every bad row with its line, as the core reports it, so the file
can be fixed in one pass and checked again before anything is created.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from coopvote.meeting.presets import item_fragment, preset
from coopvote.ui.look import arg, pick
from coopvote.ui.widgets import BackgroundJob, MessageBanner, Retranslatable
from coopvote.ui.wizard_confirms import ConfirmsFields
from coopvote.ui.wizard_spec import (
    METHODS,
    RESOLUTION_PRESETS,
    THRESHOLDS,
    ItemRow,
    WizardData,
    candidates_text,
    parse_candidates,
)

PREVIEW_ROWS = 200


def combo_labels(combo: QComboBox, keys: Sequence[str], labels: Sequence[str]) -> None:
    """Fill a combo with translated labels over fixed keys, keeping the choice across a language switch."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for key, label in zip(keys, labels, strict=True):
        combo.addItem(label, key)
    index = combo.findData(current) if current is not None else 0
    combo.setCurrentIndex(max(index, 0))
    combo.blockSignals(False)


def preset_words(widget: QWidget, key: str) -> str:
    """A preset's explanation, Welsh first then English whatever the app's language, and its source."""
    if not key:
        return ""
    chosen = preset(key)
    source = arg(widget.tr("Source: %1"), chosen.source)
    return f"{chosen.explain_cy}\n{chosen.explain_en}\n{source}"


class _Page(Retranslatable, QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.banner = MessageBanner(self)
        self.outer = QVBoxLayout(self)
        self.outer.addWidget(self.banner)


class AgendaPage(_Page):
    """Items in order: resolutions (threshold, special, by head) and elections (method, seats, candidates)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items: list[ItemRow] = []
        self._loading = False
        self.list = QListWidget(self)
        self.add_resolution, self.add_election, self.remove = QPushButton(self), QPushButton(self), QPushButton(self)
        self.add_resolution.clicked.connect(lambda: self.add_item(ItemRow(kind="resolution")))
        self.add_election.clicked.connect(lambda: self.add_item(ItemRow(kind="election", seats=1)))
        self.remove.clicked.connect(self._remove)
        self.title_cy, self.title_en = QLineEdit(self), QLineEdit(self)
        self.special, self.by_head = QCheckBox(self), QCheckBox(self)
        self.threshold, self.method = QComboBox(self), QComboBox(self)
        self.preset = QComboBox(self)
        self.preset.setObjectName("resolutionPreset")
        self.preset_help = QLabel(self)
        self.preset_help.setWordWrap(True)
        self.confirms = ConfirmsFields(self)
        self.seats = QSpinBox(self)
        self.seats.setRange(1, 100)
        self.candidates = QPlainTextEdit(self)
        self.candidates.setTabChangesFocus(True)
        self.reserved = QTableWidget(0, 3, self)
        self.reserved.verticalHeader().hide()
        self.reserved.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.labels = {key: QLabel(self) for key in ("title_cy", "title_en", "preset", "threshold", "method", "seats",
                                                     "candidates", "reserved")}
        form = QFormLayout()
        self.form = form
        for key, field in (("title_cy", self.title_cy), ("title_en", self.title_en), ("preset", self.preset),
                           ("threshold", self.threshold),
                           ("method", self.method), ("seats", self.seats), ("candidates", self.candidates),
                           ("reserved", self.reserved)):
            self.labels[key].setBuddy(field)
            form.addRow(self.labels[key], field)
            if key == "preset":
                form.addRow("", self.preset_help)
                form.addRow(self.confirms)
            if key == "threshold":
                form.addRow("", self.special)
                form.addRow("", self.by_head)
        buttons = QVBoxLayout()
        buttons.addWidget(self.list, 1)
        row = QHBoxLayout()
        for button in (self.add_resolution, self.add_election, self.remove):
            row.addWidget(button)
        buttons.addLayout(row)
        body = QHBoxLayout()
        body.addLayout(buttons, 2)
        body.addLayout(form, 3)
        self.outer.addLayout(body, 1)
        self.list.currentRowChanged.connect(self._load)
        for line in (self.title_cy, self.title_en):
            line.textEdited.connect(self._store)
        self.candidates.textChanged.connect(self._store)
        self.special.toggled.connect(self._special_toggled)
        self.by_head.toggled.connect(self._store)
        self.threshold.currentIndexChanged.connect(self._store)
        self.preset.currentIndexChanged.connect(self._preset_changed)
        self.confirms.changed.connect(self._store)
        self.method.currentIndexChanged.connect(self._store)
        self.seats.valueChanged.connect(self._store)
        self.reserved.itemChanged.connect(self._store)
        self.retranslate()
        self._load(-1)

    def retranslate(self) -> None:
        self.setTitle(self.tr("Agenda"))
        self.setSubTitle(self.tr("The resolutions and elections members vote on, in order."))
        self.list.setAccessibleName(self.tr("Agenda items"))
        self.add_resolution.setText(self.tr("Add &resolution"))
        self.add_election.setText(self.tr("Add &election"))
        self.remove.setText(self.tr("Remove &item"))
        texts = {"title_cy": self.tr("Title in &Welsh:"), "title_en": self.tr("Title in Eng&lish:"),
                 "preset": self.tr("R&ules preset:"),
                 "threshold": self.tr("Carried when &For is:"), "method": self.tr("Counting &method:"),
                 "seats": self.tr("&Seats:"), "candidates": self.tr("&Candidates (one a line; “Name | CLASS”):"),
                 "reserved": self.tr("Seats per class:")}
        for key, text in texts.items():
            self.labels[key].setText(text)
            self.labels[key].buddy().setAccessibleName(text.replace("&", "").rstrip(":"))
        self.special.setText(self.tr("S&pecial resolution"))
        self.by_head.setText(self.tr("Counted by &head (one member, one vote)"))
        combo_labels(self.threshold, THRESHOLDS, [self.tr("more than half"), self.tr("at least two thirds"),
                                                  self.tr("at least three quarters")])
        combo_labels(self.preset, ("", *RESOLUTION_PRESETS),
                     [self.tr("None: choose the threshold below"),
                      *(pick(cy=preset(key).name_cy, en=preset(key).name_en) for key in RESOLUTION_PRESETS)])
        combo_labels(self.method, METHODS, [self.tr("Single transferable vote (Scottish STV)"),
                                            self.tr("Single transferable vote (Meek)"),
                                            self.tr("Single transferable vote (weighted inclusive Gregory)"),
                                            self.tr("Alternative vote (instant runoff)"),
                                            self.tr("First past the post"), self.tr("Block vote"),
                                            self.tr("Approval vote")])
        self.reserved.setHorizontalHeaderLabels([self.tr("Class"), self.tr("At least"), self.tr("At most")])
        self._refresh_list()

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        self._load(self.list.currentRow())

    def _classes(self) -> list[str]:
        wizard = self.wizard()
        collect = getattr(wizard, "classes", None)
        return [row.code for row in collect.rows()] if collect is not None else []

    def add_item(self, item: ItemRow) -> None:
        self.items.append(item)
        self._refresh_list()
        self.list.setCurrentRow(len(self.items) - 1)
        self.title_cy.setFocus()
        self.completeChanged.emit()

    def _remove(self) -> None:
        """Remove the chosen item and show the one now in its place.

        The list keeps the same row number after a removal, so Qt sends no change of row: the fields are
        loaded here explicitly, or they would go on showing the removed item and the next keystroke would
        write its fields into its neighbour.
        """
        row = self.list.currentRow()
        if 0 <= row < len(self.items):
            del self.items[row]
            self._refresh_list()
            shown = min(row, len(self.items) - 1)
            self.list.blockSignals(True)
            self.list.setCurrentRow(shown)
            self.list.blockSignals(False)
            self._load(shown)
            self.completeChanged.emit()

    def _refresh_list(self) -> None:
        current = self.list.currentRow()
        self.list.blockSignals(True)
        self.list.clear()
        for number, item in enumerate(self.items, start=1):
            kind = self.tr("Election") if item.kind == "election" else self.tr("Resolution")
            title = item.title_en or item.title_cy or self.tr("(no title yet)")
            self.list.addItem(arg(self.tr("%1. %2: %3"), number, kind, title))
        self.list.setCurrentRow(current if current < len(self.items) else len(self.items) - 1)
        self.list.blockSignals(False)

    def _load(self, row: int) -> None:
        has = 0 <= row < len(self.items)
        for widget in (self.title_cy, self.title_en, self.special, self.by_head, self.threshold, self.method,
                       self.seats, self.candidates, self.reserved, self.remove, self.preset):
            widget.setEnabled(has)
        if not has:
            self._loading = True
            for line in (self.title_cy, self.title_en):
                line.clear()
            self.candidates.clear()
            self.reserved.setRowCount(0)
            self._loading = False
            return
        item = self.items[row]
        self._loading = True
        self.title_cy.setText(item.title_cy)
        self.title_en.setText(item.title_en)
        self.special.setChecked(item.special)
        self.by_head.setChecked(item.by_head)
        self.threshold.setCurrentIndex(max(0, self.threshold.findData(item.threshold)))
        self.preset.setCurrentIndex(max(0, self.preset.findData(item.preset)))
        self.confirms.set_value(item.confirms)
        self.method.setCurrentIndex(max(0, self.method.findData(item.method)))
        self.seats.setValue(item.seats)
        self.candidates.setPlainText(candidates_text(item.candidates))
        codes = self._classes()
        self.reserved.setRowCount(len(codes))
        for index, code in enumerate(codes):
            low, high = item.reserved.get(code, (0, 0))
            cell = QTableWidgetItem(code)
            cell.setFlags(cell.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.reserved.setItem(index, 0, cell)
            self.reserved.setItem(index, 1, QTableWidgetItem(str(low)))
            self.reserved.setItem(index, 2, QTableWidgetItem(str(high)))
        election = item.kind == "election"
        for key, widget in (("threshold", self.threshold), ("method", self.method), ("seats", self.seats),
                            ("candidates", self.candidates), ("reserved", self.reserved), ("preset", self.preset)):
            visible = (key in ("threshold", "preset")) != election
            widget.setVisible(visible)
            self.labels[key].setVisible(visible)
        self.special.setVisible(not election)
        self.by_head.setVisible(not election)
        self.preset_help.setVisible(not election)
        self.confirms.setVisible(False)
        self._show_preset(item.preset if not election else "")
        self._loading = False

    def _show_preset(self, key: str) -> None:
        """A preset decides special, threshold and by head; without one the chair's choices are free."""
        for widget in (self.special, self.by_head, self.threshold):
            widget.setEnabled(not key)
        self.preset_help.setText(preset_words(self, key))
        self.confirms.setVisible(key == "section-111-confirm")

    def _preset_changed(self) -> None:
        key = str(self.preset.currentData() or "")
        if not self._loading and key:
            fragment = item_fragment(key, confirms={})
            self._loading = True
            self.special.setChecked(bool(fragment["special"]))
            self.by_head.setChecked(bool(fragment["by_head"]))
            self.threshold.setCurrentIndex(max(0, self.threshold.findData(fragment["threshold"])))
            self._loading = False
        self._show_preset(key)
        self._store()

    def _special_toggled(self, on: bool) -> None:
        if not self._loading and on:
            self.threshold.setCurrentIndex(self.threshold.findData(">= 3/4"))
        self._store()

    def _store(self) -> None:
        row = self.list.currentRow()
        if self._loading or not 0 <= row < len(self.items):
            return
        item = self.items[row]
        item.title_cy, item.title_en = self.title_cy.text().strip(), self.title_en.text().strip()
        item.special, item.by_head = self.special.isChecked(), self.by_head.isChecked()
        item.threshold = str(self.threshold.currentData())
        item.preset = str(self.preset.currentData() or "") if item.kind == "resolution" else ""
        item.confirms = self.confirms.value() if item.preset == "section-111-confirm" else {}
        item.method = str(self.method.currentData())
        item.seats = self.seats.value()
        item.candidates = parse_candidates(self.candidates.toPlainText())
        reserved = {}
        for index in range(self.reserved.rowCount()):
            cells = [self.reserved.item(index, c) for c in range(3)]
            if None in cells:
                continue
            bounds = [int(c.text()) if c.text().strip().isdigit() else 0 for c in cells[1:]]  # type: ignore[union-attr]
            reserved[cells[0].text()] = (bounds[0], bounds[1])  # type: ignore[union-attr]
        item.reserved = reserved
        list_item = self.list.item(row)
        if list_item is not None:
            kind = self.tr("Election") if item.kind == "election" else self.tr("Resolution")
            list_item.setText(arg(self.tr("%1. %2: %3"), row + 1, kind,
                                  item.title_en or item.title_cy or self.tr("(no title yet)")))

    def fill(self, data: WizardData) -> None:
        data.items = [ItemRow(**vars(item)) for item in self.items]

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        return bool(self.items)

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        wizard = self.wizard()
        return bool(wizard.check_spec(self.banner, upto="agenda"))  # type: ignore[attr-defined]


class RegisterPage(_Page):
    """Pick the membership register, see it as it would import, with every bad row and its line."""

    def __init__(self, parent: QWidget | None = None, known: dict[str, list[str]] | None = None) -> None:
        super().__init__(parent)
        self.known = known
        """Class code -> names, for a meeting that exists; None takes them from the wizard's classes page."""
        self.preview: Any = None
        self.checked_path = ""
        self.job: BackgroundJob | None = None
        self.path = QLineEdit(self)
        self.path_label = QLabel(self)
        self.path_label.setBuddy(self.path)
        self.browse, self.check, self.stop = QPushButton(self), QPushButton(self), QPushButton(self)
        self.browse.clicked.connect(self._browse)
        self.check.clicked.connect(self.check_register)
        self.stop.clicked.connect(self.cancel)
        self.path.returnPressed.connect(self.check_register)
        self.path.textChanged.connect(lambda _t: self.completeChanged.emit())
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.errors_label, self.table_label = QLabel(self), QLabel(self)
        self.errors = QListWidget(self)
        self.errors_label.setBuddy(self.errors)
        self.table = QTableWidget(0, 6, self)
        self.table_label.setBuddy(self.table)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        row = QHBoxLayout()
        row.addWidget(self.path_label)
        row.addWidget(self.path, 1)
        row.addWidget(self.browse)
        row.addWidget(self.check)
        busy = QHBoxLayout()
        busy.addWidget(self.progress, 1)
        busy.addWidget(self.stop)
        self.outer.addLayout(row)
        self.outer.addLayout(busy)
        self.outer.addWidget(self.summary)
        self.outer.addWidget(self.errors_label)
        self.outer.addWidget(self.errors, 1)
        self.outer.addWidget(self.table_label)
        self.outer.addWidget(self.table, 2)
        self._busy(False)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Membership register"))
        self.setSubTitle(self.tr("A CSV or Excel (.xlsx) file: membership number, name, class, and optionally vote "
                                 "value and status. Leave it empty to create the meeting without members."))
        self.path_label.setText(self.tr("Register &file:"))
        self.path.setAccessibleName(self.tr("Register file"))
        self.browse.setText(self.tr("C&hoose…"))
        self.check.setText(self.tr("Chec&k the file"))
        self.stop.setText(self.tr("S&top"))
        self.errors_label.setText(self.tr("&Problems (each must be fixed in the file):"))
        self.errors.setAccessibleName(self.tr("Problems in the register"))
        self.table_label.setText(self.tr("Pre&view of the members:"))
        self.table.setAccessibleName(self.tr("Preview of the members"))
        self.table.setHorizontalHeaderLabels([self.tr("Line"), self.tr("Number"), self.tr("Name"), self.tr("Class"),
                                              self.tr("Vote value"), self.tr("Status")])
        self._show_preview()

    def _busy(self, on: bool) -> None:
        self.progress.setVisible(on)
        self.stop.setVisible(on)
        self.check.setEnabled(not on)
        self.browse.setEnabled(not on)

    def _browse(self) -> None:
        dialog = QFileDialog(self, self.tr("Choose the membership register"))
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        dialog.setNameFilter(self.tr("Registers (*.csv *.xlsx *.txt);;All files (*)"))
        dialog.fileSelected.connect(self._chosen)
        dialog.open()

    def _chosen(self, path: str) -> None:
        self.path.setText(path)
        self.check_register()

    def check_register(self) -> None:
        """Read the file in the background with the classes set on the earlier page."""
        from coopvote.register.importer import read_register

        path = self.path.text().strip()
        if not path:
            return
        wizard = self.wizard()
        known: dict[str, list[str]] = dict(self.known or {})
        if self.known is None and wizard is not None:
            for cls in wizard.classes.rows():  # type: ignore[attr-defined]
                known[cls.code] = [cls.name_en, cls.name_cy]
        self.preview = None
        self.checked_path = ""
        self.errors.clear()
        self.summary.setText(self.tr("Reading the register…"))
        self.banner.hide()
        self._busy(True)

        def work() -> Any:
            return read_register(Path(path), known_classes=known or None, filename=Path(path).name)

        self.job = BackgroundJob(work, self)
        self.job.finished.connect(lambda preview: self._previewed(path, preview))
        self.job.failed.connect(self._failed)
        self.job.done.connect(lambda: self._busy(False))
        self.job.start()

    def cancel(self) -> None:
        if self.job is not None and self.job.running:
            self.job.cancel()
            self.summary.setText(self.tr("Stopped reading the register."))

    def _failed(self, message: str) -> None:
        self.summary.setText("")
        self.banner.show_error(message)
        self.completeChanged.emit()

    def _previewed(self, path: str, preview: Any) -> None:
        self.preview = preview
        self.checked_path = path
        self._show_preview()
        self.completeChanged.emit()

    def _show_preview(self) -> None:
        preview = self.preview
        self.errors.clear()
        if preview is None:
            self.table.setRowCount(0)
            return
        counts = ", ".join(f"{code} {n}" for code, n in sorted(preview.members_by_class(active_only=False).items()))
        if preview.ok:
            self.summary.setText(arg(self.tr("%1 members can be imported (%2). Nothing is saved yet."), len(preview.rows), counts))
        else:
            self.summary.setText(arg(self.tr("%1 problem(s): nothing will be imported. Fix the file, save it, and "
                                             "press “Check the file” again."), len(preview.errors)))
        for problem in preview.errors:
            self.errors.addItem(str(problem))
        for warning in preview.warnings:
            self.errors.addItem(arg(self.tr("Note: %1"), warning))
        rows = preview.rows[:PREVIEW_ROWS]
        self.table.setRowCount(len(rows))
        for index, member in enumerate(rows):
            values = [str(member.line), member.membership_number, member.name, member.class_code,
                      str(member.vote_value), member.status]
            for column, value in enumerate(values):
                self.table.setItem(index, column, QTableWidgetItem(value))

    def isComplete(self) -> bool:  # noqa: N802 - Qt's name
        path = self.path.text().strip()
        if not path:
            return True
        return self.preview is not None and self.preview.ok and self.checked_path == path

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        return self.isComplete()
