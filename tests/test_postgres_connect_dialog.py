"""The 'Connect to a shared meeting' dialog: five fields to a connection string, tried before use."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("pytestqt")

from PySide6.QtCore import Qt  # noqa: E402

from coopvote.errors import RecordError  # noqa: E402
from coopvote.meeting.spec import parse_spec  # noqa: E402
from coopvote.record.connection import build_url, display_target, parse_url  # noqa: E402
from coopvote.service import MeetingService  # noqa: E402
from tests.helpers import SMALL_SPEC  # noqa: E402
from tests.postgres_support import pg_url  # noqa: E402, F401 - fixture
from tests.ui_fixtures import look  # noqa: E402, F401 - fixture


def _dialog(qtbot: Any, **options: Any) -> Any:
    from coopvote.ui.connect import ConnectDialog

    dialog = ConnectDialog(**options)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _fill(qtbot: Any, dialog: Any, host: str, database: str, user: str, password: str, port: int = 5432) -> None:
    for field, text in ((dialog.host, host), (dialog.database, database), (dialog.user, user), (dialog.password, password)):
        field.clear()
        qtbot.keyClicks(field, text)
    dialog.port.setValue(port)


def test_fields_make_a_url_that_survives_any_password(look: Any, qtbot: Any, artifacts_dir: Path) -> None:  # noqa: F811
    dialog = _dialog(qtbot, tester=lambda url: None)
    _fill(qtbot, dialog, "chair-laptop.local", "agm2026", "teller", "p@ss:w/rd %1", port=5433)
    url = dialog.url()
    assert url.startswith("postgresql://teller:") and url.endswith("@chair-laptop.local:5433/agm2026")
    assert parse_url(url) == {
        "host": "chair-laptop.local",
        "port": 5433,
        "database": "agm2026",
        "user": "teller",
        "password": "p@ss:w/rd %1",
    }
    assert "p@ss" not in display_target(url) and "***" in display_target(url)
    assert dialog.password.echoMode() == dialog.password.EchoMode.Password
    assert dialog.test_connection()
    assert "Connected" in dialog.status.text() and "p@ss" not in dialog.status.text()
    dialog.grab().save(str(artifacts_dir / "connect-dialog.png"))
    with qtbot.waitSignal(dialog.accepted, timeout=2000):
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)


def test_missing_fields_and_a_refusing_server_are_said_plainly(look: Any, qtbot: Any) -> None:  # noqa: F811
    def refuse(url: str) -> None:
        raise RecordError(f"{display_target(url)}: cannot be opened (connection refused)")

    dialog = _dialog(qtbot, tester=refuse)
    _fill(qtbot, dialog, "", "agm", "teller", "secret")
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "host" in dialog.status.text()
    _fill(qtbot, dialog, "10.0.0.9", "agm", "teller", "secret")
    assert not dialog.test_connection()
    assert "connection refused" in dialog.status.text() and "secret" not in dialog.status.text()


def test_a_saved_url_fills_the_fields(look: Any, qtbot: Any) -> None:  # noqa: F811
    saved = build_url("192.168.1.20", 5432, "agm", "coopvote", "s3cret")
    dialog = _dialog(qtbot, tester=lambda url: None, initial=saved.replace("postgresql://", "postgresql+psycopg://"))
    assert (dialog.host.text(), dialog.port.value(), dialog.database.text()) == ("192.168.1.20", 5432, "agm")
    assert dialog.password.text() == "s3cret" and dialog.url() == saved


def test_the_dialog_reaches_a_real_shared_meeting(look: Any, qtbot: Any, pg_url: str) -> None:  # noqa: F811
    from sqlalchemy.engine import make_url

    MeetingService.create(pg_url, parse_spec(SMALL_SPEC, "small.toml")).close()
    parts = make_url(pg_url)
    dialog = _dialog(qtbot)
    _fill(qtbot, dialog, parts.host or "", parts.database or "", parts.username or "", "wrong-password", port=parts.port or 5432)
    assert not dialog.test_connection()
    assert "cannot be opened" in dialog.status.text() and "wrong-password" not in dialog.status.text()
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, parts.password or "")
    assert dialog.test_connection(), dialog.status.text()
    service = MeetingService.open(dialog.url())
    try:
        assert service.setup.meeting().name_en == "Test Meeting"
    finally:
        service.close()
