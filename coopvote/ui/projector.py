"""The projector window: what the hall sees, readable from the back of the room, Welsh first.

A second top-level window, full screen on the screen chosen for it (a second screen when there is one).
It shows the current item, whether voting is open, and once an item is declared its result as a chart,
each option's bar split by membership class. Running figures are never shown while a vote is open. It
refreshes itself every two seconds with cheap queries, counting again only when an item's state changes.
"""

from __future__ import annotations

import html
import math
from typing import TYPE_CHECKING, Any

from PySide6.QtCharts import QBarCategoryAxis, QBarSet, QChart, QChartView, QStackedBarSeries, QValueAxis
from PySide6.QtCore import QMargins, Qt, QTimer
from PySide6.QtGui import QColor, QContextMenuEvent, QFont, QGuiApplication, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import QLabel, QMenu, QSizePolicy, QVBoxLayout, QWidget

from coopvote.errors import CoopvoteError
from coopvote.service.views import ItemResult, ItemView, MeetingView
from coopvote.ui.look import arg
from coopvote.ui.results_panel import is_weighted, sentence, weighted_total
from coopvote.ui.results_stages import amount
from coopvote.ui.widgets import Retranslatable

if TYPE_CHECKING:
    from coopvote.service import ResultsRole, SetupRole

REFRESH_MS = 2000
STATUS_WORDS = {
    "pending": ("Heb agor eto", "Not open yet"),
    "open": ("Pleidleisio ar agor", "Voting is open"),
    "closed": ("Pleidleisio wedi cau: yn cyfrif", "Voting has closed: counting"),
    "declared": ("Canlyniad wedi'i ddatgan", "Result declared"),
}
CHART_TITLES = {
    "votes": ("Pleidleisiau fesul dosbarth", "Votes by class"),
    "weighted": ("Pleidleisiau wedi'u pwysoli fesul dosbarth", "Weighted votes by class"),
    "first": ("Dewisiadau cyntaf fesul dosbarth (✓ etholwyd)", "First preferences by class (✓ elected)"),
}
"""Fixed words for the hall in both languages at once (the projector does not follow the app's language)."""


def current_item(meeting: MeetingView) -> ItemView | None:
    """The item the hall should see: an open vote; else the latest closed or declared (its result stays up
    until the next vote opens); else the first item."""
    items = list(meeting.items)
    for item in items:
        if item.is_open:
            return item
    done = [i for i in items if i.status in {"closed", "declared"}]
    if done:
        return done[-1]
    return items[0] if items else None


def nice_step(largest: float, *, whole: bool = True) -> float:
    """A tick interval of 1, 2 or 5 times a power of ten giving three to eight ticks (whole numbers of
    papers never get a fractional step)."""
    if largest <= 0:
        return 1.0
    exponent = math.floor(math.log10(largest / 8))
    for power in (exponent, exponent + 1, exponent + 2):
        for mantissa in (1.0, 2.0, 5.0):
            step = mantissa * 10.0**power
            if largest / step <= 8:
                return max(step, 1.0) if whole else step
    return largest  # pragma: no cover - the loop always finds one


def labels_fit(totals: list[float], segments: list[float]) -> bool:
    """Whether every non-empty bar segment is tall enough to carry its number legibly."""
    largest = max(totals, default=0.0)
    return largest > 0 and all(v == 0 or v >= 0.08 * largest for v in segments)


LEGEND_POINTS = 16
REFERENCE_HEIGHT = 720
"""Type sizes are given for a window this tall and grow with it (a 1080p projector: half as big again)."""


def big_label(parent: QWidget, points: int, bold: bool = True) -> QLabel:
    label = QLabel(parent)
    label.setProperty("basePoints", points)
    font = QFont(label.font())
    font.setPointSize(points)
    font.setBold(bold)
    label.setFont(font)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


class ProjectorWindow(Retranslatable, QWidget):
    def __init__(self, setup: SetupRole, results: ResultsRole, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setup = setup
        self.results = results
        self.setObjectName("projector")
        self.setWindowTitle("coopvote")
        self.shown_key: tuple[int, str] | None = None
        self.scale = 1.0
        self.result: ItemResult | None = None
        self.placed = False
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor("#000000"))
        palette.setColor(QPalette.ColorRole.WindowText, QColor("#ffffff"))
        self.setPalette(palette)
        self.setAutoFillBackground(True)
        self.meeting_name = big_label(self, 18, False)
        self.title_cy = big_label(self, 34)
        self.title_en = big_label(self, 24, False)
        self.status = big_label(self, 26)
        self.status.setObjectName("projectorStatus")
        self.outcome = big_label(self, 20)
        self.outcome.setObjectName("projectorOutcome")
        self.chart = QChart()
        self.chart.setBackgroundBrush(QColor("#000000"))
        self.chart.setTitleBrush(QColor("#ffffff"))
        self.chart.legend().hide()  # the key is a wrapping line of text below: long class names never cut
        self.key = big_label(self, LEGEND_POINTS, False)
        self.key.setObjectName("projectorKey")
        self.key.setTextFormat(Qt.TextFormat.RichText)
        self.key.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.key.hide()
        self.chart.setMargins(QMargins(8, 8, 8, 8))
        self.chart_view = QChartView(self.chart, self)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setStyleSheet("background: #000000; border: none;")
        self.chart_view.setMinimumHeight(270)
        self.chart_view.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 24, 40, 24)
        layout.addStretch(1)  # centred while there is no chart; the chart takes nearly all the room after
        for label in (self.meeting_name, self.title_cy, self.title_en, self.status, self.outcome):
            layout.addWidget(label)
        layout.addWidget(self.chart_view, 40)
        layout.addWidget(self.key)
        layout.addStretch(1)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self.resize(1280, 720)
        self.refresh()

    # -- where it shows ------------------------------------------------------------------------------

    def show_on(self, index: int, *, full_screen: bool = True) -> None:
        """Put the window on screen ``index`` (of QGuiApplication.screens()), full screen by default."""
        screens = QGuiApplication.screens()
        if not screens:
            return
        screen = screens[max(0, min(index, len(screens) - 1))]
        self.setScreen(screen)
        self.setGeometry(screen.geometry())
        if full_screen:
            self.showFullScreen()
        else:
            self.show()
        self.placed = True

    def showEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        screens = QGuiApplication.screens()
        if not self.placed and len(screens) > 1:
            primary = QGuiApplication.primaryScreen()
            others = [i for i, s in enumerate(screens) if s is not primary]
            QTimer.singleShot(0, self, lambda: self.show_on(others[0]))
        self.placed = True

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt's name
        """Right-click: choose the screen (the operator's, not the hall's, concern: named as Qt names them)."""
        menu = QMenu(self)
        for index, screen in enumerate(QGuiApplication.screens()):
            geometry = screen.geometry()
            action = menu.addAction(arg(self.tr("Full screen on screen %1: %2 (%3×%4)"), index + 1, screen.name(),
                                        geometry.width(), geometry.height()))
            action.triggered.connect(lambda _checked=False, i=index: self.show_on(i))
        menu.addSeparator()
        leave = menu.addAction(self.tr("Leave full screen (Esc)"))
        leave.setEnabled(self.isFullScreen())
        leave.triggered.connect(self.showNormal)
        menu.popup(event.globalPos())
        self.menu = menu

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """F11 toggles full screen, Escape leaves it, 1-9 move the window to that screen."""
        if event.key() == Qt.Key.Key_F11:
            self.showNormal() if self.isFullScreen() else self.showFullScreen()
        elif event.key() == Qt.Key.Key_Escape and self.isFullScreen():
            self.showNormal()
        elif Qt.Key.Key_1 <= event.key() <= Qt.Key.Key_9:
            self.show_on(event.key() - Qt.Key.Key_1)
        else:
            super().keyPressEvent(event)

    # -- what it shows -------------------------------------------------------------------------------

    def refresh(self) -> None:
        try:
            meeting = self.setup.meeting()
        except CoopvoteError:
            return  # the hall keeps what it saw; the operator's screens say what is wrong
        self.meeting_name.setText(f"{meeting.name_cy} · {meeting.name_en}")
        item = current_item(meeting)
        if item is None:
            self.title_cy.setText(meeting.name_cy)
            self.title_en.clear()
            self.status.clear()
            return
        key = (item.number, item.status)
        if key == self.shown_key:
            return
        self.shown_key = key
        self.title_cy.setText(f"{item.number}. {item.title_cy}")
        self.title_en.setText(item.title_en)
        cy, en = STATUS_WORDS.get(item.status, (item.status, item.status))
        self.status.setText(f"{cy} · {en}")
        colour = {"open": "#4dff88", "declared": "#ffff00"}.get(item.status, "#ffffff")
        self.status.setStyleSheet(f"color: {colour};")
        self.result = None
        if item.status == "declared":
            try:
                self.result = self.results.item_result(item.number)
            except CoopvoteError:
                self.result = None
        self.show_result(self.result)

    def show_result(self, result: ItemResult | None) -> None:
        if result is None:
            self.outcome.clear()
            self.outcome.hide()
            self.chart.removeAllSeries()
            for axis in self.chart.axes():
                self.chart.removeAxis(axis)
            self.chart_view.hide()
            self.key.hide()
            return
        words_cy, words_en = sentence(result.outcome_cy), sentence(result.outcome_en)
        self.outcome.setText(words_cy if words_cy == words_en else f"{words_cy}\n{words_en}")
        self.outcome.show()
        self.fill_chart(result)
        self.chart_view.show()
        self.key.show()

    def fill_chart(self, result: ItemResult) -> None:
        """Each option's votes as a bar, stacked by class in the class colours (weighted where weighted)."""
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        meeting = self.setup.meeting()
        colours = {c.code: c.colour for c in meeting.classes}
        names = {c.code: f"{c.name_cy} · {c.name_en}" for c in meeting.classes}
        # Small classes come merged from the service (service/publishing.py): name a group by its classes.
        names["*"] = "Pob dosbarth · All classes"
        for code in result.papers_by_class:
            if "+" in code and code not in names:
                names[code] = " + ".join(names.get(part, part) for part in code.split("+"))
        weighted = is_weighted(result)
        series = QStackedBarSeries()
        series.setLabelsPosition(QStackedBarSeries.LabelsPosition.LabelsCenter)
        labels = [f"{cy} · {en}" if cy != en else en for cy, en in result.option_labels]
        elected = set(result.election.elected) if result.election is not None else set()
        mark = {index: "  ✓" for index in elected}
        count = len(labels)
        largest = 0.0
        segments: list[float] = []
        for code in result.papers_by_class:
            bar = QBarSet(names.get(code, code))
            bar.setColor(QColor(colours.get(code, "#888888")))
            bar.setBorderColor(QColor("#000000"))
            bar.setLabelColor(QColor("#ffffff"))
            bar.setLabelFont(self._font(18, True))
            for option in range(count):
                if weighted:
                    value = result.weighted_by_option.get(option, {}).get(code, 0)
                else:
                    value = result.papers_by_option.get(option, {}).get(code, 0)
                bar.append(float(value))  # drawing only: the figures in words are exact
                segments.append(float(value))
            series.append(bar)
        self.key.setText("&nbsp;&nbsp;&nbsp; ".join(
            f"<span style='color:{colours.get(code, '#888888')}'>■</span>&nbsp;"
            + html.escape(names.get(code, code)).replace(" ", "&nbsp;")  # lines break between classes only
            for code in result.papers_by_class))
        totals: list[float] = []
        for option in range(count):
            total = weighted_total(result, option) if weighted else sum(result.papers_by_option.get(option, {}).values())
            totals.append(float(total))
            largest = max(largest, float(total))
            labels[option] = f"{labels[option]}<br>{amount(total, 3 if weighted else 0)}{mark.get(option, '')}"
        # numbers on the segments only where every one is tall enough to read; the totals are always below
        series.setLabelsVisible(labels_fit(totals, segments))
        series.setLabelsPrecision(3)
        self.chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append(labels)
        categories.setLabelsFont(self._font(20 if count <= 4 else 14, True))
        categories.setLabelsColor(QColor("#ffffff"))
        categories.setTruncateLabels(False)  # a name cut short is worse than one that runs close to the next
        values = QValueAxis()
        step = nice_step(largest, whole=not weighted)
        values.setRange(0, max(step, step * -(-largest // step)))
        values.setTickType(QValueAxis.TickType.TicksDynamic)
        values.setTickAnchor(0)
        values.setTickInterval(step)
        values.setLabelsFont(self._font(16))
        values.setLabelsColor(QColor("#ffffff"))
        values.setLabelFormat("%.0f" if not weighted else ("%.2f" if step < 0.1 else "%.1f"))
        self.chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        self.chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        series.attachAxis(values)
        self.chart.setTitleFont(self._font(20))
        ranked = result.election is not None and len(result.election.stages) > 1
        title = CHART_TITLES["first"] if ranked else CHART_TITLES["weighted" if weighted else "votes"]
        self.chart.setTitle("<br>".join(title) if ranked else " · ".join(title))

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        """Grow the type with the window, so the back of the hall can read it on any projector."""
        super().resizeEvent(event)
        self.chart_view.setMinimumHeight(int(self.height() * 0.38))  # the chart keeps well over a third
        scale = min(3.0, max(0.7, self.height() / REFERENCE_HEIGHT))
        if abs(scale - self.scale) < 0.05:
            return
        self.scale = scale
        for label in (self.meeting_name, self.title_cy, self.title_en, self.status, self.outcome, self.key):
            font = QFont(label.font())
            font.setPointSize(round(int(label.property("basePoints")) * scale))
            label.setFont(font)
        if self.result is not None:
            self.fill_chart(self.result)

    def _font(self, points: int, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setPointSize(round(points * self.scale))
        font.setBold(bold)
        return font

    def bar_values(self) -> dict[str, list[float]]:
        """What each class's bars show (for tests): class label -> values in option order."""
        found: dict[str, list[float]] = {}
        for series in self.chart.series():
            for bar in series.barSets():  # type: ignore[attr-defined]
                found[bar.label()] = [bar.at(i) for i in range(bar.count())]
        return found

    def category_labels(self) -> list[str]:
        for axis in self.chart.axes(Qt.Orientation.Horizontal):
            if isinstance(axis, QBarCategoryAxis):
                return list(axis.categories())
        return []
