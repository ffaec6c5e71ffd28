"""Every variant of the election paper is read by the scanner (issue 12): standard, large print, Easy Read.

Each paper is printed, marked with the test deck's pens, rasterised by pypdfium2, degraded as a scanner
would (skew, upside down, blur, JPEG, noise), read back, and the clear readings counted; the count must
equal the count of what was marked. The Easy Read papers carry candidates' pictures (a photo and initials)
and a worked example with an X in it, which must never be read as a vote.
"""

from __future__ import annotations

import io
import random
from collections import Counter

import pytest
from PIL import Image, ImageDraw

from coopvote.ballots import testdeck as td
from coopvote.ballots.imaging import PageImage
from coopvote.ballots.omr import SheetReading, Verdict, read_page
from coopvote.ballots.omr_layout import question_for_item
from coopvote.ballots.paper import VARIANTS
from coopvote.ballots.pdf_spec import BallotItem, Choice, papers_for
from coopvote.ballots.testdeck_print import teller_lookup
from tests.conftest import ARTIFACTS


def _photo() -> bytes:
    image = Image.new("RGB", (120, 150), "#6d8fa8")
    draw = ImageDraw.Draw(image)
    draw.ellipse((35, 20, 85, 75), fill="#e8c4a0")
    draw.rectangle((20, 85, 100, 150), fill="#223344")
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer.getvalue()


NAMES = ("Siân ap Gwŷn", "Dafydd Llwyd", "Mair Ŵyn Jones", "Rhodri Evans", "Catrin Ffion Davies", "Tomos Prys")
PHOTO = _photo()
CHOICES = tuple(Choice(n, n, photo=PHOTO if i % 3 == 0 else None) for i, n in enumerate(NAMES))
ITEMS = {
    "election": BallotItem(2, "Ethol y bwrdd", "Elect the board", "election", CHOICES, max_marks=2,
                           text_cy="Pwy ddylai fod ar y bwrdd?", text_en="Who should be on the board?"),
    "ranking": BallotItem(3, "Ethol y cyngor", "Elect the council", "ranking", CHOICES[:5], max_marks=5),
}
SCENARIOS = {
    "election": ("clear", "clear", "two", "none", "clear", "stray", "beside", "clear"),
    "ranking": ("clear", "duplicate", "clear", "skip", "none", "clear", "stray", "clear"),
}


def read_variant(kind: str, variant: str, seed: int) -> list[tuple[td.DeckSheet, SheetReading]]:
    rng = random.Random(seed)
    item = ITEMS[kind]
    specs = papers_for(td.DECK_MEETING, item, td.DECK_CLASS, range(500, 500 + len(SCENARIOS[kind])),
                       td.TEST_SECRET, variant)
    papers = [td.DeckPaper(spec=spec, question=question_for_item(item, variant)) for spec in specs]
    printed = td.blank_pdf(papers)
    lookup = teller_lookup([(item, variant, "A4")])
    results = []
    for index, (paper, scenario) in enumerate(zip(papers, SCENARIOS[kind], strict=True)):
        marks, expected, clear, reasons = td.plan_marks(paper, scenario, rng)
        degradation = td.random_degradation(rng)
        image = td.render_sheet(paper, marks, degradation, rng, stray=scenario == "stray", printed=(printed, index))
        sheet = td.DeckSheet(paper=paper, marks=marks, degradation=degradation, image=image,
                             expected_choice=expected, expect_clear=clear, expect_reasons=reasons,
                             label=f"{kind} {variant} {scenario} {degradation.describe()}")
        reading = read_page(PageImage(variant, index, image), lookup)
        assert isinstance(reading, SheetReading), f"{sheet.label}: unreadable ({reading.detail})"
        results.append((sheet, reading))
        if index == 0:
            Image.fromarray(image, mode="L").save(ARTIFACTS / f"test-scan-{kind}-{variant}.png")
    return results


@pytest.mark.parametrize("kind", ["election", "ranking"])
@pytest.mark.parametrize("variant", VARIANTS)
def test_each_variant_is_read_back_and_counts_as_marked(kind: str, variant: str) -> None:
    results = read_variant(kind, variant, seed=len(kind) * 7 + VARIANTS.index(variant))
    counted: Counter[int] = Counter()
    expected_count: Counter[int] = Counter()
    for sheet, reading in results:
        (chosen,) = reading.marks.values()
        if reading.verdict is Verdict.CLEAR:
            assert chosen == sheet.expected_choice, f"{sheet.label}: clear but read {chosen}"
            counted.update(chosen[:1] if kind == "ranking" else chosen)
        if sheet.expect_clear is True:
            assert reading.verdict is Verdict.CLEAR, f"{sheet.label}: sent to adjudication {reading.reasons}"
            expected_count.update(sheet.expected_choice[:1] if kind == "ranking" else sheet.expected_choice)
        if sheet.expect_clear is False:
            assert reading.verdict is Verdict.ADJUDICATE, f"{sheet.label}: guessed {chosen}"
            assert set(sheet.expect_reasons) <= set(reading.reasons), sheet.label
    # The count of first preferences (or of votes) from the scans is the count of what was marked.
    assert counted == expected_count
    assert sum(counted.values()) >= 4


def test_easy_read_example_and_pictures_are_never_read_as_votes() -> None:
    """An unmarked Easy Read paper reads as 'no marks', though its example box holds a printed X."""
    for kind, item in ITEMS.items():
        spec = papers_for(td.DECK_MEETING, item, td.DECK_CLASS, [777], td.TEST_SECRET, "easy-read")[0]
        paper = td.DeckPaper(spec=spec, question=question_for_item(item, "easy-read"))
        image = td.render_sheet(paper, {}, td.Degradation(dpi=200), random.Random(1))
        reading = read_page(PageImage("blank", 0, image), teller_lookup([(item, "easy-read", "A4")]))
        assert isinstance(reading, SheetReading)
        (chosen,) = reading.marks.values()
        assert chosen == () and reading.verdict is Verdict.ADJUDICATE, kind
