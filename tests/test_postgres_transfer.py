"""A meeting moves from its file to PostgreSQL and back without losing or changing anything."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import func, select, text, update

from coopvote.cli import main as cli_main
from coopvote.errors import RecordError
from coopvote.meeting.spec import parse_spec
from coopvote.record.db import open_database
from coopvote.record.models import Member, PendingSheet
from coopvote.record.transfer import audit_problem, compare, tables_in_order, transfer
from coopvote.service import MeetingService
from tests.helpers import SMALL_REGISTER, SMALL_SPEC, small_meeting
from tests.postgres_support import pg_url  # noqa: F401 - fixture

pytestmark = pytest.mark.postgres


NOMINATED_ELECTION = """
[[items]]
number = 3
kind = "election"
title_cy = "Ethol yr ymddiriedolwyr"
title_en = "Elect the trustees"
method = "fptp"
seats = 1
nominations = { closes = 2026-11-01 }
"""
"""An election whose candidates are still being nominated: a row in the nomination table."""


def busy_meeting(folder: Path) -> Path:
    """A meeting with a row in every table: desk, proxies, papers, counted and queued sheets, declarations."""
    # Item 2 takes advance votes, so the advance tables fill too (issue 13); item 3 takes nominations (issue 14).
    spec = SMALL_SPEC.replace('method = "scottish-stv"', 'method = "scottish-stv"\nadvance = { allowed = true, closes = 2099-01-01T00:00:00Z }')
    service = MeetingService.create(folder / "small.coopvote", parse_spec(spec + NOMINATED_ELECTION, "busy.toml"), station="desk-1")
    service.setup.import_register(SMALL_REGISTER.encode("utf-8"), "members.csv")
    service.nominations.nominate(3, "E2", "E3", "E4", received_on=date(2026, 10, 20))
    issue = service.advance.issue_packs(["E4"])
    assert service.advance.receive_envelope(issue.envelope_codes["E4"]).accepted
    service.advance.open_envelopes()
    # A signed directed proxy form: a directed vote on item 2 (directed_tally); item 1 left to the holder.
    service.advance.enter_directed_proxy("P2", "E1", {2: [1, 2]})
    for number in ("E1", "E2", "E3", "P1"):
        service.desk.check_in(number)
        service.desk.issue_pack(number)
    service.desk.check_out("P1")
    slips = service.papers.add_paper_batch(1, "EMP", 6, kind="slips")
    papers = service.papers.add_paper_batch(2, "EMP", 6)
    service.papers.spoil_paper(2, papers.serials[5], "spoilt: torn")
    service.results.record_show_of_hands(1, {"*": (5, 1, 0)})
    service.voting.open_vote(1, not_quorate_reason="test meeting: quorum not under test")
    service.voting.open_vote(2, not_quorate_reason="test meeting: quorum not under test")
    for serial, option in zip(slips.serials[:4], (1, 1, 2, 3), strict=True):
        assert service.tellers.record_paper(slips.qr_text(serial, option=option)).accepted
    for serial, ranking in zip(papers.serials[:4], ([1, 2], [2, 1], [1, 3], [3]), strict=True):
        assert service.tellers.record_paper(papers.qr_text(serial), ranking).accepted
    blank = folder / "blank.png"
    Image.new("L", (850, 1100), 255).save(blank)
    summary = service.tellers.read_sheets([blank])
    assert summary.queued + sum(summary.refused.values()) == 1
    service.voting.close_vote(1)
    service.results.declare(1, "Eleri Prydderch", reconciliation_reason="test meeting: papers recorded without packs issued")
    service.close()
    return folder / "small.coopvote"


def test_file_to_server_and_back_loses_nothing(tmp_path: Path, pg_url: str) -> None:  # noqa: F811
    original = busy_meeting(tmp_path)
    report = transfer(original, pg_url)
    assert report.rows["audit_entry"] > 20 and report.audit_entries == report.rows["audit_entry"]
    assert "coopvote-ci-only" not in report.target
    empty = [name for name, rows in report.rows.items() if rows == 0]
    assert empty == [], f"the test meeting should fill every table, these are empty: {empty}"
    source_engine, server_engine = open_database(original), open_database(pg_url)
    try:
        assert compare(source_engine, server_engine) == []
        assert audit_problem(server_engine) is None
        with server_engine.connect() as connection:
            pending = connection.execute(select(PendingSheet.image_png)).scalar_one()
        assert pending is not None and pending.startswith(b"\x89PNG")
    finally:
        source_engine.dispose()
        server_engine.dispose()

    # The meeting goes on at the server: new rows get new ids (the sequences moved past the copied ones).
    live = MeetingService.open(pg_url, station="teller-2")
    batch = live.papers.add_paper_batch(2, "PS", 3)
    assert live.tellers.record_paper(batch.qr_text(batch.serials[0]), [2, 1]).accepted
    live.desk.check_in("E4")
    live.voting.close_vote(2)
    live.results.declare(2, "Eleri Prydderch", reconciliation_reason="test meeting: papers recorded without packs issued")
    expected_results = live.results.item_result(2).outcome_en
    live.close()

    back = tmp_path / "after" / "AGM-final.coopvote"
    assert cli_main(["transfer", pg_url, str(back)]) == 0
    server_engine, file_engine = open_database(pg_url), open_database(back)
    try:
        assert compare(server_engine, file_engine) == []
        assert audit_problem(file_engine) is None
        with file_engine.connect() as connection:
            assert connection.scalar(select(func.count()).select_from(Member).where(Member.present)) == 4
    finally:
        server_engine.dispose()
        file_engine.dispose()
    final = MeetingService.open(back)
    try:
        assert final.results.item_result(2).outcome_en == expected_results
    finally:
        final.close()


def test_compare_notices_a_changed_row(tmp_path: Path) -> None:
    original = busy_meeting(tmp_path)
    copy = tmp_path / "copy.coopvote"
    transfer(original, copy)
    source, target = open_database(original), open_database(copy)
    try:
        assert compare(source, target) == []
        with target.begin() as connection:
            connection.execute(update(Member).where(Member.number == "E2").values(name="Someone Else"))
        differences = [str(difference) for difference in compare(source, target)]
        assert len(differences) == 1 and "table member" in differences[0] and "name" in differences[0]
        with target.begin() as connection:
            connection.execute(text("DELETE FROM show_of_hands"))
        assert any("show_of_hands: 1 rows in the source, 0 in the copy" in str(d) for d in compare(source, target))
    finally:
        source.dispose()
        target.dispose()


def test_a_target_that_holds_something_is_refused(tmp_path: Path, pg_url: str) -> None:  # noqa: F811
    original = busy_meeting(tmp_path)
    transfer(original, pg_url)
    with pytest.raises(RecordError, match="already holds a meeting"):
        transfer(original, pg_url)
    with pytest.raises(RecordError, match="already exists"):
        transfer(pg_url, original)
    assert cli_main(["transfer", str(original), pg_url]) != 0


def test_every_table_is_copied() -> None:
    names = [table.name for table in tables_in_order()]
    assert len(names) == len(set(names)) == 19  # 15 + advance_pack, advance_envelope, directed_tally (13) + nomination (14)
    assert names.index("member") < names.index("nomination")
    assert names.index("meeting") < names.index("member") < names.index("paper_issue")
    assert names.index("paper_batch") < names.index("ballot_paper")


def test_the_file_left_behind_refuses_scans_and_names_the_server(tmp_path: Path, pg_url: str) -> None:  # noqa: F811
    """Issue 11: after a transfer the source file took 3 more scans, counted at the server as well."""
    service = small_meeting(tmp_path, station="teller-1")
    batch = service.papers.add_paper_batch(1, "EMP", 10)
    service.voting.open_vote(1, not_quorate_reason="test meeting: nobody checked in")
    assert service.tellers.record_paper(batch.qr_text(batch.serials[0]), [1]).accepted
    service.close()
    report = transfer(tmp_path / "small.coopvote", pg_url)
    left_behind = MeetingService.open(tmp_path / "small.coopvote", station="teller-1")
    try:
        assert left_behind.results.item_result(1).total_papers == 1
        for serial in batch.serials[1:4]:
            with pytest.raises(RecordError, match=f"moved to {re.escape(report.target)}.*read-only"):
                left_behind.tellers.record_paper(batch.qr_text(serial), [1])
    finally:
        left_behind.close()
    live = MeetingService.open(pg_url, station="teller-2")
    try:
        for serial in batch.serials[1:4]:
            assert live.tellers.record_paper(batch.qr_text(serial), [1]).accepted
        assert live.results.item_result(1).total_papers == 4
    finally:
        live.close()
