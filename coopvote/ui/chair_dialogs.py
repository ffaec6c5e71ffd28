"""The chair's confirmations: say what an irreversible step will do, and take the reason a rule asks for.

Closing and declaring cannot be taken back by a slip of the finger (one Alt+D used to declare), so
each asks first, in words that say what will happen. Where the service needs the chair's reason (a
vote opened without a quorum, papers that do not reconcile, a closed vote reopened) the same dialog
takes it, and its button stays greyed out until a reason is typed. Cancel is the default button, so
a second Enter or a double click never confirms by accident.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coopvote.ui.widgets import BigLabel


class DecisionDialog(QDialog):
    """Ask the chair to confirm one step; ``reason()`` is what they typed when a reason is needed."""

    def __init__(
        self,
        title: str,
        message: str,
        action: str,
        *,
        reason_label: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("decisionDialog")
        self.setWindowTitle(title)
        self.setModal(True)
        self.heading = BigLabel(1.3, True, self)
        self.heading.setText(title)
        self.heading.setWordWrap(True)
        self.message = QLabel(message, self)
        self.message.setObjectName("decisionMessage")
        self.message.setWordWrap(True)
        self.reason_label = QLabel(reason_label, self)
        self.reason_box = QPlainTextEdit(self)
        self.reason_box.setObjectName("decisionReason")
        self.reason_box.setTabChangesFocus(True)
        self.reason_box.setAccessibleName(reason_label)
        self.reason_label.setBuddy(self.reason_box)
        self.reason_label.setVisible(bool(reason_label))
        self.reason_box.setVisible(bool(reason_label))
        self.needs_reason = bool(reason_label)
        self.buttons = QDialogButtonBox(self)
        self.confirm_button = QPushButton(action, self)
        self.confirm_button.setObjectName("decisionConfirm")
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.addButton(self.confirm_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.confirm_button.setAutoDefault(False)
        self.cancel_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason_box.textChanged.connect(self._reason_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.message)
        layout.addWidget(self.reason_label)
        layout.addWidget(self.reason_box, 1)
        if not self.needs_reason:
            layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.resize(560, 320 if self.needs_reason else 180)
        self._reason_changed()
        if self.needs_reason:
            self.reason_box.setFocus()
        else:
            self.cancel_button.setFocus()

    def _reason_changed(self) -> None:
        self.confirm_button.setEnabled(not self.needs_reason or bool(self.reason().strip()))

    def reason(self) -> str:
        return self.reason_box.toPlainText().strip()


def ask(title: str, message: str, action: str, *, reason_label: str = "", parent: QWidget | None = None) -> str | None:
    """Show the dialog and wait: the reason ('' when none is asked for), or None when the chair cancels."""
    dialog = DecisionDialog(title, message, action, reason_label=reason_label, parent=parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.reason()
    finally:
        dialog.deleteLater()
