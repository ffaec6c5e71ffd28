"""Photos given with a nomination go on the Easy Read ballot paper (issue 14), and the paper still reads.

The round trip is the real one: nominate with photos, close nominations, print Easy Read papers through
the service, rasterise them with pdfium, mark and scan them, read them with the teller's reader, count.
"""

from __future__ import annotations

import io
import random
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image, ImageDraw

from coopvote.errors import InputError
from tests.test_service_nominations import ON_TIME, meeting
from tests.test_service_sheets import mark_and_scan


def portrait(background: str, face: str) -> bytes:
    """A dark, high-contrast picture: the worst case for a mark reader sitting beside it."""
    image = Image.new("RGB", (240, 300), background)
    draw = ImageDraw.Draw(image)
    draw.ellipse((60, 50, 180, 190), fill=face)
    draw.rectangle((30, 210, 210, 300), fill=face)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


def test_nominated_photos_print_on_easy_read_and_the_papers_read_and_count(tmp_path: Path, artifacts_dir: Path) -> None:
    service = meeting(tmp_path)
    service.nominations.nominate(1, "E1", "E2", "E3", received_on=ON_TIME, photo_png=portrait("#202020", "#e0c0a0"))
    service.nominations.nominate(1, "E4", "E2", "E3", received_on=ON_TIME)
    service.nominations.nominate(1, "E2", "E1", "E3", received_on=ON_TIME)
    service.nominations.set_statement(1, "E2", "", "", photo_png=portrait("#1b3f7f", "#f0e0d0"))
    closed = service.nominations.close(1)
    assert closed.order == ("Ieuan Bowen", "Catrin Davies", "Rhodri Evans")
    photos = service.setup.meeting().item(1).settings["photos"]
    assert sorted(photos) == ["Catrin Davies", "Rhodri Evans"]  # Ieuan Bowen gave none: initials

    service.voting.open_vote(1, not_quorate_reason="test meeting: quorum not under test")
    easy, standard = tmp_path / "easy.pdf", tmp_path / "standard.pdf"
    assert service.papers.print_papers(1, "EMP", 4, easy, variant="easy-read").pages == 4
    service.papers.print_papers(1, "EMP", 1, standard)
    assert easy.read_bytes().count(b"/Subtype /Image") >= 2
    assert b"/Subtype /Image" not in standard.read_bytes()
    document = pdfium.PdfDocument(easy.read_bytes())
    document[0].render(scale=1.5).to_pil().save(artifacts_dir / "test-easy-read-nominated-photos.png")
    printed = document[0].get_textpage().get_text_range()
    document.close()
    assert "IB" in printed  # the candidate without a photo keeps their initials in a circle

    # ballot order: 0 Ieuan Bowen, 1 Catrin Davies, 2 Rhodri Evans
    plans: list[list[object]] = [[2], [1], [2], [0]]
    scans = mark_and_scan(service, easy, plans, tmp_path, 3.0, random.Random(14))
    summary = service.tellers.read_sheets(scans)
    assert summary.accepted == 4, [o.message_en for o in summary.outcomes]
    service.voting.close_vote(1)
    result = service.results.item_result(1)
    assert [result.papers_by_option[option]["EMP"] for option in range(3)] == [1, 1, 2]
    service.close()


def test_a_nomination_photo_that_is_not_an_image_is_refused_naming_the_candidate(tmp_path: Path) -> None:
    service = meeting(tmp_path)
    with pytest.raises(InputError, match=r"the photo of Rhodri Evans \(E1\): is not a PNG or JPEG image"):
        service.nominations.nominate(1, "E1", "E2", "E3", received_on=ON_TIME, photo_png=b"GIF89a not a photo")
    assert service.nominations.nominations(1) == []
    service.nominations.nominate(1, "E1", "E2", "E3", received_on=ON_TIME)
    with pytest.raises(InputError, match=r"the photo of Rhodri Evans \(E1\): 10 x 10 pixels"):
        tiny = io.BytesIO()
        Image.new("RGB", (10, 10)).save(tiny, "PNG")
        service.nominations.set_statement(1, "E1", "", "", photo_png=tiny.getvalue())
    service.close()
