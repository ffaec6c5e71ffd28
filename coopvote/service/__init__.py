"""The service layer: every change to a meeting, audited, in one transaction per action.

``MeetingService`` is what the CLI and the desktop app both open. It holds one shared record handle
(``service.record``) and one object per role: ``setup``, ``desk``, ``papers``, ``voting``, ``tellers``,
``results`` and ``advance`` (votes before the meeting: packs, envelopes, advance papers, directed proxies). A screen is given only the roles it uses, so the desk screen, holding ``DeskRole``, has no way
to close a vote, and a reader can follow each button to the one role method it runs.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy import Engine

from coopvote.meeting.spec import MeetingSpec
from coopvote.record.backup import PeriodicBackup
from coopvote.record.connection import display_target
from coopvote.record.db import create_database, is_url, open_database
from coopvote.service.advance import AdvanceRole
from coopvote.service.base import MeetingRecord
from coopvote.service.desk import DeskRole
from coopvote.service.nominations import NominationsRole
from coopvote.service.papers import PapersRole
from coopvote.service.rehearsal import RehearsalRole
from coopvote.service.results import ResultsRole
from coopvote.service.setup import SetupRole
from coopvote.service.tellers import TellersRole
from coopvote.service.voting import VotingRole


class MeetingService:
    """One open meeting: the shared record handle and the roles over it, and nothing that forwards to them."""

    def __init__(self, engine: Engine, *, actor: str = "", station: str = "", where: str = "") -> None:
        self.record = MeetingRecord(engine, actor=actor, station=station, where=where)
        self.backups: PeriodicBackup | None = None
        """For a file meeting, copies it aside: at each closed vote, and when the app calls ``tick()`` on a timer."""
        self.setup = SetupRole(self.record)
        self.desk = DeskRole(self.record, self.setup)
        self.papers = PapersRole(self.record, self.setup)
        self.voting = VotingRole(self.record, after_close=self._back_up_after_close, quorum=self.desk.quorum)
        self.tellers = TellersRole(self.record, self.setup)
        self.results = ResultsRole(self.record)
        self.advance = AdvanceRole(self.record, self.setup, self.papers, self.tellers)
        self.rehearsal = RehearsalRole(self.record, self.setup)
        self.nominations = NominationsRole(self.record)

    @classmethod
    def create(cls, target: str | Path, spec: MeetingSpec, *, actor: str = "", station: str = "") -> MeetingService:
        engine = create_database(target)
        service = cls(engine, actor=actor, station=station, where=display_target(target))
        try:
            service.setup.populate_from_spec(spec)
        except Exception:
            engine.dispose()
            if not str(target).count("://"):
                Path(target).unlink(missing_ok=True)
            raise
        return service

    @classmethod
    def open(
        cls, target: str | Path, *, actor: str = "", station: str = "", backups: bool = True
    ) -> MeetingService:
        """Open a meeting; a file meeting is also copied aside each time a vote closes (``self.backups``)."""
        service = cls(open_database(target), actor=actor, station=station, where=display_target(target))
        if backups and not is_url(target):
            service.backups = PeriodicBackup(Path(target))
        return service

    def close(self) -> None:
        self.record.close()

    def server_problem(self) -> str | None:
        """Why a shared (PostgreSQL) meeting cannot be reached right now, or None; always None for a file."""
        return self.record.server_problem()

    def _back_up_after_close(self, item_number: int) -> None:
        if self.backups is not None:
            self.backups.tick(force=True)  # a failed copy is kept in backups.last_error, never raised




def backup_on_close(
    service: MeetingService, folder: str | os.PathLike[str] | None = None, keep: int = 20
) -> PeriodicBackup:
    """Point the voting role's after-close hook at a backup, so each closed vote is copied at once."""

    where = Path(service.record.where)
    backups = PeriodicBackup(where, folder, keep)
    previous = service.voting.after_close

    def after_close(item_number: int) -> None:
        if previous is not None:
            previous(item_number)
        backups.tick(force=True)

    service.voting.after_close = after_close
    return backups


__all__ = [
    "AdvanceRole",
    "DeskRole",
    "MeetingService",
    "NominationsRole",
    "PapersRole",
    "RehearsalRole",
    "PeriodicBackup",
    "ResultsRole",
    "SetupRole",
    "TellersRole",
    "VotingRole",
    "backup_on_close",
]
