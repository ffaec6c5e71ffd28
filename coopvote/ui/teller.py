"""The teller station: the scanning screen first, then scanned files, the adjudication queue and a camera.

The scanning screen is what a teller uses all evening, so it opens first with the code box focused;
the other tabs are for the tellers' table at the end (a scanner's batch of images, doubtful sheets).
A code read by the camera goes through the scanning screen exactly like one typed by the scanner.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from coopvote.ui.adjudication import AdjudicationPanel
from coopvote.ui.batch_import import BatchImportPanel
from coopvote.ui.camera import CameraPanel
from coopvote.ui.look import arg
from coopvote.ui.teller_scan import ScanPanel
from coopvote.ui.widgets import Retranslatable

if TYPE_CHECKING:
    from coopvote.service import MeetingService, ResultsRole, SetupRole, TellersRole



class TellerPage(Retranslatable, QWidget):
    @classmethod
    def for_meeting(cls, service: MeetingService, parent: QWidget | None = None) -> TellerPage:
        """The tellers get their own role, set-up (reading the agenda) and results only to show papers back of papers out."""
        return cls(service.tellers, service.setup, service.results, parent)

    def __init__(
        self, tellers: TellersRole, setup: SetupRole, results: ResultsRole, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.tellers = tellers
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("tellerTabs")
        self.scan = ScanPanel(tellers, setup, results, self.tabs)
        self.batch = BatchImportPanel(tellers, self.tabs)
        self.adjudication = AdjudicationPanel(tellers, self.tabs)
        self.camera = CameraPanel(self.tabs)
        self.tabs.addTab(self.scan, "")
        self.tabs.addTab(self.batch, "")
        self.tabs.addTab(self.adjudication, "")
        self.tabs.addTab(self.camera, "")
        self.camera.codeFound.connect(self._camera_code)
        self.batch.finished.connect(lambda _summary: self._queue_changed())
        self.adjudication.decided.connect(lambda _outcome: self._queue_changed())
        self.tabs.currentChanged.connect(self._tab_changed)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        self.retranslate()
        self._queue_changed()

    def activate(self) -> None:
        """Called by the main window when the teller's page is shown: ready to scan at once."""
        self.scan.refresh_meeting()
        if self.tabs.currentWidget() is self.scan:
            self.scan.input.setFocus()
        elif self.tabs.currentWidget() is self.adjudication:
            self.adjudication.refresh()

    def _tab_changed(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.scan:
            self.scan.refresh_meeting()
            self.scan.input.setFocus()
        elif self.tabs.currentWidget() is self.adjudication:
            self.adjudication.refresh()

    def _camera_code(self, text: str) -> None:
        self.scan.handle_code(text)

    def _queue_changed(self) -> None:
        try:
            waiting = len(self.tellers.pending_sheets())
        except Exception:  # noqa: BLE001 - the count on a tab is a convenience
            waiting = 0
        self.waiting = waiting
        self.retranslate()

    def retranslate(self) -> None:
        self.tabs.setTabText(0, self.tr("&Scan"))
        self.tabs.setTabText(1, self.tr("Scanned &files"))
        waiting = getattr(self, "waiting", 0)
        self.tabs.setTabText(2, arg(self.tr("&Adjudication (%1)"), waiting) if waiting else self.tr("&Adjudication"))
        self.tabs.setTabText(3, self.tr("Cam&era"))
