"""The new-meeting wizard: details, classes and weighting, rules, agenda, register, then create.

Each page checks what it can with the core's own parsers (the spec, quorum and weighting rules) and
shows their messages; the last page writes the meeting definition, creates the meeting through
``MeetingService.create`` and imports the register, off the UI thread, all or nothing. The pages
live in ``wizard_setup`` (meeting, classes, rules) and ``wizard_pages`` (agenda, register).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QWidget,
    QWizard,
)

from coopvote.errors import CoopvoteError
from coopvote.ui.widgets import MessageBanner
from coopvote.ui.wizard_pages import AgendaPage, RegisterPage
from coopvote.ui.wizard_setup import DEFAULT_CLASSES, ClassesPage, DetailsPage, RulesPage, WizardPage
from coopvote.ui.wizard_spec import WizardData, build_spec

if TYPE_CHECKING:
    from coopvote.service import MeetingService
    from coopvote.service.setup import ImportResult

__all__ = ["DEFAULT_CLASSES", "NewMeetingWizard"]


class SummaryPage(WizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.save_toml = QCheckBox(self)
        self.save_toml.setChecked(True)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.progress.hide()
        self.stage = QLabel(self)
        self.stage.setWordWrap(True)
        self.cancel_button = QPushButton(self)
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self.cancel)
        self.outer.addWidget(self.intro)
        self.outer.addWidget(self.text, 1)
        self.outer.addWidget(self.save_toml)
        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        self.outer.addWidget(self.stage)
        self.outer.addLayout(row)
        self.job: Any = None
        self.result: tuple[MeetingService, ImportResult | None] | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Check and create"))
        self.intro.setText(self.tr("This is the meeting definition that will be saved. Press Finish to create the "
                                   "meeting and import the register."))
        self.text.setAccessibleName(self.tr("Meeting definition"))
        self.save_toml.setText(self.tr("&Save this definition beside the meeting file"))
        self.cancel_button.setText(self.tr("S&top"))

    def initializePage(self) -> None:  # noqa: N802 - Qt's name
        wizard = self.wizard()
        assert isinstance(wizard, NewMeetingWizard)
        try:
            text, _spec = build_spec(wizard.collect(), self.tr("new meeting"))
        except CoopvoteError as error:
            self.banner.show_error(error)
            text = ""
        self.text.setPlainText(text)

    def validatePage(self) -> bool:  # noqa: N802 - Qt's name
        if self.result is not None:
            return True
        if self.job is not None and self.job.running:
            return False
        wizard = self.wizard()
        assert isinstance(wizard, NewMeetingWizard)
        self.start(wizard)
        return False

    def start(self, wizard: NewMeetingWizard) -> None:
        from coopvote.cli.common import station_name
        from coopvote.service import MeetingService

        try:
            text, spec = build_spec(wizard.collect(), self.tr("new meeting"))
        except CoopvoteError as error:
            self.banner.show_error(error)
            return
        target = wizard.details.path.text().strip()
        register = wizard.register.path.text().strip()
        keep_toml = self.save_toml.isChecked()
        station = station_name()

        def work() -> tuple[MeetingService, ImportResult | None]:
            service = MeetingService.create(target, spec, actor="app", station=station)
            try:
                imported: ImportResult | None = None
                if register and not job.cancelled:
                    imported = service.setup.import_register(Path(register), Path(register).name)
                if job.cancelled:
                    raise CoopvoteError("app.stopped")
                if keep_toml and "://" not in target:
                    Path(target).with_suffix(".toml").write_text(text, encoding="utf-8")
            except BaseException:
                service.close()
                if "://" not in target:
                    Path(target).unlink(missing_ok=True)
                raise
            return service, imported

        from coopvote.ui.widgets import BackgroundJob

        job = BackgroundJob(work, self)
        self.job = job
        job.finished.connect(self._created)
        job.failed.connect(self._failed)
        job.done.connect(self._idle)
        self.progress.show()
        self.cancel_button.show()
        self.stage.setText(self.tr("Creating the meeting and importing the register…") if register
                           else self.tr("Creating the meeting…"))
        wizard.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        wizard.button(QWizard.WizardButton.BackButton).setEnabled(False)
        job.start()

    def cancel(self) -> None:
        if self.job is not None and self.job.running:
            self.job.cancel()
            self.stage.setText(self.tr("Stopped: no meeting file is kept."))

    def _idle(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        wizard = self.wizard()
        if wizard is not None:
            wizard.button(QWizard.WizardButton.FinishButton).setEnabled(True)
            wizard.button(QWizard.WizardButton.BackButton).setEnabled(True)

    def _failed(self, message: str) -> None:
        self.stage.setText("")
        self.banner.show_error(message)

    def _created(self, result: tuple[MeetingService, ImportResult | None]) -> None:
        self.result = result
        self.stage.setText(self.tr("The meeting is created."))
        wizard = self.wizard()
        if wizard is not None:
            wizard.accept()


class NewMeetingWizard(QWizard):
    created = Signal(object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.HaveHelpButton, False)
        self.details = DetailsPage(self)
        self.classes = ClassesPage(self)
        self.rules = RulesPage(self)
        self.agenda = AgendaPage(self)
        self.register = RegisterPage(self)
        self.summary = SummaryPage(self)
        for page in (self.details, self.classes, self.rules, self.agenda, self.register, self.summary):
            self.addPage(page)
        self.retranslate()
        self.resize(900, 680)

    def retranslate(self) -> None:
        """Qt has no Welsh for its own wizard buttons, so they are named here."""
        self.setWindowTitle(self.tr("New meeting"))
        for which, text in ((QWizard.WizardButton.BackButton, self.tr("< &Back")),
                            (QWizard.WizardButton.NextButton, self.tr("&Next >")),
                            (QWizard.WizardButton.FinishButton, self.tr("&Finish")),
                            (QWizard.WizardButton.CancelButton, self.tr("Cancel"))):
            self.setButtonText(which, text)

    def changeEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def collect(self) -> WizardData:
        data = WizardData()
        self.details.fill(data)
        self.classes.fill(data)
        self.rules.fill(data)
        self.agenda.fill(data)
        return data

    def check_spec(self, banner: MessageBanner, *, upto: str) -> bool:
        """Check what is filled in so far with the core's parsers; an empty agenda is fine until its page."""
        data = self.collect()
        if upto != "agenda" and not data.items:
            from coopvote.ui.wizard_spec import ItemRow

            data.items = [ItemRow(title_cy="-", title_en="-")]
        try:
            build_spec(data, self.tr("new meeting"))
        except CoopvoteError as error:
            banner.show_error(error)
            return False
        banner.hide()
        return True

    def accept(self) -> None:
        if self.summary.result is None:
            self.summary.validatePage()
            return
        service, _imported = self.summary.result
        self.created.emit(service, self.details.path.text().strip())
        super().accept()

    def reject(self) -> None:
        self.summary.cancel()
        super().reject()
