"""Value bands: how a member's own vote value reaches a secret paper without naming the member.

Under ``per_member = true`` every member's vote counts their value from the register (shares held, a
weight the rules give them). The paper is secret, so the value cannot be looked up after it is cast: it
must travel on the paper. A *band* is the set of members of one class who hold exactly the same value;
papers are printed per item, class and band, the QR code carries the band's value (sealed by its MAC),
and the desk hands each member the pack of their band. A paper's value is its band's value, exactly:
nothing is rounded into a range, so the count equals the sum of the voters' register values.

The price is privacy. A band is a smaller crowd than a class: a band of one member (the only holder of
500 shares) makes that member's paper recognisable in any figure, or archive row, that shows the band.
``small_band_warnings`` names such bands, and ``public_band_rows`` merges them before figures are
published. The archive must still carry each paper's value so anyone can recount: that residual risk is
what the warning at printing and at the desk is for (see docs/counting.md, "Per-member values").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from coopvote.counting.notes import Note
from coopvote.errors import InputError

_TOKEN = re.compile(r"W([1-9][0-9]{0,8})(?:R([1-9][0-9]{0,8}))?")
MAX_TOKEN_PART = 999_999_999


def band_token(value: Fraction) -> str:
    """The band as it is written in a QR code: ``W5`` for 5, ``W5R2`` for 5/2 (only ``A-Z 0-9``).

    QR codes here hold only characters every keyboard-wedge scanner types alike, so "/" and "." are out;
    ``R`` stands for "ratio". A zero or negative value never needs a paper (it counts for nothing).
    """
    value = Fraction(value)
    if value <= 0:
        raise InputError("counting.bands.no_paper", value=value)
    if value.numerator > MAX_TOKEN_PART or value.denominator > MAX_TOKEN_PART:
        raise InputError("counting.bands.too_long_for_qr", value=value)
    if value.denominator == 1:
        return f"W{value.numerator}"
    return f"W{value.numerator}R{value.denominator}"


def parse_band_token(token: str) -> Fraction | None:
    """The value a band token stands for, or None when the text is not a well-formed token."""
    match = _TOKEN.fullmatch(token)
    if not match:
        return None
    numerator = int(match.group(1))
    denominator = int(match.group(2) or 1)
    value = Fraction(numerator, denominator)
    if value.numerator != numerator:  # only the lowest terms are a valid encoding: one paper, one text
        return None
    return value


def band_label(value: Fraction) -> str:
    """``5``, ``5/2``: how a value is shown to people (the exact fraction, never a rounded decimal)."""
    value = Fraction(value)
    return str(value.numerator) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"


def votes_words(value: Fraction) -> tuple[str, str]:
    """(Welsh, English) words for what one paper of the band is worth, as printed and said at the desk."""
    label = band_label(value)
    english = "1 vote" if value == 1 else f"{label} votes"
    welsh = f"{label} pleidlais" if value == 1 else f"{label} o bleidleisiau"
    return welsh, english


@dataclass(frozen=True)
class Band:
    """Members of one class holding the same value: one stock of papers, one pack at the desk."""

    class_code: str
    value: Fraction
    members: int

    @property
    def label(self) -> str:
        return f"{self.class_code} {band_label(self.value)}"


def bands_of(members: Iterable[tuple[str, Fraction]]) -> list[Band]:
    """The bands of a register, from (class code, vote value) per eligible member.

    Members worth 0 are left out: they are on the register, but no paper of theirs would count.
    """
    counts: dict[tuple[str, Fraction], int] = {}
    for code, value in members:
        value = Fraction(value)
        if value > 0:
            counts[(code, value)] = counts.get((code, value), 0) + 1
    return [Band(code, value, n) for (code, value), n in sorted(counts.items(), key=lambda kv: (kv[0][0], kv[0][1]))]


def check_declared_values(
    declared: Iterable[Fraction], members: Iterable[tuple[str, str, Fraction]], where: str
) -> None:
    """Refuse a register whose values the meeting definition does not allow (``weighting.bands``).

    ``members`` are (membership number, class, value). Every value above 0 must be one of the declared
    band values exactly: a member worth 3 in a meeting with bands 1, 2 and 5 has no paper to be given.
    """
    allowed = set(Fraction(v) for v in declared)
    for number, code, value in members:
        if value > 0 and Fraction(value) not in allowed:
            shown = ", ".join(band_label(v) for v in sorted(allowed))
            raise InputError("counting.bands.value_not_allowed", where=where, number=number, code=code,
                             value=band_label(value), allowed=shown)


@dataclass(frozen=True)
class BandWarning:
    """A band small enough that figures or archive rows showing it may reveal how its members voted."""

    class_code: str
    value: Fraction
    members: int
    minimum: int

    def message(self) -> str:
        """The warning as a keyed note (``coopvote.counting.notes``), so it can be worded in Welsh too."""
        return Note(
            f"class {self.class_code}, band {band_label(self.value)}: only {self.members} member(s), fewer "
            f"than the privacy minimum of {self.minimum}; a paper of this band stands out in the count and "
            f"in the exported ballots",
            "notes.privacy_band_members", class_code=self.class_code, band=band_label(self.value), members=self.members,
            minimum=self.minimum,
        )


def small_band_warnings(bands: Iterable[Band], minimum: int) -> list[BandWarning]:
    """Bands with at least one but fewer than ``minimum`` members (an empty band reveals nothing)."""
    return [BandWarning(b.class_code, b.value, b.members, minimum) for b in bands if 0 < b.members < minimum]


@dataclass(frozen=True)
class PublicBandRow:
    """One line of the per-band figures a declaration shows.

    ``values`` lists the band values the line covers: one for a band large enough to show on its own,
    several when bands below the privacy minimum were merged (its papers then carry different values,
    and only the line's total is shown).
    """

    class_code: str
    values: tuple[Fraction, ...]
    papers: int
    by_option: tuple[int, ...]
    """Papers marking each option (first preference in a ranked election)."""
    weighted_by_option: tuple[Fraction, ...]
    """The same papers times their band values: the raw strength before any class weighting."""

    @property
    def merged(self) -> bool:
        return len(self.values) > 1

    @property
    def label(self) -> str:
        return ", ".join(band_label(v) for v in self.values)


def public_band_rows(
    papers: Mapping[tuple[str, Fraction], Sequence[tuple[int, ...] | None]], options: int, minimum: int
) -> list[PublicBandRow]:
    """Per-band figures fit to publish: ``papers`` maps (class, value) to each returned paper's counted
    options, 0-based (one for a resolution or a first preference; several on an approval paper), or None
    for a rejected paper.

    In each class, bands returning fewer than ``minimum`` papers are merged into one line with each
    other, and, if that line is itself still too small, with the class's smallest large band, so no line
    stands for fewer than ``minimum`` papers unless the whole class does.
    """
    by_class: dict[str, list[tuple[Fraction, Sequence[tuple[int, ...] | None]]]] = {}
    for (code, value), marks in sorted(papers.items(), key=lambda kv: (kv[0][0], kv[0][1])):
        by_class.setdefault(code, []).append((value, marks))
    rows: list[PublicBandRow] = []
    for code, bands in by_class.items():
        large = [(v, m) for v, m in bands if len(m) >= minimum]
        small = [(v, m) for v, m in bands if len(m) < minimum]
        groups: list[list[tuple[Fraction, Sequence[tuple[int, ...] | None]]]] = [[band] for band in large]
        if small:
            if sum(len(m) for _, m in small) < minimum and groups:
                smallest = min(range(len(groups)), key=lambda i: len(groups[i][0][1]))
                groups[smallest].extend(small)
            else:
                groups.append(small)
        for group in groups:
            group.sort(key=lambda band: band[0])
            counts = [0] * options
            weighted = [Fraction(0)] * options
            for value, marks in group:
                for paper in marks:
                    for mark in paper or ():
                        if 0 <= mark < options:
                            counts[mark] += 1
                            weighted[mark] += value
            rows.append(
                PublicBandRow(
                    code,
                    tuple(v for v, _ in group),
                    sum(len(m) for _, m in group),
                    tuple(counts),
                    tuple(weighted),
                )
            )
    rows.sort(key=lambda r: (r.class_code, r.values[0]))
    return rows
