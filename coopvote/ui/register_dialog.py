"""Importing (or replacing) the register of a meeting that already exists.

For a meeting created without members, or from ``coopvote new`` without ``--register``: the same
page as the wizard's, with the meeting's own classes, then ``MeetingService.import_register`` in the
background. The service refuses to replace a register once anyone is checked in, and says so.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QWidget, QWizard

from coopvote.errors import CoopvoteError
from coopvote.ui.look import arg
from coopvote.ui.widgets import BackgroundJob
from coopvote.ui.wizard_pages import RegisterPage

if TYPE_CHECKING:
    from coopvote.service import SetupRole


class ImportRegisterWizard(QWizard):
    imported = Signal(object)  # the service's ImportResult

    def __init__(self, setup: SetupRole, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setup = setup
        meeting = setup.meeting()
        self.replace = sum(c.members for c in meeting.classes) > 0
        known = {c.code: [c.name_en, c.name_cy] for c in meeting.classes}
        self.register_page = RegisterPage(self, known=known)
        self.addPage(self.register_page)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.job: BackgroundJob | None = None
        self.result: Any = None
        self.retranslate()
        self.resize(900, 640)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import the register"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Import"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        if self.replace:
            self.register_page.setSubTitle(self.tr("This meeting already has a register: importing replaces it, which is "
                                          "only possible before anyone is checked in."))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def accept(self) -> None:
        """Import in the background; the dialog closes once the service has saved every member."""
        if self.result is not None:
            super().accept()
            return
        if self.job is not None and self.job.running:
            return
        path = self.register_page.path.text().strip()
        if not path or not self.register_page.isComplete():
            return
        setup, replace = self.setup, self.replace
        self.job = BackgroundJob(lambda: setup.import_register(Path(path), Path(path).name, replace=replace), self)
        self.job.finished.connect(self._imported)
        self.job.failed.connect(self._failed)
        self.job.done.connect(lambda: self.button(QWizard.WizardButton.FinishButton).setEnabled(True))
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        self.register_page.summary.setText(self.tr("Importing the register…"))
        self.job.start()

    def _failed(self, message: str) -> None:
        self.register_page.banner.show_error(message)

    def _imported(self, result: Any) -> None:
        self.result = result
        self.register_page.summary.setText(arg(self.tr("%1 members imported."), result.imported))
        self.imported.emit(result)
        super().accept()

    def reject(self) -> None:
        if self.job is not None and self.job.running:
            return  # the import is one transaction: it completes or changes nothing, so wait for it
        super().reject()


def open_import_register(setup: SetupRole, parent: QWidget) -> ImportRegisterWizard | None:
    try:
        dialog = ImportRegisterWizard(setup, parent)
    except CoopvoteError:
        return None
    dialog.open()
    return dialog
