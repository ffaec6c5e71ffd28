"""A full disk, a read-only file, a lock held by another program, a file moved mid-meeting.

Each gives the teller a message naming the problem, loses nothing already recorded, and scanning
resumes once the fault is gone.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reliability.faults import disk_full_trial, locked_trial, moved_trial, read_only_trial


def test_disk_full(tmp_path: Path) -> None:
    result = disk_full_trial(tmp_path)
    assert "disk is full" in result.message and "nothing from this action was saved" in result.message
    assert result.accepted_before >= 5 and result.lost == 0 and result.resumed


def test_read_only_file(tmp_path: Path) -> None:
    result = read_only_trial(tmp_path)
    assert "read-only" in result.message
    assert result.lost == 0 and result.resumed


@pytest.mark.slow
def test_locked_by_another_program(tmp_path: Path) -> None:
    result = locked_trial(tmp_path)  # waits out the 5 s busy timeout once
    assert "locked by another program" in result.message
    assert result.lost == 0 and result.resumed


def test_moved_away_mid_meeting(tmp_path: Path) -> None:
    result = moved_trial(tmp_path)
    assert "moved or removed" in result.message
    assert result.lost == 0 and result.resumed
