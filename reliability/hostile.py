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


def zip_bomb(inflated_bytes: int = 4095 << 20, *, name: str = "results.json") -> bytes:
    """A zip whose one deflated member is ``inflated_bytes`` of zeros (a whole number of MiB below 4 GiB):
    4 GiB in about 4 MB, built in about a second without inflating anything.

    Deflate blocks ended by a full flush start afresh, so one compressed MiB of zeros repeated is a valid
    stream of many MiB; only the CRC needs the zeros, and zlib computes that at gigabytes a second.
    """
    megabytes = inflated_bytes >> 20
    if not 0 < megabytes < 4096:
        raise ValueError("zip_bomb makes 1 to 4095 MiB")
    zeros = b"\0" * (1 << 20)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(zeros) + compressor.flush(zlib.Z_FULL_FLUSH)
    stream = block * megabytes + compressor.flush(zlib.Z_FINISH)
    crc = 0
    for _ in range(megabytes):
        crc = zlib.crc32(zeros, crc)
    size = megabytes << 20
    encoded = name.encode()
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0x21, crc, len(stream), size, len(encoded), 0) + encoded
    central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0x21, crc, len(stream), size,
                          len(encoded), 0, 0, 0, 0, 0, 0) + encoded
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, len(central), len(local) + len(stream), 0)
    return local + stream + central + end


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


def xlsx_bomb(inflated_bytes: int = 64 << 20) -> bytes:
    """An .xlsx (a zip) whose sheet part inflates to ``inflated_bytes`` of XML whitespace."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as out:
            chunk = b" " * (1 << 20)
            for _ in range(inflated_bytes >> 20):
                out.write(chunk)
    return buffer.getvalue()


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
