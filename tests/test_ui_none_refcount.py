"""PySide6 6.12.0 drops a reference to None on every call of a method that returns nothing.

On Python 3.11 None is an ordinary object: after some tens of thousands of such calls (a label's text set,
events processed while a long batch runs) its count reaches zero and the interpreter aborts with
"none_dealloc". The app runs for hours at a meeting, so the version is excluded in pyproject.toml; this
test fails on any Qt binding that has the fault, whatever version number it carries.
"""

from __future__ import annotations

import sys
from typing import Any

import pytest


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12: no count to lose")
def test_calling_qt_methods_that_return_nothing_leaves_none_alone(qapp: Any) -> None:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QLabel

    label = QLabel()
    before = sys.getrefcount(None)
    for number in range(2_000):
        label.setText(str(number))
        QCoreApplication.processEvents()
    lost = before - sys.getrefcount(None)
    assert lost < 200, f"4,000 Qt calls took {lost} references from None (a binding fault; see pyproject.toml)"
