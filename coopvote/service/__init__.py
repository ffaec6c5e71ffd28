"""The service layer: every change to a meeting, audited, in one transaction per action.

``MeetingService`` is what the CLI and the desktop app both use; its parts live in mixins by the role
they serve (set-up, desk, papers, tellers, results) to keep each module readable.
"""

from __future__ import annotations

from pathlib import Path

from coopvote.record.connection import display_target
from coopvote.record.db import create_database, open_database
from coopvote.service.sheets import SheetsMixin
from coopvote.spec import MeetingSpec


class MeetingService(SheetsMixin):
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
    def open(cls, target: str | Path, *, actor: str = "", station: str = "") -> MeetingService:
        return cls(open_database(target), actor=actor, station=station, where=display_target(target))


__all__ = ["MeetingService"]
