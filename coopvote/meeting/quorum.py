"""Whether the meeting is quorate, computed live and explained in plain English and Welsh.

A co-operative's rules state a quorum as a fixed number, a percentage of the members, or both (the
greater or the lesser), sometimes with a minimum from each membership class, and say whether members
represented by proxy count. The chair must be able to read out why the meeting is or is not quorate,
so every figure comes with a sentence ("Quorum is 60: 10% of 600 members; 64 present (including 4 by
proxy). Quorate."). All arithmetic is exact: a percentage is a Fraction and is rounded up by default,
because a quorum of "10% of 601" cannot be met by 60 people.

The base is the number of members eligible to vote (the caller passes active members only); lapsed
members never count, in the base or as present.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import Literal

from coopvote.errors import InputError
from coopvote.messages import Bilingual, Language, Message, message

Rounding = Literal["up", "down"]
Combine = Literal["greater", "lesser"]

_KEYS = ("absolute", "percent", "rounding", "combine", "per_class_minimum", "proxies_count")


@dataclass(frozen=True)
class QuorumRule:
    """A meeting's quorum rule, as its governing document states it.

    ``percent`` is in percent (``Fraction(10)`` is 10%). ``rounding`` says which way a percentage that
    does not come out whole goes: "up" (the default; 10% of 601 is 61) or "down" (60). With both
    ``absolute`` and ``percent``, ``combine`` takes the greater (default) or the lesser. With neither
    there is no overall quorum, only the per-class minimums (if any). ``proxies_count`` says whether
    members represented by a proxy count as present.
    """

    absolute: int | None = None
    percent: Fraction | None = None
    rounding: Rounding = "up"
    combine: Combine = "greater"
    per_class_minimum: Mapping[str, int] = field(default_factory=dict)
    proxies_count: bool = True

    def __post_init__(self) -> None:
        if self.absolute is not None and (isinstance(self.absolute, bool) or not isinstance(self.absolute, int)
                                          or self.absolute < 0):
            raise InputError("quorum.absolute_not_whole", where="quorum", value=self.absolute)
        if self.percent is not None:
            object.__setattr__(self, "percent", _percent(self.percent))
        if self.rounding not in ("up", "down"):
            raise InputError("quorum.rounding_unknown", where="quorum", value=self.rounding)
        if self.combine not in ("greater", "lesser"):
            raise InputError("quorum.combine_unknown", where="quorum", value=self.combine)
        for code, minimum in self.per_class_minimum.items():
            if isinstance(minimum, bool) or not isinstance(minimum, int) or minimum < 0:
                raise InputError("quorum.class_minimum_not_whole", where="quorum", code=code, value=minimum)
        if not isinstance(self.proxies_count, bool):
            raise InputError("quorum.proxies_count_not_flag", where="quorum", value=self.proxies_count)

    @classmethod
    def from_mapping(cls, spec: Mapping[str, object], *, where: str = "quorum") -> QuorumRule:
        """Build from the ``[quorum]`` table of a meeting's TOML file (keys in docs/register.md)."""
        unknown = sorted(set(spec) - set(_KEYS))
        if unknown:
            key = "quorum.unknown_settings" if len(unknown) > 1 else "quorum.unknown_setting"
            raise InputError(key, where=where, unknown=", ".join(unknown), known=", ".join(_KEYS))
        per_class = spec.get("per_class_minimum", {})
        if not isinstance(per_class, Mapping):
            raise InputError("quorum.per_class_not_table", where=where)
        try:
            return cls(
                absolute=spec.get("absolute"),  # type: ignore[arg-type]
                percent=None if spec.get("percent") is None else _percent(spec["percent"]),
                rounding=spec.get("rounding", "up"),  # type: ignore[arg-type]
                combine=spec.get("combine", "greater"),  # type: ignore[arg-type]
                per_class_minimum=dict(per_class),
                proxies_count=spec.get("proxies_count", True),  # type: ignore[arg-type]
            )
        except InputError as error:
            said = error.message  # the same message, naming the table as the caller knows it
            raise InputError(Message(said.key, {**said.params, "where": where}, said.plain)) from None

    def to_mapping(self) -> dict[str, object]:
        """The inverse of ``from_mapping``, for saving the rule with the meeting."""
        spec: dict[str, object] = {"rounding": self.rounding, "combine": self.combine,
                                   "proxies_count": self.proxies_count}
        if self.absolute is not None:
            spec["absolute"] = self.absolute
        if self.percent is not None:
            spec["percent"] = _number(self.percent)
        if self.per_class_minimum:
            spec["per_class_minimum"] = dict(self.per_class_minimum)
        return spec

    def overall_required(self, members: int) -> int:
        """The overall quorum for a base of ``members`` eligible members."""
        figures = []
        if self.absolute is not None:
            figures.append(self.absolute)
        if self.percent is not None:
            figures.append(self._from_percent(members))
        if not figures:
            return 0
        return max(figures) if self.combine == "greater" else min(figures)

    def _from_percent(self, members: int) -> int:
        assert self.percent is not None
        exact = self.percent * members / 100
        return math.ceil(exact) if self.rounding == "up" else math.floor(exact)


def _percent(value: object) -> Fraction:
    """10, 12.5, "10%", "12.5", "1/3" -> an exact percentage between 0 and 100."""
    try:
        if isinstance(value, bool):
            raise ValueError
        if isinstance(value, float):
            result = Fraction(repr(value))
        elif isinstance(value, int | Fraction | Decimal):
            result = Fraction(value)
        elif isinstance(value, str):
            result = Fraction(value.strip().removesuffix("%").strip())
        else:
            raise ValueError
    except (ValueError, ZeroDivisionError):
        raise InputError("quorum.percent_not_a_number", where="quorum", value=value) from None
    if not 0 < result <= 100:
        raise InputError("quorum.percent_range", where="quorum", value=_number(result))
    return result


@dataclass(frozen=True)
class ClassQuorum:
    """One class's minimum. ``required`` is 0 where the rules set no minimum for the class."""

    code: str
    required: int
    present: int
    met: bool
    members: int = 0
    by_proxy: int = 0


@dataclass(frozen=True)
class QuorumStatus:
    """The answer, with the figures behind it and the sentence the chair can read out."""

    met: bool
    required: int
    present: int
    per_class: list[ClassQuorum]
    explanation_en: str
    explanation_cy: str
    members: int = 0
    in_person: int = 0
    by_proxy: int = 0
    proxies_count: bool = True

    @property
    def shortfall(self) -> int:
        """How many more (present) members the overall figure needs; per-class shortfalls are per class."""
        return max(0, self.required - self.present)


def assess(
    rule: QuorumRule,
    members_by_class: Mapping[str, int],
    present_by_class: Mapping[str, int],
    proxies_by_class: Mapping[str, int] | None = None,
    *,
    class_names: Mapping[str, str] | None = None,
    class_names_cy: Mapping[str, str] | None = None,
) -> QuorumStatus:
    """Is the meeting quorate now? Counts are of eligible members, by class code.

    ``present_by_class`` counts members present in person; ``proxies_by_class`` counts members
    represented by a proxy (in the class of the member represented, not of the proxy holder). Class
    codes in the rule are matched to these codes ignoring case.
    """
    proxies_by_class = proxies_by_class or {}
    for label, counts in (("members", members_by_class), ("present", present_by_class),
                          ("proxies", proxies_by_class)):
        for code, count in counts.items():
            if isinstance(count, bool) or not isinstance(count, int) or count < 0:
                raise ValueError(f"quorum: {label} for class {code} must be a whole number, 0 or more: {count!r}")
    codes = _class_order(members_by_class, present_by_class, proxies_by_class, rule.per_class_minimum)
    minimums = {code.casefold(): minimum for code, minimum in rule.per_class_minimum.items()}
    per_class = []
    for code in codes:
        in_person = present_by_class.get(code, 0)
        proxies = proxies_by_class.get(code, 0)
        counted = in_person + (proxies if rule.proxies_count else 0)
        required = minimums.get(code.casefold(), 0)
        per_class.append(ClassQuorum(code, required, counted, counted >= required,
                                     members_by_class.get(code, 0), proxies))
    members = sum(members_by_class.values())
    in_person = sum(present_by_class.values())
    by_proxy = sum(proxies_by_class.values())
    present = in_person + (by_proxy if rule.proxies_count else 0)
    required = rule.overall_required(members)
    met = present >= required and all(c.met for c in per_class)
    names = {code: Bilingual(cy=(class_names_cy or class_names or {}).get(code, code),
                             en=(class_names or {}).get(code, code)) for code in codes}
    facts = _Facts(rule, members, required, present, in_person, by_proxy, met, per_class)
    lines = explain(facts, names)
    return QuorumStatus(met, required, present, per_class, _rendered(lines, "en"), _rendered(lines, "cy"),
                        members, in_person, by_proxy, rule.proxies_count)


@dataclass(frozen=True)
class _Facts:
    rule: QuorumRule
    members: int
    required: int
    present: int
    in_person: int
    by_proxy: int
    met: bool
    per_class: list[ClassQuorum]


def _class_order(*mappings: Mapping[str, int]) -> list[str]:
    """Classes in the order the register gave them, then any only the attendance or the rule names.

    A rule's code that matches a register code in another case is the same class, not a new one.
    """
    seen: dict[str, str] = {}
    for mapping in mappings:
        for code in mapping:
            seen.setdefault(code.casefold(), code)
    return list(seen.values())


def _number(value: Fraction | int) -> int | str:
    """An exact number for a TOML file: an int, or a string like "12.5" or "1/3"."""
    value = Fraction(value)
    if value.denominator == 1:
        return value.numerator
    return format_fraction(value)


def format_fraction(value: Fraction | int) -> str:
    """12.5 where the decimal is exact, "33 1/3" where it is not; thousands separated by commas."""
    value = Fraction(value)
    if value.denominator == 1:
        return f"{value.numerator:,}"
    denominator = value.denominator
    for prime in (2, 5):
        while denominator % prime == 0:
            denominator //= prime
    whole, rest = divmod(value.numerator, value.denominator)
    if denominator == 1:
        places = 0
        scaled = rest
        while scaled % value.denominator:
            scaled *= 10
            places += 1
        digits = str(rest * 10 ** places // value.denominator).rjust(places, "0").rstrip("0")
        return f"{whole:,}.{digits}"
    return f"{whole:,} {rest}/{value.denominator}" if whole else f"{rest}/{value.denominator}"


# --- the sentences -------------------------------------------------------------------------------------


def _percent_part(rule: QuorumRule, members: int) -> Message:
    assert rule.percent is not None
    percent, exact = format_fraction(rule.percent), rule.percent * members / 100
    if exact.denominator != 1:
        key = "quorum.percent.rounded_up" if rule.rounding == "up" else "quorum.percent.rounded_down"
        return message(key, percent=percent, members=members, exact=format_fraction(exact),
                       rounded=rule._from_percent(members))
    if rule.absolute is not None:
        return message("quorum.percent.with_figure", percent=percent, members=members, figure=exact.numerator)
    return message("quorum.percent.plain", percent=percent, members=members)


def _head(rule: QuorumRule, members: int, required: int) -> Message:
    if rule.absolute is not None and rule.percent is not None:
        key = "quorum.head.greater" if rule.combine == "greater" else "quorum.head.lesser"
        return message(key, required=required, absolute=rule.absolute, percent=_percent_part(rule, members))
    if rule.percent is not None:
        return message("quorum.head.percent", required=required, percent=_percent_part(rule, members))
    if rule.absolute is not None:
        return message("quorum.head.fixed", required=required)
    return message("quorum.head.none")


def _verdict(facts: _Facts, names: Mapping[str, Bilingual]) -> Message:
    if facts.met:
        return message("quorum.verdict.met")
    needs = []
    if facts.present < facts.required:
        needs.append(message("quorum.need.overall", more=facts.required - facts.present))
    needs += [message("quorum.need.class", more=c.required - c.present, name=names[c.code])
              for c in facts.per_class if not c.met]
    joined = Bilingual(*("; ".join(need.render(language) for need in needs) for language in ("cy", "en")))
    return message("quorum.verdict.not_met", needs=joined)


def _first_line(facts: _Facts, names: Mapping[str, Bilingual]) -> Message:
    head = _head(facts.rule, facts.members, facts.required)
    verdict = _verdict(facts, names)
    if facts.rule.proxies_count:
        if facts.by_proxy:
            return message("quorum.attendance.present_with_proxies", head=head, present=facts.present,
                           by_proxy=facts.by_proxy, verdict=verdict)
        return message("quorum.attendance.present", head=head, present=facts.present, verdict=verdict)
    if not facts.by_proxy:
        return message("quorum.attendance.in_person", head=head, in_person=facts.in_person, verdict=verdict)
    key = ("quorum.attendance.in_person_one_proxy_not_counted" if facts.by_proxy == 1
           else "quorum.attendance.in_person_proxies_not_counted")
    return message(key, head=head, in_person=facts.in_person, by_proxy=facts.by_proxy, verdict=verdict)


def _class_line(c: ClassQuorum, name: Bilingual, proxies_count: bool) -> Message:
    proxies = message("quorum.class.by_proxy", by_proxy=c.by_proxy) if c.by_proxy and proxies_count else ""
    outcome = message("quorum.class.met") if c.met else message("quorum.class.not_met", more=c.required - c.present)
    impossible = message("quorum.class.impossible", members=c.members) if c.required > c.members else ""
    return message("quorum.class.line", name=name, required=c.required, present=c.present, proxies=proxies,
                   outcome=outcome, impossible=impossible)


def explain(facts: _Facts, names: Mapping[str, Bilingual]) -> list[Message]:
    """The chair's sentence, then a line for each class with a minimum: one build for Welsh and English."""
    lines = [_first_line(facts, names)]
    lines += [_class_line(c, names[c.code], facts.rule.proxies_count) for c in facts.per_class if c.required]
    return lines


def _rendered(lines: list[Message], language: Language) -> str:
    return "\n".join(line.render(language) for line in lines)
