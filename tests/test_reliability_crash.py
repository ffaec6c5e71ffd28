"""SIGKILL at random moments while scanning: no scan shown as accepted is lost, none is counted twice."""

from __future__ import annotations

from pathlib import Path

import pytest

from reliability.crash import check_meeting_file, kill_trials


@pytest.mark.slow
def test_twenty_random_kills_lose_and_double_nothing(tmp_path: Path) -> None:
    papers = 3000  # more than 20 short trials can scan on a quiet machine, so every trial ends in a kill
    stats = kill_trials(tmp_path, trials=20, seed=11, papers=papers, max_delay=0.8)
    assert stats.problems == []
    # The trials stop early only when every paper has been counted: then the run proved the same thing.
    assert stats.trials == 20 or stats.recorded == papers
    assert stats.kills >= stats.trials - 2  # a trial only escapes a kill if the child finished every scan first
    assert stats.shown_accepted > 60  # the trials really scanned (each child skips papers already counted)
    assert stats.lost == 0 and stats.doubled == 0
    assert stats.recorded >= stats.shown_accepted  # a scan committed but killed before it was shown is kept


def test_the_checker_notices_a_missing_scan(tmp_path: Path) -> None:
    stats = kill_trials(tmp_path, trials=1, seed=3, papers=40, max_delay=0.5)
    assert stats.problems == []
    result = check_meeting_file(tmp_path / "crash.coopvote", {99_999})
    assert any("missing" in p for p in result.problems)
