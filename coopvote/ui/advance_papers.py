"""The advance papers' door in the app: scanned sheets in a batch, or a hand scanner and keyed marks.

Both reuse the tellers' panels (``batch_import``, ``teller_scan``) over the advance role, so a paper is
read exactly as in the room and recorded with the source "advance" (docs/advance-votes.md). A sheet the
reader is not sure of goes to the tellers' adjudication queue, like a room sheet; the vote cannot close
while it waits. Nothing here is undone or rejected by hand: a doubtful paper goes through the scanner.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from coopvote.errors import RuleError
from coopvote.service.views import ScanOutcome
from coopvote.service.voting import IdentifiedPaper

if TYPE_CHECKING:
    from coopvote.service import AdvanceRole


class AdvanceDoor:
    """The advance role as the scanning panel calls a door (``teller_scan.PaperDoor``)."""

    def __init__(self, advance: AdvanceRole) -> None:
        self.advance = advance

    def identify(self, qr_text: str) -> IdentifiedPaper | ScanOutcome:
        return self.advance.identify(qr_text)

    def record_paper(self, qr_text: str, marks: Sequence[int] | None = None, *, source: str = "keyed") -> ScanOutcome:
        return self.advance.record_paper(qr_text, marks)  # always the source "advance", however it was read

    def reject_paper(self, qr_text: str, reason: str, *, source: str = "keyed") -> ScanOutcome:
        raise RuleError("advance.door_no_reject")

    def undo_last(self, reason: str) -> ScanOutcome:
        raise RuleError("advance.door_no_undo")
