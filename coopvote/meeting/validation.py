"""Every field of a meeting definition checked when the meeting is made, all problems at once.

A definition that is accepted is run for hours in front of members; a mistake found then (a share that
does not add up, a name export cannot write, a number too large to print) stops the meeting. So the raw
TOML tables are checked here before anything is built, and every problem is collected: the returning
officer gets one message with one line per problem, each naming the field (``items[3].seats``,
``[weighting].shares.EMP``, ``classes[2].code``) and what it may hold. The bounds are in
docs/meeting-spec.md. Numbers are read exactly and bounded *before* they become Fractions, because
``Fraction(Decimal("1e100000000"))`` alone runs for minutes.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable, Mapping
from datetime import date
from fractions import Fraction
from typing import Any

from coopvote.errors import InputError
from coopvote.messages import Bilingual, Message, message, render_value

NAME_LIMIT = 200
"""Characters in a name: the meeting's, the society's, a class's, a candidate's, the chair's."""
TITLE_LIMIT = 300
"""Characters in an item's title."""
TEXT_LIMIT = 5000
"""Characters in an item's full text (the only fields that may run over several lines)."""
ITEM_NUMBER_MAX = 999
CLASS_CODE_MAX = 12
"""The longest class code a ballot paper's QR code carries (coopvote.ballots.qrcodec)."""
MAX_CLASSES = 26
MAX_ITEMS = 200
MAX_CANDIDATES = 200
MAX_SEATS = 100
MAX_VALUE = 1000
"""The largest vote value, per class or fixed per paper."""
MAX_MEMBERS_FIGURE = 1_000_000
"""The largest quorum figure (absolute, per class minimum)."""
PRIVACY_MINIMUM_MAX = 1000
PROXY_LIMIT_MAX = 100
MAX_DIGITS = 15
"""Digits allowed on either side of a decimal point, in a fraction's parts, and in an exponent's size."""

CLASS_CODE_PATTERN = re.compile(r"[A-Z0-9]+(?:-[A-Z0-9]+)*")
COLOUR_PATTERN = re.compile(r"#[0-9a-fA-F]{6}")
_DECIMAL = re.compile(r"([+-]?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?")
_RATIO = re.compile(r"([+-]?)(\d+)/(\d+)")
_DIRECTION_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


class Problems:
    """The problems found so far, in file order, each a field path and what is wrong with it."""

    def __init__(self) -> None:
        self.lines: list[tuple[str, str | Message]] = []

    def add(self, path: str, message: str | Message) -> None:
        self.lines.append((path, message))

    def __bool__(self) -> bool:
        return bool(self.lines)

    def raise_if_any(self, source: str) -> None:
        if not self.lines:
            return
        if len(self.lines) == 1:
            path, message = self.lines[0]
            raise InputError("spec.problem", source=source, path=path, problem=message)
        listed = Bilingual(*("\n".join(f"  {path}: {render_value(message, language)}" for path, message in self.lines)
                             for language in ("cy", "en")))
        raise InputError("spec.problems", source=source, count=len(self.lines), listed=listed)


def shown(value: object, limit: int = 40) -> str:
    """A value as the message quotes it, cut short so a megabyte of text does not become the message."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


_TYPE_NAMES = {str: "checks.type.text", int: "checks.type.whole_number", float: "checks.type.decimal",
               bool: "checks.type.flag", list: "checks.type.list", dict: "checks.type.table", date: "checks.type.date"}


def type_name(value: object) -> Message | str:
    """What kind of value this is, in words of the reading language (a Python name for anything unusual)."""
    key = _TYPE_NAMES.get(type(value))
    return message(key) if key else type(value).__name__


def unknown_keys(problems: Problems, table: Mapping[str, Any], path: str, known: tuple[str, ...]) -> None:
    """A misspelt key (``treshold``) would be ignored and the default used in front of the meeting."""
    for key in table:
        if key not in known:
            problems.add(f"{path}.{key}", message("checks.unknown_key", name=shown(key), known=", ".join(known)))


def text(
    problems: Problems,
    table: Mapping[str, Any],
    key: str,
    path: str,
    *,
    required: bool = False,
    limit: int = NAME_LIMIT,
    what: Message | str = "",
    multiline: bool = False,
) -> str | None:
    """A name or text: present if required, not blank, bounded, printable, and one line unless a text."""
    where = f"{path}.{key}"
    if key not in table:
        if required:
            problems.add(where, message("checks.missing_text", field=key, what=what or type_name(""), limit=limit))
        return None
    value = table[key]
    if not isinstance(value, str):
        problems.add(where, message("checks.wrong_type", what=what or type_name(""), type=type_name(value),
                                    value=shown(value)))
        return None
    return check_text(problems, value, where, required=required, limit=limit, what=what, multiline=multiline)


def check_text(
    problems: Problems, value: str, where: str, *, required: bool = True, limit: int = NAME_LIMIT,
    what: Message | str = "", multiline: bool = False,
) -> str | None:
    """``what`` names the field for the reader (a message such as checks.what.meeting_name_cy); text by default."""
    what = what or type_name("")
    if required and not value.strip():
        problems.add(where, message("checks.empty", what=what))
        return None
    if len(value) > limit:
        problems.add(where, message("checks.too_long", length=len(value), what=what, limit=limit))
        return None
    allowed = "\n\t" if multiline else ""
    if not multiline and "".join(value.splitlines()) != value:
        problems.add(where, message("checks.line_break", value=shown(value), what=what))
        return None
    for character in value:
        if character in allowed:
            continue
        if unicodedata.category(character) in ("Cc", "Cs") or character in _DIRECTION_CONTROLS:
            problems.add(where, message("checks.control_character", value=shown(value), code=f"{ord(character):04X}"))
            return None
    return value


def whole(
    problems: Problems, table: Mapping[str, Any], key: str, path: str, *, low: int, high: int,
    required: bool = False,
) -> int | None:
    """A whole number within [low, high]; a TOML int is already exact, so only its size is checked."""
    where = f"{path}.{key}"
    if key not in table:
        if required:
            problems.add(where, message("checks.missing_whole", field=key, low=low, high=high))
        return None
    return check_whole(problems, table[key], where, low=low, high=high)


def check_whole(
    problems: Problems, value: object, where: str, *, low: int, high: int, context: Message | str = ""
) -> int | None:
    """``context`` names the agenda item the field belongs to (checks.context.item), or is empty."""
    if isinstance(value, bool) or not isinstance(value, int):
        problems.add(where, message("checks.not_whole", context=context, low=low, high=high, type=type_name(value),
                                    value=shown(value)))
        return None
    if not low <= value <= high:
        problems.add(where, message("checks.whole_out_of_range", context=context, value=shown(value), low=low,
                                    high=high))
        return None
    return value


def flag(problems: Problems, table: Mapping[str, Any], key: str, path: str) -> bool | None:
    if key not in table:
        return None
    value = table[key]
    if not isinstance(value, bool):
        problems.add(f"{path}.{key}", message("checks.not_a_flag", value=shown(value)))
        return None
    return value


def choice(
    problems: Problems, table: Mapping[str, Any], key: str, path: str, allowed: tuple[str, ...]
) -> str | None:
    if key not in table:
        return None
    value = table[key]
    if not isinstance(value, str) or value.strip().lower() not in allowed:
        problems.add(f"{path}.{key}", message("checks.not_a_choice", value=shown(value),
                                              allowed=", ".join(repr(a) for a in allowed)))
        return None
    return value.strip().lower()


def table_at(problems: Problems, value: object, where: str, example: str) -> dict[str, Any] | None:
    if not isinstance(value, dict):
        problems.add(where, message("checks.not_a_table", example=example, type=type_name(value), value=shown(value)))
        return None
    return value


def amount(
    problems: Problems,
    value: object,
    where: str,
    *,
    percent: bool = False,
    accept: Callable[[Fraction], bool],
    allowed: Message,
) -> Fraction | None:
    """An exact amount: an integer, a finite float (read at its decimal text), "1/3", "0.25" or "10%".

    The digits and the exponent are bounded (``MAX_DIGITS``) before any Fraction is made, so a value such
    as ``"1e100000000"`` is refused at once instead of being expanded. ``percent`` allows a trailing
    ``%``, which divides by 100; ``accept`` is the field's range and ``allowed`` says it in words.
    """
    exact = read_amount(value, percent=percent)
    if isinstance(exact, Message):
        problems.add(where, message("checks.amount_unreadable", reason=exact, allowed=allowed))
        return None
    if not accept(exact):
        problems.add(where, message("checks.amount_out_of_range", value=shown(value), allowed=allowed))
        return None
    return exact


def read_amount(value: object, *, percent: bool = False) -> Fraction | Message:
    """The exact amount, or a message saying why the value is not one."""
    if isinstance(value, bool):
        return message("checks.amount.not_a_number", value=shown(value))
    if isinstance(value, int):
        if abs(value) >= 10**MAX_DIGITS:
            return message("checks.amount.too_many_digits", value=shown(value), limit=MAX_DIGITS)
        return Fraction(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            return message("checks.amount.not_finite", value=shown(value))
        value = repr(value)
    if not isinstance(value, str):
        return message("checks.amount.wrong_type", type=type_name(value), value=shown(value))
    textual = value.strip()
    scale = Fraction(1)
    if percent and textual.endswith("%"):
        textual, scale = textual[:-1].strip(), Fraction(1, 100)
    ratio = _RATIO.fullmatch(textual)
    if ratio:
        sign, top, bottom = ratio.groups()
        if len(top) > MAX_DIGITS or len(bottom) > MAX_DIGITS:
            return message("checks.amount.too_many_digits_in_part", value=shown(value), limit=MAX_DIGITS)
        if int(bottom) == 0:
            return message("checks.amount.divides_by_zero", value=shown(value))
        return Fraction(int(top), int(bottom)) * (-1 if sign == "-" else 1) * scale
    decimal = _DECIMAL.fullmatch(textual)
    if not decimal:
        key = "checks.amount.not_a_fraction_or_percent" if percent else "checks.amount.not_a_fraction"
        return message(key, value=shown(value))
    sign, units, decimals, exponent = decimal.groups()
    decimals = decimals or ""
    if len(units.lstrip("0")) > MAX_DIGITS or len(decimals) > MAX_DIGITS:
        return message("checks.amount.too_many_digits_at_point", value=shown(value), limit=MAX_DIGITS)
    if exponent is not None and (len(exponent.lstrip("+-").lstrip("0")) > 2 or abs(int(exponent)) > MAX_DIGITS):
        return message("checks.amount.exponent", value=shown(value), limit=MAX_DIGITS)
    result = Fraction(int(units + decimals), 10 ** len(decimals)) * Fraction(10) ** int(exponent or 0)
    return result * (-1 if sign == "-" else 1) * scale


def describe(value: Fraction) -> str:
    return str(value.numerator) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"
