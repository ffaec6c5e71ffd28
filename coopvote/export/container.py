"""The archive's zip container, written one canonical way so that any altered byte can be found.

A zip's checksums cover only each member's data; its headers (times, attributes, names, the comment)
can change without any checksum failing. So the exporter writes every zip the same way (members
stored uncompressed, a fixed timestamp and attributes, a fixed order) and the verifier rebuilds the
container from the members it read and compares the bytes: a change to a member is caught by its CRC
and the manifest's SHA-256, and a change anywhere else by the rebuild. Stored, not deflated, so the
rebuild does not depend on the zlib version of the machine that verifies.
"""

from __future__ import annotations

import io
import zipfile

from coopvote.errors import InputError

FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def write_zip(members: list[tuple[str, bytes]], comment: bytes = b"") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED, allowZip64=False) as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_STORED
            info.create_system = 3
            info.external_attr = 0o100644 << 16
            archive.writestr(info, data)
        archive.comment = comment
    return buffer.getvalue()


def read_zip(data: bytes, source: str) -> tuple[list[tuple[str, bytes]], bytes]:
    """Members in stored order with their data (each checked against its CRC), and the comment."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members: list[tuple[str, bytes]] = []
            names: set[str] = set()
            for info in archive.infolist():
                if info.filename in names:
                    raise InputError(f"{source}: holds {info.filename} twice")
                names.add(info.filename)
                try:
                    members.append((info.filename, archive.read(info)))
                except zipfile.BadZipFile as error:
                    raise InputError(
                        f"{source}: {info.filename} does not match its checksum (altered or damaged: {error})"
                    ) from None
            return members, archive.comment
    except InputError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError, NotImplementedError) as error:
        raise InputError(f"{source}: is not a readable zip archive ({error})") from None
    except Exception as error:  # zipfile raises assorted errors on hostile bytes; each is a bad archive
        raise InputError(f"{source}: is not a readable zip archive ({type(error).__name__}: {error})") from None


def first_difference(expected: bytes, found: bytes) -> int | None:
    if expected == found:
        return None
    for index, (a, b) in enumerate(zip(expected, found, strict=False)):
        if a != b:
            return index
    return min(len(expected), len(found))


def structure_positions(data: bytes) -> list[int]:
    """Byte positions in the zip's own structure: each local header, the edges of each member's data,
    the central directory and the end record (where a CRC cannot notice a change)."""
    positions: set[int] = set()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            start = info.header_offset
            data_start = start + 30 + len(info.filename.encode()) + len(info.extra)
            end = data_start + info.compress_size
            positions |= set(range(start, data_start)) | {data_start, (data_start + end) // 2, end - 1}
    central = data.rfind(b"PK\x01\x02")
    first_central = data.find(b"PK\x01\x02")
    positions |= set(range(first_central, first_central + 46)) | set(range(len(data) - 22, len(data)))
    positions |= {central, central + 12, central + 40}
    return sorted(p for p in positions if 0 <= p < len(data))
