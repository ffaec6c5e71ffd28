"""What a section 111 confirmation asks for in the wizard: the resolution of the first meeting it confirms.

The confirming meeting is linked to the first by what the first meeting's declaration prints (its meeting
code, the item, the day it was held, the item's verification code, and the share for), so the fields ask
for exactly those, to be copied from that paper; ``coopvote confirmation`` later prints both meetings side
by side, and ``coopvote verify`` checks the code against the first meeting's exported record.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QSpinBox, QWidget

from coopvote.meeting.presets import SECTION_111_MIN_DAYS
from coopvote.meeting.validation import ITEM_NUMBER_MAX
from coopvote.ui.widgets import Retranslatable
from coopvote.ui.wizard_date import DateField


class ConfirmsFields(Retranslatable, QGroupBox):
    """The first meeting's code, item, date, verification code and share for, as its declaration prints them."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("confirmsFields")
        self.guide = QLabel(self)
        self.guide.setWordWrap(True)
        self.meeting = QLineEdit(self)
        self.meeting.setObjectName("confirmsMeeting")
        self.item = QSpinBox(self)
        self.item.setRange(1, ITEM_NUMBER_MAX)
        self.held_on = DateField(self)
        self.held_on.setCalendarPopup(True)
        self.held_on.setDisplayFormat("yyyy-MM-dd")  # as on the declaration and in the definition
        self.verification = QLineEdit(self)
        self.verification.setObjectName("confirmsVerification")
        self.for_percent = QLineEdit(self)
        self.labels = {key: QLabel(self) for key in ("meeting", "item", "held_on", "verification", "for_percent")}
        form = QFormLayout(self)
        form.addRow(self.guide)
        for key, field in (("meeting", self.meeting), ("item", self.item), ("held_on", self.held_on),
                           ("verification", self.verification), ("for_percent", self.for_percent)):
            self.labels[key].setBuddy(field)
            form.addRow(self.labels[key], field)
        for line in (self.meeting, self.verification, self.for_percent):
            line.textEdited.connect(self.changed)
        self.item.valueChanged.connect(self.changed)
        self.held_on.dateChanged.connect(self.changed)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("The resolution this meeting confirms"))
        self.guide.setText(self.tr("Copy these from the first meeting's declaration."))
        texts = {"meeting": self.tr("First meeting's c&ode:"), "item": self.tr("I&tem number there:"),
                 "held_on": self.tr("&Date it was held:"), "verification": self.tr("&Verification code:"),
                 "for_percent": self.tr("Share for, &as printed (optional):")}
        for key, text in texts.items():
            self.labels[key].setText(text)
            self.labels[key].buddy().setAccessibleName(text.replace("&", "").rstrip(":"))
        self.meeting.setPlaceholderText(self.tr("e.g. R3LKGH"))
        self.verification.setPlaceholderText(self.tr("e.g. 9E60 DAE6 39BE 4C15"))
        self.for_percent.setPlaceholderText(self.tr("e.g. 76.9%"))

    def set_value(self, confirms: dict[str, Any]) -> None:
        """Show an item's confirmation (empty for a new one) without announcing a change."""
        self.blockSignals(True)
        try:
            self.meeting.setText(str(confirms.get("meeting", "")))
            self.item.setValue(int(confirms.get("item", 1)))
            held = confirms.get("held_on")
            if not isinstance(held, date):
                held = date.today() - timedelta(days=SECTION_111_MIN_DAYS)
            self.held_on.setDate(QDate(held.year, held.month, held.day))
            self.verification.setText(str(confirms.get("verification", "")))
            self.for_percent.setText(str(confirms.get("for_percent", "")))
        finally:
            self.blockSignals(False)

    def value(self) -> dict[str, Any]:
        """The ``confirms`` table: the definition's checks name any part left empty."""
        held = self.held_on.date()
        confirms: dict[str, Any] = {
            "meeting": self.meeting.text().strip().upper(),
            "item": self.item.value(),
            "held_on": date(held.year(), held.month(), held.day()),
            "verification": self.verification.text().strip().upper(),
        }
        if self.for_percent.text().strip():
            confirms["for_percent"] = self.for_percent.text().strip()
        return confirms
