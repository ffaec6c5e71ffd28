"""The chair's console: the agenda, opening and closing each vote, live progress, and the result.

The chair works through the agenda item by item: open the vote, watch papers come back per class (a
cheap count refreshed every two seconds while the vote is open), close it, read the result with its
breakdown by class and the STV stages, and declare it under their name. A resolution can instead be
decided on a show of hands, with a poll demanded; a tie under a casting-vote rule asks the chair for
it. Every rule is the service's; the console shows what the service says.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from coopvote.counting.item_rules import item_tie_rule
from coopvote.errors import CoopvoteError
from coopvote.service.safeguards import ReasonRequired, decisions_of
from coopvote.service.views import ItemResult, ItemView, MeetingView
from coopvote.ui.chair_dialogs import ask
from coopvote.ui.chair_nominations import NominationsDialog
from coopvote.ui.chair_panels import CastingPanel, DeclarePanel, HandsPanel, ProgressPanel
from coopvote.ui.chair_rehearsal import RehearsalDialog
from coopvote.ui.look import arg, pick
from coopvote.ui.results_panel import ResultPanel, describe
from coopvote.ui.widgets import BigLabel, MessageBanner, Retranslatable, error_text

if TYPE_CHECKING:
    from coopvote.service import (
        MeetingService,
        NominationsRole,
        RehearsalRole,
        ResultsRole,
        SetupRole,
        VotingRole,
    )


REFRESH_MS = 2000


def tie_rule(meeting: MeetingView, item: ItemView) -> str:
    """The item's own tie rule, else the meeting's: the one its count will use."""
    general = meeting.rules.get("rules", {})
    return item_tie_rule(item.settings, general if isinstance(general, dict) else {})


def sentence(text: str) -> str:
    """The service's refusals start in lower case (the command line prefixes them); a dialog starts a sentence."""
    return text[:1].upper() + text[1:]


def rule_name(meeting: MeetingView, *keys: str) -> str:
    """The chair's or returning officer's name from the meeting's [rules], to fill in for them."""
    general = meeting.rules.get("rules", {})
    if not isinstance(general, dict):
        return ""
    for key in keys:
        if general.get(key):
            return str(general[key])
    return ""


class ChairPage(Retranslatable, QWidget):
    @classmethod
    def for_meeting(cls, service: MeetingService, parent: QWidget | None = None) -> ChairPage:
        """The chair's console gets set-up (reading the agenda), voting (open, close) and results (hands, polls, declarations)."""
        where = Path(service.record.where)
        folder = where.parent / "rehearsal" if where.is_file() else Path.home() / "coopvote-rehearsal"
        return cls(service.setup, service.voting, service.results, parent, rehearsal=service.rehearsal,
                   rehearsal_folder=folder, nominations=service.nominations)

    def __init__(
        self, setup: SetupRole, voting: VotingRole, results: ResultsRole, parent: QWidget | None = None,
        *, rehearsal: RehearsalRole | None = None, rehearsal_folder: Path | None = None,
        nominations: NominationsRole | None = None,
    ) -> None:
        super().__init__(parent)
        self.setup = setup
        self.voting = voting
        self.results = results
        self.rehearsal = rehearsal
        """Before the doors open: the rehearsal (a test deck read and counted), in a dialog of its own."""
        self.rehearsal_folder = rehearsal_folder or Path.home() / "coopvote-rehearsal"
        self.rehearsal_dialog: RehearsalDialog | None = None
        self.nominations = nominations
        """Before the meeting: nominations, statements and the candidate booklet, in a dialog of its own."""
        self.nominations_dialog: NominationsDialog | None = None
        self.meeting: MeetingView = setup.meeting()
        self.current: int | None = None
        self.banner = MessageBanner(self)

        self.agenda_label = QLabel(self)
        self.agenda = QListWidget(self)
        self.agenda.setObjectName("agenda")
        self.agenda.setWordWrap(True)
        self.agenda_label.setBuddy(self.agenda)
        self.agenda.currentItemChanged.connect(self._agenda_changed)

        self.title = BigLabel(1.6, True, self)
        self.title.setObjectName("itemTitle")
        self.status = BigLabel(1.2, False, self)
        self.status.setObjectName("itemStatus")
        self.open_button = QPushButton(self)
        self.close_button = QPushButton(self)
        self.result_button = QPushButton(self)
        self.reopen_button = QPushButton(self)
        self.reopen_button.setObjectName("reopenButton")
        self.reopen_button.clicked.connect(self.reopen_vote)
        self.decisions = QLabel(self)
        self.decisions.setObjectName("chairDecisions")
        self.decisions.setWordWrap(True)
        self.open_button.clicked.connect(self.open_vote)
        self.close_button.clicked.connect(self.close_vote)
        self.result_button.clicked.connect(self.show_result)
        buttons = QHBoxLayout()
        for button in (self.open_button, self.close_button, self.result_button, self.reopen_button):
            buttons.addWidget(button)
        buttons.addStretch(1)

        self.progress = ProgressPanel(self)
        self.hands = HandsPanel(self)
        self.hands.set_classes({c.code: (c.name_cy, c.name_en) for c in self.meeting.classes})
        self.hands.record.connect(self.record_hands)
        self.hands.pollDemanded.connect(self.demand_poll)
        self.result_title = QLabel(self)
        self.result = ResultPanel(self)
        self.result.loaded.connect(self._result_loaded)
        self.casting = CastingPanel(self)
        self.casting.chair.setText(rule_name(self.meeting, "chair"))
        self.casting.cast.connect(self.cast_vote)
        self.declare_panel = DeclarePanel(self)
        self.declare_panel.by.setText(rule_name(self.meeting, "chair", "returning_officer"))
        self.declare_panel.declare.connect(self.declare)

        detail = QWidget(self)
        column = QVBoxLayout(detail)
        column.addWidget(self.title)
        column.addWidget(self.status)
        column.addWidget(self.decisions)
        column.addLayout(buttons)
        column.addWidget(self.progress)
        column.addWidget(self.hands)
        column.addWidget(self.result_title)
        column.addWidget(self.result)
        column.addWidget(self.casting)
        column.addWidget(self.declare_panel)
        column.addStretch(1)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(detail)

        self.rehearse_button = QPushButton(self)
        self.rehearse_button.setObjectName("rehearse")
        self.rehearse_button.clicked.connect(self.open_rehearsal)
        self.rehearse_button.setVisible(rehearsal is not None)
        self.nominations_button = QPushButton(self)
        self.nominations_button.setObjectName("nominations")
        self.nominations_button.clicked.connect(self.open_nominations)
        self.nominations_button.setVisible(nominations is not None and any(
            isinstance(item.settings.get("nominations"), dict) for item in self.meeting.items))
        left = QVBoxLayout()
        left.addWidget(self.agenda_label)
        left.addWidget(self.agenda, 1)
        left.addWidget(self.nominations_button)
        left.addWidget(self.rehearse_button)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addWidget(self.scroll_area, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(body, 1)

        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.tick)
        self.timer.start()
        self.retranslate()
        self.refresh_agenda()

    def open_rehearsal(self) -> RehearsalDialog | None:
        if self.rehearsal is None:
            return None
        self.rehearsal_dialog = RehearsalDialog(self.rehearsal, self.rehearsal_folder, self)
        self.rehearsal_dialog.show()
        return self.rehearsal_dialog

    def open_nominations(self) -> NominationsDialog | None:
        if self.nominations is None:
            return None
        self.nominations_dialog = NominationsDialog(self.setup, self.nominations, self.rehearsal_folder.parent, self)
        self.nominations_dialog.finished.connect(lambda _result: self.refresh_agenda())
        self.nominations_dialog.show()
        return self.nominations_dialog

    # -- the agenda ----------------------------------------------------------------------------------

    def activate(self) -> None:
        """Called by the main window when the chair's page is shown."""
        self.refresh_agenda()

    def refresh_agenda(self) -> None:
        try:
            self.meeting = self.setup.meeting()
        except CoopvoteError as error:
            self.banner.show_error(error)
            return
        keep = self.current
        self.agenda.blockSignals(True)
        self.agenda.clear()
        for item in self.meeting.items:
            entry = QListWidgetItem(self._agenda_text(item), self.agenda)
            entry.setData(Qt.ItemDataRole.UserRole, item.number)
        self.agenda.blockSignals(False)
        numbers = [i.number for i in self.meeting.items]
        if keep not in numbers:
            open_items = [i.number for i in self.meeting.items if i.is_open]
            waiting = [i.number for i in self.meeting.items if i.status in {"pending", "closed"}]
            candidates: list[int | None] = [*open_items, *waiting, *numbers, None]
            keep = candidates[0]
        if keep is not None:
            self.agenda.setCurrentRow(numbers.index(keep))
        self.select_item(keep)

    def _agenda_text(self, item: ItemView) -> str:
        return arg(self.tr("%1. %2: %3"), item.number, pick(cy=item.title_cy, en=item.title_en), describe(item.status))

    def _agenda_changed(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is not None:
            self.select_item(int(current.data(Qt.ItemDataRole.UserRole)))

    def item(self) -> ItemView | None:
        if self.current is None:
            return None
        try:
            return self.meeting.item(self.current)
        except KeyError:
            return None

    def select_item(self, number: int | None) -> None:
        self.current = number
        item = self.item()
        self.casting.hide()
        if item is None:
            self.title.setText(self.tr("The agenda has no items."))
            self.status.clear()
            for widget in (self.open_button, self.close_button, self.result_button, self.progress, self.hands,
                           self.result_title, self.result, self.declare_panel, self.reopen_button, self.decisions):
                widget.hide()
            return
        self.title.setText(arg(self.tr("Item %1: %2"), item.number, pick(cy=item.title_cy, en=item.title_en)))
        self.status.setText(self._status_words(item))
        self.status.setAccessibleName(self.status.text())
        self.open_button.setVisible(item.status == "pending")
        self.close_button.setVisible(item.status == "open")
        self.result_button.setVisible(item.status != "open")
        self.reopen_button.setVisible(item.status == "closed")
        self._show_decisions(item)
        self.progress.setVisible(item.status in {"open", "closed", "declared"})
        self.hands.setVisible(item.kind == "resolution" and item.status == "pending")
        self.declare_panel.setVisible(item.status != "open")
        self.declare_panel.button.setEnabled(item.status != "declared")
        self.result_title.setVisible(item.status != "open")
        self.result.setVisible(item.status != "open")
        self.refresh_progress()
        if item.status == "open":
            self.result.show_result(None)
        else:
            self.show_result()

    def _status_words(self, item: ItemView) -> str:
        if item.status == "open":
            return self.tr("Voting is open.")
        if item.status == "closed":
            return self.tr("Voting is closed; the result can be declared.")
        if item.status == "declared":
            return self.tr("The result has been declared.")
        if item.kind == "resolution":
            return self.tr("Not open yet: take a show of hands, or open a vote on paper.")
        return self.tr("Not open yet.")

    # -- live progress -------------------------------------------------------------------------------

    def tick(self) -> None:
        """The two-second refresh: only while the page is on screen and the item's vote is open."""
        item = self.item()
        if item is not None and item.status == "open" and self.isVisible():
            self.refresh_progress()

    def refresh_progress(self) -> None:
        item = self.item()
        if item is None or item.status == "pending":
            return
        try:
            rows = self.results.reconciliation(item.number)
        except CoopvoteError as error:
            self.banner.show_error(error)
            return
        self.progress.show_rows(rows, {c.code: (c.name_cy, c.name_en) for c in self.meeting.classes})

    # -- actions -------------------------------------------------------------------------------------

    def _do(self, work: Any, success: str) -> bool:
        try:
            work()
        except CoopvoteError as error:
            self.banner.show_error(error)
            return False
        except Exception as error:  # noqa: BLE001 - shown, never a crash of the console
            self.banner.show_error(error_text(error))
            return False
        self.banner.show_ok(success)
        self.refresh_agenda()
        return True

    def open_vote(self) -> bool:
        """Open the vote; when the meeting is not quorate the service refuses, and the chair may decide to go on."""
        number = self.current
        if number is None:
            return False
        opened = arg(self.tr("Voting on item %1 is open."), number)
        try:
            self.voting.open_vote(number)
        except ReasonRequired as refusal:
            reason = ask(
                self.tr("The meeting is not quorate"),
                arg(self.tr("%1\n\nOpen the vote anyway? Your reason is recorded in the audit log and printed on "
                            "the declaration."), sentence(str(refusal))),
                self.tr("Open the vote anyway"),
                reason_label=self.tr("Why the vote goes ahead without a quorum:"),
                parent=self,
            )
            if reason is None:
                self.banner.show_message(self.tr("The vote was not opened."), "warn")
                return False
            return self._do(lambda: self.voting.open_vote(number, not_quorate_reason=reason, by=self._chair()), opened)
        except CoopvoteError as error:
            self.banner.show_error(error)
            return False
        self.banner.show_ok(opened)
        self.refresh_agenda()
        return True

    def close_vote(self) -> bool:
        """Close after the chair confirms; never while scanned sheets wait for a teller's decision."""
        number = self.current
        if number is None:
            return False
        try:
            waiting = self.voting.waiting_sheets(number)
            returned = sum(row.returned for row in self.results.reconciliation(number))
        except CoopvoteError as error:
            self.banner.show_error(error)
            return False
        if waiting:
            self.banner.show_error(arg(
                self.tr("Voting on item %1 cannot close yet: %2 scanned sheet(s) wait for adjudication. A teller "
                        "decides each one on the Teller screen, Adjudication tab (accept the voter's clear "
                        "intention, or reject it with a reason); then close the vote."), number, len(waiting)))
            return False
        confirmed = ask(
            arg(self.tr("Close the vote on item %1?"), number),
            arg(self.tr("%1 paper(s) are recorded. Once the vote closes no more papers are accepted, and the result "
                        "can be counted and declared. A closed vote can be reopened only with a recorded reason."),
                returned),
            self.tr("Close the vote"),
            parent=self,
        )
        if confirmed is None:
            return False
        codes: list[str] = []
        if not self._do(lambda: codes.append(self.voting.close_vote(number)), ""):
            return False
        # The close code is the witnessed head of the audit chain: it stays up until the next message.
        self.banner.show_ok(arg(self.tr("Voting on item %1 is closed. Close code: %2. Write it into the minutes "
                                        "by hand: it proves later that the record was not rewritten."), number, codes[0]))
        return True

    def reopen_vote(self) -> bool:
        number = self.current
        if number is None:
            return False
        reason = ask(
            arg(self.tr("Reopen the vote on item %1?"), number),
            self.tr("The vote opens again so more papers can be recorded or sheets decided. Your reason is recorded "
                    "in the audit log and printed on the declaration."),
            self.tr("Reopen the vote"),
            reason_label=self.tr("Why the vote is reopened:"),
            parent=self,
        )
        if reason is None:
            return False
        return self._do(lambda: self.voting.reopen_vote(number, reason, by=self._chair()),
                        arg(self.tr("Voting on item %1 is open again."), number))

    def record_hands(self, counts: dict[str, tuple[int, int, int]]) -> bool:
        number = self.current
        if number is None:
            return False
        return self._do(lambda: self.results.record_show_of_hands(number, counts),
                        arg(self.tr("Show of hands on item %1 recorded."), number))

    def demand_poll(self, by: str) -> bool:
        number = self.current
        if number is None:
            return False
        return self._do(lambda: self.results.demand_poll(number, by),
                        arg(self.tr("A poll on item %1 was demanded by %2: open the vote on paper."), number, by.strip()))

    def cast_vote(self, side: str, chair: str) -> bool:
        number = self.current
        if number is None:
            return False
        words = self.tr("for") if side == "for" else self.tr("against")
        return self._do(lambda: self.results.set_casting_vote(number, side, chair.strip()),
                        arg(self.tr("Casting vote %1 recorded for item %2."), words, number))

    def declare(self, by: str) -> bool:
        """Declare after the chair confirms what will be fixed; papers that do not reconcile need a reason."""
        number = self.current
        if number is None:
            return False
        if not by.strip():
            self.banner.show_error(self.tr("Enter the name of the person declaring the result."))
            self.declare_panel.by.setFocus()
            return False
        item = self.item()
        if item is not None and item.status == "declared":
            self.banner.show_message(arg(self.tr("Item %1 is already declared; a declared result cannot change."),
                                         number), "warn")
            return False
        try:
            problems = [self._problem_words(row) for row in self.results.reconciliation(number) if row.problems]
        except CoopvoteError as error:
            self.banner.show_error(error)
            return False
        outcome = self.result.outcome.text() if self.result.result is not None else ""
        message = arg(self.tr("%1\n\nDeclared by %2. The declared result is fixed: it cannot be changed, and the "
                              "vote cannot be reopened."), outcome or self.tr("(the result is still being counted)"),
                      by.strip())
        label = ""
        if problems:
            message = arg(self.tr("The papers do not reconcile: %1.\n\n%2"), "; ".join(problems), message)
            label = self.tr("Why the result is declared although the papers do not add up:")
        reason = ask(arg(self.tr("Declare the result of item %1?"), number), message, self.tr("Declare the result"),
                     reason_label=label, parent=self)
        if reason is None:
            return False
        return self._do(
            lambda: self.results.declare(number, by.strip(), reconciliation_reason=reason or None),
            arg(self.tr("The result of item %1 is declared by %2."), number, by.strip()),
        )

    def _chair(self) -> str:
        """Who decides: the name in the declaration box (the meeting's chair unless changed)."""
        return self.declare_panel.by.text().strip() or rule_name(self.meeting, "chair")

    def _problem_words(self, row: Any) -> str:
        """One class's reconciliation problem in the app's language (the service words it in English)."""
        words = []
        if row.returned > row.issued:
            words.append(arg(self.tr("%1 more paper(s) returned than issued (%2 issued, %3 returned)"),
                             row.returned - row.issued, row.issued, row.returned))
        if row.printed and row.issued + row.spoilt > row.printed:
            words.append(self.tr("more papers issued than printed"))
        return arg(self.tr("%1: %2"), row.class_code, "; ".join(words) or "; ".join(row.problems))

    def _show_decisions(self, item: ItemView) -> None:
        """The chair's recorded decisions on this item, so whoever takes the chair next sees them."""
        kinds = {
            "opened-not-quorate": self.tr("Opened without a quorum"),
            "reopened": self.tr("Reopened after closing"),
            "reconciliation-accepted": self.tr("Declared although the papers do not reconcile"),
        }
        lines = [arg(self.tr("%1: %2"), kinds.get(d.get("kind", ""), d.get("kind", "")), d.get("reason", ""))
                 for d in decisions_of(item.settings)]
        self.decisions.setText("\n".join(lines))
        self.decisions.setVisible(bool(lines))

    def show_result(self) -> None:
        """Count the item in the background; ``_result_loaded`` shows it (or why it cannot be counted)."""
        item = self.item()
        if item is None:
            return
        self.result_title.setText(arg(self.tr("Result of item %1"), item.number))
        self.casting.hide()
        self.result.load(self.results, item.number)

    def _result_loaded(self, result: ItemResult | None, problem: str) -> None:
        item = self.item()
        if item is None:
            return
        if result is None:
            tied = item.kind == "resolution" and tie_rule(self.meeting, item) == "casting-vote"
            self.casting.setVisible(tied and item.status != "declared")
            return
        self.casting.setVisible(
            result.resolution is not None and result.resolution.tie is not None
            and result.resolution.tie.how == "casting-vote" and item.status != "declared"
        )
        if item.status == "pending" and not result.show_of_hands:
            self.result.show_result(None, self.tr("No votes yet: open the vote or take a show of hands."))

    def retranslate(self) -> None:
        self.agenda_label.setText(self.tr("&Agenda"))
        self.open_button.setText(self.tr("&Open the vote"))
        self.close_button.setText(self.tr("&Close the vote"))
        self.result_button.setText(self.tr("Show the &result"))
        self.reopen_button.setText(self.tr("Reope&n the vote"))
        self.rehearse_button.setText(self.tr("Rehearsa&l before the meeting…"))
        self.nominations_button.setText(self.tr("No&minations and candidate booklet…"))
        for row in range(self.agenda.count()):
            entry = self.agenda.item(row)
            number = int(entry.data(Qt.ItemDataRole.UserRole))
            entry.setText(self._agenda_text(self.meeting.item(number)))
        if self.current is not None and self.item() is not None:
            item = self.item()
            assert item is not None
            self.title.setText(arg(self.tr("Item %1: %2"), item.number, pick(cy=item.title_cy, en=item.title_en)))
            self.status.setText(self._status_words(item))
            self.result_title.setText(arg(self.tr("Result of item %1"), item.number))
