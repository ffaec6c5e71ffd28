"""The adjudication queue shows the mark reader's reasons and notes in the language on screen (issue 17), from
the keys a queued sheet keeps; a sheet queued before keys were kept shows its stored English as it is."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from coopvote.ballots.omr import SheetReading, Verdict
from coopvote.ballots.omr_interpret import QuestionReading, Reason
from coopvote.ballots.omr_marks import Thresholds
from coopvote.messages import message
from coopvote.record.models import PendingSheet
from coopvote.service import MeetingService
from tests.helpers import small_meeting
from tests.ui_fixtures import look, shot, window  # noqa: F401 - fixtures


def unsure_reading(qr_text: str) -> SheetReading:
    """A ranking the reader was unsure of: a doubtful mark, and the second preference not given."""
    question = QuestionReading("ranking", chosen=(0,), reasons=[Reason.DOUBTFUL_MARK, Reason.RANK_SKIPPED],
                               notes=[message("omr.note_preference_doubtful", option="Aled Jones", rank=3),
                                      message("omr.note_preference_not_given", rank=2)])
    return SheetReading(source="box-1.pdf", page_index=0, qr_text=qr_text, orientation=0, skew_degrees=0.0,
                        boxes=(), questions=(question,), verdict=Verdict.ADJUDICATE,
                        reasons=(Reason.DOUBTFUL_MARK, Reason.RANK_SKIPPED), thresholds=Thresholds(), fit="test")


@pytest.fixture
def service(tmp_path: Path) -> MeetingService:
    meeting = small_meeting(tmp_path, station="teller-1")
    meeting.voting.open_vote(1, not_quorate_reason="test meeting: quorum not under test")
    papers = meeting.papers.add_paper_batch(1, "EMP", 2)
    for serial in papers.serials:
        assert meeting.tellers.record_sheet(unsure_reading(papers.qr_text(serial))).reason == "queued"
    return meeting


def test_a_queued_sheet_keeps_keys_not_english(service: MeetingService) -> None:
    sheet = service.tellers.pending_sheets()[0]
    assert sheet.reading["reason_keys"] == [{"key": "omr.doubtful_mark", "params": {}},
                                            {"key": "omr.rank_skipped", "params": {}}]
    assert sheet.reading["questions"][0]["note_keys"][1] == {"key": "omr.note_preference_not_given",
                                                             "params": {"rank": 2}}
    assert "notes" not in sheet.reading["questions"][0]
    assert not {"time", "at", "member", "member_number"} & set(sheet.reading)  # nothing links it to anyone


def test_the_queue_shows_the_readers_reasons_in_welsh_and_in_english(
    window: Any, look: Any, qtbot: Any, service: MeetingService, tmp_path: Path, artifacts_dir: Path  # noqa: F811
) -> None:
    with service.record.action("test: a sheet queued by an older coopvote") as (session, act):
        act.skip_audit = True  # the stored reading rewritten as an older coopvote wrote it, nothing else
        older = session.scalars(select(PendingSheet).order_by(PendingSheet.id.desc())).first()
        assert older is not None
        reading = dict(older.reading)
        reading.pop("reason_keys")
        reading["questions"] = [{"id": "ranking", "chosen": [1], "notes": ["preference 2 not given"]}]
        older.reading = reading
    window.set_service(service, str(tmp_path / "small.coopvote"))
    teller = window.show_role("teller")
    teller.tabs.setCurrentWidget(teller.adjudication)
    panel = teller.adjudication
    panel.refresh()
    assert panel.queue.count() == 2

    assert look.set_language("cy")
    qtbot.mouseClick(panel.queue.viewport(), Qt.MouseButton.LeftButton,
                     pos=panel.queue.visualItemRect(panel.queue.item(0)).center())
    assert panel.queue.currentRow() == 0
    said = panel.reasons.text()
    assert "marc amheus, dewis wedi'i hepgor" in said and "ni roddwyd dewis 2" in said
    assert "Aled Jones, dewis 3: amheus" in said
    assert "doubtful" not in said and "not given" not in said
    teller.window().resize(1100, 900)
    shot(teller.window(), artifacts_dir, "screen-teller-adjudication-welsh")
    panel.queue.setCurrentRow(1)  # the older sheet: its English, as it was stored
    assert "doubtful mark, preference skipped" in panel.reasons.text()
    assert "preference 2 not given" in panel.reasons.text()

    assert look.set_language("en")
    panel.queue.setCurrentRow(0)
    said = panel.reasons.text()
    assert "doubtful mark, preference skipped" in said and "preference 2 not given" in said
    assert "Aled Jones, preference 3: doubtful" in said and "amheus" not in said


def test_an_unreadable_pages_detail_follows_the_language_on_screen(
    window: Any, look: Any, qtbot: Any, tmp_path: Path  # noqa: F811
) -> None:
    from coopvote.ballots.omr import UnreadableSheet

    meeting = small_meeting(tmp_path, station="teller-1")
    page = UnreadableSheet(source="box-2.pdf", page_index=3, reasons=(Reason.UNREADABLE_QR,),
                           detail=message("omr.detail_no_qr"))
    assert meeting.tellers.record_sheet(page).reason == "queued"
    assert meeting.tellers.pending_sheets()[0].reading["detail_key"] == [{"key": "omr.detail_no_qr", "params": {}}]
    window.set_service(meeting, str(tmp_path / "small.coopvote"))
    teller = window.show_role("teller")
    panel = teller.adjudication
    panel.refresh()
    panel.queue.setCurrentRow(0)
    assert look.set_language("cy")
    assert "cod QR annarllenadwy" in panel.reasons.text() and "ni ellid datgodio unrhyw god QR" in panel.reasons.text()
    assert look.set_language("en")
    assert "unreadable QR code" in panel.reasons.text() and "no QR code could be decoded" in panel.reasons.text()
