"""Hostile scans: a decompression bomb, a 21-metre PDF page or a nonsense --dpi is refused with a reason,
and the files after it in the batch are still read."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from coopvote.ballots.imaging import MIN_PDF_DPI, load_pages, pdf_render_dpi, scan_paths
from coopvote.cli import main as cli
from coopvote.errors import InputError
from reliability.hostile import giant_pdf_page, png_bomb, run_bounded
from tests.helpers import small_meeting


@pytest.fixture(scope="module")
def bomb_png(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("bombs") / "bomb.png"
    path.write_bytes(png_bomb(30_000, 30_000))
    return path


def test_a_png_bomb_is_refused_from_its_header_within_a_memory_limit(bomb_png: Path) -> None:
    code = (
        "from coopvote.ballots.imaging import load_pages\n"
        "from coopvote.errors import InputError\n"
        "try:\n"
        f"    list(load_pages({str(bomb_png)!r}))\n"
        "except InputError as error:\n"
        "    print('REFUSED', error)\n"
    )
    result = run_bounded(code, memory_bytes=1 << 30, timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "REFUSED" in result.stdout and "too large" in result.stdout and "bomb.png" in result.stdout


def test_a_real_bomb_under_a_low_limit_is_refused_before_decoding(tmp_path: Path) -> None:
    path = tmp_path / "small-bomb.png"
    path.write_bytes(png_bomb(3000, 3000))
    problems: list[InputError] = []
    assert list(scan_paths([path], on_unreadable=problems.append, max_pixels=1_000_000)) == []
    assert len(problems) == 1 and "small-bomb.png" in str(problems[0]) and "3,000 x 3,000" in str(problems[0])


def test_a_png_whose_header_lies_about_its_height_is_read_or_refused_never_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "liar.png"
    path.write_bytes(png_bomb(2000, 2000, rows=10))
    try:
        pages = list(load_pages(path))
    except InputError as error:
        assert "liar.png" in str(error)
    else:  # PIL pads a cut-short picture with its last row: one page of the size the header claims
        assert len(pages) == 1 and pages[0].gray.shape == (2000, 2000)


def test_a_giant_pdf_page_is_refused_and_a_large_one_rendered_within_the_budget(tmp_path: Path) -> None:
    path = tmp_path / "giant.pdf"
    path.write_bytes(giant_pdf_page(60_000))
    with pytest.raises(InputError, match=r"giant.pdf, page 1: the page is 21\.17 m x 21\.17 m"):
        list(load_pages(path))
    # an A0 poster at 300 dpi would be 140 million pixels: read at a lower resolution that fits instead
    dpi = pdf_render_dpi(2384, 3370, 300, 120_000_000, "poster")
    assert MIN_PDF_DPI <= dpi < 300 and 2384 * 3370 * (dpi / 72) ** 2 <= 120_000_000
    with pytest.raises(InputError, match="no usable size"):
        pdf_render_dpi(0, 842, 150, 120_000_000, "empty")


@pytest.mark.parametrize("dpi", ["0", "-5", "nan", "inf", "abc", "1e9"])
def test_a_nonsense_dpi_is_refused_by_the_command_line(tmp_path: Path, dpi: str, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "page.png"
    Image.new("L", (20, 20), 255).save(page)
    with pytest.raises(SystemExit) as stopped:
        cli(["scan", str(tmp_path / "m.coopvote"), str(page), "--dpi", dpi])
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "--dpi" in err and "50 to 1200" in err and "Traceback" not in err


def test_read_sheets_refuses_an_unusable_dpi_with_a_reason(tmp_path: Path) -> None:
    service = small_meeting(tmp_path)
    with pytest.raises(InputError, match="50 to 1200"):
        service.tellers.read_sheets([tmp_path], pdf_dpi=float("nan"))
    service.close()


def test_a_batch_goes_on_past_every_bad_file(tmp_path: Path, bomb_png: Path) -> None:
    service = small_meeting(tmp_path)
    service.close()
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "a-bomb.png").write_bytes(bomb_png.read_bytes())
    (batch / "b-giant.pdf").write_bytes(giant_pdf_page(60_000))
    (batch / "c-notes.png").write_bytes(b"this is not a picture")
    Image.new("L", (400, 560), 255).save(batch / "d-blank.png")
    code = (
        "from coopvote.cli import main\n"
        f"raise SystemExit(main(['scan', {str(tmp_path / 'small.coopvote')!r}, *{sorted(map(str, batch.iterdir()))!r}]))\n"
    )
    result = run_bounded(code, memory_bytes=2 << 30, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Traceback" not in result.stderr
    out = result.stdout
    assert "4 sheets read" in out
    for name in ("a-bomb.png", "b-giant.pdf", "c-notes.png"):
        assert f"refused (unreadable-file): {batch / name}" in out, out
    assert out.count("refused (unreadable-file)") == 3  # the blank sheet after them was read, not refused unread
