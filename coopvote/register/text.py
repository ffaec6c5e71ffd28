"""Turning a register's bytes into text records, and cell text into values.

A register is a person's list, so the encoding is whatever their spreadsheet chose. We accept UTF-8
(with or without BOM), UTF-16 with BOM (Excel's "Unicode text") and Windows-1252, and we refuse to guess
beyond that: a wrong guess would turn "Siân" into "SiÃ¢n" and import it without complaint. A file
that mixes UTF-8 with stray other bytes is reported line by line rather than decoded as Windows-1252,
for the same reason.
"""

from __future__ import annotations

import codecs
import csv
import io
import math
import unicodedata
from collections.abc import Iterator
from datetime import date, datetime, time
from fractions import Fraction

from coopvote.messages import Message, message
from coopvote.register.columns import header_score
from coopvote.register.model import Record, RegisterPreview, RowProblem

DELIMITERS = (",", ";", "\t")
_SNIFF_CHARS = 65536
_CONTROLS = {c: None for c in range(32) if c not in (9, 10, 13)}
_MAX_VOTE_CHARS = 24


def clean(text: str) -> str:
    """Trimmed, single-spaced, NFC (so "ŵ" typed on a Mac matches "ŵ" typed on Windows)."""
    text = " ".join(text.split())
    if not text.isascii():
        text = unicodedata.normalize("NFC", text.replace("\ufeff", ""))
    return text


def cell_text(value: object) -> str:
    """A cell as the text a person sees: whole-number floats lose their ".0", dates are ISO."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return str(value)


def parse_vote_value(raw: object) -> Fraction | Message:
    """A vote value as an exact Fraction, or the reason it is not one.

    Blank means the default, 1. Text may be "2", "0.5", "0,5" (decimal comma) or "1/3". Spreadsheet
    floats go through their shortest decimal form, so a cell showing 0.1 means exactly 1/10.
    """
    if raw is None:
        return Fraction(1)
    if isinstance(raw, bool) or not isinstance(raw, int | float | str):
        return message("register.vote_not_number", value=cell_text(raw))
    if isinstance(raw, int):
        value = Fraction(raw)
    elif isinstance(raw, float):
        if not math.isfinite(raw):
            return message("register.vote_not_number", value=raw)
        value = Fraction(repr(raw))
    else:
        parsed = _vote_from_text(raw)
        if isinstance(parsed, Message):
            return parsed
        value = parsed
    if value < 0:
        return message("register.vote_negative", value=cell_text(raw).strip())
    return value


def _vote_from_text(raw: str) -> Fraction | Message:
    text = "".join(raw.split())
    if not text:
        return Fraction(1)
    shown = raw.strip()
    not_a_number = message("register.vote_not_number", value=shown)
    if len(text) > _MAX_VOTE_CHARS or not text.isascii():
        return not_a_number
    sign = 1
    if text[0] in "+-":
        sign = -1 if text[0] == "-" else 1
        text = text[1:]
    if "/" in text:
        top, _, bottom = text.partition("/")
        if not (top.isdigit() and bottom.isdigit()):
            return not_a_number
        if int(bottom) == 0:
            return message("register.vote_divides_by_zero", value=shown)
        return sign * Fraction(int(top), int(bottom))
    if "," in text and "." not in text and text.count(",") == 1:
        text = text.replace(",", ".")
    whole, _, decimals = text.partition(".")
    if not (whole or decimals) or not (whole.isdigit() or not whole) or not (decimals.isdigit() or not decimals):
        return not_a_number
    return sign * (Fraction(int(whole or "0")) + (Fraction(int(decimals), 10 ** len(decimals)) if decimals else 0))


def _line_spans(data: bytes) -> Iterator[tuple[int, bytes]]:
    """(byte offset, content) of each physical line as the csv module counts them (\\r\\n, \\n or \\r)."""
    start = 0
    size = len(data)
    while start <= size:
        end = data.find(b"\n", start)
        cr = data.find(b"\r", start, end if end >= 0 else size)
        if cr >= 0:
            end = cr
        if end < 0:
            yield start, data[start:]
            return
        yield start, data[start:end]
        start = end + (2 if data[end:end + 2] == b"\r\n" else 1)


def _bad_lines(data: bytes, encoding: str) -> list[tuple[int, int, int]]:
    """(line, byte offset in the file, the byte) of the first undecodable byte on each bad line."""
    found = []
    for number, (offset, line) in enumerate(_line_spans(data), start=1):
        if not line.isascii():
            try:
                line.decode(encoding)
            except UnicodeDecodeError as error:
                found.append((number, offset + error.start, line[error.start]))
    return found


def decode(data: bytes, preview: RegisterPreview) -> tuple[str, set[int]] | None:
    """Text of the register and the lines that could not be decoded (already reported as errors)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as error:
            preview.errors.append(_whole(preview, message("register.utf16_unreadable", offset=error.start)))
            return None
        preview.encoding = "utf-16"
        return text, set()
    bom = data.startswith(codecs.BOM_UTF8)
    try:
        preview.encoding = "utf-8-sig" if bom else "utf-8"
        return data.decode(preview.encoding), set()
    except UnicodeDecodeError:
        pass
    utf8_lines = sum(1 for _, line in _line_spans(data) if not line.isascii() and _is_utf8(line))
    if utf8_lines == 0:
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            pass
        else:
            preview.encoding = "cp1252"
            preview.warnings.append(message("register.note_decoded_cp1252"))
            return text, set()
    encoding = "utf-8" if utf8_lines else "cp1252"
    bad = _bad_lines(data, encoding)
    for line, offset, byte in bad:
        if utf8_lines:
            reason = message("register.byte_mixed_encodings", byte=f"{byte:02X}", offset=offset)
        else:
            reason = message("register.byte_not_text", byte=f"{byte:02X}", offset=offset)
        preview.errors.append(_problem(preview, line, reason))
    preview.encoding = "utf-8" if utf8_lines else "cp1252"
    text = data.decode("utf-8-sig" if bom else preview.encoding, errors="replace")
    return text, {line for line, _, _ in bad}


def _is_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _whole(preview: RegisterPreview, reason: Message) -> RowProblem:
    return RowProblem(None, None, reason, preview.filename)


def _problem(preview: RegisterPreview, line: int, reason: Message) -> RowProblem:
    return RowProblem(line, None, reason, preview.filename)


def _looks_binary(text: str) -> int | None:
    """Line of the first NUL, or of the first control character if they are common: not a text register."""
    nul = text.find("\x00")
    if nul >= 0:
        return text.count("\n", 0, nul) + 1
    sample = text[:_SNIFF_CHARS]
    controls = len(sample) - len(sample.translate(_CONTROLS))
    if controls and controls * 100 > len(sample):
        first = next(i for i, ch in enumerate(sample) if ord(ch) in _CONTROLS)
        return sample.count("\n", 0, first) + 1
    return None


def choose_delimiter(text: str) -> str:
    """The delimiter under which some early row reads best as register headings; ties go to the first line."""
    sample = text[:_SNIFF_CHARS]
    if len(text) > _SNIFF_CHARS and "\n" in sample:
        sample = sample[: sample.rindex("\n")]
    first_line = next((line for line in sample.splitlines() if line.strip()), "")
    best = (-1, -1, ",")
    for delimiter in DELIMITERS:
        score = 0
        try:
            for count, row in enumerate(csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter)):
                score = max(score, header_score(row))
                if count >= 20:
                    break
        except csv.Error:
            pass
        candidate = (score, first_line.count(delimiter), delimiter)
        if candidate[:2] > best[:2]:
            best = candidate
    return best[2]


def read_csv_records(data: bytes, preview: RegisterPreview) -> Iterator[Record] | None:
    """Records (first line, last line, cells) of a delimited text register, or None if it is not one."""
    if not data.strip():
        preview.errors.append(_whole(preview, message("register.file_empty")))
        return None
    utf16 = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    binary_line = None if utf16 else _looks_binary(data[:_SNIFF_CHARS].decode("latin-1"))
    decoded = None if binary_line is not None else decode(data, preview)
    if decoded is None and binary_line is None:
        return None
    text, bad_lines = decoded or ("", set())
    if binary_line is None:
        binary_line = _looks_binary(text)
    if binary_line is not None:
        preview.errors.append(_whole(preview, message("register.binary_file", line=binary_line)))
        return None
    preview.delimiter = choose_delimiter(text)
    return _records(text, preview, bad_lines)


def _records(text: str, preview: RegisterPreview, bad_lines: set[int]) -> Iterator[Record]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=preview.delimiter or ",")
    last = 0
    try:
        for row in reader:
            first, last = last + 1, reader.line_num
            if bad_lines and any(n in bad_lines for n in range(first, last + 1)):
                continue
            yield first, last, row
    except csv.Error as error:
        preview.errors.append(_problem(preview, last + 1, message("register.cannot_split", detail=str(error))))
