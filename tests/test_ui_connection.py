"""A station on a shared meeting says at once when the server stops answering, and when it is back."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.helpers import small_meeting
from tests.ui_fixtures import look, window  # noqa: F401 - fixtures


def test_a_lost_server_is_shown_in_the_status_bar_and_cleared_when_it_returns(
    window: Any, qtbot: Any, tmp_path: Path  # noqa: F811
) -> None:
    service = small_meeting(tmp_path)
    answers = ["server.local:5432/agm: the database server cannot be reached (connection refused)", None]
    service.server_problem = lambda: answers[0]  # the real check needs a PostgreSQL server to pull the cable on
    window.set_service(service, "postgresql://coopvote@server.local/agm")
    assert window.connection_timer.isActive() and not window.backup_timer.isActive()
    job = window.check_connection()
    qtbot.waitUntil(lambda: "Connection lost" in window.connection_label.text(), timeout=5000)
    assert "connection refused" in window.connection_label.text()
    assert not job.running
    answers.pop(0)
    window.check_connection()
    qtbot.waitUntil(lambda: window.connection_label.text() == "Connected to the shared meeting", timeout=5000)
    window.close_meeting()
    assert not window.connection_timer.isActive() and window.connection_label.text() == ""


def test_a_file_meeting_is_backed_up_by_the_service_once_per_close(window: Any, tmp_path: Path) -> None:  # noqa: F811
    from coopvote.service import MeetingService

    small_meeting(tmp_path).close()
    service = MeetingService.open(tmp_path / "small.coopvote")
    window.set_service(service, str(tmp_path / "small.coopvote"))
    assert window.backups is service.backups and window.backup_timer.isActive()
    service.voting.open_vote(1, not_quorate_reason="test meeting: quorum not under test")
    service.voting.close_vote(1)
    assert len(list((tmp_path / "small.coopvote.backups").glob("*.coopvote"))) == 1
    window.close_meeting()
