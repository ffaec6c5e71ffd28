"""Issue 4, reading half: generate ballots, mark them in code in many styles, degrade them, read them back
and compare with what was marked. Clear marks must always be read right; anything uncertain must go to
adjudication rather than be guessed.

Every sheet starts as a real PDF from ``coopvote.ballots.pdf`` rasterised by pypdfium2; marks are drawn
with pen widths in mm and the page is then skewed, blurred, JPEG-compressed and rescaled.
"""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from coopvote.ballots import testdeck as td
from coopvote.ballots.imaging import PageImage, load_pages
from coopvote.ballots.omr import ReaderOptions, SheetReading, UnreadableSheet, Verdict, read_page
from coopvote.ballots.omr_interpret import Reason
from coopvote.ballots.omr_layout import meeting_lookup
from coopvote.ballots.omr_marks import BoxState

DECK_SIZE = 44
"""Four papers times the eleven scenarios of testdeck.SCENARIOS: every pen and outcome at least once."""
HARSH_SIZE = 12


@pytest.fixture(scope="module")
def lookup():  # type: ignore[no-untyped-def]
    return td.deck_lookup()


@pytest.fixture(scope="module")
def deck() -> list[td.DeckSheet]:
    return td.make_deck(DECK_SIZE, seed=11)


@pytest.fixture(scope="module")
def harsh_deck() -> list[td.DeckSheet]:
    return td.make_deck(HARSH_SIZE, seed=12, harsh=True)


def _check(sheet: td.DeckSheet, reading: SheetReading | UnreadableSheet) -> None:
    where = f"{sheet.label} marks={ {k: v.value for k, v in sheet.marks.items()} }"
    assert isinstance(reading, SheetReading), f"{where}: unreadable ({reading.detail})"
    (chosen,) = reading.marks.values()
    if reading.verdict is Verdict.CLEAR:
        # The one rule that must never bend: a sheet read as clear is read exactly right.
        assert chosen == sheet.expected_choice, f"{where}: clear but read {chosen}"
    if sheet.expect_clear is True:
        assert reading.verdict is Verdict.CLEAR, f"{where}: sent to adjudication {reading.reasons}"
    if sheet.expect_clear is False:
        assert reading.verdict is Verdict.ADJUDICATE, f"{where}: guessed {chosen} instead of adjudication"
        missing = set(sheet.expect_reasons) - set(reading.reasons)
        assert not missing, f"{where}: reasons {reading.reasons} lack {missing}"
    assert reading.qr_text == sheet.paper.qr_text
    expected_orientation = 180 if sheet.degradation.upside_down else 0
    assert reading.orientation == expected_orientation, where
    assert abs(reading.skew_degrees - sheet.degradation.rotation) < 0.5, where


@pytest.mark.slow
@pytest.mark.parametrize("index", range(DECK_SIZE))
def test_deck_sheet_read_back(deck: list[td.DeckSheet], lookup, index: int) -> None:  # type: ignore[no-untyped-def]
    sheet = deck[index]
    _check(sheet, read_page(PageImage("deck", index, sheet.image), lookup))


@pytest.mark.slow
@pytest.mark.parametrize("index", range(HARSH_SIZE))
def test_harsh_deck_sheet_read_back(harsh_deck: list[td.DeckSheet], lookup, index: int) -> None:  # type: ignore[no-untyped-def]
    """Every sheet skewed, blurred and JPEG-compressed at once."""
    sheet = harsh_deck[index]
    _check(sheet, read_page(PageImage("harsh", index, sheet.image), lookup))


def test_deck_covers_the_scenarios(deck: list[td.DeckSheet]) -> None:
    """The parametrised deck really holds every kind of mark and both verdicts (a deck of only clear
    crosses would pass the read-back test while proving nothing)."""
    pens = {pen for sheet in deck for pen in sheet.marks.values()}
    assert set(td.CLEAR_PENS) <= pens
    assert {td.Pen.FAINT_TICK, td.Pen.BESIDE, td.Pen.HALF_OUT, td.Pen.HESITANT, td.Pen.DOT} <= pens
    reasons = {reason for sheet in deck for reason in sheet.expect_reasons}
    assert {Reason.TOO_MANY_MARKS, Reason.NO_MARKS, Reason.MARK_BESIDE_BOX, Reason.RANK_DUPLICATED,
            Reason.RANK_SKIPPED, Reason.DOUBTFUL_MARK} <= reasons
    assert any(s.degradation.upside_down for s in deck) and any(s.degradation.jpeg_quality for s in deck)
    assert {150.0, 200.0, 300.0} <= {s.degradation.dpi for s in deck}


def test_scanned_pdf_batch_reads_every_page(deck: list[td.DeckSheet], lookup, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A sheet feeder's multi-page PDF, rasterised by pypdfium2 as the scan command would."""
    sheets = deck[:6]
    path = tmp_path / "batch.pdf"
    path.write_bytes(td.scanned_pdf(sheets))
    pages = list(load_pages(path, pdf_dpi=200))
    assert [p.page_index for p in pages] == list(range(6))
    for sheet, page in zip(sheets, pages, strict=True):
        reading = read_page(page, lookup)
        assert reading.source == str(path)
        if sheet.expect_clear is True:
            assert isinstance(reading, SheetReading) and reading.is_clear, sheet.label
            assert next(iter(reading.marks.values())) == sheet.expected_choice


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "TIFF"])
def test_image_files_read(lookup, tmp_path: Path, fmt: str) -> None:  # type: ignore[no-untyped-def]
    rng = __import__("random").Random(5)
    paper = td.deck_paper(1, 77)
    sheets = [
        td.render_sheet(paper, {2: td.Pen.CROSS}, td.Degradation(dpi=200, rotation=2.0), rng),
        td.render_sheet(paper, {4: td.Pen.TICK}, td.Degradation(dpi=200, upside_down=True), rng),
    ]
    path = tmp_path / f"scan.{fmt.lower()}"
    images = [Image.fromarray(s).convert("RGB") for s in sheets]
    if fmt == "TIFF":
        images[0].save(path, format=fmt, save_all=True, append_images=images[1:], dpi=(200, 200))
        expected = [(2,), (4,)]
    else:
        images[0].save(path, format=fmt)
        expected = [(2,)]
    readings = [read_page(page, lookup) for page in load_pages(path)]
    assert [r.marks["election"] for r in readings if isinstance(r, SheetReading)] == expected
    assert all(r.is_clear for r in readings)


def test_phone_photo_with_exif_rotation(lookup, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A phone photo: perspective, dark table, uneven light, stored sideways with an EXIF turn."""
    rng = __import__("random").Random(9)
    paper = td.deck_paper(2, 88)
    marks = {(3, 1): td.Pen.CROSS, (0, 2): td.Pen.TICK, (4, 3): td.Pen.FILLED}
    gray = td.render_sheet(paper, marks, td.Degradation(dpi=200, rotation=3.0, photo=True, jpeg_quality=60), rng)
    sideways = Image.fromarray(gray).rotate(90, expand=True)
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90 clockwise to view"
    path = tmp_path / "photo.jpg"
    sideways.save(path, format="JPEG", quality=80, exif=exif)
    (page,) = load_pages(path)
    reading = read_page(page, lookup)
    assert isinstance(reading, SheetReading), getattr(reading, "detail", "")
    assert reading.is_clear, reading.reasons
    assert reading.marks["ranking"] == (3, 0, 4)


def test_sideways_scan_found_by_whole_page_search(lookup) -> None:  # type: ignore[no-untyped-def]
    rng = __import__("random").Random(2)
    paper = td.deck_paper(0, 91)
    gray = td.render_sheet(paper, {0: td.Pen.CROSS}, td.Degradation(dpi=150), rng)
    turned = np.ascontiguousarray(np.rot90(gray))
    reading = read_page(PageImage("sideways", 0, turned), lookup)
    assert isinstance(reading, SheetReading)
    assert reading.marks["resolution"] == (0,) and reading.is_clear
    assert reading.orientation in (90, 270)


def test_unreadable_sheet_keeps_its_picture(lookup) -> None:  # type: ignore[no-untyped-def]
    rng = __import__("random").Random(3)
    paper = td.deck_paper(0, 92)
    gray = td.render_sheet(paper, {1: td.Pen.CROSS}, td.Degradation(dpi=150), rng).copy()
    gray[: gray.shape[0] // 3, gray.shape[1] // 2 :] = 255  # the QR torn off
    reading = read_page(PageImage("torn.png", 3, gray), lookup)
    assert isinstance(reading, UnreadableSheet)
    assert reading.verdict is Verdict.UNREADABLE and reading.reasons == (Reason.UNREADABLE_QR,)
    assert reading.source == "torn.png" and reading.page_index == 3
    kept = Image.open(io.BytesIO(reading.image_png or b""))
    assert kept.size == (gray.shape[1], gray.shape[0])


def test_foreign_or_forged_code_is_not_measured(lookup) -> None:  # type: ignore[no-untyped-def]
    other = meeting_lookup(b"another-meeting-secret-0123", "OTHER", td.paper_for_code)
    rng = __import__("random").Random(4)
    gray = td.render_sheet(td.deck_paper(0, 93), {1: td.Pen.CROSS}, td.Degradation(dpi=150), rng)
    reading = read_page(PageImage("x", 0, gray), other)
    assert isinstance(reading, UnreadableSheet)
    assert reading.reasons == (Reason.UNKNOWN_BALLOT,) and reading.qr_text
    assert "another meeting" in str(reading.detail)


def test_missing_registration_marks_never_clear(lookup) -> None:  # type: ignore[no-untyped-def]
    """With every registration mark covered the boxes far from the QR could be off: measure, but ask."""
    rng = __import__("random").Random(6)
    paper = td.deck_paper(1, 94)
    gray = td.render_sheet(paper, {5: td.Pen.CROSS}, td.Degradation(dpi=200), rng).copy()
    px = 200 / 25.4
    for x, y in ((10, 10), (200, 10), (10, 287), (200, 287)):
        gray[int((y - 5) * px) : int((y + 5) * px), int((x - 5) * px) : int((x + 5) * px)] = 255
    reading = read_page(PageImage("x", 0, gray), lookup)
    assert isinstance(reading, SheetReading)
    assert Reason.POOR_REGISTRATION in reading.reasons and not reading.is_clear
    assert reading.image_png  # the adjudicator gets the picture


def test_box_states_and_crop(deck: list[td.DeckSheet], lookup, artifacts_dir: Path) -> None:  # type: ignore[no-untyped-def]
    """Per-box numbers are kept, and the upright crop for the adjudication queue is the page at 100 dpi.
    A few sheets and crops are saved for a person to look at."""
    saved = 0
    for index, sheet in enumerate(deck):
        reading = read_page(PageImage("deck", index, sheet.image), lookup, ReaderOptions(keep_images="all"))
        assert isinstance(reading, SheetReading)
        for measure in reading.boxes:
            if measure.box_id in sheet.marks and sheet.marks[measure.box_id] in td.CLEAR_PENS:
                assert measure.state is BoxState.MARKED, (sheet.label, measure)
            if measure.box_id not in sheet.marks:
                assert measure.ink_mm2 < 0.5, (sheet.label, measure)
        crop = Image.open(io.BytesIO(reading.image_png or b""))
        assert crop.size == (827, 1169)  # A4 at 100 dpi
        pixels = np.asarray(crop)
        for x_mm, y_mm in ((10, 10), (200, 10), (10, 287), (200, 287)):  # registration mark centres
            r, c = round(y_mm / 25.4 * 100), round(x_mm / 25.4 * 100)
            assert pixels[r - 3 : r + 4, c - 3 : c + 4].mean() < 90, (sheet.label, x_mm, y_mm)
        if saved < 6 and (sheet.degradation.upside_down or sheet.degradation.rotation or sheet.expect_clear is False):
            stem = f"omr_{index:02d}_{sheet.label.split()[1]}_{sheet.label.split()[2]}"
            Image.fromarray(sheet.image).save(artifacts_dir / f"{stem}_scan.png")
            (artifacts_dir / f"{stem}_normalised.png").write_bytes(reading.image_png or b"")
            saved += 1
    assert saved == 6


@pytest.mark.parametrize(("item", "marks", "target", "rotation"), [
    (1, {0: td.Pen.CROSS}, 3, 0.0),
    (2, {(0, 1): td.Pen.CROSS, (1, 2): td.Pen.TICK}, (2, 3), 0.0),
    (0, {1: td.Pen.TICK}, 2, 2.5),
    (2, {(0, 1): td.Pen.FILLED}, (3, 1), -6.0),
])
def test_scanner_streak_through_a_box_is_not_read_as_a_vote(lookup, item, marks, target, rotation) -> None:  # type: ignore[no-untyped-def]
    """A dirty feeder draws a line down the picture; where it crosses an empty box that box must not
    become a vote."""
    from coopvote.ballots.layout import layout_for

    paper = td.deck_paper(item, 400 + item)
    box = layout_for(paper.question.form).box(target)
    degradation = td.Degradation(dpi=150, rotation=rotation, streak_at_mm=box.centre, jpeg_quality=35)
    gray = td.render_sheet(paper, marks, degradation, __import__("random").Random(item))
    reading = read_page(PageImage("streak", 0, gray), lookup)
    assert isinstance(reading, SheetReading)
    assert reading.verdict is Verdict.ADJUDICATE and Reason.SCANNER_STREAK in reading.reasons
    assert reading.box(target).streak and reading.box(target).state is BoxState.DOUBTFUL


def test_sheet_partly_outside_the_picture_is_never_clear(lookup) -> None:  # type: ignore[no-untyped-def]
    """A photo that cut off the bottom of the paper: the last boxes cannot be seen, so no verdict."""
    rng = __import__("random").Random(8)
    paper = td.deck_paper(1, 95)
    gray = td.render_sheet(paper, {0: td.Pen.CROSS}, td.Degradation(dpi=150), rng)
    cut = np.ascontiguousarray(gray[: int(gray.shape[0] * 0.62)])
    reading = read_page(PageImage("cut", 0, cut), lookup)
    assert isinstance(reading, SheetReading)
    assert Reason.POOR_REGISTRATION in reading.reasons and not reading.is_clear


@pytest.mark.parametrize(("item_index", "variant", "page_size", "marks", "expected"), [
    (0, "easy-read", "A4", {1: td.Pen.TICK}, (1,)),
    (1, "easy-read", "Letter", {0: td.Pen.CROSS, 3: td.Pen.SMALL_TICK}, (0, 3)),
    (2, "large-print", "Letter", {(4, 1): td.Pen.CROSS, (0, 2): td.Pen.FILLED}, (4, 0)),
    (0, "standard", "Letter", {2: td.Pen.BLUE_CROSS}, (2,)),
])
def test_every_variant_and_page_size(item_index, variant, page_size, marks, expected) -> None:  # type: ignore[no-untyped-def]
    """The QR code says the variant and page size; the reader lays the paper out from that."""
    from coopvote.ballots.omr_layout import question_for_item
    from coopvote.ballots.pdf_spec import papers_for

    item, _ = td.deck_items()[item_index]
    spec = papers_for(td.DECK_MEETING, item, td.DECK_CLASS, [700 + item_index], td.TEST_SECRET,
                      variant=variant, page_size=page_size)[0]
    paper = td.DeckPaper(spec=spec, question=question_for_item(item, variant, page_size))
    degradation = td.Degradation(dpi=150, rotation=-3.5, upside_down=item_index == 1, jpeg_quality=30)
    gray = td.render_sheet(paper, marks, degradation, __import__("random").Random(item_index))
    reading = read_page(PageImage("variant", 0, gray), td.deck_lookup())
    assert isinstance(reading, SheetReading)
    assert reading.is_clear, reading.reasons
    assert next(iter(reading.marks.values())) == expected


def test_blank_back_of_a_duplex_scan_is_told_apart(lookup) -> None:  # type: ignore[no-untyped-def]
    """A duplex scanner delivers the blank backs too: kept, but labelled so they can be set aside
    together, and never confused with a ballot whose QR code failed."""
    rng = np.random.default_rng(1)
    back = np.clip(240 + rng.normal(0, 6, (1754, 1240)), 0, 255).astype(np.uint8)
    back[900:904, 300:380] = 70  # a little show-through
    reading = read_page(PageImage("duplex.pdf", 1, back), lookup)
    assert isinstance(reading, UnreadableSheet) and reading.reasons == (Reason.BLANK_PAGE,)
    assert reading.image_png
