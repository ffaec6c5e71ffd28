"""Printed ballots: rendered, rasterised and read back as a scanner would see them.

Every check works on real renderings (pypdfium2) and real decoding (zxing-cpp); PNGs of each kind and
variant land in tests/_artifacts for a person to look at.
"""

from __future__ import annotations

import io
import itertools
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
import zxingcpp
from PIL import Image

from coopvote.ballots.layout import (
    QR_QUIET_MM,
    PaperForm,
    PaperLayout,
    Rect,
    kind_for_method,
    layout_for,
    slip_layout,
)
from coopvote.ballots.paper import VARIANTS
from coopvote.ballots.pdf import render_papers
from coopvote.ballots.pdf_slips import render_slips
from coopvote.ballots.pdf_spec import (
    BallotItem,
    Choice,
    MeetingInfo,
    PaperSpec,
    VotingClass,
    collate_packs,
    papers_for,
    resolution_item,
    slips_for,
)
from coopvote.ballots.qrcodec import decode, shuffled_serials
from coopvote.errors import InputError

SECRET = b"meeting-secret-for-tests-0123456789"
DPI = 150
PX_PER_MM = DPI / 25.4
MEETING = MeetingInfo("AGM2026", "Cyfarfod Cyffredinol Blynyddol 2026", "Annual General Meeting 2026")
CLASS = VotingClass("PS", "Pobl a gefnogir", "People supported", "#1b9e77")
NAMES = ("Gwenllian ap Dafydd", "Rhodri Ŵyn Jones", "Siân Prŷs", "Mary O'Connor", "Olusegun Adeyemi",
         "Ffion Llŷr")
CANDIDATES = tuple(Choice(name, name) for name in NAMES)
ITEMS = {
    "resolution": resolution_item(4, "Derbyn yr adroddiad blynyddol a’r cyfrifon", "Receive the annual report"),
    "election": BallotItem(5, "Ethol cyfarwyddwyr i’r bwrdd", "Elect directors to the board", "election",
                           CANDIDATES, max_marks=2),
    "ranking": BallotItem(6, "Ethol cadeirydd y gymdeithas", "Elect the society's chair", "ranking", CANDIDATES,
                          ranks=4),
}


def rasterise(pdf: bytes | Path, page: int = 0, grey: bool = True) -> np.ndarray:
    document = pdfium.PdfDocument(pdf if isinstance(pdf, bytes) else str(pdf))
    bitmap = document[page].render(scale=DPI / 72, grayscale=grey)
    image = bitmap.to_pil()
    return np.asarray(image.convert("L") if grey else image.convert("RGB"))


def px(value_mm: float) -> int:
    return int(round(value_mm * PX_PER_MM))


def qr_codes(image: np.ndarray) -> list[zxingcpp.Barcode]:
    return zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)


def render(papers: list[PaperSpec]) -> bytes:
    out = io.BytesIO()
    render_papers(papers, out)
    return out.getvalue()


def assert_box_drawn_where_laid_out(image: np.ndarray, rect: Rect, where: str) -> None:
    """The box's outline is dark at each edge's midpoint and its inside is blank paper."""
    cx, cy = rect.centre
    for x, y in ((cx, rect.y), (cx, rect.bottom), (rect.x, cy), (rect.right, cy)):
        assert image[px(y), px(x)] < 110, f"{where}: no dark outline at ({x:.1f}, {y:.1f}) mm"
    inner = rect.inset(0.2)
    inside = image[px(inner.y):px(inner.bottom), px(inner.x):px(inner.right)]
    assert inside.mean() > 245, f"{where}: box interior is not blank"


@pytest.mark.parametrize(("kind", "variant"), list(itertools.product(ITEMS, VARIANTS)))
def test_each_kind_and_variant_prints_readable_code_and_boxes_where_laid_out(
    kind: str, variant: str, artifacts_dir: Path
) -> None:
    item = ITEMS[kind]
    paper = papers_for(MEETING, item, CLASS, [4321], SECRET, variant)[0]
    data = render([paper])
    image = rasterise(data)
    Image.fromarray(image).save(artifacts_dir / f"ballot-{kind}-{variant}.png")
    found = qr_codes(image)
    assert [code.text for code in found] == [paper.qr_text]
    decoded = decode(found[0].text, SECRET, MEETING.code)
    assert (decoded.variant, decoded.page_size, decoded.serial) == (variant, "A4", 4321)
    # The reader recomputes the layout from the code plus the item, and gets the printed one.
    layout = layout_for(PaperForm.from_code(decoded, item.kind, len(item.choices), item.ranks))
    assert layout == layout_for(paper)
    position = found[0].position
    seen = [(p.x, p.y) for p in (position.top_left, position.top_right, position.bottom_right,
                                 position.bottom_left)]
    for (sx, sy), (lx, ly) in zip(seen, layout.qr.corners(), strict=True):
        assert abs(sx - lx * PX_PER_MM) <= 2.0 and abs(sy - ly * PX_PER_MM) <= 2.0
    for mark in layout.marks:
        assert image[px(mark.centre[1]), px(mark.centre[0])] < 40
    for answer in layout.boxes:
        assert_box_drawn_where_laid_out(image, answer.rect, f"{kind} {variant} box {answer.id}")
    expected = len(item.choices) * (layout.form.columns or 1)
    assert len(layout.boxes) == expected


def test_class_band_is_in_the_class_colour_on_every_paper() -> None:
    layout = layout_for(papers_for(MEETING, ITEMS["election"], CLASS, [1], SECRET)[0])
    for colour in ("#1b9e77", "#d95f02", "#7570b3"):
        voting_class = VotingClass("C1", "Dosbarth", "Class", colour)
        paper = papers_for(MEETING, ITEMS["election"], voting_class, [1], SECRET)[0]
        rgb = rasterise(render([paper]), grey=False)
        want = np.array([int(colour[i:i + 2], 16) for i in (1, 3, 5)])
        for band in (layout.band, layout.foot_band):
            sample = rgb[px(band.y + 1), px(band.x + 5)]
            assert np.abs(sample.astype(int) - want).max() <= 6, (colour, sample)


def test_easy_read_pictures_show_for_against_abstain_colours() -> None:
    paper = papers_for(MEETING, ITEMS["resolution"], CLASS, [1], SECRET, "easy-read")[0]
    layout = layout_for(paper)
    rgb = rasterise(render([paper]), grey=False).astype(int)
    assert len(layout.pictures) == 3
    means = [rgb[px(r.y):px(r.bottom), px(r.x):px(r.right)].reshape(-1, 3).mean(axis=0) for r in layout.pictures]
    assert means[0][1] > means[0][0] + 10  # green thumb up
    assert means[1][0] > means[1][1] + 10  # red thumb down
    assert abs(means[2][0] - means[2][1]) < 10  # grey sideways thumb
    assert all(m.mean() < 240 for m in means)


def _font_sizes_of(page: pdfium.PdfPage, needle: str) -> list[float]:
    textpage = page.get_textpage()
    searcher = textpage.search(needle, match_case=True)
    found = searcher.get_next()
    assert found, f"{needle!r} not found in the text layer"
    start, count = found
    return [pdfium_c.FPDFText_GetFontSize(textpage.raw, i) for i in range(start, start + count)]


def test_welsh_text_is_extractable_first_and_at_equal_size() -> None:
    paper = papers_for(MEETING, ITEMS["election"], CLASS, [1], SECRET)[0]
    document = pdfium.PdfDocument(render([paper]))
    page = document[0]
    text = page.get_textpage().get_text_range()
    for welsh in ("Rhodri Ŵyn Jones", "Siân Prŷs", "Ffion Llŷr", "Pleidleisiwch dros hyd at 2", "i’r bwrdd"):
        assert welsh in text, welsh
    assert text.index("Pleidleisiwch") < text.index("Vote for up to 2")
    assert text.index("Eitem 5") < text.index("Item 5")
    assert _font_sizes_of(page, "Pleidleisiwch")[0] == _font_sizes_of(page, "Vote for")[0]
    assert _font_sizes_of(page, "Eitem 5:")[0] == _font_sizes_of(page, "Item 5:")[0]
    resolution = papers_for(MEETING, ITEMS["resolution"], CLASS, [1], SECRET)[0]
    res_page = pdfium.PdfDocument(render([resolution]))[0]
    assert set(_font_sizes_of(res_page, "O blaid")) == set(_font_sizes_of(res_page, "For"))


@pytest.mark.parametrize(("variant", "minimum"), [("large-print", 16.0), ("easy-read", 14.0)])
def test_accessible_variants_keep_their_minimum_sizes(variant: str, minimum: float) -> None:
    for item in ITEMS.values():
        paper = papers_for(MEETING, item, CLASS, [1], SECRET, variant)[0]
        page = pdfium.PdfDocument(render([paper]))[0]
        labels = [c.label_cy for c in item.choices] if item.kind != "resolution" else ["O blaid", "For"]
        for label in labels + [f"Eitem {item.number}:", f"Item {item.number}:"]:
            assert min(_font_sizes_of(page, label)) >= minimum - 0.01, (variant, item.kind, label)


def test_fonts_are_embedded_dejavu() -> None:
    paper = papers_for(MEETING, ITEMS["ranking"], CLASS, [1], SECRET, "large-print")[0]
    data = render([paper])
    assert data.count(b"/FontFile2") >= 2
    assert b"DejaVuSans" in data and b"DejaVuSans-Bold" in data
    assert b"/BaseFont /Helvetica" not in data


def test_batch_prints_in_given_shuffled_order_and_collates_packs() -> None:
    serials = shuffled_serials(6, 101, b"print-run-1")
    batches = [papers_for(MEETING, ITEMS[k], CLASS, serials, SECRET) for k in ("resolution", "election")]
    papers = collate_packs(batches)
    data = render(papers)
    document = pdfium.PdfDocument(data)
    assert len(document) == 12
    seen = []
    for index in range(len(document)):
        code = decode(qr_codes(rasterise(data, index))[0].text, SECRET, MEETING.code)
        seen.append((code.item, code.serial))
    assert seen == [(item, serial) for serial in serials for item in (4, 5)]
    with pytest.raises(InputError):
        collate_packs([batches[0], batches[1][:3]])


def test_letter_pages_are_letter_sized_and_readable() -> None:
    paper = papers_for(MEETING, ITEMS["election"], CLASS, [9], SECRET, "standard", "letter")[0]
    data = render([paper])
    width, height = pdfium.PdfDocument(data)[0].get_size()
    assert (round(width), round(height)) == (612, 792)
    image = rasterise(data)
    assert decode(qr_codes(image)[0].text, SECRET, MEETING.code).page_size == "Letter"
    for answer in layout_for(paper).boxes:
        assert_box_drawn_where_laid_out(image, answer.rect, f"letter box {answer.id}")


@pytest.mark.parametrize("variant", VARIANTS)
def test_vote_slips_carry_one_code_per_option(variant: str, artifacts_dir: Path) -> None:
    item = ITEMS["resolution"]
    sheets = slips_for(MEETING, item, CLASS, [77, 78], SECRET, variant)
    out = io.BytesIO()
    assert render_slips(sheets, out) == 2
    for page_index, sheet in enumerate(sheets):
        image = rasterise(out.getvalue(), page_index)
        if page_index == 0:
            Image.fromarray(image).save(artifacts_dir / f"slips-{variant}.png")
        codes = sorted(qr_codes(image), key=lambda c: c.position.top_left.y)
        assert [c.text for c in codes] == list(sheet.qr_texts)
        decoded = [decode(c.text, SECRET, MEETING.code) for c in codes]
        assert [(d.option, d.serial) for d in decoded] == [(0, sheet.serial), (1, sheet.serial), (2, sheet.serial)]
    text = pdfium.PdfDocument(out.getvalue())[0].get_textpage().get_text_range()
    assert "Yn erbyn" in text and "Against" in text and "Rhwygwch yma" in text


def test_slips_for_many_options_run_over_pages() -> None:
    item = BallotItem(7, "Dewis lleoliad", "Choose a venue", "election", CANDIDATES[:5], max_marks=1)
    layout = slip_layout(5)
    assert layout.pages == 2
    out = io.BytesIO()
    assert render_slips(slips_for(MEETING, item, CLASS, [5], SECRET), out) == 2
    assert len(qr_codes(rasterise(out.getvalue(), 1))) == 2


def test_too_many_options_fail_before_writing(tmp_path: Path) -> None:
    many = tuple(Choice(f"Ymgeisydd {n}", f"Ymgeisydd {n}") for n in range(20))
    item = BallotItem(8, "Ethol", "Elect", "election", many, max_marks=3)
    target = tmp_path / "papers.pdf"
    with pytest.raises(InputError, match="do not fit"):
        render_papers(papers_for(MEETING, item, CLASS, [1], SECRET, "large-print"), target)
    assert not target.exists()
    long_title = BallotItem(9, "Teitl " * 80, "Title " * 80, "resolution", ITEMS["resolution"].choices)
    with pytest.raises(InputError, match="item 9"):
        render_papers(papers_for(MEETING, long_title, CLASS, [1], SECRET, "large-print"), target)
    assert not target.exists()
    with pytest.raises(InputError):
        render_papers([], target)


def test_output_is_deterministic_and_written_to_paths(tmp_path: Path) -> None:
    papers = papers_for(MEETING, ITEMS["ranking"], CLASS, [3, 1, 2], SECRET)
    assert render(papers) == render(papers)
    target = tmp_path / "out.pdf"
    assert render_papers(papers, target) == 3
    assert target.read_bytes() == render(papers)


def _overlaps(a: Rect, b: Rect) -> bool:
    return a.x < b.right and b.x < a.right and a.y < b.bottom and b.y < a.bottom


@pytest.mark.parametrize(("kind", "variant", "page"), list(itertools.product(
    ("resolution", "election", "ranking"), VARIANTS, ("A4", "Letter"))))
def test_layout_is_consistent(kind: str, variant: str, page: str) -> None:
    options = 3 if kind == "resolution" else 8
    form = PaperForm(kind, options, 0, variant, page)  # type: ignore[arg-type]
    layout: PaperLayout = layout_for(form)
    assert layout == layout_for(form)
    page_rect = Rect(0, 0, layout.width, layout.height)
    quiet = Rect(layout.qr.x - QR_QUIET_MM + 1, layout.qr.y - QR_QUIET_MM + 1,
                 layout.qr.w + 2 * QR_QUIET_MM - 2, layout.qr.h + 2 * QR_QUIET_MM - 2)
    others = [layout.band, layout.foot_band, layout.serial_area, layout.title_area, layout.instructions_area,
              *layout.marks, *layout.rows]
    for element in others:
        assert not _overlaps(element, quiet), element
    boxes = [answer.rect for answer in layout.boxes]
    for a, b in itertools.combinations(boxes, 2):
        assert not _overlaps(a, b)
    for rect in boxes + others:
        assert rect.x >= 0 and rect.right <= page_rect.right and rect.y >= 0 and rect.bottom <= page_rect.bottom
    for label, row in zip(layout.labels, layout.rows, strict=True):
        row_boxes = [a.rect for a in layout.boxes if a.rect.y >= row.y and a.rect.bottom <= row.bottom]
        assert row_boxes and all(label.right < box.x for box in row_boxes)
    ids = [answer.id for answer in layout.boxes]
    assert len(set(ids)) == len(ids)
    if kind == "ranking":
        assert ids[:2] == [(0, 1), (0, 2)] and layout.box((1, 3)) is not None


def test_kind_for_method() -> None:
    assert [kind_for_method(m) for m in ("fptp", "block", "approval", "irv", "stv", "meek-stv", "")] == [
        "election", "election", "election", "ranking", "ranking", "ranking", "resolution"]


def test_fixed_mask_code_survives_a_poor_scan() -> None:
    """Rotated, blurred and heavily JPEG-compressed, as a phone or cheap scanner might deliver it."""
    from PIL import ImageFilter

    paper = papers_for(MEETING, ITEMS["ranking"], CLASS, [98765], SECRET)[0]
    image = Image.fromarray(rasterise(render([paper])))
    for angle, blur, quality in ((4, 1.0, 30), (-7, 1.5, 20), (180, 0.8, 40)):
        degraded = image.rotate(angle, expand=True, fillcolor=255).filter(ImageFilter.GaussianBlur(blur))
        buffer = io.BytesIO()
        degraded.save(buffer, "JPEG", quality=quality)
        scanned = np.asarray(Image.open(io.BytesIO(buffer.getvalue())).convert("L"))
        assert [c.text for c in qr_codes(scanned)] == [paper.qr_text], (angle, blur, quality)


def test_membership_cards_carry_only_the_member_number(artifacts_dir: Path) -> None:
    from coopvote.ballots.pdf_cards import cards_for, render_cards
    from coopvote.ballots.qrcodec import decode_card

    members = [(f"M{100 + i}", name, CLASS) for i, name in enumerate(NAMES * 2)]
    cards = cards_for(MEETING, members, SECRET)
    out = io.BytesIO()
    assert render_cards(cards, out) == 2
    data = out.getvalue()
    first = rasterise(data, 0)
    Image.fromarray(first).save(artifacts_dir / "membership-cards.png")
    read = []
    for page in (0, 1):
        codes = sorted(qr_codes(rasterise(data, page)), key=lambda c: (round(c.position.top_left.y / 50),
                                                                       c.position.top_left.x))
        read += [decode_card(c.text, SECRET, MEETING.code).member for c in codes]
    assert read == [number for number, _, _ in members]
    assert all(NAMES[0].upper() not in card.qr_text for card in cards)
    text = pdfium.PdfDocument(data)[0].get_textpage().get_text_range()
    assert "Rhodri Ŵyn Jones" in text and "Cerdyn aelodaeth" in text


def test_letters_the_font_lacks_are_refused_not_printed_as_boxes(tmp_path: Path) -> None:
    item = BallotItem(10, "Ethol", "Elect", "election", (Choice("王小明", "王小明"), Choice("Siân", "Siân")))
    target = tmp_path / "papers.pdf"
    with pytest.raises(InputError, match="U\\+738B"):
        render_papers(papers_for(MEETING, item, CLASS, [1], SECRET), target)
    assert not target.exists()
