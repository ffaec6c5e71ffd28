"""Candidates' photos (issue 12): named beside the definition, checked at creation, printed on Easy Read."""

from __future__ import annotations

import io
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PIL import Image

from coopvote.errors import InputError
from coopvote.meeting.spec import load_spec, parse_spec
from coopvote.service import MeetingService
from tests.helpers import SMALL_REGISTER, SMALL_SPEC

CANDIDATES = 'candidates = [{ name = "Siân ap Gwŷn", class = "PS" }, { name = "Rhodri Evans", class = "EMP" }, "Aled Thomas"]'


def photo_bytes(size: tuple[int, int] = (120, 150), kind: str = "PNG") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "#5577aa").save(buffer, kind)
    return buffer.getvalue()


def spec_with_photo(folder: Path, photo: str) -> Path:
    assert CANDIDATES in SMALL_SPEC
    text = SMALL_SPEC.replace(CANDIDATES, CANDIDATES.replace('class = "PS" }', f'class = "PS", photo = "{photo}" }}'))
    path = folder / "meeting.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_photo_beside_the_definition_is_kept_and_printed_on_easy_read_only(tmp_path: Path, artifacts_dir: Path) -> None:
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "sian.jpg").write_bytes(photo_bytes(kind="JPEG"))
    spec = load_spec(spec_with_photo(tmp_path, "photos/sian.jpg"))
    assert list(spec.items[1].settings["photos"]) == ["Siân ap Gwŷn"]
    service = MeetingService.create(tmp_path / "m.coopvote", spec)
    service.setup.import_register(SMALL_REGISTER.encode(), "members.csv")
    easy, standard = tmp_path / "easy.pdf", tmp_path / "standard.pdf"
    service.papers.print_papers(2, "PS", 1, easy, variant="easy-read")
    service.papers.print_papers(2, "PS", 1, standard)
    service.close()
    pdfium.PdfDocument(easy.read_bytes())[0].render(scale=1.5).to_pil().save(artifacts_dir / "test-easy-read-photo.png")
    assert b"/Subtype /Image" in easy.read_bytes()
    assert b"/Subtype /Image" not in standard.read_bytes()
    text = pdfium.PdfDocument(easy.read_bytes())[0].get_textpage().get_text_range()
    assert "RE" in text and "AT" in text  # the others have their initials in a circle


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (None, "no such file"),
        (lambda p: p.write_text("not an image"), "is not a PNG or JPEG image"),
        (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 40), "the image cannot be read"),
        (lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 1_000_001), "a photo may be up to 1,000,000"),
        (lambda p: p.write_bytes(photo_bytes((10, 10))), "10 x 10 pixels"),
    ],
)
def test_a_bad_photo_is_refused_naming_the_candidate_and_file(tmp_path: Path, make, expected: str) -> None:  # type: ignore[no-untyped-def]
    photo = tmp_path / "sian.png"
    if make is not None:
        make(photo)
    with pytest.raises(InputError) as refused:
        load_spec(spec_with_photo(tmp_path, "sian.png"))
    message = str(refused.value)
    assert expected in message and "sian.png" in message and "candidate 1" in message


def test_photo_must_be_text_and_needs_the_definition_file(tmp_path: Path) -> None:
    text = spec_with_photo(tmp_path, "sian.png").read_text(encoding="utf-8")
    with pytest.raises(InputError, match="photos are found beside the definition file"):
        parse_spec(text, "typed")
    with pytest.raises(InputError, match=r"candidates\[1\]\.photo"):
        parse_spec(text.replace('photo = "sian.png"', "photo = 3"), "typed")


def test_a_photo_cut_short_is_refused_in_words_not_with_pillows_buffer_object() -> None:
    """A PNG cut after its signature: Pillow says "cannot identify image file <_io.BytesIO object at 0x...>";
    the person is told what is wrong with the file instead, in each language."""
    from coopvote.errors import InputError
    from coopvote.meeting.photos import check_photo

    cut = b"\x89PNG\r\n\x1a\n" + b"not the rest of a picture" * 2
    with pytest.raises(InputError) as refused:
        check_photo(cut, "ffoto.png")
    for language in ("cy", "en"):
        words = refused.value.render(language)
        assert words.startswith("ffoto.png: ") and "BytesIO" not in words and "0x" not in words
    assert "cut short or damaged" in refused.value.render("en")
