"""A tampered meeting refuses to export, and the message names the meeting file the secretary chose."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from coopvote.errors import RecordError
from coopvote.export.archive import export_meeting
from tests.helpers import small_meeting


def test_a_tampered_meeting_refuses_export_naming_the_meeting_file(tmp_path: Path) -> None:
    service = small_meeting(tmp_path)
    batch = service.papers.add_paper_batch(1, "EMP", 2)
    service.voting.open_vote(1, not_quorate_reason="test meeting: nobody checked in")
    assert service.tellers.record_paper(batch.qr_text(batch.serials[0]), [1]).accepted
    service.close()
    meeting = tmp_path / "small.coopvote"
    with sqlite3.connect(meeting) as connection:  # a teller with sqlite3 turns the For into an Against
        connection.execute("UPDATE recorded_ballot SET marks = '[2]'")
    with pytest.raises(RecordError) as refused:
        export_meeting(meeting, tmp_path / "record.zip")
    assert str(refused.value).startswith(str(meeting)), str(refused.value)
    assert "do not match the audit log" in str(refused.value)
    assert not (tmp_path / "record.zip").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no working copy left behind
