"""An advance paper or an amendment after a vote closes is refused: the close sealed the item's papers and
what they count as. The chair can reopen a closed, undeclared vote with a reason, and then both are taken."""

from __future__ import annotations

from pathlib import Path

import pytest

from coopvote.cli import main
from coopvote.errors import RuleError
from coopvote.service import MeetingService
from coopvote.service.views import ScanOutcome
from tests.advance_meeting import ON_TIME, new_meeting


def _closed_with_an_advance_paper_waiting(folder: Path) -> tuple[MeetingService, str]:
    """Item 1's vote closed while M001's opened envelope still has its paper to be read: the paper's code."""
    service = new_meeting(folder, 20)
    issue = service.advance.issue_packs(["M001"])
    assert service.advance.receive_envelope(issue.envelope_codes["M001"], at=ON_TIME).accepted
    assert service.advance.open_envelopes() == 1
    batch = next(b for b in issue.batches if b.item == 1)
    service.voting.open_vote(1, not_quorate_reason="test meeting: nobody checked in")
    service.voting.close_vote(1)
    return service, batch.qr_text(batch.serials[0])


def test_an_advance_paper_after_the_close_is_refused_until_the_vote_is_reopened(tmp_path: Path) -> None:
    service, qr_text = _closed_with_an_advance_paper_waiting(tmp_path)
    try:
        refused = service.advance.record_paper(qr_text, [1])
        assert not refused.accepted and refused.reason == "vote-closed"
        assert "has closed" in refused.message_en and "wedi cau" in refused.message_cy
        checked = service.advance.identify(qr_text)
        assert isinstance(checked, ScanOutcome) and checked.reason == "vote-closed"
        assert sum(service.results.item_result(1).valid_by_class.values()) == 0
        service.voting.reopen_vote(1, "an advance paper was found unread after the close")
        counted = service.advance.record_paper(qr_text, [1])
        assert counted.accepted, counted.message_en
    finally:
        service.close()


def test_an_amendment_after_the_close_is_refused_until_the_vote_is_reopened(tmp_path: Path) -> None:
    service, _qr_text = _closed_with_an_advance_paper_waiting(tmp_path)
    try:
        with pytest.raises(RuleError, match="voting on item 1 has closed") as refused:
            service.advance.mark_amended(1, "the chair")
        assert "wedi cau" in refused.value.render("cy")
        service.voting.reopen_vote(1, "the amendment was moved before the close")
        assert service.advance.mark_amended(1, "the chair") == "against"
    finally:
        service.close()


def test_the_command_line_refuses_a_paper_and_an_amendment_after_the_close(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    service, qr_text = _closed_with_an_advance_paper_waiting(tmp_path)
    service.close()
    meeting = str(tmp_path / "advance.coopvote")
    capsys.readouterr()
    assert main(["--lang", "en", "advance", "record", meeting, "--qr", qr_text, "--marks", "1"]) == 1
    assert "The vote on item 1 has closed." in capsys.readouterr().out
    assert main(["--lang", "en", "advance", "amended", meeting, "--item", "1", "--by", "the chair"]) != 0
    assert "voting on item 1 has closed" in capsys.readouterr().err
