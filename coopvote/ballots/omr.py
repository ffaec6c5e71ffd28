"""Reading scanned ballot papers: QR code, paper position, answer boxes, verdict.

Pure core: pages in, plain dataclasses out, no database. For each page the reader

1. finds and decodes the QR code (zxing-cpp, QR format only) and asks the caller's ``geometry_for``
   what that ballot looks like on paper (layout mm);
2. fits a map from layout mm to image px: QR corners seed it, the printed registration marks refine it
   by least squares (``omr_geometry``); the QR's corner order also tells an upside-down sheet;
3. measures every answer box's darkness and classifies it marked / empty / doubtful (``omr_marks``);
4. turns box states into choices and rankings and gives the sheet a verdict: clear, or needs
   adjudication with reasons (``omr_interpret``).

A page that cannot be read comes back as ``UnreadableSheet`` carrying its picture, never dropped: the
tellers must be able to account for every paper they fed in.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum

import numpy as np
from PIL import Image

from coopvote.ballots.imaging import Gray, PageImage, png_bytes
from coopvote.ballots.omr_geometry import (
    MAX_ACCEPTED_RESIDUAL_MM,
    MarkSearch,
    PageTransform,
    QrFound,
    find_qr,
    fit_page,
)
from coopvote.ballots.omr_interpret import (
    QuestionBoxes,
    QuestionReading,
    RankingRules,
    Reason,
    interpret,
)
from coopvote.ballots.omr_marks import BoxMeasure, BoxRect, BoxState, Thresholds, measure_boxes
from coopvote.errors import CoopvoteError
from coopvote.messages import Bilingual, Message, message

QR_REGIONS: tuple[tuple[float, float, float, float], ...] = ((0.5, 0.0, 1.0, 0.33), (0.0, 0.67, 0.5, 1.0))
"""Where to look for the QR code first (fractions of the picture: left, top, right, bottom). Every
layout prints it near the top-right corner: this region upright, the bottom-left one upside down.
Elsewhere (sideways scans, photos with a background) the whole page is searched, only slower."""

MIN_PX_PER_MM = 2.0
MAX_PX_PER_MM = 50.0
"""Scans between about 50 and 1270 dpi are plausible; outside that the fit has gone wrong."""

CROP_DPI = 100.0
"""Resolution of the normalised paper image kept for the adjudication queue: readable, ~100 kB."""


@dataclass(frozen=True)
class SheetGeometry:
    """What the reader needs to know about one printed ballot design, in layout mm."""

    page_size_mm: tuple[float, float]
    qr_corners_mm: tuple[tuple[float, float], ...]
    """Outer corners of the QR symbol (not its quiet zone): top-left, top-right, bottom-right, bottom-left."""
    registration_marks_mm: tuple[tuple[float, float], ...]
    """Centres of the solid registration marks."""
    mark_size_mm: float
    boxes: tuple[BoxRect, ...]
    questions: tuple[QuestionBoxes, ...]


GeometryLookup = Callable[[str], SheetGeometry]
"""QR text -> the geometry of that ballot. Raises ``CoopvoteError`` (or KeyError/ValueError) when the
QR code is not a ballot of this meeting."""


class Verdict(StrEnum):
    CLEAR = "clear"
    ADJUDICATE = "needs adjudication"
    UNREADABLE = "unreadable"


@dataclass(frozen=True)
class SheetReading:
    """Everything read from one sheet, and why it may need a person."""

    source: str
    page_index: int
    qr_text: str
    orientation: int
    """How the paper lay in the picture: 0, 90, 180 (upside down) or 270 degrees clockwise."""
    skew_degrees: float
    boxes: tuple[BoxMeasure, ...]
    questions: tuple[QuestionReading, ...]
    verdict: Verdict
    reasons: tuple[Reason, ...]
    thresholds: Thresholds
    fit: str
    """How the paper was located: "affine from QR + 4 marks (0.12 mm)"."""
    image_png: bytes | None = None
    """The paper turned upright and cropped at CROP_DPI, for the adjudication queue."""
    seconds: float = 0.0

    @property
    def marks(self) -> dict[str, tuple[int, ...]]:
        """Question id -> chosen option indices (in preference order for rankings)."""
        return {q.question_id: q.chosen for q in self.questions}

    @property
    def is_clear(self) -> bool:
        return self.verdict is Verdict.CLEAR

    def box(self, box_id: str) -> BoxMeasure:
        for measure in self.boxes:
            if measure.box_id == box_id:
                return measure
        raise KeyError(box_id)


@dataclass(frozen=True)
class UnreadableSheet:
    """A page whose ballot could not be read at all; its picture is kept for a person to decide."""

    source: str
    page_index: int
    reasons: tuple[Reason, ...]
    detail: Message
    qr_text: str | None = None
    image_png: bytes | None = None
    verdict: Verdict = Verdict.UNREADABLE
    seconds: float = 0.0

    @property
    def is_clear(self) -> bool:
        return False


Reading = SheetReading | UnreadableSheet


@dataclass
class ReaderOptions:
    thresholds: Thresholds = field(default_factory=Thresholds)
    ranking_rules: RankingRules = field(default_factory=RankingRules)
    keep_images: str = "adjudication"
    """"adjudication": normalised picture only for sheets a person must see; "all"; or "none"."""
    crop_dpi: float = CROP_DPI
    qr_regions: tuple[tuple[float, float, float, float], ...] = QR_REGIONS


def read_page(page: PageImage, geometry_for: GeometryLookup, options: ReaderOptions | None = None) -> Reading:
    """Read one page. Never raises for a bad picture: that is an ``UnreadableSheet``."""
    options = options or ReaderOptions()
    started = time.perf_counter()
    gray = page.gray
    codes = find_qr(gray, options.qr_regions)
    if not codes:
        if _is_blank(gray):
            return _unreadable(page, Reason.BLANK_PAGE, message("omr.detail_blank_page"), None, started)
        return _unreadable(page, Reason.UNREADABLE_QR, message("omr.detail_no_qr"), None, started)
    chosen: tuple[QrFound, SheetGeometry] | None = None
    refused: list[tuple[str, Exception]] = []
    for code in codes:
        try:
            chosen = (code, geometry_for(code.text))
            break
        except (CoopvoteError, KeyError, ValueError) as error:
            refused.append((repr(code.text[:40]), error))
    if chosen is None:
        return _unreadable(page, Reason.UNKNOWN_BALLOT, _codes_refused(refused), codes[0].text, started)
    code, geometry = chosen
    try:
        return _measure(page, code, geometry, options, started)
    except (np.linalg.LinAlgError, ValueError, IndexError, ZeroDivisionError) as error:
        # A degenerate fit (a crumpled or folded sheet) must still come back with its picture.
        return _unreadable(page, Reason.POOR_REGISTRATION, message("omr.detail_not_located", detail=str(error)),
                           code.text, started)


def _measure(
    page: PageImage, code: QrFound, geometry: SheetGeometry, options: ReaderOptions, started: float
) -> Reading:
    gray = page.gray
    transform, searches = fit_page(
        code,
        np.asarray(geometry.qr_corners_mm, dtype=np.float64),
        geometry.registration_marks_mm,
        geometry.mark_size_mm,
        gray,
    )
    scale = transform.px_per_mm()
    if not MIN_PX_PER_MM <= scale <= MAX_PX_PER_MM:
        return _unreadable(page, Reason.POOR_REGISTRATION, message("omr.detail_resolution", dpi=f"{scale * 25.4:.0f}"),
                           code.text, started)
    found = sum(1 for s in searches if s.found_px is not None)
    reasons: list[Reason] = []
    if (
        transform.residual_mm > MAX_ACCEPTED_RESIDUAL_MM
        or (geometry.registration_marks_mm and found < 2)
        or not _boxes_inside(gray, transform, geometry)
    ):
        # Without two marks the boxes far from the QR could be millimetres off, and a box beyond the
        # picture's edge cannot be seen at all: measure anyway (the numbers help the adjudicator) but
        # never call such a sheet clear.
        reasons.append(Reason.POOR_REGISTRATION)

    measures = measure_boxes(gray, transform, geometry.boxes, options.thresholds)
    states = {m.box_id: m.state for m in measures}
    questions = interpret(geometry.questions, states, options.ranking_rules)
    t = options.thresholds
    faint_or_ink = [m.ink_mm2 >= t.empty_mm2 or m.faint_mm2 >= t.faint_mm2 for m in measures]
    doubtful = [(m, inked) for m, inked in zip(measures, faint_or_ink, strict=True) if m.state is BoxState.DOUBTFUL]
    beside = [m for m, inked in doubtful if not inked and not m.streak]
    inside = [m for m, inked in doubtful if inked and not m.streak]
    if any(m.streak for m in measures):
        reasons.append(Reason.SCANNER_STREAK)
    if beside:
        reasons.append(Reason.MARK_BESIDE_BOX)
    for question in questions:
        for reason in question.reasons:
            # A box doubtful only for ink beside it is reported as that, not as a doubtful mark in it.
            if reason is Reason.DOUBTFUL_MARK and not inside:
                continue
            if reason not in reasons:
                reasons.append(reason)
    verdict = Verdict.CLEAR if not reasons else Verdict.ADJUDICATE
    keep = options.keep_images == "all" or (options.keep_images == "adjudication" and reasons)
    image = png_bytes(normalised_page(gray, transform, geometry, options.crop_dpi), options.crop_dpi) if keep else None
    rotation = transform.rotation_degrees()
    orientation = int(round(rotation / 90.0)) % 4 * 90
    skew = (rotation - orientation + 180.0) % 360.0 - 180.0
    return SheetReading(
        source=page.source,
        page_index=page.page_index,
        qr_text=code.text,
        orientation=orientation,
        skew_degrees=round(skew, 2),
        boxes=tuple(measures),
        questions=tuple(questions),
        verdict=verdict,
        reasons=tuple(reasons),
        thresholds=options.thresholds,
        fit=_describe_fit(transform, searches),
        image_png=image,
        seconds=time.perf_counter() - started,
    )


BLANK_INK_SHARE = 0.002
"""A page with less ink than this share of its area (a printed ballot has several percent) is blank."""


def _is_blank(gray: Gray) -> bool:
    sample = gray[::4, ::4]
    paper = float(np.percentile(sample, 90)) if sample.size else 255.0
    return bool((sample < paper * 0.6).mean() < BLANK_INK_SHARE)


def _boxes_inside(gray: Gray, transform: PageTransform, geometry: SheetGeometry) -> bool:
    corners = np.array([[(b.x, b.y), (b.x + b.width, b.y), (b.x, b.y + b.height), (b.x + b.width, b.y + b.height)]
                        for b in geometry.boxes]).reshape(-1, 2)
    if not len(corners):
        return True
    px = transform.apply(corners)
    height, width = gray.shape
    return bool((px[:, 0] >= 0).all() and (px[:, 0] < width).all() and (px[:, 1] >= 0).all() and (px[:, 1] < height).all())


def read_pages(
    pages: Iterable[PageImage], geometry_for: GeometryLookup, options: ReaderOptions | None = None
) -> Iterator[Reading]:
    for page in pages:
        yield read_page(page, geometry_for, options)


def normalised_page(gray: Gray, transform: PageTransform, geometry: SheetGeometry, dpi: float) -> Gray:
    """The paper resampled upright at ``dpi``: what the adjudicator sees, whatever the scan's skew.

    Pixel (row, col) of the result shows layout point ((col + 0.5), (row + 0.5)) * 25.4 / dpi mm, so a
    screen can outline any box from the layout alone. Pillow resamples in C, several times faster
    than numpy; nearest-neighbour because bilinear costs 50 ms a page there and scans are finer than
    the 100 dpi shown anyway.
    """
    width_mm, height_mm = geometry.page_size_mm
    step = 25.4 / dpi
    size = (int(round(width_mm / step)), int(round(height_mm / step)))
    # Output pixel centre (c + 0.5, r + 0.5) * step mm -> image point; Pillow samples pixel centres
    # at integer + 0.5 too, so the half-pixel terms cancel out except through the map itself.
    out_to_mm = np.array([[step, 0.0, 0.5 * step], [0.0, step, 0.5 * step], [0.0, 0.0, 1.0]])
    to_px = transform.matrix @ out_to_mm
    to_px = to_px / to_px[2, 2]
    to_px[0, 2] -= 0.5
    to_px[1, 2] -= 0.5
    image = Image.fromarray(gray, mode="L")
    if transform.kind == "perspective":
        m = to_px
        # Pillow's perspective data: x = (a x' + b y' + c) / (g x' + h y' + 1), likewise y.
        data = (m[0, 0], m[0, 1], m[0, 2] + 0.0, m[1, 0], m[1, 1], m[1, 2], m[2, 0], m[2, 1])
        warped = image.transform(size, Image.Transform.PERSPECTIVE, data, Image.Resampling.NEAREST,
                                 fillcolor=255)
    else:
        data6 = tuple(float(v) for v in to_px[:2, :].ravel())
        warped = image.transform(size, Image.Transform.AFFINE, data6, Image.Resampling.NEAREST, fillcolor=255)
    return np.asarray(warped, dtype=np.uint8)


def _describe_fit(transform: PageTransform, searches: list[MarkSearch]) -> str:
    found = sum(1 for s in searches if s.found_px is not None)
    text = f"{transform.kind} from QR + {found}/{len(searches)} marks ({transform.residual_mm:.2f} mm)"
    missing = [s.why_not for s in searches if s.found_px is None]
    if missing:
        text += "; not found: " + ", ".join(missing)
    return text


def _codes_refused(refused: list[tuple[str, Exception]]) -> Message:
    """Each code found and why it was refused, in each language's words (a library's error as it is)."""
    def said(error: Exception, language: str) -> str:
        return error.render(language) if isinstance(error, CoopvoteError) else str(error)  # type: ignore[arg-type]

    codes = Bilingual(*("; ".join(f"{code}: {said(error, language)}" for code, error in refused)
                        for language in ("cy", "en")))
    return message("omr.detail_codes_refused", codes=codes)


def _unreadable(page: PageImage, reason: Reason, detail: Message, qr_text: str | None, started: float) -> UnreadableSheet:
    gray = page.gray
    # Keep the picture at roughly adjudication resolution: a 600 dpi scan need not be stored in full.
    factor = max(1, int(max(gray.shape) // 1600))
    return UnreadableSheet(
        source=page.source,
        page_index=page.page_index,
        reasons=(reason,),
        detail=detail,
        qr_text=qr_text,
        image_png=png_bytes(np.ascontiguousarray(gray[::factor, ::factor])),
        seconds=time.perf_counter() - started,
    )
