"""The chair's step when a resolution taking advance votes is amended in the room (``advance amended``).

Advance votes were cast on the words as sent, so once the resolution is amended they follow the rule
the meeting's definition set for the item: every one counts as against the amended resolution, or none
is counted. The step cannot be taken back, so it asks first and says which of the two will happen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from coopvote.errors import CoopvoteError
from coopvote.service.views import ItemView
from coopvote.ui.chair_dialogs import ask
from coopvote.ui.look import arg, pick
from coopvote.ui.widgets import MessageBanner, Retranslatable

if TYPE_CHECKING:
    from coopvote.service import AdvanceRole, SetupRole


def takes_advance_amendment(item: ItemView) -> bool:
    """A resolution that takes advance votes and can still be amended (not declared)."""
    advance = item.settings.get("advance") or {}
    return item.kind == "resolution" and bool(advance.get("allowed")) and item.status != "declared"


class AmendmentPanel(Retranslatable, QWidget):
    amended = Signal(int)  # the item number

    def __init__(self, advance: AdvanceRole, setup: SetupRole, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.advance = advance
        self.setup = setup
        self.items: list[ItemView] = []
        self.banner = MessageBanner(self)
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        self.item_label = QLabel(self)
        self.item_choice = QComboBox(self)
        self.item_choice.setObjectName("amendedItem")
        self.item_label.setBuddy(self.item_choice)
        self.item_choice.currentIndexChanged.connect(self._show_rule)
        self.by_label = QLabel(self)
        self.by = QLineEdit(self)
        self.by_label.setBuddy(self.by)
        self.rule = QLabel(self)
        self.rule.setObjectName("amendmentRule")
        self.rule.setWordWrap(True)
        self.record_button = QPushButton(self)
        self.record_button.clicked.connect(self.record)
        form = QFormLayout()
        form.addRow(self.item_label, self.item_choice)
        form.addRow(self.by_label, self.by)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.explanation)
        layout.addLayout(form)
        layout.addWidget(self.rule)
        layout.addWidget(self.record_button)
        layout.addStretch(1)
        self.retranslate()

    def refresh(self) -> None:
        current = self.item_choice.currentData()
        try:
            self.items = [item for item in self.setup.meeting().items if takes_advance_amendment(item)]
        except CoopvoteError as error:
            self.banner.show_error(error)
            return
        self.item_choice.blockSignals(True)
        self.item_choice.clear()
        for item in self.items:
            self.item_choice.addItem(arg(self.tr("Item %1: %2"), item.number, pick(cy=item.title_cy, en=item.title_en)),
                                     item.number)
        self.item_choice.setCurrentIndex(max(self.item_choice.findData(current), 0))
        self.item_choice.blockSignals(False)
        self._show_rule()

    def chosen(self) -> ItemView | None:
        number = self.item_choice.currentData()
        return next((item for item in self.items if item.number == number), None)

    def consequence(self, item: ItemView) -> str:
        """What the item's rule does to its advance votes, in the screen's language."""
        if (item.settings.get("advance") or {}).get("if_amended") == "against":
            return arg(self.tr("Every advance vote on item %1 will count as AGAINST the amended resolution, "
                               "whatever it said."), item.number)
        return arg(self.tr("Advance votes on item %1 will NOT BE COUNTED: the amended resolution is decided by "
                           "the votes cast in the meeting."), item.number)

    def _show_rule(self) -> None:
        item = self.chosen()
        self.record_button.setEnabled(item is not None and not self._already(item))
        if item is None:
            self.rule.setText(self.tr("No resolution that takes advance votes is waiting for a result."))
        elif self._already(item):
            self.rule.setText(arg(self.tr("Item %1 is already recorded as amended. %2"), item.number,
                                  self.consequence(item)))
        else:
            self.rule.setText(arg(self.tr("If you record it: %1"), self.consequence(item)))

    @staticmethod
    def _already(item: ItemView) -> bool:
        return bool((item.settings.get("advance") or {}).get("amended"))

    def record(self) -> str | None:
        """Ask, then record the amendment; returns the rule applied, or None when nothing was recorded."""
        item = self.chosen()
        if item is None:
            return None
        by = self.by.text().strip()
        if not by:
            self.banner.show_error(self.tr("Enter who moved the amendment (or who records it)."))
            self.by.setFocus()
            return None
        answer = ask(arg(self.tr("Record item %1 as amended in the room?"), item.number),
                     arg(self.tr("%1\n\nThis cannot be undone."), self.consequence(item)),
                     self.tr("Record the amendment"), parent=self)  # fmt: skip
        if answer is None:
            self.banner.show_message(self.tr("Nothing was recorded."), "info")
            return None
        try:
            rule = self.advance.mark_amended(item.number, by)
        except CoopvoteError as error:
            self.banner.show_error(error)
            return None
        self.banner.show_ok(arg(self.tr("Item %1 recorded as amended in the room. %2"), item.number,
                                self.consequence(item)))
        self.refresh()
        self.amended.emit(item.number)
        return rule

    def retranslate(self) -> None:
        self.explanation.setText(self.tr("When a resolution that took advance votes is amended in the room, record it "
                                         "here. Advance votes were cast on the words as sent, so the meeting's "
                                         "definition says what becomes of them."))
        self.item_label.setText(self.tr("Resol&ution"))
        self.by_label.setText(self.tr("Moved &by"))
        self.record_button.setText(self.tr("&Record the amendment…"))
        self.refresh()
