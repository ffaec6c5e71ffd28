"""Measuring the answer boxes: how much of each box a voter has inked, and what that means.

A box's darkness is the share of its inner area (inset 20% from the printed outline, so the outline
and small misregistration never count) that is clearly darker than the paper around it; its ink is
that share as an area in mm2, which is what the thresholds judge. "Dark" is judged against the local
paper level rather than pure black, so tinted paper and uneven light read alike.

Two thresholds split the ink scale into empty / doubtful / marked, and a lighter faint-ink bar keeps
a pencil tick from reading as empty. Doubtful boxes are never guessed: they send the sheet to a
person. A halo just outside each box catches a mark that missed the box (a tick beside it), and a
scanner streak through a box makes it doubtful whatever its ink. docs/scanning.md gives the measured
ink of each kind of mark.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from coopvote.ballots.omr_geometry import Gray, PageTransform

INSET = 0.20
"""Share of the box's width and height ignored at each edge."""

DARK_RATIO = 0.80
"""A pixel is ink if it is darker than this share of the local paper level (about grey 204 on white)."""

MARKED_MM2 = 1.7
"""Ink area (mm2, inside the inset box) from which a box counts as marked. On the test deck a small
ballpoint tick measured 2.1-7.4 mm2, a cross 9-21, a filled 9 mm box 29; a 1.2 mm stroke 0.6-1.1.
Area rather than share, so that a small tick counts the same in a 9 mm ranking box and a 22 mm
Easy Read box."""

EMPTY_MM2 = 0.5
"""Ink area under which a box counts as empty: scanner dust and JPEG noise stay well below it."""

FAINT_RATIO = 0.90
"""A lighter bar (about grey 216 on white) for faint ink: pencil, a dying pen, a blurred thin line."""

FAINT_MM2 = 1.0
"""Faint ink area from which an otherwise empty box is doubtful: a pencil tick blurred by the scanner
can fall below the ink bar entirely, and must still reach a person rather than read as no vote."""

HALO_MARK_MM2 = 0.8
"""Ink area in the ring just outside an empty box from which a mark is taken to have missed the box."""

STREAK_SHARE = 0.6
"""Share of a picture column's (or row's) length that must be ink for it to count as a scanner streak."""

HALO_GAP_MM = 0.7
HALO_WIDTH_MM = 1.2


class BoxState(StrEnum):
    EMPTY = "empty"
    DOUBTFUL = "doubtful"
    MARKED = "marked"


@dataclass(frozen=True)
class Thresholds:
    """The cut-offs a reading used, stored with it so a later audit can tell how a box was judged."""

    marked_mm2: float = MARKED_MM2
    empty_mm2: float = EMPTY_MM2
    dark_ratio: float = DARK_RATIO
    halo_mm2: float = HALO_MARK_MM2
    faint_ratio: float = FAINT_RATIO
    faint_mm2: float = FAINT_MM2

    def classify(self, ink_mm2: float, faint_mm2: float = 0.0) -> BoxState:
        if ink_mm2 >= self.marked_mm2:
            return BoxState.MARKED
        if ink_mm2 < self.empty_mm2 and faint_mm2 < self.faint_mm2:
            return BoxState.EMPTY
        return BoxState.DOUBTFUL


@dataclass(frozen=True)
class BoxRect:
    """An answer box on the paper, in layout mm (top-left origin, y down), with the layout's id."""

    box_id: Hashable
    x: float
    y: float
    width: float
    height: float
    halo_x_mm: float = HALO_GAP_MM + HALO_WIDTH_MM
    """How far left and right of the box the paper is kept blank (0 turns the halo check off)."""
    halo_y_mm: float = HALO_GAP_MM + HALO_WIDTH_MM
    """The same above and below the box."""


@dataclass(frozen=True)
class BoxMeasure:
    box_id: Hashable
    darkness: float
    """Share of the inset box that is ink (0..1)."""
    ink_mm2: float
    """The same as an area: what the thresholds judge."""
    faint_mm2: float
    """Area of ink at the lighter, faint-ink bar (always >= ink_mm2)."""
    halo_mm2: float
    """Ink found in the ring just outside the box."""
    state: BoxState
    streak: bool = False
    """A scanner streak runs through the box: its ink cannot be told from the voter's."""


def page_paper_level(gray: Gray) -> float:
    """The paper's grey level over the whole page, from a sparse sample (cheap, robust to ink)."""
    sample = gray[::7, ::7]
    return float(np.percentile(sample, 90)) if sample.size else 255.0


def _inner_grid(n: int) -> npt.NDArray[np.float64]:
    """Normalised sample positions (u, v) across a box's inner area, shape (n*n, 2)."""
    steps = INSET + (np.arange(n) + 0.5) / n * (1 - 2 * INSET)
    u, v = np.meshgrid(steps, steps)
    return np.column_stack([u.ravel(), v.ravel()])


def _halo_offsets(count: int) -> npt.NDArray[np.float64]:
    """(side, t, depth) triples walking round a box's outside; depth 0..1 across the ring width."""
    t = (np.arange(count) + 0.5) / count
    depths = np.array([0.2, 0.5, 0.8])
    rows = []
    for side in range(4):
        for depth in depths:
            rows.append(np.column_stack([np.full(count, side), t, np.full(count, depth)]))
    return np.vstack(rows)


@dataclass(frozen=True)
class _Plan:
    """Sample points in mm for a set of boxes, worked out once per ballot design and resolution."""

    inner_x: npt.NDArray[np.float32]
    inner_y: npt.NDArray[np.float32]
    halo_x: npt.NDArray[np.float32]
    halo_y: npt.NDArray[np.float32]
    inner_area: npt.NDArray[np.float64]
    ring_area: npt.NDArray[np.float64]


@lru_cache(maxsize=64)
def _plan(boxes: tuple[BoxRect, ...], n: int, per_side: int) -> _Plan:
    grid = _inner_grid(n)
    origin = np.array([[b.x, b.y] for b in boxes])
    size = np.array([[b.width, b.height] for b in boxes])
    inner_mm = origin[:, None, :] + grid[None, :, :] * size[:, None, :]

    # Halo: a ring just outside the outline, sampled round all four sides at three depths.
    halo = _halo_offsets(per_side)
    side, t, depth = halo[:, 0], halo[:, 1], halo[:, 2]
    reach_x = np.array([[b.halo_x_mm] for b in boxes])
    reach_y = np.array([[b.halo_y_mm] for b in boxes])
    vertical = (side == 1) | (side == 3)
    reach = np.where(vertical[None, :], reach_x, reach_y)
    gap = np.minimum(HALO_GAP_MM, reach * 0.6)
    offset = gap + depth[None, :] * (reach - gap)
    x0, y0 = origin[:, 0:1], origin[:, 1:2]
    w, h = size[:, 0:1], size[:, 1:2]
    # Each side runs a little past the corners so that a tick across a corner is seen too.
    span_x = -offset + t * (w + 2 * offset)
    span_y = -offset + t * (h + 2 * offset)
    top, right, bottom, left = side == 0, side == 1, side == 2, side == 3
    halo_x = np.where(top | bottom, x0 + span_x, np.where(right, x0 + w + offset, x0 - offset))
    halo_y = np.where(left | right, y0 + span_y, np.where(bottom, y0 + h + offset, y0 - offset))
    gap_x, gap_y = np.minimum(HALO_GAP_MM, reach_x * 0.6), np.minimum(HALO_GAP_MM, reach_y * 0.6)
    # Area of the four sides as sampled: each side's band width times its length.
    ring_area = (
        2 * (reach_x - gap_x) * (h + 2 * reach_x) + 2 * (reach_y - gap_y) * (w + 2 * reach_y)
    )[:, 0] * ((reach_x > 0) & (reach_y > 0))[:, 0]
    return _Plan(
        inner_x=np.ascontiguousarray(inner_mm[..., 0], dtype=np.float32),
        inner_y=np.ascontiguousarray(inner_mm[..., 1], dtype=np.float32),
        halo_x=halo_x.astype(np.float32),
        halo_y=halo_y.astype(np.float32),
        inner_area=size[:, 0] * size[:, 1] * (1 - 2 * INSET) ** 2,
        ring_area=ring_area,
    )


def _sample(
    gray: Gray, transform: PageTransform, x_mm: npt.NDArray[np.float32], y_mm: npt.NDArray[np.float32]
) -> tuple[npt.NDArray[np.uint8], npt.NDArray[np.intp], npt.NDArray[np.intp]]:
    """Nearest-pixel values at layout points. Points off the picture clamp to its edge (a box there is
    already a registration failure, reported elsewhere)."""
    if transform.kind == "perspective":
        points = transform.apply(np.stack([x_mm, y_mm], axis=-1).astype(np.float64))
        px, py = points[..., 0], points[..., 1]
    else:
        m = transform.matrix.astype(np.float32)
        px = x_mm * m[0, 0] + y_mm * m[0, 1] + m[0, 2]
        py = x_mm * m[1, 0] + y_mm * m[1, 1] + m[1, 2]
    cols = px.astype(np.intp)
    rows = py.astype(np.intp)
    np.clip(cols, 0, gray.shape[1] - 1, out=cols)
    np.clip(rows, 0, gray.shape[0] - 1, out=rows)
    return gray[rows, cols], rows, cols


def streak_lines(
    gray: Gray, columns: npt.NDArray[np.intp], rows: npt.NDArray[np.intp], limit: float
) -> tuple[npt.NDArray[np.bool_], npt.NDArray[np.bool_]]:
    """Which of these picture columns and rows are ink along most of their length.

    A sheet feeder's dirty glass or sensor draws such lines straight down (or across) the picture,
    whatever the paper's skew. Printed matter never runs that long (the longest, a grid's column
    line, is under half the page), so a line dark along more than STREAK_SHARE of the picture is the
    scanner's.
    """
    # Whole-picture passes, every 8th pixel along each line: cheaper than gathering only the lines
    # the boxes use (about 2 ms for a 300 dpi page).
    col_share = np.count_nonzero(gray[::8] < limit, axis=0) / max(1, (gray.shape[0] + 7) // 8)
    row_share = np.count_nonzero(gray[:, ::8] < limit, axis=1) / max(1, (gray.shape[1] + 7) // 8)
    return (col_share > STREAK_SHARE)[columns], (row_share > STREAK_SHARE)[rows]


def measure_boxes(
    gray: Gray,
    transform: PageTransform,
    boxes: Sequence[BoxRect],
    thresholds: Thresholds | None = None,
    paper_level: float | None = None,
) -> list[BoxMeasure]:
    """Darkness of every box in one vectorised pass over the page."""
    thresholds = thresholds or Thresholds()
    if not boxes:
        return []
    scale = transform.px_per_mm()
    largest = max(max(b.width, b.height) for b in boxes)
    # About one sample per pixel across the inner box, capped: more adds time, not accuracy.
    n = int(np.clip(np.ceil(largest * (1 - 2 * INSET) * scale), 6, 40))
    per_side = int(np.clip(np.ceil(largest * scale / 2), 8, 40))
    plan = _plan(tuple(boxes), n, per_side)
    inner, inner_rows, inner_cols = _sample(gray, transform, plan.inner_x, plan.inner_y)
    ring, _, _ = _sample(gray, transform, plan.halo_x, plan.halo_y)

    global_paper = paper_level if paper_level is not None else page_paper_level(gray)
    on_col, on_row = streak_lines(gray, inner_cols, inner_rows, global_paper * thresholds.dark_ratio)
    streaked = np.asarray(on_col.any(axis=1) | on_row.any(axis=1))
    # The paper level next to each box follows uneven lighting (photos, scanner edges) but is kept within
    # reason of the page's level so that a box drowned in ink cannot lower its own bar.
    local = np.sort(ring, axis=1)[:, (ring.shape[1] * 3) // 4].astype(np.float64)
    paper = np.clip(local, 0.75 * global_paper, max(global_paper, 1.0))
    limit = (paper * thresholds.dark_ratio)[:, None]
    darkness = (inner < limit).mean(axis=1)
    faint = (inner < (paper * thresholds.faint_ratio)[:, None]).mean(axis=1) * plan.inner_area
    halo_ink = (ring < limit).mean(axis=1) * plan.ring_area
    results = []
    rows = zip(boxes, darkness, plan.inner_area, faint, halo_ink, streaked, strict=True)
    for box, dark, area, light, ring_ink, streak in rows:
        ink = float(dark * area)
        state = thresholds.classify(ink, float(light))
        if (state is BoxState.EMPTY and ring_ink >= thresholds.halo_mm2) or streak:
            state = BoxState.DOUBTFUL
        results.append(
            BoxMeasure(box.box_id, round(float(dark), 4), round(ink, 2), round(float(light), 2),
                       round(float(ring_ink), 2), state, bool(streak))
        )
    return results
