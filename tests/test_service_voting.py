"""Tellers through the service layer: opening votes, scanning codes, refusals, undo, results."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from coopvote.ballots.qrcodec import BallotCode, encode
from coopvote.errors import RuleError
from coopvote.service import MeetingService
from tests.helpers import small_meeting


@pytest.fixture
def meeting(tmp_path: Path) -> MeetingService:
    service = small_meeting(tmp_path, station="teller-1")
    return service


def test_slips_count_once_and_every_refusal_says_why(meeting: MeetingService) -> None:
    batch = meeting.papers.add_paper_batch(1, "EMP", 4, kind="slips")
    first, second, third, fourth = batch.serials
    slip_for = batch.qr_text(first, option=1)
    refused = meeting.tellers.record_paper(slip_for)
    assert not refused.accepted and refused.reason == "vote-not-open"
    meeting.voting.open_vote(1, not_quorate_reason="test meeting: quorum not under test")
    accepted = meeting.tellers.record_paper(slip_for)
    assert accepted.accepted and accepted.marks == (1,)
    again = meeting.tellers.record_paper(slip_for.lower() + "\r\n")
    assert not again.accepted and again.reason == "already-counted"
    assert "teller-1" in again.message_en and again.first_counted_station == "teller-1"
    # Issue 12: a second slip from the same sheet with another choice is more than one vote, not "already
    # counted" (scan order must not decide the vote); tests/test_service_safeguards.py follows it through.
    other_slip_same_paper = meeting.tellers.record_paper(batch.qr_text(first, option=2))
    assert other_slip_same_paper.reason == "too-many-votes"
    forged = slip_for[:-1] + ("A" if slip_for[-1] != "A" else "B")
    assert meeting.tellers.record_paper(forged).reason == "forged-or-damaged"
    foreign = encode(BallotCode("ZZZZZZ", 1, "EMP", second, option=0), batch.secret)
    assert meeting.tellers.record_paper(foreign).reason == "other-meeting"
    assert meeting.tellers.record_paper("https://example.org/").reason == "not-coopvote"
    never = batch.qr_text(999, option=1)
    assert meeting.tellers.record_paper(never).reason == "serial-not-issued"
    meeting.papers.spoil_paper(1, fourth, "spoilt: torn")
    assert meeting.tellers.record_paper(batch.qr_text(fourth, option=1)).reason == "spoilt"
    assert meeting.tellers.record_paper(batch.qr_text(second, option=2)).accepted
    assert meeting.tellers.record_paper(batch.qr_text(third, option=3)).accepted
    for outcome in (again, refused):
        assert outcome.message_cy and outcome.message_cy != outcome.message_en


def test_keyed_marks_are_checked(meeting: MeetingService) -> None:
    batch = meeting.papers.add_paper_batch(2, "PS", 3)
    meeting.voting.open_vote(2, not_quorate_reason="test meeting: quorum not under test")
    code = batch.qr_text(batch.serials[0])
    bad = meeting.tellers.record_paper(code, [1, 1])
    assert not bad.accepted and "twice" in bad.message_en
    assert meeting.tellers.record_paper(code, [4]).reason == "bad-marks"
    good = meeting.tellers.record_paper(code, [3, 1])
    assert good.accepted and good.marks == (3, 1)


def test_undo_lets_a_paper_be_scanned_again(meeting: MeetingService) -> None:
    batch = meeting.papers.add_paper_batch(1, "PS", 2)
    meeting.voting.open_vote(1, not_quorate_reason="test meeting: quorum not under test")
    code = batch.qr_text(batch.serials[0])
    assert meeting.tellers.record_paper(code, [2]).accepted
    with pytest.raises(RuleError, match="say why"):
        meeting.tellers.undo_last(" ")
    undone = meeting.tellers.undo_last("teller pressed Against by mistake")
    assert undone.serial == batch.serials[0]
    assert meeting.tellers.record_paper(code, [1]).accepted
    assert meeting.results.item_result(1).papers_by_option[0] == {"PS": 1, "EMP": 0}


def test_closed_vote_refuses_papers_and_results_add_up(meeting: MeetingService) -> None:
    ps = meeting.papers.add_paper_batch(1, "PS", 3, kind="slips")
    emp = meeting.papers.add_paper_batch(1, "EMP", 5, kind="slips")
    for number in ("P1", "P2", "E1", "E2", "E3", "E4"):
        meeting.desk.check_in(number)
        meeting.desk.issue_pack(number)
    meeting.voting.open_vote(1, not_quorate_reason="test meeting: quorum not under test")
    votes = [(ps, 1), (ps, 2), (emp, 1), (emp, 1), (emp, 2), (emp, 3)]
    used: dict[str, int] = {"PS": 0, "EMP": 0}
    for batch, option in votes:
        serial = batch.serials[used[batch.class_code]]
        used[batch.class_code] += 1
        assert meeting.tellers.record_paper(batch.qr_text(serial, option=option)).accepted
    meeting.voting.close_vote(1)
    late = meeting.tellers.record_paper(emp.qr_text(emp.serials[4], option=1))
    assert late.reason == "vote-closed"
    result = meeting.results.item_result(1)
    assert result.papers_by_class == {"PS": 2, "EMP": 4}
    assert result.resolution is not None
    # one member one vote: 3 for, 2 against (abstention not cast): 60% carried
    assert result.resolution.for_share == Fraction(3, 5)
    assert result.resolution.carried
    assert "60.0%" in result.outcome_en
    rows = {row.class_code: row for row in meeting.results.reconciliation(1)}
    assert (rows["PS"].issued, rows["PS"].returned, rows["PS"].not_returned) == (2, 2, 0)
    assert (rows["EMP"].printed, rows["EMP"].issued, rows["EMP"].returned) == (5, 4, 4)
    summary = meeting.results.declare(1, "Eleri Prydderch", reconciliation_reason="test meeting: papers recorded without packs issued")
    assert summary["resolution"]["carried"] is True
    with pytest.raises(RuleError, match="already been declared"):
        meeting.results.declare(1, "Eleri Prydderch", reconciliation_reason="test meeting: papers recorded without packs issued")


def test_election_result_counts_with_the_items_method(meeting: MeetingService) -> None:
    batch = meeting.papers.add_paper_batch(2, "EMP", 10)
    meeting.voting.open_vote(2, not_quorate_reason="test meeting: quorum not under test")
    rankings = [[1, 2], [1, 3], [1, 2], [2, 1], [2, 3], [3, 2], [3, 1], [1]]
    for serial, ranking in zip(batch.serials, rankings, strict=False):
        assert meeting.tellers.record_paper(batch.qr_text(serial), ranking).accepted
    meeting.voting.close_vote(2)
    result = meeting.results.item_result(2)
    assert result.election is not None
    # quota floor(8/3)+1 = 3; Siân has 4 first preferences and is elected at stage 1
    assert result.election.elected_names[0] == "Siân ap Gwŷn"
    assert len(result.election.elected) == 2
    assert result.seed is not None
    assert result.papers_by_option[0]["EMP"] == 4


def test_closing_a_vote_backs_the_file_up_with_its_seed(tmp_path: Path) -> None:
    small_meeting(tmp_path).close()
    service = MeetingService.open(tmp_path / "small.coopvote", station="teller-1")
    service.voting.open_vote(1, not_quorate_reason="test meeting: quorum not under test")
    service.voting.close_vote(1)
    backups = sorted((tmp_path / "small.coopvote.backups").glob("small-*.coopvote"))
    assert len(backups) == 1
    copy = MeetingService.open(backups[0], backups=False)
    assert copy.setup.meeting().item(1).status == "closed"
    assert copy.setup.meeting().item(1).settings["seed"] == service.setup.meeting().item(1).settings["seed"]
    copy.close()
    service.close()


def test_show_of_hands_then_a_poll_demanded_and_counted(meeting: MeetingService) -> None:
    meeting.results.record_show_of_hands(1, {"PS": (1, 1, 0), "EMP": (3, 0, 0)})
    hands = meeting.results.item_result(1)
    assert hands.resolution is not None and hands.resolution.mode == "show-of-hands"
    assert hands.resolution.carried
    meeting.results.demand_poll(1, "Dafydd Llŵyd")
    batch = meeting.papers.add_paper_batch(1, "EMP", 3, kind="slips")
    meeting.voting.open_vote(1, not_quorate_reason="test meeting: quorum not under test")
    for serial, option in zip(batch.serials, (2, 2, 1), strict=True):
        assert meeting.tellers.record_paper(batch.qr_text(serial, option=option)).accepted
    meeting.voting.close_vote(1)
    poll = meeting.results.item_result(1)
    assert poll.resolution is not None and poll.resolution.mode == "poll"
    assert not poll.resolution.carried  # the poll, not the hands, decides
    assert "poll demanded by Dafydd Llŵyd" in poll.outcome_en
    assert poll.show_of_hands is not None and poll.show_of_hands["poll_demanded_by"] == "Dafydd Llŵyd"


def test_hands_polls_and_casting_votes_are_refused_once_they_could_change_a_sealed_or_declared_result(
    meeting: MeetingService,
) -> None:
    """The close seals the item's definition (the show of hands in it) and a declaration is final: a show of
    hands or a poll demanded after the close, or a casting vote after the declaration, would change what was
    sealed or printed, so each is refused with the item's state named, and nothing is recorded."""
    batch = meeting.papers.add_paper_batch(1, "EMP", 2, kind="slips")
    meeting.voting.open_vote(1, not_quorate_reason="test meeting: quorum not under test")
    for serial, option in zip(batch.serials, (1, 2), strict=True):
        assert meeting.tellers.record_paper(batch.qr_text(serial, option=option)).accepted
    meeting.voting.close_vote(1)
    with pytest.raises(RuleError, match="item 1 is closed: a show of hands is recorded before the vote closes"):
        meeting.results.record_show_of_hands(1, {"EMP": (2, 0, 0)})
    with pytest.raises(RuleError, match="item 1 is closed: a poll is demanded before the vote closes"):
        meeting.results.demand_poll(1, "Dafydd Llŵyd")
    meeting.results.set_casting_vote(1, "for", "Mair Jones")  # closed, not declared: the casting vote's time
    meeting.results.declare(1, "Mair Jones", reconciliation_reason="test: papers not all returned")
    with pytest.raises(RuleError, match="item 1 is declared and cannot change"):
        meeting.results.set_casting_vote(1, "against", "Mair Jones")
    assert meeting.results.item_result(1).resolution is not None
    assert meeting.results.item_result(1).resolution.mode == "poll"
