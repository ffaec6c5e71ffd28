"""One item's result as the service counted it: the outcome, the per-class breakdown and the stage table.

The chair's console and the results page show the same panel, so what the chair declares is exactly what
the results page prints. Nothing is counted here: the panel lays out an ``ItemResult``.
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QLabel,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from coopvote.messages import note_message
from coopvote.service.views import ItemResult
from coopvote.ui.look import arg, pick
from coopvote.ui.results_stages import FittedTable, StageTable, amount
from coopvote.ui.widgets import BackgroundJob, BigLabel, Retranslatable, run_in_background

if TYPE_CHECKING:
    from coopvote.service.results import ResultsRole



def option_label(labels: tuple[str, str]) -> str:
    """An option's label in the language in use (the service gives them as (Welsh, English))."""
    return pick(labels)


def sentence(text: str) -> str:
    """The service's outcome words ("carried: 66.7% for ...") as a sentence on screen."""
    return text[:1].upper() + text[1:]


def weighted_total(result: ItemResult, option: int) -> Fraction:
    return sum(result.weighted_by_option.get(option, {}).values(), Fraction(0))


def is_weighted(result: ItemResult) -> bool:
    """Whether weighted figures differ from the paper counts anywhere (one member one vote: they never do)."""
    for option in result.weighted_by_option:
        papers = sum(result.papers_by_option.get(option, {}).values())
        if weighted_total(result, option) != papers:
            return True
    return False


class ResultPanel(Retranslatable, QWidget):
    """Outcome sentence, warnings, the table of papers by option and class, then the stages if any.

    ``load`` counts in a worker thread (a large STV count can take a while) and emits ``loaded`` with
    the result, or None and the service's reason it cannot be counted.
    """

    loaded = Signal(object, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result: ItemResult | None = None
        self.problem = ""
        self.job: BackgroundJob | None = None
        self.loading = False
        self.outcome = BigLabel(1.4, True, self)
        self.outcome.setObjectName("resultOutcome")
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.warnings = QLabel(self)
        self.warnings.setWordWrap(True)
        self.warnings.setObjectName("privacyWarnings")
        self.table = FittedTable(0, 0, self)
        self.table.setObjectName("breakdownTable")
        self.stage_title = QLabel(self)
        self.stages = StageTable(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for widget in (self.outcome, self.details, self.warnings, self.table, self.stage_title, self.stages):
            layout.addWidget(widget)
        self.retranslate()

    def load(self, results: ResultsRole, number: int) -> None:
        """Count item ``number`` off the UI thread; a newer ``load`` or ``show_result`` supersedes it."""
        self._drop_job()
        self.loading = True
        self.result = None
        self.problem = self.tr("Counting…")
        self.retranslate()
        self.job = run_in_background(lambda: results.item_result(number), self)
        self.job.finished.connect(self._loaded)
        self.job.failed.connect(lambda message: self._loaded(None, message))

    def _loaded(self, result: ItemResult | None, problem: str = "") -> None:
        self.loading = False
        self.job = None
        self.result = result
        self.problem = problem
        self.retranslate()
        self.loaded.emit(result, problem)

    def _drop_job(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.job = None
        self.loading = False

    def show_result(self, result: ItemResult | None, problem: str = "") -> None:
        self._drop_job()
        self.result = result
        self.problem = problem
        self.retranslate()

    def retranslate(self) -> None:
        result = self.result
        self.warnings.hide()
        if result is None:
            self.outcome.setText(self.problem or self.tr("No result to show yet."))
            self.details.clear()
            self.table.setRowCount(0)
            self.table.setColumnCount(0)
            self.table.hide()
            self.stage_title.hide()
            self.stages.show_outcome(None)
            self.stages.hide()
            return
        self.outcome.setText(sentence(pick(cy=result.outcome_cy, en=result.outcome_en)))
        self.outcome.setAccessibleName(self.outcome.text())
        self.details.setText(self._details(result))
        if result.privacy_warnings:
            warnings = [str(note_message(w)) for w in result.privacy_warnings]
            self.warnings.setText(arg(self.tr("Privacy: %1"), "\n".join(warnings)))
            self.warnings.show()
        self._fill_table(result)
        self.table.show()
        election = result.election
        has_stages = election is not None and len(election.stages) > 1
        self.stages.show_outcome(election if has_stages else None)
        self.stages.setVisible(has_stages)
        self.stage_title.setVisible(has_stages)
        if has_stages and election is not None:
            if election.quota is not None:
                self.stage_title.setText(arg(self.tr("Stages of the count (quota %1)"), amount(election.quota)))
            else:
                self.stage_title.setText(self.tr("Stages of the count"))

    def _details(self, result: ItemResult) -> str:
        lines = [arg(self.tr("Papers returned: %1; valid: %2."), result.total_papers, sum(result.valid_by_class.values()))]
        if result.rejected_by_reason:
            from coopvote.ballots.texts import rejection_reason_words

            parts = []
            for reason, count in sorted(result.rejected_by_reason.items()):
                label = pick(rejection_reason_words(reason))
                parts.append(arg(self.tr("%1: %2"), label, count))
            lines.append(arg(self.tr("Rejected papers: %1."), "; ".join(parts)))
        hands = result.show_of_hands
        if hands:
            if hands.get("poll_demanded_by"):
                lines.append(arg(self.tr("A poll was demanded by %1."), hands["poll_demanded_by"]))
            else:
                lines.append(self.tr("Decided on a show of hands."))
        if result.election is not None and result.election.tie_breaks:
            for tie in result.election.tie_breaks:
                how = str(note_message(tie.how))
                lines.append(arg(self.tr("Tie at stage %1 settled by %2."), tie.stage, how))
        return "\n".join(lines)

    def _fill_table(self, result: ItemResult) -> None:
        codes = list(result.papers_by_class)
        weighted = is_weighted(result)
        ranked = result.election is not None and len(result.election.stages) > 1
        headers = [arg(self.tr("%1\npapers"), code) for code in codes]
        headers.append(self.tr("First preferences") if ranked else self.tr("Total papers"))
        if weighted:
            headers.append(self.tr("Weighted votes"))
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        rows = len(result.option_labels)
        self.table.setRowCount(rows + 1)
        labels = [option_label(labels) for labels in result.option_labels]
        self.table.setVerticalHeaderLabels([*labels, self.tr("Papers returned")])
        for row in range(rows):
            counts = result.papers_by_option.get(row, {})
            values = [str(counts.get(code, 0)) for code in codes]
            values.append(str(sum(counts.values())))
            if weighted:
                values.append(amount(weighted_total(result, row), 4))
            for column, value in enumerate(values):
                self._set(row, column, value)
        returned = [str(result.papers_by_class.get(code, 0)) for code in codes] + [str(result.total_papers)]
        for column, value in enumerate(returned):
            self._set(rows, column, value)
        self.table.setAccessibleName(self.tr("Votes by option and class"))
        self.table.refit()

    def _set(self, row: int, column: int, text: str) -> None:
        cell = QTableWidgetItem(text)
        cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.table.setItem(row, column, cell)

    def cell(self, option: str, column: int) -> str:
        """The text shown for an option (by its label as shown) in a column (for tests and readers)."""
        for row in range(self.table.rowCount()):
            header = self.table.verticalHeaderItem(row)
            if header is not None and header.text() == option:
                item = self.table.item(row, column)
                return item.text() if item is not None else ""
        raise KeyError(option)


def describe(value: Any) -> str:
    """An item's status in words, in the language in use."""
    from PySide6.QtCore import QCoreApplication

    words = {
        "pending": QCoreApplication.translate("ItemStatus", "not open yet"),
        "open": QCoreApplication.translate("ItemStatus", "voting open"),
        "closed": QCoreApplication.translate("ItemStatus", "voting closed"),
        "declared": QCoreApplication.translate("ItemStatus", "declared"),
    }
    return words.get(str(value), str(value))
