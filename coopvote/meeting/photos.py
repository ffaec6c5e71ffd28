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
from coopvote.messages import message

MAX_PHOTO_BYTES = 1_000_000
"""A passport-style photo is tens of kilobytes; a megabyte allows a generous JPEG and refuses camera originals."""
MAX_PHOTO_PIXELS = 4000
MIN_PHOTO_PIXELS = 32
PNG = b"\x89PNG\r\n\x1a\n"
JPEG = b"\xff\xd8\xff"


def read_photo(name: str, base: Path | None, where: object) -> str:
    """The photo's bytes as base64 text, after every check; InputError names the candidate and the file."""
    if base is None:
        raise InputError("spec.photo.needs_file", where=where, name=name)
    path = Path(name) if Path(name).is_absolute() else base / name
    try:
        size = path.stat().st_size
    except OSError:
        raise InputError("spec.photo.missing", where=where, name=name, path=path) from None
    if not path.is_file():
        raise InputError("spec.photo.not_a_file", where=where, name=name, path=path)
    if size > MAX_PHOTO_BYTES:
        raise InputError("spec.photo.too_large", where=where, name=name, size=size, limit=MAX_PHOTO_BYTES)
    data = path.read_bytes()
    check_photo(data, message("photos.in_definition", where=where, name=name))
    return base64.b64encode(data).decode("ascii")


def check_photo(data: bytes, where: object) -> None:
    """Refuse what would fail at the printer: not a PNG or JPEG, unreadable, too big or too small.

    Shared by photos named in a definition and photos given with a nomination, so both are held to the
    same limits and refused with the candidate and the file named in ``where``.
    """
    if len(data) > MAX_PHOTO_BYTES:
        raise InputError("photos.too_big", where=where, size=f"{len(data):,}", limit=f"{MAX_PHOTO_BYTES:,}")
    if not (data.startswith(PNG) or data.startswith(JPEG)):
        raise InputError("photos.not_an_image", where=where)
    from PIL import Image, UnidentifiedImageError  # only when a photo is given

    try:
        with Image.open(io.BytesIO(data)) as image:
            width, height = image.size
            image.load()
    except UnidentifiedImageError:
        # Pillow's own words here name its in-memory buffer object, which tells a person nothing.
        raise InputError("photos.not_identified", where=where) from None
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as error:
        raise InputError("photos.unreadable", where=where, detail=error) from None
    if max(width, height) > MAX_PHOTO_PIXELS or min(width, height) < MIN_PHOTO_PIXELS:
        raise InputError("photos.size", where=where, width=width, height=height, low=MIN_PHOTO_PIXELS,
                         high=MAX_PHOTO_PIXELS)
