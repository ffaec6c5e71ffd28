"""The projector window: what the hall sees, readable from the back of the room, Welsh first.

A second top-level window, full screen on the screen chosen for it (a second screen when there is one).
It shows the current item (and a resolution's text), whether voting is open and, while it is, how many
papers have come back of those handed out; once an item is declared, its result as a chart, one
horizontal bar per option split by membership class (``projector_chart.py``: fifteen candidates stay
readable at 1024x768). Running figures of the votes are never shown while a vote is open, and a result
is never charted by class when a class has fewer voters than the privacy minimum: the bars then show
totals only. It refreshes itself every two seconds with cheap queries, counting again only when an
item's state changes.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QContextMenuEvent, QFont, QGuiApplication, QKeyEvent, QPalette
from PySide6.QtWidgets import QLabel, QMenu, QSizePolicy, QVBoxLayout, QWidget

from coopvote.counting.privacy import ALL_CLASSES, DEFAULT_PRIVACY_MINIMUM, small_class_warnings
from coopvote.errors import CoopvoteError
from coopvote.service.views import ItemResult, ItemView, MeetingView
from coopvote.ui.look import arg
from coopvote.ui.projector_chart import BarChart, ChartData, ChartRow
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
    "totals": ("Pleidleisiau (✓ etholwyd)", "Votes (✓ elected)"),
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


def labels_fit(totals: list[float], segments: list[float]) -> bool:
    """Whether every non-empty bar segment is tall enough to carry its number legibly."""
    largest = max(totals, default=0.0)
    return largest > 0 and all(v == 0 or v >= 0.08 * largest for v in segments)


LEGEND_POINTS = 16
CROWDED = 8
"""With more options than this, the words above the chart are made smaller so the rows get the room."""
TOTALS_ONLY = ("Cyfanswm · Total", "#c8c8c8")


def privacy_minimum(meeting: MeetingView) -> int:
    """The meeting's privacy minimum: ``[rules]``, else ``[weighting]``, else the default (as the count reads it)."""
    for table in (meeting.rules.get("rules"), meeting.weighting):
        if isinstance(table, dict) and table.get("privacy_minimum") is not None:
            try:
                return int(table["privacy_minimum"])
            except (TypeError, ValueError):
                continue
    return DEFAULT_PRIVACY_MINIMUM


def classes_too_small_to_show(result: ItemResult, meeting: MeetingView) -> list[str]:
    """Classes whose figures would show how few people voted (``counting.privacy``): the hall never sees them
    by class. One call, so the core's own public-output suppression can take its place."""
    everything = [code for code, label in result.class_groups.items() if label == ALL_CLASSES]
    if everything:  # the service merged every class (service/publishing.py): totals only, naming the classes
        return everything
    if any(label != code for code, label in result.class_groups.items()):
        return []  # small classes are already merged into groups the chart shows as they are published
    return [w.class_code for w in small_class_warnings(result.papers_by_class, privacy_minimum(meeting))]


def turnout_text(returned: int, issued: int) -> str:
    """Papers back of papers handed out, in both languages: how the vote is going, never how it is voting."""
    share = f" ({100 * returned // issued}%)" if issued else ""
    return (f"Papurau wedi'u dychwelyd: {returned} o {issued}{share} · "
            f"Papers returned: {returned} of {issued}{share}")
REFERENCE_HEIGHT = 720
REFERENCE_WIDTH = 1100
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
        self.category_texts: list[str] = []
        self.placed = False
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor("#000000"))
        palette.setColor(QPalette.ColorRole.WindowText, QColor("#ffffff"))
        self.setPalette(palette)
        self.setAutoFillBackground(True)
        self.meeting_name = big_label(self, 18, False)
        self.title_cy = big_label(self, 34)
        self.title_en = big_label(self, 24, False)
        self.text_cy = big_label(self, 20, False)
        self.text_en = big_label(self, 18, False)
        self.text_cy.setObjectName("projectorTextCy")
        self.status = big_label(self, 26)
        self.turnout = big_label(self, 22)
        self.turnout.setObjectName("projectorTurnout")
        self.turnout.hide()
        self.status.setObjectName("projectorStatus")
        self.outcome = big_label(self, 20)
        self.outcome.setObjectName("projectorOutcome")
        self.chart_data: ChartData | None = None
        self.crowded = False
        self.key = big_label(self, LEGEND_POINTS, False)  # a wrapping line of text: long class names never cut
        self.key.setObjectName("projectorKey")
        self.key.setTextFormat(Qt.TextFormat.RichText)
        self.key.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.key.hide()
        self.chart_view = BarChart(self)
        self.chart = self.chart_view  # its title() is the chart's title
        self.chart_view.setMinimumHeight(200)
        self.chart_view.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 24, 40, 24)
        layout.addStretch(1)  # centred while there is no chart; the chart takes nearly all the room after
        for label in (self.meeting_name, self.title_cy, self.title_en, self.text_cy, self.text_en, self.status,
                      self.turnout, self.outcome):
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
        self.show_turnout(item)
        key = (item.number, item.status)
        if key == self.shown_key:
            return
        self.shown_key = key
        self.title_cy.setText(f"{item.number}. {item.title_cy}")
        self.title_en.setText(item.title_en)
        for label, text in ((self.text_cy, item.text_cy), (self.text_en, item.text_en if item.text_en != item.text_cy else "")):
            label.setText(text if item.kind == "resolution" else "")
            label.setVisible(bool(label.text()))
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

    def show_turnout(self, item: ItemView) -> None:
        """While a vote is open: papers returned of papers handed out, from the reconciliation query."""
        if not item.is_open:
            self.turnout.hide()
            return
        try:
            rows = self.results.reconciliation(item.number)
        except CoopvoteError:
            return
        self.turnout.setText(turnout_text(sum(r.returned for r in rows), sum(r.issued for r in rows)))
        self.turnout.show()

    def show_result(self, result: ItemResult | None) -> None:
        if result is None:
            self.outcome.clear()
            self.outcome.hide()
            self.chart_data = None
            self.chart_view.set_data(None, self.scale)
            self.chart_view.hide()
            self.key.hide()
            return
        words_cy, words_en = sentence(result.outcome_cy), sentence(result.outcome_en)
        self.outcome.setText(words_cy if words_cy == words_en else f"{words_cy}\n{words_en}")
        self.outcome.show()
        self.fill_chart(result)  # shows the class key, unless the chart is of totals only
        self.chart_view.show()

    def fill_chart(self, result: ItemResult) -> None:
        """Each option's votes as a bar, split by class in the class colours (weighted where weighted); totals
        only when a class is below the privacy minimum."""
        meeting = self.setup.meeting()
        colours = {c.code: c.colour for c in meeting.classes}
        names = {c.code: f"{c.name_cy} · {c.name_en}" for c in meeting.classes}
        # Small classes come merged from the service (service/publishing.py): name a group by its classes.
        names["*"] = "Pob dosbarth · All classes"
        for code in result.papers_by_class:
            if "+" in code and code not in names:
                names[code] = " + ".join(names.get(part, part) for part in code.split("+"))
        weighted = is_weighted(result)
        hidden = classes_too_small_to_show(result, meeting)
        codes = [] if hidden else list(result.papers_by_class)
        labels = [f"{cy} · {en}" if cy != en else en for cy, en in result.option_labels]
        elected = set(result.election.elected) if result.election is not None else set()
        rows = []
        self.category_texts = []
        for option, label in enumerate(labels):
            total = weighted_total(result, option) if weighted else sum(result.papers_by_option.get(option, {}).values())
            shown_total = f"{amount(total, 3 if weighted else 0)}{'  ✓' if option in elected else ''}"
            by_class = result.weighted_by_option if weighted else result.papers_by_option
            values = tuple(float(by_class.get(option, {}).get(code, 0)) for code in codes) or (float(total),)
            rows.append(ChartRow(label, shown_total, values))
            self.category_texts.append(f"{label}<br>{shown_total}")
        series = tuple((names.get(code, code), colours.get(code, "#888888")) for code in codes) or (TOTALS_ONLY,)
        ranked = result.election is not None and len(result.election.stages) > 1
        title = CHART_TITLES["first"] if ranked else CHART_TITLES["weighted" if weighted else "votes"]
        if hidden:
            title = CHART_TITLES["totals"]
        minimum = privacy_minimum(meeting)
        note = "" if not hidden else (
            f"Dim fesul dosbarth: mae gan {', '.join(hidden)} lai na {minimum} pleidleisiwr · "
            f"Not by class: {', '.join(hidden)} had fewer than {minimum} voters")
        self.chart_data = ChartData(" · ".join(title), series, tuple(rows), 3 if weighted else 0, note)
        self.chart_view.set_data(self.chart_data, self.scale)
        self.key.setText("&nbsp;&nbsp;&nbsp; ".join(
            f"<span style='color:{colours.get(code, '#888888')}'>■</span>&nbsp;"
            + html.escape(names.get(code, code)).replace(" ", "&nbsp;")  # lines break between classes only
            for code in codes))
        self.key.setVisible(bool(codes))
        self._crowd(len(rows) > CROWDED)

    def _crowd(self, crowded: bool) -> None:
        """Many options: the words above the chart shrink and the meeting's name goes, so each row has room."""
        if crowded == self.crowded:
            return
        self.crowded = crowded
        self.meeting_name.setVisible(not crowded)
        self._size_labels()

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        """Grow the type with the window, so the back of the hall can read it on any projector."""
        super().resizeEvent(event)
        self.chart_view.setMinimumHeight(int(self.height() * 0.38))  # the chart keeps well over a third
        scale = min(3.0, max(0.7, min(self.height() / REFERENCE_HEIGHT, self.width() / REFERENCE_WIDTH)))
        if abs(scale - self.scale) < 0.05:
            return
        self.scale = scale
        self._size_labels()
        if self.result is not None:
            self.fill_chart(self.result)

    def _size_labels(self) -> None:
        shrink = 0.7 if self.crowded else 1.0
        for label in (self.meeting_name, self.title_cy, self.title_en, self.text_cy, self.text_en, self.status,
                      self.turnout, self.outcome, self.key):
            font = QFont(label.font())
            keep = label in (self.status, self.key)
            font.setPointSize(round(int(label.property("basePoints")) * self.scale * (1.0 if keep else shrink)))
            label.setFont(font)

    def _font(self, points: int, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setPointSize(round(points * self.scale))
        font.setBold(bold)
        return font

    def bar_values(self) -> dict[str, list[float]]:
        """What each class's bars show (for tests): class label -> values in option order."""
        data = self.chart_data
        if data is None:
            return {}
        return {label: [row.values[index] for row in data.rows] for index, (label, _colour) in enumerate(data.series)}

    def category_labels(self) -> list[str]:
        """Each option's name and total as charted (for tests): "name<br>total"."""
        return list(self.category_texts) if self.chart_data is not None else []
