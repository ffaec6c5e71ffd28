"""Class weighting: how much one ballot paper from each membership class counts.

A multi-stakeholder society's rules fix the balance between its classes (people supported, employees,
community supporters, investors...). The meeting picks one scheme and an item may override it. Whatever
the scheme, the result is one exact multiplier per class, so that an election turns class weights into
``Ballot.value`` and a resolution computes weighted for and against the same way. Keeping this one pure
function means the arithmetic a member can check by hand in docs/counting.md is the arithmetic we run.

Raw strength: the strength of a class's papers before weighting. That is the number of papers, except
under a per-member fixed value, where it is the sum of the register's values of the members whose papers
count. A paper's weighted value is ``multiplier[class] * its own raw value`` (1 for a plain paper).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any, Literal

from coopvote.counting.model import Ballot
from coopvote.errors import InputError

SchemeKind = Literal["one-member-one-vote", "fixed-value", "class-share"]
AbsentRule = Literal["redistribute", "forfeit"]

SCHEME_KINDS: tuple[str, ...] = ("one-member-one-vote", "fixed-value", "class-share")
_SCHEME_ALIASES = {
    "omov": "one-member-one-vote",
    "one member one vote": "one-member-one-vote",
    "fixed": "fixed-value",
    "share": "class-share",
    "class-shares": "class-share",
    "capped": "one-member-one-vote",  # scheme 4 on its own: one member one vote with a cap
}
_KNOWN_KEYS = frozenset(
    {
        "scheme",
        "shares",
        "values",
        "per_member",
        "bands",
        "absent_class",
        "cap",
        "class_consent",
        "consent_threshold",
        "consent_absent",
        "privacy_minimum",
    }
)


def _band_values(raw: object) -> tuple[Fraction, ...]:
    """``bands = [1, 2, "5/2"]``: the declared band values, exact, sorted, each once."""
    if not isinstance(raw, list | tuple):
        raise InputError("weighting.bands_not_a_list", raw=raw)
    values = [parse_fraction(value, f"weighting.bands[{index + 1}]") for index, value in enumerate(raw)]
    if len(set(values)) != len(values):
        raise InputError("weighting.band_twice")
    return tuple(sorted(values))


def parse_fraction(raw: object, where: str) -> Fraction:
    """Read an exact amount from TOML: an integer, "1/3", "0.1", "10%", or a float taken at its decimal text.

    A float such as 0.1 is read through its shortest decimal text, so it becomes exactly 1/10, never the
    binary approximation.
    """
    if isinstance(raw, bool):
        raise InputError("weighting.not_an_amount", where=where, raw=raw)
    if isinstance(raw, Fraction):
        return raw
    if isinstance(raw, int | Decimal):
        return Fraction(raw)
    if isinstance(raw, float):
        raw = repr(raw)
    if not isinstance(raw, str):
        raise InputError("weighting.not_an_amount", where=where, raw=raw)
    text = raw.strip().replace(" ", "")
    try:
        if text.endswith("%"):
            return Fraction(Decimal(text[:-1])) / 100
        if "/" in text:
            return Fraction(text)
        return Fraction(Decimal(text))
    except (ValueError, ZeroDivisionError, InvalidOperation):
        raise InputError("weighting.unreadable_amount", where=where, raw=raw) from None


def _fraction_table(raw: object, where: str, *, positive: bool = True) -> dict[str, Fraction]:
    if not isinstance(raw, Mapping):
        raise InputError("weighting.not_a_class_table", where=where, example='{ PS = "1/3" }')
    table: dict[str, Fraction] = {}
    for code, amount in raw.items():
        value = parse_fraction(amount, f"{where}.{code}")
        if value < 0 or (positive and value == 0):
            raise InputError("weighting.not_above_zero", where=where, code=code, amount=amount)
        table[str(code)] = value
    return table


@dataclass(frozen=True)
class WeightingScheme:
    """The meeting's (or one item's) weighting rule, as plain data the meeting spec describes.

    ``shares`` (class-share) and ``cap`` are fractions of the whole voting strength; ``values`` are votes
    per paper (fixed-value per class). ``per_member`` means the register gives each member's own value.
    ``consent`` adds scheme 5: a resolution also needs ``consent_threshold`` within every class.
    """

    kind: SchemeKind = "one-member-one-vote"
    shares: Mapping[str, Fraction] = field(default_factory=dict)
    values: Mapping[str, Fraction] = field(default_factory=dict)
    per_member: bool = False
    absent_class: AbsentRule = "redistribute"
    cap: Mapping[str, Fraction] = field(default_factory=dict)
    consent: bool = False
    consent_threshold: str = "> 1/2"
    consent_absent: Literal["fail", "ignore"] = "fail"
    privacy_minimum: int = 5
    bands: tuple[Fraction, ...] = ()
    """With ``per_member``: the only vote values members may hold (each a printed value band); () = any."""

    def __post_init__(self) -> None:
        if self.kind not in SCHEME_KINDS:
            raise InputError("weighting.unknown_scheme", kind=self.kind, known=", ".join(SCHEME_KINDS))
        if self.kind == "class-share":
            if not self.shares:
                raise InputError("weighting.shares_missing", example='shares = { PS = "1/3" }')
            total = sum(self.shares.values(), Fraction(0))
            if total != 1:
                raise InputError("weighting.shares_total", total=total)
        elif self.shares:
            raise InputError("weighting.shares_wrong_scheme", kind=self.kind)
        if self.kind == "fixed-value" and not self.values and not self.per_member:
            raise InputError("weighting.fixed_value_needs_values", example="{ CLASS = n }")
        if self.bands and not self.per_member:
            raise InputError("weighting.bands_need_per_member")
        if any(value <= 0 for value in self.bands):
            raise InputError("weighting.band_not_above_zero")
        if self.kind != "fixed-value" and (self.values or self.per_member):
            raise InputError("weighting.values_wrong_scheme", kind=self.kind)
        if self.absent_class not in ("redistribute", "forfeit"):
            raise InputError("weighting.absent_class_unknown", rule=self.absent_class)
        for code, limit in self.cap.items():
            if not 0 < limit < 1:
                raise InputError("weighting.cap_range", code=code, limit=limit)
        if self.consent_absent not in ("fail", "ignore"):
            raise InputError("weighting.consent_absent_unknown", rule=self.consent_absent)
        if self.privacy_minimum < 1:
            raise InputError("weighting.privacy_minimum_low", minimum=self.privacy_minimum)

    @classmethod
    def from_mapping(
        cls,
        raw: Mapping[str, Any],
        override: Mapping[str, Any] | None = None,
        *,
        class_values: Mapping[str, Any] | None = None,
    ) -> WeightingScheme:
        """Build from the meeting spec's ``[weighting]`` table, with an item's table laid over it.

        An item that names its own ``scheme`` replaces the meeting's table outright (so a meeting's shares do
        not leak into an item counted one member one vote); otherwise the item's keys replace the meeting's.
        ``class_values`` (each class's ``vote_value`` from the register) stand in for a fixed-value scheme's
        ``values`` when the table gives none and does not ask for per-member values.
        """
        merged: dict[str, Any] = dict(raw)
        if override:
            merged = dict(override) if "scheme" in override else {**merged, **override}
        unknown = set(merged) - _KNOWN_KEYS
        if unknown:
            raise InputError("weighting.unknown_keys", unknown=", ".join(sorted(unknown)),
                             known=", ".join(sorted(_KNOWN_KEYS)))
        kind = str(merged.get("scheme", "one-member-one-vote")).strip().lower()
        kind = _SCHEME_ALIASES.get(kind, kind)
        minimum = merged.get("privacy_minimum", 5)
        if isinstance(minimum, bool) or not isinstance(minimum, int):
            raise InputError("weighting.privacy_minimum_not_whole", minimum=minimum)
        per_member = merged.get("per_member", False)
        consent = merged.get("class_consent", False)
        for key, flag in (("per_member", per_member), ("class_consent", consent)):
            if not isinstance(flag, bool):
                raise InputError("weighting.not_true_or_false", field=key, flag=flag)
        values = merged.get("values", {})
        if kind == "fixed-value" and not values and not per_member and class_values:
            values = class_values
        return cls(
            kind=kind,  # type: ignore[arg-type]  # checked in __post_init__
            shares=_fraction_table(merged.get("shares", {}), "weighting.shares"),
            values=_fraction_table(values, "weighting.values"),
            per_member=per_member,
            absent_class=str(merged.get("absent_class", "redistribute")),  # type: ignore[arg-type]
            cap=_fraction_table(merged.get("cap", {}), "weighting.cap"),
            consent=consent,
            consent_threshold=str(merged.get("consent_threshold", "> 1/2")),
            consent_absent=str(merged.get("consent_absent", "fail")),  # type: ignore[arg-type]
            privacy_minimum=minimum,
            bands=_band_values(merged.get("bands", [])),
        )

    @property
    def weighted(self) -> bool:
        """Whether papers can carry different values at all (one member one vote without a cap cannot)."""
        return self.kind != "one-member-one-vote" or bool(self.cap)


BY_HEAD = WeightingScheme()
"""One member, one vote: used for a statutory special resolution counted by head, and for a show of hands."""


@dataclass(frozen=True)
class WeightingResult:
    """Every figure behind the multipliers, so a report can show the working.

    ``nominal`` is each class's strength before the cap (after its share or fixed value and any
    redistribution); ``strength`` after the cap. ``forfeited`` is share nobody carries because its class
    cast no paper in the base and the rules forfeit it.
    """

    multipliers: dict[str, Fraction]
    raw: dict[str, Fraction]
    nominal: dict[str, Fraction]
    strength: dict[str, Fraction]
    forfeited: Fraction = Fraction(0)
    capped: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def total_strength(self) -> Fraction:
        return sum(self.strength.values(), Fraction(0))


def apply_cap(
    strength: Mapping[str, Fraction], cap: Mapping[str, Fraction]
) -> tuple[dict[str, Fraction], tuple[str, ...]]:
    """Scale each class over its cap down to exactly the cap; the other classes keep their strengths.

    A capped class k ends with ``cap_k * T / (1 - C)``, where T is the strength of the uncapped classes and
    C the sum of the caps in force, so its proportion of the new total is exactly ``cap_k``. Lowering the
    total can push another class over its own cap, so this repeats until no class is over.

    The caps may add up to 1 or more ("no class more than 40%" for three classes is 120%): C never reaches
    1 while an uncapped class holds strength, because every class taken into C was over its cap of a
    total that the classes left still made up. When every class with papers ends up capped (only two of
    three classes voted, each capped at 40%) no split honours the caps and nothing is scaled.
    """
    result = {code: Fraction(value) for code, value in strength.items()}
    capped: list[str] = []
    while True:
        free_total = sum((v for c, v in result.items() if c not in capped), Fraction(0))
        cap_sum = sum((cap[c] for c in capped), Fraction(0))
        total = free_total / (1 - cap_sum)
        over = sorted(c for c, v in result.items() if c not in capped and c in cap and v > cap[c] * total)
        if not over:
            break
        capped.extend(over)
    if capped and free_total == 0:
        return {code: Fraction(value) for code, value in strength.items()}, ()
    for code in capped:
        result[code] = cap[code] * total
    return result, tuple(sorted(capped))


def class_strengths(scheme: WeightingScheme, papers: Mapping[str, int | Fraction]) -> WeightingResult:
    """Work out each class's voting strength and the multiplier each of its papers carries.

    ``papers`` maps class code to the raw strength of that class's papers in the count's base (see the
    module docstring). A class the shares name but ``papers`` omits counts as having cast nothing.
    """
    raw: dict[str, Fraction] = {}
    for code, amount in papers.items():
        value = Fraction(amount)
        if value < 0:
            raise InputError("weighting.negative_papers", code=code, amount=amount)
        raw[str(code)] = value
    notes: list[str] = []
    forfeited = Fraction(0)
    if scheme.kind == "one-member-one-vote":
        nominal = dict(raw)
    elif scheme.kind == "fixed-value":
        nominal = {}
        for code, amount in raw.items():
            if scheme.per_member:
                nominal[code] = amount
            elif code in scheme.values:
                nominal[code] = amount * scheme.values[code]
            else:
                raise InputError("weighting.no_vote_value", code=code)
    else:
        unknown = sorted(set(raw) - set(scheme.shares))
        if unknown:
            raise InputError("weighting.no_share", codes=", ".join(unknown))
        for code in scheme.shares:
            raw.setdefault(code, Fraction(0))
        present = [code for code in scheme.shares if raw[code] > 0]
        absent_share = sum((scheme.shares[c] for c in scheme.shares if raw[c] == 0), Fraction(0))
        present_share = 1 - absent_share
        nominal = {code: Fraction(0) for code in scheme.shares}
        if not present:
            notes.append("no class cast a paper")
        elif scheme.absent_class == "forfeit":
            forfeited = absent_share
            for code in present:
                nominal[code] = scheme.shares[code]
        else:
            for code in present:
                nominal[code] = scheme.shares[code] / present_share
        if present and absent_share:
            absent = [c for c in scheme.shares if raw[c] == 0]
            verb = "forfeited" if scheme.absent_class == "forfeit" else "shared out among the other classes"
            verb = ("was " if len(absent) == 1 else "were ") + verb
            whose = "its share" if len(absent) == 1 else "their shares"
            notes.append(f"no papers from {', '.join(absent)}: {whose} ({absent_share}) {verb}")
    strength, capped = apply_cap(nominal, scheme.cap) if scheme.cap else (dict(nominal), ())
    if (
        scheme.cap
        and not capped
        and any(
            c in scheme.cap and nominal[c] > scheme.cap[c] * sum(nominal.values(), Fraction(0))
            for c in nominal
        )
    ):
        notes.append("cap not applied: no uncapped class cast a paper, so there is nothing to scale against")
    multipliers = {code: (strength[code] / raw[code] if raw[code] else Fraction(0)) for code in raw}
    for code in capped:
        notes.append(
            f"{code} held to its cap of {scheme.cap[code]} of the voting strength: "
            f"each of its papers carries {multipliers[code]} (uncapped: {nominal[code] / raw[code]})"
        )
    return WeightingResult(multipliers, raw, nominal, strength, forfeited, capped, tuple(notes))


def paper_weights(scheme: WeightingScheme, papers: Mapping[str, int | Fraction]) -> dict[str, Fraction]:
    """The exact value one paper of unit raw value carries, per class (0 for a class with no papers)."""
    return class_strengths(scheme, papers).multipliers


def weigh_ballots(
    scheme: WeightingScheme,
    groups: Mapping[str, Sequence[Ballot]],
    *,
    normalise: Literal["none", "papers"] = "papers",
) -> tuple[Ballot, ...]:
    """Turn per-class ballot groups into one weighted ballot list for an election count.

    Each group's ``value`` is its raw strength (number of papers, or the sum of its members' register
    values). With ``normalise="papers"`` all multipliers are scaled alike so the total weighted value equals
    the number of raw papers; no rule's outcome changes (every paper is scaled by the same factor) but the
    stage sheets then read in familiar magnitudes, not shares of 1.
    """
    raw = {code: sum((Fraction(b.value) for b in ballots), Fraction(0)) for code, ballots in groups.items()}
    result = class_strengths(scheme, raw)
    multipliers = dict(result.multipliers)
    if normalise == "papers" and result.total_strength:
        factor = sum(raw.values(), Fraction(0)) / result.total_strength
        multipliers = {code: m * factor for code, m in multipliers.items()}
    weighted: list[Ballot] = []
    for code, ballots in groups.items():
        for ballot in ballots:
            value = Fraction(ballot.value) * multipliers[code]
            if value:
                weighted.append(Ballot(ballot.ranking, value))
    return tuple(weighted)


def class_codes(*tables: Iterable[str]) -> list[str]:
    """Class codes in first-seen order across several tables, for stable report columns."""
    seen: dict[str, None] = {}
    for table in tables:
        for code in table:
            seen.setdefault(code, None)
    return list(seen)
