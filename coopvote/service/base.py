"""The one door through which every change to a meeting passes.

Each public action opens one transaction, does its work, appends its audit entry to the hash chain
and commits, all or nothing: a crash, a full disk or a rule broken half-way leaves the record as it
was before the action. Reads use short sessions of their own and never write.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from coopvote.errors import CoopvoteError, RecordError
from coopvote.messages import Message, message
from coopvote.record.audit import BALLOT_CHAIN, GENESIS, chain_of, entry_hash
from coopvote.record.models import AuditEntry, Meeting
from coopvote.record.types import utcnow


@dataclass
class Action:
    """What an action will write to the audit log; the body may add details as it learns them."""

    name: str
    details: dict[str, Any] = field(default_factory=dict)
    skip_audit: bool = False


def explain_database_error(error: BaseException, where: str, *, saving: bool = True) -> Message:
    """Turn a driver error into words a teller can act on (``saving``: say that nothing was saved)."""
    original = getattr(error, "orig", error)
    text = str(original)
    lowered = text.lower()
    unsaved: Message | str = message("saving.nothing_saved") if saving else ""

    def said(key: str, **params: Any) -> Message:
        return message(key, where=where, unsaved=unsaved, **params)

    if isinstance(original, sqlite3.OperationalError) or "sqlite" in type(original).__module__:
        if "disk is full" in lowered or "database or disk is full" in lowered:
            return said("saving.disk_full")
        if "readonly" in lowered or "read-only" in lowered:
            return said("saving.read_only")
        if "locked" in lowered or "busy" in lowered:
            return said("saving.locked")
        if "unable to open" in lowered or "no such" in lowered or "disk i/o" in lowered:
            return said("saving.file_unreachable")
    sqlstate = str(getattr(original, "sqlstate", "") or "")
    if sqlstate in {"40001", "40P01"}:
        return said("saving.conflict")
    if sqlstate == "55P03":
        return said("saving.held_too_long")
    if "could not connect" in lowered or "connection" in lowered or "server closed" in lowered or sqlstate[:2] in {"08", "57"}:
        return said("saving.server_unreachable")
    return said("saving.refused", detail=text)


def _file_identity(engine: Engine) -> tuple[int, int] | None:
    """(device, inode) of an SQLite meeting file, None for a server database or a missing file."""
    database = engine.url.database if engine.url.get_backend_name() == "sqlite" else None
    if not database or database == ":memory:":
        return None
    try:
        status = os.stat(database)
    except OSError:
        return (-1, -1)
    return (status.st_dev, status.st_ino)


class MeetingRecord:
    """The one handle on a meeting's record that every role shares: where it is, who acts, and ``action()``.

    Roles never inherit from each other; each holds this handle, so a station's screen can be given only
    the roles it needs, and every change still passes through the same ``action()`` and audit chain.
    """

    def __init__(self, engine: Engine, *, actor: str = "", station: str = "", where: str = "") -> None:
        self.engine = engine
        self.actor = actor
        self.station = station
        self.where = where or str(engine.url)
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        with self._sessions() as session:
            meeting_id = session.scalar(select(Meeting.id).order_by(Meeting.id).limit(1))
        self._meeting_id = meeting_id
        self._file_identity = _file_identity(engine)

    def _check_file_in_place(self) -> None:
        """Refuse to write once the meeting file was moved or removed while open.

        SQLite would carry on writing through its open handle, with the WAL left beside the old name:
        scans would look saved while the moved file lacks them until a clean close.
        """
        if self._file_identity is not None and _file_identity(self.engine) != self._file_identity:
            from coopvote.record.db import checkpoint_into_main_file

            # Fold what the log beside the old name still holds into the file through our open handle,
            # which follows the file: only then is opening it where it is now safe advice.
            # A connection already open is needed: a new one would create an empty file at the old name.
            pooled = int(getattr(self.engine.pool, "checkedin", lambda: 0)())
            if pooled and checkpoint_into_main_file(self.engine):
                advice = message("saving.open_where_it_is_now")
            else:
                advice = message("saving.put_it_back")
            raise RecordError("saving.file_moved", where=self.where, advice=advice)

    @property
    def meeting_id(self) -> int:
        if self._meeting_id is None:
            raise RecordError("saving.no_meeting", where=self.where)
        return self._meeting_id

    def adopt_meeting(self, meeting_id: int) -> None:
        """Set-up writes the meeting row inside its first action; later actions in it need its id."""
        self._meeting_id = meeting_id

    def close(self) -> None:
        self.engine.dispose()

    def server_problem(self) -> str | None:
        """Why a shared (PostgreSQL) meeting cannot be reached right now, or None; always None for a file.

        A station polls this while idle, off its UI thread, so a pulled cable shows before the next scan.
        """
        from coopvote.record.connection import server_problem

        return server_problem(self.engine)

    @contextmanager
    def reading(self) -> Iterator[Session]:
        try:
            with self._sessions() as session:
                yield session
                session.rollback()
        except (OperationalError, DBAPIError) as error:
            if isinstance(error, IntegrityError):
                raise
            raise RecordError(explain_database_error(error, self.where, saving=False)) from error

    @contextmanager
    def action(self, action_name: str, /, **details: Any) -> Iterator[tuple[Session, Action]]:
        """Run one action as one transaction that ends with its audit entry."""
        act = Action(action_name, dict(details))
        self._check_file_in_place()
        session = self._sessions()
        committing = False
        try:
            with session.begin():
                if self._meeting_id is not None:
                    from coopvote.service.integrity import moved_to

                    target = moved_to(session, self._meeting_id)
                    if target is not None:
                        raise RecordError("saving.meeting_moved", where=self.where, target=target)
                yield session, act
                if not act.skip_audit:
                    self._append_audit(session, act)
                session.flush()
                committing = True  # only the COMMIT itself is left: a lost connection now leaves it in doubt
        except CoopvoteError:
            raise
        except IntegrityError:
            raise
        except (OperationalError, DBAPIError) as error:
            if committing and getattr(error, "connection_invalidated", False):
                raise RecordError("saving.in_doubt", where=self.where) from error
            raise RecordError(explain_database_error(error, self.where)) from error
        except OSError as error:
            raise RecordError("saving.system_error", where=self.where, detail=error.strerror or error) from error
        finally:
            session.close()
        from coopvote.record.db import checkpoint_into_main_file

        checkpoint_into_main_file(self.engine)  # every commit in the file itself, should it be moved

    def _append_audit(self, session: Session, act: Action) -> None:
        # Lock the meeting row so concurrent stations (PostgreSQL) append to the chain one at a time;
        # the unique (meeting, chain, sequence) constraint is the backstop. An action that names a paper
        # goes on the ballot chain, with no time (docs/records.md).
        meeting_id = self.meeting_id
        chain = chain_of(act.name)
        session.execute(select(Meeting.id).where(Meeting.id == meeting_id).with_for_update())
        last = session.execute(
            select(AuditEntry.sequence, AuditEntry.entry_hash)
            .where(AuditEntry.meeting_id == meeting_id, AuditEntry.chain == chain)
            .order_by(AuditEntry.sequence.desc())
            .limit(1)
        ).first()
        sequence = 1 if last is None else last.sequence + 1
        previous = GENESIS if last is None else last.entry_hash
        at = None if chain == BALLOT_CHAIN else utcnow()
        digest = entry_hash(
            chain=chain,
            sequence=sequence,
            at=at,
            actor=self.actor,
            station=self.station,
            action=act.name,
            details=act.details,
            previous_hash=previous,
        )
        session.add(
            AuditEntry(
                meeting_id=meeting_id,
                chain=chain,
                sequence=sequence,
                at=at,
                actor=self.actor,
                station=self.station,
                action=act.name,
                details=act.details,
                previous_hash=previous,
                entry_hash=digest,
            )
        )


class Role:
    """What every role holds: the shared record handle, and short names for what its actions use.

    The short names (``self.action``, ``self.reading``, ``self.meeting_id``, ``self.station``) keep each
    action's body reading as it did before the roles were split; they add no behaviour of their own.
    """

    def __init__(self, record: MeetingRecord) -> None:
        self.record = record

    @property
    def meeting_id(self) -> int:
        return self.record.meeting_id

    @property
    def station(self) -> str:
        return self.record.station

    def reading(self) -> AbstractContextManager[Session]:
        return self.record.reading()

    def action(self, action_name: str, /, **details: Any) -> AbstractContextManager[tuple[Session, Action]]:
        return self.record.action(action_name, **details)
