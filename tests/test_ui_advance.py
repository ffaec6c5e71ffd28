"""The "Before the meeting" page and the desk's advance lines, driven through their widgets."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from tests.advance_meeting import new_meeting
from tests.ui_fixtures import look, shot, window  # noqa: F401 - fixtures


@pytest.fixture
def before(window: Any, qtbot: Any, tmp_path: Path) -> Any:  # noqa: F811
    service = new_meeting(tmp_path, 60, closes="2099-01-01T00:00:00Z")
    window.set_service(service, str(tmp_path / "advance.coopvote"))
    window.show_role("advance")
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.pages["advance"])
    return window.pages["advance"]


def test_sending_packs_and_receiving_envelopes_one_by_one_and_in_a_batch(
    before: Any, qtbot: Any, tmp_path: Path, artifacts_dir: Path
) -> None:
    page = before
    page.class_choice.setCurrentIndex(page.class_choice.findData("PS"))
    qtbot.keyClicks(page.folder, str(tmp_path / "packs"))
    qtbot.mouseClick(page.send_button, Qt.MouseButton.LeftButton)
    assert page.banner.kind == "ok", page.banner.text()
    assert (tmp_path / "packs" / "advance-envelopes.pdf").is_file()
    assert "Packs sent: 30." in page.counts.text()
    page.tabs.setCurrentWidget(page.envelopes_box)  # the envelopes have their own tab
    qtbot.keyClicks(page.code, "M001")
    qtbot.keyClick(page.code, Qt.Key.Key_Return)
    assert page.banner.kind == "ok" and "voted in advance" in page.banner.text()
    qtbot.keyClicks(page.code, "M001")
    qtbot.keyClick(page.code, Qt.Key.Key_Return)
    assert page.banner.kind == "error" and "second envelope" in page.banner.text()
    batch = tmp_path / "codes.txt"
    batch.write_text("\n".join(f"M{i:03d}" for i in range(2, 26)) + "\nM040\n", encoding="utf-8")
    assert page.receive_batch(batch) == (24, 1)  # M040 (EMP) was sent no pack
    assert page.progress.value() == 25 and page.progress.maximum() == 25
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert "25 envelopes recorded as opened" in page.banner.text()
    assert "Envelopes accepted: 25 (opened: 25). Refused: 2." in page.counts.text()
    shot(page.window(), artifacts_dir, "advance-before-the-meeting")


def test_the_desk_shows_at_once_a_member_who_voted_in_advance(before: Any, qtbot: Any) -> None:
    service = before.advance
    service.issue_packs(["M003"])
    assert service.receive_envelope("M003").accepted
    service.enter_directed_proxy("M004", None, {1: "for", 2: "discretion"})
    main = before.window()
    main.show_role("desk")
    qtbot.waitUntil(lambda: main.stack.currentWidget() is main.pages["desk"])
    desk = main.pages["desk"]
    desk.select_member("M003")
    assert "VOTED IN ADVANCE on item(s) 1, 2: no paper for these" in desk.member_detail.text()
    desk.select_member("M004")
    assert "VOTED BY DIRECTED PROXY on item(s) 1: no paper for these" in desk.member_detail.text()
    desk.select_member("M005")
    assert "VOTED" not in desk.member_detail.text()


def test_a_directed_proxy_form_is_entered_at_the_desk_and_counted_with_no_paper(
    before: Any, qtbot: Any, artifacts_dir: Path
) -> None:
    main = before.window()
    main.show_role("desk")
    qtbot.waitUntil(lambda: main.stack.currentWidget() is main.pages["desk"])
    desk = main.pages["desk"]
    main.service.voting.open_vote(1, not_quorate_reason="test meeting: nobody checked in")
    desk.select_member("M007")
    qtbot.mouseClick(desk.chair_holds, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(desk.directed, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(desk.proxy_button, Qt.MouseButton.LeftButton)
    assert desk.banner.kind == "error" and "directions" in desk.banner.text()
    qtbot.keyClicks(desk.instructions, "1=yn erbyn; 2=3,1")
    qtbot.mouseClick(desk.proxy_button, Qt.MouseButton.LeftButton)
    assert desk.banner.kind == "ok", desk.banner.text()
    assert main.service.results.item_result(1).directed == {"PS": {"2": 1}}
    assert main.service.results.item_result(2).directed == {"PS": {"3 1": 1}}
    desk.select_member("M007")
    assert "VOTED BY DIRECTED PROXY on item(s) 1, 2: no paper for these" in desk.member_detail.text()
    shot(main, artifacts_dir, "advance-desk-directed-proxy")
