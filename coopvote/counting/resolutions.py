"""Counting a resolution: weighted for and against, a threshold, ties, class consent, show of hands.

Pure functions over plain data: the service layer stores a ``ResolutionTally`` (what was counted, per
class) and gets back a ``ResolutionResult`` holding every figure a declaration shows, exact Fractions
beside their decimal strings, and the reason in words in English and Welsh. Nothing is rounded before the
decision; a percentage is rounded only for display, and never so that it looks like the threshold when
it is not.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any, Literal

from coopvote.counting.model import decimal_string
from coopvote.counting.privacy import PrivacyWarning, small_class_warnings
from coopvote.counting.register_base import checked_register
from coopvote.counting.resolution_texts import LANGUAGES, UNNAMED_CHAIR, Language, text
from coopvote.counting.weighting import BY_HEAD, WeightingScheme, class_strengths, parse_fraction
from coopvote.errors import InputError
from coopvote.messages import message

Base = Literal["cast", "valid", "present", "register"]
TieRule = Literal["lost", "casting-vote", "lot"]
BASES: tuple[str, ...] = ("cast", "valid", "present", "register")
REGISTER = "register"
"""The base of a rule that needs a share of *all* members on the register, voting or not, by head (the
FairShares special resolution, docs/presets.md): the threshold's whole is the register, while each class's
own share (class consent) stays a share of that class's votes cast."""
TIE_RULES: tuple[str, ...] = ("lost", "casting-vote", "lot")
ALL_CLASSES = "*"
"""The class code of a show of hands counted without a per-class breakdown."""

_NAMED_THRESHOLDS = {
    "simple-majority": "> 1/2",
    "majority": "> 1/2",
    "two-thirds": ">= 2/3",
    "three-quarters": ">= 3/4",
}


@dataclass(frozen=True)
class Threshold:
    """``strict`` means "more than": exactly ``fraction`` is a tie, settled by the tie rule."""

    strict: bool
    fraction: Fraction

    @classmethod
    def parse(cls, raw: object, where: str = "threshold") -> Threshold:
        """Read "> 1/2", ">= 2/3", ">= 3/4", any "> a/b" / ">= x%", or a name such as "two-thirds"."""
        if isinstance(raw, Threshold):
            return raw
        if not isinstance(raw, str):
            raise InputError("resolutions.threshold_not_text", where=where, raw=raw)
        spec = _NAMED_THRESHOLDS.get(raw.strip().lower(), raw.strip())
        if spec.startswith(">="):
            strict, rest = False, spec[2:]
        elif spec.startswith(">"):
            strict, rest = True, spec[1:]
        else:
            raise InputError("resolutions.threshold_sign", where=where, raw=raw)
        fraction = parse_fraction(rest, where)
        if not 0 <= fraction < 1 and not (fraction == 1 and not strict):
            raise InputError("resolutions.threshold_unreachable", where=where, raw=raw)
        return cls(strict, fraction)

    def met(self, share: Fraction) -> bool:
        return share > self.fraction if self.strict else share >= self.fraction

    def is_tie(self, share: Fraction) -> bool:
        return self.strict and share == self.fraction

    def fraction_text(self) -> str:
        """2/3 stays "2/3" (a percentage of thirds never reads exactly); 11/20 reads "55%"; 1/12 stays "1/12"."""
        exact_percent = (self.fraction * 100 * 10**4).denominator == 1
        if self.fraction.denominator <= 10 or not exact_percent:
            return str(self.fraction)
        return f"{percent_string(self.fraction, 4).rstrip('0').rstrip('.')}%"

    def describe(self, language: Language = "en") -> str:
        return text("more_than" if self.strict else "at_least", language, fraction=self.fraction_text())


def percent_string(share: Fraction, places: int = 1) -> str:
    """A share of 1 as a percentage, rounded half up at ``places`` decimal places (no float)."""
    scaled = share * 100 * 10**places
    rounded = (scaled.numerator * 2 + scaled.denominator) // (2 * scaled.denominator)
    sign = "-" if rounded < 0 else ""
    digits = str(abs(rounded)).rjust(places + 1, "0")
    return f"{sign}{digits[:-places]}.{digits[-places:]}" if places else f"{sign}{digits}"


def display_percent(share: Fraction, threshold: Threshold) -> str:
    """One decimal place, or more where one place would make a share that misses look like the threshold."""
    places = 1
    while (
        places < 6
        and share != threshold.fraction
        and percent_string(share, places) == percent_string(threshold.fraction, places)
    ):
        places += 1
    return percent_string(share, places)


@dataclass(frozen=True)
class ResolutionRules:
    """How an item is decided: threshold, base, tie rule, and whether it is counted by head regardless."""

    threshold: Threshold = field(default_factory=lambda: Threshold(True, Fraction(1, 2)))
    base: Base = "cast"
    tie: TieRule = "lost"
    by_head: bool = False

    def __post_init__(self) -> None:
        _check_one_of(self.base, BASES, "base")
        _check_one_of(self.tie, TIE_RULES, "tie")
        if self.base == REGISTER and not self.by_head:
            raise InputError("count.register_needs_by_head")

    @classmethod
    def from_mapping(cls, raw: Mapping[str, Any], where: str = "item") -> ResolutionRules:
        known = {"threshold", "base", "tie", "by_head"}
        unknown = set(raw) - known
        if unknown:
            raise InputError("resolutions.unknown_keys", where=where, unknown=", ".join(sorted(unknown)),
                             known=", ".join(sorted(known)))
        by_head = raw.get("by_head", False)
        if not isinstance(by_head, bool):
            raise InputError("resolutions.not_true_or_false", where=f"{where}.by_head", value=by_head)
        base, tie = str(raw.get("base", "cast")), str(raw.get("tie", "lost"))
        _check_one_of(base, BASES, f"{where}.base")  # here, where the item's key can be named
        _check_one_of(tie, TIE_RULES, f"{where}.tie")
        return cls(
            threshold=Threshold.parse(raw.get("threshold", "> 1/2"), f"{where}.threshold"),
            base=base,  # type: ignore[arg-type]  # checked just above
            tie=tie,  # type: ignore[arg-type]
            by_head=by_head,
        )


def _check_one_of(value: str, allowed: tuple[str, ...], where: str) -> None:
    if value not in allowed:
        raise InputError("resolutions.not_one_of", where=where, value=value, known=", ".join(allowed))


@dataclass(frozen=True)
class ClassTally:
    """One class's count: papers (or hands) for, against, abstaining, rejected; members present.

    ``*_value`` are the sums of the register's per-member vote values, needed only when the scheme is a
    per-member fixed value; without them each paper counts 1 before weighting.
    """

    votes_for: int
    votes_against: int
    abstentions: int = 0
    rejected: int = 0
    present: int | None = None
    for_value: Fraction | None = None
    against_value: Fraction | None = None
    abstain_value: Fraction | None = None
    present_value: Fraction | None = None

    @property
    def returned(self) -> int:
        return self.votes_for + self.votes_against + self.abstentions + self.rejected


@dataclass(frozen=True)
class ResolutionTally:
    """What was counted for one item, as the service layer stores it."""

    classes: Mapping[str, ClassTally]
    mode: Literal["poll", "show-of-hands"] = "poll"
    poll_demanded_by: str | None = None
    chair: str | None = None
    casting_vote: Literal["for", "against"] | None = None
    seed: int | str = 0
    title: str = ""
    register: Mapping[str, int] | None = None
    """Members on the register entitled to vote, per class code: the whole of a ``base = "register"`` rule."""


@dataclass(frozen=True)
class ClassFigures:
    """One class's row: raw and weighted figures, its for-share and consent (None: not asked)."""

    code: str
    votes_for: Fraction
    votes_against: Fraction
    abstentions: Fraction
    rejected: int
    base: Fraction
    multiplier: Fraction
    weighted_for: Fraction
    weighted_against: Fraction
    weighted_abstentions: Fraction
    weighted_base: Fraction
    for_share: Fraction | None
    consent: bool | None = None

    @property
    def for_percent(self) -> str:
        return percent_string(self.for_share) if self.for_share is not None else ""

    def to_dict(self) -> dict[str, object]:
        """Plain JSON-able figures: each amount as exact text ("1/45") beside a decimal ("0.022222")."""
        row: dict[str, object] = {"class": self.code, "rejected": self.rejected, "consent": self.consent}
        for name in _AMOUNTS:
            value = getattr(self, name)
            row[name] = {"exact": str(value), "decimal": decimal_string(value, 6)}
        row["for_share"] = str(self.for_share) if self.for_share is not None else None
        row["for_percent"] = self.for_percent
        return row


_AMOUNTS = (
    "votes_for", "votes_against", "abstentions", "base", "multiplier",
    "weighted_for", "weighted_against", "weighted_abstentions", "weighted_base",
)  # fmt: skip


@dataclass(frozen=True)
class TieResolution:
    how: TieRule
    outcome: bool
    chair: str | None = None
    casting_vote: str | None = None
    seed: int | str | None = None


@dataclass(frozen=True)
class ResolutionResult:
    """Everything a declaration of one resolution shows."""

    title: str
    mode: str
    by_head: bool
    scheme: str  # the item's weighting scheme; ``by_head`` says when it was set aside
    base: Base
    threshold: Threshold
    classes: tuple[ClassFigures, ...]
    total: ClassFigures
    for_share: Fraction | None
    for_percent: str
    carried: bool
    tie: TieResolution | None
    consent_failed: tuple[str, ...]
    stands: bool
    poll_demanded_by: str | None
    privacy: tuple[PrivacyWarning, ...]
    notes: tuple[str, ...]

    def reason(self, language: Language = "en") -> str:
        """The decision in words, e.g. "carried: 70.0% for, at least 2/3 of votes cast needed"."""
        outcome = text("carried" if self.carried else "not_carried", language)
        threshold = self.threshold.describe(language)
        base = text(f"base_{self.base}", language)
        common = {"outcome": outcome, "percent": self.for_percent, "threshold": threshold, "base": base}
        register = [] if self.register_members is None else [
            text("register_count", language, votes_for=self.total.votes_for, members=self.register_members)
        ]
        if self.for_share is None:
            sentence = text("no_votes", language, outcome=outcome)
        elif self.consent_failed:
            sentence = text(
                "consent_failed",
                language,
                classes=", ".join(self.consent_failed),
                consent=Threshold.parse(self.consent_threshold_text).describe(language),
                **common,
            )
        elif self.tie is not None and self.tie.how == "casting-vote":
            side = text(self.tie.casting_vote or "against", language)
            if self.tie.chair == UNNAMED_CHAIR:
                sentence = text("tie_casting_unnamed", language, side=side, **common)
            else:
                sentence = text("tie_casting", language, chair=self.tie.chair, side=side, **common)
        elif self.tie is not None and self.tie.how == "lot":
            sentence = text("tie_lot", language, seed=self.tie.seed, **common)
        elif self.tie is not None:
            sentence = text("tie_lost", language, **common)
        else:
            sentence = text("decided", language, **common)
        extra = []
        if self.mode == "show-of-hands":
            extra.append(text("show_of_hands", language))
        elif self.by_head and self.scheme_weighted:
            extra.append(text("by_head", language))
        if self.poll_demanded_by:
            extra.append(text("poll_demanded", language, by=self.poll_demanded_by))
        return "; ".join([sentence, *register, *extra])

    consent_threshold_text: str = "> 1/2"
    scheme_weighted: bool = False
    register_members: int | None = None
    """All members on the register (every class), when the threshold is a share of them (base "register")."""
    register_by_class: Mapping[str, int] | None = None

    def to_dict(self) -> dict[str, object]:
        """The result as plain JSON-able data for the record and exports, reasons in both languages."""
        tie = None
        if self.tie is not None:
            tie = {"how": self.tie.how, "carried": self.tie.outcome, "chair": self.tie.chair,
                   "casting_vote": self.tie.casting_vote, "seed": self.tie.seed}  # fmt: skip
        return {
            "title": self.title,
            "mode": self.mode,
            "scheme": self.scheme,
            "by_head": self.by_head,
            "base": self.base,
            "threshold": {"strict": self.threshold.strict, "fraction": str(self.threshold.fraction)},
            "classes": [row.to_dict() for row in self.classes],
            "total": self.total.to_dict(),
            "for_share": str(self.for_share) if self.for_share is not None else None,
            "for_percent": self.for_percent,
            "carried": self.carried,
            "tie": tie,
            "consent_failed": list(self.consent_failed),
            "stands": self.stands,
            "poll_demanded_by": self.poll_demanded_by,
            "privacy": [warning.message() for warning in self.privacy],
            "notes": list(self.notes),
            "register_members": self.register_members,
            "register_by_class": dict(self.register_by_class) if self.register_by_class is not None else None,
            "reason": {language: self.reason(language) for language in LANGUAGES},
        }


def _raw(
    tally: ClassTally, per_member: bool, code: str
) -> tuple[Fraction, Fraction, Fraction, Fraction | None]:
    """Raw for, against, abstain and present strength of one class, before weighting."""
    if per_member:
        needed = [tally.for_value, tally.against_value] + ([tally.abstain_value] if tally.abstentions else [])
        if any(v is None for v in needed):
            raise InputError("resolutions.per_member_sums_needed", code=code)
        present = Fraction(tally.present_value) if tally.present_value is not None else None
        return (
            Fraction(tally.for_value or 0),
            Fraction(tally.against_value or 0),
            Fraction(tally.abstain_value or 0),
            present,
        )
    present_count = Fraction(tally.present) if tally.present is not None else None
    return (
        Fraction(tally.votes_for),
        Fraction(tally.votes_against),
        Fraction(tally.abstentions),
        present_count,
    )


def _base_amount(
    base: Base, votes_for: Fraction, against: Fraction, abstain: Fraction, present: Fraction | None, code: str
) -> Fraction:
    if base in ("cast", REGISTER):  # under "register", a class's own share (its consent) is of its votes cast
        return votes_for + against
    if base == "valid":
        return votes_for + against + abstain
    if present is None:
        raise InputError("resolutions.present_needed", code=code)
    if present < votes_for + against + abstain:
        raise InputError("resolutions.more_votes_than_present", code=code, present=present,
                         valid=votes_for + against + abstain)
    return present


_FIGURES = {
    "votes_for": "resolutions.figure.votes_for",
    "votes_against": "resolutions.figure.votes_against",
    "abstentions": "resolutions.figure.abstentions",
    "rejected": "resolutions.figure.rejected",
}
"""The message naming each figure of a class's tally, for a refusal that says which one is wrong."""


def _title(tally: ResolutionTally) -> object:
    """The item's title as entered, or the word "resolution" in the reading language when it has none."""
    return tally.title or message("resolutions.resolution")


def _validate(tally: ResolutionTally) -> None:
    if not tally.classes:
        raise InputError("resolutions.no_figures", title=_title(tally))
    for code, figures in tally.classes.items():
        for name in ("votes_for", "votes_against", "abstentions", "rejected"):
            amount = getattr(figures, name)
            if isinstance(amount, bool) or not isinstance(amount, int) or amount < 0:
                raise InputError("resolutions.figure_not_whole", code=code, figure=message(_FIGURES[name]),
                                 amount=amount)
    if ALL_CLASSES in tally.classes and len(tally.classes) > 1:
        raise InputError("resolutions.room_and_classes", all=ALL_CLASSES)
    if tally.mode not in ("poll", "show-of-hands"):
        raise InputError("resolutions.unknown_mode", mode=tally.mode)
    if tally.poll_demanded_by is not None and tally.mode != "show-of-hands":
        raise InputError("resolutions.poll_only_after_hands")


def count_resolution(
    rules: ResolutionRules,
    scheme: WeightingScheme,
    tally: ResolutionTally,
    *,
    privacy_minimum: int | None = None,
) -> ResolutionResult:
    """Decide one resolution from its per-class tally under the meeting's (or item's) weighting.

    ``privacy_minimum`` replaces the scheme's when the meeting sets it elsewhere (``[rules]``).
    """
    _validate(tally)
    by_head = rules.by_head or tally.mode == "show-of-hands"
    counting = BY_HEAD if by_head else scheme
    per_member = counting.kind == "fixed-value" and counting.per_member
    if scheme.consent and ALL_CLASSES in tally.classes:
        raise InputError("resolutions.consent_needs_classes")
    raws = {code: _raw(figures, per_member, code) for code, figures in tally.classes.items()}
    bases = {code: _base_amount(rules.base, f, a, ab, p, code) for code, (f, a, ab, p) in raws.items()}
    weighting = class_strengths(counting, bases)
    consent_rule = Threshold.parse(scheme.consent_threshold, "weighting.consent_threshold")

    rows: list[ClassFigures] = []
    for code, (votes_for, against, abstain, _present) in raws.items():
        multiplier = weighting.multipliers[code]
        share = votes_for / bases[code] if bases[code] else None
        consent: bool | None = None
        if scheme.consent:
            consent = (
                consent_rule.met(share)
                if share is not None
                else (False if scheme.consent_absent == "fail" else None)
            )
        rows.append(
            ClassFigures(
                code, votes_for, against, abstain, tally.classes[code].rejected, bases[code], multiplier,
                votes_for * multiplier, against * multiplier, abstain * multiplier,
                bases[code] * multiplier, share, consent,
            )
        )  # fmt: skip

    def total(attr: str) -> Fraction:
        return sum((Fraction(getattr(row, attr)) for row in rows), Fraction(0))

    weighted_base = total("weighted_base")
    for_share = total("weighted_for") / weighted_base if weighted_base else None
    register = None
    if rules.base == REGISTER:
        voted = {code: f + a + ab for code, (f, a, ab, _present) in raws.items()}
        register = checked_register(tally.register, voted, tally.title or "resolution", ALL_CLASSES)
    if register is not None:
        members = sum(register.values())
        for_share = total("votes_for") / members if members else None
    totals = ClassFigures(
        "", total("votes_for"), total("votes_against"), total("abstentions"), int(total("rejected")),
        total("base"), Fraction(1), total("weighted_for"), total("weighted_against"),
        total("weighted_abstentions"), weighted_base, for_share,
    )  # fmt: skip
    consent_failed = tuple(row.code for row in rows if row.consent is False)

    tie: TieResolution | None = None
    if for_share is None or consent_failed:
        carried = False
    elif rules.threshold.is_tie(for_share):
        tie = _break_tie(rules.tie, tally)
        carried = tie.outcome
    else:
        carried = rules.threshold.met(for_share)

    privacy: list[PrivacyWarning] = []
    if tally.mode == "poll" and ALL_CLASSES not in tally.classes:
        returned = {code: figures.returned for code, figures in tally.classes.items()}
        minimum = privacy_minimum if privacy_minimum is not None else scheme.privacy_minimum
        privacy = small_class_warnings(returned, minimum)
    return ResolutionResult(
        title=tally.title,
        mode=tally.mode,
        by_head=by_head,
        scheme=scheme.kind,
        scheme_weighted=scheme.weighted,
        base=rules.base,
        threshold=rules.threshold,
        classes=tuple(rows),
        total=totals,
        for_share=for_share,
        for_percent=display_percent(for_share, rules.threshold) if for_share is not None else "",
        carried=carried,
        tie=tie,
        consent_failed=consent_failed,
        stands=tally.poll_demanded_by is None,
        poll_demanded_by=tally.poll_demanded_by,
        privacy=tuple(privacy),
        notes=weighting.notes,
        consent_threshold_text=scheme.consent_threshold,
        register_members=sum(register.values()) if register is not None else None,
        register_by_class=dict(register) if register is not None else None,
    )


def _break_tie(rule: TieRule, tally: ResolutionTally) -> TieResolution:
    """Settle an exact tie: lost, the chair's casting vote (named), or a seeded, replayable lot."""
    if rule == "casting-vote":
        if tally.casting_vote not in ("for", "against") or not tally.chair:
            raise InputError("resolutions.casting_vote_needed", title=_title(tally))
        return TieResolution("casting-vote", tally.casting_vote == "for", tally.chair, tally.casting_vote)
    if rule == "lot":
        drawn = random.Random(tally.seed).random() < 0.5
        return TieResolution("lot", drawn, seed=tally.seed)
    return TieResolution("lost", False)
