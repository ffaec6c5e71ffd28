"""Faults a meeting laptop meets, injected for real: a full disk, a read-only file, a lock, a moved file.

Each trial scans a few papers, injects the fault, tries to scan again, and records the message the
teller would see; then it removes the fault and checks that every scan accepted before is still in the
file and that scanning resumes. A full disk and a read-only file use a small tmpfs mounted for the
trial (root only); without root the full disk falls back to SQLite's max_page_count and the read-only
file to chmod.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import event

from coopvote.errors import CoopvoteError
from reliability.crash import prepare_scan_meeting


@dataclass
class FaultResult:
    fault: str
    method: str
    accepted_before: int
    message: str
    lost: int
    resumed: bool

    @property
    def ok(self) -> bool:
        return bool(self.message) and self.lost == 0 and self.resumed


@contextlib.contextmanager
def small_tmpfs(folder: Path, size: str = "8m") -> Iterator[Path | None]:
    """A tmpfs mounted at ``folder`` for the trial, or None when mounting is not allowed."""
    folder.mkdir(parents=True, exist_ok=True)
    mounted = False
    if os.geteuid() == 0:
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], capture_output=True)
        mounted = done.returncode == 0
    try:
        yield folder if mounted else None
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def _scans(folder: Path, papers: int = 40) -> tuple[Path, list[tuple[str, list[int]]]]:
    path, jobs = prepare_scan_meeting(folder, papers)
    return path, [(qr, marks) for qr, marks in json.loads(jobs.read_text())]


def _recorded(path: Path) -> set[int]:
    connection = sqlite3.connect(path, timeout=10)
    try:
        return {row[0] for row in connection.execute("SELECT serial FROM recorded_ballot")}
    finally:
        connection.close()


def _scan(service: object, job: tuple[str, list[int]]) -> tuple[int | None, str]:
    try:
        outcome = service.tellers.record_paper(job[0], job[1])  # type: ignore[attr-defined]
    except CoopvoteError as error:
        return None, str(error)
    return (outcome.serial if outcome.accepted else None), ("" if outcome.accepted else outcome.message_en)


def _run(fault: str, method: str, path: Path, jobs: list[tuple[str, list[int]]], inject: object, lift: object) -> FaultResult:
    from coopvote.service import MeetingService

    service = MeetingService.open(path, station="fault")
    accepted: set[int] = set()
    for job in jobs[:5]:
        serial, _ = _scan(service, job)
        if serial is not None:
            accepted.add(serial)
    inject(service)  # type: ignore[operator]
    message = ""
    for job in jobs[5:25]:
        serial, said = _scan(service, job)
        if serial is not None:
            accepted.add(serial)
        elif said:
            message = said
            break
    lift(service)  # type: ignore[operator]
    service.close()
    service = MeetingService.open(path, station="fault")
    resumed_serial, _ = _scan(service, jobs[-1])
    service.close()
    if resumed_serial is not None:
        accepted.add(resumed_serial)
    lost = len(accepted - _recorded(path))
    return FaultResult(fault, method, len(accepted), message, lost, resumed_serial is not None)


def disk_full_trial(folder: Path) -> FaultResult:
    with small_tmpfs(folder / "disk", "6m") as disk:
        if disk is not None:
            path, jobs = _scans(disk)
            filler = disk / "filler.bin"

            def fill(_service: object) -> None:
                # Unbuffered: a buffered file would try to flush its last bytes on close, outside the suppress,
                # and fail the trial itself whenever the free space does not end on a buffer boundary.
                with open(filler, "wb", buffering=0) as handle, contextlib.suppress(OSError):
                    while True:
                        handle.write(b"\0" * 65536)
                        handle.flush()

            return _run("disk full", "tmpfs filled to the last byte", path, jobs, fill, lambda _s: filler.unlink())
        path, jobs = _scans(folder)

        def cap(service: object) -> None:
            engine = service.record.engine  # type: ignore[attr-defined]
            pages = sqlite3.connect(path).execute("PRAGMA page_count").fetchone()[0]

            @event.listens_for(engine, "connect")
            def _limit(connection: object, _record: object) -> None:
                connection.execute(f"PRAGMA max_page_count={pages}")  # type: ignore[attr-defined]

            engine.dispose()

        return _run("disk full", "SQLite max_page_count", path, jobs, cap, lambda _s: None)


def read_only_trial(folder: Path) -> FaultResult:
    """The meeting opened from a read-only place (a read-only bind mount as root, else chmod 0444)."""
    from coopvote.service import MeetingService

    path, jobs = _scans(folder)
    service = MeetingService.open(path, station="fault")
    accepted = {serial for serial, _ in (_scan(service, job) for job in jobs[:5]) if serial is not None}
    service.close()
    view = folder / "read-only-view"
    view.mkdir(exist_ok=True)
    bound = False
    if os.geteuid() == 0:
        bound = subprocess.run(["mount", "--bind", "-o", "ro", str(folder), str(view)], capture_output=True).returncode == 0
        if bound:
            subprocess.run(["mount", "-o", "remount,bind,ro", str(view)], capture_output=True)
    target = view / path.name if bound else path
    if not bound:
        path.chmod(0o444)
    message = ""
    try:
        service = MeetingService.open(target, station="fault")
        try:
            serial, message = _scan(service, jobs[5])
            if serial is not None:
                accepted.add(serial)
                message = ""
        finally:
            service.close()
    except CoopvoteError as error:
        message = str(error)
    finally:
        if bound:
            subprocess.run(["umount", "-l", str(view)], capture_output=True)
        else:
            path.chmod(0o644)
    service = MeetingService.open(path, station="fault")
    resumed, _ = _scan(service, jobs[-1])
    service.close()
    if resumed is not None:
        accepted.add(resumed)
    method = "read-only bind mount" if bound else "chmod 0444"
    return FaultResult("read-only file", method, len(accepted), message, len(accepted - _recorded(path)), resumed is not None)


def locked_trial(folder: Path) -> FaultResult:
    path, jobs = _scans(folder)
    holder: list[sqlite3.Connection] = []

    def lock(_service: object) -> None:
        connection = sqlite3.connect(path, timeout=1, isolation_level=None)
        connection.execute("BEGIN EXCLUSIVE")
        holder.append(connection)

    def unlock(_service: object) -> None:
        for connection in holder:
            connection.rollback()
            connection.close()

    return _run("file locked by another program", "second connection holding BEGIN EXCLUSIVE", path, jobs, lock, unlock)


def moved_trial(folder: Path) -> FaultResult:
    path, jobs = _scans(folder)
    away = path.with_name("moved-away.coopvote")
    return _run("file moved away mid-meeting", "renamed while open, then moved back", path, jobs,
                lambda _s: os.rename(path, away), lambda _s: os.rename(away, path))  # fmt: skip


def all_fault_trials(folder: Path) -> list[FaultResult]:
    results = []
    for name, trial in (("full", disk_full_trial), ("ro", read_only_trial), ("locked", locked_trial), ("moved", moved_trial)):
        started = time.monotonic()
        sub = folder / name
        sub.mkdir(parents=True, exist_ok=True)
        results.append(trial(sub))
        _ = time.monotonic() - started
    return results
