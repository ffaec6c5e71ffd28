"""The chair's console in Welsh after an STV count: the stage table's heads and tips are Welsh too.

The stage actions and their descriptions come from the counting rule, so they are worded from its keyed
notes (the catalogue's notes.*, coopvote/reports/stage_words.py), not shown in the rule's English under a Welsh heading.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from coopvote.service import MeetingService
from tests.helpers import small_meeting
from tests.test_ui_chair import chair_page, hand_out, select, settle
from tests.ui_dialogs import answer_next_dialog
from tests.ui_fixtures import look, shot, window  # noqa: F401 - fixtures
from tests.welsh_halves import english_words, name_words


def test_the_chair_console_in_welsh_after_an_stv_count(window: Any, qtbot: Any, tmp_path: Path,  # noqa: F811
                                                       look: Any, artifacts_dir: Path) -> None:  # noqa: F811
    meeting: MeetingService = small_meeting(tmp_path, station="chair")
    page = chair_page(window, qtbot, meeting, tmp_path / "small.coopvote")
    assert look.set_language("cy")
    hand_out(meeting, ["P1", "P2", "E1", "E2", "E3"])
    select(page, 2)
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert page.banner.kind == "ok", page.banner.text()
    emp = meeting.papers.add_paper_batch(2, "EMP", 4)
    ps = meeting.papers.add_paper_batch(2, "PS", 2)
    for batch, serial, marks in ((emp, 0, [1, 3]), (emp, 1, [1, 3]), (ps, 0, [1, 3]), (emp, 2, [2]), (ps, 1, [3, 2])):
        assert meeting.tellers.record_paper(batch.qr_text(batch.serials[serial]), marks).accepted
    answer_next_dialog(qtbot)
    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    assert page.banner.kind == "ok", page.banner.text()
    settle(qtbot, page)
    assert page.status.text() == "Mae'r pleidleisio wedi cau; gellir datgan y canlyniad."
    table = page.result.stages
    heads = [table.horizontalHeaderItem(column) for column in range(table.columnCount())]
    assert heads[0].text() == "Cam 1\ndewisiadau cyntaf"
    assert heads[1].toolTip().startswith("Trosglwyddo gwarged Siân ap Gwŷn")
    names = name_words(["Siân ap Gwŷn", "Aled Thomas", "Rhodri Evans"])
    for head in heads:
        assert english_words(head.text() + " " + head.toolTip(), names) == [], head.toolTip()
    assert english_words(page.result.outcome.text(), names) == [], page.result.outcome.text()
    page.window().resize(1280, 1000)
    page.scroll_area.verticalScrollBar().setValue(page.scroll_area.verticalScrollBar().maximum())
    shot(page.window(), artifacts_dir, "screen-chair-welsh")
    assert look.set_language("en")
    assert table.horizontalHeaderItem(0).text() == "Stage 1\nfirst preferences"
