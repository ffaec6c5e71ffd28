"""Several teller stations on one meeting over the network (issue 7), against a real PostgreSQL server.

Stations are separate processes scanning the same papers at the same moment: the database's
constraints, not the app, make each paper count once, and the audit chain stays one chain. A
station whose connection is cut says so at once with a RecordError, keeps nothing it did not
confirm, and carries on when the connection is back; nothing it acknowledged is ever lost.
"""

from __future__ import annotations

import random
import threading
import time
from collections import Counter
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.engine import make_url

from benchmarks.bench_stations import prepare_meeting, run_stations
from coopvote.errors import RecordError
from coopvote.record.connection import server_problem
from coopvote.record.models import AuditEntry, RecordedBallot
from coopvote.service import MeetingService
from coopvote.service.views import ScanOutcome
from tests.postgres_support import (
    CableCutter,
    IsolatedStation,
    chain_problem,
    pg_url,  # noqa: F401 - fixture
)

pytestmark = pytest.mark.postgres

STATIONS = 4
PAPERS = 40


@pytest.mark.slow
def test_four_station_processes_count_each_paper_once(pg_url: str) -> None:  # noqa: F811
    codes = prepare_meeting(pg_url, PAPERS)
    rng = random.Random(11)
    piles = []
    for _ in range(STATIONS):  # every station scans every paper, each in its own order
        pile = list(codes)
        rng.shuffle(pile)
        piles.append(pile)
    watcher = MeetingService.open(pg_url, station="chair")
    seen_before = watcher.results.item_result(1).total_papers
    scans, _elapsed = run_stations(pg_url, piles)
    errors = [s.reason for s in scans if s.reason.startswith("error")]
    assert errors == [], errors[:3]
    accepted = Counter(s.serial for s in scans if s.accepted)
    assert len(accepted) == PAPERS and set(accepted.values()) == {1}, "a paper was counted twice or not at all"
    refused = Counter(s.reason for s in scans if not s.accepted)
    assert refused == {"already-counted": PAPERS * (STATIONS - 1)}
    assert len({s.station for s in scans if s.accepted}) > 1, "only one station ever won: the run was not concurrent"

    # every station sees the shared count: a fresh reader and the one open before the run
    assert seen_before == 0
    assert watcher.results.item_result(1).total_papers == PAPERS
    with watcher.record.reading() as session:
        assert session.scalar(select(func.count()).select_from(RecordedBallot)) == PAPERS
        chains = Counter(session.scalars(select(AuditEntry.chain)).all())
        sequences = {
            chain: session.scalars(
                select(AuditEntry.sequence).where(AuditEntry.chain == chain).order_by(AuditEntry.sequence)
            ).all()
            for chain in chains
        }
        by_action = dict(session.execute(select(AuditEntry.action, func.count()).group_by(AuditEntry.action)).all())
    watcher.close()
    for chain, numbers in sequences.items():  # two chains (desk, ballot), each numbered on its own
        assert numbers == list(range(1, len(numbers) + 1)), f"the {chain} audit chain forked or has a gap"
    assert by_action["paper recorded"] == PAPERS and by_action["paper refused"] == PAPERS * (STATIONS - 1)
    assert chain_problem(pg_url) is None


@pytest.fixture
def cutter(pg_url: str) -> Iterator[CableCutter]:  # noqa: F811
    url = make_url(pg_url)
    relay = CableCutter(url.host or "127.0.0.1", url.port or 5432)
    yield relay
    relay.close()


def _counted(pg_url: str) -> Counter[int]:  # noqa: F811
    service = MeetingService.open(pg_url)
    try:
        with service.record.reading() as session:
            return Counter(session.scalars(select(RecordedBallot.serial)).all())
    finally:
        service.close()


def test_a_station_that_loses_the_network_says_so_and_carries_on(pg_url: str, cutter: CableCutter) -> None:  # noqa: F811
    codes = prepare_meeting(pg_url, 24)
    station = MeetingService.open(cutter.url_for(pg_url), station="teller-1")
    password = make_url(pg_url).password or "?"
    acknowledged: list[int] = []
    unconfirmed: list[tuple[str, list[int] | None]] = []

    def scan(code: str, marks: list[int] | None) -> None:
        try:
            outcome = station.tellers.record_paper(code, marks)
        except RecordError:
            unconfirmed.append((code, marks))
            raise
        assert outcome.accepted, outcome.message_en
        assert outcome.serial is not None
        acknowledged.append(outcome.serial)

    for code, marks in codes[:6]:
        scan(code, marks)

    # 1. The cable is pulled between two scans: the idle check, the next scan and reads all say so at once.
    assert server_problem(station.record.engine) is None
    cutter.cut()
    problem = server_problem(station.record.engine)
    assert problem is not None and "cannot be reached" in problem and password not in problem
    started = time.perf_counter()
    with pytest.raises(RecordError, match="database server cannot be reached; nothing from this action was saved"):
        scan(*codes[6])
    assert time.perf_counter() - started < 30, "a lost network must be reported in seconds, not minutes"
    with pytest.raises(RecordError, match="cannot be reached") as raised:
        station.results.item_result(1)
    assert password not in str(raised.value)
    cutter.restore()
    assert server_problem(station.record.engine) is None
    for code, marks in codes[7:12]:
        scan(code, marks)

    # 2. The connection drops in the middle of a write: the scan's row is written and its audit entry
    #    waits for the meeting's lock (held here) when the cable goes. Nothing of it may be kept.
    chair = MeetingService.open(pg_url, station="chair")  # straight to the server, not through the relay
    with chair.record.engine.connect() as holder:
        holder.execute(text("SELECT id FROM meeting FOR UPDATE"))

        def pull_once_waiting() -> None:
            deadline = time.monotonic() + 20
            while time.monotonic() < deadline:
                with chair.record.engine.connect() as probe:
                    waiting = probe.execute(
                        text(
                            "SELECT count(*) FROM pg_stat_activity "
                            "WHERE datname = current_database() AND wait_event_type = 'Lock'"
                        )
                    ).scalar_one()
                if waiting:
                    break
                time.sleep(0.05)
            cutter.cut()

        puller = threading.Thread(target=pull_once_waiting)
        puller.start()
        with pytest.raises(RecordError, match="cannot be reached; nothing from this action was saved"):
            scan(*codes[12])
        puller.join()
        holder.rollback()
    chair.close()
    cutter.restore()
    after = station.tellers.identify(codes[12][0])
    assert not isinstance(after, ScanOutcome), f"a scan that failed was kept: {after.message_en}"
    for code, marks in codes[13:16]:
        scan(code, marks)

    # 3. The connection drops after COMMIT was sent, before the answer: the station cannot know, says so,
    #    and scanning the paper again is safe (counted now, or refused as already counted).
    cutter.cut_on(b"COMMIT")
    with pytest.raises(RecordError, match="cannot tell whether the action was saved"):
        scan(*codes[16])
    in_doubt = station.tellers.identify(codes[16][0])
    assert isinstance(in_doubt, ScanOutcome) and in_doubt.reason == "already-counted"  # the server had committed
    for code, marks in codes[17:]:
        scan(code, marks)

    # The tellers rescan whatever was not confirmed once the network is back.
    assert len(unconfirmed) == 3
    for code, marks in unconfirmed:
        outcome = station.tellers.record_paper(code, marks)
        assert outcome.accepted or outcome.reason == "already-counted", outcome.message_en
    station.close()

    counted = _counted(pg_url)
    assert all(counted[serial] == 1 for serial in acknowledged), "an acknowledged scan was lost or doubled"
    assert len(acknowledged) == 21 and sum(counted.values()) == 24 and set(counted.values()) == {1}
    assert chain_problem(pg_url) is None


def test_a_killed_server_connection_is_replaced_without_losing_a_scan(pg_url: str) -> None:  # noqa: F811
    """The server ends the station's session (restart, admin, idle time-out): the next scan just works."""
    codes = prepare_meeting(pg_url, 6)
    station = MeetingService.open(pg_url, station="teller-2")
    assert station.tellers.record_paper(*codes[0]).accepted
    killer = MeetingService.open(pg_url, station="chair")
    with killer.record.engine.connect() as connection:
        killed = connection.execute(
            text(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        ).scalar_one()
        connection.commit()
    killer.close()
    assert killed >= 1
    for code, marks in codes[1:]:
        assert station.tellers.record_paper(code, marks).accepted
    station.close()
    assert sum(_counted(pg_url).values()) == 6


def test_a_station_stuck_holding_the_meeting_does_not_freeze_the_others(
    pg_url: str, monkeypatch: pytest.MonkeyPatch  # noqa: F811
) -> None:
    """A station that took the meeting's lock and went silent: the others say so instead of hanging."""
    import coopvote.record.connection as connection_module

    codes = prepare_meeting(pg_url, 3)
    monkeypatch.setattr(connection_module, "LOCK_TIMEOUT", "1s")  # 20 s in the room; 1 s keeps the test quick
    waiting = MeetingService.open(pg_url, station="teller-3")
    stuck = MeetingService.open(pg_url, station="teller-4")
    try:
        with stuck.record.engine.connect() as holder:
            holder.execute(text("SELECT id FROM meeting FOR UPDATE"))
            with pytest.raises(RecordError, match="another station has held the meeting for too long"):
                waiting.tellers.record_paper(*codes[0])
            holder.rollback()
        assert waiting.tellers.record_paper(*codes[0]).accepted
    finally:
        waiting.close()
        stuck.close()
    assert sum(_counted(pg_url).values()) == 1 and chain_problem(pg_url) is None


@pytest.mark.slow
def test_a_pulled_cable_is_noticed_by_time_outs_and_the_station_carries_on(pg_url: str) -> None:  # noqa: F811
    """Packets vanish (nothing refuses): only the connection's time-outs can notice, within seconds."""
    import shutil

    if shutil.which("ip") is None:
        pytest.skip("the ip command (iproute2) is not installed")
    codes = prepare_meeting(pg_url, 8)
    station = IsolatedStation(pg_url, "teller-5")
    acknowledged: list[int] = []
    try:
        for code, marks in codes[:3]:
            answer = station.scan(code, marks)
            assert answer["accepted"], answer
            acknowledged.append(answer["serial"])
        station.unplug()
        lost = station.scan(*codes[3])
        assert not lost["accepted"] and "cannot be reached" in lost.get("error", ""), lost
        print(f"pulled cable noticed after {lost['seconds']:.1f} s: {lost['error'][:90]}")
        assert lost["seconds"] < 30, f"a pulled cable took {lost['seconds']:.0f} s to notice"
        station.plug_in()
        for code, marks in codes[3:]:
            answer = station.scan(code, marks)
            assert answer["accepted"], answer
            acknowledged.append(answer["serial"])
    finally:
        station.remove()
    counted = _counted(pg_url)
    assert sorted(counted) == sorted(acknowledged) and set(counted.values()) == {1}
    assert chain_problem(pg_url) is None
