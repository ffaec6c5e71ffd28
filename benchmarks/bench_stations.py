"""Several teller stations scanning one meeting at once, each in its own process (issue 7).

Each station opens the meeting through the service layer, as the app and the CLI do, waits for the
others, then records its pile of papers as fast as the database lets it. The figures are the total
of accepted scans per second across the stations and the time a station waits for each scan to
be acknowledged (median and 95th percentile). The same run on a meeting file shows what sharing
a server costs. ``run_stations`` is also what tests/test_postgres_stations.py uses to prove a paper
is counted once however many stations scan it.

Usage: ``COOPVOTE_TEST_PG_URL=postgresql://... .venv/bin/python -m benchmarks stations``
(without the variable only the meeting-file rows are measured).
"""

from __future__ import annotations

import multiprocessing
import os
import random
import secrets
import statistics
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from coopvote.errors import RecordError
from coopvote.service import MeetingService

STATIONS = 4
PAPERS_PER_STATION = 150


@dataclass(frozen=True)
class Scan:
    """What one station saw for one paper: the outcome and how long it waited for it."""

    station: str
    index: int
    accepted: bool
    reason: str
    seconds: float
    item: int | None
    serial: int | None


Pile = list[tuple[str, list[int] | None]]


def _station(url: str, station: str, pile: Pile, barrier: Any) -> list[Scan]:
    service = MeetingService.open(url, actor=station, station=station)
    try:
        service.setup.meeting()  # warm the connection before the start
        barrier.wait(timeout=120)
        scans: list[Scan] = []
        for index, (code, marks) in enumerate(pile):
            started = time.perf_counter()
            try:
                outcome = service.tellers.record_paper(code, marks)
            except RecordError as error:
                scans.append(Scan(station, index, False, f"error: {error}", time.perf_counter() - started, None, None))
                continue
            scans.append(
                Scan(
                    station,
                    index,
                    outcome.accepted,
                    outcome.reason or "",
                    time.perf_counter() - started,
                    outcome.item,
                    outcome.serial,
                )
            )
        return scans
    finally:
        service.close()


def run_stations(url: str, piles: list[Pile]) -> tuple[list[Scan], float]:
    """Run one process per pile against the meeting at ``url``; returns every scan and the wall time."""
    context = multiprocessing.get_context("spawn")
    with context.Manager() as manager:
        barrier = manager.Barrier(len(piles) + 1)
        with context.Pool(len(piles)) as pool:
            pending = [
                pool.apply_async(_station, (url, f"station-{n + 1}", pile, barrier)) for n, pile in enumerate(piles)
            ]
            barrier.wait(timeout=120)
            started = time.perf_counter()
            results = [job.get(timeout=600) for job in pending]
            elapsed = time.perf_counter() - started
    return [scan for station in results for scan in station], elapsed


def prepare_meeting(target: str, papers: int, *, slips: bool = True) -> list[tuple[str, list[int] | None]]:
    """A meeting with ``papers`` printed for item 1 (slips) or item 2 (ranked papers), voting open."""
    from coopvote.meeting.spec import parse_spec
    from tests.helpers import SMALL_REGISTER, SMALL_SPEC  # the small test meeting, also fine for timing

    service = MeetingService.create(target, parse_spec(SMALL_SPEC, "small.toml"), station="chair")
    try:
        service.setup.import_register(SMALL_REGISTER.encode("utf-8"), "members.csv")
        rng = random.Random(7)
        if slips:
            batch = service.papers.add_paper_batch(1, "EMP", papers, kind="slips")
            service.voting.open_vote(1, not_quorate_reason="test meeting: quorum not under test")
            return [(batch.qr_text(serial, option=rng.choice((1, 2, 3))), None) for serial in batch.serials]
        batch = service.papers.add_paper_batch(2, "EMP", papers)
        service.voting.open_vote(2, not_quorate_reason="test meeting: quorum not under test")
        return [(batch.qr_text(serial), rng.sample([1, 2, 3], rng.randint(1, 3))) for serial in batch.serials]
    finally:
        service.close()


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def _measure(target: str, label: str, stations: int, per_station: int) -> str:
    codes = prepare_meeting(target, stations * per_station)
    piles = [codes[n::stations] for n in range(stations)]  # the stations share out one pile of papers
    scans, elapsed = run_stations(target, piles)
    accepted = [s for s in scans if s.accepted]
    errors = [s for s in scans if s.reason.startswith("error")]
    times = [s.seconds * 1000 for s in accepted]
    return (
        f"{label:<22} {stations:>8} {len(accepted):>9} {len(errors):>6} {len(accepted) / elapsed:>10.1f} "
        f"{statistics.median(times):>9.1f} {_percentile(times, 0.95):>9.1f}"
    )


def main() -> None:
    print(f"{'meeting kept in':<22} {'stations':>8} {'accepted':>9} {'errors':>6} {'scans/s':>10} {'p50 ms':>9} {'p95 ms':>9}")
    with tempfile.TemporaryDirectory() as folder:
        for stations in (1, STATIONS):
            path = Path(folder) / f"bench-{stations}.coopvote"
            print(_measure(str(path), "SQLite file (WAL)", stations, PAPERS_PER_STATION), flush=True)
    server = os.environ.get("COOPVOTE_TEST_PG_URL", "").strip()
    if not server:
        print("PostgreSQL rows skipped: set COOPVOTE_TEST_PG_URL (see .ci/start-postgres)")
        return
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    from coopvote.record.connection import normalise_url

    admin = create_engine(normalise_url(server), isolation_level="AUTOCOMMIT")
    for stations in (1, STATIONS):
        name = f"coopvote_bench_{secrets.token_hex(4)}"
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        try:
            url = make_url(normalise_url(server)).set(database=name).render_as_string(hide_password=False)
            print(_measure(url, "PostgreSQL (loopback)", stations, PAPERS_PER_STATION), flush=True)
        finally:
            with admin.connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


if __name__ == "__main__":
    main()
