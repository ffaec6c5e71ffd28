"""The candidate booklet, standard and Easy Read: Welsh first, in ballot order, with the photos."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image, ImageDraw

from coopvote.reports.booklet import render_booklet
from tests.test_service_nominations import ON_TIME, meeting


def photo(colour: str) -> bytes:
    image = Image.new("RGB", (240, 300), colour)
    ImageDraw.Draw(image).ellipse([60, 40, 180, 160], fill="#f2d2b6")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def page_text_and_picture(pdf: bytes, picture: Path) -> str:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    page = document[0]
    words = page.get_textpage().get_text_range()
    page.render(scale=1.2).to_pil().save(picture)
    return " ".join(words.split())


def test_the_booklets_put_welsh_first_in_ballot_order_with_photos(tmp_path: Path, artifacts_dir: Path) -> None:
    service = meeting(tmp_path, method="block", seats=2)
    service.nominations.nominate(1, "P4", "P1", "P2", received_on=ON_TIME, statement_cy="Byddaf yn gwrando.",
                                 statement_en="I will listen.", photo_png=photo("#1b7f5f"))
    service.nominations.nominate(1, "E1", "E2", "E3", received_on=ON_TIME, statement_cy="Gwell shifftiau i bawb.",
                                 statement_en="Better shifts for everyone.", photo_png=photo("#2f5fa8"))
    service.nominations.nominate(1, "E4", "E2", "E3", received_on=ON_TIME, statement_cy="Cyfrifon clir.",
                                 statement_en="Clear accounts.")
    service.nominations.withdraw(1, "E4", "withdrew before the close")
    service.nominations.close(1)
    meeting_view = service.setup.meeting()
    item = meeting_view.item(1)
    nominations = service.nominations.nominations(1)
    standard = page_text_and_picture(render_booklet(meeting_view, item, nominations),
                                     artifacts_dir / "booklet-standard.png")
    assert standard.index("Rhodri Evans") < standard.index("Aled Thomas")  # ballot order: Evans, Thomas
    assert standard.index("Gwell shifftiau i bawb.") < standard.index("Better shifts for everyone.")
    assert "Ieuan Bowen" not in standard  # withdrawn before the close
    easy = page_text_and_picture(render_booklet(meeting_view, item, nominations, easy_read=True),
                                 artifacts_dir / "booklet-easy-read.png")
    assert "Dyma Rhodri Evans." in easy and "This is Rhodri Evans." in easy
    assert easy.index("Dyma Aled Thomas.") < easy.index("This is Aled Thomas.")


def test_the_easy_read_counts_its_seats_in_each_languages_grammar(tmp_path: Path, artifacts_dir: Path) -> None:
    """"1 seat", never "1 seats"; Welsh keeps the singular after any numeral ("2 sedd")."""
    for seats in (1, 2):
        service = meeting(tmp_path / str(seats), method="block" if seats > 1 else "fptp", seats=seats)
        meeting_view = service.setup.meeting()
        easy = page_text_and_picture(
            render_booklet(meeting_view, meeting_view.item(1), service.nominations.nominations(1), easy_read=True),
            artifacts_dir / f"booklet-easy-read-{seats}-seats.png")
        service.close()
        if seats == 1:
            assert "1 sedd i'w llenwi. / 1 seat to fill." in easy and "seats" not in easy
        else:
            assert "2 sedd i'w llenwi. / 2 seats to fill." in easy
