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


MAX_ENTRIES = 10_000
"""The most members an archive may list. An export holds about five files per agenda item; a zip that
lists more is refused before any member is read (200,000 empty members take seconds to list)."""

MAX_TOTAL_BYTES = 1 << 30
"""The most bytes the members of one archive may hold once read (1 GiB). Archives are stored, not
compressed, so this is also about the largest archive file; a zip whose members claim more (a zip
bomb: 5 MB inflating to 4 GB) is refused from its directory, and the bytes actually produced are
counted while reading in chunks, so a directory that lies is caught too."""

_CHUNK = 1 << 20


class UnreadableZip(InputError):
    """The bytes are not a zip that can be read within the limits: nothing in it was checked."""


def read_zip(
    data: bytes, source: str, *, max_entries: int = MAX_ENTRIES, max_total_bytes: int = MAX_TOTAL_BYTES
) -> tuple[list[tuple[str, bytes]], bytes]:
    """Members in stored order with their data (each checked against its CRC), and the comment.

    ``UnreadableZip`` when the zip cannot be opened or is beyond the limits; ``InputError`` when a member
    is damaged or doubled (the archive was read, and it was altered).
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError, EOFError, NotImplementedError) as error:
        raise UnreadableZip("archive.not_a_zip", source=source, detail=error) from None
    except MemoryError:
        raise UnreadableZip("archive.zip_directory_too_large", source=source) from None
    except Exception as error:  # zipfile raises assorted errors on hostile bytes; each is a bad archive
        raise UnreadableZip("archive.not_a_zip", source=source, detail=f"{type(error).__name__}: {error}") from None
    with archive:
        infos = archive.infolist()
        if len(infos) > max_entries:
            raise UnreadableZip("archive.too_many_files", source=source, count=len(infos), limit=max_entries)
        declared = sum(info.file_size for info in infos)
        if declared > max_total_bytes:
            raise UnreadableZip("archive.bomb_declared", source=source, size=declared, limit=max_total_bytes)
        members: list[tuple[str, bytes]] = []
        names: set[str] = set()
        budget = max_total_bytes
        for info in infos:
            if info.filename in names:
                raise InputError("archive.duplicate_member", source=source, name=info.filename)
            names.add(info.filename)
            content = _read_member(archive, info, source, budget)
            budget -= len(content)
            members.append((info.filename, content))
        return members, archive.comment


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, source: str, budget: int) -> bytes:
    """One member's bytes, read in chunks so no more than ``budget`` bytes are ever inflated."""
    chunks: list[bytes] = []
    produced = 0
    try:
        with archive.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                produced += len(chunk)
                if produced > budget:
                    raise UnreadableZip("archive.bomb_member", source=source, name=info.filename, limit=MAX_TOTAL_BYTES)
                chunks.append(chunk)
    except InputError:
        raise
    except zipfile.BadZipFile as error:
        raise InputError("archive.member_checksum", source=source, name=info.filename, detail=error) from None
    except Exception as error:  # noqa: BLE001 - a damaged member raises assorted errors (zlib, struct, EOF...)
        raise InputError(
            "archive.member_unreadable", source=source, name=info.filename, detail=f"{type(error).__name__}: {error}"
        ) from None
    return b"".join(chunks)


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
