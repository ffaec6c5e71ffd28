"""Scanning codes with a camera (a webcam or a document camera) through QtMultimedia and zxing-cpp.

Frames arrive from a QVideoSink; a few times a second one is turned grey and searched for a QR code,
and a code found is handed to the scanning screen exactly as if the handheld scanner had typed it. The
same code seen again within a few seconds is ignored, so a paper held still is scanned once. Where
there is no camera the panel says so plainly and the rest of the station works as before.
"""

from __future__ import annotations

import time
from typing import Any

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from coopvote.ui.look import arg
from coopvote.ui.widgets import BigLabel, Retranslatable

DECODE_EVERY = 0.15  # seconds between frames searched for a code
SAME_CODE_QUIET = 3.0  # seconds during which the same code is not scanned again


def grey_array(image: QImage) -> np.ndarray[Any, np.dtype[np.uint8]]:
    """A QImage as a (height, width) uint8 array, copied so it outlives the frame."""
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    width, height, stride = grey.width(), grey.height(), grey.bytesPerLine()
    buffer = np.frombuffer(grey.constBits(), dtype=np.uint8, count=stride * height)
    return buffer.reshape(height, stride)[:, :width].copy()


def decode_image(image: QImage) -> list[str]:
    """Every QR code's text in a picture (empty when there is none)."""
    import zxingcpp

    if image.isNull():
        return []
    found = zxingcpp.read_barcodes(grey_array(image), formats=zxingcpp.BarcodeFormat.QRCode)  # type: ignore[arg-type]
    return [code.text for code in found if code.text]


def cameras() -> list[Any]:
    """The cameras Qt can see (QCameraDevice), or none where QtMultimedia has no back end."""
    try:
        from PySide6.QtMultimedia import QMediaDevices

        return list(QMediaDevices.videoInputs())
    except Exception:  # noqa: BLE001
        return []


class CameraPanel(Retranslatable, QWidget):
    codeFound = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.devices = cameras()
        self.camera: Any = None
        self.session: Any = None
        self.sink: Any = None
        self.last_decode = 0.0
        self.recent: dict[str, float] = {}
        self.message = BigLabel(1.4, True, self)
        self.message.setObjectName("cameraMessage")
        self.choice = QComboBox(self)
        for device in self.devices:
            self.choice.addItem(device.description(), device)
        self.start_button = QPushButton(self)
        self.stop_button = QPushButton(self)
        self.start_button.clicked.connect(self.start)
        self.stop_button.clicked.connect(self.stop)
        self.preview = QLabel(self)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(320, 240)
        self.last_code = QLabel(self)
        row = QHBoxLayout()
        row.addWidget(self.choice, 1)
        row.addWidget(self.start_button)
        row.addWidget(self.stop_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(row)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.last_code)
        self._update_buttons()
        self.retranslate()

    @property
    def available(self) -> bool:
        return bool(self.devices)

    def _update_buttons(self) -> None:
        running = self.camera is not None
        self.choice.setVisible(self.available)
        self.choice.setEnabled(self.available and not running)
        self.start_button.setEnabled(self.available and not running)
        self.stop_button.setEnabled(running)

    def start(self) -> bool:
        if not self.available or self.camera is not None:
            return False
        from PySide6.QtMultimedia import QCamera, QMediaCaptureSession, QVideoSink

        device = self.choice.currentData()
        self.camera = QCamera(device, self)
        self.session = QMediaCaptureSession(self)
        self.sink = QVideoSink(self)
        self.session.setCamera(self.camera)
        self.session.setVideoSink(self.sink)
        self.sink.videoFrameChanged.connect(self._frame)
        self.camera.errorOccurred.connect(self._camera_error)
        self.camera.start()
        self.message.setText(arg(self.tr("Camera on: %1. Hold a paper's code up to it."), device.description()))
        self._update_buttons()
        return True

    def stop(self) -> None:
        if self.camera is not None:
            self.camera.stop()
            self.camera.deleteLater()
        for part in (self.session, self.sink):
            if part is not None:
                part.deleteLater()
        self.camera = self.session = self.sink = None
        self._update_buttons()
        self.retranslate()

    def hideEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        self.stop()
        super().hideEvent(event)

    def _camera_error(self, _error: Any, text: str) -> None:
        self.message.setText(arg(self.tr("The camera stopped: %1"), text))
        self.stop()

    def _frame(self, frame: Any) -> None:
        now = time.monotonic()
        if now - self.last_decode < DECODE_EVERY:
            return
        self.last_decode = now
        image = frame.toImage()
        if image.isNull():
            return
        self.preview.setPixmap(QPixmap.fromImage(image).scaled(
            self.preview.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.FastTransformation))
        self.found_in(image, now)

    def found_in(self, image: QImage, now: float | None = None) -> list[str]:
        """Decode a picture and pass on each code not already passed on in the last few seconds."""
        now = time.monotonic() if now is None else now
        fresh = []
        for text in decode_image(image):
            if now - self.recent.get(text, -SAME_CODE_QUIET - 1) > SAME_CODE_QUIET:
                fresh.append(text)
            self.recent[text] = now
        for text in fresh:
            self.last_code.setText(arg(self.tr("Last code read: %1"), text))
            self.codeFound.emit(text)
        return fresh

    def retranslate(self) -> None:
        self.start_button.setText(self.tr("Start the &camera"))
        self.stop_button.setText(self.tr("Stop the camera"))
        if not self.available:
            self.message.setText(self.tr("No camera was found on this computer. Use the handheld scanner, "
                                         "or type the code on the Scan tab."))
        elif self.camera is None:
            self.message.setText(self.tr("Choose a camera and start it; codes it sees are scanned as if typed."))
