"""Directed proxy votes have no paper: an edit of their tally behind the service's back must not change a result.

The desk chain's forms say how many directed votes each item and class holds (never which way), and the
close entry's ``directed_digest`` seals the tally itself from the close on.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from coopvote.errors import RecordError
from coopvote.service import MeetingService
from tests.advance_meeting import new_meeting, number_of


def _directed_meeting(tmp_path: Path) -> tuple[Path, MeetingService]:
    service = new_meeting(tmp_path, 20)
    for index, direction in ((1, "for"), (2, "for"), (3, "against")):
        service.advance.enter_directed_proxy(number_of(index), None, {1: direction})
    return tmp_path / "advance.coopvote", service


def _set_tally(file: Path, tally: dict[str, int]) -> None:
    with sqlite3.connect(file) as connection:
        changed = connection.execute(
            "UPDATE directed_tally SET tally = ? WHERE item_id = (SELECT id FROM agenda_item WHERE number = 1)",
            (json.dumps(tally),),
        ).rowcount
    assert changed == 1


def test_a_directed_vote_added_to_the_tally_in_the_file_is_refused_before_any_count(tmp_path: Path) -> None:
    file, service = _directed_meeting(tmp_path)
    assert service.results.item_result(1).directed == {"PS": {"1": 2, "2": 1}}
    service.close()
    _set_tally(file, {"1": 3, "2": 1})
    reopened = MeetingService.open(file, backups=False)
    with pytest.raises(RecordError, match=r"item 1, class PS: .* holds 4 directed proxy vote\(s\), .* entered 3"):
        reopened.results.item_result(1)
    reopened.close()


def test_a_directed_vote_turned_the_other_way_after_the_close_is_refused_by_the_seal(tmp_path: Path) -> None:
    file, service = _directed_meeting(tmp_path)
    service.voting.open_vote(1, not_quorate_reason="test meeting: quorum not under test")
    service.voting.close_vote(1)
    assert service.results.item_result(1).directed == {"PS": {"1": 2, "2": 1}}
    service.close()
    _set_tally(file, {"1": 1, "2": 2})  # the same number of votes: only the seal can tell
    reopened = MeetingService.open(file, backups=False)
    with pytest.raises(RecordError, match="directed_digest differs"):
        reopened.results.item_result(1)
    reopened.close()
