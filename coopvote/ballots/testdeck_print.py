"""A test deck tellers print, feed through the meeting's scanner, and check before the doors open.

The deck copies the meeting's papers (same kinds, option counts, variants and page sizes, so the same
layouts) but carries the test meeting's code and seal: a test paper can never be counted as a vote of
the real meeting, whose reader refuses it as "another meeting". Each sheet is marked in code, some
plainly and some so that a person must decide, and the key says what reading each must give. After
scanning, ``check_deck`` compares the readings with the key and lists every difference in words.
"""

from __future__ import annotations

import io
import random
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass

from PIL import Image

from coopvote.ballots.omr import GeometryLookup, SheetReading, UnreadableSheet
from coopvote.ballots.omr_layout import PaperQuestion, meeting_lookup, question_for_item
from coopvote.ballots.pdf_spec import BallotItem, papers_for
from coopvote.ballots.qrcodec import BallotCode
from coopvote.ballots.testdeck import (
    DECK_CLASS,
    DECK_MEETING,
    TEST_MEETING,
    TEST_SECRET,
    DeckPaper,
    blank_pdf,
    mark_page,
    plan_marks,
    rasterise_page,
)
from coopvote.errors import InputError

PrintedItem = tuple[BallotItem, str, str]
"""An item as the meeting prints it: the item, its variant, its page size."""

SCENARIOS = ("clear", "clear", "two", "clear", "none", "faint", "clear", "hesitant")
RANKING_SCENARIOS = ("clear", "clear", "duplicate", "clear", "skip", "faint", "clear", "hesitant")


@dataclass(frozen=True)
class KeyEntry:
    """What one test sheet must read as."""

    page: int
    item: int
    serial: int
    marks: tuple[tuple[str, str], ...]
    """(box, pen) pairs, in words, for the teller comparing a sheet by eye."""
    expected: tuple[int, ...]
    expect_clear: bool | None
    """True: must be read clear and exactly right; False: must go to a person; None: either, but a
    clear reading must be right."""


def teller_deck(
    items: Sequence[PrintedItem], per_item: int = 8, seed: int = 1, dpi: float = 300.0
) -> tuple[bytes, list[KeyEntry]]:
    """A printable PDF of marked test papers (one page each, marks drawn at ``dpi``) and its key."""
    if not items:
        raise InputError("paper.deck_no_items")
    rng = random.Random(seed)
    papers: list[DeckPaper] = []
    for item, variant, page_size in items:
        serials = [9_000_000 + item.number * 1000 + k for k in range(per_item)]
        for spec in papers_for(DECK_MEETING, item, DECK_CLASS, serials, TEST_SECRET, variant, page_size):
            papers.append(DeckPaper(spec=spec, question=question_for_item(item, variant, page_size)))
    printed = blank_pdf(papers)
    pages: list[Image.Image] = []
    key: list[KeyEntry] = []
    for index, paper in enumerate(papers):
        ranking = paper.question.form.kind == "ranking"
        scenarios = RANKING_SCENARIOS if ranking else SCENARIOS
        scenario = scenarios[(index % per_item) % len(scenarios)]
        if scenario == "two" and paper.question.max_marks >= paper.question.form.options:
            scenario = "clear"  # approval voting: every box may be marked
        marks, expected, clear, _ = plan_marks(paper, scenario, rng)
        image = Image.fromarray(rasterise_page(printed, index, dpi), mode="L")
        mark_page(image, dpi, paper, marks, rng)
        pages.append(image)
        key.append(KeyEntry(
            page=index, item=paper.spec.item.number, serial=paper.serial,
            marks=tuple((_box_words(box), pen.value) for box, pen in marks.items()),
            expected=expected, expect_clear=clear,
        ))
    buffer = io.BytesIO()
    pages[0].save(buffer, format="PDF", save_all=True, append_images=pages[1:], resolution=dpi)
    return buffer.getvalue(), key


def _box_words(box: Hashable) -> str:
    if isinstance(box, tuple):
        option, rank = box
        return f"option {option + 1}, preference {rank}"
    return f"option {int(str(box)) + 1}"


def teller_lookup(items: Sequence[PrintedItem]) -> GeometryLookup:
    """The reader's lookup for the test deck of these items."""
    by_number = {item.number: item for item, _, _ in items}

    def paper_for(code: BallotCode) -> PaperQuestion:
        try:
            item = by_number[code.item]
        except KeyError:
            raise InputError("paper.deck_item_unknown", item=code.item) from None

        return question_for_item(item, code.variant, code.page_size)

    return meeting_lookup(TEST_SECRET, TEST_MEETING, paper_for)


def check_deck(readings: Iterable[SheetReading | UnreadableSheet], key: Sequence[KeyEntry]) -> list[str]:
    """Every way the scanned deck differs from its key, in words; an empty list means the set-up passed.

    Readings are matched to the key by serial (via the QR text), so the deck may be scanned in any
    order, and a sheet missing from the scan is reported too.
    """
    by_serial = {entry.serial: entry for entry in key}
    seen: set[int] = set()
    problems: list[str] = []
    for reading in readings:
        where = f"{reading.source} page {reading.page_index + 1}"
        if isinstance(reading, UnreadableSheet):
            problems.append(f"{where}: could not be read ({reading.detail})")
            continue
        serial = int(reading.qr_text.split("-")[-3])
        entry = by_serial.get(serial)
        if entry is None:
            problems.append(f"{where}: serial {serial} is not in this test deck")
            continue
        seen.add(serial)
        chosen = next(iter(reading.marks.values()), ())
        if reading.is_clear and chosen != entry.expected:
            problems.append(f"{where} (test page {entry.page + 1}): read {chosen}, marked {entry.expected}")
        elif entry.expect_clear is True and not reading.is_clear:
            words = ", ".join(str(r) for r in reading.reasons)
            problems.append(f"{where} (test page {entry.page + 1}): clear marks sent to a person ({words})")
        elif entry.expect_clear is False and reading.is_clear:
            problems.append(f"{where} (test page {entry.page + 1}): should have gone to a person")
    for entry in key:
        if entry.serial not in seen:
            problems.append(f"test page {entry.page + 1} (serial {entry.serial}) was not among the scans")
    return problems
