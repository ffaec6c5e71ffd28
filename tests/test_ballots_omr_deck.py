"""The printable test deck tellers use to check their scanner before the meeting."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from coopvote.ballots import testdeck as td
from coopvote.ballots.imaging import load_pages
from coopvote.ballots.omr import UnreadableSheet, read_page
from coopvote.ballots.omr_interpret import Reason
from coopvote.ballots.testdeck_print import check_deck, teller_deck, teller_lookup


def test_printed_deck_scanned_back_matches_its_key(tmp_path: Path) -> None:
    items = [(item, variant, "A4") for item, variant in td.deck_items()[1:3]]
    pdf, key = teller_deck(items, per_item=8, seed=3, dpi=200)
    assert len(key) == 16 and {e.expect_clear for e in key} == {True, False, None}
    path = tmp_path / "deck.pdf"
    path.write_bytes(pdf)
    lookup = teller_lookup(items)
    readings = [read_page(page, lookup) for page in load_pages(path, pdf_dpi=150)]
    assert check_deck(readings, key) == []

    # The check must be able to fail: a wrong key, a missing page and a foreign paper are all reported.
    wrong = [dataclasses.replace(key[0], expected=(5,), expect_clear=True)] + list(key[1:])
    problems = check_deck(readings[:-1], wrong)
    assert any("read" in p and "marked (5,)" in p for p in problems)
    assert any("was not among the scans" in p for p in problems)
    other_item = list(load_pages(path, pdf_dpi=150))[8]  # the first paper of the second item
    foreign = read_page(other_item, teller_lookup(items[:1]))
    assert isinstance(foreign, UnreadableSheet) and "not in this test deck" in str(foreign.detail)


def test_deck_papers_are_refused_by_a_real_meeting(tmp_path: Path) -> None:
    from coopvote.ballots.omr_layout import meeting_lookup

    items = [(td.deck_items()[0][0], "standard", "A4")]
    pdf, _ = teller_deck(items, per_item=1, dpi=150)
    path = tmp_path / "one.pdf"
    path.write_bytes(pdf)
    meeting = meeting_lookup(b"the-real-meeting-secret-000", "AGM2026", td.paper_for_code)
    (reading,) = [read_page(page, meeting) for page in load_pages(path, pdf_dpi=150)]
    assert isinstance(reading, UnreadableSheet) and reading.reasons == (Reason.UNKNOWN_BALLOT,)
