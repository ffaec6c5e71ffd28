"""The service's key flows, run unchanged on PostgreSQL: no SQLite-only SQL in the core.

The flows are the existing service tests themselves (desk and tellers), handed a meeting that lives
on the server instead of in a file, so a query that only SQLite accepts fails here.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from coopvote.errors import RecordError
from coopvote.meeting.spec import parse_spec
from coopvote.record.models import AuditEntry
from coopvote.service import MeetingService
from tests import test_service_desk, test_service_sheets, test_service_voting
from tests.helpers import SMALL_REGISTER, SMALL_SPEC
from tests.postgres_support import chain_problem, fresh_database_url

pytestmark = pytest.mark.postgres


def server_meeting(url: str, *, register: bool = True, station: str = "test") -> MeetingService:
    service = MeetingService.create(url, parse_spec(SMALL_SPEC, "small.toml"), station=station)
    if register:
        service.setup.import_register(SMALL_REGISTER.encode("utf-8"), "members.csv")
    return service


@pytest.fixture
def pg_meeting_factory(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., MeetingService]]:
    """Each call makes a meeting in a fresh database; the desk tests' builder is pointed at it."""
    made: list[tuple[Iterator[str], MeetingService]] = []

    def build(_folder: Path | None = None, **options: Any) -> MeetingService:
        databases = fresh_database_url()
        url = next(databases)
        service = server_meeting(url, **options)
        made.append((databases, service))
        return service

    monkeypatch.setattr(test_service_desk, "small_meeting", build)
    monkeypatch.setattr(test_service_sheets, "small_meeting", build)
    yield build
    for databases, service in made:
        service.close()
        next(databases, None)  # drops the database


VOTING_FLOWS = [
    test_service_voting.test_slips_count_once_and_every_refusal_says_why,
    test_service_voting.test_keyed_marks_are_checked,
    test_service_voting.test_undo_lets_a_paper_be_scanned_again,
    test_service_voting.test_closed_vote_refuses_papers_and_results_add_up,
    test_service_voting.test_election_result_counts_with_the_items_method,
]

DESK_AND_SCANNER_FLOWS = [
    test_service_desk.test_bad_register_imports_nothing_and_names_every_bad_row,
    test_service_desk.test_lapsed_member_cannot_check_in_and_double_check_in_refused,
    test_service_desk.test_proxy_limit_and_attendance_cancels_proxy,
    test_service_desk.test_pack_issue_records_whether_never_which_and_never_twice,
    test_service_desk.test_spoilt_paper_is_voided_and_audited,
    test_service_desk.test_every_action_is_in_an_intact_chain,
    test_service_desk.test_a_refused_action_leaves_no_trace,
    # printed papers read back by the scanner, adjudication, and a sheet kept with its picture
    test_service_sheets.test_printed_papers_scanned_back_are_counted_and_doubtful_ones_adjudicated,
    test_service_sheets.test_an_unreadable_page_is_kept_not_dropped,
]


@pytest.mark.parametrize("flow", VOTING_FLOWS, ids=lambda f: f.__name__.removeprefix("test_"))
def test_teller_flow_on_postgres(flow: Callable[[MeetingService], None], pg_meeting_factory: Callable[..., MeetingService]) -> None:
    meeting = pg_meeting_factory(station="teller-1")
    flow(meeting)
    assert chain_problem(meeting.record.engine) is None


@pytest.mark.parametrize("flow", DESK_AND_SCANNER_FLOWS, ids=lambda f: f.__name__.removeprefix("test_"))
def test_desk_and_scanner_flow_on_postgres(flow: Callable[[Path], None], pg_meeting_factory: Callable[..., MeetingService], tmp_path: Path) -> None:
    flow(tmp_path)


def test_meeting_reopens_from_its_url_and_the_password_is_never_shown(pg_meeting_factory: Callable[..., MeetingService]) -> None:
    first = pg_meeting_factory()
    url = first.record.engine.url.render_as_string(hide_password=False)
    plain = url.replace("postgresql+psycopg://", "postgresql://")
    password = first.record.engine.url.password
    assert password
    again = MeetingService.open(plain)  # a plain postgresql:// URL uses the psycopg driver
    try:
        assert again.setup.meeting().code == first.setup.meeting().code
        assert password not in again.record.where
        with again.record.reading() as session:
            assert session.scalar(select(func.count()).select_from(AuditEntry)) == 2
    finally:
        again.close()
    wrong = plain.replace(f":{password}@", ":not-the-password@")
    with pytest.raises(RecordError) as raised:
        MeetingService.open(wrong)
    assert "not-the-password" not in str(raised.value)
    assert "cannot be opened" in str(raised.value)


def test_a_missing_driver_is_explained_not_a_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from coopvote.record.db import make_engine

    monkeypatch.setitem(sys.modules, "psycopg", None)  # as on an install without the postgres extra
    with pytest.raises(RecordError, match=r"pip install 'coopvote\[postgres\]'") as raised:
        make_engine("postgresql://coopvote:secret@127.0.0.1/agm")
    assert "secret" not in str(raised.value)


def test_the_command_line_takes_the_server_url(
    pg_meeting_factory: Callable[..., MeetingService], capsys: pytest.CaptureFixture[str]
) -> None:
    from coopvote.cli import main as cli_main

    service = pg_meeting_factory()
    url = service.record.engine.url.render_as_string(hide_password=False).replace("postgresql+psycopg://", "postgresql://")
    password = service.record.engine.url.password or "?"
    assert cli_main(["open", url, "--item", "1", "--not-quorate-reason", "test meeting: quorum not under test"]) == 0
    assert "Voting is open on item 1" in capsys.readouterr().out
    assert service.setup.meeting().item(1).is_open  # the other station sees it at once
    assert cli_main(["results", url, "--item", "1", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert [item["item"] for item in shown["items"]] == [1]
    assert cli_main(["open", url, "--item", "1"]) != 0
    error = capsys.readouterr().err
    assert "already open" in error and password not in error
    wrong = url.replace(f":{password}@", ":nope@")
    assert cli_main(["info", wrong]) != 0
    error = capsys.readouterr().err
    assert "cannot be opened" in error and "nope" not in error and "Traceback" not in error
