"""A vote reopened after its close: the archive carries the last close that vouches for every paper.

While a reopened vote is open no close vouches for its papers, so the archive carries none for it and
still verifies; once it closes again, the new close code reaches the papers recorded after the reopen,
and the first (superseded) code no longer names the item's close.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from coopvote.export.archive import export_meeting
from coopvote.export.verify import Discrepancy, verify_archive
from coopvote.service import MeetingService
from tests.helpers import small_meeting


def quorate(service: MeetingService) -> None:
    for number in ("P1", "P2", "E1", "E2"):
        service.desk.check_in(number)
        service.desk.issue_pack(number)


def test_an_archive_of_a_reopened_vote_verifies_before_and_after_it_closes_again(tmp_path: Path) -> None:
    service = small_meeting(tmp_path, station="teller-1")
    quorate(service)
    batch = service.papers.add_paper_batch(1, "EMP", 4)
    service.voting.open_vote(1)
    assert service.tellers.record_paper(batch.qr_text(batch.serials[0]), [1]).accepted
    first_code = service.voting.close_vote(1)
    service.voting.reopen_vote(1, "a second ballot box was found in the side room")
    assert service.tellers.record_paper(batch.qr_text(batch.serials[1]), [2]).accepted
    meeting_file = tmp_path / "small.coopvote"

    export_meeting(meeting_file, tmp_path / "open.zip")  # exported while the reopened vote is open
    for archive in ("open.zip", "open-PRIVATE.zip"):
        assert verify_archive(tmp_path / archive).items_recounted >= 1

    second_code = service.voting.close_vote(1)
    assert second_code and second_code != first_code
    export_meeting(meeting_file, tmp_path / "closed.zip")
    for archive in ("closed.zip", "closed-PRIVATE.zip"):
        verify_archive(tmp_path / archive, code=second_code)
    with pytest.raises(Discrepancy):
        verify_archive(tmp_path / "closed.zip", code=first_code)  # superseded: it vouches for one paper only
    service.close()
