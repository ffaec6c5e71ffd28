"""Before the meeting: advance packs, the envelopes that come back, their papers, and an amendment.

A thin page over ``service.advance``: every rule (the window, refusals, one vote per member) lives in the
service, and this page shows its answer in the language chosen. Receiving a long batch of envelopes from a
file shows its progress and can be stopped between envelopes: each one is saved as it is received. The
papers are read with the tellers' own panels (``advance_papers``), and the chair records a resolution
amended in the room on the last tab (``advance_amend``).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from coopvote.errors import CoopvoteError
from coopvote.ui.advance_amend import AmendmentPanel
from coopvote.ui.advance_papers import AdvanceDoor
from coopvote.ui.batch_import import BatchImportPanel
from coopvote.ui.look import arg, current_language
from coopvote.ui.teller_scan import ScanPanel
from coopvote.ui.widgets import BigLabel, MessageBanner, Retranslatable

if TYPE_CHECKING:
    from coopvote.service import AdvanceRole, MeetingService, SetupRole


class AdvancePage(Retranslatable, QWidget):
    @classmethod
    def for_meeting(cls, service: MeetingService, parent: QWidget | None = None) -> AdvancePage:
        """The page gets the advance role and set-up (to list the classes): it cannot open or count a vote."""
        return cls(service.advance, service.setup, parent)

    def __init__(self, advance: AdvanceRole, setup: SetupRole, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.advance = advance
        self.setup = setup
        self.stopping = False
        self.banner = MessageBanner(self)
        self.heading = BigLabel(1.4, parent=self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("advanceTabs")
        self.packs_box = QGroupBox(self.tabs)
        self.class_label = QLabel(self.packs_box)
        self.class_choice = QComboBox(self.packs_box)
        self.members_label = QLabel(self.packs_box)
        self.members = QLineEdit(self.packs_box)
        self.folder_label = QLabel(self.packs_box)
        self.folder = QLineEdit(self.packs_box)
        self.send_button = QPushButton(self.packs_box)
        self.send_button.clicked.connect(self.send_packs)
        form = QFormLayout(self.packs_box)
        form.addRow(self.class_label, self.class_choice)
        form.addRow(self.members_label, self.members)
        form.addRow(self.folder_label, self.folder)
        form.addRow(self.send_button)
        for label, field in ((self.class_label, self.class_choice), (self.members_label, self.members),
                             (self.folder_label, self.folder)):  # fmt: skip
            label.setBuddy(field)

        self.envelopes_box = QGroupBox(self.tabs)
        self.code_label = QLabel(self.envelopes_box)
        self.code = QLineEdit(self.envelopes_box)
        self.code_label.setBuddy(self.code)
        self.code.returnPressed.connect(self.receive_scanned)
        self.signed = QCheckBox(self.envelopes_box)
        self.signed.setChecked(True)
        self.batch_button = QPushButton(self.envelopes_box)
        self.batch_button.clicked.connect(self.choose_batch)
        self.stop_button = QPushButton(self.envelopes_box)
        self.stop_button.clicked.connect(self.stop)
        self.stop_button.setEnabled(False)
        self.progress = QProgressBar(self.envelopes_box)
        self.progress.hide()
        self.open_button = QPushButton(self.envelopes_box)
        self.open_button.clicked.connect(self.open_envelopes)
        self.counts = QLabel(self.envelopes_box)
        self.counts.setWordWrap(True)
        envelopes = QVBoxLayout(self.envelopes_box)
        row = QHBoxLayout()
        row.addWidget(self.code_label)
        row.addWidget(self.code, 1)
        envelopes.addLayout(row)
        envelopes.addWidget(self.signed)
        buttons = QHBoxLayout()
        for button in (self.batch_button, self.stop_button, self.open_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        envelopes.addLayout(buttons)
        envelopes.addWidget(self.progress)
        envelopes.addWidget(self.counts)

        envelopes.addStretch(1)

        self.papers_tab = QWidget(self.tabs)
        self.papers_note = QLabel(self.papers_tab)
        self.papers_note.setWordWrap(True)
        self.papers_note.setObjectName("advancePapersNote")
        self.batch = BatchImportPanel(advance, self.papers_tab)
        self.batch.finished.connect(lambda _summary: self.show_counts())
        papers = QVBoxLayout(self.papers_tab)
        papers.addWidget(self.papers_note)
        papers.addWidget(self.batch, 1)
        self.keyed = ScanPanel(AdvanceDoor(advance), setup, None, self.tabs, corrections=False,
                               advance_papers=True)
        self.amendment = AmendmentPanel(advance, setup, self.tabs)
        for page in (self.packs_box, self.envelopes_box, self.papers_tab, self.keyed, self.amendment):
            self.tabs.addTab(page, "")

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs, 1)
        self.retranslate()
        self.activate()

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Before the meeting: advance votes"))
        for index, title in enumerate((self.tr("Pac&ks"), self.tr("&Envelopes"), self.tr("&Scanned papers"),
                                       self.tr("Hand sca&nner or keyed"), self.tr("&Amended in the room"))):
            self.tabs.setTabText(index, title)
        self.packs_box.setTitle(self.tr("Advance packs"))
        self.class_label.setText(self.tr("Every member of &class"))
        self.members_label.setText(self.tr("or these members (numbe&rs, with commas)"))
        self.folder_label.setText(self.tr("Print into &folder"))
        self.send_button.setText(self.tr("Sen&d packs: record them and print"))
        if self.class_choice.count():
            self.fill_classes()
        self.envelopes_box.setTitle(self.tr("Returned envelopes"))
        self.code_label.setText(self.tr("Envelope (scan, or type the membership n&umber and press Enter)"))
        self.signed.setText(self.tr("The declaration of identity is signe&d"))
        self.batch_button.setText(self.tr("Receive a &batch from a file…"))
        self.stop_button.setText(self.tr("S&top"))
        self.open_button.setText(self.tr("O&pen the accepted envelopes"))
        self.papers_note.setText(self.tr("Open the envelopes and mix their papers first. Papers are counted as "
                                         "advance papers; a sheet the reader is not sure of goes to the tellers' "
                                         "adjudication queue (Tellers, Adjudication), and its vote cannot close "
                                         "until it is decided."))
        self.show_counts()

    def activate(self) -> None:
        self.keyed.refresh_meeting()
        self.amendment.refresh()
        self.fill_classes()
        self.show_counts()

    def fill_classes(self) -> None:
        """The classes by code and their name in the language on screen (a Welsh screen showed the English too)."""
        current = self.class_choice.currentData()
        self.class_choice.clear()
        self.class_choice.addItem(self.tr("(none: name members)"), None)
        for cls in self.setup.meeting().classes:
            name = cls.name_cy if current_language() == "cy" else cls.name_en
            self.class_choice.addItem(arg(self.tr("%1 – %2"), cls.code, name or cls.name_en or cls.name_cy), cls.code)
        index = self.class_choice.findData(current)
        self.class_choice.setCurrentIndex(max(index, 0))

    def show_counts(self) -> None:
        counts = self.advance.envelope_counts()
        refused = sum(n for key, n in counts.items() if key not in {"packs", "accepted", "opened"})
        self.counts.setText(arg(self.tr("Packs sent: %1. Envelopes accepted: %2 (opened: %3). Refused: %4."),
                                counts.get("packs", 0), counts.get("accepted", 0), counts.get("opened", 0), refused))

    # -- actions -------------------------------------------------------------------------------------

    def send_packs(self) -> None:
        numbers = [n.strip() for n in self.members.text().split(",") if n.strip()]
        class_code = self.class_choice.currentData()
        folder = self.folder.text().strip()
        if not folder:
            self.banner.show_error(self.tr("Choose a folder to print the envelopes and papers into."))
            return
        try:
            issue = self.advance.issue_packs(numbers, None if numbers else class_code)
            written = self.advance.print_issue(issue, Path(folder))
        except CoopvoteError as error:
            self.banner.show_error(error)
            return
        self.banner.show_ok(arg(self.tr("Packs for %1 members recorded as sent; printed %2 files into %3. Print "
                                        "envelopes and papers separately and fill each envelope from a mixed stack."),
                                len(issue.members), len(written), folder))
        self.show_counts()

    def receive_scanned(self) -> None:
        text = self.code.text().strip()
        if not text:
            return
        self.code.clear()
        self._receive(text)
        self.show_counts()

    def _receive(self, text: str) -> Any:
        try:
            outcome = self.advance.receive_envelope(text, signed=self.signed.isChecked())
        except CoopvoteError as error:
            self.banner.show_error(error)
            return None
        message = outcome.message_cy if current_language() == "cy" else outcome.message_en
        self.banner.show_message(message, "ok" if outcome.accepted else "error")
        return outcome

    def choose_batch(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Envelope codes, one a line"))
        if path:
            self.receive_batch(Path(path))

    def receive_batch(self, path: Path) -> tuple[int, int]:
        """Receive every code in a file, one a line, showing progress; returns (accepted, refused)."""
        try:
            codes = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        except (OSError, UnicodeDecodeError) as error:
            self.banner.show_error(arg(self.tr("%1 cannot be read: %2"), path.name, str(error)))
            return 0, 0
        self.stopping = False
        self.progress.setRange(0, len(codes))
        self.progress.setValue(0)
        self.progress.show()
        self.stop_button.setEnabled(True)
        accepted = refused = 0
        for done, code in enumerate(codes, start=1):
            if self.stopping:
                break
            outcome = self._receive(code)
            if outcome is not None and outcome.accepted:
                accepted += 1
            else:
                refused += 1
            self.progress.setValue(done)
            QCoreApplication.processEvents()  # the bar moves and Stop is heard between envelopes
        self.stop_button.setEnabled(False)
        self.banner.show_message(arg(self.tr("%1 envelopes received: %2 accepted, %3 refused."),
                                     accepted + refused, accepted, refused), "info")
        self.show_counts()
        return accepted, refused

    def stop(self) -> None:
        self.stopping = True

    def open_envelopes(self) -> None:
        try:
            count = self.advance.open_envelopes()
        except CoopvoteError as error:
            self.banner.show_error(error)
            return
        self.banner.show_ok(arg(self.tr("%1 envelopes recorded as opened: mix their papers, then read them."), count))
        self.show_counts()
