"""Hostile files made on the spot: decompression bombs, giant pages, zips that lie, numbers too long.

Each builder costs little time and memory to run (the point of a bomb is that it is small until
someone inflates it), so the tests and the reliability report can feed every reader the real thing.
``run_bounded`` runs a piece of code in a child interpreter with an address-space limit and a timeout,
so a regression fails the test instead of eating the machine.
"""

from __future__ import annotations

import io
import os
import struct
import subprocess
import sys
import zipfile
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png_bomb(width: int = 30_000, height: int = 30_000, *, rows: int | None = None) -> bytes:
    """A real 1-bit white PNG of ``width`` x ``height``: about 100 KB that inflates to ``width*height`` pixels.

    ``rows`` writes only that many rows (a header that lies about the picture's height); by default every row.
    """
    row = b"\x00" + b"\xff" * ((width + 7) // 8)
    compressor = zlib.compressobj(9)
    parts = []
    block = row * 256
    remaining = height if rows is None else rows
    while remaining > 0:
        take = min(256, remaining)
        parts.append(compressor.compress(block if take == 256 else row * take))
        remaining -= take
    parts.append(compressor.flush())
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", header) + _png_chunk(b"IDAT", b"".join(parts)) + _png_chunk(b"IEND", b"")


def giant_pdf_page(side_points: float = 60_000) -> bytes:
    """A one-page PDF whose page is ``side_points`` square (60,000 points is 21 metres)."""
    from reportlab.pdfgen.canvas import Canvas

    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=(side_points, side_points))
    canvas.drawString(72, 72, "not a ballot")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _deflated(prefix: bytes, filler: bytes, megabytes: int, suffix: bytes) -> tuple[bytes, int, int]:
    """A raw deflate stream of prefix + ``megabytes`` MiB of ``filler`` + suffix, with its CRC and size,
    made without holding the inflated bytes: deflate blocks ended by a full flush start afresh, so one
    compressed MiB repeated is a valid stream of many; zlib computes the CRC at gigabytes a second."""
    chunk = filler * ((1 << 20) // len(filler))
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = compressor.compress(prefix) + compressor.flush(zlib.Z_FULL_FLUSH)
    block = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    tail = compressor.compress(suffix) + compressor.flush(zlib.Z_FINISH)
    crc = zlib.crc32(prefix)
    for _ in range(megabytes):
        crc = zlib.crc32(chunk, crc)
    crc = zlib.crc32(suffix, crc)
    return head + block * megabytes + tail, crc, len(prefix) + len(chunk) * megabytes + len(suffix)


def _raw_zip(members: list[tuple[str, bytes, int, int]]) -> bytes:
    """A zip of already-deflated members (name, raw deflate stream, CRC, inflated size), all below 4 GiB."""
    out = bytearray()
    central = bytearray()
    for name, stream, crc, size in members:
        encoded = name.encode()
        offset = len(out)
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(stream), size, len(encoded), 0)
        out += encoded + stream
        central += struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, len(stream), size,
                               len(encoded), 0, 0, 0, 0, 0, offset) + encoded
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members), len(central), len(out), 0)
    return bytes(out + central + end)


def zip_bomb(inflated_bytes: int = 4095 << 20, *, name: str = "results.json") -> bytes:
    """A zip whose one member is ``inflated_bytes`` of zeros (whole MiB below 4 GiB): 4 GiB in about 4 MB."""
    megabytes = inflated_bytes >> 20
    if not 0 < megabytes < 4096:
        raise ValueError("zip_bomb makes 1 to 4095 MiB")
    return _raw_zip([(name, *_deflated(b"", b"\0", megabytes, b""))])


def zip_that_lies(declared_bytes: int = 4 << 30) -> bytes:
    """A small stored zip whose central directory claims a member of ``declared_bytes`` (4 GiB)."""
    data = bytearray(zip_of_many(1))
    central = data.rfind(b"PK\x01\x02")
    data[central + 24 : central + 28] = struct.pack("<I", min(declared_bytes, 0xFFFFFFFE))
    return bytes(data)


def zip_of_many(entries: int = 200_000) -> bytes:
    """A zip with ``entries`` empty members (about 110 bytes each)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
        for index in range(entries):
            archive.writestr(f"f{index}", b"")
    return buffer.getvalue()


def xlsx_bomb(inflated_bytes: int = 2048 << 20) -> bytes:
    """A valid register workbook whose first name cell holds one string of ``inflated_bytes`` (whole MiB
    below 4 GiB): a spreadsheet reader that trusts it loads gigabytes into memory."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["Membership number", "Name", "Class"])
    sheet.append(["P1", "Siân", "PS"])
    buffer = io.BytesIO()
    book.save(buffer)
    members = []
    with zipfile.ZipFile(buffer) as workbook:
        for info in workbook.infolist():
            data = workbook.read(info)
            if info.filename == "xl/worksheets/sheet1.xml":
                start = data.index(b"<t>Si") + 3
                members.append((info.filename, *_deflated(data[:start], b"A", inflated_bytes >> 20, data[start:])))
            else:
                compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
                members.append((info.filename, compressor.compress(data) + compressor.flush(), zlib.crc32(data), len(data)))
    return _raw_zip(members)


def blt_with_huge_weight(digits: int = 5000) -> str:
    return f"2 1\n{'9' * digits} 1 2 0\n1 2 0\n0\n\"Ann\"\n\"Bob\"\n\"T\"\n"


def run_bounded(code: str, *, memory_bytes: int = 1536 << 20, timeout: float = 60.0) -> subprocess.CompletedProcess[str]:
    """Run ``code`` in a fresh interpreter (repo root on the path) with at most ``memory_bytes`` of address
    space and ``timeout`` seconds; a reader that inflates a bomb then fails with MemoryError, not the machine."""
    prelude = (
        "import resource, sys\n"
        f"resource.setrlimit(resource.RLIMIT_AS, ({memory_bytes}, {memory_bytes}))\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
    )
    environment = dict(os.environ, OPENBLAS_NUM_THREADS="1", OMP_NUM_THREADS="1", QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-c", prelude + code], capture_output=True, text=True, timeout=timeout, cwd=ROOT, env=environment,
        check=False,
    )
