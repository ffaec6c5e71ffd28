"""Fixtures shared by the desktop-app tests (imported by each tests/test_ui_*.py)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest


@pytest.fixture
def look(qapp: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """The app's look (language, contrast, text size) with settings in a throw-away INI file, English."""
    monkeypatch.setenv("COOPVOTE_SETTINGS", str(tmp_path / "settings.ini"))
    from coopvote.ui.look import application

    _app, settings = application()
    settings.set_language("en")
    settings.set_high_contrast(False)
    settings.set_text_scale(1.0)
    yield settings
    settings.set_language("en")
    settings.set_high_contrast(False)
    settings.set_text_scale(1.0)


@pytest.fixture
def window(look: Any, qtbot: Any) -> Iterator[Any]:
    from coopvote.ui.main_window import MainWindow

    main = MainWindow(look)
    qtbot.addWidget(main)
    main.show()
    qtbot.waitExposed(main)
    yield main
    main.close_meeting()


def shot(widget: Any, artifacts_dir: Path, name: str) -> Path:
    """Save what the widget looks like now, for a person to look at after the run."""
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    target = artifacts_dir / f"{name}.png"
    assert widget.grab().save(str(target)), target
    return target


os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
