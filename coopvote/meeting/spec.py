"""The meeting definition file (TOML): classes, weighting, rules and agenda.

A returning officer writes or checks this file before the meeting, so every mistake is reported
with the table and key where it was found. The format is documented in ``docs/meeting-spec.md``
with the demo meeting's spec as the worked example.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from fractions import Fraction
from pathlib import Path
from typing import Any

from coopvote.counting.rules import RANKED_METHODS, RULES
from coopvote.errors import InputError
from coopvote.meeting.checks import (
    check_classes,
    check_meeting,
    check_proxies,
    check_quorum,
    check_rules,
    check_top_level,
    check_weighting,
    normalised_weighting,
)
from coopvote.meeting.checks_advance import advance_settings
from coopvote.meeting.checks_items import check_items
from coopvote.meeting.photos import read_photo
from coopvote.meeting.presets import confirmation_problem
from coopvote.meeting.validation import Problems
from coopvote.messages import Message, message

MAX_SPEC_CHARACTERS = 1_000_000
"""A meeting definition is a few kilobytes; a megabyte is a mistake (or an attack), refused before parsing."""

THRESHOLDS = {"> 1/2", ">= 2/3", ">= 3/4"}
KINDS = {"resolution", "election"}


@dataclass(frozen=True)
class ClassSpec:
    code: str
    name_en: str
    name_cy: str
    colour: str = "#777777"
    vote_value: Fraction = Fraction(1)


@dataclass(frozen=True)
class CandidateSpec:
    name: str
    class_code: str | None = None


@dataclass(frozen=True)
class ItemSpec:
    number: int
    kind: str
    title_en: str
    title_cy: str
    text_en: str = ""
    text_cy: str = ""
    special: bool = False
    threshold: str = "> 1/2"
    by_head: bool = False
    method: str = ""
    seats: int = 0
    max_marks: int = 0
    candidates: tuple[CandidateSpec, ...] = ()
    settings: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class MeetingSpec:
    name_en: str
    name_cy: str
    society_en: str
    society_cy: str
    held_on: date | None
    place: str
    notice_given_on: date | None
    languages: tuple[str, ...]
    classes: tuple[ClassSpec, ...]
    weighting: dict[str, Any]
    rules: dict[str, Any]
    items: tuple[ItemSpec, ...]


Where = str | Message
"""Where in the definition a problem is: the file and its table, in words of the reading language."""


def _require(table: Mapping[str, Any], key: str, where: Where, kind: type | tuple[type, ...] = str) -> Any:
    if key not in table:
        raise InputError("spec.missing_key", where=where, field=key)
    value = table[key]
    if not isinstance(value, kind):
        raise InputError("spec.wrong_kind", where=where, field=key, kind=_kind_name(kind), value=value)
    if isinstance(value, str) and not value.strip():
        raise InputError("spec.empty_key", where=where, field=key)
    return value


_KIND_NAMES = {str: "spec.kind.text", int: "spec.kind.whole_number", bool: "spec.kind.flag", list: "spec.kind.list",
               dict: "spec.kind.table"}


def _kind_name(kind: type | tuple[type, ...]) -> Message | str:
    kinds = kind if isinstance(kind, tuple) else (kind,)
    names: list[Message | str] = [message(_KIND_NAMES[k]) if k in _KIND_NAMES else k.__name__ for k in kinds]
    named = names[0]
    for name in names[1:]:
        named = message("spec.kind.either", first=named, second=name)
    return named


def _fraction(value: Any, where: Where, key: str) -> Fraction:
    try:
        result = Fraction(str(value).strip())
    except (ValueError, ZeroDivisionError) as error:
        raise InputError("spec.not_a_fraction", where=where, field=key, value=value) from error
    if result < 0:
        raise InputError("spec.negative", where=where, field=key, value=value)
    return result


def _date(value: Any, where: Where, key: str) -> date | None:
    if value is None:
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as error:
        raise InputError("spec.not_a_date", where=where, field=key, value=value) from error


def _classes(raw: Any, source: str) -> tuple[ClassSpec, ...]:
    if not isinstance(raw, list) or not raw:
        raise InputError("spec.no_classes", source=source)
    seen: set[str] = set()
    classes = []
    for index, table in enumerate(raw, start=1):
        where = message("spec.at.class", source=source, index=index)
        if not isinstance(table, dict):
            raise InputError("spec.not_a_table", where=where)
        code = _require(table, "code", where).strip().upper()
        if code in seen:
            raise InputError("spec.class_code_twice", where=where, code=code)
        if not code.replace("-", "").isalnum():
            raise InputError("spec.class_code_characters", where=where, code=code)
        seen.add(code)
        colour = str(table.get("colour", "#777777"))
        if not (colour.startswith("#") and len(colour) == 7):
            raise InputError("spec.colour", where=where, colour=colour)
        classes.append(
            ClassSpec(
                code=code,
                name_en=_require(table, "name_en", where),
                name_cy=_require(table, "name_cy", where),
                colour=colour,
                vote_value=_fraction(table.get("vote_value", 1), where, "vote_value"),
            )
        )
    return tuple(classes)


def _item(
    table: Any, index: int, source: str, class_codes: Mapping[str, Fraction], base: Path | None = None
) -> ItemSpec:
    where: Where = message("spec.at.item_index", source=source, index=index)
    if not isinstance(table, dict):
        raise InputError("spec.not_a_table", where=where)
    number = _require(table, "number", where, int)
    where = message("spec.at.item", source=source, number=number)
    kind = _require(table, "kind", where)
    if kind not in KINDS:
        raise InputError("spec.kind_unknown", where=where, kind=kind)
    threshold = str(table.get("threshold", ">= 3/4" if table.get("special") else "> 1/2"))
    settings = {k: table[k] for k in ("weighting", "tie", "base", "reserved", "seed", "confirms", "nominations")
                if k in table}
    for key in ("confirms", "nominations"):
        if isinstance(settings.get(key), dict):  # kept as JSON in the record: dates as ISO text
            settings[key] = {k: v.isoformat() if hasattr(v, "isoformat") else v for k, v in settings[key].items()}
    if isinstance(settings.get("weighting"), dict):
        settings["weighting"] = normalised_weighting(settings["weighting"], dict(class_codes))
    if isinstance(table.get("advance"), dict):
        settings["advance"] = advance_settings(table["advance"])
    candidates: tuple[CandidateSpec, ...] = ()
    method = ""
    seats = 0
    max_marks = 0
    if kind == "election":
        method = _require(table, "method", where)
        if method not in RULES:
            raise InputError("spec.method_unknown", where=where, method=method, known=", ".join(RULES))
        seats = _require(table, "seats", where, int)
        if seats < 1:
            raise InputError("spec.no_seats", where=where)
        nominated = "nominations" in table
        raw_candidates = table.get("candidates", []) if nominated else _require(table, "candidates", where, list)
        parsed = []
        for position, candidate in enumerate(raw_candidates, start=1):
            cwhere = message("spec.at.candidate", where=where, position=position)
            if isinstance(candidate, str):
                candidate = {"name": candidate}
            name = _require(candidate, "name", cwhere)
            class_code = candidate.get("class")
            if class_code is not None and str(class_code).upper() not in class_codes:
                raise InputError("spec.candidate_class_unknown", where=cwhere, code=class_code,
                                 known=", ".join(sorted(class_codes)))
            parsed.append(CandidateSpec(name=name.strip(), class_code=str(class_code).upper() if class_code else None))
            if candidate.get("photo"):
                settings.setdefault("photos", {})[name.strip()] = read_photo(str(candidate["photo"]), base, cwhere)
        if len(parsed) < seats and method not in RANKED_METHODS and not nominated:
            raise InputError("spec.too_few_candidates", where=where, candidates=len(parsed), seats=seats)
        candidates = tuple(parsed)
        max_marks = int(table.get("max_marks", seats if method in {"fptp", "block"} else len(parsed)))
        for code, bounds in dict(table.get("reserved", {})).items():
            if str(code).upper() not in class_codes:
                raise InputError("spec.reserved_class_unknown", where=where, code=code)
            if not isinstance(bounds, dict) or not set(bounds) <= {"min", "max"}:
                raise InputError("spec.reserved_not_bounds", where=where, code=code)
    return ItemSpec(
        number=number,
        kind=kind,
        title_en=_require(table, "title_en", where),
        title_cy=_require(table, "title_cy", where),
        text_en=str(table.get("text_en", "")),
        text_cy=str(table.get("text_cy", "")),
        special=bool(table.get("special", False)),
        threshold=threshold,
        by_head=bool(table.get("by_head", False)),
        method=method,
        seats=seats,
        max_marks=max_marks,
        candidates=candidates,
        settings=settings,
    )


def check_definition(data: dict[str, Any], source: str) -> dict[str, Fraction]:
    """Check every table at once and raise one InputError listing every problem; the class codes and values.

    Runs before anything is built, so the builder below only meets fields that are known to be good.
    """
    problems = Problems()
    check_top_level(problems, data)
    if "meeting" not in data:
        problems.add("[meeting]", "missing: the file needs a [meeting] table with name_cy and name_en")
    else:
        check_meeting(problems, data["meeting"])
    codes = check_classes(problems, data.get("classes"))
    weighting: dict[str, Any] | None = {"scheme": "one-member-one-vote"}
    if "weighting" in data:
        before = len(problems.lines)
        check_weighting(problems, data["weighting"], "[weighting]", codes)
        weighting = data["weighting"] if len(problems.lines) == before else None
    if "quorum" in data:
        check_quorum(problems, data["quorum"], codes)
    if "proxies" in data:
        check_proxies(problems, data["proxies"])
    if "rules" in data:
        check_rules(problems, data["rules"])
    check_items(problems, data.get("items"), codes, weighting)
    problems.raise_if_any(source)
    return codes


def parse_spec(text: str, source: str = "spec", base: Path | None = None) -> MeetingSpec:
    """The checked definition; every problem in it is listed in one InputError (see check_definition).

    ``base`` is the folder the definition was read from: candidates' photos are named relative to it.
    """
    if len(text) > MAX_SPEC_CHARACTERS:
        raise InputError("spec.too_long", source=source, length=len(text), limit=MAX_SPEC_CHARACTERS)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise InputError("spec.not_toml", source=source, detail=error) from error
    except RecursionError:
        raise InputError("spec.too_deep", source=source) from None
    except ValueError as error:  # e.g. an integer past Python's 4,300-digit conversion limit
        raise InputError("spec.not_toml", source=source, detail=error) from None
    check_definition(data, source)
    meeting = data.get("meeting")
    if not isinstance(meeting, dict):
        raise InputError("spec.no_meeting", source=source)
    where = f"{source}: [meeting]"
    name_en = _require(meeting, "name_en", where)
    name_cy = _require(meeting, "name_cy", where)
    classes = _classes(data.get("classes"), source)
    class_codes = {c.code: c.vote_value for c in classes}
    raw_items = data.get("items", [])
    if not isinstance(raw_items, list):
        raise InputError("spec.items_not_tables", source=source)
    items = tuple(_item(t, i, source, class_codes, base) for i, t in enumerate(raw_items, start=1))
    numbers = [item.number for item in items]
    if len(set(numbers)) != len(numbers):
        raise InputError("spec.item_numbers_repeat", source=source, numbers=numbers)
    rules: dict[str, Any] = {key: data[key] for key in ("quorum", "proxies", "rules") if key in data}
    for key, value in rules.items():
        if not isinstance(value, dict):
            raise InputError("spec.section_not_table", source=source, field=key)
    weighting = data.get("weighting", {"scheme": "one-member-one-vote"})
    if not isinstance(weighting, dict):
        raise InputError("spec.section_not_table", source=source, field="weighting")
    _check_member_values(weighting, items, source)
    held_on = _date(meeting.get("date"), where, "date")
    _check_confirmations(items, held_on, _date(meeting.get("notice_given"), where, "notice_given"), source)
    weighting = normalised_weighting(weighting, {c.code: c.vote_value for c in classes})
    languages = meeting.get("languages", ["cy", "en"])
    return MeetingSpec(
        name_en=name_en,
        name_cy=name_cy,
        society_en=str(meeting.get("society_en", "")),
        society_cy=str(meeting.get("society_cy", "")),
        held_on=_date(meeting.get("date"), where, "date"),
        place=str(meeting.get("place", "")),
        notice_given_on=_date(meeting.get("notice_given"), where, "notice_given"),
        languages=tuple(str(language) for language in languages),
        classes=classes,
        weighting=weighting,
        rules=rules,
        items=items,
    )


def _check_member_values(weighting: dict[str, Any], items: tuple[ItemSpec, ...], source: str) -> None:
    """Per-member values and their bands (issue 10) are checked here, where the file can be named."""
    from coopvote.counting.weighting import WeightingScheme

    tables: list[tuple[int | None, dict[str, Any], Any]] = [(None, weighting, None)]
    for item in items:
        override = item.settings.get("weighting")
        if isinstance(override, dict):
            tables.append((item.number, weighting, override))
    for number, table, override in tables:
        named = {**table, **(override or {})}
        if "per_member" in named or "bands" in named:
            try:
                WeightingScheme.from_mapping(table, override)
            except InputError as error:
                if number is None:
                    raise InputError("spec.weighting_problem", source=source, problem=error.message) from None
                raise InputError("spec.item_weighting_problem", source=source, number=number,
                                 problem=error.message) from None


def _check_confirmations(
    items: tuple[ItemSpec, ...], held_on: date | None, notice_given: date | None, source: str
) -> None:
    """A section 111 confirmation must be held 14 days to one month after the first meeting, on notice."""
    for item in items:
        confirms = item.settings.get("confirms")
        if isinstance(confirms, dict):
            first = date.fromisoformat(str(confirms["held_on"]))
            problem = confirmation_problem(first, held_on, notice_given)
            if problem:
                raise InputError("spec.confirmation_out_of_time", source=source, number=item.number,
                                 item=confirms["item"], meeting=confirms["meeting"], problem=problem)


def load_spec(path: Path) -> MeetingSpec:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as error:
        raise InputError("file.missing", path=path) from error
    except UnicodeDecodeError as error:
        raise InputError("spec.not_utf8", path=path, start=error.start) from error
    except OSError as error:
        raise InputError("file.unreadable", path=path, detail=error.strerror) from error
    return parse_spec(text, str(path), path.parent)
