"""The projector's result chart: one horizontal bar per option, names wrapped beside it, painted directly.

QtCharts placed option names under vertical bars, where ten candidates no longer fit: names overlapped,
some were dropped, and at 1024x768 the plot shrank to a strip. Here each option has a row of its own
whatever the count: the name on the left (wrapped onto a second line rather than cut), the bar split by
class in the class colours, the total at its end. The type is as large as the rows allow, from the
window's scale down to a floor that is still readable from the back of a hall; the geometry is worked
out in one place (``plan``) so the tests can check that nothing overlaps or falls outside.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

NAME_SHARE = 0.36  # of the width, for the option names
SMALLEST_PIXELS = 11  # the type never gets smaller than this, however many options
WRAP = int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignRight) | int(Qt.AlignmentFlag.AlignVCenter)


@dataclass(frozen=True)
class ChartRow:
    name: str
    total: str
    values: tuple[float, ...]  # one per series (class), drawing only: the words elsewhere are exact


@dataclass(frozen=True)
class ChartData:
    title: str
    series: tuple[tuple[str, str], ...]  # (label, colour) per class, or one neutral series for totals only
    rows: tuple[ChartRow, ...]
    decimals: int = 0
    note: str = ""


@dataclass
class RowBoxes:
    name: QRectF
    bar: QRectF
    segments: list[QRectF] = field(default_factory=list)
    total: QRectF = field(default_factory=QRectF)


@dataclass
class ChartLayout:
    title: QRectF
    note: QRectF
    rows: list[RowBoxes]
    pixels: float  # the option names' type size
    numbers_inside: bool


class BarChart(QWidget):
    """Paints ``ChartData``; ``scale`` follows the projector window's type scale."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.data: ChartData | None = None
        self.scale = 1.0
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def set_data(self, data: ChartData | None, scale: float) -> None:
        self.data = data
        self.scale = scale
        self.update()

    def title(self) -> str:
        return self.data.title if self.data is not None else ""

    # -- geometry ----------------------------------------------------------------------------------

    def _font(self, pixels: float, bold: bool = False) -> QFont:
        font = QFont(self.font())
        font.setPixelSize(max(1, round(pixels)))
        font.setBold(bold)
        return font

    def plan(self) -> ChartLayout:
        width, height = float(self.width()), float(self.height())
        data = self.data
        pad = 8 * self.scale
        title_font = self._font(26 * self.scale)
        title_box = QFontMetricsF(title_font).boundingRect(QRectF(pad, pad, width - 2 * pad, height), WRAP,
                                                          data.title if data else "")
        title = QRectF(pad, pad, width - 2 * pad, title_box.height())
        note_font = self._font(18 * self.scale)
        note_height = QFontMetricsF(note_font).boundingRect(QRectF(0, 0, width - 2 * pad, height), WRAP,
                                                            data.note).height() if data and data.note else 0.0
        note = QRectF(pad, height - pad - note_height, width - 2 * pad, note_height)
        rows: list[RowBoxes] = []
        if data is None or not data.rows:
            return ChartLayout(title, note, rows, 0.0, False)
        top = title.bottom() + pad
        bottom = note.top() - (pad if note_height else 0)
        row_height = max(1.0, (bottom - top) / len(data.rows))
        name_width = width * NAME_SHARE
        pixels = self._name_pixels(name_width - pad, row_height)
        name_font = self._font(pixels, True)
        metrics = QFontMetricsF(name_font)
        total_width = max(metrics.horizontalAdvance(row.total) for row in data.rows) + 2 * pad
        bar_left = name_width + pad
        bar_room = max(1.0, width - pad - total_width - bar_left)
        largest = max((sum(row.values) for row in data.rows), default=0.0) or 1.0
        numbers_inside = all(v == 0 or v >= 0.08 * largest for row in data.rows for v in row.values)
        for index, row in enumerate(data.rows):
            y = top + index * row_height
            bar_height = row_height * 0.72
            bar_y = y + (row_height - bar_height) / 2
            boxes = RowBoxes(QRectF(pad, y + row_height * 0.02, name_width - 2 * pad, row_height * 0.96),
                             QRectF(bar_left, bar_y, bar_room * sum(row.values) / largest, bar_height))
            x = bar_left
            for value in row.values:
                span = bar_room * value / largest
                boxes.segments.append(QRectF(x, bar_y, span, bar_height))
                x += span
            boxes.total = QRectF(x + pad, y, total_width, row_height)
            rows.append(boxes)
        return ChartLayout(title, note, rows, pixels, numbers_inside)

    def _name_pixels(self, width: float, row_height: float) -> float:
        """The largest type (from the window's scale down to the floor) at which every name fits its row,
        wrapped if need be; at the floor a name still too long is cut with an ellipsis when painted."""
        assert self.data is not None
        pixels = min(30 * self.scale, row_height * 0.7)
        while pixels > SMALLEST_PIXELS:
            metrics = QFontMetricsF(self._font(pixels, True))
            if all(metrics.boundingRect(QRectF(0, 0, width, 10_000), WRAP, row.name).height() <= row_height * 0.96
                   for row in self.data.rows):
                return pixels
            pixels -= 1
        return float(SMALLEST_PIXELS)

    # -- painting ----------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("#000000"))
        data = self.data
        if data is None:
            return
        plan = self.plan()
        white = QColor("#ffffff")
        painter.setPen(white)
        painter.setFont(self._font(26 * self.scale))
        painter.drawText(plan.title, int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignCenter), data.title)
        if data.note:
            painter.setFont(self._font(18 * self.scale))
            painter.drawText(plan.note, int(Qt.TextFlag.TextWordWrap) | int(Qt.AlignmentFlag.AlignCenter), data.note)
        name_font = self._font(plan.pixels, True)
        metrics = QFontMetricsF(name_font)
        for row, boxes in zip(data.rows, plan.rows, strict=True):
            painter.setPen(white)
            painter.setFont(name_font)
            name = row.name
            if metrics.boundingRect(QRectF(0, 0, boxes.name.width(), 10_000), WRAP, name).height() > boxes.name.height():
                name = metrics.elidedText(name, Qt.TextElideMode.ElideRight, boxes.name.width() * 2)
            painter.drawText(boxes.name, WRAP, name)
            for (_label, colour), segment, value in zip(data.series, boxes.segments, row.values, strict=True):
                if segment.width() <= 0:
                    continue
                painter.fillRect(segment, QColor(colour))
                painter.setPen(QPen(QColor("#000000"), 1))
                painter.drawRect(segment)
                if plan.numbers_inside and len(data.series) > 1:
                    text = f"{value:.{data.decimals}f}"
                    if metrics.horizontalAdvance(text) < segment.width() - 4:
                        painter.setPen(white)
                        painter.drawText(segment, int(Qt.AlignmentFlag.AlignCenter), text)
            painter.setPen(white)
            painter.drawText(boxes.total, int(Qt.AlignmentFlag.AlignLeft) | int(Qt.AlignmentFlag.AlignVCenter), row.total)
        painter.end()
