"""Two short sounds for the scanning screen: a high chime for counted, a low buzz for refused.

The tones are written once as WAV files in a temporary folder and played with QSoundEffect. A machine
with no sound device (a kiosk, a test run offscreen) falls back to the system beep, which may do
nothing: the big green or red answer on screen is what a teller relies on, the sound only helps.
"""

from __future__ import annotations

import math
import struct
import tempfile
import wave
from pathlib import Path

from PySide6.QtCore import QObject, QUrl
from PySide6.QtWidgets import QApplication

RATE = 22050


def tone_wav(path: Path, frequencies: tuple[float, ...], seconds: float, volume: float = 0.35) -> Path:
    """A mono 16-bit WAV of the given tones one after another, with soft edges so it does not click."""
    frames = bytearray()
    per_tone = int(RATE * seconds / len(frequencies))
    ramp = max(1, int(RATE * 0.01))
    for frequency in frequencies:
        for n in range(per_tone):
            envelope = min(1.0, n / ramp, (per_tone - n) / ramp)
            sample = volume * envelope * math.sin(2 * math.pi * frequency * n / RATE)
            frames += struct.pack("<h", int(sample * 32767))
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(bytes(frames))
    return path


class Sounds(QObject):
    """``play(True)`` for a counted paper, ``play(False)`` for a refusal; never raises."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.enabled = True
        self.effects: dict[bool, object] = {}
        self._folder: tempfile.TemporaryDirectory[str] | None = None
        try:
            from PySide6.QtMultimedia import QMediaDevices, QSoundEffect

            if not QMediaDevices.audioOutputs():
                return
            self._folder = tempfile.TemporaryDirectory(prefix="coopvote-sounds-")
            folder = Path(self._folder.name)
            for ok, tones, seconds in ((True, (880.0, 1320.0), 0.18), (False, (220.0, 180.0), 0.35)):
                effect = QSoundEffect(self)
                effect.setSource(QUrl.fromLocalFile(str(tone_wav(folder / f"{'ok' if ok else 'no'}.wav", tones, seconds))))
                self.effects[ok] = effect
        except Exception:  # noqa: BLE001 - no multimedia back end: the beep will do
            self.effects = {}

    @property
    def has_device(self) -> bool:
        return bool(self.effects)

    def play(self, ok: bool) -> None:
        if not self.enabled:
            return
        effect = self.effects.get(ok)
        try:
            if effect is not None:
                effect.play()  # type: ignore[attr-defined]
            elif not ok:
                QApplication.beep()
        except Exception:  # noqa: BLE001 - a sound must never stop a scan
            pass
