"""The service layer: every change to a meeting, audited, in one transaction per action.

``MeetingService`` is what the CLI and the desktop app both use; its parts live in mixins by the role
they serve (set-up, desk, papers, tellers, results) to keep each module readable.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from coopvote.meeting.spec import MeetingSpec
from coopvote.record.connection import display_target
from coopvote.record.db import create_database, is_url, open_database
from coopvote.service.sheets import SheetsMixin


class MeetingService(SheetsMixin):
    backups: Any = None
    """A ``coopvote.export.backup.PeriodicBackup`` for a file meeting: the app calls its ``tick()`` on a timer."""

    @classmethod
    def create(cls, target: str | Path, spec: MeetingSpec, *, actor: str = "", station: str = "") -> MeetingService:
        engine = create_database(target)
        service = cls(engine, actor=actor, station=station, where=display_target(target))
        try:
            service._populate_from_spec(spec)
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
            from coopvote.export.backup import PeriodicBackup

            service.backups = PeriodicBackup(Path(target))
        return service

    def _after_close(self, item_number: int) -> None:
        if self.backups is not None:
            self.backups.tick(force=True)  # a failed copy is kept in backups.last_error, never raised


__all__ = ["MeetingService"]
