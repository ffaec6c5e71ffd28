"""Printed papers, marked and scanned, read back through the service: the whole teller round trip.

Papers are printed by the service to a real PDF, rasterised with pdfium, marked with a pen drawn in
code, scanned badly (skew, blur, JPEG), read with zxing-cpp and the mark reader, and recorded. Doubtful
sheets go to the adjudication queue and are decided there.
"""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest
import zxingcpp
from PIL import Image

from coopvote.ballots.layout import layout_for
from coopvote.ballots.qrcodec import decode
from coopvote.ballots.testdeck import DeckPaper, Degradation, Pen, degrade, mark_page, rasterise_page
from coopvote.errors import RuleError
from coopvote.service import MeetingService
from tests.helpers import small_meeting

DPI = 200


def page_count(pdf: Path) -> int:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(str(pdf))
    try:
        return len(document)
    finally:
        document.close()


def mark_and_scan(
    service: MeetingService, pdf: Path, plans: list[list[object]], folder: Path, skew: float, rng: random.Random,
    pens: dict[int, Pen] | None = None,
) -> list[Path]:
    """Mark page i of the PDF with plans[i] (box ids), in pens[i] (a cross unless given), and save it as a
    degraded JPEG scan."""
    meeting = service.setup.meeting()
    files = []
    for index in range(page_count(pdf)):
        gray = rasterise_page(pdf.read_bytes(), index, DPI)
        found = zxingcpp.read_barcodes(gray, formats=zxingcpp.BarcodeFormat.QRCode)
        assert found, f"page {index} of {pdf.name}: the printed QR must decode"
        code = decode(found[0].text, _secret(service), meeting.code)
        question = service.tellers._paper_question(code)
        paper = DeckPaper(spec=None, question=question)  # type: ignore[arg-type]  # only the form is used
        image = Image.fromarray(gray, mode="L")
        pen = (pens or {}).get(index, Pen.CROSS)
        mark_page(image, DPI, paper, {box: pen for box in plans[index]}, rng)  # type: ignore[misc]
        scanned = degrade(image, Degradation(dpi=DPI, rotation=skew, blur=0.6, jpeg_quality=40), rng)
        path = folder / f"{pdf.stem}-{index + 1}.jpg"
        Image.fromarray(np.asarray(scanned), mode="L").save(path, quality=40)
        files.append(path)
        layout_for(question.form)  # the reader recomputes the same layout from the code alone
    return files


def _secret(service: MeetingService) -> bytes:
    from coopvote.record.models import Meeting

    with service.record.reading() as session:
        meeting = session.get(Meeting, service.record.meeting_id)
        assert meeting is not None
        return meeting.secret


def test_printed_papers_scanned_back_are_counted_and_doubtful_ones_adjudicated(tmp_path: Path) -> None:
    service = small_meeting(tmp_path, station="scanner-1")
    service.voting.open_vote(1, not_quorate_reason="test meeting: quorum not under test")
    service.voting.open_vote(2, not_quorate_reason="test meeting: quorum not under test")
    resolution_pdf = tmp_path / "item1.pdf"
    assert service.papers.print_papers(1, "EMP", 4, resolution_pdf).pages == 4
    election_pdf = tmp_path / "item2.pdf"
    assert service.papers.print_papers(2, "PS", 2, election_pdf, variant="large-print").pages == 2
    rng = random.Random(7)
    resolution_plans: list[list[object]] = [[0], [0], [1, 2], []]  # For, For, two marks, none
    election_plans: list[list[object]] = [[(2, 1), (0, 2)], [(1, 1), (2, 2), (0, 3)]]
    scans = mark_and_scan(service, resolution_pdf, resolution_plans, tmp_path, 4.0, rng)
    scans += mark_and_scan(service, election_pdf, election_plans, tmp_path, -6.5, rng)
    seen: list[str] = []
    summary = service.tellers.read_sheets(scans, progress=lambda n, outcome: seen.append(outcome.reason or "ok"))
    assert summary.pages == 6 and len(seen) == 6
    assert summary.accepted == 4, [o.message_en for o in summary.outcomes]
    assert summary.queued == 2
    # scanning the same batch again counts nothing twice and queues nothing twice
    again = service.tellers.read_sheets(scans)
    assert again.accepted == 0
    assert again.refused["already-counted"] == 4
    assert again.refused["already-queued"] == 2
    pending = service.tellers.pending_sheets()
    assert len(pending) == 2
    assert all(p.image_png and p.image_png.startswith(b"\x89PNG") for p in pending)
    by_reason = {p.reasons[0]: p for p in pending}
    two_marks = by_reason["too many marks"]
    blank = by_reason["no marks"]
    with pytest.raises(RuleError, match="either accept"):
        service.tellers.adjudicate(two_marks.id, by="teller")
    service.tellers.adjudicate(two_marks.id, reject_reason="too-many-votes", by="Gareth Morgan")
    service.tellers.adjudicate(blank.id, reject_reason="unmarked-or-uncertain", by="Gareth Morgan")
    with pytest.raises(RuleError, match="already decided"):
        service.tellers.adjudicate(blank.id, accept_marks=[1], by="teller")
    service.voting.close_vote(1)
    service.voting.close_vote(2)
    after_close = service.tellers.read_sheets(scans)
    assert after_close.queued == 0 and after_close.refused["vote-closed"] == 6
    result = service.results.item_result(1)
    assert result.papers_by_option[0]["EMP"] == 2
    assert result.rejected_by_reason == {"too-many-votes": 1, "unmarked-or-uncertain": 1}
    election = service.results.item_result(2)
    assert election.election is not None
    # rankings read: [Aled, Siân] and [Rhodri, Aled, Siân] (candidates 3,1 and 2,3,1)
    assert election.papers_by_option[2]["PS"] == 1 and election.papers_by_option[1]["PS"] == 1


def test_an_unreadable_page_is_kept_not_dropped(tmp_path: Path) -> None:
    service = small_meeting(tmp_path)
    smudged = tmp_path / "smudged.png"
    page = Image.new("L", (1654, 2339), 255)
    from PIL import ImageDraw

    ImageDraw.Draw(page).rectangle((200, 200, 1400, 900), fill=40)  # a page whose QR is covered by ink
    page.save(smudged)
    blank = tmp_path / "blank.png"
    Image.new("L", (1654, 2339), 255).save(blank)
    summary = service.tellers.read_sheets([smudged, blank])
    assert summary.queued == 2
    kept, back_of_sheet = service.tellers.pending_sheets()
    assert kept.item is None and "unreadable QR code" in kept.reasons
    assert back_of_sheet.reasons == ("blank page",)
    service.tellers.adjudicate(back_of_sheet.id, reject_reason="no-valid-code", by="teller")
    with pytest.raises(RuleError, match="no readable code"):
        service.tellers.adjudicate(kept.id, accept_marks=[1])
    service.tellers.adjudicate(kept.id, reject_reason="no-valid-code", by="teller")
    assert service.tellers.pending_sheets() == []


def test_packs_hold_one_paper_per_item_in_pack_order(tmp_path: Path) -> None:
    service = small_meeting(tmp_path)
    runs = service.papers.print_packs("PS", 3, tmp_path / "packs.pdf")
    assert [r.batch.item for r in runs] == [1, 2]
    assert runs[0].pages == 6
    meeting = service.setup.meeting()
    secret = _secret(service)
    found = []
    for index in range(6):
        gray = rasterise_page((tmp_path / "packs.pdf").read_bytes(), index, 100)
        [code] = zxingcpp.read_barcodes(gray, formats=zxingcpp.BarcodeFormat.QRCode)
        found.append(decode(code.text, secret, meeting.code))
    assert [c.item for c in found] == [1, 2, 1, 2, 1, 2]
    assert [c.serial for c in found if c.item == 1] == list(runs[0].batch.serials)
    assert {c.class_code for c in found} == {"PS"}
