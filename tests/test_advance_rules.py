"""The rules around advance votes: the definition's checks, the amendment rule, void proxies, the desk's words."""

from __future__ import annotations

from pathlib import Path

import pytest

from coopvote.errors import InputError, RuleError
from coopvote.export.archive import export_meeting
from coopvote.export.verify import verify_archive
from coopvote.meeting.spec import parse_spec
from coopvote.service import MeetingService
from tests.advance_meeting import ADVANCE_SPEC, LATE, ON_TIME, new_meeting, number_of, register_csv


def spec_problem(advance_line: str, kind: str = "resolution") -> str:
    text = ADVANCE_SPEC.replace(
        'advance = { allowed = true, closes = 2026-11-27T17:00:00Z, if_amended = "against", declaration = true }',
        advance_line,
    )
    if kind == "election":
        text = text.replace("advance = { allowed = true, closes = 2026-11-27T17:00:00Z }", advance_line)
    with pytest.raises(InputError) as refused:
        parse_spec(text, "advance.toml")
    return str(refused.value)


def test_the_definition_refuses_unclear_advance_rules() -> None:
    assert "items[1].advance.postal" in spec_problem("advance = { allowed = true, postal = true }")
    assert "closes" in spec_problem('advance = { allowed = true, if_amended = "against" }')
    naive = spec_problem('advance = { allowed = true, closes = 2026-11-27T17:00:00, if_amended = "against" }')
    assert "time zone" in naive and "items[1].advance.closes" in naive
    assert "if_amended" in spec_problem("advance = { allowed = true, closes = 2026-11-27T17:00:00Z }")
    assert "'against'" in spec_problem('advance = { allowed = true, closes = 2026-11-27T17:00:00Z, if_amended = "ignore" }')
    election = spec_problem('advance = { allowed = true, closes = 2026-11-27T17:00:00Z, if_amended = "against" }', "election")
    assert "items[2].advance.if_amended" in election


def test_the_definition_keeps_the_window_with_its_time_zone() -> None:
    spec = parse_spec(ADVANCE_SPEC, "advance.toml")
    assert spec.items[0].settings["advance"] == {
        "allowed": True, "closes": "2026-11-27T17:00:00+00:00", "if_amended": "against", "declaration": True,
    }  # fmt: skip


def _advance_voters(tmp_path: Path, marks: list[int]) -> MeetingService:
    service = new_meeting(tmp_path, 20)
    voters = [number_of(i) for i in range(1, len(marks) + 1)]
    issue = service.advance.issue_packs(voters)
    for number in voters:
        assert service.advance.receive_envelope(issue.envelope_codes[number], at=ON_TIME).accepted
    service.advance.open_envelopes()
    batch = next(b for b in issue.batches if b.item == 1)
    for serial, mark in zip(batch.serials, marks, strict=False):
        assert service.advance.record_paper(batch.qr_text(serial), [mark]).accepted
    return service


def test_an_amended_resolution_counts_advance_votes_as_the_definition_says_and_verify_agrees(tmp_path: Path) -> None:
    service = _advance_voters(tmp_path, [1, 1, 1, 3])
    service.voting.open_vote(1, not_quorate_reason="test meeting: nobody checked in")
    room = service.papers.add_paper_batch(1, "EMP", 3)
    for number in (number_of(11), number_of(12)):
        service.desk.check_in(number)
        service.desk.issue_pack(number)
    for serial in room.serials[:2]:
        assert service.tellers.record_paper(room.qr_text(serial), [1]).accepted
    service.results.show_small_classes(1, "the chair", "test: the per-class figures are under test")
    before = service.results.item_result(1).papers_by_option
    assert before[0] == {"PS": 3, "EMP": 2} and before[2] == {"PS": 1, "EMP": 0}
    assert service.advance.mark_amended(1, "the chair") == "against"
    after = service.results.item_result(1).papers_by_option
    assert after[0] == {"PS": 0, "EMP": 2} and after[1] == {"PS": 4, "EMP": 0}
    with pytest.raises(RuleError, match="already recorded as amended"):
        service.advance.mark_amended(1, "the chair")
    service.voting.close_vote(1)
    service.results.declare(1, "the chair", reconciliation_reason="test meeting: papers recorded without packs")
    summary = export_meeting(tmp_path / "advance.coopvote", tmp_path / "amended.zip")
    assert verify_archive(summary.path).items_recounted >= 1


def test_a_proxy_is_void_for_items_voted_in_advance_and_the_desk_says_why(tmp_path: Path) -> None:
    service = new_meeting(tmp_path, 20)
    issue = service.advance.issue_packs([number_of(1)])
    assert service.advance.receive_envelope(issue.envelope_codes[number_of(1)], at=ON_TIME).accepted
    notes = service.advance.enter_directed_proxy(number_of(1), None, {1: "for", 2: [1, 2]})
    assert notes == ["Member 1 already voted on item 1 in advance: the proxy is void for it",
                     "Member 1 already voted on item 2 in advance: the proxy is void for it"]  # fmt: skip
    assert service.results.item_result(1).directed == {}
    service.desk.cancel_proxy(number_of(1), "test")
    service.desk.appoint_proxy(number_of(1), number_of(2))
    service.desk.check_in(number_of(2))
    packs = service.desk.issue_pack(number_of(2))
    assert [(p.for_member, p.items) for p in packs] == [(number_of(2), (1, 2))]  # nothing for the advance voter
    service.desk.check_in(number_of(1))  # attending cancels the proxy, as ever
    with pytest.raises(RuleError, match="voted in advance on item 1, 2"):
        service.desk.issue_pack(number_of(1))


def test_envelope_refusals_each_have_their_reason(tmp_path: Path) -> None:
    service = new_meeting(tmp_path, 20)
    issue = service.advance.issue_packs([number_of(1), number_of(2), number_of(3)])
    with pytest.raises(RuleError, match="already sent"):
        service.advance.issue_packs([number_of(1)])
    assert service.advance.receive_envelope(number_of(4), at=ON_TIME).reason == "unknown"  # no pack sent
    assert service.advance.receive_envelope(issue.envelope_codes[number_of(1)], at=LATE).reason == "late"
    assert service.advance.receive_envelope(issue.envelope_codes[number_of(2)], signed=False, at=ON_TIME).reason == "unsigned"
    assert service.advance.receive_envelope(number_of(3), at=ON_TIME).accepted  # keyed from the envelope
    assert service.advance.receive_envelope(issue.envelope_codes[number_of(3)], at=ON_TIME).reason == "duplicate"
    counts = service.advance.envelope_counts()
    assert counts == {"packs": 3, "unknown": 1, "late": 1, "unsigned": 1, "accepted": 1, "duplicate": 1}
    assert service.advance.standing(number_of(2)).envelope == "refused: unsigned"


def test_a_lapsed_members_envelope_is_refused_and_the_register_stays_once_packs_are_sent(tmp_path: Path) -> None:
    service = new_meeting(tmp_path, 20, lapsed=("M005",))
    with pytest.raises(RuleError, match="M005 .* is lapsed; no advance pack"):
        service.advance.issue_packs(["M005"])
    issue = service.advance.issue_packs(["M001"])
    assert [n for n, _code in issue.members] == ["M001"]
    assert service.advance.receive_envelope("M005", at=ON_TIME).reason == "lapsed"
    with pytest.raises(RuleError, match="advance packs sent"):
        service.setup.import_register(register_csv(20), "members.csv", replace=True)


def test_items_that_take_no_advance_votes_are_left_out_of_packs(tmp_path: Path) -> None:
    spec = ADVANCE_SPEC.replace("advance = { allowed = true, closes = 2026-11-27T17:00:00Z }\n", "advance = { allowed = false }\n")
    service = MeetingService.create(tmp_path / "m.coopvote", parse_spec(spec, "m.toml"))
    service.setup.import_register(register_csv(20), "members.csv")
    issue = service.advance.issue_packs(["M001"])
    assert {batch.item for batch in issue.batches} == {1}
    assert service.advance.receive_envelope("M001", at=ON_TIME).items == (1,)
