"""The desktop app (PySide6): a thin layer over ``coopvote.service``.

Only this package imports Qt. Pages call the service and show what it says; no voting rule lives here.
Start it with ``coopvote app [MEETING]`` or ``coopvote.ui.app.run_app``.
"""

from __future__ import annotations

import ctypes
import sys
from typing import Any


def _guard_signal_emit() -> bool:
    """Work around PySide6 6.12.0, whose ``SignalInstance.emit`` returns True without owning a reference.

    Every ``signal.emit()`` made from Python then takes one reference away from ``True``; after about
    8,500 (``True``'s count in a freshly started app) Python 3.11 frees ``True`` and the app aborts
    with "bool_dealloc: deallocating True or False". The fault is detected here rather than assumed by
    version number, and only then is ``emit`` wrapped to give back the reference it took. Returns
    whether the wrapper was installed.
    """
    from PySide6.QtCore import QObject, Signal, SignalInstance

    if getattr(SignalInstance.emit, "_coopvote_guard", False):
        return True

    class _Probe(QObject):
        ping = Signal()

    incref = ctypes.pythonapi.Py_IncRef
    incref.argtypes = [ctypes.py_object]
    incref.restype = None
    probe = _Probe()
    tries = 16
    before = sys.getrefcount(True)
    for _ in range(tries):
        probe.ping.emit()
    lost = before - sys.getrefcount(True)
    for _ in range(max(0, lost)):
        incref(True)  # undo what the probe itself took
    if lost < tries:
        return False
    original = SignalInstance.emit

    def emit(self: Any, *args: Any) -> Any:
        result = original(self, *args)
        if result is True or result is False:
            incref(result)
        return result

    emit._coopvote_guard = True  # type: ignore[attr-defined]
    SignalInstance.emit = emit  # type: ignore[method-assign]
    return True


SIGNAL_EMIT_GUARDED = _guard_signal_emit()
