"""The chair's console driven through its widgets: open, watch progress, close, read the result, declare."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from coopvote.meeting.spec import parse_spec
from coopvote.service import MeetingService
from tests.helpers import SMALL_REGISTER, SMALL_SPEC, small_meeting
from tests.ui_dialogs import answer_next_dialog
from tests.ui_fixtures import look, shot, window  # noqa: F401 - fixtures


def chair_page(window: Any, qtbot: Any, service: MeetingService, path: Path) -> Any:  # noqa: F811
    window.set_service(service, str(path))
    page = window.show_role("chair")
    qtbot.waitUntil(lambda: window.stack.currentWidget() is page)
    assert type(page).__name__ == "ChairPage", getattr(page, "reason", page)
    return page


def settle(qtbot: Any, page: Any) -> None:
    """Wait for the count running in the background to be shown."""
    qtbot.waitUntil(lambda: not page.result.loading, timeout=30_000)


def select(page: Any, number: int) -> None:
    for row in range(page.agenda.count()):
        if page.agenda.item(row).data(Qt.ItemDataRole.UserRole) == number:
            page.agenda.setCurrentRow(row)
            return
    raise KeyError(number)


def hand_out(service: MeetingService, members: list[str]) -> None:
    for number in members:
        service.desk.check_in(number)
        service.desk.issue_pack(number)


@pytest.fixture
def meeting(tmp_path: Path) -> MeetingService:
    return small_meeting(tmp_path, station="chair")


def test_open_watch_close_and_declare_a_resolution(window: Any, qtbot: Any, meeting: MeetingService,  # noqa: F811
                                                   tmp_path: Path, artifacts_dir: Path) -> None:
    page = chair_page(window, qtbot, meeting, tmp_path / "small.coopvote")
    page.timer.setInterval(100)
    assert page.current == 1
    assert "Not open yet" in page.status.text()
    hand_out(meeting, ["P1", "P2", "E1", "E2"])  # quorate: the vote opens without a question
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert page.banner.kind == "ok", page.banner.text()
    assert meeting.setup.meeting().item(1).status == "open"
    assert page.status.text() == "Voting is open."
    assert page.close_button.isVisible() and not page.open_button.isVisible()
    batch = meeting.papers.add_paper_batch(1, "EMP", 3)
    ps = meeting.papers.add_paper_batch(1, "PS", 2)
    meeting.tellers.record_paper(batch.qr_text(batch.serials[0]), [1])
    meeting.tellers.record_paper(batch.qr_text(batch.serials[1]), [2])
    meeting.tellers.record_paper(ps.qr_text(ps.serials[0]), [1])
    # the console's timer picks up papers recorded at other stations
    qtbot.waitUntil(lambda: page.progress.summary.text() == "3 of 4 papers returned", timeout=3000)
    assert page.progress.table.item(1, 0).text() == "Employees (EMP)"
    assert [page.progress.table.item(1, c).text() for c in (1, 2, 3)] == ["2", "2", "0"]
    shot(page.window(), artifacts_dir, "screen-chair-open")

    answer_next_dialog(qtbot)
    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    assert page.banner.kind == "ok", page.banner.text()
    settle(qtbot, page)
    assert page.status.text() == "Voting is closed; the result can be declared."
    assert page.result.outcome.text().startswith("Carried"), page.result.outcome.text()
    assert page.result.cell("For", 0) == "1" and page.result.cell("For", 1) == "1"
    assert page.result.cell("Against", 1) == "1"
    assert page.result.cell("Papers returned", 2) == "3"

    page.declare_panel.by.clear()
    qtbot.mouseClick(page.declare_panel.button, Qt.MouseButton.LeftButton)
    assert page.banner.kind == "error" and "name" in page.banner.text()
    qtbot.keyClicks(page.declare_panel.by, "Eleri Hughes")
    answer_next_dialog(qtbot)
    qtbot.mouseClick(page.declare_panel.button, Qt.MouseButton.LeftButton)
    assert page.banner.kind == "ok", page.banner.text()
    assert meeting.setup.meeting().item(1).status == "declared"
    assert "declared" in page.agenda.item(0).text()
    assert not page.declare_panel.button.isEnabled()
    shot(page.window(), artifacts_dir, "screen-chair-declared")


def test_an_stv_election_shows_its_stages(window: Any, qtbot: Any, meeting: MeetingService,  # noqa: F811
                                          tmp_path: Path, artifacts_dir: Path) -> None:
    page = chair_page(window, qtbot, meeting, tmp_path / "small.coopvote")
    hand_out(meeting, ["P1", "P2", "E1", "E2", "E3"])
    select(page, 2)
    assert page.title.text() == "Item 2: Elect the Council"
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert page.banner.kind == "ok", page.banner.text()
    emp = meeting.papers.add_paper_batch(2, "EMP", 4)
    ps = meeting.papers.add_paper_batch(2, "PS", 2)
    # Siân 3 first preferences (quota 2 of 5 valid, 2 seats): her surplus moves to Aled.
    for batch, serial, marks in ((emp, 0, [1, 3]), (emp, 1, [1, 3]), (ps, 0, [1, 3]), (emp, 2, [2]), (ps, 1, [3, 2])):
        outcome = meeting.tellers.record_paper(batch.qr_text(batch.serials[serial]), marks)
        assert outcome.accepted, outcome.message_en
    answer_next_dialog(qtbot)
    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    assert page.banner.kind == "ok", page.banner.text()
    settle(qtbot, page)
    result = meeting.results.item_result(2)
    assert result.election is not None and len(result.election.stages) > 1
    assert page.result.stages.isVisible()
    assert page.result.stages.columnCount() == len(result.election.stages)
    assert page.result.stages.cell_text("Siân ap Gwŷn", 1) == "3"
    assert page.result.outcome.text().lower() == result.outcome_en.lower()
    assert "Elected: Siân ap Gwŷn" in page.result.outcome.text()
    assert page.result.cell("Siân ap Gwŷn", 0) == "1"  # PS first preferences
    assert page.result.cell("Siân ap Gwŷn", 1) == "2"  # EMP
    assert "quota 2" in page.result.stage_title.text()
    assert page.progress.summary.text() == "5 of 5 papers returned"
    page.window().resize(1280, 1100)
    page.scroll_area.verticalScrollBar().setValue(page.scroll_area.verticalScrollBar().maximum())
    shot(page.window(), artifacts_dir, "screen-chair-stv")
    qtbot.keyClicks(page.declare_panel.by, "Eleri Hughes")
    answer_next_dialog(qtbot)
    qtbot.mouseClick(page.declare_panel.button, Qt.MouseButton.LeftButton)
    assert meeting.setup.meeting().item(2).status == "declared"


def test_show_of_hands_tied_then_the_casting_vote(window: Any, qtbot: Any, tmp_path: Path,  # noqa: F811
                                                 artifacts_dir: Path) -> None:
    spec = SMALL_SPEC + '\n[rules]\ntie = "casting-vote"\nchair = "Eleri Hughes"\n'
    service = MeetingService.create(tmp_path / "tie.coopvote", parse_spec(spec, "tie.toml"), station="chair")
    service.setup.import_register(SMALL_REGISTER.encode("utf-8"), "members.csv")
    page = chair_page(window, qtbot, service, tmp_path / "tie.coopvote")
    assert page.hands.isVisible()
    page.hands.spins["PS"][0].setValue(2)
    page.hands.spins["EMP"][1].setValue(2)
    qtbot.mouseClick(page.hands.record_button, Qt.MouseButton.LeftButton)
    assert page.banner.kind == "ok", page.banner.text()
    settle(qtbot, page)
    assert page.casting.isVisible(), page.result.outcome.text()
    assert "tied" in page.result.outcome.text()
    assert page.casting.chair.text() == "Eleri Hughes"
    shot(page.window(), artifacts_dir, "screen-chair-casting")
    qtbot.mouseClick(page.casting.for_button, Qt.MouseButton.LeftButton)
    assert page.banner.kind == "ok", page.banner.text()
    settle(qtbot, page)
    assert page.result.result is not None
    assert page.result.result.resolution.carried
    assert "casting vote" in page.result.outcome.text().lower()
    answer_next_dialog(qtbot)
    qtbot.mouseClick(page.declare_panel.button, Qt.MouseButton.LeftButton)
    assert page.banner.kind == "ok", page.banner.text()
    assert service.setup.meeting().item(1).status == "declared"


def test_a_poll_demanded_on_a_show_of_hands(window: Any, qtbot: Any, meeting: MeetingService,  # noqa: F811
                                           tmp_path: Path) -> None:
    page = chair_page(window, qtbot, meeting, tmp_path / "small.coopvote")
    qtbot.mouseClick(page.hands.poll_button, Qt.MouseButton.LeftButton)
    assert page.banner.kind == "error" and "say who demanded the poll" in page.banner.text()
    qtbot.keyClicks(page.hands.demanded_by, "Dafydd Lloyd")
    qtbot.mouseClick(page.hands.poll_button, Qt.MouseButton.LeftButton)
    assert page.banner.kind == "error"  # no show of hands yet: the service says so
    assert "no show of hands" in page.banner.text()
    page.hands.spins["PS"][0].setValue(3)
    qtbot.mouseClick(page.hands.record_button, Qt.MouseButton.LeftButton)
    qtbot.keyClick(page.hands.demanded_by, Qt.Key.Key_Return)
    assert page.banner.kind == "ok", page.banner.text()
    assert "Dafydd Lloyd" in page.banner.text()
    answer_next_dialog(qtbot, reason="a poll was demanded; members present may vote now")  # nobody is checked in
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert meeting.setup.meeting().item(1).status == "open"
    QApplication.processEvents()


def test_every_page_follows_a_language_switch(window: Any, qtbot: Any, meeting: MeetingService,  # noqa: F811
                                              tmp_path: Path, look: Any) -> None:  # noqa: F811
    page = chair_page(window, qtbot, meeting, tmp_path / "small.coopvote")
    teller = window.show_role("teller")
    results = window.show_role("results")
    projector = window.show_projector()
    english = (page.open_button.text(), teller.tabs.tabText(0), results.tabs.tabText(1))
    assert english == ("&Open the vote", "&Scan", "&Declaration")
    assert look.set_language("cy")
    assert (page.open_button.text(), teller.tabs.tabText(0), results.tabs.tabText(1)) == (
        "A&gor y bleidlais", "&Sganio", "&Datganiad")
    assert projector.status.text() == "Heb agor eto · Not open yet"  # the hall always sees both
    assert look.set_language("en")
    assert (page.open_button.text(), teller.tabs.tabText(0), results.tabs.tabText(1)) == english


def test_the_console_in_high_contrast_and_large_text(window: Any, qtbot: Any, meeting: MeetingService,  # noqa: F811
                                                     tmp_path: Path, look: Any, artifacts_dir: Path) -> None:  # noqa: F811
    meeting.voting.open_vote(1, not_quorate_reason="test meeting: quorum not under test")
    slips = meeting.papers.add_paper_batch(1, "EMP", 2, kind="slips")
    meeting.tellers.record_paper(slips.qr_text(slips.serials[0], 1))
    meeting.tellers.record_paper(slips.qr_text(slips.serials[1], 2))
    meeting.voting.close_vote(1)
    page = chair_page(window, qtbot, meeting, tmp_path / "small.coopvote")
    look.set_high_contrast(True)
    look.set_text_scale(1.3)
    settle(qtbot, page)
    assert page.result.table.isVisible()
    assert page.title.font().pointSizeF() > QApplication.font().pointSizeF()  # big labels grow with the text
    window.resize(1280, 1000)
    shot(page.window(), artifacts_dir, "screen-chair-high-contrast")


def test_closing_shows_the_close_code_to_write_into_the_minutes(window: Any, qtbot: Any,  # noqa: F811
                                                                 meeting: MeetingService, tmp_path: Path,
                                                                 artifacts_dir: Path) -> None:
    from coopvote.export.content import collect

    page = chair_page(window, qtbot, meeting, tmp_path / "small.coopvote")
    hand_out(meeting, ["P1", "P2", "E1", "E2"])  # quorate: the vote opens without a question
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    batch = meeting.papers.add_paper_batch(1, "EMP", 2)
    assert meeting.tellers.record_paper(batch.qr_text(batch.serials[0]), [1]).accepted
    answer_next_dialog(qtbot)  # "Close the vote on item 1?"
    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    assert page.banner.kind == "ok", page.banner.text()
    close_hash = collect(meeting, [1], audit=False).item(1).close_hash
    code = " ".join(close_hash[i:i + 4].upper() for i in range(0, 16, 4))
    assert f"Close code: {code}." in page.banner.text()
    assert "Write it into the minutes by hand" in page.banner.text()
    settle(qtbot, page)
    shot(page.window(), artifacts_dir, "screen-chair-close-code")
