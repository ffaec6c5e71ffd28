"""The checks for each table of a meeting definition except the agenda (see checks_items.py).

Each function reads one raw TOML table, adds a line to ``problems`` for everything wrong in it and carries
on, so one run of ``coopvote new`` lists every mistake. Where a rule is enforced again when the meeting
runs (the weighting scheme, the quorum rule, a threshold), the same code is called here as a backstop
once the fields have passed, so creation can never accept what counting would refuse.
"""

from __future__ import annotations

from datetime import date, datetime
from fractions import Fraction
from typing import Any

from coopvote.counting.resolutions import TIE_RULES, Threshold
from coopvote.counting.weighting import _SCHEME_ALIASES, SCHEME_KINDS, WeightingScheme
from coopvote.errors import InputError
from coopvote.meeting.validation import (
    CLASS_CODE_MAX,
    CLASS_CODE_PATTERN,
    COLOUR_PATTERN,
    MAX_CLASSES,
    MAX_MEMBERS_FIGURE,
    MAX_VALUE,
    PRIVACY_MINIMUM_MAX,
    PROXY_LIMIT_MAX,
    Problems,
    amount,
    choice,
    describe,
    flag,
    read_amount,
    shown,
    table_at,
    text,
    type_name,
    unknown_keys,
    whole,
)
from coopvote.messages import Message, message

TOP_LEVEL = ("meeting", "classes", "weighting", "quorum", "proxies", "rules", "items")
MEETING_KEYS = ("name_cy", "name_en", "society_cy", "society_en", "date", "place", "notice_given", "languages")
CLASS_KEYS = ("code", "name_cy", "name_en", "colour", "vote_value")
WEIGHTING_KEYS = ("scheme", "shares", "values", "per_member", "bands", "absent_class", "cap", "class_consent",
                  "consent_threshold", "consent_absent", "privacy_minimum")
SCHEME_NAMES = (*SCHEME_KINDS, *_SCHEME_ALIASES)
QUORUM_KEYS = ("percent", "absolute", "rounding", "combine", "per_class_minimum", "proxies_count")
PROXY_KEYS = ("limit_per_holder", "chair_may_hold")
RULES_KEYS = ("chair", "returning_officer", "tie", "privacy_minimum")
LANGUAGES = ("cy", "en")


def check_meeting(problems: Problems, raw: object) -> None:
    meeting = table_at(problems, raw, "[meeting]", 'name_cy = "..." and name_en = "..."')
    if meeting is None:
        return
    unknown_keys(problems, meeting, "[meeting]", MEETING_KEYS)
    text(problems, meeting, "name_cy", "[meeting]", required=True, what=message("checks.what.meeting_name_cy"))
    text(problems, meeting, "name_en", "[meeting]", required=True, what=message("checks.what.meeting_name_en"))
    for key in ("society_cy", "society_en", "place"):
        text(problems, meeting, key, "[meeting]", what=message("checks.what.name"))
    for key in ("date", "notice_given"):
        value = meeting.get(key)
        if value is None or (isinstance(value, date) and not isinstance(value, datetime)):
            continue
        try:
            if not isinstance(value, str) or len(value) != 10:
                raise ValueError
            date.fromisoformat(value)
        except ValueError:
            problems.add(f"[meeting].{key}", message("checks.meeting.not_a_date", value=shown(value)))
    languages = meeting.get("languages")
    if languages is not None and (
        not isinstance(languages, list) or not languages or any(lang not in LANGUAGES for lang in languages)
        or len(set(languages)) != len(languages)
    ):
        problems.add("[meeting].languages", message("checks.meeting.languages", value=shown(languages)))


def check_classes(problems: Problems, raw: object) -> dict[str, Fraction]:
    """The class codes, each with its vote value (default 1), for the later tables to check against."""
    if not isinstance(raw, list) or not raw:
        problems.add("classes", message("checks.classes.none"))
        return {}
    if len(raw) > MAX_CLASSES:
        problems.add("classes", message("checks.classes.too_many", count=len(raw), limit=MAX_CLASSES))
    codes: dict[str, Fraction] = {}
    for index, entry in enumerate(raw, start=1):
        path = f"classes[{index}]"
        table = table_at(problems, entry, path, '{ code = "PS", name_cy = "...", name_en = "..." }')
        if table is None:
            continue
        unknown_keys(problems, table, path, CLASS_KEYS)
        code = text(problems, table, "code", path, required=True, limit=CLASS_CODE_MAX,
                    what=message("checks.what.class_code"))
        if code is not None:
            code = code.strip().upper()
            if not CLASS_CODE_PATTERN.fullmatch(code):
                problems.add(f"{path}.code", message("checks.classes.code_characters", code=shown(code),
                                                     limit=CLASS_CODE_MAX))
                code = None
            elif code in codes:
                problems.add(f"{path}.code", message("checks.classes.code_twice", code=code))
                code = None
        text(problems, table, "name_cy", path, required=True, what=message("checks.what.class_name_cy"))
        text(problems, table, "name_en", path, required=True, what=message("checks.what.class_name_en"))
        colour = table.get("colour")
        if colour is not None and not (isinstance(colour, str) and COLOUR_PATTERN.fullmatch(colour)):
            problems.add(f"{path}.colour", message("checks.classes.colour", value=shown(colour)))
        value: Fraction | None = Fraction(1)
        if "vote_value" in table:
            value = amount(problems, table["vote_value"], f"{path}.vote_value", accept=lambda v: 0 < v <= MAX_VALUE,
                           allowed=message("checks.allowed.vote_value", limit=MAX_VALUE))
        raw_code = table.get("code")
        if code is None and isinstance(raw_code, str) and raw_code.strip().upper() not in codes:
            code = raw_code.strip().upper()  # already reported; kept so references to it are not reported again
        if code:
            codes[code] = value if value is not None else Fraction(1)
    return codes


def _class_table(
    problems: Problems, raw: object, where: str, codes: dict[str, Fraction], *, accept: Any, allowed: Message,
) -> dict[str, Fraction] | None:
    table = table_at(problems, raw, where, '{ PS = "1/3", EMP = "2/3" }')
    if table is None:
        return None
    found: dict[str, Fraction] = {}
    good = True
    for code, raw_amount in table.items():
        if code not in codes:
            problems.add(f"{where}.{code}", message("checks.not_a_class", code=shown(code), codes=", ".join(codes)))
            good = False
            continue
        value = amount(problems, raw_amount, f"{where}.{code}", percent=True, accept=accept, allowed=allowed)
        if value is None:
            good = False
        else:
            found[code] = value
    return found if good else None


def check_weighting(problems: Problems, raw: object, path: str, codes: dict[str, Fraction]) -> None:
    table = table_at(problems, raw, path, 'scheme = "one-member-one-vote"')
    if table is None:
        return
    before = len(problems.lines)
    unknown_keys(problems, table, path, WEIGHTING_KEYS)
    scheme_raw = table.get("scheme", "one-member-one-vote")
    scheme = scheme_raw.strip().lower() if isinstance(scheme_raw, str) else ""
    scheme = _SCHEME_ALIASES.get(scheme, scheme)
    if scheme not in SCHEME_KINDS:
        problems.add(f"{path}.scheme", message("checks.weighting.not_a_scheme", value=shown(scheme_raw),
                                                  known=", ".join(SCHEME_NAMES)))
    if "shares" in table and scheme != "class-share":
        problems.add(f"{path}.shares", message("checks.weighting.shares_wrong_scheme", value=shown(scheme_raw)))
    if scheme == "class-share":
        if "shares" not in table:
            problems.add(f"{path}.shares", message("checks.weighting.shares_missing",
                                                   example='{ PS = "1/3", EMP = "1/3", SUP = "1/3" }'))
        else:
            shares = _class_table(problems, table["shares"], f"{path}.shares", codes, accept=lambda v: 0 < v <= 1,
                                  allowed=message("checks.allowed.share"))
            if shares is not None:
                missing = [code for code in codes if code not in shares]
                if missing:
                    problems.add(f"{path}.shares", message("checks.weighting.no_share", codes=", ".join(missing)))
                elif sum(shares.values(), Fraction(0)) != 1:
                    problems.add(f"{path}.shares", message("checks.weighting.shares_total",
                                                           total=describe(sum(shares.values(), Fraction(0)))))
    per_member = flag(problems, table, "per_member", path)
    if scheme != "fixed-value":
        for key in ("values", "per_member"):
            if key in table:
                problems.add(f"{path}.{key}", message("checks.weighting.fixed_value_only", value=shown(scheme_raw)))
    elif "values" in table:
        values = _class_table(problems, table["values"], f"{path}.values", codes, accept=lambda v: 0 < v <= MAX_VALUE,
                              allowed=message("checks.allowed.votes_per_paper", limit=MAX_VALUE))
        if values is not None and (missing := [code for code in codes if code not in values]):
            problems.add(f"{path}.values", message("checks.weighting.no_value", codes=", ".join(missing)))
        if per_member:
            problems.add(f"{path}.values", message("checks.weighting.values_or_per_member"))
    _check_bands(problems, table, path, per_member)
    choice(problems, table, "absent_class", path, ("redistribute", "forfeit"))
    _check_cap(problems, table, path, codes)
    flag(problems, table, "class_consent", path)
    if "consent_threshold" in table:
        check_threshold(problems, table["consent_threshold"], f"{path}.consent_threshold", "")
    choice(problems, table, "consent_absent", path, ("fail", "ignore"))
    whole(problems, table, "privacy_minimum", path, low=1, high=PRIVACY_MINIMUM_MAX)
    if len(problems.lines) == before:
        try:
            WeightingScheme.from_mapping(normalised_weighting(table, codes))
        except InputError as error:
            problems.add(path, error.message)


MAX_BANDS = 100


def _check_bands(problems: Problems, table: dict[str, Any], path: str, per_member: bool | None) -> None:
    """``bands = [1, 2, 5]``: the only values a member may hold under per_member, each exact and bounded."""
    if "bands" not in table:
        return
    raw = table["bands"]
    where = f"{path}.bands"
    if not per_member:
        problems.add(where, message("checks.weighting.bands_need_per_member"))
    if not isinstance(raw, list) or not raw or len(raw) > MAX_BANDS:
        problems.add(where, message("checks.weighting.bands_list", limit=MAX_BANDS))
        return
    seen: set[Fraction] = set()
    for index, value in enumerate(raw, start=1):
        band = amount(problems, value, f"{where}[{index}]", accept=lambda v: 0 < v <= MAX_VALUE,
                      allowed=message("checks.allowed.band", limit=MAX_VALUE))
        if band is not None:
            if band in seen:
                problems.add(f"{where}[{index}]", message("checks.weighting.band_twice", value=describe(band)))
            seen.add(band)


def _check_cap(problems: Problems, table: dict[str, Any], path: str, codes: dict[str, Fraction]) -> None:
    if "cap" not in table:
        return
    allowed = message("checks.allowed.cap")
    raw = table["cap"]
    if not isinstance(raw, dict):
        single = amount(problems, raw, f"{path}.cap", percent=True, accept=lambda v: 0 < v < 1,
                        allowed=message("checks.allowed.cap_or_table", example='{ INV = "1/10" }'))
        caps = dict.fromkeys(codes, single) if single is not None else None
    else:
        caps = _class_table(problems, raw, f"{path}.cap", codes, accept=lambda v: 0 < v < 1, allowed=allowed)
    if caps and set(caps) == set(codes) and sum(caps.values(), Fraction(0)) < 1:
        total = describe(sum(caps.values(), Fraction(0)))
        problems.add(f"{path}.cap", message("checks.weighting.caps_below_one", total=total))


def normalised_weighting(table: dict[str, Any], codes: dict[str, Fraction]) -> dict[str, Any]:
    """The table the count reads: a single ``cap`` given to every class, a fixed value taken from the classes.

    ``cap = "40%"`` is "no class more than 40%", so it becomes one cap per class; a fixed-value scheme with
    neither ``values`` nor ``per_member`` uses each class's ``vote_value``, as docs/counting.md promises.
    """
    result = dict(table)
    if "cap" in result and not isinstance(result["cap"], dict):
        result["cap"] = dict.fromkeys(codes, result["cap"])
    scheme = _SCHEME_ALIASES.get(str(result.get("scheme", "")).strip().lower(), str(result.get("scheme", "")))
    if scheme.strip().lower() == "fixed-value" and "values" not in result and not result.get("per_member"):
        result["values"] = {code: describe(value) for code, value in codes.items()}
    return result


def check_threshold(problems: Problems, raw: object, where: str, context: Message | str) -> None:
    """A threshold as the count reads it, its number bounded first (see validation.read_amount)."""
    should_look = message("checks.threshold.form", context=context, value=shown(raw))
    if not isinstance(raw, str):
        problems.add(where, should_look)
        return
    number = raw.strip().lstrip(">=").strip()
    if any(ch.isdigit() for ch in number) and isinstance(read_amount(number, percent=True), Message):
        problems.add(where, should_look)
        return
    try:
        threshold = Threshold.parse(raw, where)
    except InputError:
        problems.add(where, should_look)
        return
    if threshold.fraction == 0:
        problems.add(where, message("checks.threshold.always_met", context=context, value=shown(raw)))


def check_quorum(problems: Problems, raw: object, codes: dict[str, Fraction]) -> None:
    from coopvote.meeting.quorum import QuorumRule

    table = table_at(problems, raw, "[quorum]", 'percent = "10"')
    if table is None:
        return
    before = len(problems.lines)
    unknown_keys(problems, table, "[quorum]", QUORUM_KEYS)
    if "percent" in table:
        value = table["percent"]
        if isinstance(value, str):
            value = value.strip().removesuffix("%")
        amount(problems, value, "[quorum].percent", accept=lambda v: 0 < v <= 100,
               allowed=message("checks.allowed.quorum_percent"))
    whole(problems, table, "absolute", "[quorum]", low=0, high=MAX_MEMBERS_FIGURE)
    choice(problems, table, "rounding", "[quorum]", ("up", "down"))
    choice(problems, table, "combine", "[quorum]", ("greater", "lesser"))
    flag(problems, table, "proxies_count", "[quorum]")
    if "per_class_minimum" in table:
        minimums = table_at(problems, table["per_class_minimum"], "[quorum].per_class_minimum", "{ PS = 3 }")
        folded = {code.casefold() for code in codes}
        for code, minimum in (minimums or {}).items():
            where = f"[quorum].per_class_minimum.{code}"
            if code.casefold() not in folded:
                problems.add(where, message("checks.not_a_class", code=shown(code), codes=", ".join(codes)))
            elif isinstance(minimum, bool) or not isinstance(minimum, int) or not 0 <= minimum <= MAX_MEMBERS_FIGURE:
                problems.add(where, message("checks.quorum.minimum_not_whole", value=shown(minimum),
                                            limit=MAX_MEMBERS_FIGURE))
    if len(problems.lines) == before:
        try:
            QuorumRule.from_mapping(table, where="[quorum]")
        except InputError as error:
            problems.add("[quorum]", error.message)


def check_proxies(problems: Problems, raw: object) -> None:
    table = table_at(problems, raw, "[proxies]", "limit_per_holder = 3")
    if table is None:
        return
    unknown_keys(problems, table, "[proxies]", PROXY_KEYS)
    whole(problems, table, "limit_per_holder", "[proxies]", low=0, high=PROXY_LIMIT_MAX)
    flag(problems, table, "chair_may_hold", "[proxies]")


def check_rules(problems: Problems, raw: object) -> None:
    table = table_at(problems, raw, "[rules]", 'tie = "lost"')
    if table is None:
        return
    unknown_keys(problems, table, "[rules]", RULES_KEYS)
    text(problems, table, "chair", "[rules]", what=message("checks.what.chair"))
    text(problems, table, "returning_officer", "[rules]", what=message("checks.what.returning_officer"))
    choice(problems, table, "tie", "[rules]", TIE_RULES)
    whole(problems, table, "privacy_minimum", "[rules]", low=1, high=PRIVACY_MINIMUM_MAX)


def check_top_level(problems: Problems, data: dict[str, Any]) -> None:
    for key, value in data.items():
        if key not in TOP_LEVEL:
            problems.add(key, message("checks.unknown_table", name=shown(key), known=", ".join(TOP_LEVEL)))
        elif key == "items" and not isinstance(value, list):
            problems.add("items", message("checks.items_not_a_list", type=type_name(value)))

