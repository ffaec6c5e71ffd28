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


def check_items(
    problems: Problems, raw: object, codes: dict[str, Fraction], weighting: dict[str, Any] | None
) -> None:
    """``weighting`` is the meeting's table when it passed its own checks (None if it did not, or is absent)."""
    if raw is None:
        return
    if not isinstance(raw, list):
        return  # reported with the top-level tables
    if len(raw) > MAX_ITEMS:
        problems.add("items", f"{len(raw)} items; an agenda may have up to {MAX_ITEMS}")
    numbers: Counter[int] = Counter()
    for index, entry in enumerate(raw, start=1):
        path = f"items[{index}]"
        table = table_at(problems, entry, path, '{ number = 1, kind = "resolution", ... }')
        if table is None:
            continue
        number = whole(problems, table, "number", path, low=1, high=ITEM_NUMBER_MAX, required=True)
        if number is not None:
            numbers[number] += 1
        _check_item(problems, table, path, f"agenda item {number}: " if number is not None else "", codes, weighting)
    for number, times in numbers.items():
        if times > 1:
            problems.add("items", f"agenda item number {number} is used {times} times; each item needs its own")


def _check_item(
    problems: Problems, table: dict[str, Any], path: str, context: str, codes: dict[str, Fraction],
    weighting: dict[str, Any] | None,
) -> None:
    unknown_keys(problems, table, path, ITEM_KEYS)
    kind = table.get("kind")
    if kind not in ("resolution", "election"):
        problems.add(f"{path}.kind", f"{context}kind {shown(kind)} should be 'resolution' or 'election'")
    text(problems, table, "title_cy", path, required=True, limit=TITLE_LIMIT, what="the item's title in Welsh")
    text(problems, table, "title_en", path, required=True, limit=TITLE_LIMIT, what="the item's title in English")
    for key in ("text_cy", "text_en"):
        text(problems, table, key, path, limit=TEXT_LIMIT, what="the item's full text", multiline=True)
    special = flag(problems, table, "special", path)
    flag(problems, table, "by_head", path)
    if kind == "resolution":
        threshold = table.get("threshold", ">= 3/4" if special else "> 1/2")
        check_threshold(problems, threshold, f"{path}.threshold", context)
        for key in ELECTION_ONLY:
            if key in table:
                problems.add(f"{path}.{key}", f"{context}only an election takes '{key}'; this item is a resolution")
    if table.get("base") == "present":
        problems.add(f"{path}.base", f"{context}base 'present' is not counted by the app yet (it needs the members "
                     f"present per class); use one of {', '.join(repr(b) for b in COUNTED_BASES)}")
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


def _check_nominations(problems: Problems, raw: object, path: str, context: str) -> None:
    nominations = table_at(problems, raw, path, '{ closes = 2026-11-01, word_limit = 250, order = "surname" }')
    if nominations is None:
        return
    unknown_keys(problems, nominations, path, NOMINATIONS_KEYS)
    closes = nominations.get("closes")
    if not isinstance(closes, date):
        problems.add(f"{path}.closes", f"{context}needs the date nominations close, such as 2026-11-01, not "
                                       f"{shown(closes)}")
    whole(problems, nominations, "word_limit", path, low=10, high=5000)
    choice(problems, nominations, "order", path, BALLOT_ORDERS)
    choice(problems, nominations, "uncontested", path, UNCONTESTED_RULES)


def _check_confirms(problems: Problems, raw: object, path: str, context: str, kind: object) -> None:
    """The first meeting's resolution a section 111 confirmation names: meeting code, item, date, code."""
    if kind != "resolution":
        problems.add(path, f"{context}only a resolution can confirm an earlier resolution")
    confirms = table_at(problems, raw, path, '{ meeting = "ABC234", item = 3, held_on = 2026-11-01, '
                                             'verification = "19E0 DCFD 59D8 850A" }')
    if confirms is None:
        return
    unknown_keys(problems, confirms, path, CONFIRMS_KEYS)
    text(problems, confirms, "meeting", path, required=True, what="the first meeting's code")
    whole(problems, confirms, "item", path, low=1, high=ITEM_NUMBER_MAX, required=True)
    text(problems, confirms, "verification", path, required=True, what="the first meeting's verification code")
    text(problems, confirms, "for_percent", path, what="the share for at the first meeting, e.g. '71.4%'")
    held_on = confirms.get("held_on")
    if held_on is None:
        problems.add(f"{path}.held_on", "missing 'held_on' (the first meeting's date, e.g. 2026-11-01)")
    elif not isinstance(held_on, date):
        problems.add(f"{path}.held_on", f"should be a date such as 2026-11-01, not {shown(held_on)}")


def _check_election(
    problems: Problems, table: dict[str, Any], path: str, context: str, codes: dict[str, Fraction]
) -> None:
    raw_method = table.get("method")
    method = raw_method if isinstance(raw_method, str) else ""
    if method not in RULES:
        problems.add(f"{path}.method", f"{context}method {shown(raw_method)} is not one of {', '.join(RULES)}")
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
        problems.add(f"{path}.seats", f"{context}missing 'seats' (a whole number from 1 to {high})")
    elif count is not None and isinstance(table["seats"], int) and not isinstance(table["seats"], bool) \
            and table["seats"] > count:
        problems.add(f"{path}.seats", f"{context}{table['seats']} seats but only {count} candidates; "
                                      f"use a whole number from 1 to {high}")
    else:
        seats = check_whole(problems, table["seats"], f"{path}.seats", low=1, high=high, context=context)
    if seats is not None and seats != 1 and method in SINGLE_SEAT_METHODS:
        problems.add(f"{path}.seats", f"{context}{method} fills one seat, not {seats}; for several seats use "
                                      "block, approval or an STV method")
    if "max_marks" in table:
        check_whole(problems, table["max_marks"], f"{path}.max_marks", low=1, high=max(count or 1, 1), context=context)
    if "reserved" in table and names is not None and seats is not None:
        _check_reserved(problems, table["reserved"], f"{path}.reserved", context, names, seats, codes)
    elif "reserved" in table:
        table_at(problems, table["reserved"], f"{path}.reserved", "{ PS = { min = 2 } }")


def _check_candidates(
    problems: Problems, table: dict[str, Any], path: str, context: str, codes: dict[str, Fraction]
) -> list[tuple[str, str | None]] | None:
    """(name, class code) for each candidate, or None when the list itself is unusable."""
    raw = table.get("candidates")
    if not isinstance(raw, list) or not raw:
        problems.add(f"{path}.candidates", f"{context}needs a list of candidates, such as [\"Ann\", \"Bob\"] or "
                                           f"[{{ name = \"Ann\", class = \"PS\" }}], not {shown(raw)}")
        return None
    if len(raw) > MAX_CANDIDATES:
        problems.add(f"{path}.candidates", f"{context}{len(raw)} candidates; an election may have up to {MAX_CANDIDATES}")
        return None
    found: list[tuple[str, str | None]] = []
    seen: set[str] = set()
    upper = {code.upper(): code for code in codes}
    for position, entry in enumerate(raw, start=1):
        where = f"{path}.candidates[{position}]"
        if isinstance(entry, str):
            entry = {"name": entry}
        if not isinstance(entry, dict):
            problems.add(where, f"{context}should be a name or {{ name = \"...\", class = \"PS\" }}, "
                                f"not {type_name(entry)}")
            continue
        unknown_keys(problems, entry, where, ("name", "class", "photo"))
        photo = entry.get("photo")
        if photo is not None and (not isinstance(photo, str) or not photo.strip() or "\n" in photo):
            problems.add(f"{where}.photo", f"{context}should name an image file beside the definition, such as "
                                           f"\"photos/ann.jpg\", not {shown(photo)}")
        name = entry.get("name")
        if not isinstance(name, str):
            problems.add(f"{where}.name", f"{context}needs the candidate's name as text, not {shown(name)}")
            continue
        checked = check_text(problems, name, f"{where}.name", limit=NAME_LIMIT, what="a candidate's name")
        if checked is None:
            continue
        if checked.strip() in seen:
            problems.add(f"{where}.name", f"{context}{checked.strip()!r} is standing twice in this election")
        seen.add(checked.strip())
        code = entry.get("class")
        if code is not None and (not isinstance(code, str) or code.upper() not in upper):
            problems.add(f"{where}.class", f"{context}class {shown(code)} is not one of {', '.join(codes)}")
            code = None
        found.append((checked.strip(), code.upper() if isinstance(code, str) else None))
    return found


def _check_reserved(
    problems: Problems, raw: object, where: str, context: str, names: list[tuple[str, str | None]], seats: int,
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
            problems.add(path, f"{context}{shown(code)} is not a class; the classes are {', '.join(codes)}")
            continue
        if not isinstance(limits, dict) or not limits or not set(limits) <= {"min", "max"}:
            problems.add(path, f"{context}should be a table with min and/or max, such as {{ min = 1, max = 2 }}")
            continue
        low = check_whole(problems, limits.get("min", 0), f"{path}.min", low=0, high=seats, context=context)
        high = check_whole(problems, limits.get("max", seats), f"{path}.max", low=0, high=seats, context=context)
        if low is None or high is None:
            continue
        if low > high:
            problems.add(path, f"{context}class {code}: min {low} is above max {high}")
        elif low > standing[code]:
            problems.add(f"{path}.min", f"{context}class {code} needs {low} seat(s) but has only {standing[code]} "
                                        "candidate(s) in this election")
        else:
            bounds[code] = (low, high)
    if len(bounds) != len(table):
        return
    minimums = sum(low for low, _high in bounds.values())
    if minimums > seats:
        problems.add(where, f"{context}the class minimums add up to {minimums}, more than the {seats} seat(s)")
    fillable = sum(min(bounds[code][1], n) if code in bounds else n for code, n in standing.items() if code)
    fillable += standing[None]
    if fillable < seats:
        problems.add(where, f"{context}the class maximums let only {fillable} of the {seats} seat(s) be filled")
