"""The scanning screen: built so a teller with a handheld scanner never has to touch the mouse.

The code box has the focus and takes it back whenever a button took it; the scanner types the code
and Enter. The answer fills the screen in green (counted) or red (refused, with the reason in plain
words, Welsh first then English, as the service words it), with a sound. A paper (not a vote slip)
then waits for its marks: one key 1/2/3 for a resolution, or a line of numbers and Enter for an
election. The last scan can be undone with a reason.
"""

from __future__ import annotations

import contextlib
import time
from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from coopvote.errors import CoopvoteError
from coopvote.service.tellers import REJECTION_REASONS
from coopvote.service.views import ItemView, MeetingView, ScanOutcome
from coopvote.service.voting import IdentifiedPaper
from coopvote.ui.look import arg, pick, scaled_font
from coopvote.ui.teller_keyed import KeyedMarks, is_ranked, is_scanned_code, keyed_marks, looks_like_code
from coopvote.ui.teller_sound import Sounds
from coopvote.ui.widgets import BigLabel, Retranslatable, error_text

if TYPE_CHECKING:
    from coopvote.service import ResultsRole, SetupRole


class PaperDoor(Protocol):
    """Where a scanned or keyed paper is recorded: the tellers, or the advance papers' door (docs/advance-votes.md)."""

    def identify(self, qr_text: str) -> IdentifiedPaper | ScanOutcome: ...

    def record_paper(self, qr_text: str, marks: Sequence[int] | None = None, *, source: str = "keyed") -> ScanOutcome: ...

    def reject_paper(self, qr_text: str, reason: str, *, source: str = "keyed") -> ScanOutcome: ...

    def undo_last(self, reason: str) -> ScanOutcome: ...


STYLES = {
    "ok": ("#0b6e2e", "#ffffff"),
    "refused": ("#a30000", "#ffffff"),
    "waiting": ("#ffd24d", "#1a1300"),
    "idle": ("#e8ecf2", "#102040"),
}


class AnswerLabel(Retranslatable, QLabel):
    """The big coloured answer: its ``state`` is ok, refused, waiting or idle."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scanAnswer")
        self.state = "idle"
        self.setWordWrap(True)
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMinimumHeight(self.fontMetrics().height() * 8)
        self.setFrameShape(QFrame.Shape.Box)
        self.restyle()

    def show_state(self, state: str, text: str) -> None:
        self.state = state
        self.setText(text)
        self.setAccessibleName(text)
        self.setAccessibleDescription(state)
        self.restyle()

    def restyle(self) -> None:
        background, foreground = STYLES.get(self.state, STYLES["idle"])
        self.setStyleSheet(f"QLabel#scanAnswer {{ background: {background}; color: {foreground}; "
                           f"border: 3px solid {foreground}; border-radius: 8px; padding: 12px; }}")
        self.setFont(scaled_font(self, 2.2, bold=True))


def both_languages(outcome: ScanOutcome) -> str:
    """The service's answer, Welsh first, then English."""
    if outcome.message_cy and outcome.message_cy != outcome.message_en:
        return f"{outcome.message_cy}\n{outcome.message_en}"
    return outcome.message_en or outcome.message_cy


class ScanPanel(Retranslatable, QWidget):
    """Code box, big answer, running counts and undo; emits ``recorded`` after every answer.

    ``results`` (read only: papers back of papers out for each open vote) and ``corrections`` (reject and
    undo) are left out where the door has neither, as at the advance papers' door. ``advance_papers``: the
    words are the advance door's, where there are no vote slips to scan (advance packs hold papers only).
    """

    recorded = Signal(object)  # ScanOutcome

    def __init__(
        self, tellers: PaperDoor, setup: SetupRole, results: ResultsRole | None, parent: QWidget | None = None,
        *, corrections: bool = True, advance_papers: bool = False,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.advance_papers = advance_papers
        self.tellers = tellers
        self.setup = setup
        self.results = results
        self.meeting: MeetingView = setup.meeting()
        self.pending: Any = None  # IdentifiedPaper waiting for keyed marks
        self.pending_text = ""
        self.counted: Counter[int] = Counter()
        self.refused = 0
        self.last_shown_at = 0.0
        self.sounds = Sounds(self)

        self.input_label = QLabel(self)
        self.input = QLineEdit(self)
        self.input.setObjectName("scanInput")
        self.input.setFont(scaled_font(self, 1.5))
        self.input_label.setBuddy(self.input)
        self.input.returnPressed.connect(self.entered)
        self.input.installEventFilter(self)
        self.answer = AnswerLabel(self)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.counts = BigLabel(1.2, True, self)
        self.counts.setObjectName("scanCounts")
        self.totals = QLabel(self)
        self.totals.setObjectName("allStations")
        self.totals.setWordWrap(True)
        self.totals_timer = QTimer(self)
        self.totals_timer.setInterval(2000)
        self.totals_timer.timeout.connect(self.refresh_totals)
        self.totals_timer.start()
        self.totals_soon = QTimer(self)  # after a scan, once the teller pauses: never between two scans
        self.totals_soon.setSingleShot(True)
        self.totals_soon.setInterval(400)
        self.totals_soon.timeout.connect(self.refresh_totals)
        self.undo_reason = QLineEdit(self)
        self.undo_label = QLabel(self)
        self.undo_label.setBuddy(self.undo_reason)
        self.undo_button = QPushButton(self)
        self.undo_button.clicked.connect(self.undo)
        self.undo_reason.returnPressed.connect(self.undo)
        self.reject_label = QLabel(self)
        self.reject_reason = QComboBox(self)
        self.reject_reason.setObjectName("rejectReason")
        for code, (welsh, english) in REJECTION_REASONS.items():
            self.reject_reason.addItem(pick(cy=welsh, en=english), code)
        self.reject_label.setBuddy(self.reject_reason)
        self.reject_button = QPushButton(self)
        self.reject_button.setObjectName("rejectPaper")
        self.reject_button.clicked.connect(self.reject_pending)
        reject_row = QHBoxLayout()
        reject_row.addWidget(self.reject_label)
        reject_row.addWidget(self.reject_reason, 1)
        reject_row.addWidget(self.reject_button)
        self._waiting_changed()
        undo_row = QHBoxLayout()
        undo_row.addWidget(self.undo_label)
        undo_row.addWidget(self.undo_reason, 1)
        undo_row.addWidget(self.undo_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.input_label)
        layout.addWidget(self.input)
        layout.addWidget(self.answer, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.counts)
        layout.addWidget(self.totals)
        layout.addLayout(reject_row)
        layout.addLayout(undo_row)
        for widget in (self.reject_label, self.reject_reason, self.reject_button, self.undo_label, self.undo_reason,
                       self.undo_button):  # fmt: skip
            widget.setVisible(corrections)
        self.totals.setVisible(results is not None)
        self.retranslate()

    # -- focus: the code box takes it back ---------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.input:
            if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
                if self._key(event):
                    return True
            elif event.type() == QEvent.Type.FocusOut:
                QTimer.singleShot(0, self, self.reclaim_focus)  # dropped if the panel is gone
        return super().eventFilter(watched, event)

    def _key(self, event: QKeyEvent) -> bool:
        """One key records a resolution paper waiting for its mark; Escape drops a waiting paper."""
        if event.key() == Qt.Key.Key_Tab and is_scanned_code(self.input.text()):
            self.entered()  # a scanner set to end its codes with Tab instead of Enter
            return True
        if event.key() == Qt.Key.Key_Escape and self.pending is not None:
            self.pending = None
            self._waiting_changed()
            self.input.clear()
            self.answer.show_state("idle", self.tr("Paper set aside: nothing recorded. Scan the next code."))
            return True
        if (self.pending is not None and self.pending.kind == "resolution" and not self.input.text()
                and event.text() in {"1", "2", "3"}):
            self.record_pending([int(event.text())])
            return True
        return False

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        QTimer.singleShot(0, self, lambda: self.input.setFocus(Qt.FocusReason.OtherFocusReason))
        QTimer.singleShot(0, self, self.refresh_totals)

    def reclaim_focus(self) -> None:
        """Back to the code box, unless the teller moved to another field to type in it (the undo reason)."""
        if not self.isVisible():
            return
        focused = QApplication.focusWidget()
        if isinstance(focused, QLineEdit | QAbstractSpinBox | QComboBox) and focused is not self.input:
            return
        if focused is not None and focused.window() is not self.window():
            return
        self.input.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- scanning ----------------------------------------------------------------------------------

    def refresh_meeting(self) -> None:
        with contextlib.suppress(CoopvoteError):
            self.meeting = self.setup.meeting()

    def entered(self) -> None:
        text = self.input.text().strip()
        self.input.clear()
        if not text:
            return
        if self.pending is not None and not looks_like_code(text):
            self._keyed(text)
            return
        self.handle_code(text)

    def handle_code(self, text: str) -> ScanOutcome | None:
        """A code from the scanner, the camera or the keyboard: a slip records at once, a paper waits for marks."""
        dropped = self.pending
        self.pending = None
        self._waiting_changed()
        try:
            found = self.tellers.identify(text)
            if isinstance(found, ScanOutcome) and found.reason == "already-counted":
                # A second slip from one sheet may carry another choice: recording it lets the service
                # reject both as more than one vote (the same choice again stays "already counted").
                return self.show_outcome(self.tellers.record_paper(text, None, source="scan"))
            if isinstance(found, ScanOutcome):
                return self.show_outcome(found)
            if found.option is not None:
                return self.show_outcome(self.tellers.record_paper(text, None, source="slip"))
        except CoopvoteError as error:
            self._error(error_text(error))
            return None
        self.pending = found
        self.pending_text = text
        self._waiting_changed()
        prompt = self._prompt(found)
        if dropped is not None:
            prompt = arg(self.tr("Paper %1 of item %2 was not recorded (no marks keyed).\n%3"),
                         dropped.serial, dropped.item, prompt)
        self.answer.show_state("waiting", prompt)
        self.last_shown_at = time.perf_counter()
        return None

    def _item(self, number: int) -> ItemView | None:
        try:
            return self.meeting.item(number)
        except KeyError:
            self.refresh_meeting()
            try:
                return self.meeting.item(number)
            except KeyError:
                return None

    def _prompt(self, paper: Any) -> str:
        item = self._item(paper.item)
        title = pick(cy=item.title_cy, en=item.title_en) if item is not None else ""
        head = arg(self.tr("Item %1 (%2), %3 paper %4"), paper.item, title, paper.class_code, paper.serial)
        if paper.kind == "resolution":
            return arg(self.tr("%1\nPress 1 For, 2 Against, 3 Abstain"), head)
        names = ", ".join(f"{n}. {c.name}" for n, c in enumerate(item.candidates, start=1)) if item else ""
        if is_ranked(paper.method):
            return arg(self.tr("%1\nType the rank beside each candidate in order (- for a blank), then Enter:\n%2"),
                       head, names)
        return arg(self.tr("%1\nType the numbers of the marked candidates, then Enter:\n%2"), head, names)

    def _keyed(self, text: str) -> None:
        paper = self.pending
        item = self._item(paper.item)
        names = tuple(c.name for c in item.candidates) if item is not None else ()
        keyed = keyed_marks(text, paper.kind, paper.method, names)
        if keyed.problem:
            self.answer.show_state("waiting", arg(self.tr("%1\nTry again: %2"), self._prompt(paper),
                                                  self._problem_words(keyed)))
            self.sounds.play(False)
            return
        self.record_pending(list(keyed.marks), keyed.notes)

    def _problem_words(self, keyed: KeyedMarks) -> str:
        """What is wrong with a keyed line, in the screen's language."""
        if keyed.problem_code == "numbers":
            return self.tr("type numbers only, separated by spaces")
        if keyed.problem_code == "too-many-ranks":
            return arg(self.tr("%1 ranks typed for %2 candidates"), *keyed.problem_args)
        if keyed.problem_code == "rank-range":
            return arg(self.tr("ranks run from 1 to %1"), *keyed.problem_args)
        return keyed.problem

    def record_pending(self, marks: list[int], notes: tuple[str, ...] = ()) -> ScanOutcome | None:
        text = self.pending_text
        paper = self.pending
        self.pending = None
        self._waiting_changed()
        try:
            outcome = self.tellers.record_paper(text, marks, source="keyed")
        except CoopvoteError as error:
            self._error(error_text(error))
            return None
        if outcome.reason == "bad-marks" and paper is not None:
            # Marks that cannot be counted (a first preference given twice, nothing marked): the paper
            # still waits, to be keyed again or rejected with its reason; it never drops to "not returned".
            self.pending = paper
            self._waiting_changed()
            self.reject_reason.setCurrentIndex(max(self.reject_reason.findData("unmarked-or-uncertain"), 0))
            self.answer.show_state("waiting", arg(self.tr("%1\n%2\nKey the marks again, or reject the paper: choose "
                                                          "the reason and press Reject."),
                                                  both_languages(outcome), self._prompt(paper)))
            self.sounds.play(False)
            return outcome
        return self.show_outcome(outcome, notes)

    def reject_pending(self) -> ScanOutcome | None:
        """Record the paper waiting for marks as rejected, with the statutory reason chosen (void, spoilt...)."""
        if self.pending is None:
            self._error(self.tr("No paper is waiting: scan the paper to reject first."))
            return None
        text = self.pending_text
        self.pending = None
        self._waiting_changed()
        try:
            outcome = self.tellers.reject_paper(text, str(self.reject_reason.currentData()))
        except CoopvoteError as error:
            self._error(error_text(error))
            return None
        if not outcome.accepted:  # the code itself was refused (counted already, vote closed...)
            return self.show_outcome(outcome)
        self.answer.show_state("ok", both_languages(outcome))  # recorded: returned and rejected, not counted
        self.last_shown_at = time.perf_counter()
        self.sounds.play(True)
        self.totals_soon.start()
        self.recorded.emit(outcome)
        self.input.setFocus()
        return outcome

    def _waiting_changed(self) -> None:
        self.reject_button.setEnabled(self.pending is not None)
        self.reject_reason.setEnabled(self.pending is not None)

    def show_outcome(self, outcome: ScanOutcome, notes: tuple[str, ...] = ()) -> ScanOutcome:
        words = both_languages(outcome)
        if outcome.accepted and outcome.marks:
            words += "\n" + self._marks_words(outcome)
        if notes:
            words += "\n" + "; ".join(notes)
        self.answer.show_state("ok" if outcome.accepted else "refused", words)
        self.last_shown_at = time.perf_counter()
        self.sounds.play(outcome.accepted)
        if outcome.accepted and outcome.item is not None:
            self.counted[outcome.item] += 1
        elif not outcome.accepted:
            self.refused += 1
        self._update_counts()
        self.totals_soon.start()
        self.recorded.emit(outcome)
        return outcome

    def _marks_words(self, outcome: ScanOutcome) -> str:
        item = self._item(outcome.item) if outcome.item is not None else None
        if item is None:
            return ""
        if item.kind == "resolution":
            labels = (self.tr("For"), self.tr("Against"), self.tr("Abstain"))
            return " ".join(labels[m - 1] for m in outcome.marks if 1 <= m <= 3)
        names = [item.candidates[m - 1].name for m in outcome.marks if 1 <= m <= len(item.candidates)]
        if is_ranked(item.method):
            return " › ".join(names)
        return ", ".join(names)

    def _error(self, text: str) -> None:
        self.answer.show_state("refused", text)
        self.last_shown_at = time.perf_counter()
        self.sounds.play(False)

    def undo(self) -> ScanOutcome | None:
        reason = self.undo_reason.text()
        if is_scanned_code(reason):
            # The scanner typed a code while the reason box had the focus: scan it, never undo with it.
            self.undo_reason.clear()
            self.input.setFocus()
            self.handle_code(reason.strip())
            return None
        try:
            outcome = self.tellers.undo_last(reason)
        except CoopvoteError as error:
            self._error(error_text(error))
            self.undo_reason.setFocus()
            return None
        if outcome.item is not None and self.counted[outcome.item] > 0:
            self.counted[outcome.item] -= 1
        self.undo_reason.clear()
        self.answer.show_state("waiting", both_languages(outcome))
        self._update_counts()
        self.input.setFocus()
        self.recorded.emit(outcome)
        return outcome

    def refresh_totals(self) -> None:
        """Papers back of papers out for each open vote, from every station (a cheap count, every 2 s)."""
        if not self.isVisible() or self.results is None:
            return
        self.refresh_meeting()  # the chair may have opened or closed a vote at another station
        parts = []
        try:
            for item in self.meeting.items:
                if item.is_open:
                    rows = self.results.reconciliation(item.number)
                    parts.append(arg(self.tr("item %1: %2 returned of %3 issued"), item.number,
                                     sum(r.returned for r in rows), sum(r.issued for r in rows)))
        except CoopvoteError as error:
            self.totals.setText(error_text(error))
            return
        self.totals.setText(arg(self.tr("All stations: %1"), "; ".join(parts)) if parts
                            else self.tr("No vote is open."))

    def _update_counts(self) -> None:
        parts = [arg(self.tr("item %1: %2"), item, count) for item, count in sorted(self.counted.items()) if count]
        counted = sum(self.counted.values())
        self.counts.setText(arg(self.tr("Counted here: %1 (%2)   Refused: %3"), counted,
                                ", ".join(parts) or "-", self.refused))
        self.counts.setAccessibleName(self.counts.text())

    def retranslate(self) -> None:
        self.input_label.setText(self.tr("&Code (scan, or type and press Enter)"))
        if self.advance_papers:
            self.input.setPlaceholderText(self.tr("Scan an advance ballot paper"))
        else:
            self.input.setPlaceholderText(self.tr("Scan a ballot paper or vote slip"))
        self.undo_label.setText(self.tr("Reason for undoing:"))
        self.reject_label.setText(self.tr("Reject the waiting paper as:"))
        self.reject_button.setText(self.tr("Re&ject the paper"))
        for index, (welsh, english) in enumerate(REJECTION_REASONS.values()):
            self.reject_reason.setItemText(index, pick(cy=welsh, en=english))
        self.undo_button.setText(self.tr("&Undo the last scan"))
        if self.advance_papers:
            self.hint.setText(self.tr("Advance papers come without vote slips. Scan a paper's code, then give its "
                                      "marks: press 1, 2 or 3 for a resolution, or type the numbers and press Enter "
                                      "for an election. Esc sets a paper aside."))
        else:
            self.hint.setText(self.tr("A vote slip is counted at once. A ballot paper then needs its marks: press 1, 2 "
                                      "or 3 for a resolution, or type the numbers and press Enter for an election. "
                                      "Esc sets a paper aside."))
        if self.answer.state == "idle":
            self.answer.show_state("idle", self.tr("Ready: scan the first paper."))
        self._update_counts()
