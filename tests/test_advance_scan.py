"""Advance papers printed in packs, marked, scanned and read back through the advance door."""

from __future__ import annotations

import random
from pathlib import Path

from tests.advance_meeting import ON_TIME, new_meeting
from tests.test_service_sheets import mark_and_scan, page_count


def test_printed_advance_papers_are_read_as_advance_papers_and_refused_in_the_room(tmp_path: Path) -> None:
    service = new_meeting(tmp_path, 20)
    issue = service.advance.issue_packs(["M001", "M002"])
    written = service.advance.print_issue(issue, tmp_path / "packs")
    papers = tmp_path / "packs" / "advance-papers-PS.pdf"
    assert papers in written
    # Pack after pack: item 1 then item 2 for each member; the last election paper is left blank.
    plans: list[list[object]] = [[0], [(0, 1), (2, 2)], [2], []]
    scans = mark_and_scan(service, papers, plans, tmp_path, 3.0, random.Random(5))
    service.voting.open_vote(1, not_quorate_reason="test meeting: nobody checked in")
    service.voting.open_vote(2, not_quorate_reason="test meeting: nobody checked in")
    in_the_room = service.tellers.read_sheets(scans[:1])
    assert in_the_room.accepted == 0 and in_the_room.refused["advance-paper"] == 1
    for number in ("M001", "M002"):
        assert service.advance.receive_envelope(issue.envelope_codes[number], at=ON_TIME).accepted
    service.advance.open_envelopes()
    summary = service.advance.read_sheets(scans)
    assert summary.accepted == 3, [o.message_en for o in summary.outcomes]
    # The blank paper is not clear: it waits in the tellers' queue as an advance sheet (no longer refused for keying).
    assert summary.queued == 1 and summary.refused["unclear"] == 0
    [blank] = service.tellers.pending_sheets()
    assert blank.advance and blank.item == 2
    service.results.show_small_classes(1, "the chair", "test: the per-class figures are under test")
    assert service.results.item_result(1).papers_by_option[0]["PS"] == 1
    assert service.results.item_result(1).papers_by_option[2]["PS"] == 1
    service.results.show_small_classes(2, "the chair", "test: the per-class figures are under test")
    rows = {row.class_code: row for row in service.results.reconciliation(2)}
    assert rows["PS"].sources["advance_papers"] == 1 and rows["PS"].sources["envelopes_accepted"] == 2


def test_the_printed_envelope_sheet_carries_the_members_code_and_is_received_from_its_scan(tmp_path: Path) -> None:
    import zxingcpp

    from coopvote.ballots.testdeck import rasterise_page

    service = new_meeting(tmp_path, 20)
    issue = service.advance.issue_packs(["M001", "M012"])
    written = service.advance.print_issue(issue, tmp_path / "packs")
    sheets = (tmp_path / "packs" / "advance-envelopes.pdf").read_bytes()
    assert written[0].name == "advance-envelopes.pdf" and page_count(written[0]) == 2
    for page, number in enumerate(("M001", "M012")):
        found = zxingcpp.read_barcodes(rasterise_page(sheets, page, 200), formats=zxingcpp.BarcodeFormat.QRCode)
        assert [code.text for code in found] == [issue.envelope_codes[number]]
        assert service.advance.receive_envelope(found[0].text, at=ON_TIME).member == number
