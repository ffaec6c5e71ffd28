"""The registration desk through the service layer: register, check-in, proxies, packs, spoilt papers."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from coopvote.errors import InputError, RecordError, RuleError
from coopvote.record.audit import entry_as_dict, verify_chain
from coopvote.record.models import AuditEntry, Member, PaperIssue
from coopvote.service import MeetingService
from tests.helpers import SMALL_REGISTER, small_meeting


def audit_actions(service: MeetingService) -> list[str]:
    with service.record.reading() as session:
        return [e.action for e in session.scalars(select(AuditEntry).order_by(AuditEntry.sequence))]


def test_meeting_round_trips_through_its_file(tmp_path: Path) -> None:
    service = small_meeting(tmp_path)
    code = service.setup.meeting().code
    service.close()
    again = MeetingService.open(tmp_path / "small.coopvote")
    meeting = again.setup.meeting()
    assert meeting.code == code
    assert [c.code for c in meeting.classes] == ["PS", "EMP"]
    assert [c.members for c in meeting.classes] == [3, 4]
    assert [c.eligible for c in meeting.classes] == [2, 4]
    assert meeting.item(2).candidates[0].name == "Siân ap Gwŷn"
    assert again.setup.member("p2").name == "Dafydd Llŵyd"
    again.close()


def test_bad_register_imports_nothing_and_names_every_bad_row(tmp_path: Path) -> None:
    service = small_meeting(tmp_path, register=False)
    bad = SMALL_REGISTER + "E5,,EMP,1,active\nE1,Duplicate,EMP,1,active\nX1,Someone,NOPE,1,active\nE6,Bad Vote,EMP,lots,active\n"
    with pytest.raises(InputError) as raised:
        service.setup.import_register(bad.encode("utf-8"), "members.csv")
    message = str(raised.value)
    for line in ("9", "10", "11", "12"):
        assert f"line {line}" in message.lower() or f"line {line}:" in message.lower(), message
    with service.record.reading() as session:
        assert session.scalar(select(func.count()).select_from(Member)) == 0
    assert "register imported" not in audit_actions(service)


def test_lapsed_member_cannot_check_in_and_double_check_in_refused(tmp_path: Path) -> None:
    service = small_meeting(tmp_path)
    with pytest.raises(RuleError, match="lapsed"):
        service.desk.check_in("P3")
    service.desk.check_in("P1")
    with pytest.raises(RuleError, match="already checked in"):
        service.desk.check_in("p1")
    service.desk.check_out("P1")
    assert not service.setup.member("P1").present
    service.desk.check_in("P1")
    assert service.setup.member("P1").present
    with pytest.raises(RuleError, match="no member"):
        service.desk.check_in("Z99")


def test_proxy_limit_and_attendance_cancels_proxy(tmp_path: Path) -> None:
    service = small_meeting(tmp_path)
    service.desk.appoint_proxy("E2", "E1")
    service.desk.appoint_proxy("E3", "E1", directed=True, instructions="For on item 1")
    with pytest.raises(RuleError, match="the rules allow 2"):
        service.desk.appoint_proxy("E4", "E1")
    with pytest.raises(RuleError, match="own proxy"):
        service.desk.appoint_proxy("E4", "E4")
    assert service.setup.member("E1").proxy_held_for == ("E2", "E3")
    notes = service.desk.check_in("E2")
    assert notes and "cancelled" in str(notes[0])
    assert service.setup.member("E1").proxy_held_for == ("E3",)
    service.desk.appoint_proxy("E4", "E1")  # a place came free


def test_pack_issue_records_whether_never_which_and_never_twice(tmp_path: Path) -> None:
    service = small_meeting(tmp_path)
    service.desk.appoint_proxy("P2", "E1")
    with pytest.raises(RuleError, match="not checked in"):
        service.desk.issue_pack("E1")
    service.desk.check_in("E1")
    packs = service.desk.issue_pack("E1")
    assert [(p.class_code, p.for_member, p.as_proxy) for p in packs] == [("EMP", "E1", False), ("PS", "P2", True)]
    assert packs[0].items == (1, 2)
    with pytest.raises(RuleError, match="already received"):
        service.desk.issue_pack("E1")
    with service.record.reading() as session:
        assert session.scalar(select(func.count()).select_from(PaperIssue)) == 4
    # the audit entry names the member, and no audit entry ever names both a member and a serial
    with service.record.reading() as session:
        for entry in session.scalars(select(AuditEntry)):
            named = set(entry.details)
            assert not ({"member", "appointer", "holder", "packs_for"} & named and "serial" in named), entry.details


def test_spoilt_paper_is_voided_and_audited(tmp_path: Path) -> None:
    service = small_meeting(tmp_path)
    batch = service.papers.add_paper_batch(1, "PS", 5)
    assert sorted(batch.serials) == [1, 2, 3, 4, 5]
    service.papers.spoil_paper(1, batch.serials[0], "torn")
    with pytest.raises(RuleError, match="already voided"):
        service.papers.spoil_paper(1, batch.serials[0], "torn again")
    with pytest.raises(RuleError, match="no paper with serial 99"):
        service.papers.spoil_paper(1, 99, "lost")
    assert audit_actions(service).count("paper spoilt") == 1


def test_every_action_is_in_an_intact_chain(tmp_path: Path) -> None:
    service = small_meeting(tmp_path)
    service.desk.check_in("E1")
    service.desk.issue_pack("E1")
    with service.record.reading() as session:
        entries = [entry_as_dict(e) for e in session.scalars(select(AuditEntry).order_by(AuditEntry.sequence))]
    assert [e["action"] for e in entries] == ["meeting created", "register imported", "member checked in", "pack issued"]
    assert verify_chain(entries) is None
    entries[2]["details"]["member"] = "E2"
    problem = verify_chain(entries)
    assert problem is not None and problem.sequence == 3


def test_a_refused_action_leaves_no_trace(tmp_path: Path) -> None:
    service = small_meeting(tmp_path)
    before = audit_actions(service)
    with pytest.raises(RuleError):
        service.desk.check_in("P3")
    assert audit_actions(service) == before


def test_opening_things_that_are_not_meetings(tmp_path: Path) -> None:
    text = tmp_path / "notes.coopvote"
    text.write_text("hello")
    with pytest.raises(RecordError, match="not an SQLite database"):
        MeetingService.open(text)
    assert text.read_text() == "hello"
    with pytest.raises(RecordError, match="no such meeting file"):
        MeetingService.open(tmp_path / "missing.coopvote")
    import sqlite3

    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("create table t(x)").connection.commit()
    with pytest.raises(RecordError, match="not a coopvote meeting"):
        MeetingService.open(other)


def test_corrupt_and_newer_files_are_refused_unchanged(tmp_path: Path) -> None:
    service = small_meeting(tmp_path)
    service.close()
    path = tmp_path / "small.coopvote"
    import sqlite3

    with sqlite3.connect(path) as connection:
        connection.execute("update alembic_version set version_num = '9999'")
    before = path.read_bytes()
    with pytest.raises(RecordError, match="newer version"):
        MeetingService.open(path)
    assert path.read_bytes() == before
    damaged = bytearray(before)
    page_size = int.from_bytes(before[16:18], "big")
    for page_start in range(page_size, len(damaged), page_size):
        damaged[page_start : page_start + 8] = b"\x07" * 8  # wreck every b-tree page header
    path.write_bytes(bytes(damaged))
    with pytest.raises(RecordError, match="damaged|not a coopvote|cannot be opened"):
        MeetingService.open(path)


def test_creating_over_an_existing_file_is_refused(tmp_path: Path) -> None:
    small_meeting(tmp_path).close()
    with pytest.raises(RecordError, match="already exists"):
        small_meeting(tmp_path)


def test_schema_revisions_are_read_without_alembic() -> None:
    from coopvote.record.db import known_revisions

    revisions, head = known_revisions()
    assert head in revisions and "0001" in revisions
