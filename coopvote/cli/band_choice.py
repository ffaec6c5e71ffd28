"""``--band VALUE`` for ``coopvote ballots`` and ``coopvote packs``, and the band list ``coopvote info`` shows.

The service already refuses a band that does not fit (``service/bands.py``); these checks run first so the
command line can say which flag to change and name the bands the register actually holds, which is what
the person printing needs to know to type the next command.
"""

from __future__ import annotations

import argparse
import re
from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING

from coopvote.counting.value_bands import Band, band_label
from coopvote.errors import RuleError
from coopvote.messages import Message, message

if TYPE_CHECKING:
    from coopvote.service import MeetingService

_EXACT = re.compile(r"([0-9]+)(?:/([0-9]+)|\.([0-9]+))?")


def band_argument(text: str) -> Fraction:
    """argparse type for --band: an exact value ("5", "5/2", "2.5"), never a rounded float."""
    spelled = text.strip()
    match = _EXACT.fullmatch(spelled)
    if not match or match.group(2) is not None and int(match.group(2)) == 0:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a vote value: give the band's exact value, a whole number or a fraction (5, 5/2)"
        )
    value = Fraction(spelled)
    if value <= 0:
        raise argparse.ArgumentTypeError(f"{text!r}: a band's value is above 0 (members worth 0 have no paper)")
    return value


@dataclass(frozen=True)
class BandLine:
    """A register band as ``info`` shows it: the band, and its privacy warning when it is small."""

    band: Band
    warning: str | None


def band_lines(service: MeetingService) -> list[BandLine]:
    """Every band of the register with its small-band warning; empty when no item counts member values."""
    from coopvote.record.models import Meeting
    from coopvote.service.bands import band_warnings

    bands, _ = service.papers.value_bands()
    if not bands:
        return []
    with service.record.reading() as session:
        meeting = session.get(Meeting, service.record.meeting_id)
        assert meeting is not None
        warnings = {(w.class_code, w.value): w.message() for w in band_warnings(session, meeting)}
    return [BandLine(band, warnings.get((band.class_code, band.value))) for band in bands]


def band_warning(service: MeetingService, class_code: str, value: Fraction) -> str | None:
    """The small-band warning for papers just printed, said again where the person printing will see it."""
    return next(
        (line.warning for line in band_lines(service) if line.band.class_code == class_code and line.band.value == value),
        None,
    )


def bands_named(bands: list[Band]) -> str | Message:
    return ", ".join(band_label(b.value) for b in bands) or message("cli.no_bands")


def class_bands(service: MeetingService, class_code: str) -> list[Band]:
    bands, _ = service.papers.value_bands()
    return [b for b in bands if b.class_code.upper() == class_code.upper()]


def held_band(service: MeetingService, class_code: str, value: Fraction) -> Band:
    """The class's band of that value, or a refusal naming the bands the class does have."""
    bands = class_bands(service, class_code)
    found = next((b for b in bands if b.value == value), None)
    if found is None:
        raise RuleError(
            "cli.band_not_held", band=band_label(value), class_code=class_code.upper(), bands=bands_named(bands)
        )
    return found


def band_needed(service: MeetingService, items: list[int], class_code: str) -> RuleError:
    """The refusal for printing a per-member item without --band: say the flag and the class's bands."""
    bands = bands_named(class_bands(service, class_code))
    if len(items) == 1:
        return RuleError("cli.band_needed_item", item=items[0], class_code=class_code.upper(), bands=bands)
    return RuleError("cli.band_needed_items", items=", ".join(map(str, items)), class_code=class_code.upper(), bands=bands)


def band_not_counted(value: Fraction, item: int | None) -> RuleError:
    """``item``: the one item printed that does not count member values; None for a pack of every item to vote on."""
    if item is None:
        return RuleError("cli.band_not_counted_packs", band=band_label(value))
    return RuleError("cli.band_not_counted_item", band=band_label(value), item=item)

