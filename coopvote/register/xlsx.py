"""Reading a register from an Excel workbook, row for row as the spreadsheet numbers them.

Workbooks come from many programs (Excel, LibreOffice, Google Sheets, membership systems), some of
which write a wrong sheet size; we ignore the stored size and read every row. Values are the cached
results of formulas (``data_only``), which is what the person sees on screen.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from coopvote.messages import Message, message
from coopvote.register.columns import header_score
from coopvote.register.model import Record, RegisterPreview, RowProblem
from coopvote.register.text import cell_text

_HEADER_ROWS = 20

MAX_PARTS = 2000
"""The most parts (zip members) a register workbook may hold; Excel writes a dozen or so."""

MAX_UNPACKED_BYTES = 256 << 20
"""The most bytes a register workbook's parts may unpack to (256 MiB): 100,000 members take about 20 MB.
An .xlsx is a zip, so a few kilobytes can claim gigabytes; this is checked from the zip's directory
before the spreadsheet reader sees it (zipfile never inflates a member past its declared size)."""


def _zip_problem(data: bytes, max_unpacked: int = MAX_UNPACKED_BYTES) -> Message | None:
    """Why the workbook's zip is beyond the limits, or None (a zip that cannot be opened is left to openpyxl)."""
    import zipfile

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
    except Exception:  # noqa: BLE001 - not a readable zip: openpyxl says so in its own words below
        return None
    if len(infos) > MAX_PARTS:
        return message("register.xlsx_too_many_parts", parts=len(infos), limit=MAX_PARTS)
    unpacked = sum(info.file_size for info in infos)
    if unpacked > max_unpacked:
        return message("register.xlsx_too_big", unpacked=unpacked, limit=max_unpacked)
    return None


def read_xlsx_rows(data: bytes, preview: RegisterPreview) -> Iterator[Record] | None:
    """Records (row, row, cell values) of the sheet that looks most like a register, or None."""
    import openpyxl

    problem = _zip_problem(data)
    if problem:
        _whole(preview, problem)
        return None
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # noqa: BLE001 - any failure of the workbook parser on untrusted bytes
        _whole(preview, message("register.xlsx_unreadable", detail=_describe(error)))
        return None
    try:
        sheets = [ws for ws in book.worksheets if hasattr(ws, "iter_rows")]
        if not sheets:
            _whole(preview, message("register.xlsx_no_sheets"))
            book.close()
            return None
        best = max(sheets, key=lambda ws: (_sheet_score(ws), -sheets.index(ws)))
    except Exception as error:  # noqa: BLE001
        book.close()
        _whole(preview, message("register.xlsx_unreadable", detail=_describe(error)))
        return None
    preview.sheet = best.title
    if len(sheets) > 1:
        others = ", ".join(f"“{ws.title}”" for ws in sheets if ws is not best)
        preview.warnings.append(message("register.note_other_sheets", sheet=best.title, others=others))
    return _rows(book, best, preview)


def _sheet_score(sheet: Any) -> int:
    if hasattr(sheet, "reset_dimensions"):
        sheet.reset_dimensions()
    score = 0
    for row in sheet.iter_rows(min_row=1, max_row=_HEADER_ROWS, values_only=True):
        score = max(score, header_score([cell_text(v) for v in row]))
    return score


def _rows(book: Any, sheet: Any, preview: RegisterPreview) -> Iterator[Record]:
    number = 0
    try:
        for number, values in enumerate(sheet.iter_rows(min_row=1, values_only=True), start=1):
            yield number, number, values
    except Exception as error:  # noqa: BLE001 - a corrupt sheet part shows up only while reading
        preview.errors.append(RowProblem(number + 1, None, message("register.xlsx_damaged", detail=_describe(error)),
                                         preview.filename, "row"))
    finally:
        book.close()


def _whole(preview: RegisterPreview, reason: Message) -> None:
    preview.errors.append(RowProblem(None, None, reason, preview.filename))


def _describe(error: Exception) -> str:
    text = str(error).strip().splitlines()[0][:120] if str(error).strip() else ""
    return f"{type(error).__name__}: {text}" if text else type(error).__name__
