"""A test deck: real ballot papers, marked in code the ways voters mark them, then scanned badly.

Tellers print and mark a test deck before the meeting to prove the scanner set-up reads their papers;
the tests and the reading benchmark use the same deck. Each sheet starts as a real PDF (the printing
module's when it is present, else a plain rendering of the same layout) rasterised with pdfium, is
marked with pen strokes in mm on that raster, then degraded the way scanners and phones degrade: a
skew of up to 7 degrees, upside down, blur, heavy JPEG, 150-300 dpi, a slightly wrong scale.

Every sheet carries its truth (which boxes were marked, how) and what a careful reader must conclude:
the exact vote for clear marks, adjudication for anything a person has to judge.
"""

from __future__ import annotations

import io
import math
import random
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from enum import StrEnum

import numpy as np
from PIL import Image, ImageDraw, ImageFilter

from coopvote.ballots.imaging import Gray, to_gray
from coopvote.ballots.layout import layout_for
from coopvote.ballots.omr import GeometryLookup
from coopvote.ballots.omr_interpret import Reason
from coopvote.ballots.omr_layout import PaperQuestion, meeting_lookup, question_for_item
from coopvote.ballots.pdf import render_papers
from coopvote.ballots.pdf_spec import (
    BallotItem,
    Choice,
    MeetingInfo,
    PaperSpec,
    VotingClass,
    papers_for,
    resolution_item,
)
from coopvote.ballots.qrcodec import BallotCode

TEST_SECRET = b"coopvote-test-deck-secret"
TEST_MEETING = "TESTDECK"


class Pen(StrEnum):
    """How a box was marked. The first group are clear marks a reader must always get right."""

    CROSS = "cross"
    TICK = "tick"
    SMALL_TICK = "small tick"
    FILLED = "filled"
    BLUE_CROSS = "blue cross"
    FAINT_TICK = "faint tick"
    """Pencil or a dying pen: grey and thin. Must not be missed: read as marked or sent to a person."""
    HALF_OUT = "cross half outside"
    BESIDE = "tick beside the box"
    """A mark that missed its box: the box is empty, the sheet must go to a person."""
    DOT = "tiny dot"
    """A pen rested on the box: may be read as empty or sent to a person, never as a vote."""
    HESITANT = "short stroke"
    """A 1.2 mm stroke, as if the voter began a mark and stopped: must go to a person."""


CLEAR_PENS = (Pen.CROSS, Pen.TICK, Pen.SMALL_TICK, Pen.FILLED, Pen.BLUE_CROSS)


@dataclass(frozen=True)
class Degradation:
    """How the sheet was 'scanned'."""

    dpi: float = 200.0
    rotation: float = 0.0
    """Skew in degrees (clockwise positive), applied on top of ``upside_down``."""
    upside_down: bool = False
    blur: float = 0.0
    """Gaussian radius in px at the final resolution."""
    jpeg_quality: int | None = None
    scale: float = 1.0
    """The scanner's scale error (0.97-1.03): the page is read at dpi*scale but reported as dpi."""
    noise: float = 0.0
    """Standard deviation of grey noise added (sensor noise, paper texture)."""
    photo: bool = False
    """Taken with a phone: the page in perspective on a dark table, lit unevenly."""
    streak_at_mm: tuple[float, float] | None = None
    """A dirty scanner: a 2 px dark line straight down the whole picture, through this point of the
    paper (on a skewed scan it crosses the paper at a slant, as a real one does)."""

    def describe(self) -> str:
        parts = [f"{self.dpi:.0f}dpi"]
        if self.rotation:
            parts.append(f"rot{self.rotation:+.1f}")
        if self.upside_down:
            parts.append("upside-down")
        if self.blur:
            parts.append(f"blur{self.blur:.1f}")
        if self.jpeg_quality:
            parts.append(f"jpeg{self.jpeg_quality}")
        if self.scale != 1.0:
            parts.append(f"scale{self.scale:.3f}")
        if self.noise:
            parts.append(f"noise{self.noise:.0f}")
        if self.photo:
            parts.append("photo")
        if self.streak_at_mm is not None:
            parts.append("streak")
        return " ".join(parts)


@dataclass
class DeckSheet:
    """A marked, degraded sheet and what reading it must give."""

    paper: DeckPaper
    marks: dict[Hashable, Pen]
    degradation: Degradation
    image: Gray
    expected_choice: tuple[int, ...]
    """For a clear sheet: chosen option indices (option order), or the ranking (preference order)."""
    expect_clear: bool | None
    """True: must be read clear and exactly right. False: must go to adjudication. None: either, but a
    clear reading must still be exactly right."""
    expect_reasons: tuple[Reason, ...] = ()
    label: str = ""


@dataclass(frozen=True)
class DeckPaper:
    """One ballot paper of the deck: what the printer prints and what the reader is told."""

    spec: PaperSpec
    question: PaperQuestion

    @property
    def qr_text(self) -> str:
        return self.spec.qr_text

    @property
    def serial(self) -> int:
        return self.spec.serial


DECK_MEETING = MeetingInfo(code=TEST_MEETING, title_cy="Dec prawf", title_en="Test deck")
DECK_CLASS = VotingClass(code="EMP", name_cy="Gweithwyr", name_en="Employees", colour="#2a6f97")


def deck_items() -> list[tuple[BallotItem, str]]:
    """The kinds of paper a co-operative meeting uses: a resolution, a block election (2 seats), a
    ranking grid, a large-print election. Item numbers 1-4, with their print variant."""
    names = ("Aled Ap Rhys", "Bethan Morgan", "Ceri Llewellyn", "Dewi Price", "Eirlys Hughes", "Ffion Jones")
    return [
        (resolution_item(1, "Cymeradwyo'r cyfrifon", "Approve the accounts"), "standard"),
        (BallotItem(2, "Ethol y bwrdd", "Elect the board", "election",
                    tuple(Choice(n, n) for n in names), max_marks=2), "standard"),
        (BallotItem(3, "Ethol y cadeirydd", "Elect the chair", "ranking",
                    tuple(Choice(n, n) for n in names[:5]), max_marks=1), "standard"),
        (BallotItem(4, "Ethol trysorydd", "Elect a treasurer", "election",
                    tuple(Choice(n, n) for n in names[:4]), max_marks=1), "large-print"),
    ]


def deck_paper(item_index: int, serial: int) -> DeckPaper:
    item, variant = deck_items()[item_index]
    spec = papers_for(DECK_MEETING, item, DECK_CLASS, [serial], TEST_SECRET, variant=variant)[0]
    return DeckPaper(spec=spec, question=question_for_item(item, variant))


def deck_papers(serial_start: int = 1) -> list[DeckPaper]:
    return [deck_paper(i, serial_start + i) for i in range(len(deck_items()))]


def paper_for_code(code: BallotCode) -> PaperQuestion:
    """The deck's answer to 'what is item N?' (the service layer answers from the meeting record)."""
    item, variant = deck_items()[code.item - 1]
    return question_for_item(item, variant, code.page_size)


def deck_lookup() -> GeometryLookup:
    """The ``geometry_for`` a reader needs for deck papers."""
    return meeting_lookup(TEST_SECRET, TEST_MEETING, paper_for_code)


def blank_pdf(papers: Sequence[DeckPaper]) -> bytes:
    """The papers as the printing module prints them, one page each."""
    buffer = io.BytesIO()
    render_papers([p.spec for p in papers], buffer)
    return buffer.getvalue()


# --- marking ----------------------------------------------------------------------------------------

_INK = {Pen.BLUE_CROSS: 70, Pen.FAINT_TICK: 165}
_WIDTH_MM = {Pen.FILLED: 0.6, Pen.FAINT_TICK: 0.3, Pen.SMALL_TICK: 0.5, Pen.DOT: 0.6}


def _strokes(pen: Pen, rng: random.Random) -> list[list[tuple[float, float]]]:
    """Pen strokes in box units (0..1 across the box; beyond for marks that miss the box)."""

    def j(v: float, amount: float = 0.06) -> float:
        return v + rng.uniform(-amount, amount)

    if pen in (Pen.CROSS, Pen.BLUE_CROSS):
        return [[(j(0.18), j(0.18)), (j(0.82), j(0.82))], [(j(0.82), j(0.18)), (j(0.18), j(0.82))]]
    if pen in (Pen.TICK, Pen.FAINT_TICK):
        return [[(j(0.22), j(0.52)), (j(0.42), j(0.80)), (j(0.86), j(0.16))]]
    if pen is Pen.SMALL_TICK:
        return [[(j(0.36, 0.03), j(0.52, 0.03)), (j(0.46, 0.03), j(0.64, 0.03)), (j(0.66, 0.03), j(0.36, 0.03))]]
    if pen is Pen.HALF_OUT:
        dx = rng.choice([-0.55, 0.55])
        return [[(0.2 + dx, 0.2), (0.8 + dx, 0.8)], [(0.8 + dx, 0.2), (0.2 + dx, 0.8)]]
    if pen is Pen.BESIDE:
        # Just outside the box's left edge, within the blank margin round it.
        x = -rng.uniform(0.06, 0.10)
        return [[(x - 0.06, 0.45), (x, 0.62), (x + 0.03, 0.35)]]
    if pen is Pen.DOT:
        x, y = j(0.5, 0.1), j(0.5, 0.1)
        return [[(x, y), (x + 0.06, y + 0.04)]]
    raise ValueError(pen)


def mark_page(
    image: Image.Image, dpi: float, paper: DeckPaper, marks: dict[Hashable, Pen], rng: random.Random
) -> None:
    """Draw each mark on the raster in place, in mm as a pen would (width and ink per pen)."""
    layout = layout_for(paper.question.form)
    draw = ImageDraw.Draw(image)
    px = dpi / 25.4
    for box_id, pen in marks.items():
        box = layout.box(box_id)  # type: ignore[arg-type]
        ink = _INK.get(pen, 25)
        if pen is Pen.HESITANT:
            cx, cy = box.x + box.w * rng.uniform(0.4, 0.6), box.y + box.h * rng.uniform(0.4, 0.6)
            angle = rng.uniform(0, math.pi)
            dx, dy = 0.6 * math.cos(angle), 0.6 * math.sin(angle)
            draw.line([((cx - dx) * px, (cy - dy) * px), ((cx + dx) * px, (cy + dy) * px)], fill=ink,
                      width=max(1, round(0.5 * px)))
            continue
        if pen is Pen.FILLED:
            inset = 0.08
            points = [
                ((box.x + box.w * u) * px, (box.y + box.h * v) * px)
                for u, v in [(inset, inset), (1 - inset, inset), (1 - inset, 1 - inset), (inset, 1 - inset)]
            ]
            draw.polygon(points, fill=ink)
            continue
        width = max(1, round(_WIDTH_MM.get(pen, 0.8) * px))
        for stroke in _strokes(pen, rng):
            points = [((box.x + box.w * u) * px, (box.y + box.h * v) * px) for u, v in stroke]
            draw.line(points, fill=ink, width=width, joint="curve")


def stray_line(image: Image.Image, dpi: float, paper: DeckPaper, rng: random.Random) -> None:
    """A pen line across an option's name, well away from the boxes (doodle, underlining)."""
    layout = layout_for(paper.question.form)
    label = layout.labels[rng.randrange(len(layout.labels))]
    px = dpi / 25.4
    y = (label.y + label.h * rng.uniform(0.6, 0.8)) * px
    draw = ImageDraw.Draw(image)
    draw.line([(label.x * px, y), ((label.x + min(50.0, label.w * 0.6)) * px, y + 2)], fill=30,
              width=max(1, round(0.6 * px)))


# --- scanning badly ---------------------------------------------------------------------------------

def degrade(image: Image.Image, degradation: Degradation, rng: random.Random) -> Gray:
    """The marked raster as a scanner with these faults would deliver it."""
    out = image
    px = degradation.dpi * degradation.scale / 25.4
    point = None
    if degradation.streak_at_mm is not None:
        point = (degradation.streak_at_mm[0] * px, degradation.streak_at_mm[1] * px)
    if degradation.upside_down:
        out = out.rotate(180)
        if point is not None:
            point = (out.size[0] - point[0], out.size[1] - point[1])
    if degradation.rotation:
        # PIL turns counter-clockwise for positive angles; keep the page whole on white.
        before = out.size
        out = out.rotate(-degradation.rotation, resample=Image.Resampling.BILINEAR, expand=True, fillcolor=255)
        if point is not None:
            a = math.radians(-degradation.rotation)
            dx, dy = point[0] - before[0] / 2, point[1] - before[1] / 2
            point = (out.size[0] / 2 + dx * math.cos(a) + dy * math.sin(a),
                     out.size[1] / 2 - dx * math.sin(a) + dy * math.cos(a))
    if point is not None:
        ImageDraw.Draw(out).line([(point[0], 0), (point[0], out.size[1])], fill=40, width=2)
    if degradation.photo:
        out = _photograph(out, rng)
    if degradation.blur:
        out = out.filter(ImageFilter.GaussianBlur(degradation.blur))
    if degradation.noise:
        # A tiled field of grey noise: statistically the same as per-pixel noise for the reader, and
        # a hundred times cheaper to make on a 300 dpi page.
        tile = np.random.default_rng(rng.randrange(2**32)).normal(0, degradation.noise, (509, 503))
        gray = np.asarray(out, dtype=np.int16)
        reps = (-(-gray.shape[0] // tile.shape[0]), -(-gray.shape[1] // tile.shape[1]))
        field = np.tile(np.round(tile).astype(np.int16), reps)[: gray.shape[0], : gray.shape[1]]
        out = Image.fromarray(np.clip(gray + field, 0, 255).astype(np.uint8), mode="L")
    if degradation.jpeg_quality:
        buffer = io.BytesIO()
        out.save(buffer, format="JPEG", quality=degradation.jpeg_quality)
        out = Image.open(io.BytesIO(buffer.getvalue()))
    return to_gray(out)


def _photograph(page: Image.Image, rng: random.Random) -> Image.Image:
    """The page on a dark table seen from a little off square, brighter on one side."""
    width, height = page.size
    margin = int(0.08 * max(width, height))
    size = (width + 2 * margin, height + 2 * margin)
    # Where the page's corners land in the photo: each pulled in by up to 4% of the page size.
    jitter = [(rng.uniform(0, 0.04) * width, rng.uniform(0, 0.04) * height) for _ in range(4)]
    signs = [(1, 1), (-1, 1), (-1, -1), (1, -1)]
    source = [(0, 0), (width, 0), (width, height), (0, height)]
    target = [
        (margin + x + sx * jx, margin + y + sy * jy)
        for (x, y), (sx, sy), (jx, jy) in zip(source, signs, jitter, strict=True)
    ]
    # PIL wants the map from photo to page: solve the 8 perspective coefficients.
    rows, rhs = [], []
    for (u, v), (x, y) in zip(target, source, strict=True):
        rows.append([u, v, 1, 0, 0, 0, -u * x, -v * x])
        rows.append([0, 0, 0, u, v, 1, -u * y, -v * y])
        rhs += [x, y]
    coeffs = np.linalg.solve(np.array(rows, dtype=np.float64), np.array(rhs, dtype=np.float64))
    paper = page.transform(size, Image.Transform.PERSPECTIVE, tuple(coeffs), Image.Resampling.BILINEAR,
                           fillcolor=0)
    inside = Image.new("L", page.size, 255).transform(
        size, Image.Transform.PERSPECTIVE, tuple(coeffs), Image.Resampling.BILINEAR, fillcolor=0
    )
    table = Image.new("L", size, 60)
    photo = Image.composite(paper, table, inside)
    # Light falling off across the page: 100% at one side down to 70-80% at the other.
    low = rng.uniform(0.7, 0.8)
    ramp = np.linspace(1.0, low, size[0], dtype=np.float32)[None, :]
    if rng.random() < 0.5:
        ramp = ramp[:, ::-1]
    lit = np.asarray(photo, dtype=np.float32) * ramp
    return Image.fromarray(np.clip(lit, 0, 255).astype(np.uint8), mode="L")


def render_sheet(
    paper: DeckPaper,
    marks: dict[Hashable, Pen],
    degradation: Degradation,
    rng: random.Random,
    stray: bool = False,
    printed: tuple[bytes, int] | None = None,
) -> Gray:
    """Rasterise the paper's PDF page at the degraded resolution, mark it, scan it badly.

    ``printed`` is (PDF bytes, page index) of the paper when a whole deck was printed at once.
    """
    source, index = printed if printed is not None else (blank_pdf([paper]), 0)
    dpi = degradation.dpi * degradation.scale
    image = Image.fromarray(rasterise_page(source, index, dpi), mode="L")
    mark_page(image, dpi, paper, marks, rng)
    if stray:
        stray_line(image, dpi, paper, rng)
    return degrade(image, degradation, rng)


def rasterise_page(pdf_bytes: bytes, index: int, dpi: float) -> Gray:
    """One page of a PDF in grey at ``dpi``, as pdfium draws it."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf_bytes)
    try:
        page = document[index]
        gray = to_gray(page.render(scale=dpi / 72.0, grayscale=True).to_numpy())
        page.close()
    finally:
        document.close()
    return gray


def scanned_pdf(sheets: Sequence[DeckSheet]) -> bytes:
    """The degraded sheets as one multi-page PDF of JPEG pages, the way a sheet-feeding scanner
    delivers a batch (each page keeps its physical size at its scan resolution)."""
    images = [Image.fromarray(sheet.image, mode="L") for sheet in sheets]
    if not images:
        raise ValueError("no sheets")
    buffer = io.BytesIO()
    images[0].save(
        buffer, format="PDF", save_all=True, append_images=images[1:],
        resolution=sheets[0].degradation.dpi, quality=85,
    )
    return buffer.getvalue()


def random_degradation(rng: random.Random, harsh: bool = False) -> Degradation:
    """A plausible scan: 150-300 dpi, skew up to 7 degrees, sometimes upside down, blur, JPEG 20-40."""
    return Degradation(
        dpi=rng.choice([150.0, 200.0, 300.0]),
        rotation=round(rng.uniform(-7.0, 7.0), 1) if harsh or rng.random() < 0.7 else 0.0,
        upside_down=rng.random() < 0.25,
        blur=round(rng.uniform(0.0, 1.5), 1) if harsh or rng.random() < 0.5 else 0.0,
        jpeg_quality=rng.randint(20, 40) if harsh or rng.random() < 0.5 else None,
        scale=round(rng.uniform(0.97, 1.03), 3),
        noise=rng.choice([0.0, 4.0, 8.0]),
    )


def _pick(rng: random.Random, count: int, k: int) -> list[int]:
    return sorted(rng.sample(range(count), k))


def plan_marks(
    paper: DeckPaper, scenario: str, rng: random.Random
) -> tuple[dict[Hashable, Pen], tuple[int, ...], bool | None, tuple[Reason, ...]]:
    """Marks for one sheet and what must be read from them.

    Scenarios: "clear" (a valid vote in clear pens), "faint" (one mark in faint pen), "two" (one more
    mark than allowed), "none", "beside" (the only mark misses its box), "half" (a cross half outside),
    "dot" (a pen rested in a box beside a clear vote), "hesitant" (a 1.2 mm stroke beside a clear vote),
    "duplicate" and "skip" (ranking grids only),
    "stray" (a clear vote plus a line through a name: read normally).
    """
    question = paper.question
    n = question.form.options
    ranking = question.form.kind == "ranking"
    pen = rng.choice(CLEAR_PENS)

    def box(option: int, rank: int | None = None) -> Hashable:
        return (option, rank) if ranking else option

    if scenario in ("clear", "stray"):
        if ranking:
            order = rng.sample(range(n), rng.randint(1, n))
            return {box(o, r + 1): rng.choice(CLEAR_PENS) for r, o in enumerate(order)}, tuple(order), True, ()
        chosen = _pick(rng, n, rng.randint(1, question.max_marks))
        return {box(o): rng.choice(CLEAR_PENS) for o in chosen}, tuple(chosen), True, ()
    if scenario == "faint":
        if ranking:
            order = rng.sample(range(n), 2)
            marks = {box(order[0], 1): pen, box(order[1], 2): Pen.FAINT_TICK}
            return marks, tuple(order), None, ()
        option = rng.randrange(n)
        return {box(option): Pen.FAINT_TICK}, (option,), None, ()
    if scenario == "two":
        if ranking:
            raise ValueError("use 'duplicate' on a ranking grid")
        chosen = _pick(rng, n, question.max_marks + 1)
        return {box(o): pen for o in chosen}, tuple(chosen), False, (Reason.TOO_MANY_MARKS,)
    if scenario == "none":
        return {}, (), False, (Reason.NO_MARKS,)
    if scenario == "beside":
        option = rng.randrange(n)
        return {box(option, 1): Pen.BESIDE}, (), False, (Reason.MARK_BESIDE_BOX,)
    if scenario == "half":
        option = rng.randrange(n)
        return {box(option, 1): Pen.HALF_OUT}, (option,), None, ()
    if scenario in ("dot", "hesitant"):
        chosen = rng.sample(range(n), 2)
        second = Pen.DOT if scenario == "dot" else Pen.HESITANT
        marks = {box(chosen[0], 1): pen, box(chosen[1], 2): second}
        if scenario == "dot":
            return marks, (chosen[0],), None, ()
        return marks, (chosen[0],), False, (Reason.DOUBTFUL_MARK,)
    if scenario == "duplicate" and ranking:
        a, b, c = rng.sample(range(n), 3)
        marks = {box(a, 1): pen, box(b, 2): pen, box(c, 2): pen}
        return marks, (a,), False, (Reason.RANK_DUPLICATED,)
    if scenario == "skip" and ranking:
        a, b = rng.sample(range(n), 2)
        return {box(a, 1): pen, box(b, 3): pen}, (a,), False, (Reason.RANK_SKIPPED,)
    raise ValueError(f"scenario {scenario!r} does not apply to a {question.form.kind} paper")


SCENARIOS = ("clear", "clear", "two", "stray", "faint", "clear", "none", "beside", "half", "hesitant", "dot")
RANKING_SCENARIOS = (
    "clear", "duplicate", "skip", "clear", "stray", "faint", "none", "beside", "hesitant", "clear", "dot",
)


def make_deck(count: int, seed: int = 4, harsh: bool = False) -> list[DeckSheet]:
    """``count`` sheets cycling through the deck's papers and scenarios, each degraded at random."""
    rng = random.Random(seed)
    kinds = len(deck_items())
    papers = [deck_paper(index % kinds, 1000 + index) for index in range(count)]
    printed = blank_pdf(papers)
    sheets = []
    for index, paper in enumerate(papers):
        ranking = paper.question.form.kind == "ranking"
        scenarios = RANKING_SCENARIOS if ranking else SCENARIOS
        scenario = scenarios[(index // kinds) % len(scenarios)]
        marks, expected, clear, reasons = plan_marks(paper, scenario, rng)
        degradation = random_degradation(rng, harsh)
        image = render_sheet(paper, marks, degradation, rng, stray=scenario == "stray", printed=(printed, index))
        sheets.append(
            DeckSheet(
                paper=paper, marks=marks, degradation=degradation, image=image, expected_choice=expected,
                expect_clear=clear, expect_reasons=reasons,
                label=f"{index:03d} {paper.question.form.kind} {scenario} {degradation.describe()}",
            )
        )
    return sheets

