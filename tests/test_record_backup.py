"""Automatic backups: consistent copies while scanning, kept to N, taken at each vote close and on a timer."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from coopvote.errors import RecordError
from coopvote.record.backup import PeriodicBackup, backup_meeting, list_backups
from coopvote.service import MeetingService, backup_on_close
from reliability.crash import prepare_scan_meeting


def recorded(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        return int(connection.execute("SELECT COUNT(*) FROM recorded_ballot").fetchone()[0])
    finally:
        connection.close()


def test_backup_is_consistent_self_contained_and_pruned(tmp_path: Path) -> None:
    path, jobs = prepare_scan_meeting(tmp_path, 30)
    scans = json.loads(jobs.read_text())
    service = MeetingService.open(path, station="t")
    folder = tmp_path / "backups"
    made = []
    for index, (qr, marks) in enumerate(scans[:8]):
        assert service.tellers.record_paper(qr, marks).accepted
        made.append(backup_meeting(path, folder, keep=3))  # while the service holds the file open
        assert recorded(made[-1]) == index + 1
        assert not Path(str(made[-1]) + "-wal").exists()
    assert list_backups(path, folder) == made[-3:]
    assert not any(p.name.endswith(".partial") for p in folder.iterdir())
    copy = MeetingService.open(made[-1])
    assert copy.setup.meeting().code == service.setup.meeting().code
    copy.close()
    service.close()


def test_periodic_backup_only_copies_after_a_change(tmp_path: Path) -> None:
    path, jobs = prepare_scan_meeting(tmp_path, 10)
    scans = json.loads(jobs.read_text())
    ticker = PeriodicBackup(path, keep=10)
    first = ticker.tick()
    assert first is not None and ticker.tick() is None
    service = MeetingService.open(path, station="t")
    service.tellers.record_paper(*scans[0])
    second = ticker.tick()
    assert second is not None and second != first and recorded(second) == 1
    service.close()
    path.unlink()
    assert ticker.tick(force=True) is None and "no such meeting file" in ticker.last_error


def test_each_vote_close_is_backed_up(tmp_path: Path) -> None:
    path, jobs = prepare_scan_meeting(tmp_path, 10)
    scans = json.loads(jobs.read_text())
    service = MeetingService.open(path, station="t")
    backups = backup_on_close(service, tmp_path / "closes", keep=5)
    for qr, marks in scans[:4]:
        service.tellers.record_paper(qr, marks)
    service.voting.close_vote(1)
    assert backups.last_backup is not None and recorded(backups.last_backup) == 4
    connection = sqlite3.connect(backups.last_backup)
    assert connection.execute("SELECT status FROM agenda_item WHERE number = 1").fetchone()[0] == "closed"
    connection.close()
    service.close()


def test_backup_refuses_clearly(tmp_path: Path) -> None:
    with pytest.raises(RecordError, match="no such meeting file"):
        backup_meeting(tmp_path / "absent.coopvote", tmp_path / "b")
    path, _ = prepare_scan_meeting(tmp_path, 4)
    with pytest.raises(RecordError, match="keep at least one"):
        backup_meeting(path, tmp_path / "b", keep=0)


def test_a_copy_leaves_no_wal_files_beside_the_meeting(tmp_path: Path) -> None:
    """Someone copying only the .coopvote file afterwards must get everything: no -wal left behind."""
    from coopvote.record.backup import sqlite_snapshot
    from tests.helpers import small_meeting

    small_meeting(tmp_path).close()
    meeting = tmp_path / "small.coopvote"
    sqlite_snapshot(meeting, tmp_path / "copy.coopvote")
    assert not (tmp_path / "small.coopvote-wal").exists()
    assert not (tmp_path / "small.coopvote-shm").exists()
