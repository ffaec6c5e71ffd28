"""Where everything sits on a ballot paper and a sheet of vote slips, in millimetres.

Printing and reading share this one module so a scanned paper is measured exactly where it was drawn.
The geometry depends only on plain facts the reader can recover without any side file: the QR code
says the page size and variant (see ``coopvote.ballots.qrcodec``), and the item's definition says the
kind of paper and how many options and preference columns it has. Text lengths never move a box:
text is fitted into fixed areas, and a paper that cannot hold its options fails loudly instead.

Coordinates: origin at the page's top-left corner, x to the right, y down, in millimetres. A ``Rect``
is its top-left corner plus width and height.

Box ids: on resolutions and elections a box's id is the option index (0-based, in the item's order);
on a ranking grid it is ``(candidate, rank)`` with the candidate index 0-based and the rank 1-based
(rank 1 is the first preference, as printed on the column heading).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Protocol

from coopvote.ballots.paper import KINDS, PAGE_SIZES, VARIANTS, Kind, PageSize, Variant
from coopvote.errors import InputError

if TYPE_CHECKING:
    from coopvote.ballots.qrcodec import BallotCode


MARK_SIZE = 6.0
"""Side of each solid square registration mark."""
MARK_INSET = 7.0
"""Distance from each page edge to the outer side of a registration mark."""
SIDE = 16.0
"""Left and right edge of the printed content (clear of the registration marks)."""
BAND_TOP = 7.0
BAND_HEIGHT = 12.0
FOOT_BAND_HEIGHT = 5.0
QR_TOP = 25.0
QR_QUIET_MM = 5.0
"""Blank space kept round every QR code: at least 4 modules at every size this module uses."""


@dataclass(frozen=True)
class Rect:
    """An axis-aligned rectangle in mm: top-left corner, width, height."""

    x: float
    y: float
    w: float
    h: float

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def centre(self) -> tuple[float, float]:
        return (self.x + self.w / 2, self.y + self.h / 2)

    def inset(self, fraction: float) -> Rect:
        """The same rectangle shrunk by ``fraction`` of its size on every side (0.2 keeps the middle 60%)."""
        dx, dy = self.w * fraction, self.h * fraction
        return Rect(self.x + dx, self.y + dy, self.w - 2 * dx, self.h - 2 * dy)

    def corners(self) -> tuple[tuple[float, float], ...]:
        """Top-left, top-right, bottom-right, bottom-left: the order zxing-cpp reports a QR's position."""
        return ((self.x, self.y), (self.right, self.y), (self.right, self.bottom), (self.x, self.bottom))


BoxId = int | tuple[int, int]


@dataclass(frozen=True)
class AnswerBox:
    """One box a voter marks. ``rank`` is None except on a ranking grid."""

    id: BoxId
    option: int
    rank: int | None
    rect: Rect


@dataclass(frozen=True)
class PaperForm:
    """The facts that decide a paper's geometry, and nothing else.

    ``options`` counts the options or candidates; ``ranks`` counts a ranking grid's preference columns
    (0 means one column per candidate). Build it from a decoded QR code with ``from_code``.
    """

    kind: Kind
    options: int
    ranks: int = 0
    variant: Variant = "standard"
    page_size: PageSize = "A4"

    @property
    def columns(self) -> int:
        """Preference columns printed on a ranking grid (0 for other kinds)."""
        if self.kind != "ranking":
            return 0
        return min(self.ranks, self.options) if self.ranks > 0 else self.options

    @classmethod
    def from_code(cls, code: BallotCode, kind: Kind, options: int, ranks: int = 0) -> PaperForm:
        """The form of a scanned paper: variant and page size from its QR code, the rest from its item."""
        return cls(kind=kind, options=options, ranks=ranks, variant=code.variant, page_size=code.page_size)


class HasForm(Protocol):
    @property
    def form(self) -> PaperForm: ...


@dataclass(frozen=True)
class PaperLayout:
    """Every printed element's place on one ballot paper.

    ``qr`` is the QR symbol itself (its outer module edges, quiet zone excluded), so its ``corners()``
    match what zxing-cpp reports as the code's position. ``marks`` are the four solid registration
    squares, in the order top-left, top-right, bottom-left, bottom-right. ``rows`` holds each option's
    row (label plus its box or boxes), in option order. ``rank_header`` is the strip of column numbers
    above a ranking grid (None for other kinds).
    """

    form: PaperForm
    width: float
    height: float
    marks: tuple[Rect, Rect, Rect, Rect]
    band: Rect
    foot_band: Rect
    qr: Rect
    serial_area: Rect
    title_area: Rect
    instructions_area: Rect
    rows: tuple[Rect, ...]
    labels: tuple[Rect, ...]
    pictures: tuple[Rect, ...]
    boxes: tuple[AnswerBox, ...]
    rank_header: Rect | None
    rank_columns: tuple[Rect, ...]
    example: Rect | None = None
    """Easy Read election and ranking papers: where the worked example is drawn (a picture and a marked
    box, "like this"), beside the instructions and clear of every answer box."""

    def box(self, box_id: BoxId) -> Rect:
        """The rectangle of the box with this id (option index, or (candidate, rank))."""
        for answer in self.boxes:
            if answer.id == box_id:
                return answer.rect
        raise KeyError(box_id)

    def anchor_points(self) -> list[tuple[str, tuple[float, float]]]:
        """Named points a reader can find in a scan to fit its mm-to-pixel map.

        The four QR corners (``qr-tl``, ``qr-tr``, ``qr-br``, ``qr-bl``) and the centres of the four
        registration marks (``mark-tl``, ``mark-tr``, ``mark-bl``, ``mark-br``). The marks sit far from
        the QR so a fit that uses them stays accurate at the opposite end of the page.
        """
        names = ("qr-tl", "qr-tr", "qr-br", "qr-bl")
        points = list(zip(names, self.qr.corners(), strict=True))
        for name, mark in zip(("mark-tl", "mark-tr", "mark-bl", "mark-br"), self.marks, strict=True):
            points.append((name, mark.centre))
        return points


@dataclass(frozen=True)
class _Sizes:
    qr: float
    title: float
    instructions: dict[Kind, float]
    row: float
    row_min: float
    box: float
    box_min: float
    rank_row: float
    rank_row_min: float
    rank_box: float
    rank_box_min: float
    rank_header: float
    name_min: float
    picture: bool


_SIZES: dict[Variant, _Sizes] = {
    "standard": _Sizes(
        qr=32.0, title=41.0,
        instructions={"resolution": 27.0, "election": 31.0, "ranking": 40.0},
        row=18.0, row_min=11.0, box=12.0, box_min=8.0,
        rank_row=12.0, rank_row_min=9.0, rank_box=9.0, rank_box_min=7.0,
        rank_header=9.0, name_min=55.0, picture=False,
    ),
    "large-print": _Sizes(
        qr=34.0, title=52.0,
        instructions={"resolution": 22.0, "election": 27.0, "ranking": 47.0},
        row=24.0, row_min=17.0, box=16.0, box_min=13.0,
        rank_row=17.0, rank_row_min=14.0, rank_box=13.0, rank_box_min=8.5,
        rank_header=11.0, name_min=50.0, picture=False,
    ),
    "easy-read": _Sizes(
        qr=34.0, title=52.0,
        instructions={"resolution": 22.0, "election": 27.0, "ranking": 47.0},
        row=36.0, row_min=24.0, box=22.0, box_min=16.0,
        rank_row=17.0, rank_row_min=14.0, rank_box=13.0, rank_box_min=8.5,
        rank_header=11.0, name_min=50.0, picture=True,
    ),
}


_EASY_ELECTION = _Sizes(
    qr=34.0, title=52.0,
    instructions={"resolution": 22.0, "election": 27.0, "ranking": 47.0},
    row=30.0, row_min=16.0, box=20.0, box_min=12.0,
    rank_row=17.0, rank_row_min=14.0, rank_box=13.0, rank_box_min=8.5,
    rank_header=11.0, name_min=50.0, picture=True,
)
"""An Easy Read election's rows: a candidate's picture, name and one big box; rows shrink (down to 16 mm,
a picture still 13 mm high) so ten candidates fit on one page."""

EXAMPLE_WIDTH = 44.0
EASY_INSTRUCTIONS_HEIGHT: dict[Kind, float] = {"resolution": 0.0, "election": 34.0, "ranking": 47.0}


def page_dimensions(page_size: str) -> tuple[float, float]:
    """Width and height in mm; raises InputError naming the sizes on offer."""
    try:
        return PAGE_SIZES[normalise_page_size(page_size)]
    except KeyError:
        raise InputError("paper.page_size_unknown", page_size=page_size) from None


def normalise_page_size(page_size: str) -> PageSize:
    """Accept 'a4', 'letter', 'US-Letter'... as typed on a command line."""
    key = page_size.strip().lower().replace("us-", "").replace("us ", "")
    if key == "a4":
        return "A4"
    if key == "letter":
        return "Letter"
    raise InputError("paper.page_size_unknown", page_size=page_size)


def kind_for_method(method: str) -> Kind:
    """The paper a counting method needs: a ranking grid for preferential methods, boxes otherwise."""
    name = method.strip().lower()
    if name in ("", "resolution", "majority"):
        return "resolution"
    if name in ("irv", "stv") or name.endswith("stv") or "meek" in name or "rank" in name:
        return "ranking"
    return "election"


def _half_mm(value: float) -> float:
    """Round down to half a millimetre so squeezed rows and columns keep tidy sizes."""
    return math.floor(value * 2) / 2


def _marks(width: float, height: float) -> tuple[Rect, Rect, Rect, Rect]:
    far_x, far_y = width - MARK_INSET - MARK_SIZE, height - MARK_INSET - MARK_SIZE
    return (
        Rect(MARK_INSET, MARK_INSET, MARK_SIZE, MARK_SIZE),
        Rect(far_x, MARK_INSET, MARK_SIZE, MARK_SIZE),
        Rect(MARK_INSET, far_y, MARK_SIZE, MARK_SIZE),
        Rect(far_x, far_y, MARK_SIZE, MARK_SIZE),
    )


def layout_for(paper: PaperForm | HasForm) -> PaperLayout:
    """The layout of one paper; the same input always gives the same layout.

    Accepts a ``PaperForm`` or anything with a ``form`` attribute (such as a ``PaperSpec``). Raises
    ``InputError`` when the options cannot fit on one page of that size and variant, naming how many
    would fit.
    """
    form: PaperForm = paper if isinstance(paper, PaperForm) else paper.form
    if form.kind not in KINDS:
        raise InputError("paper.kind_unknown", kind=form.kind, kinds=", ".join(KINDS))
    if form.variant not in _SIZES:
        raise InputError("paper.variant_unknown", variant=form.variant, variants=", ".join(VARIANTS))
    if form.options < 1:
        raise InputError("paper.no_options")
    width, height = page_dimensions(form.page_size)
    size = _SIZES[form.variant]
    left, right = SIDE, width - SIDE
    marks = _marks(width, height)
    band = Rect(left, BAND_TOP, right - left, BAND_HEIGHT)
    foot_band = Rect(left, height - MARK_INSET - FOOT_BAND_HEIGHT, right - left, FOOT_BAND_HEIGHT)
    qr = Rect(right - size.qr, QR_TOP, size.qr, size.qr)
    serial_area = Rect(qr.x, qr.bottom + QR_QUIET_MM - 0.5, qr.w, 6.0)
    title_bottom = max(serial_area.bottom, QR_TOP + size.title)
    title_area = Rect(left, QR_TOP, qr.x - QR_QUIET_MM - 2.0 - left, title_bottom - QR_TOP)
    instructions_area = Rect(left, title_bottom + 2.0, right - left, size.instructions[form.kind])
    example = None
    if size.picture and form.kind != "resolution":
        # Easy Read elections: the short instructions on the left, a worked example on the right.
        tall = EASY_INSTRUCTIONS_HEIGHT[form.kind]
        example = Rect(right - EXAMPLE_WIDTH, instructions_area.y, EXAMPLE_WIDTH, tall)
        instructions_area = Rect(left, instructions_area.y, example.x - 3.0 - left, tall)
    top = instructions_area.bottom + 3.0
    bottom = foot_band.y - 3.0
    if form.kind == "ranking":
        ranked = _ranking_layout(form, size, width, height, marks, band, foot_band, qr, serial_area,
                                 title_area, instructions_area, top, bottom)
        return replace(ranked, example=example) if example is not None else ranked

    count = form.options
    if size.picture and form.kind != "resolution":
        size = _EASY_ELECTION
    row_h = min(size.row, _half_mm((bottom - top) / count))
    if row_h < size.row_min:
        fit = int((bottom - top) // size.row_min)
        raise InputError("paper.options_do_not_fit", count=count, variant=form.variant, page_size=form.page_size, fit=fit)
    box_side = max(size.box_min, min(size.box, row_h - 6.0))
    rows, labels, pictures, boxes = [], [], [], []
    for index in range(count):
        row = Rect(left, top + index * row_h, right - left, row_h)
        box = Rect(row.right - 6.0 - box_side, row.y + (row_h - box_side) / 2, box_side, box_side)
        label_x = row.x + 3.0
        if size.picture:
            inset = 2.0 if form.kind == "resolution" else 1.5
            picture = Rect(label_x, row.y + inset, row_h - 2 * inset, row_h - 2 * inset)
            pictures.append(picture)
            label_x = picture.right + 4.0
        rows.append(row)
        labels.append(Rect(label_x, row.y + 1.0, box.x - 6.0 - label_x, row_h - 2.0))
        boxes.append(AnswerBox(id=index, option=index, rank=None, rect=box))
    return PaperLayout(
        form=form, width=width, height=height, marks=marks, band=band, foot_band=foot_band, qr=qr,
        serial_area=serial_area, title_area=title_area, instructions_area=instructions_area,
        rows=tuple(rows), labels=tuple(labels), pictures=tuple(pictures), boxes=tuple(boxes),
        rank_header=None, rank_columns=(), example=example,
    )


def _ranking_layout(
    form: PaperForm, size: _Sizes, width: float, height: float, marks: tuple[Rect, Rect, Rect, Rect],
    band: Rect, foot_band: Rect, qr: Rect, serial_area: Rect, title_area: Rect, instructions_area: Rect,
    top: float, bottom: float,
) -> PaperLayout:
    left, right = SIDE, width - SIDE
    columns = form.columns
    count = form.options
    col_w = min(size.rank_box + 6.0, _half_mm((right - left - size.name_min) / columns))
    box_side = min(size.rank_box, col_w - 4.0)
    if box_side < size.rank_box_min:
        fit = int((right - left - size.name_min) // (size.rank_box_min + 4.0))
        raise InputError(
            "paper.columns_do_not_fit", columns=columns, variant=form.variant, page_size=form.page_size, fit=fit
        )
    header = Rect(left, top, right - left, size.rank_header)
    rows_top = header.bottom
    row_h = min(size.rank_row, _half_mm((bottom - rows_top) / count))
    if row_h < size.rank_row_min:
        fit = int((bottom - rows_top) // size.rank_row_min)
        raise InputError(
            "paper.candidates_do_not_fit", count=count, variant=form.variant, page_size=form.page_size, fit=fit
        )
    box_side = min(box_side, row_h - 3.0)
    grid_x = right - columns * col_w
    rank_columns = tuple(Rect(grid_x + c * col_w, header.y, col_w, header.h) for c in range(columns))
    rows, labels, pictures, boxes = [], [], [], []
    for index in range(count):
        row = Rect(left, rows_top + index * row_h, right - left, row_h)
        rows.append(row)
        label_x = row.x + 3.0
        if size.picture:
            picture = Rect(label_x, row.y + 1.0, row_h - 2.0, row_h - 2.0)
            pictures.append(picture)
            label_x = picture.right + 3.0
        labels.append(Rect(label_x, row.y + 0.5, grid_x - label_x - 2.0, row_h - 1.0))
        for c in range(columns):
            bx = grid_x + c * col_w + (col_w - box_side) / 2
            by = row.y + (row_h - box_side) / 2
            boxes.append(AnswerBox(id=(index, c + 1), option=index, rank=c + 1,
                                   rect=Rect(bx, by, box_side, box_side)))
    return PaperLayout(
        form=form, width=width, height=height, marks=marks, band=band, foot_band=foot_band, qr=qr,
        serial_area=serial_area, title_area=title_area, instructions_area=instructions_area,
        rows=tuple(rows), labels=tuple(labels), pictures=tuple(pictures), boxes=tuple(boxes),
        rank_header=header, rank_columns=rank_columns,
    )


@dataclass(frozen=True)
class Slip:
    """One tear-off vote slip: its outline, class band, QR symbol and label area."""

    option: int
    page: int
    outline: Rect
    band: Rect
    qr: Rect
    serial_area: Rect
    label_area: Rect


@dataclass(frozen=True)
class SlipSheetLayout:
    """Where each slip of one voter's sheet sits; the sheet spans ``pages`` pages.

    ``cut_lines`` are the y positions (per page, in mm) of the dashed lines between slips.
    """

    width: float
    height: float
    pages: int
    slips: tuple[Slip, ...]
    cut_lines: tuple[float, ...]


SLIPS_PER_PAGE = 3
SLIP_MARGIN = 8.0


def slip_layout(options: int, variant: Variant = "standard", page_size: PageSize = "A4") -> SlipSheetLayout:
    """Three slips to a page, one per option, each with its own QR code.

    Slips are counted by their QR code alone, so they carry no answer boxes or registration marks.
    """
    if options < 1:
        raise InputError("paper.slips_no_options")
    if variant not in _SIZES:
        raise InputError("paper.variant_unknown", variant=variant, variants=", ".join(VARIANTS))

    width, height = page_dimensions(page_size)
    qr_side = 30.0 if variant == "standard" else 34.0
    slip_h = (height - 2 * SLIP_MARGIN) / SLIPS_PER_PAGE
    slips = []
    for option in range(options):
        page, place = divmod(option, SLIPS_PER_PAGE)
        outline = Rect(SLIP_MARGIN, SLIP_MARGIN + place * slip_h, width - 2 * SLIP_MARGIN, slip_h)
        band = Rect(outline.x + 4.0, outline.y + 5.0, outline.w - 8.0, 10.0)
        qr = Rect(outline.right - 8.0 - qr_side, band.bottom + 8.0, qr_side, qr_side)
        serial_area = Rect(qr.x, qr.bottom + 4.0, qr.w, 6.0)
        label_area = Rect(outline.x + 8.0, band.bottom + 5.0, qr.x - QR_QUIET_MM - outline.x - 10.0,
                          outline.bottom - band.bottom - 10.0)
        slips.append(Slip(option=option, page=page, outline=outline, band=band, qr=qr,
                          serial_area=serial_area, label_area=label_area))
    cuts = tuple(SLIP_MARGIN + k * slip_h for k in range(1, SLIPS_PER_PAGE))
    pages = (options + SLIPS_PER_PAGE - 1) // SLIPS_PER_PAGE
    return SlipSheetLayout(width=width, height=height, pages=pages, slips=tuple(slips), cut_lines=cuts)
