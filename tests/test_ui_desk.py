"""The registration desk driven through its widgets: find, check in, quorum, proxies, packs, cards, spoilt papers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from coopvote.ballots.qrcodec import MemberCode, encode_card
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


def test_the_search_box_has_the_focus_when_the_desk_opens(desk: Any, qtbot: Any) -> None:
    qtbot.waitUntil(lambda: QApplication.focusWidget() is desk.search, timeout=3000)


def test_checking_people_in_until_quorum_is_reached(desk: Any, qtbot: Any, artifacts_dir: Path) -> None:
    assert desk.quorum.verdict.text() == "Not quorate yet"
    before = desk.quorum.explanation.text()
    assert "Not quorate: 3 more needed" in before
    for number in ("P1", "P2"):
        find_and_enter(qtbot, desk, number)
        assert desk.current.number == number
        assert QApplication.focusWidget() is desk.check_in_button  # Enter found them; Enter again checks in
        qtbot.keyClick(desk.check_in_button, Qt.Key.Key_Return)
        assert desk.banner.kind == "ok", desk.banner.text()
    assert desk.quorum.verdict.text() == "Not quorate yet"
    assert "1 more needed" in desk.quorum.explanation.text()
    find_and_enter(qtbot, desk, "rhodri")  # part of a name
    assert desk.current.number == "E1"
    qtbot.mouseClick(desk.check_in_button, Qt.MouseButton.LeftButton)
    assert desk.quorum.verdict.text() == "Quorate"
    assert desk.quorum.explanation.text().endswith("Quorate.")
    assert desk.quorum.explanation.text() != before
    shot(desk.window(), artifacts_dir, "screen-desk-quorate")


def test_a_lapsed_member_is_refused_with_the_services_words(desk: Any, qtbot: Any) -> None:
    find_and_enter(qtbot, desk, "P3")
    qtbot.mouseClick(desk.check_in_button, Qt.MouseButton.LeftButton)
    assert desk.banner.kind == "error"
    assert "P3 (Mair Jones) is lapsed and cannot be checked in" in desk.banner.text()


def test_a_proxy_beyond_the_limit_is_refused(desk: Any, qtbot: Any, artifacts_dir: Path) -> None:
    for appointer in ("E2", "E3", "E4"):
        find_and_enter(qtbot, desk, appointer)
        desk.holder.setFocus()
        qtbot.keyClicks(desk.holder, "E1")
        qtbot.keyClick(desk.holder, Qt.Key.Key_Return)
    assert desk.banner.kind == "error"
    assert "E1 (Rhodri Evans) already holds 2 proxies; the rules allow 2" in desk.banner.text()
    assert desk.setup.member("E1").proxy_held_for == ("E2", "E3")
    assert desk.setup.member("E4").proxy_given_to is None
    shot(desk.window(), artifacts_dir, "screen-desk-proxy-refused")


def test_packs_say_which_colour_for_whom(desk: Any, qtbot: Any, artifacts_dir: Path) -> None:
    desk.desk.appoint_proxy("P2", "E1")
    find_and_enter(qtbot, desk, "E1")
    qtbot.keyClick(desk.check_in_button, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is desk.pack_button
    qtbot.keyClick(desk.pack_button, Qt.Key.Key_Return)
    assert desk.packs.text() == "Give 1 blue pack (EMP) + 1 green pack (proxy for P2)"
    assert QApplication.focusWidget() is desk.search  # ready for the next person
    shot(desk.window(), artifacts_dir, "screen-desk-packs")
    find_and_enter(qtbot, desk, "E1")
    qtbot.mouseClick(desk.pack_button, Qt.MouseButton.LeftButton)
    assert "already received every paper" in desk.banner.text()


def test_scanning_a_membership_card_finds_the_member(desk: Any, qtbot: Any) -> None:
    from coopvote.record.models import Meeting

    with desk.desk.record.reading() as session:  # the test prints a card as the printer would
        meeting = session.get(Meeting, desk.desk.record.meeting_id)
        code, secret = meeting.code, bytes(meeting.secret)
    scanned = encode_card(MemberCode(code, "E2"), secret).lower()  # caps lock on the scanner's keyboard
    find_and_enter(qtbot, desk, scanned)
    assert desk.current.number == "E2"
    assert desk.search.text() == "E2"
    forged = scanned[:-3] + ("aaa" if not scanned.endswith("aaa") else "bbb")
    find_and_enter(qtbot, desk, forged)
    assert desk.banner.kind == "error"
    assert "That code was not accepted" in desk.banner.text()


def test_a_spoilt_paper_is_exchanged_once(desk: Any, qtbot: Any) -> None:
    batch = desk.papers.add_paper_batch(1, "PS", 3)
    serial = batch.serials[0]
    desk.spoilt.refresh()
    desk.spoilt.item.setCurrentIndex(desk.spoilt.item.findData(1))
    desk.spoilt.serial.setValue(serial)
    desk.spoilt.reason.setFocus()
    qtbot.keyClicks(desk.spoilt.reason, "torn")
    qtbot.keyClick(desk.spoilt.reason, Qt.Key.Key_Return)
    assert desk.banner.kind == "ok"
    assert f"Paper {serial} of item 1 is void" in desk.banner.text()
    qtbot.keyClicks(desk.spoilt.reason, "torn again")
    qtbot.mouseClick(desk.spoilt.button, Qt.MouseButton.LeftButton)
    assert desk.banner.kind == "error" and "already voided" in desk.banner.text()


def test_the_desk_in_welsh(desk: Any, qtbot: Any, look: Any, artifacts_dir: Path) -> None:  # noqa: F811
    assert desk.check_in_button.text() == "Check &in"
    look.set_language("cy")
    assert desk.check_in_button.text() == "Cofrestru &i mewn"
    assert desk.quorum.verdict.text() == "Dim cworwm eto"
    assert desk.quorum.explanation.text().startswith("Y cworwm yw 3")
    assert desk.window().nav.item(1).text() == "Desg gofrestru"
    find_and_enter(qtbot, desk, "E1")
    qtbot.keyClick(desk.check_in_button, Qt.Key.Key_Return)
    desk.desk.appoint_proxy("P2", "E1")
    qtbot.keyClick(desk.pack_button, Qt.Key.Key_Return)
    assert desk.packs.text() == "Rhowch 1 pecyn glas (EMP) + 1 pecyn gwyrdd (dirprwy dros P2)"
    shot(desk.window(), artifacts_dir, "screen-desk-welsh")
    look.set_language("en")
    assert desk.check_in_button.text() == "Check &in"


def test_printed_membership_cards_scan_back_at_the_desk(desk: Any, qtbot: Any, tmp_path: Path,
                                                        artifacts_dir: Path) -> None:
    import pypdfium2
    import zxingcpp

    target = tmp_path / "cards.pdf"
    assert desk.write_cards(str(target), open_after=False)
    assert "6 cards" in desk.banner.text()  # the six active members; the lapsed one gets none
    page = pypdfium2.PdfDocument(str(target))[0]
    image = page.render(scale=200 / 72).to_pil()
    image.save(artifacts_dir / "membership-cards-page1.png")
    codes = sorted(r.text for r in zxingcpp.read_barcodes(image) if r.text.startswith("CVM1-"))
    assert len(codes) == 6
    find_and_enter(qtbot, desk, codes[0])
    assert desk.current is not None and desk.banner.kind != "error"
    assert desk.current.number in {"P1", "P2", "E1", "E2", "E3", "E4"}


def test_the_packs_shown_are_cleared_for_the_next_member(desk: Any, qtbot: Any) -> None:
    find_and_enter(qtbot, desk, "E1")
    qtbot.keyClick(desk.check_in_button, Qt.Key.Key_Return)
    qtbot.keyClick(desk.pack_button, Qt.Key.Key_Return)
    assert desk.packs.text() == "Give 1 blue pack (EMP)"
    find_and_enter(qtbot, desk, "E2")
    assert desk.packs.text() == "No packs to hand over yet."


def test_a_new_search_shows_its_own_first_member(desk: Any, qtbot: Any) -> None:
    find_and_enter(qtbot, desk, "E1")
    assert desk.current.number == "E1"
    find_and_enter(qtbot, desk, "a")  # several matches: the panel follows the list, never the old member
    assert len(desk.results) > 1
    assert desk.current.number == desk.results[0].number
    assert QApplication.focusWidget() is desk.table


def test_tab_walks_the_desk_in_working_order(desk: Any, qtbot: Any) -> None:
    find_and_enter(qtbot, desk, "E2")
    desk.search.setFocus()
    seen = []
    for _ in range(14):
        widget = QApplication.focusWidget()
        seen.append(widget)
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
    expected = [desk.search, desk.table, desk.check_in_button, desk.holder, desk.chair_holds, desk.instructions,
                desk.directed, desk.proxy_button, desk.spoilt.item, desk.spoilt.serial, desk.spoilt.reason,
                desk.spoilt.button, desk.cards_button]
    assert seen[: len(expected)] == expected  # disabled buttons (check out, packs, cancel proxy) are skipped


def test_checking_out_lowers_the_count(desk: Any, qtbot: Any) -> None:
    find_and_enter(qtbot, desk, "E3")
    qtbot.keyClick(desk.check_in_button, Qt.Key.Key_Return)
    assert desk.quorum.status.present == 1
    qtbot.mouseClick(desk.check_out_button, Qt.MouseButton.LeftButton)
    assert desk.banner.text() == "Tomos Prys is checked out."
    assert desk.quorum.status.present == 0
    assert desk.check_in_button.isEnabled() and not desk.check_out_button.isEnabled()
    assert QApplication.focusWidget() is desk.search
