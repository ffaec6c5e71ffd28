"""Turning whatever the tellers hand over into grey pages the mark reader can measure.

Scanners give PDFs (often many sheets in one file), TIFF stacks, PNGs or JPEGs; a teller without a
scanner may photograph sheets with a phone. The reader only ever sees an 8-bit grey numpy array with
the page's origin and index kept beside it, so a reading can always be traced back to its file and page
and an unreadable sheet can still be shown to a person.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt
from PIL import Image, ImageOps, UnidentifiedImageError

from coopvote.errors import InputError

Gray = npt.NDArray[np.uint8]

IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".gif", ".webp"})
PDF_SUFFIXES = frozenset({".pdf"})

DEFAULT_PDF_DPI = 200
"""PDF pages are rasterised at this resolution unless asked otherwise: enough for 5 mm boxes, still fast."""

MAX_PHOTO_SIDE = 3600
"""Phone photos (12-50 megapixels) are shrunk so their long side is at most this: an A4 sheet filling
the frame is then still about 300 dpi, and reading stays fast."""


@dataclass(frozen=True)
class PageImage:
    """One page to read: its grey pixels and where it came from."""

    source: str
    page_index: int
    gray: Gray
    dpi: float | None = None
    """Known for rasterised PDFs and for image files that record it; None for most photos."""


def to_gray(image: Image.Image | npt.NDArray[np.generic]) -> Gray:
    """Any PIL image or numpy array (grey, RGB, RGBA, 16-bit, 1-bit) as contiguous 8-bit grey.

    Transparent areas count as white paper, not black, so a PNG with an alpha channel reads correctly.
    """
    if isinstance(image, np.ndarray):
        array = image
        if array.ndim == 3 and array.shape[2] == 1:
            array = array[:, :, 0]
        if array.ndim == 2:
            if array.dtype == np.uint8:
                return np.ascontiguousarray(array)
            if array.dtype == np.bool_:
                return np.where(array, 255, 0).astype(np.uint8)
            scaled = array.astype(np.float64)
            top = 65535.0 if array.dtype == np.uint16 else max(1.0, float(scaled.max()))
            return np.clip(scaled * (255.0 / top), 0, 255).astype(np.uint8)
        if array.ndim == 3 and array.shape[2] in (3, 4):
            image = Image.fromarray(np.ascontiguousarray(array.astype(np.uint8)))
        else:
            raise InputError(f"cannot read an image array of shape {array.shape}")
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        background = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        image = Image.alpha_composite(background, rgba)
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        return to_gray(np.asarray(image).astype(np.uint16))
    if image.mode != "L":
        image = image.convert("L")
    return np.ascontiguousarray(np.asarray(image, dtype=np.uint8))


def _image_dpi(image: Image.Image) -> float | None:
    dpi = image.info.get("dpi")
    if isinstance(dpi, tuple) and dpi and dpi[0]:
        try:
            value = float(dpi[0])
        except (TypeError, ValueError):
            return None
        # Many cameras write a meaningless 72 dpi; only believe values a scanner would use.
        return value if value >= 100 else None
    return None


def _shrink_photo(image: Image.Image) -> Image.Image:
    longest = max(image.size)
    if longest <= MAX_PHOTO_SIDE:
        return image
    factor = MAX_PHOTO_SIDE / longest
    size = (max(1, round(image.size[0] * factor)), max(1, round(image.size[1] * factor)))
    return image.resize(size, Image.Resampling.BOX)


def pages_from_image_bytes(data: bytes, source: str) -> Iterator[PageImage]:
    """Every frame of an image file (a TIFF from a sheet feeder holds many), upright per its EXIF."""
    try:
        opened = Image.open(io.BytesIO(data))
        opened.load()
    except UnidentifiedImageError as error:
        raise InputError(
            f"{source}: not a picture or PDF coopvote can read (scans must be PDF, PNG, JPEG or TIFF)"
        ) from error
    except (OSError, ValueError) as error:
        raise InputError(f"{source}: the picture is damaged or cut short ({error})") from error
    frames = getattr(opened, "n_frames", 1)
    for index in range(frames):
        try:
            opened.seek(index)
            frame = opened.copy()
        except (OSError, EOFError) as error:
            raise InputError(f"{source}: page {index + 1} cannot be read ({error})") from error
        dpi = _image_dpi(frame)
        upright = ImageOps.exif_transpose(frame) or frame
        shrunk = _shrink_photo(upright)
        if shrunk is not upright and dpi is not None:
            dpi = dpi * shrunk.size[0] / upright.size[0]
        yield PageImage(source=source, page_index=index, gray=to_gray(shrunk), dpi=dpi)


def pages_from_pdf_bytes(data: bytes, source: str, dpi: float = DEFAULT_PDF_DPI) -> Iterator[PageImage]:
    """Each page of a PDF rasterised in grey at ``dpi`` (pdfium, the renderer Chrome uses)."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        raise InputError(f"{source}: not a PDF coopvote can read ({error})") from error
    try:
        for index in range(len(document)):
            page = document[index]
            try:
                bitmap = page.render(scale=dpi / 72.0, grayscale=True)
                array = bitmap.to_numpy()
            except pdfium.PdfiumError as error:
                raise InputError(f"{source}: page {index + 1} cannot be rendered ({error})") from error
            finally:
                page.close()
            yield PageImage(source=source, page_index=index, gray=to_gray(array), dpi=float(dpi))
    finally:
        document.close()


def load_pages(path: str | Path, pdf_dpi: float = DEFAULT_PDF_DPI) -> Iterator[PageImage]:
    """All pages of one scanned file, in file order.

    The file type is judged by content first (scanners name files oddly), then by suffix.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(f"{path}: cannot be opened ({error.strerror or error})") from error
    if data[:5] == b"%PDF-" or path.suffix.lower() in PDF_SUFFIXES:
        yield from pages_from_pdf_bytes(data, str(path), dpi=pdf_dpi)
    else:
        yield from pages_from_image_bytes(data, str(path))


def scan_paths(paths: list[Path], pdf_dpi: float = DEFAULT_PDF_DPI) -> Iterator[PageImage]:
    """Pages of many files and folders (folders searched recursively, files in name order)."""
    for path in paths:
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in IMAGE_SUFFIXES | PDF_SUFFIXES
            )
            for file in found:
                yield from load_pages(file, pdf_dpi=pdf_dpi)
        elif path.exists():
            yield from load_pages(path, pdf_dpi=pdf_dpi)
        else:
            raise InputError(f"{path}: no such file or folder")


def png_bytes(gray: Gray, dpi: float | None = None) -> bytes:
    """Grey pixels as a small PNG (fast compression: these are made for every doubtful sheet)."""
    buffer = io.BytesIO()
    image = Image.fromarray(gray, mode="L") if gray.dtype == np.uint8 else Image.fromarray(gray.astype(np.uint8))
    options: dict[str, object] = {"compress_level": 1}
    if dpi:
        options["dpi"] = (dpi, dpi)
    image.save(buffer, format="PNG", **options)
    return buffer.getvalue()
