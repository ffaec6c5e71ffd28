"""The new-meeting wizard's first pages: the meeting, its classes and weighting, its rules.

Each page checks what it can with the core's own parsers (the spec, quorum and weighting rules)
through the wizard's ``check_spec`` and shows their messages in its banner.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QStandardPaths, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
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
    QWizardPage,
)

from coopvote.meeting.presets import preset
from coopvote.ui.look import arg, pick
from coopvote.ui.widgets import MessageBanner, Retranslatable
from coopvote.ui.wizard_date import DateField
from coopvote.ui.wizard_pages import combo_labels, preset_words
from coopvote.ui.wizard_spec import TIE_RULES, WEIGHTING_PRESETS, WEIGHTING_SCHEMES, ClassRow, WizardData

DEFAULT_CLASSES = (
    ClassRow("PS", "Pobl a gefnogir", "People supported", "#1b7f5f", "1/3"),
    ClassRow("EMP", "Gweithwyr", "Employees", "#2f5fa8", "1/3"),
    ClassRow("SUP", "Cefnogwyr cymunedol", "Community supporters", "#b5521b", "1/3"),
)


class WizardPage(Retranslatable, QWizardPage):
    """A page with a banner for the core's messages about what was typed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.banner = MessageBanner(self)
        self.outer = QVBoxLayout(self)
        self.outer.addWidget(self.banner)

    def wizard_data(self) -> WizardData:
        return self.the_wizard().collect()  # type: ignore[no-any-return]

    def the_wizard(self) -> Any:
        """The wizard this page is on (typed loosely: wizard.py imports this module, not the reverse)."""
        return self.wizard()


class DetailsPage(WizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name_cy, self.name_en = QLineEdit(self), QLineEdit(self)
        self.society_cy, self.society_en = QLineEdit(self), QLineEdit(self)
        self.place = QLineEdit(self)
        self.held_on = DateField(self)
        self.held_on.setCalendarPopup(True)
        self.held_on.setDisplayFormat("yyyy-MM-dd")  # as in the meeting definition; no day/month muddle
        self.held_on.setDate(QDate.currentDate().addDays(28))
        self.notice = DateField(self)
        self.notice.setCalendarPopup(True)
        self.notice.setDisplayFormat("yyyy-MM-dd")
        self.notice.setDate(QDate.currentDate())
        self.path = QLineEdit(self)
        self.browse = QPushButton(self)
        self.browse.clicked.connect(self._browse)
        self.labels = [QLabel(self) for _ in range(8)]
        form = QFormLayout()
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(self.browse)
        fields: list[QWidget] = [self.name_cy, self.name_en, self.society_cy, self.society_en, self.held_on,
                                 self.place, self.notice]
        for label, field in zip(self.labels, fields, strict=False):
            label.setBuddy(field)
            form.addRow(label, field)
        self.labels[-1].setBuddy(self.path)
        form.addRow(self.labels[-1], path_row)
        for first, second in zip([*fields, self.path], [*fields[1:], self.path, self.browse], strict=True):
            self.setTabOrder(first, second)  # the order on screen, not the order the fields were made in
        self.outer.addLayout(form)
        self.registerField("name_cy*", self.name_cy)
        self.registerField("name_en*", self.name_en)
        self.registerField("path*", self.path)
        self.name_en.textEdited.connect(self._suggest_path)
        self._path_touched = False
        self.path.textEdited.connect(lambda _t: setattr(self, "_path_touched", True))
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("The meeting"))
        self.setSubTitle(self.tr("Its name in Welsh and English, when and where it is held, and where to keep "
                                 "the meeting file."))
        texts = [self.tr("Name in &Welsh:"), self.tr("Name in &English:"), self.tr("Society in Wel&sh:"),
                 self.tr("Society in Eng&lish:"), self.tr("&Date of the meeting:"), self.tr("&Place:"),
                 self.tr("Noti&ce given on:"), self.tr("Meeting &file:")]
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
            buddy = label.buddy()
            if buddy is not None:
                buddy.setAccessibleName(text.replace("&", "").rstrip(":"))
        self.browse.setText(self.tr("C&hoose…"))
        self.browse.setAccessibleName(self.tr("Choose where to save the meeting file"))

    def _suggest_path(self, name: str) -> None:
        if self._path_touched:
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        slug = "-".join("".join(c if c.isalnum() else " " for c in name.lower()).split()) or "meeting"
        self.path.setText(str(Path(folder) / f"{slug}.coopvote"))

    def _browse(self) -> None:
        dialog = QFileDialog(self, self.tr("Save the meeting file as"))
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("coopvote")
        dialog.setNameFilter(self.tr("coopvote meetings (*.coopvote)"))
        if self.path.text():
            dialog.selectFile(self.path.text())
        dialog.fileSelected.connect(self._chosen)
        dialog.open()

    def _chosen(self, path: str) -> None:
        self._path_touched = True
        self.path.setText(path)

    def fill(self, data: WizardData) -> None:
        data.name_cy, data.name_en = self.name_cy.text().strip(), self.name_en.text().strip()
        data.society_cy, data.society_en = self.society_cy.text().strip(), self.society_en.text().strip()
        data.place = self.place.text().strip()
        data.held_on = date(self.held_on.date().year(), self.held_on.date().month(), self.held_on.date().day())
        data.notice_given = date(self.notice.date().year(), self.notice.date().month(), self.notice.date().day())

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        target = self.path.text().strip()
        if not (self.name_cy.text().strip() and self.name_en.text().strip() and target):
            self.banner.show_error(self.tr("Give the meeting its name in Welsh and in English, and choose where to "
                                           "save the meeting file."))
            return False
        if "://" not in target and Path(target).exists():
            self.banner.show_error(arg(self.tr("%1 already exists; choose another name for the new meeting file."),
                                       target))
            return False
        return True


class ClassesPage(WizardPage):
    COLUMNS = 5

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = QTableWidget(0, self.COLUMNS, self)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.add_button, self.remove_button, self.colour_button = QPushButton(self), QPushButton(self), QPushButton(self)
        self.add_button.clicked.connect(lambda: self.add_class(ClassRow("", "", "", "#777777", "")))
        self.remove_button.clicked.connect(self._remove)
        self.colour_button.clicked.connect(self._choose_colour)
        self.scheme = QComboBox(self)
        self.absent = QComboBox(self)
        self.scheme_label, self.absent_label, self.help = QLabel(self), QLabel(self), QLabel(self)
        self.help.setWordWrap(True)
        self.scheme_label.setBuddy(self.scheme)
        self.absent_label.setBuddy(self.absent)
        # A constitution preset (coopvote/meeting/presets.py) sets the whole weighting from the rule book.
        self.preset, self.investors = QComboBox(self), QComboBox(self)
        self.preset.setObjectName("weightingPreset")
        self.preset_label, self.investors_label, self.preset_help = QLabel(self), QLabel(self), QLabel(self)
        self.preset_help.setObjectName("presetHelp")
        self.preset_help.setWordWrap(True)
        self.preset_label.setBuddy(self.preset)
        self.investors_label.setBuddy(self.investors)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.colour_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        form = QFormLayout()
        form.addRow(self.preset_label, self.preset)
        form.addRow(self.investors_label, self.investors)
        form.addRow(self.scheme_label, self.scheme)
        form.addRow(self.absent_label, self.absent)
        self.outer.addWidget(self.table, 1)
        self.outer.addLayout(buttons)
        self.outer.addLayout(form)
        self.outer.addWidget(self.preset_help)
        self.outer.addWidget(self.help)
        self.scheme.currentIndexChanged.connect(self._scheme_changed)
        self.preset.currentIndexChanged.connect(self._preset_changed)
        for row in DEFAULT_CLASSES:
            self.add_class(row)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Membership classes and weighting"))
        self.setSubTitle(self.tr("One row per class: a short code, its names, the colour of its ballot papers. "
                                 "The weighting scheme says how much each class's votes count."))
        self.table.setHorizontalHeaderLabels([self.tr("Code"), self.tr("Name in Welsh"), self.tr("Name in English"),
                                              self.tr("Colour"), self.tr("Share or votes")])
        self.table.setAccessibleName(self.tr("Membership classes"))
        self.add_button.setText(self.tr("&Add class"))
        self.remove_button.setText(self.tr("&Remove class"))
        self.colour_button.setText(self.tr("C&hoose colour…"))
        self.scheme_label.setText(self.tr("&Weighting scheme:"))
        self.absent_label.setText(self.tr("If a class casts no &votes:"))
        combo_labels(self.scheme, WEIGHTING_SCHEMES, [self.tr("One member, one vote"),
                                                       self.tr("Each class has a share of the vote"),
                                                       self.tr("Fixed votes per member of each class")])
        combo_labels(self.absent, ("redistribute", "forfeit"), [self.tr("share its part among the other classes"),
                                                                 self.tr("its part is lost")])
        self.scheme.setAccessibleName(self.tr("Weighting scheme"))
        self.absent.setAccessibleName(self.tr("If a class casts no votes"))
        self.preset_label.setText(self.tr("Rules &preset:"))
        self.investors_label.setText(self.tr("&Investors' class:"))
        self.preset.setAccessibleName(self.tr("Rules preset"))
        self.investors.setAccessibleName(self.tr("Investors' class"))
        combo_labels(self.preset, ("", *WEIGHTING_PRESETS),
                     [self.tr("None: choose the weighting below"),
                      *(pick(cy=preset(key).name_cy, en=preset(key).name_en) for key in WEIGHTING_PRESETS)])
        self._scheme_changed()
        self._preset_changed()

    def _preset_changed(self) -> None:
        key = str(self.preset.currentData() or "")
        self.scheme.setEnabled(not key)
        self.absent.setEnabled(not key and self.scheme.currentData() == "class-share")
        capped = key == "investor-cap-10"
        self.investors.setVisible(capped)
        self.investors_label.setVisible(capped)
        if capped:
            chosen = self.investors.currentText()
            self.investors.clear()
            self.investors.addItems([row.code for row in self.rows()])
            self.investors.setCurrentIndex(max(0, self.investors.findText(chosen)))
        self.preset_help.setText(preset_words(self, key))
        self.help.setVisible(not key)  # the scheme's own help would describe a choice the preset replaced

    def _scheme_changed(self) -> None:
        scheme = self.scheme.currentData()
        self.absent.setEnabled(scheme == "class-share")
        self.help.setText({
            "one-member-one-vote": self.tr("Every member's vote counts the same; the last column is not used."),
            "class-share": self.tr("Last column: each class's share of the vote, such as 1/3; the shares add up "
                                   "to 1."),
            "fixed-value": self.tr("Last column: how many votes each member of the class has, such as 1 or 2."),
        }.get(str(scheme), ""))

    def add_class(self, row: ClassRow) -> None:
        index = self.table.rowCount()
        self.table.insertRow(index)
        for column, value in enumerate((row.code, row.name_cy, row.name_en, row.colour, row.weight)):
            self.table.setItem(index, column, QTableWidgetItem(value))
        self._paint_colour(index)
        self.table.setCurrentCell(index, 0)

    def _paint_colour(self, row: int) -> None:
        item = self.table.item(row, 3)
        colour = QColor(item.text()) if item is not None else QColor()
        if item is not None and colour.isValid():
            item.setBackground(colour)
            item.setForeground(QColor("#ffffff") if colour.lightness() < 140 else QColor("#000000"))

    def _remove(self) -> None:
        if self.table.currentRow() >= 0:
            self.table.removeRow(self.table.currentRow())

    def _choose_colour(self) -> None:
        from PySide6.QtWidgets import QColorDialog

        row = self.table.currentRow()
        if row < 0:
            return
        item = self.table.item(row, 3)
        dialog = QColorDialog(QColor(item.text() if item else "#777777"), self)
        dialog.colorSelected.connect(lambda colour: self._set_colour(row, colour.name()))
        dialog.open()

    def _set_colour(self, row: int, name: str) -> None:
        self.table.setItem(row, 3, QTableWidgetItem(name))
        self._paint_colour(row)

    def rows(self) -> list[ClassRow]:
        def cell(row: int, column: int) -> str:
            item = self.table.item(row, column)
            return item.text().strip() if item is not None else ""

        return [ClassRow(cell(r, 0).upper(), cell(r, 1), cell(r, 2), cell(r, 3) or "#777777", cell(r, 4))
                for r in range(self.table.rowCount()) if any(cell(r, c) for c in range(self.COLUMNS))]

    def fill(self, data: WizardData) -> None:
        data.classes = self.rows()
        data.scheme = str(self.scheme.currentData())
        data.absent_class = str(self.absent.currentData())
        data.weighting_preset = str(self.preset.currentData() or "")
        data.investor_class = self.investors.currentText() if data.weighting_preset == "investor-cap-10" else ""

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        return self.wizard_check()

    def wizard_check(self) -> bool:
        return bool(self.the_wizard().check_spec(self.banner, upto="classes"))


class RulesPage(WizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.percent = QLineEdit("10", self)
        self.absolute = QSpinBox(self)
        self.absolute.setRange(0, 1_000_000)
        self.minimums = QTableWidget(0, 2, self)
        self.minimums.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.minimums.verticalHeader().hide()
        self.proxies_count = QCheckBox(self)
        self.proxies_count.setChecked(True)
        self.proxy_limit = QSpinBox(self)
        self.proxy_limit.setRange(0, 1000)
        self.proxy_limit.setValue(3)
        self.chair_may_hold = QCheckBox(self)
        self.chair_may_hold.setChecked(True)
        self.tie = QComboBox(self)
        self.chair, self.officer = QLineEdit(self), QLineEdit(self)
        self.labels = [QLabel(self) for _ in range(8)]
        fields: list[QWidget] = [self.percent, self.absolute, self.minimums, self.proxies_count, self.proxy_limit,
                                 self.chair_may_hold, self.tie, self.chair]
        form = QFormLayout()
        for label, field in zip(self.labels, fields, strict=True):
            label.setBuddy(field)
            form.addRow(label, field)
        self.officer_label = QLabel(self)
        self.officer_label.setBuddy(self.officer)
        form.addRow(self.officer_label, self.officer)
        self.outer.addLayout(form)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Rules: quorum, proxies and ties"))
        self.setSubTitle(self.tr("As the society's rules state them. Thresholds are set per item on the agenda "
                                 "page."))
        texts = [self.tr("Quorum, &percent of members:"), self.tr("Quorum, &fixed number (0 for none):"),
                 self.tr("At least this many present from &each class:"), self.tr("Members at&tending by proxy:"),
                 self.tr("Proxies one member may &hold:"), self.tr("The &chair:"), self.tr("A tie&d resolution:"),
                 self.tr("Name of the ch&air:")]
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
            label.buddy().setAccessibleName(text.replace("&", "").rstrip(":"))
        self.officer_label.setText(self.tr("Name of the &returning officer:"))
        self.officer.setAccessibleName(self.tr("Name of the returning officer"))
        self.proxies_count.setText(self.tr("count towards the quorum"))
        self.chair_may_hold.setText(self.tr("may hold proxies"))
        self.minimums.setHorizontalHeaderLabels([self.tr("Class"), self.tr("Minimum present")])
        combo_labels(self.tie, TIE_RULES, [self.tr("the chair has a casting vote"), self.tr("is lost"),
                                           self.tr("is decided by lot")])

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        kept = self.per_class()
        classes = self.wizard_data().classes
        self.minimums.setRowCount(len(classes))
        for row, cls in enumerate(classes):
            code = QTableWidgetItem(cls.code)
            code.setFlags(code.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.minimums.setItem(row, 0, code)
            self.minimums.setItem(row, 1, QTableWidgetItem(str(kept.get(cls.code, 0))))

    def per_class(self) -> dict[str, int]:
        found = {}
        for row in range(self.minimums.rowCount()):
            code, value = self.minimums.item(row, 0), self.minimums.item(row, 1)
            if code is None or value is None:
                continue
            text = value.text().strip()
            found[code.text()] = int(text) if text.isdigit() else (-1 if text else 0)
        return found

    def fill(self, data: WizardData) -> None:
        data.quorum_percent = self.percent.text().strip()
        data.quorum_absolute = self.absolute.value()
        data.quorum_per_class = self.per_class()
        data.proxies_count = self.proxies_count.isChecked()
        data.proxy_limit = self.proxy_limit.value()
        data.chair_may_hold = self.chair_may_hold.isChecked()
        data.tie = str(self.tie.currentData())
        data.chair = self.chair.text().strip()
        data.returning_officer = self.officer.text().strip()

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        bad = [code for code, n in self.per_class().items() if n < 0]
        if bad:
            self.banner.show_error(arg(self.tr("The minimum for class %1 should be a whole number, 0 or more."),
                                       ", ".join(bad)))
            return False
        return bool(self.the_wizard().check_spec(self.banner, upto="rules"))
