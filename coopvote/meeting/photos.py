"""Candidates' photos for the Easy Read paper: read beside the definition file (or given with a
nomination), checked, kept in the record.

A photo is named relative to the definition (``photo = "photos/sian.jpg"``) and checked when the meeting is
created: the file exists, is a PNG or JPEG that decodes, and is of bounded size, so a wrong path or a huge
camera original is refused with its place named rather than found at the printer. The bytes are kept with
the item (as base64 in its settings), so papers print the same from the meeting file on any computer.
"""

from __future__ import annotations

import base64
import io
from pathlib import Path

from coopvote.errors import InputError

MAX_PHOTO_BYTES = 1_000_000
"""A passport-style photo is tens of kilobytes; a megabyte allows a generous JPEG and refuses camera originals."""
MAX_PHOTO_PIXELS = 4000
MIN_PHOTO_PIXELS = 32
PNG = b"\x89PNG\r\n\x1a\n"
JPEG = b"\xff\xd8\xff"


def read_photo(name: str, base: Path | None, where: str) -> str:
    """The photo's bytes as base64 text, after every check; InputError names the candidate and the file."""
    if base is None:
        raise InputError(f"{where}: photo {name!r}: photos are found beside the definition file, so create the "
                         "meeting from the file (coopvote new ... --from FILE)")
    path = Path(name) if Path(name).is_absolute() else base / name
    try:
        size = path.stat().st_size
    except OSError:
        raise InputError(f"{where}: photo {name!r}: no such file (looked for {path})") from None
    if not path.is_file():
        raise InputError(f"{where}: photo {name!r}: {path} is not a file")
    if size > MAX_PHOTO_BYTES:
        raise InputError(f"{where}: photo {name!r}: {size:,} bytes; a photo may be up to {MAX_PHOTO_BYTES:,} "
                         "(save a smaller copy, about 600 pixels across)")
    data = path.read_bytes()
    check_photo(data, f"{where}: photo {name!r}")
    return base64.b64encode(data).decode("ascii")


def check_photo(data: bytes, where: str) -> None:
    """Refuse what would fail at the printer: not a PNG or JPEG, unreadable, too big or too small.

    Shared by photos named in a definition and photos given with a nomination, so both are held to the
    same limits and refused with the candidate and the file named in ``where``.
    """
    if len(data) > MAX_PHOTO_BYTES:
        raise InputError("photos.too_big", where=where, size=f"{len(data):,}", limit=f"{MAX_PHOTO_BYTES:,}")
    if not (data.startswith(PNG) or data.startswith(JPEG)):
        raise InputError(f"{where}: is not a PNG or JPEG image")
    from PIL import Image, UnidentifiedImageError  # only when a photo is given

    try:
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
            image.load()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
        raise InputError(f"{where}: the image cannot be read ({error})") from None
    if max(width, height) > MAX_PHOTO_PIXELS or min(width, height) < MIN_PHOTO_PIXELS:
        raise InputError(f"{where}: {width} x {height} pixels; use {MIN_PHOTO_PIXELS} to "
                         f"{MAX_PHOTO_PIXELS} pixels on each side")
