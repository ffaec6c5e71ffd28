"""The checks for the agenda: every ``[[items]]`` table, its candidates and its seats per class.

An election that cannot be filled (a class minimum above its candidates, minimums above the seats, min
above max) used to be accepted and then elect nobody in front of the meeting; it is refused here, naming
the item, the class and the bound.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from fractions import Fraction
from typing import Any

from coopvote.counting.resolutions import BASES, TIE_RULES
from coopvote.counting.rules import RULES
from coopvote.meeting.checks import check_threshold, check_weighting
from coopvote.meeting.checks_advance import check_advance
from coopvote.meeting.validation import (
    ITEM_NUMBER_MAX,
    MAX_CANDIDATES,
    MAX_ITEMS,
    MAX_SEATS,
    NAME_LIMIT,
    TEXT_LIMIT,
    TITLE_LIMIT,
    Problems,
    check_text,
    check_whole,
    choice,
    flag,
    shown,
    table_at,
    text,
    type_name,
    unknown_keys,
    whole,
)
from coopvote.messages import Bilingual, Message, message

COUNTED_BASES = tuple(base for base in BASES if base != "present")
"""The bases an item may name: "present" needs members present per class, which no count is given yet."""

ITEM_KEYS = ("number", "kind", "title_cy", "title_en", "text_cy", "text_en", "special", "threshold", "by_head",
             "base", "tie", "seed", "weighting", "method", "seats", "max_marks", "candidates", "reserved",
             "advance", "confirms", "nominations")
NOMINATIONS_KEYS = ("closes", "word_limit", "order", "uncontested")
"""An election whose candidates are nominated before the meeting (coopvote/service/nominations.py)."""
BALLOT_ORDERS = ("surname", "lot")
UNCONTESTED_RULES = ("declare", "vote")
CONFIRMS_KEYS = ("meeting", "item", "held_on", "verification", "for_percent")
"""A section 111 confirmation names the resolution it confirms (coopvote/meeting/presets.py)."""
ELECTION_ONLY = ("method", "seats", "max_marks", "candidates", "reserved", "nominations")
SINGLE_SEAT_METHODS = frozenset({"fptp", "irv"})
SEED_MAX = 2**63 - 1
Context = Message | str
"""The agenda item a problem belongs to (checks.context.item), put before the problem; empty when unnumbered."""


def check_items(
    problems: Problems, raw: object, codes: dict[str, Fraction], weighting: dict[str, Any] | None
) -> None:
    """``weighting`` is the meeting's table when it passed its own checks (None if it did not, or is absent)."""
    if raw is None:
        return
    if not isinstance(raw, list):
        return  # reported with the top-level tables
    if len(raw) > MAX_ITEMS:
        problems.add("items", message("checks.items.too_many", count=len(raw), limit=MAX_ITEMS))
    numbers: Counter[int] = Counter()
    for index, entry in enumerate(raw, start=1):
        path = f"items[{index}]"
        table = table_at(problems, entry, path, '{ number = 1, kind = "resolution", ... }')
        if table is None:
            continue
        number = whole(problems, table, "number", path, low=1, high=ITEM_NUMBER_MAX, required=True)
        if number is not None:
            numbers[number] += 1
        context = message("checks.context.item", number=number) if number is not None else ""
        _check_item(problems, table, path, context, codes, weighting)
    for number, times in numbers.items():
        if times > 1:
            problems.add("items", message("checks.items.number_repeated", number=number, times=times))


def _check_item(
    problems: Problems, table: dict[str, Any], path: str, context: Context, codes: dict[str, Fraction],
    weighting: dict[str, Any] | None,
) -> None:
    unknown_keys(problems, table, path, ITEM_KEYS)
    kind = table.get("kind")
    if kind not in ("resolution", "election"):
        problems.add(f"{path}.kind", message("checks.items.kind", context=context, value=shown(kind)))
    text(problems, table, "title_cy", path, required=True, limit=TITLE_LIMIT, what=message("checks.what.item_title_cy"))
    text(problems, table, "title_en", path, required=True, limit=TITLE_LIMIT, what=message("checks.what.item_title_en"))
    for key in ("text_cy", "text_en"):
        text(problems, table, key, path, limit=TEXT_LIMIT, what=message("checks.what.item_text"),
             multiline=True)
    special = flag(problems, table, "special", path)
    flag(problems, table, "by_head", path)
    if kind == "resolution":
        threshold = table.get("threshold", ">= 3/4" if special else "> 1/2")
        check_threshold(problems, threshold, f"{path}.threshold", context)
        for key in ELECTION_ONLY:
            if key in table:
                problems.add(f"{path}.{key}", message("checks.items.election_only", context=context, field=key))
    if table.get("base") == "present":
        problems.add(f"{path}.base", message("checks.items.base_present", context=context,
                                             known=", ".join(repr(b) for b in COUNTED_BASES)))
    else:
        choice(problems, table, "base", path, COUNTED_BASES)
    if table.get("base") == "register" and table.get("by_head") is not True:
        problems.add(f"{path}.base", f"{context}base 'register' is a share of all members on the register, one "
                     "member one vote: set by_head = true as well")
    choice(problems, table, "tie", path, TIE_RULES)
    whole(problems, table, "seed", path, low=0, high=SEED_MAX)
    if "advance" in table:
        check_advance(problems, table["advance"], path, context, kind)
    if "weighting" in table:
        override = table["weighting"]
        if isinstance(override, dict) and weighting is not None and "scheme" not in override:
            override = {**weighting, **override}
        if isinstance(override, dict) and weighting is None and "scheme" not in override:
            pass  # the meeting's own table is wrong and already reported; the merged table cannot be judged
        else:
            check_weighting(problems, override, f"{path}.weighting", codes)
    if kind == "election":
        _check_election(problems, table, path, context, codes)
    if "confirms" in table:
        _check_confirms(problems, table["confirms"], f"{path}.confirms", context, kind)


def _check_nominations(problems: Problems, raw: object, path: str, context: Context) -> None:
    nominations = table_at(problems, raw, path, '{ closes = 2026-11-01, word_limit = 250, order = "surname" }')
    if nominations is None:
        return
    unknown_keys(problems, nominations, path, NOMINATIONS_KEYS)
    closes = nominations.get("closes")
    if not isinstance(closes, date):
        problems.add(f"{path}.closes", message("checks.items.nominations_close", context=context, value=shown(closes)))
    whole(problems, nominations, "word_limit", path, low=10, high=5000)
    choice(problems, nominations, "order", path, BALLOT_ORDERS)
    choice(problems, nominations, "uncontested", path, UNCONTESTED_RULES)


def _check_confirms(problems: Problems, raw: object, path: str, context: Context, kind: object) -> None:
    """The first meeting's resolution a section 111 confirmation names: meeting code, item, date, code."""
    if kind != "resolution":
        problems.add(path, message("checks.items.confirms_resolution_only", context=context))
    confirms = table_at(problems, raw, path, '{ meeting = "ABC234", item = 3, held_on = 2026-11-01, '
                                             'verification = "19E0 DCFD 59D8 850A" }')
    if confirms is None:
        return
    unknown_keys(problems, confirms, path, CONFIRMS_KEYS)
    text(problems, confirms, "meeting", path, required=True, what=message("checks.what.first_meeting_code"))
    whole(problems, confirms, "item", path, low=1, high=ITEM_NUMBER_MAX, required=True)
    text(problems, confirms, "verification", path, required=True, what=message("checks.what.first_meeting_verification"))
    text(problems, confirms, "for_percent", path, what=message("checks.what.first_meeting_share"))
    held_on = confirms.get("held_on")
    if held_on is None:
        problems.add(f"{path}.held_on", message("checks.items.held_on_missing"))
    elif not isinstance(held_on, date):
        problems.add(f"{path}.held_on", message("checks.items.held_on_not_date", value=shown(held_on)))


def _check_election(
    problems: Problems, table: dict[str, Any], path: str, context: Context, codes: dict[str, Fraction]
) -> None:
    raw_method = table.get("method")
    method = raw_method if isinstance(raw_method, str) else ""
    if method not in RULES:
        problems.add(f"{path}.method", message("checks.items.method", context=context, value=shown(raw_method),
                                              known=", ".join(RULES)))
    if "nominations" in table:
        _check_nominations(problems, table["nominations"], f"{path}.nominations", context)
        if "candidates" not in table:  # the candidates come from the nominations when they close
            whole(problems, table, "seats", path, low=1, high=MAX_SEATS, required=True)
            return
    names = _check_candidates(problems, table, path, context, codes)
    count = len(names) if names is not None else None
    high = min(MAX_SEATS, count) if count else MAX_SEATS
    seats = None
    if "seats" not in table:
        problems.add(f"{path}.seats", message("checks.items.seats_missing", context=context, high=high))
    elif count is not None and isinstance(table["seats"], int) and not isinstance(table["seats"], bool) \
            and table["seats"] > count:
        problems.add(f"{path}.seats", message("checks.items.seats_above_candidates", context=context,
                                              seats=table["seats"], count=count, high=high))
    else:
        seats = check_whole(problems, table["seats"], f"{path}.seats", low=1, high=high, context=context)
    if seats is not None and seats != 1 and method in SINGLE_SEAT_METHODS:
        problems.add(f"{path}.seats", message("checks.items.one_seat_method", context=context, method=method,
                                              seats=seats))
    if "max_marks" in table:
        check_whole(problems, table["max_marks"], f"{path}.max_marks", low=1, high=max(count or 1, 1), context=context)
    if "reserved" in table and names is not None and seats is not None:
        _check_reserved(problems, table["reserved"], f"{path}.reserved", context, names, seats, codes)
    elif "reserved" in table:
        table_at(problems, table["reserved"], f"{path}.reserved", "{ PS = { min = 2 } }")


def _check_candidates(
    problems: Problems, table: dict[str, Any], path: str, context: Context, codes: dict[str, Fraction]
) -> list[tuple[str, str | None]] | None:
    """(name, class code) for each candidate, or None when the list itself is unusable."""
    raw = table.get("candidates")
    if not isinstance(raw, list) or not raw:
        example = Bilingual(cy='["Ann", "Bob"] neu [{ name = "Ann", class = "PS" }]',
                            en='["Ann", "Bob"] or [{ name = "Ann", class = "PS" }]')
        problems.add(f"{path}.candidates", message("checks.items.candidates_list", context=context, example=example,
                                                   value=shown(raw)))
        return None
    if len(raw) > MAX_CANDIDATES:
        problems.add(f"{path}.candidates", message("checks.items.too_many_candidates", context=context,
                                                   count=len(raw), limit=MAX_CANDIDATES))
        return None
    found: list[tuple[str, str | None]] = []
    seen: set[str] = set()
    upper = {code.upper(): code for code in codes}
    for position, entry in enumerate(raw, start=1):
        where = f"{path}.candidates[{position}]"
        if isinstance(entry, str):
            entry = {"name": entry}
        if not isinstance(entry, dict):
            problems.add(where, message("checks.items.candidate_entry", context=context,
                                        example='{ name = "...", class = "PS" }', type=type_name(entry)))
            continue
        unknown_keys(problems, entry, where, ("name", "class", "photo"))
        photo = entry.get("photo")
        if photo is not None and (not isinstance(photo, str) or not photo.strip() or "\n" in photo):
            problems.add(f"{where}.photo", message("checks.items.photo", context=context, value=shown(photo)))
        name = entry.get("name")
        if not isinstance(name, str):
            problems.add(f"{where}.name", message("checks.items.candidate_name", context=context, value=shown(name)))
            continue
        checked = check_text(problems, name, f"{where}.name", limit=NAME_LIMIT, what=message("checks.what.candidate_name"))
        if checked is None:
            continue
        if checked.strip() in seen:
            problems.add(f"{where}.name", message("checks.items.standing_twice", context=context, name=checked.strip()))
        seen.add(checked.strip())
        code = entry.get("class")
        if code is not None and (not isinstance(code, str) or code.upper() not in upper):
            problems.add(f"{where}.class", message("checks.items.candidate_class", context=context, value=shown(code),
                                                  codes=", ".join(codes)))
            code = None
        found.append((checked.strip(), code.upper() if isinstance(code, str) else None))
    return found


def _check_reserved(
    problems: Problems, raw: object, where: str, context: Context, names: list[tuple[str, str | None]], seats: int,
    codes: dict[str, Fraction],
) -> None:
    """Seats per class that some set of winners can satisfy, or a line naming the class and the bound."""
    table = table_at(problems, raw, where, "{ PS = { min = 2 }, EMP = { min = 1, max = 2 } }")
    if table is None:
        return
    standing = Counter(code for _name, code in names)
    bounds: dict[str, tuple[int, int]] = {}
    for code, limits in table.items():
        path = f"{where}.{code}"
        if code not in codes:
            problems.add(path, message("checks.items.not_a_class", context=context, code=shown(code),
                                      codes=", ".join(codes)))
            continue
        if not isinstance(limits, dict) or not limits or not set(limits) <= {"min", "max"}:
            problems.add(path, message("checks.items.reserved_bounds", context=context, example="{ min = 1, max = 2 }"))
            continue
        low = check_whole(problems, limits.get("min", 0), f"{path}.min", low=0, high=seats, context=context)
        high = check_whole(problems, limits.get("max", seats), f"{path}.max", low=0, high=seats, context=context)
        if low is None or high is None:
            continue
        if low > high:
            problems.add(path, message("checks.items.min_above_max", context=context, code=code, low=low, high=high))
        elif low > standing[code]:
            problems.add(f"{path}.min", message("checks.items.min_above_standing", context=context, code=code, low=low,
                                                standing=standing[code]))
        else:
            bounds[code] = (low, high)
    if len(bounds) != len(table):
        return
    minimums = sum(low for low, _high in bounds.values())
    if minimums > seats:
        problems.add(where, message("checks.items.minimums_above_seats", context=context, minimums=minimums,
                                     seats=seats))
    fillable = sum(min(bounds[code][1], n) if code in bounds else n for code, n in standing.items() if code)
    fillable += standing[None]
    if fillable < seats:
        problems.add(where, message("checks.items.maximums_leave_empty", context=context, fillable=fillable,
                                     seats=seats))
