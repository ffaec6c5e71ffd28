"""The desk's refusals on screen in the language on screen: the service raises a key, the app words it.

Driven through the real widgets in Welsh, then in English: what the banner shows is the catalogue entry's
text in that language, filled in with the member's number, name and state (never an English sentence
under a Welsh screen).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from coopvote.messages import message
from coopvote.service.wording import member_status
from tests.helpers import small_meeting
from tests.ui_fixtures import look, shot, window  # noqa: F401 - fixtures


@pytest.fixture
def desk(window: Any, qtbot: Any, tmp_path: Path) -> Any:  # noqa: F811
    service = small_meeting(tmp_path, station="desk-1")
    window.set_service(service, str(tmp_path / "small.coopvote"))
    page = window.pages["desk"]
    window.activateWindow()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is page)
    return page


def find_and_enter(qtbot: Any, desk: Any, text: str) -> None:
    desk.search.setFocus()
    desk.search.clear()
    qtbot.keyClicks(desk.search, text)
    qtbot.keyClick(desk.search, Qt.Key.Key_Return)


def appoint(qtbot: Any, desk: Any, appointer: str, holder: str) -> None:
    find_and_enter(qtbot, desk, appointer)
    desk.holder.setFocus()
    desk.holder.clear()
    qtbot.keyClicks(desk.holder, holder)
    qtbot.keyClick(desk.holder, Qt.Key.Key_Return)


def test_a_lapsed_member_is_refused_in_welsh_then_in_english(desk: Any, qtbot: Any, look: Any,  # noqa: F811
                                                            artifacts_dir: Path) -> None:
    refusal = message("desk.cannot_check_in", number="P3", name="Mair Jones", status=member_status("lapsed"))
    assert look.set_language("cy")
    assert desk.check_in_button.text().replace("&", "") == "Cofrestru i mewn"  # the screen itself is in Welsh
    find_and_enter(qtbot, desk, "P3")
    qtbot.mouseClick(desk.check_in_button, Qt.MouseButton.LeftButton)
    assert desk.banner.kind == "error"
    welsh = refusal.render("cy")
    assert desk.banner.text() == welsh
    assert "wedi darfod" in welsh and "lapsed" not in welsh  # the member's state in Welsh too
    shot(desk.window(), artifacts_dir, "screen-desk-refusal-welsh")

    assert look.set_language("en")
    find_and_enter(qtbot, desk, "P3")
    qtbot.mouseClick(desk.check_in_button, Qt.MouseButton.LeftButton)
    assert desk.banner.kind == "error"
    assert desk.banner.text() == refusal.render("en")
    assert desk.banner.text() == "member P3 (Mair Jones) is lapsed and cannot be checked in as a voter"
    shot(desk.window(), artifacts_dir, "screen-desk-refusal-english")


def test_a_proxy_over_the_limit_is_refused_in_welsh_then_in_english(desk: Any, qtbot: Any, look: Any,  # noqa: F811
                                                                   artifacts_dir: Path) -> None:
    refusal = message("desk.proxy_limit", number="E1", name="Rhodri Evans", held=2, limit=2)
    assert look.set_language("cy")
    for appointer in ("E2", "E3", "E4"):
        appoint(qtbot, desk, appointer, "E1")
    assert desk.banner.kind == "error"
    assert desk.banner.text() == refusal.render("cy")
    assert "2 dirprwy" in desk.banner.text()
    shot(desk.window(), artifacts_dir, "screen-desk-proxy-refused-welsh")

    assert look.set_language("en")
    appoint(qtbot, desk, "E4", "E1")
    assert desk.banner.kind == "error"
    assert desk.banner.text() == refusal.render("en")
    assert desk.setup.member("E4").proxy_given_to is None
