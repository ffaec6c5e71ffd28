"""The text inside every ballot QR code and membership-card code, sealed against forgery.

Codes are read by handheld scanners that type what they read as keystrokes ("keyboard wedge"). A
scanner set to a US layout on a UK machine (or the reverse) swaps symbols such as ``"``, ``@``, ``#``
and ``\\``, and caps lock turns letters to lower case, so a code uses only ``A-Z``, ``0-9`` and ``-``,
which every such pairing types alike, and decoding accepts lower case and stray whitespace. Those
characters are also QR "alphanumeric" mode, which keeps the symbols small.

Ballot code (papers and vote slips), fields separated by ``-``::

    CV1-<MEETING>-<ITEM>-<CLASS>-<SERIAL>-<FORM>-<MAC>

- ``CV1``: format version 1. ``CV<n>`` with another n is recognised as a coopvote code of a version
  this copy cannot read.
- ``MEETING``: the meeting code, 1-12 of ``A-Z 0-9`` (no ``-``).
- ``ITEM``: the agenda item number, 1-9999, decimal without leading zeros.
- ``CLASS``: the membership class code, 1-12 of ``A-Z 0-9 -`` (it may itself hold ``-``; the fields
  around it are fixed in number, so it is everything between the third field and the last three).
- ``SERIAL``: the paper's serial, 1-99999999, decimal without leading zeros.
- ``FORM``: ``P`` + variant letter (``S`` standard, ``E`` easy read, ``L`` large print) + page letter
  (``A`` A4, ``U`` US Letter) on a ballot paper, so a reader can recompute its layout; or ``S`` + the
  option number counted from 1 (no leading zeros) on a vote slip.
- ``MAC``: the first 50 bits of HMAC-SHA256(secret, everything before ``-MAC`` in ASCII), as 10 base32
  letters (RFC 4648 alphabet ``A-Z 2-7``, no padding).

Value band (issue 10, ``per_member = true``): a paper printed for a band of members who all hold the
same vote value is sealed as format version 3, with one more field before the MAC::

    CV3-<MEETING>-<ITEM>-<CLASS>-<SERIAL>-<FORM>-<BAND>-<MAC>

- ``BAND``: the paper's exact vote value, ``W`` + numerator, then ``R`` + denominator when it is not a
  whole number (``W5`` is 5 votes, ``W5R2`` is 5/2), in lowest terms (``coopvote.counting.value_bands``).

Papers without a band are still written as version 1, exactly as before, so existing papers, tests and
other readers are unaffected; this copy reads both versions. Version 2 was never issued: earlier copies
and their tests use ``CV2`` as the example of a version they cannot read, so it stays unassigned and a
band paper shown to an older copy is refused as "version 3", never misread.

Membership card: ``CVM1-<MEETING>-<MEMBER>-<MAC>`` with the member number (1-16 of ``A-Z 0-9 -``)
and the MAC computed the same way over ``CVM1-<MEETING>-<MEMBER>``. The distinct ``CVM`` prefix, the
prefix inside the MAC, and the different field count keep a card from ever being read as a ballot.

Neither code carries anything about who voted: a ballot code names a paper, never a member.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction
from typing import Any

from coopvote.ballots.paper import PageSize, Variant
from coopvote.ballots.texts import reason_words
from coopvote.counting.value_bands import band_token, parse_band_token
from coopvote.errors import InputError
from coopvote.messages import Message, message

BALLOT_PREFIX = "CV"
CARD_PREFIX = "CVM"
VERSION = 1
BAND_VERSION = 3
"""The format version of a paper that carries a value band; papers without one stay version 1."""
MAC_CHARS = 10
MAC_BITS = MAC_CHARS * 5
MIN_SECRET_BYTES = 16

_MEETING = re.compile(r"[A-Z0-9]{1,12}")
_CLASS = re.compile(r"[A-Z0-9]+(?:-[A-Z0-9]+)*")
_NUMBER = re.compile(r"[1-9][0-9]{0,7}")
_FORM = re.compile(r"P[SEL][AU]|S[1-9][0-9]{0,3}")
_MAC = re.compile(r"[A-Z2-7]{10}")
_VERSIONED = re.compile(r"CV(M?)([0-9]{1,4})-")

_VARIANT_LETTER: dict[str, str] = {"standard": "S", "easy-read": "E", "large-print": "L"}
_PAGE_LETTER: dict[str, str] = {"A4": "A", "Letter": "U"}
_LETTER_VARIANT: dict[str, Variant] = {"S": "standard", "E": "easy-read", "L": "large-print"}
_LETTER_PAGE: dict[str, PageSize] = {"A": "A4", "U": "Letter"}


class Reason(StrEnum):
    """Why a scanned code was refused. One list for the codec, the service layer and the app.

    The first group is decided from the code alone (here); the second needs the meeting record and is
    raised by the service layer with the same exception so every screen words it the same way.
    """

    NOT_COOPVOTE = "not-coopvote"
    MEMBERSHIP_CARD = "membership-card"
    BALLOT_NOT_CARD = "ballot-not-card"
    OTHER_MEETING = "other-meeting"
    FORGED_OR_DAMAGED = "forged-or-damaged"
    UNSUPPORTED_VERSION = "unsupported-version"
    # Decided by the service layer, which knows the meeting's state:
    VOTE_NOT_OPEN = "vote-not-open"
    VOTE_CLOSED = "vote-closed"
    WRONG_ITEM = "wrong-item"
    SERIAL_NOT_ISSUED = "serial-not-issued"
    SPOILT = "spoilt"
    VOIDED = "voided"
    ALREADY_COUNTED = "already-counted"
    UNKNOWN_MEMBER = "unknown-member"


class QrRejected(InputError):
    """A scanned code that must not be counted: ``reason`` says what is wrong, ``fields`` the details.

    Its message is the reason's catalogue entry (``reading.<reason>``) with the details as fields, so
    ``str(error)`` and ``error.render(lang)`` word it as any other error; the teller screen and the
    declaration read ``reason`` and ``fields`` too (``coopvote.ballots.texts.rejection_message``).
    """

    def __init__(self, reason: Reason, **fields: Any) -> None:
        self.reason = reason
        self.fields: Mapping[str, Any] = dict(fields)
        super().__init__(reason_words(reason, **fields))


@dataclass(frozen=True)
class BallotCode:
    """What a ballot paper's or vote slip's code says.

    ``option`` is None on a ballot paper and the 0-based option index on a vote slip (printed as
    ``S1`` for option 0). ``variant`` and ``page_size`` describe a paper; on a slip they are the defaults
    and mean nothing. ``band`` is the paper's own vote value when it was printed for a value band
    (``per_member`` weighting), None otherwise.
    """

    meeting: str
    item: int
    class_code: str
    serial: int
    option: int | None = None
    variant: Variant = "standard"
    page_size: PageSize = "A4"
    band: Fraction | None = None

    @property
    def is_slip(self) -> bool:
        return self.option is not None


@dataclass(frozen=True)
class MemberCode:
    """What a membership card's code says: the meeting and the member number, nothing more."""

    meeting: str
    member: str


def _mac(secret: bytes, body: str) -> str:
    digest = hmac.new(secret, body.encode("ascii"), hashlib.sha256).digest()
    return base64.b32encode(digest[:MAC_CHARS * 5 // 8 + 1]).decode("ascii")[:MAC_CHARS]


def _check_secret(secret: bytes) -> None:
    if not isinstance(secret, bytes | bytearray) or len(secret) < MIN_SECRET_BYTES:
        raise InputError("qr.secret_too_short", limit=MIN_SECRET_BYTES)


def _check(pattern: re.Pattern[str], value: str, unfit: str, limit: int) -> str:
    """``value`` if it may go in a code; else the refusal ``unfit`` (a catalogue key naming the field)."""
    if not pattern.fullmatch(value) or len(value) > limit:
        raise InputError(message(unfit, value=value, limit=limit))
    return value


def encode(code: BallotCode, secret: bytes) -> str:
    """The sealed QR text for a ballot paper or vote slip; raises InputError for a field that cannot fit."""
    _check_secret(secret)
    meeting = _check(_MEETING, code.meeting.upper(), "qr.meeting_code_unfit", 12)
    class_code = _check(_CLASS, code.class_code.upper(), "qr.class_code_unfit", 12)
    if not 1 <= code.item <= 9999:
        raise InputError("qr.item_unfit", item=code.item)
    if not 1 <= code.serial <= 99_999_999:
        raise InputError("qr.serial_unfit", serial=code.serial)
    if code.option is None:
        try:
            form = "P" + _VARIANT_LETTER[code.variant] + _PAGE_LETTER[code.page_size]
        except KeyError:
            raise InputError("qr.no_form", variant=code.variant, page_size=code.page_size) from None
    else:
        if not 0 <= code.option <= 9998:
            raise InputError("qr.option_unfit", option=code.option)
        form = f"S{code.option + 1}"
    body = f"{BALLOT_PREFIX}{VERSION}-{meeting}-{code.item}-{class_code}-{code.serial}-{form}"
    if code.band is not None:
        body = f"{BALLOT_PREFIX}{BAND_VERSION}-{meeting}-{code.item}-{class_code}-{code.serial}-{form}-{band_token(code.band)}"
    return f"{body}-{_mac(bytes(secret), body)}"


CARD_NUMBER_LIMIT = 16


def card_number_problem(number: str) -> Message | None:
    """Why a membership number cannot go on a membership card's code, or None when it can.

    The register import asks this of every row, so a number the cards could not print is refused
    where it was typed (naming the line), not later when ``coopvote cards`` meets it.
    """
    if len(number) > CARD_NUMBER_LIMIT or not _CLASS.fullmatch(number.upper()):
        return message("qr.card_number_unprintable", number=number[:40], limit=CARD_NUMBER_LIMIT)
    return None


def encode_card(card: MemberCode, secret: bytes) -> str:
    """The sealed code for a membership card."""
    _check_secret(secret)
    meeting = _check(_MEETING, card.meeting.upper(), "qr.meeting_code_unfit", 12)
    member = _check(_CLASS, card.member.upper(), "qr.member_number_unfit", 16)
    body = f"{CARD_PREFIX}{VERSION}-{meeting}-{member}"
    return f"{body}-{_mac(bytes(secret), body)}"


def _normalise(text: object) -> str:
    if isinstance(text, bytes | bytearray):
        text = bytes(text).decode("ascii", errors="replace")
    if not isinstance(text, str):
        raise QrRejected(Reason.NOT_COOPVOTE)
    # Scanners add CR/LF/TAB; caps lock gives lower case. Only ASCII is upper-cased: "ß".upper() is "SS".
    cleaned = text.strip().strip("\x00").strip()
    return "".join(c.upper() if "a" <= c <= "z" else c for c in cleaned)


def _version_of(text: str) -> tuple[bool, int] | None:
    """(is_card, version) from the prefix, or None when it is not a coopvote code at all."""
    match = _VERSIONED.match(text)
    if not match:
        return None
    return match.group(1) == "M", int(match.group(2))


def _seal_ok(secret: bytes, body: str, mac: str) -> bool:
    return hmac.compare_digest(_mac(bytes(secret), body), mac)


def decode(text: str, secret: bytes, meeting_code: str) -> BallotCode:
    """Read and verify a scanned ballot or slip code for this meeting.

    Raises ``QrRejected`` with reason NOT_COOPVOTE, MEMBERSHIP_CARD, OTHER_MEETING, FORGED_OR_DAMAGED
    or UNSUPPORTED_VERSION; it raises nothing else for any input text.
    """
    _check_secret(secret)
    raw = _normalise(text)
    found = _version_of(raw)
    if found is None:
        raise QrRejected(Reason.NOT_COOPVOTE)
    is_card, version = found
    if is_card:
        raise QrRejected(Reason.MEMBERSHIP_CARD)
    if version not in (VERSION, BAND_VERSION):
        raise QrRejected(Reason.UNSUPPORTED_VERSION, version=version)
    parts = raw.split("-")
    band: Fraction | None = None
    if version == BAND_VERSION:
        if len(parts) < 8:
            raise QrRejected(Reason.FORGED_OR_DAMAGED)
        band = parse_band_token(parts.pop(-2))
        if band is None:
            raise QrRejected(Reason.FORGED_OR_DAMAGED)
    if len(parts) < 7:
        raise QrRejected(Reason.FORGED_OR_DAMAGED)
    _, meeting, item, *class_parts, serial, form, mac = parts
    class_code = "-".join(class_parts)
    well_formed = (
        _MEETING.fullmatch(meeting)
        and _NUMBER.fullmatch(item)
        and len(item) <= 4
        and _CLASS.fullmatch(class_code)
        and len(class_code) <= 12
        and _NUMBER.fullmatch(serial)
        and _FORM.fullmatch(form)
        and _MAC.fullmatch(mac)
    )
    if not well_formed:
        raise QrRejected(Reason.FORGED_OR_DAMAGED)
    expected = meeting_code.strip().upper()
    if meeting != expected:
        raise QrRejected(Reason.OTHER_MEETING, meeting=meeting, expected=expected)
    if not _seal_ok(secret, raw[: -(MAC_CHARS + 1)], mac):
        raise QrRejected(Reason.FORGED_OR_DAMAGED)
    if form.startswith("P"):
        return BallotCode(meeting=meeting, item=int(item), class_code=class_code, serial=int(serial),
                          option=None, variant=_LETTER_VARIANT[form[1]], page_size=_LETTER_PAGE[form[2]], band=band)
    return BallotCode(meeting=meeting, item=int(item), class_code=class_code, serial=int(serial),
                      option=int(form[1:]) - 1, band=band)


def decode_card(text: str, secret: bytes, meeting_code: str) -> MemberCode:
    """Read and verify a scanned membership-card code at the registration desk.

    Raises ``QrRejected`` with reason NOT_COOPVOTE, BALLOT_NOT_CARD, OTHER_MEETING, FORGED_OR_DAMAGED
    or UNSUPPORTED_VERSION.
    """
    _check_secret(secret)
    raw = _normalise(text)
    found = _version_of(raw)
    if found is None:
        raise QrRejected(Reason.NOT_COOPVOTE)
    is_card, version = found
    if not is_card:
        raise QrRejected(Reason.BALLOT_NOT_CARD)
    if version != VERSION:
        raise QrRejected(Reason.UNSUPPORTED_VERSION, version=version)
    parts = raw.split("-")
    if len(parts) < 4:
        raise QrRejected(Reason.FORGED_OR_DAMAGED)
    _, meeting, *member_parts, mac = parts
    member = "-".join(member_parts)
    if not (_MEETING.fullmatch(meeting) and _CLASS.fullmatch(member) and len(member) <= 16
            and _MAC.fullmatch(mac)):
        raise QrRejected(Reason.FORGED_OR_DAMAGED)
    expected = meeting_code.strip().upper()
    if meeting != expected:
        raise QrRejected(Reason.OTHER_MEETING, meeting=meeting, expected=expected)
    if not _seal_ok(secret, raw[: -(MAC_CHARS + 1)], mac):
        raise QrRejected(Reason.FORGED_OR_DAMAGED)
    return MemberCode(meeting=meeting, member=member)


def shuffled_serials(count: int, start: int, seed_bytes: bytes) -> list[int]:
    """Serials ``start`` .. ``start + count - 1`` in a shuffled print order.

    Papers are handed out from the top of a pile, so printing serials in order would let anyone who
    watched the issue desk link a serial (and so a counted paper) to a voter. The order is a keyed hash
    sort: the same seed gives the same order on every Python version and platform, so a reprint is
    identical, while without the seed the order cannot be predicted.
    """
    if count < 0:
        raise InputError("qr.negative_count", count=count)
    if start < 1 or start + count - 1 > 99_999_999:
        raise InputError("qr.serials_out_of_range", first=start, last=start + count - 1)
    key = bytes(seed_bytes) or b"coopvote"

    def rank(serial: int) -> bytes:
        return hmac.new(key, serial.to_bytes(8, "big"), hashlib.sha256).digest()

    return sorted(range(start, start + count), key=rank)
