"""The wizard's date field, shared by the meeting's details and a section 111 confirmation's first meeting."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDateEdit, QWidget


class DateField(QDateEdit):
    """A date typed as yyyy-MM-dd that one Tab leaves, like every other field.

    Qt's date field spends Tab on moving between its year, month and day, so a person tabbing through
    the form was stuck in it for three presses; the arrow keys still move between the parts.
    """

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        tab = event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
        if tab and not event.modifiers() & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            forward = event.key() == Qt.Key.Key_Tab and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            QWidget.focusNextPrevChild(self, forward)
            event.accept()
            return
        super().keyPressEvent(event)
