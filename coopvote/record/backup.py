"""Copies of the meeting file taken while the meeting runs, and the consistent snapshot export uses.

A copy is taken with SQLite's online backup API, which reads a consistent state even while tellers
are scanning, then written under a temporary name, checked, flushed to disk and renamed into place: a
crash or a full disk during a backup leaves an old backup or none, never a half-written one that looks
whole. ``backup_meeting`` is a plain function; ``PeriodicBackup.tick`` is what the app calls from a
timer (it copies only when something was recorded since the last copy); the service's
``backup_on_close`` points the voting role's after-close hook at one, so every closed vote is safe on a
second file.
"""

from __future__ import annotations

import contextlib
import os
import re
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from coopvote.errors import RecordError

_STAMP = re.compile(r"-(\d{8}T\d{6}\d{6}Z)\.coopvote$")


def _fsync_path(path: Path, directory: bool = False) -> None:
    flags = os.O_RDONLY | (getattr(os, "O_DIRECTORY", 0) if directory else 0)
    try:
        descriptor = os.open(path, flags)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def sqlite_snapshot(source: Path, target: Path) -> None:
    """A consistent, self-contained copy (rollback journal, no -wal beside it) of a live meeting file."""
    source = Path(source)
    if not source.is_file():
        raise RecordError("record.backup.source_missing", path=source)
    target.unlink(missing_ok=True)
    try:
        # A read-write connection (that writes nothing) so that, as the last one to close, it folds the
        # WAL back and removes it: a read-only one would leave -wal/-shm files beside the meeting, and a
        # person copying just the .coopvote file then might leave recent changes behind.
        origin = sqlite3.connect(source, timeout=10) if os.access(source, os.W_OK) else None
        if origin is None:
            origin = sqlite3.connect(f"file:{source}?mode=ro", uri=True, timeout=10)
    except sqlite3.Error as error:
        raise RecordError("record.backup.source_unreadable", path=source, detail=error) from error
    try:
        copy = sqlite3.connect(target)
        try:
            origin.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")
            result = copy.execute("PRAGMA quick_check").fetchone()
            if not result or result[0] != "ok":
                raise RecordError("record.backup.check_failed", path=target, detail=result[0] if result else "?")
        finally:
            copy.close()
    except sqlite3.Error as error:
        target.unlink(missing_ok=True)
        message = str(error).lower()
        if "full" in message:
            raise RecordError("record.backup.disk_full", path=target.parent) from error
        raise RecordError("record.backup.copy_failed", path=source, detail=error) from error
    except OSError as error:
        target.unlink(missing_ok=True)
        raise RecordError("record.backup.write_failed", path=target.parent, detail=error.strerror) from error
    finally:
        origin.close()
    _fsync_path(target)


def default_backup_folder(meeting: Path) -> Path:
    return meeting.with_name(meeting.name + ".backups")


def list_backups(meeting: Path, folder: Path) -> list[Path]:
    """This meeting's backups in the folder, oldest first."""
    if not folder.is_dir():
        return []
    stem = Path(meeting).stem
    found = [p for p in folder.iterdir() if p.name.startswith(stem + "-") and _STAMP.search(p.name)]
    return sorted(found, key=lambda p: _STAMP.search(p.name).group(1))  # type: ignore[union-attr]


def backup_meeting(path: str | os.PathLike[str], folder: str | os.PathLike[str] | None = None, keep: int = 20) -> Path:
    """Copy the meeting file into ``folder`` as ``<name>-<UTC time>.coopvote``; keep the newest ``keep``."""
    if keep < 1:
        raise RecordError("record.backup.keep_one")
    meeting = Path(path)
    target_folder = Path(folder) if folder is not None else default_backup_folder(meeting)
    try:
        target_folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise RecordError("record.backup.cannot_create_folder", path=target_folder, detail=error.strerror) from error
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    final = target_folder / f"{meeting.stem}-{stamp}.coopvote"
    partial = target_folder / f".{final.name}.partial"
    sqlite_snapshot(meeting, partial)
    try:
        os.replace(partial, final)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise RecordError("record.backup.cannot_put_in_place", path=final, detail=error.strerror) from error
    _fsync_path(target_folder, directory=True)
    for old in list_backups(meeting, target_folder)[:-keep]:
        with contextlib.suppress(OSError):
            old.unlink()
    return final


def _last_change(meeting: Path) -> tuple[int, str] | None:
    """The newest audit entry (every change writes one), read without taking a write lock."""
    try:
        connection = sqlite3.connect(f"file:{meeting}?mode=ro", uri=True, timeout=5)
        try:
            row = connection.execute("SELECT sequence, entry_hash FROM audit_entry ORDER BY sequence DESC LIMIT 1").fetchone()
        finally:
            connection.close()
    except sqlite3.Error:
        return None
    return (int(row[0]), str(row[1])) if row else (0, "")


class PeriodicBackup:
    """Call ``tick()`` from a timer (every few minutes): it backs up only when the record has changed.

    Errors are kept in ``last_error`` and returned as None rather than raised, so a failing backup
    (disk full on a USB stick) never interrupts the count; the app shows ``last_error`` in its status bar.
    """

    def __init__(self, meeting: str | os.PathLike[str], folder: str | os.PathLike[str] | None = None, keep: int = 20) -> None:
        self.meeting = Path(meeting)
        self.folder = Path(folder) if folder is not None else default_backup_folder(self.meeting)
        self.keep = keep
        self.last_seen: tuple[int, str] | None = None
        self.last_backup: Path | None = None
        self.last_error: str = ""

    def tick(self, *, force: bool = False) -> Path | None:
        change = _last_change(self.meeting)
        if not force and change is not None and change == self.last_seen:
            return None
        try:
            self.last_backup = backup_meeting(self.meeting, self.folder, self.keep)
        except RecordError as error:
            self.last_error = str(error)
            return None
        self.last_error = ""
        self.last_seen = change
        return self.last_backup
