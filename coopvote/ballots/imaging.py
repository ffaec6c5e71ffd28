"""Turning whatever the tellers hand over into grey pages the mark reader can measure.

Scanners give PDFs (often many sheets in one file), TIFF stacks, PNGs or JPEGs; a teller without a
scanner may photograph sheets with a phone. The reader only ever sees an 8-bit grey numpy array with
the page's origin and index kept beside it, so a reading can always be traced back to its file and page
and an unreadable sheet can still be shown to a person.
"""

from __future__ import annotations

import io
import math
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import numpy.typing as npt
from PIL import Image, ImageOps, UnidentifiedImageError

from coopvote.errors import InputError
from coopvote.messages import Message, message

Gray = npt.NDArray[np.uint8]

IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".gif", ".webp"})
PDF_SUFFIXES = frozenset({".pdf"})

DEFAULT_PDF_DPI = 200
"""PDF pages are rasterised at this resolution unless asked otherwise: enough for 5 mm boxes, still fast."""

MIN_PDF_DPI = 50
MAX_PDF_DPI = 1200
"""The resolutions a PDF may be read at: below 50 dpi a 5 mm box is a few pixels; above 1200 a page is
a gigabyte of pixels for no gain."""

MAX_PAGE_PIXELS = 120_000_000
"""The most pixels one page may have, checked from the file's header before anything is decoded: an A3
sheet at 600 dpi is 70 million, a 108-megapixel phone photo 108 million. A picture that claims more is
refused (a decompression bomb: a few kilobytes that would inflate to gigabytes); a PDF page is rendered
at a lower resolution that fits, or refused if even that is too coarse to read."""

MAX_SCAN_FILE_BYTES = 1 << 30
"""A scanned file larger than 1 GiB is refused before it is read: a sheet feeder's PDF of a thousand
sheets is a few hundred megabytes."""

MAX_FRAMES = 5000
"""The most pages one image file (a TIFF stack) may hold; more is refused rather than read for hours."""

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
            raise InputError("scan.array_shape", shape=array.shape)
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
    yield from _image_pages(data, source, max_pixels=MAX_PAGE_PIXELS)


def _check_pixels(width: int, height: int, max_pixels: int, where: str | Message) -> None:
    if width * height > max_pixels:
        raise InputError("scan.too_many_pixels", where=where, width=width, height=height, limit=max_pixels)


def _image_pages(data: bytes, source: str, *, max_pixels: int) -> Iterator[PageImage]:
    """The frames of an image, each checked against ``max_pixels`` from its header before decoding."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # our own limit is checked below
            opened = Image.open(io.BytesIO(data))
        _check_pixels(*opened.size, max_pixels, source)
        frames = getattr(opened, "n_frames", 1)
        if frames > MAX_FRAMES:
            raise InputError("scan.too_many_pages", source=source, pages=frames, limit=MAX_FRAMES)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            opened.load()
    except UnidentifiedImageError as error:
        raise InputError("scan.not_a_picture", source=source) from error
    except Image.DecompressionBombError as error:
        raise InputError("scan.picture_too_large", source=source, detail=error) from error
    except InputError:
        raise
    except Exception as error:  # noqa: BLE001 - PIL raises assorted errors (TypeError, KeyError, struct...) on hostile bytes
        raise InputError("scan.picture_damaged", source=source, detail=_describe(error)) from error
    for index in range(frames):
        try:
            opened.seek(index)
            _check_pixels(*opened.size, max_pixels, message("scan.page_of", source=source, page=index + 1))
            frame = opened.copy()
            dpi = _image_dpi(frame)
            upright = ImageOps.exif_transpose(frame) or frame
            shrunk = _shrink_photo(upright)
            gray = to_gray(shrunk)
        except InputError:
            raise
        except Exception as error:  # noqa: BLE001 - as above: a damaged frame, not a crash
            raise InputError("scan.page_unreadable", source=source, page=index + 1, detail=_describe(error)) from error
        if shrunk is not upright and dpi is not None:
            dpi = dpi * shrunk.size[0] / upright.size[0]
        yield PageImage(source=source, page_index=index, gray=gray, dpi=dpi)


def _describe(error: Exception) -> str:
    words = str(error).strip().splitlines()[0][:160] if str(error).strip() else ""
    return words if isinstance(error, OSError | ValueError) and words else f"{type(error).__name__}: {words}".rstrip(": ")


def check_pdf_dpi(dpi: object, what: str | None = None) -> float:
    """``dpi`` as a float if it is a finite number in the range a PDF may be read at, else an InputError.

    ``what`` names where the number came from (an option such as ``--dpi``); by default, the PDF resolution.
    """
    named: str | Message = what if what is not None else message("scan.pdf_resolution")
    try:
        value = float(dpi)  # type: ignore[arg-type]  # anything a person typed: refused below if not a number
    except (TypeError, ValueError):
        raise InputError("scan.dpi_not_a_number", what=named, dpi=dpi, low=MIN_PDF_DPI, high=MAX_PDF_DPI) from None
    if not math.isfinite(value) or not MIN_PDF_DPI <= value <= MAX_PDF_DPI:
        raise InputError("scan.dpi_out_of_range", what=named, dpi=dpi, low=MIN_PDF_DPI, high=MAX_PDF_DPI)
    return value


def pdf_render_dpi(width_pt: float, height_pt: float, dpi: float, max_pixels: int, where: str | Message) -> float:
    """The resolution a page of this size is rendered at: ``dpi``, lowered so the raster stays within
    ``max_pixels``; a page so large that even the lowest readable resolution does not fit is refused."""
    if not (math.isfinite(width_pt) and math.isfinite(height_pt)) or width_pt <= 0 or height_pt <= 0:
        raise InputError("scan.page_no_size", where=where, width=width_pt, height=height_pt)
    pixels_at_dpi = width_pt * height_pt * (dpi / 72.0) ** 2
    if pixels_at_dpi <= max_pixels:
        return dpi
    fitted = dpi * math.sqrt(max_pixels / pixels_at_dpi)
    if fitted < MIN_PDF_DPI:
        raise InputError(
            "scan.page_far_too_large", where=where, width=width_pt / 72 * 25.4 / 1000, height=height_pt / 72 * 25.4 / 1000
        )
    return math.floor(fitted)


def pages_from_pdf_bytes(data: bytes, source: str, dpi: float = DEFAULT_PDF_DPI) -> Iterator[PageImage]:
    """Each page of a PDF rasterised in grey at ``dpi`` (pdfium, the renderer Chrome uses)."""
    for page in _pdf_pages(data, source, check_pdf_dpi(dpi), max_pixels=MAX_PAGE_PIXELS):
        if isinstance(page, InputError):
            raise page
        yield page


def _pdf_pages(data: bytes, source: str, dpi: float, *, max_pixels: int) -> Iterator[PageImage | InputError]:
    """Each page, or the reason it cannot be read: one bad page does not stop the pages after it."""
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        raise InputError("scan.not_a_pdf", source=source, detail=error) from error
    try:
        for index in range(len(document)):
            where = message("scan.page_of", source=source, page=index + 1)
            try:
                page = document[index]
            except (pdfium.PdfiumError, MemoryError, ValueError) as error:
                yield InputError("scan.page_not_loaded", where=where, detail=error)
                continue
            try:
                width_pt, height_pt = page.get_size()
                page_dpi = pdf_render_dpi(width_pt, height_pt, dpi, max_pixels, where)
                bitmap = page.render(scale=page_dpi / 72.0, grayscale=True)
                array = bitmap.to_numpy()
            except InputError as problem:
                yield problem
                continue
            except (pdfium.PdfiumError, MemoryError, ValueError) as error:
                yield InputError("scan.page_not_rendered", source=source, page=index + 1, detail=error)
                continue
            finally:
                page.close()
            yield PageImage(source=source, page_index=index, gray=to_gray(array), dpi=float(page_dpi))
    finally:
        document.close()


def load_pages(path: str | Path, pdf_dpi: float = DEFAULT_PDF_DPI) -> Iterator[PageImage]:
    """All pages of one scanned file, in file order; the first page that cannot be read raises.

    The file type is judged by content first (scanners name files oddly), then by suffix.
    """
    for page in _file_pages(Path(path), check_pdf_dpi(pdf_dpi), max_pixels=MAX_PAGE_PIXELS):
        if isinstance(page, InputError):
            raise page
        yield page


def _file_pages(
    path: Path, dpi: float, *, max_pixels: int, max_bytes: int = MAX_SCAN_FILE_BYTES
) -> Iterator[PageImage | InputError]:
    """Pages of one file, or the reason a page (or the whole file) cannot be read; never raises for the file."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError("scan.file_too_large", path=path, size=size, limit=max_bytes)
        try:
            data = path.read_bytes()
        except OSError as error:
            raise InputError("scan.cannot_open", path=path, detail=error.strerror or error) from error
        if data[:5] == b"%PDF-" or path.suffix.lower() in PDF_SUFFIXES:
            yield from _pdf_pages(data, str(path), dpi, max_pixels=max_pixels)
        else:
            yield from _image_pages(data, str(path), max_pixels=max_pixels)
    except FileNotFoundError:
        yield InputError("scan.cannot_open_missing", path=path)
    except OSError as error:
        yield InputError("scan.cannot_open", path=path, detail=error.strerror or error)
    except InputError as problem:
        yield problem


def scan_paths(
    paths: list[Path],
    pdf_dpi: float = DEFAULT_PDF_DPI,
    *,
    on_unreadable: Callable[[InputError], None] | None = None,
    max_pixels: int = MAX_PAGE_PIXELS,
) -> Iterator[PageImage]:
    """Pages of many files and folders (folders searched recursively, files in name order).

    Without ``on_unreadable`` the first file or page that cannot be read raises. With it, each such
    file or page is handed to it with the reason and reading goes on with the next page or file: a
    batch of five hundred sheets is not lost to one damaged or hostile picture in the middle of it.
    """
    dpi = check_pdf_dpi(pdf_dpi)
    for path in paths:
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in IMAGE_SUFFIXES | PDF_SUFFIXES
            )
        elif path.exists():
            found = [path]
        else:
            problem = InputError("scan.no_such_path", path=path)

            if on_unreadable is None:
                raise problem
            on_unreadable(problem)
            continue
        for file in found:
            for page in _file_pages(file, dpi, max_pixels=max_pixels):
                if isinstance(page, InputError):
                    if on_unreadable is None:
                        raise page
                    on_unreadable(page)
                else:
                    yield page


def png_bytes(gray: Gray, dpi: float | None = None) -> bytes:
    """Grey pixels as a small PNG (fast compression: these are made for every doubtful sheet)."""
    buffer = io.BytesIO()
    image = Image.fromarray(gray, mode="L") if gray.dtype == np.uint8 else Image.fromarray(gray.astype(np.uint8))
    options: dict[str, object] = {"compress_level": 1}
    if dpi:
        options["dpi"] = (dpi, dpi)
    image.save(buffer, format="PNG", **options)
    return buffer.getvalue()
