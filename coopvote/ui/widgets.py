"""Small widgets every page shares: the message banner, the big status label, background work.

Pages show what the service says, in its words: ``MessageBanner.show_error(error)`` takes a
CoopvoteError as it is. Long work (a 50,000-row register) runs in ``run_in_background`` so the window
keeps painting and the person can cancel waiting for it.
"""

from __future__ import annotations

import colorsys
import contextlib
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QSizePolicy, QToolButton, QWidget

from coopvote.errors import CoopvoteError
from coopvote.ui.look import arg, scaled_font


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name lupdate looks for
    """Mark a string for lupdate where it is defined; it is translated where it is shown."""
    return text


COLOUR_NAMES = {
    "red": QT_TRANSLATE_NOOP("Colour", "red"),
    "orange": QT_TRANSLATE_NOOP("Colour", "orange"),
    "yellow": QT_TRANSLATE_NOOP("Colour", "yellow"),
    "green": QT_TRANSLATE_NOOP("Colour", "green"),
    "blue": QT_TRANSLATE_NOOP("Colour", "blue"),
    "purple": QT_TRANSLATE_NOOP("Colour", "purple"),
    "pink": QT_TRANSLATE_NOOP("Colour", "pink"),
    "brown": QT_TRANSLATE_NOOP("Colour", "brown"),
    "grey": QT_TRANSLATE_NOOP("Colour", "grey"),
    "black": QT_TRANSLATE_NOOP("Colour", "black"),
    "white": QT_TRANSLATE_NOOP("Colour", "white"),
}


def colour_key(hex_colour: str) -> str:
    """The everyday name of a class colour ("green"), so the desk can say which pack to pick up."""
    colour = QColor(hex_colour)
    if not colour.isValid():
        return "grey"
    h, s, v = colorsys.rgb_to_hsv(colour.redF(), colour.greenF(), colour.blueF())
    hue = h * 360
    if v < 0.18:
        return "black"
    if s < 0.18:
        return "white" if v > 0.85 else "grey"
    if 15 <= hue < 45 and v < 0.55:
        return "brown"
    for limit, name in ((15, "red"), (45, "orange"), (70, "yellow"), (170, "green"), (260, "blue"),
                        (320, "purple"), (345, "pink"), (361, "red")):
        if hue < limit:
            return name
    return "red"  # pragma: no cover


def colour_name(hex_colour: str) -> str:
    return QCoreApplication.translate("Colour", COLOUR_NAMES[colour_key(hex_colour)])


def error_text(error: BaseException) -> str:
    """What a person should read: a CoopvoteError's own message; anything else, plainly unexpected."""
    if isinstance(error, CoopvoteError):
        return str(error)
    return arg(QCoreApplication.translate("Errors", "Something unexpected went wrong: %1"),
        f"{type(error).__name__}: {error}")


_RESTYLE_EVENTS = (
    QEvent.Type.FontChange,
    QEvent.Type.PaletteChange,
    QEvent.Type.ApplicationFontChange,
    QEvent.Type.ApplicationPaletteChange,
)


class Retranslatable:
    """Mixin: a widget that sets its texts in ``retranslate()`` and redoes them on a language switch."""

    def retranslate(self) -> None:  # pragma: no cover - overridden
        pass

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() in _RESTYLE_EVENTS and not getattr(
            self, "_restyling", False
        ):
            self._restyling = True
            try:
                self.restyle()
            finally:
                self._restyling = False
        super().changeEvent(event)  # type: ignore[misc]

    def restyle(self) -> None:
        pass


class MessageBanner(Retranslatable, QFrame):
    """A strip at the top of a page for the last outcome: ok (green), error (red) or information."""

    KINDS = {"ok": ("#0b5d1e", "#ffffff"), "error": ("#8b0000", "#ffffff"), "info": ("#eef3fb", "#102040"),
             "warn": ("#fff1c2", "#3b2a00")}

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageBanner")
        self.kind = "info"
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.close_button = QToolButton(self)
        self.close_button.setText("✕")
        self.close_button.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignTop)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.retranslate()
        self.hide()

    def retranslate(self) -> None:
        self.close_button.setToolTip(self.tr("Hide this message"))
        self.close_button.setAccessibleName(self.tr("Hide this message"))

    def text(self) -> str:
        return self.label.text()

    def show_message(self, text: str, kind: str = "info") -> None:
        self.kind = kind if kind in self.KINDS else "info"
        self.label.setText(text)
        self.setAccessibleName(text)
        self.setAccessibleDescription(kind)
        self.restyle()
        self.show()

    def show_error(self, error: BaseException | str) -> None:
        self.show_message(error if isinstance(error, str) else error_text(error), "error")

    def show_ok(self, text: str) -> None:
        self.show_message(text, "ok")

    def restyle(self) -> None:
        if getattr(self, "label", None) is None:
            return
        background, foreground = self.KINDS[self.kind]
        if self.palette().color(self.backgroundRole()).lightness() < 40 and self.kind != "error":
            background, foreground = "#000000", "#ffff00"  # high contrast: keep it loud, not pastel
        self.setStyleSheet(
            f"QFrame#messageBanner {{ background: {background}; border: 2px solid {foreground}; border-radius: 4px; }}"
            f" QFrame#messageBanner QLabel {{ color: {foreground}; }}"
        )
        self.label.setFont(scaled_font(self, 1.15, bold=self.kind == "error"))


class BigLabel(Retranslatable, QLabel):
    """A label in a scaled-up font (factor of the application font), so it grows with the system text size."""

    def __init__(self, factor: float = 1.6, bold: bool = True, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.factor = factor
        self.bold = bold
        self.setWordWrap(True)
        self.restyle()

    def restyle(self) -> None:
        self.setFont(scaled_font(self, self.factor, bold=self.bold))


_POOL: QThreadPool | None = None


def job_pool() -> QThreadPool:
    """coopvote's own worker threads, apart from Qt's global pool (which Qt Multimedia and others use)."""
    global _POOL
    if _POOL is None:
        _POOL = QThreadPool()
        _POOL.setMaxThreadCount(4)
    return _POOL


class _WorkerSignals(QObject):
    finished = Signal(object)
    failed = Signal(str)


class _Worker(QRunnable):
    def __init__(self, work: Callable[[], Any]) -> None:
        super().__init__()
        self.work = work
        self.signals = _WorkerSignals()
        self.cancelled = False

    def run(self) -> None:
        try:
            result = self.work()
        except CoopvoteError as error:
            self._send(self.signals.failed, str(error))
            return
        except Exception as error:  # noqa: BLE001 - shown to the person, never a crash of the UI thread
            traceback.print_exc()
            self._send(self.signals.failed, error_text(error))
            return
        self._send(self.signals.finished, result)

    def _send(self, signal: Any, value: object) -> None:
        if self.cancelled:
            return
        with contextlib.suppress(RuntimeError):  # shutting down, the receiver gone: nobody left to tell
            signal.emit(value)


class BackgroundJob(QObject):
    """Handle on work running off the UI thread: ``cancel()`` stops waiting and drops its result."""

    finished = Signal(object)
    failed = Signal(str)
    done = Signal()

    def __init__(self, work: Callable[[], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._worker = _Worker(work)
        self._worker.setAutoDelete(False)
        self._worker.signals.finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)
        self._worker.signals.failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)
        self.running = False

    def start(self) -> None:
        self.running = True
        job_pool().start(self._worker)

    def cancel(self) -> None:
        self._worker.cancelled = True
        if self.running:
            self.running = False
            self.done.emit()

    @property
    def cancelled(self) -> bool:
        return self._worker.cancelled

    def _on_finished(self, result: object) -> None:
        if self._worker.cancelled:
            return
        self.running = False
        self.finished.emit(result)
        self.done.emit()

    def _on_failed(self, message: str) -> None:
        if self._worker.cancelled:
            return
        self.running = False
        self.failed.emit(message)
        self.done.emit()


def run_in_background(work: Callable[[], Any], parent: QObject | None = None) -> BackgroundJob:
    job = BackgroundJob(work, parent)
    job.start()
    return job


def swatch(hex_colour: str, parent: QWidget | None = None) -> QLabel:
    """A small square in a class colour, sized from the font so it scales with the text."""
    label = QLabel(parent)
    size = label.fontMetrics().height()
    label.setFixedSize(size * 2, size)
    label.setStyleSheet(f"background: {hex_colour}; border: 1px solid palette(window-text);")
    return label
