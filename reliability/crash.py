"""Crash trials: a scanning process killed at random moments must never lose or double a scan.

A child process opens a meeting through the service and records papers as fast as it can, printing
each serial only after ``record_paper`` has returned (that is, after the commit); the parent kills it
with SIGKILL at a random moment, then checks the file: every serial the child showed as accepted is
recorded, none twice, every recorded paper has its audit entry, SQLite's integrity check passes and
the audit chain is intact. The next trial carries on with the same meeting, so later trials run on a
file that has already survived kills. Used by tests/test_reliability_crash.py and by the reliability
report (``python -m reliability.report``).

SIGKILL stops the process, not the machine: what the kernel has accepted still reaches the disk. A
pulled plug is covered by SQLite's WAL with synchronous=FULL, which this cannot simulate.
"""

from __future__ import annotations

import json
import os
import random
import select
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from coopvote.record.audit import verify_chain

SMALL_SPEC = """
[meeting]
name_cy = "Cyfarfod Prawf Dibynadwyedd"
name_en = "Reliability Test Meeting"
date = 2026-11-28

[[classes]]
code = "PS"
name_cy = "Pobl a gefnogir"
name_en = "People supported"

[[classes]]
code = "EMP"
name_cy = "Gweithwyr"
name_en = "Employees"

[[items]]
number = 1
kind = "resolution"
title_cy = "Derbyn y cyfrifon"
title_en = "Receive the accounts"
"""


def prepare_scan_meeting(folder: Path, papers: int = 400, seed: int = 1) -> tuple[Path, Path]:
    """A meeting with item 1 open and ``papers`` printed; returns the file and a job list of scans."""
    from coopvote.meeting.spec import parse_spec
    from coopvote.service import MeetingService

    path = folder / "crash.coopvote"
    service = MeetingService.create(path, parse_spec(SMALL_SPEC, "crash.toml"), station="desk")
    rng = random.Random(seed)
    jobs: list[tuple[str, list[int]]] = []
    for code, count in (("PS", papers // 2), ("EMP", papers - papers // 2)):
        batch = service.papers.add_paper_batch(1, code, count)
        jobs += [(batch.qr_text(serial), [rng.choice((1, 2, 3))]) for serial in batch.serials]
    service.voting.open_vote(1, not_quorate_reason="test meeting: quorum not under test")
    service.close()
    rng.shuffle(jobs)
    job_file = folder / "jobs.json"
    job_file.write_text(json.dumps(jobs))
    return path, job_file


def scan_loop(meeting: str, job_file: str, station: str, emit: Callable[[str], None] | None = None) -> None:
    """The child: record every job in order, printing ``ok <serial>`` after each accepted commit."""
    from sqlalchemy import select

    from coopvote.record.models import RecordedBallot
    from coopvote.service import MeetingService

    def show(line: str) -> None:
        print(line, flush=True)

    say = emit or show
    jobs = json.loads(Path(job_file).read_text())
    service = MeetingService.open(meeting, station=station)
    with service.record.reading() as session:
        done = set(session.scalars(select(RecordedBallot.serial)))
    say("ready")
    for qr, marks in jobs:
        if int(qr.split("-")[4]) in done:
            continue  # counted before an earlier kill: a rescan would only be refused
        outcome = service.tellers.record_paper(qr, marks)
        if outcome.accepted:
            say(f"ok {outcome.serial}")
    say("done")


class _Child:
    """A scanning child: a forked copy of this process (fast: nothing to import) or a fresh interpreter."""

    def __init__(self, path: Path, jobs: Path, station: str, fork: bool) -> None:
        if fork:
            import coopvote.service  # noqa: F401  # imported before forking, so the child starts at once

            read_end, write_end = os.pipe()
            pid = os.fork()
            if pid == 0:  # the child
                os.close(read_end)
                code = 0
                try:
                    scan_loop(str(path), str(jobs), station, lambda line: _write_all(write_end, (line + "\n").encode()))
                except BaseException:
                    code = 1
                os._exit(code)
            os.close(write_end)
            self.pid = pid
            self.stream: IO[str] = os.fdopen(read_end, "r")
            self.process: subprocess.Popen[str] | None = None
        else:
            # The harness lives beside the package, not in it: the child finds it from the repository root.
            root = str(Path(__file__).resolve().parents[1])
            env = {**os.environ, "PYTHONUNBUFFERED": "1", "PYTHONPATH": os.pathsep.join(
                p for p in (root, os.environ.get("PYTHONPATH", "")) if p
            )}
            self.process = subprocess.Popen(
                [sys.executable, "-m", "reliability.crash", "scan", str(path), str(jobs), station],
                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env, start_new_session=True, cwd=root,
            )  # fmt: skip
            assert self.process.stdout is not None
            self.pid = self.process.pid
            self.stream = self.process.stdout

    def alive(self) -> bool:
        if self.process is not None:
            return self.process.poll() is None
        try:
            done, _status = os.waitpid(self.pid, os.WNOHANG)
        except ChildProcessError:
            return False
        if done:
            self.pid = -1
        return not done

    def kill(self) -> None:
        if self.pid > 0 and self.alive():
            os.kill(self.pid, signal.SIGKILL)

    def reap(self) -> list[str]:
        if self.process is not None:
            self.process.wait(timeout=30)
        elif self.pid > 0:
            os.waitpid(self.pid, 0)
        rest = [line.strip() for line in self.stream.read().splitlines()]
        self.stream.close()
        return rest


def _write_all(descriptor: int, data: bytes) -> None:
    while data:
        data = data[os.write(descriptor, data) :]


@dataclass
class CheckResult:
    recorded: int
    problems: list[str] = field(default_factory=list)


def check_meeting_file(path: Path, shown: set[int]) -> CheckResult:
    """Open the file as SQLite alone and check what a crash could have broken."""
    connection = sqlite3.connect(path, timeout=10)
    try:
        problems = []
        integrity = connection.execute("PRAGMA integrity_check").fetchone()[0]
        if integrity != "ok":
            problems.append(f"integrity check: {integrity}")
        serials = [row[0] for row in connection.execute("SELECT serial FROM recorded_ballot")]
        if len(serials) != len(set(serials)):
            problems.append("a serial is recorded twice")
        missing = shown - set(serials)
        if missing:
            problems.append(f"{len(missing)} scan(s) shown as accepted are missing, e.g. serial {min(missing)}")
        columns = ["chain", "sequence", "at", "actor", "station", "action", "details", "previous_hash", "entry_hash"]
        rows = connection.execute(f"SELECT {', '.join(columns)} FROM audit_entry ORDER BY chain, sequence").fetchall()
    finally:
        connection.close()
    entries = []
    for row in rows:
        entry = dict(zip(columns, row, strict=True))
        entry["details"] = json.loads(entry["details"])
        entry["at"] = "" if entry["at"] is None else str(entry["at"]).replace(" ", "T")  # ballot chain: no time
        entries.append(entry)
    broken = verify_chain(entries)
    if broken is not None:
        problems.append(f"audit chain: {broken}")
    audited = [e["details"].get("serial") for e in entries if e["action"] == "paper recorded"]
    if sorted(audited) != sorted(serials):
        problems.append(f"{len(audited)} 'paper recorded' audit entries for {len(serials)} recorded papers")
    return CheckResult(len(serials), problems)


@dataclass
class KillStats:
    trials: int = 0
    kills: int = 0
    shown_accepted: int = 0
    recorded: int = 0
    lost: int = 0
    doubled: int = 0
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0


def _read_lines(stream: IO[str], until: float, stop_at: str | None = None) -> list[str]:
    """Lines the child printed before ``until`` (or until a line equal to ``stop_at``)."""
    lines: list[str] = []
    while True:
        remaining = until - time.monotonic()
        if remaining <= 0:
            return lines
        ready, _, _ = select.select([stream], [], [], remaining)
        if not ready:
            return lines
        line = stream.readline()
        if not line:
            return lines
        lines.append(line.strip())
        if stop_at is not None and line.strip() == stop_at:
            return lines


def kill_trials(
    folder: Path, trials: int = 20, *, seed: int = 7, papers: int = 400, max_delay: float = 1.0, fork: bool = True
) -> KillStats:
    """Run ``trials`` scan-and-kill rounds on one meeting; see the module docstring."""
    start = time.monotonic()
    path, jobs = prepare_scan_meeting(folder, papers, seed)
    rng = random.Random(seed)
    stats = KillStats()
    shown: set[int] = set()
    for trial in range(trials):
        stats.trials += 1
        child = _Child(path, jobs, f"station-{trial % 3}", fork)
        try:
            lines = _read_lines(child.stream, time.monotonic() + 60, stop_at="ready")
            if "ready" not in lines:
                stats.problems.append(f"trial {trial + 1}: the scanning process did not start")
                continue
            lines += _read_lines(child.stream, time.monotonic() + rng.uniform(0.0, max_delay))
            if child.alive():
                child.kill()
                stats.kills += 1
        finally:
            child.kill()
            lines += child.reap()
        accepted = [int(line.split()[1]) for line in lines if line.startswith("ok ")]
        if len(set(accepted)) != len(accepted) or shown & set(accepted):
            stats.doubled += 1
            stats.problems.append(f"trial {trial + 1}: a serial was shown as accepted twice")
        shown |= set(accepted)
        result = check_meeting_file(path, shown)
        stats.problems += [f"trial {trial + 1}: {p}" for p in result.problems]
        stats.lost = len(shown) - len(shown & _recorded(path))
        stats.recorded = result.recorded
        if "done" in lines:
            break
    stats.shown_accepted = len(shown)
    stats.seconds = time.monotonic() - start
    return stats


def _recorded(path: Path) -> set[int]:
    connection = sqlite3.connect(path)
    try:
        return {row[0] for row in connection.execute("SELECT serial FROM recorded_ballot")}
    finally:
        connection.close()


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "scan":
        scan_loop(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        print("usage: python -m reliability.crash scan MEETING JOBS.json STATION", file=sys.stderr)
        sys.exit(2)
