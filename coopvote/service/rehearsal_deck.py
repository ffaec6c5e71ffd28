"""The rehearsal's test deck: the meeting's own papers, marked in code, in a series the real vote refuses.

The deck is printed by a *rehearsal copy* of the meeting: the same classes, items, candidates, weighting
and rules, so the same paper layouts and the same count, but its own meeting code and seal. A rehearsal
paper carried into the real vote is therefore refused as "another meeting" by the reader, at any time,
and nothing the rehearsal records can reach the real meeting's papers. Each sheet's key says what
reading it must give: counted with these marks, sent to a person, or refused (a spoilt paper).

Items counted by members' own vote values get papers for every value band (a band's value is sealed in
the paper's code, so the count weighs it); resolutions get vote slips too, each page one voter's posted
slip, and one page with two slips torn from one sheet, which must reject both.
"""

from __future__ import annotations

import io
import json
import random
from collections.abc import Callable, Hashable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from coopvote.meeting.spec import CandidateSpec, ClassSpec, ItemSpec, MeetingSpec
from coopvote.messages import Bilingual, Message, message
from coopvote.service.views import MeetingView

STANDARD_SCENARIOS = ("clear", "faint", "over-voted", "blank", "spoilt", "clear")
"""Every item and class gets one standard paper of each: clear, faint, spoilt, blank and over-voted marks."""
OTHER_VARIANT_SCENARIOS = ("clear", "over-voted")
"""The easy-read and large-print papers: one clear and one over-voted each, enough to prove the layout reads."""
FURTHER_BAND_STANDARD = ("clear", "clear", "over-voted")
FURTHER_BAND_OTHER = ("clear",)
"""A value band after a class's first: clear papers on every variant, so each band's weight reaches the
count, and an over-voted one; the first band of each class gets every kind of mark, as an unbanded class."""
SLIP_SCENARIO = "slip"
TWO_SLIPS_SCENARIO = "two slips"
DECK_SEED_OFFSET = 7919
LOT_SEED = 14
"""The seed a lot in a rehearsal count uses, the same in the scanned and the expected count."""

EXPECT_COUNTED = "counted"
EXPECT_PERSON = "to a person"
EXPECT_EITHER = "counted or to a person"
EXPECT_REFUSED = "refused as spoilt"
EXPECT_BOTH_REJECTED = "rejected with the other slip of its sheet"

PAPER = "paper"
SLIPS = "slips"

KIND_WORDS = {PAPER: Bilingual(cy="papur", en="paper"), SLIPS: Bilingual(cy="slip pleidleisio", en="vote slip")}
DECK_WORDS = {
    "standard": Bilingual(cy="safonol", en="standard"),
    "easy-read": Bilingual(cy="hawdd ei ddarllen", en="easy-read"),
    "large-print": Bilingual(cy="print bras", en="large-print"),
    "clear": Bilingual(cy="clir", en="clear"),
    "faint": Bilingual(cy="gwan", en="faint"),
    "over-voted": Bilingual(cy="gormod o farciau", en="over-voted"),
    "blank": Bilingual(cy="gwag", en="blank"),
    "spoilt": Bilingual(cy="wedi'i ddifetha", en="spoilt"),
    SLIP_SCENARIO: Bilingual(cy="slip", en=SLIP_SCENARIO),
    TWO_SLIPS_SCENARIO: Bilingual(cy="dau slip", en=TWO_SLIPS_SCENARIO),
    EXPECT_COUNTED: Bilingual(cy="wedi'i gyfrif", en=EXPECT_COUNTED),
    EXPECT_PERSON: Bilingual(cy="at berson", en=EXPECT_PERSON),
    EXPECT_EITHER: Bilingual(cy="wedi'i gyfrif neu at berson", en=EXPECT_EITHER),
    EXPECT_REFUSED: Bilingual(cy="heb ei dderbyn fel papur wedi'i ddifetha", en=EXPECT_REFUSED),
    EXPECT_BOTH_REJECTED: Bilingual(cy="wedi'i wrthod gyda'r slip arall o'i ddalen", en=EXPECT_BOTH_REJECTED),
}
"""The key's words (paper variants, how a sheet is marked, what reading it must give) in Welsh and English:
the key keeps the English codes, a person reads them in their language."""


def deck_words(code: str) -> Bilingual | str:
    return DECK_WORDS.get(code, code)


@dataclass(frozen=True)
class KeySheet:
    """One test sheet and what reading it must give."""

    page: int
    """1-based page of the printed deck."""
    item: int
    class_code: str
    variant: str
    serial: int
    scenario: str
    marks: tuple[int, ...]
    """What the voter meant: options 1-based (a ranking in preference order); empty for a blank paper."""
    expect: str
    valid: bool
    """Whether the paper is a valid vote once a person has looked at it (clear and faint marks)."""
    qr_text: str = ""
    """The sheet's sealed code (the rehearsal copy's seal: the real meeting refuses it); for vote slips,
    the first posted slip's."""
    band: str = ""
    """The value band the paper is printed for ("5", "5/2"), or "" for an item not counted by members' values."""
    kind: str = PAPER
    """``PAPER`` (a ballot paper with boxes) or ``SLIPS`` (the slips one voter posted from a sheet of slips)."""
    slip_texts: tuple[str, ...] = ()
    """Each posted slip's sealed code, in the order the options were posted."""

    def where(self) -> str:
        """The sheet named in English, as the record keeps its problems."""
        return self.place().render("en")

    def place(self) -> Message:
        """The sheet named for a person: its page, item, class, band, variant, marks and serial."""
        fields = {
            "page": self.page, "item": self.item, "code": self.class_code, "serial": self.serial,
            "what": KIND_WORDS[SLIPS if self.kind == SLIPS else PAPER], "variant": deck_words(self.variant),
            "scenario": deck_words(self.scenario),
        }
        if self.band:
            return message("rehearsal.test_page_band", band=self.band, **fields)
        return message("rehearsal.test_page", **fields)


@dataclass(frozen=True)
class DeckPlan:
    """The whole deck's key, written beside the rehearsal copy of the meeting between printing and scanning."""

    meeting_code: str
    """The real meeting's code, so a key is never checked against another meeting."""
    rehearsal_code: str
    sheets: tuple[KeySheet, ...]
    skipped: tuple[str, ...] = ()
    """Items the deck could not cover, with the reason."""
    languages: tuple[str, ...] = ()
    """The languages the meeting offers; every paper and slip of every variant prints both, Welsh first."""

    def save(self, path: Path) -> None:
        data = {"meeting_code": self.meeting_code, "rehearsal_code": self.rehearsal_code,
                "sheets": [asdict(s) for s in self.sheets], "skipped": list(self.skipped),
                "languages": list(self.languages)}
        path.write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> DeckPlan:
        from coopvote.errors import InputError

        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            sheets = tuple(
                KeySheet(**{**s, "marks": tuple(int(m) for m in s["marks"]),
                            "slip_texts": tuple(str(t) for t in s.get("slip_texts", ()))})
                for s in data["sheets"]
            )
            return cls(str(data["meeting_code"]), str(data["rehearsal_code"]), sheets, tuple(data["skipped"]),
                       tuple(str(language) for language in data.get("languages", ())))
        except (OSError, ValueError, KeyError, TypeError) as problem:
            raise InputError("rehearsal.unreadable_key", path=path, problem=problem) from problem


def rehearsal_spec(view: MeetingView) -> MeetingSpec:
    """The meeting as its definition gave it, named as a rehearsal, with a fixed lot seed per item.

    The fixed seed makes the scanned count and the count of the deck's key draw the same lots.
    """
    classes = tuple(ClassSpec(c.code, c.name_en, c.name_cy, c.colour, c.vote_value) for c in view.classes)
    items = tuple(
        ItemSpec(
            number=item.number, kind=item.kind, title_en=item.title_en, title_cy=item.title_cy,
            text_en=item.text_en, text_cy=item.text_cy, special=item.special, threshold=item.threshold,
            by_head=item.by_head, method=item.method, seats=item.seats, max_marks=item.max_marks,
            candidates=tuple(CandidateSpec(c.name, c.class_code) for c in item.candidates),
            settings={**dict(item.settings), "seed": LOT_SEED},
        )
        for item in view.items
    )
    return MeetingSpec(
        name_en=f"REHEARSAL: {view.name_en}", name_cy=f"YMARFER: {view.name_cy}",
        society_en=view.society_en, society_cy=view.society_cy, held_on=view.held_on, place=view.place,
        notice_given_on=view.notice_given_on, languages=view.languages, classes=classes,
        weighting=dict(view.weighting), rules=dict(view.rules), items=items,
    )


def scenarios_for(variant: str, *, first_band: bool = True) -> tuple[str, ...]:
    if not first_band:
        return FURTHER_BAND_STANDARD if variant == "standard" else FURTHER_BAND_OTHER
    return STANDARD_SCENARIOS if variant == "standard" else OTHER_VARIANT_SCENARIOS


def slip_scenarios(variant: str) -> tuple[str, ...]:
    """One posted slip on every variant; on the standard sheet also two slips from one sheet."""
    return (SLIP_SCENARIO, TWO_SLIPS_SCENARIO) if variant == "standard" else (SLIP_SCENARIO,)


@dataclass(frozen=True)
class SlipPage:
    """One test page of vote slips: a voter's sheet with every slip torn off but the ``posted`` ones."""

    sheet: Any
    """The ``ballots.pdf_spec.SlipSheetSpec`` the desk would print."""
    posted: tuple[int, ...]
    """0-based options whose slips are on the page (all on one printed page of the sheet)."""


def plan_slips(sheet: Any, scenario: str, rng: random.Random) -> tuple[SlipPage, tuple[int, ...], str, bool]:
    """Which slips a test page holds, what they mean and what reading must give.

    Two slips from one sheet are two different options of its first printed page, so they reach the
    reader together and the safeguard that rejects both (``service/safeguards.py``) is what is tested.
    """
    from coopvote.ballots.layout import SLIPS_PER_PAGE

    options = len(sheet.item.choices)
    if scenario == TWO_SLIPS_SCENARIO:
        if options < 2:
            from coopvote.errors import RuleError

            raise RuleError("rehearsal.slips_one_option", item=sheet.item.number)
        posted = tuple(rng.sample(range(min(options, SLIPS_PER_PAGE)), 2))
        return SlipPage(sheet, posted), tuple(o + 1 for o in posted), EXPECT_BOTH_REJECTED, False
    option = rng.randrange(options)
    return SlipPage(sheet, (option,)), (option + 1,), EXPECT_COUNTED, True


_TESTDECK_SCENARIO = {"clear": "clear", "faint": "faint", "over-voted": "two", "blank": "none", "spoilt": "clear"}


def plan_sheet(paper: Any, scenario: str, rng: random.Random) -> tuple[dict[Hashable, Any], tuple[int, ...], str, bool]:
    """Marks for one rehearsal sheet (``testdeck.plan_marks``), what they mean and what reading must give."""
    from coopvote.ballots.testdeck import plan_marks

    ranking = paper.question.form.kind == "ranking"
    name = _TESTDECK_SCENARIO[scenario]
    if name == "two" and ranking:
        name = "duplicate"  # a ranking grid is over-voted by giving two names the same preference
    if name == "two" and paper.question.max_marks >= paper.question.form.options:
        name = "none"  # approval voting: every box may be marked, so no paper is over-voted
    few = _few_candidates_marks(paper.question.form.options, name, rng) if ranking else None
    marks, expected, clear, _ = few if few is not None else plan_marks(paper, name, rng)
    meant = tuple(index + 1 for index in expected)
    if scenario == "spoilt":
        return marks, meant, EXPECT_REFUSED, False
    if clear is True:
        return marks, meant, EXPECT_COUNTED, True
    if clear is None:
        return marks, meant, EXPECT_EITHER, True
    return marks, (), EXPECT_PERSON, False


def _few_candidates_marks(
    options: int, name: str, rng: random.Random
) -> tuple[dict[Hashable, Any], tuple[int, ...], bool | None, tuple[Any, ...]] | None:
    """A faint or over-voted ranking grid of one or two candidates, which ``testdeck.plan_marks`` draws only
    with more (a faint second preference needs two names, a duplicated one three), or None to leave it to it.

    Two candidates are over-voted by giving both the first preference; one candidate cannot be over-voted,
    so that paper is left blank; one candidate's faint paper is a faint first preference.
    """
    from coopvote.ballots.testdeck import CLEAR_PENS, Pen

    if name == "faint" and options < 2:
        return {(0, 1): Pen.FAINT_TICK}, (0,), None, ()
    if name == "duplicate" and options == 2:
        pen = rng.choice(CLEAR_PENS)
        return {(0, 1): pen, (1, 1): pen}, (), False, ()
    if name == "duplicate" and options < 2:
        return {}, (), False, ()
    return None


def render_deck(
    pages: Sequence[tuple[Any, dict[Hashable, Any]]], out: Path, dpi: float, seed: int,
    slip_pages: Sequence[SlipPage] = (), *, progress: Callable[[int, int], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> int:
    """Print the papers and slips as the real printer does, draw each paper's marks, tear off the slips
    not posted, and write one PDF of pages: the papers, then the slips.

    ``progress(done, total)`` after each page; ``should_stop()`` true stops before the next page, writing
    nothing (returns 0).
    """
    from PIL import Image

    from coopvote.ballots.testdeck import blank_pdf, mark_page, rasterise_page

    rng = random.Random(seed)
    total = len(pages) + len(slip_pages)
    printed = blank_pdf([paper for paper, _ in pages]) if pages else b""
    images = []
    for index, (paper, marks) in enumerate(pages):
        if should_stop is not None and should_stop():
            return 0
        image = Image.fromarray(rasterise_page(printed, index, dpi), mode="L")
        mark_page(image, dpi, paper, marks, rng)
        images.append(image)
        if progress is not None:
            progress(len(images), total)
    for slip_page in slip_pages:
        if should_stop is not None and should_stop():
            return 0
        images.append(_posted_slips(slip_page, dpi))
        if progress is not None:
            progress(len(images), total)
    buffer = io.BytesIO()
    images[0].save(buffer, format="PDF", save_all=True, append_images=images[1:], resolution=dpi)
    out.write_bytes(buffer.getvalue())
    return len(images)


def _posted_slips(slip_page: SlipPage, dpi: float) -> Any:
    """The printed page of a sheet of slips holding the posted ones, the others torn off (white)."""
    from PIL import Image, ImageDraw

    from coopvote.ballots.layout import slip_layout
    from coopvote.ballots.pdf_slips import render_slips
    from coopvote.ballots.testdeck import rasterise_page

    sheet = slip_page.sheet
    layout = slip_layout(len(sheet.item.choices), sheet.variant, sheet.page_size)
    page_of = {slip.option: slip for slip in layout.slips}
    page_number = page_of[slip_page.posted[0]].page
    buffer = io.BytesIO()
    render_slips([sheet], buffer)
    image = Image.fromarray(rasterise_page(buffer.getvalue(), page_number, dpi), mode="L")
    draw = ImageDraw.Draw(image)
    px = dpi / 25.4
    for slip in layout.slips:
        if slip.page == page_number and slip.option not in slip_page.posted:
            box = slip.outline
            draw.rectangle([int(box.x * px) - 2, int(box.y * px) - 2, int(box.right * px) + 2,
                            int(box.bottom * px) + 2], fill=255)
    return image


def damage_page(deck_pdf: Path, page: int, out: Path, dpi: float = 150.0) -> None:
    """A copy of the deck with one page's column of boxes covered in white, as a dirty scanner, a fold or
    a smudge would lose the marks: what a rehearsal must catch. ``page`` is 1-based."""
    import pypdfium2 as pdfium
    from PIL import Image, ImageDraw

    from coopvote.ballots.testdeck import rasterise_page

    data = deck_pdf.read_bytes()
    document = pdfium.PdfDocument(data)
    count = len(document)
    document.close()
    images = []
    for index in range(count):
        image = Image.fromarray(rasterise_page(data, index, dpi), mode="L")
        if index == page - 1:
            width, height = image.size
            # The boxes' column, below the code and clear of the corner marks the reader finds the page by.
            ImageDraw.Draw(image).rectangle(
                [int(width * 0.6), int(height * 0.30), int(width * 0.95), int(height * 0.85)], fill=255
            )
        images.append(image)
    buffer = io.BytesIO()
    images[0].save(buffer, format="PDF", save_all=True, append_images=images[1:], resolution=dpi)
    out.write_bytes(buffer.getvalue())
