"""'Connect to a shared meeting': the connection string a teller station needs, from five plain fields.

A station in the room opens the meeting that lives on the chair's PostgreSQL server. Nobody should
have to type ``postgresql://user:pa%40ss@host:5432/db`` by hand, so the dialog asks for the parts
and builds the URL (escaping what a password may contain). "Test connection" tries it at once, so
a wrong password or a server that cannot be reached shows here rather than at the first scan.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from coopvote.errors import CoopvoteError
from coopvote.record.connection import DEFAULT_PORT, build_url, parse_url
from coopvote.ui.look import arg
from coopvote.ui.widgets import Retranslatable


def try_connection(url: str) -> None:
    """Open the meeting at ``url`` and close it again; raises a RecordError that says what is wrong."""
    from coopvote.service import MeetingService

    MeetingService.open(url, backups=False).close()


class ConnectDialog(Retranslatable, QDialog):
    """Fields for host, port, database, user and password; ``url()`` is the connection string."""

    def __init__(
        self, parent: QWidget | None = None, *, tester: Callable[[str], None] = try_connection, initial: str = ""
    ) -> None:
        super().__init__(parent)
        self._tester = tester
        self.host = QLineEdit(self)
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.database = QLineEdit(self)
        self.user = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setMinimumHeight(self.fontMetrics().lineSpacing() * 3)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.test_button = QPushButton(self)
        self.test_button.clicked.connect(self.test_connection)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, parent=self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        self.form = QFormLayout()
        self.fields: tuple[QWidget, ...] = (self.host, self.port, self.database, self.user, self.password)
        self.labels = [QLabel(self) for _ in self.fields]
        for label, field in zip(self.labels, self.fields, strict=True):
            label.setBuddy(field)
            self.form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.test_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 36)
        if initial:
            self.set_url(initial)
        self.retranslate()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Connect to a shared meeting"))
        self.intro.setText(
            self.tr(
                "Several stations can work on one meeting kept on the chair's PostgreSQL server. "
                "Ask the chair for these details."
            )
        )
        labels = (
            self.tr("Server (&host):"),
            self.tr("&Port:"),
            self.tr("&Database:"),
            self.tr("&User:"),
            self.tr("Pass&word:"),
        )
        for label, field, text in zip(self.labels, self.fields, labels, strict=True):
            label.setText(text)
            field.setAccessibleName(text.replace("&", "").rstrip(":"))
        self.host.setPlaceholderText(self.tr("for example 192.168.1.20 or chair-laptop.local"))
        self.test_button.setText(self.tr("&Test connection"))

    def set_url(self, url: str) -> None:
        """Fill the fields from a connection string (a saved one, or one the chair sent)."""
        fields = parse_url(url)
        self.host.setText(str(fields["host"]))
        self.port.setValue(int(fields["port"]))
        self.database.setText(str(fields["database"]))
        self.user.setText(str(fields["user"]))
        password = str(fields["password"])
        self.password.setText("" if password == "***" else password)  # a shown URL hides it: ask again

    def url(self) -> str:
        return build_url(self.host.text(), self.port.value(), self.database.text(), self.user.text(), self.password.text())

    def _show(self, text: str, ok: bool) -> None:
        self.status.setText(text)
        self.status.setStyleSheet("color: #0b5d1e;" if ok else "color: #8b0000;")

    def test_connection(self) -> bool:
        try:
            url = self.url()
        except CoopvoteError as error:
            self._show(str(error), False)
            return False
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self._tester(url)
        except CoopvoteError as error:
            self._show(str(error), False)
            return False
        finally:
            QGuiApplication.restoreOverrideCursor()
        where = f"{self.host.text().strip()}:{self.port.value()}"
        self._show(arg(self.tr("Connected: database %1 on %2 holds a meeting."), self.database.text().strip(), where), True)
        return True

    def accept(self) -> None:
        try:
            self.url()
        except CoopvoteError as error:
            self._show(str(error), False)
            return
        super().accept()
