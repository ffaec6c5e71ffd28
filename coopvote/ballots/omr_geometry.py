"""Where the paper lies in the picture: the QR code and the registration marks fix a map mm -> px.

The QR code alone is a small anchor: extrapolating a 4-point perspective from its corners to boxes
80-130 mm away put them about 2.5 mm off. So the QR corners only seed a similarity fit; the printed
registration marks near the page corners are then found near where that fit predicts them, and all
points together are fitted by least squares (affine for flat scans; a full perspective only when at
least three marks are found and the affine fit leaves them visibly off, as with a phone photo).

Coordinates: layout millimetres have their origin at the paper's top-left corner, x to the right and
y downwards. Pixel coordinates are pixel edges: pixel (row r, column c) covers x in [c, c+1) and y in
[r, r+1), the convention zxing-cpp uses for the QR corners.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import zxingcpp

Gray = npt.NDArray[np.uint8]
Points = npt.NDArray[np.float64]

_QR_ONLY = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)

MAX_AFFINE_RESIDUAL_MM = 0.35
"""If the affine fit leaves registration marks further off than this, a perspective fit is tried."""

MAX_ACCEPTED_RESIDUAL_MM = 1.2
"""A fit leaving any anchor further off than this is not trusted: the measured middle of a 9 mm box
is only 5.4 mm wide."""


@dataclass(frozen=True)
class QrFound:
    """A decoded QR code and its four outer corners in the image, in the symbol's own order."""

    text: str
    corners: Points
    """Shape (4, 2): top-left, top-right, bottom-right, bottom-left of the symbol as printed."""

    @property
    def rotation_degrees(self) -> float:
        """Angle of the symbol's top edge in the image: 0 upright, 180 upside down (clockwise positive)."""
        dx, dy = self.corners[1] - self.corners[0]
        return float(np.degrees(np.arctan2(dy, dx)) % 360.0)


Region = tuple[float, float, float, float]
"""Part of the picture as fractions of its width and height: left, top, right, bottom."""


def find_qr(gray: Gray, regions: Sequence[Region] = (), decimate_above_px: int = 2400) -> list[QrFound]:
    """Every QR code zxing-cpp can decode on the page, restricted to the QR format.

    Looking first in the likely ``regions`` (where the layout prints the code, upright or upside down)
    makes decoding ~10x faster than a whole page; large pictures are searched at half resolution, as
    the registration marks later fix the fine position anyway. Only if that fails is the whole page
    searched in every rotation, then once more with a global threshold, which rescues pages whose
    local contrast is poor (heavy blur, dim photos).
    """
    height, width = gray.shape
    step = 2 if max(height, width) > decimate_above_px else 1
    for left, top, right, bottom in regions:
        x0, x1 = int(left * width), int(right * width)
        y0, y1 = int(top * height), int(bottom * height)
        crop = np.ascontiguousarray(gray[y0:y1:step, x0:x1:step])
        results = zxingcpp.read_barcodes(crop, formats=_QR_ONLY, try_rotate=False, try_invert=False)
        found = _found(results, scale=step, dx=x0, dy=y0)
        if found:
            return found
    found = _found(zxingcpp.read_barcodes(gray, formats=_QR_ONLY))
    if not found:
        found = _found(zxingcpp.read_barcodes(gray, formats=_QR_ONLY, binarizer=zxingcpp.Binarizer.GlobalHistogram))
    return found


def _found(results: Sequence[zxingcpp.Barcode], scale: int = 1, dx: int = 0, dy: int = 0) -> list[QrFound]:
    found = []
    for result in results:
        if not result.valid:
            continue
        pos = result.position
        corners = np.array(
            [
                [pos.top_left.x, pos.top_left.y],
                [pos.top_right.x, pos.top_right.y],
                [pos.bottom_right.x, pos.bottom_right.y],
                [pos.bottom_left.x, pos.bottom_left.y],
            ],
            dtype=np.float64,
        )
        found.append(QrFound(text=result.text, corners=corners * scale + np.array([dx, dy], dtype=np.float64)))
    return found


@dataclass(frozen=True)
class PageTransform:
    """A map from layout mm to image px, kept as a 3x3 matrix (affine ones have a last row 0 0 1)."""

    matrix: Points
    kind: str
    """"similarity", "affine" or "perspective": how it was fitted."""
    residual_mm: float = 0.0
    """Largest distance between an anchor's measured and mapped positions, in mm."""

    def apply(self, points_mm: npt.ArrayLike) -> Points:
        pts = np.asarray(points_mm, dtype=np.float64)
        flat = pts.reshape(-1, 2)
        mapped = flat @ self.matrix[:2, :2].T + self.matrix[:2, 2]
        if self.kind == "perspective":
            w = flat @ self.matrix[2, :2] + self.matrix[2, 2]
            mapped = mapped / w[:, None]
        return mapped.reshape(pts.shape)

    def px_per_mm(self) -> float:
        """Mean scale of the map: the page's resolution in px per mm (dpi / 25.4)."""
        a = self.matrix[:2, :2]
        return float(np.sqrt(abs(np.linalg.det(a))))

    def rotation_degrees(self) -> float:
        """Angle at which the page's x axis lies in the image (clockwise positive, 0..360)."""
        return float(np.degrees(np.arctan2(self.matrix[1, 0], self.matrix[0, 0])) % 360.0)

    def inverse_apply(self, points_px: npt.ArrayLike) -> Points:
        inverse = np.linalg.inv(self.matrix)
        pts = np.asarray(points_px, dtype=np.float64).reshape(-1, 2)
        homog = np.column_stack([pts, np.ones(len(pts))]) @ inverse.T
        return homog[:, :2] / homog[:, 2:3]


def fit_similarity(src: Points, dst: Points) -> PageTransform:
    """Rotation, uniform scale and shift (Umeyama least squares): 4 nearby points cannot say more."""
    src_mean, dst_mean = src.mean(axis=0), dst.mean(axis=0)
    s, d = src - src_mean, dst - dst_mean
    cov = d.T @ s / len(src)
    u, sigma, vt = np.linalg.svd(cov)
    sign = np.sign(np.linalg.det(u @ vt)) or 1.0
    correction = np.diag([1.0, sign])
    rotation = u @ correction @ vt
    variance = (s**2).sum() / len(src)
    scale = float((sigma * np.diag(correction)).sum() / variance)
    matrix = np.eye(3)
    matrix[:2, :2] = scale * rotation
    matrix[:2, 2] = dst_mean - scale * rotation @ src_mean
    return _with_residual(PageTransform(matrix, "similarity"), src, dst)


def fit_affine(src: Points, dst: Points) -> PageTransform:
    """Least-squares affine map; scanners shear and stretch a little, which a similarity cannot follow."""
    design = np.column_stack([src, np.ones(len(src))])
    solution, *_ = np.linalg.lstsq(design, dst, rcond=None)
    matrix = np.eye(3)
    matrix[:2, :] = solution.T
    return _with_residual(PageTransform(matrix, "affine"), src, dst)


def fit_perspective(src: Points, dst: Points) -> PageTransform:
    """Least-squares homography (normalised DLT) for photos taken at an angle; needs >= 4 spread points."""
    t_src, t_dst = _normaliser(src), _normaliser(dst)
    s = _homogeneous(src) @ t_src.T
    d = _homogeneous(dst) @ t_dst.T
    rows = []
    for (x, y, w), (u, v, z) in zip(s, d, strict=True):
        rows.append([0, 0, 0, -z * x, -z * y, -z * w, v * x, v * y, v * w])
        rows.append([z * x, z * y, z * w, 0, 0, 0, -u * x, -u * y, -u * w])
    _, _, vt = np.linalg.svd(np.asarray(rows))
    h = vt[-1].reshape(3, 3)
    matrix = np.linalg.inv(t_dst) @ h @ t_src
    matrix = matrix / matrix[2, 2]
    return _with_residual(PageTransform(matrix, "perspective"), src, dst)


def _homogeneous(points: Points) -> Points:
    return np.column_stack([points, np.ones(len(points))])


def _normaliser(points: Points) -> Points:
    mean = points.mean(axis=0)
    spread = np.sqrt(((points - mean) ** 2).sum(axis=1)).mean() or 1.0
    k = np.sqrt(2.0) / spread
    return np.array([[k, 0, -k * mean[0]], [0, k, -k * mean[1]], [0, 0, 1.0]])


def _with_residual(transform: PageTransform, src: Points, dst: Points) -> PageTransform:
    error_px = np.sqrt(((transform.apply(src) - dst) ** 2).sum(axis=1)).max()
    residual = float(error_px / max(transform.px_per_mm(), 1e-9))
    return PageTransform(transform.matrix, transform.kind, residual)


@dataclass(frozen=True)
class MarkSearch:
    """Result of looking for one printed registration mark."""

    expected_mm: tuple[float, float]
    found_px: tuple[float, float] | None
    why_not: str = ""


MARK_SCORE_MIN = 0.6
"""How mark-like the best spot must be: 1 is a solid dark square on clear paper, 0 plain paper or a
uniformly dark area (a class band, the table behind a photographed sheet)."""


def locate_mark(
    gray: Gray,
    predicted_px: Points,
    px_per_mm: float,
    size_mm: float,
    search_mm: float = 4.0,
) -> tuple[tuple[float, float] | None, str]:
    """The centre of a solid printed square mark near ``predicted_px``, or None and why.

    Every placement of a mark-sized square in the window is scored at once (integral image): its
    share of dark pixels minus the share of dark pixels in a 1.2 mm ring round it. A lone black
    square scores ~1; the edge of a dark band, a page edge or a photo's background scores far lower,
    so they are never mistaken for the mark even when they fall inside the window.
    """
    side = max(3, int(round(size_mm * px_per_mm)))
    ring = max(2, int(round(1.2 * px_per_mm)))
    outer = side + 2 * ring
    half = (size_mm / 2 + search_mm) * px_per_mm + ring
    window = _window(gray, float(predicted_px[0]), float(predicted_px[1]), half)
    if window is None:
        return None, "outside the picture"
    pixels, x0, y0 = window
    if pixels.shape[0] <= outer or pixels.shape[1] <= outer:
        return None, "at the picture's edge"
    sample = pixels[::2, ::2]
    low, high = float(sample.min()), float(sample.max())
    if high - low < 40:
        return None, "no contrast"
    dark = (pixels < (low + high) / 2).astype(np.int32)
    integral = np.zeros((dark.shape[0] + 1, dark.shape[1] + 1), dtype=np.int32)
    integral[1:, 1:] = dark.cumsum(axis=0).cumsum(axis=1)

    def box_sums(offset: int, size: int) -> npt.NDArray[np.int32]:
        rows = integral.shape[0] - outer
        cols = integral.shape[1] - outer
        top, left = offset, offset
        return (
            integral[top + size : top + size + rows, left + size : left + size + cols]
            - integral[top : top + rows, left + size : left + size + cols]
            - integral[top + size : top + size + rows, left : left + cols]
            + integral[top : top + rows, left : left + cols]
        )

    inner = box_sums(ring, side).astype(np.float64)
    whole = box_sums(0, outer).astype(np.float64)
    score = inner / side**2 - (whole - inner) / (outer**2 - side**2)
    best = int(np.argmax(score))
    r, c = divmod(best, score.shape[1])
    if score[r, c] < MARK_SCORE_MIN:
        return None, f"nothing mark-like (best {score[r, c]:.2f})"
    # Centroid of the ink in the best square, grown by a pixel so blur cannot bias it.
    top, left = r + ring - 1, c + ring - 1
    patch = dark[max(0, top) : top + side + 2, max(0, left) : left + side + 2]
    ys, xs = np.nonzero(patch)
    return (x0 + max(0, left) + float(xs.mean()) + 0.5, y0 + max(0, top) + float(ys.mean()) + 0.5), ""


def _window(gray: Gray, cx: float, cy: float, half: float) -> tuple[Gray, int, int] | None:
    x0, x1 = max(0, int(cx - half)), min(gray.shape[1], int(cx + half) + 1)
    y0, y1 = max(0, int(cy - half)), min(gray.shape[0], int(cy + half) + 1)
    if x1 - x0 < 3 or y1 - y0 < 3:
        return None
    return gray[y0:y1, x0:x1], x0, y0


def fit_page(
    qr: QrFound,
    qr_corners_mm: Points,
    marks_mm: Sequence[tuple[float, float]],
    mark_size_mm: float,
    gray: Gray,
) -> tuple[PageTransform, list[MarkSearch]]:
    """The best map from layout mm to this image, and what became of each registration mark.

    Marks are looked for nearest-first, refitting after each one found: the QR seed is least exact far
    from the code, and each found mark sharpens the prediction for the next.
    """
    transform = fit_similarity(qr_corners_mm, qr.corners)
    centre = qr_corners_mm.mean(axis=0)
    order = sorted(marks_mm, key=lambda m: float(np.hypot(m[0] - centre[0], m[1] - centre[1])))
    found: dict[tuple[float, float], tuple[float, float]] = {}
    why_not: dict[tuple[float, float], str] = {}
    # A second pass looks again, wider, for marks the first missed: by then the fit uses every mark
    # found, so a photo's perspective no longer throws the prediction off.
    for search_mm in (4.0, 7.0):
        for mark in order:
            if mark in found:
                continue
            predicted = transform.apply(np.array(mark))
            where, why = locate_mark(gray, predicted, transform.px_per_mm(), mark_size_mm, search_mm)
            if where is None:
                why_not[mark] = why
                continue
            found[mark] = where
            why_not.pop(mark, None)
            transform = _best_fit(qr_corners_mm, qr.corners, list(found), list(found.values()))
        if len(found) == len(order):
            break
    searches = [MarkSearch(expected_mm=m, found_px=found.get(m), why_not=why_not.get(m, "")) for m in marks_mm]
    return transform, searches


def _best_fit(
    qr_mm: Points,
    qr_px: Points,
    marks_mm: list[tuple[float, float]],
    marks_px: list[tuple[float, float]],
) -> PageTransform:
    src = np.vstack([qr_mm, np.asarray(marks_mm)])
    dst = np.vstack([qr_px, np.asarray(marks_px)])
    if len(marks_mm) == 0:
        return fit_similarity(qr_mm, qr_px)
    if len(marks_mm) == 1:
        return fit_similarity(src, dst)
    affine = fit_affine(src, dst)
    if affine.residual_mm <= MAX_AFFINE_RESIDUAL_MM or len(marks_mm) < 3:
        return affine
    perspective = fit_perspective(src, dst)
    return perspective if perspective.residual_mm < affine.residual_mm else affine
