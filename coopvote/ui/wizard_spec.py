"""What the new-meeting wizard collects, written out as a meeting definition (TOML).

The wizard writes TOML text and hands it to ``coopvote.meeting.spec.parse_spec`` rather than building a
MeetingSpec by hand: the same checks then apply as for a file written in an editor, and the text is
saved beside the meeting so the returning officer can read, keep and reuse exactly what was set up.
Qt-free, so it is tested directly.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from coopvote.meeting.presets import PRESETS, fragment_toml, item_fragment, weighting_fragment
from coopvote.meeting.spec import MeetingSpec, parse_spec

WEIGHTING_SCHEMES = ("one-member-one-vote", "class-share", "fixed-value")
TIE_RULES = ("casting-vote", "lost", "lot")
THRESHOLDS = ("> 1/2", ">= 2/3", ">= 3/4")
METHODS = ("scottish-stv", "meek", "wigm", "irv", "fptp", "block", "approval")
WEIGHTING_PRESETS = tuple(p.key for p in PRESETS if p.target == "weighting")
RESOLUTION_PRESETS = ("fairshares-special", "section-111-first", "section-111-confirm")
"""The item presets the wizard offers; a section 111 confirmation also takes its first meeting (``confirms``)."""


def q(text: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's; Welsh letters are kept as they are)."""
    return json.dumps(text, ensure_ascii=False)


@dataclass
class ClassRow:
    code: str
    name_cy: str
    name_en: str
    colour: str = "#777777"
    weight: str = ""
    """Share (class-share) or votes per member (fixed-value); unused for one member one vote."""


@dataclass
class ItemRow:
    kind: str = "resolution"
    title_cy: str = ""
    title_en: str = ""
    special: bool = False
    threshold: str = "> 1/2"
    by_head: bool = False
    method: str = "scottish-stv"
    seats: int = 1
    candidates: list[tuple[str, str]] = field(default_factory=list)
    """(name, class code or '')."""
    reserved: dict[str, tuple[int, int]] = field(default_factory=dict)
    """class code -> (min, max); 0 means no bound."""
    preset: str = ""
    """A resolution preset (coopvote/meeting/presets.py) that sets special, threshold, by head and consent."""
    confirms: dict[str, Any] = field(default_factory=dict)
    """For ``section-111-confirm``: the first meeting's code, item, held_on, verification (and for_percent)."""


@dataclass
class WizardData:
    name_cy: str = ""
    name_en: str = ""
    society_cy: str = ""
    society_en: str = ""
    held_on: date | None = None
    place: str = ""
    notice_given: date | None = None
    classes: list[ClassRow] = field(default_factory=list)
    scheme: str = "one-member-one-vote"
    absent_class: str = "redistribute"
    weighting_preset: str = ""
    """A constitution preset for the whole meeting's weighting; replaces ``scheme`` and the class weights."""
    investor_class: str = ""
    """The class the investor cap preset limits."""
    quorum_percent: str = ""
    quorum_absolute: int = 0
    quorum_per_class: dict[str, int] = field(default_factory=dict)
    proxies_count: bool = True
    proxy_limit: int = 3
    chair_may_hold: bool = True
    tie: str = "casting-vote"
    chair: str = ""
    returning_officer: str = ""
    items: list[ItemRow] = field(default_factory=list)


def parse_candidates(text: str) -> list[tuple[str, str]]:
    """One candidate a line: "Name" or "Name | CLASS" (the class a reserved seat counts them in)."""
    found = []
    for line in text.splitlines():
        if not line.strip():
            continue
        name, _bar, code = line.partition("|")
        found.append((name.strip(), code.strip().upper()))
    return found


def candidates_text(candidates: Sequence[tuple[str, str]]) -> str:
    return "\n".join(f"{name} | {code}" if code else name for name, code in candidates)


def _table(values: Mapping[str, Any]) -> str:
    return "{ " + ", ".join(f"{k} = {v}" for k, v in values.items()) + " }"


def build_toml(data: WizardData) -> str:
    lines = ["# Written by the coopvote new-meeting wizard. Format: docs/meeting-spec.md", "", "[meeting]"]
    lines += [f"name_cy = {q(data.name_cy)}", f"name_en = {q(data.name_en)}"]
    if data.society_cy:
        lines.append(f"society_cy = {q(data.society_cy)}")
    if data.society_en:
        lines.append(f"society_en = {q(data.society_en)}")
    if data.held_on:
        lines.append(f"date = {data.held_on.isoformat()}")
    if data.place:
        lines.append(f"place = {q(data.place)}")
    if data.notice_given:
        lines.append(f"notice_given = {data.notice_given.isoformat()}")
    lines.append('languages = ["cy", "en"]')
    for row in data.classes:
        lines += ["", "[[classes]]", f"code = {q(row.code.strip().upper())}", f"name_cy = {q(row.name_cy)}",
                  f"name_en = {q(row.name_en)}", f"colour = {q(row.colour)}"]
    lines += ["", "[weighting]"]
    if data.weighting_preset:
        codes = [row.code.strip().upper() for row in data.classes]
        lines += fragment_toml(weighting_fragment(data.weighting_preset, codes, data.investor_class))
    else:
        lines.append(f"scheme = {q(data.scheme)}")
    if data.weighting_preset:
        pass  # the preset wrote the whole table
    elif data.scheme == "class-share":
        lines.append("shares = " + _table({r.code.strip().upper(): q(r.weight.strip() or "0") for r in data.classes}))
        lines.append(f"absent_class = {q(data.absent_class)}")
    elif data.scheme == "fixed-value":
        lines.append("values = " + _table({r.code.strip().upper(): q(r.weight.strip() or "1") for r in data.classes}))
    lines += ["", "[quorum]"]
    if data.quorum_percent.strip():
        lines.append(f"percent = {q(data.quorum_percent.strip().removesuffix('%'))}")
    if data.quorum_absolute:
        lines.append(f"absolute = {data.quorum_absolute}")
    minimums = {code.upper(): n for code, n in data.quorum_per_class.items() if n}
    if minimums:
        lines.append("per_class_minimum = " + _table(minimums))
    lines.append(f"proxies_count = {str(data.proxies_count).lower()}")
    lines += ["", "[proxies]", f"limit_per_holder = {data.proxy_limit}",
              f"chair_may_hold = {str(data.chair_may_hold).lower()}"]
    lines += ["", "[rules]", f"tie = {q(data.tie)}"]
    if data.chair:
        lines.append(f"chair = {q(data.chair)}")
    if data.returning_officer:
        lines.append(f"returning_officer = {q(data.returning_officer)}")
    for number, item in enumerate(data.items, start=1):
        lines += ["", "[[items]]", f"number = {number}", f"kind = {q(item.kind)}", f"title_cy = {q(item.title_cy)}",
                  f"title_en = {q(item.title_en)}"]
        if item.kind == "resolution" and item.preset:
            confirms = dict(item.confirms) if item.preset == "section-111-confirm" else None
            lines += fragment_toml(item_fragment(item.preset, confirms=confirms))
            continue
        if item.kind == "resolution":
            if item.special:
                lines.append("special = true")
            lines.append(f"threshold = {q(item.threshold)}")
            if item.by_head:
                lines.append("by_head = true")
            continue
        lines += [f"method = {q(item.method)}", f"seats = {item.seats}"]
        reserved = {}
        for code, (low, high) in item.reserved.items():
            bounds = {**({"min": low} if low else {}), **({"max": high} if high else {})}
            if bounds:
                reserved[code.upper()] = _table(bounds)
        if reserved:
            lines.append("reserved = " + _table(reserved))
        entries = [_table({"name": q(name), **({"class": q(code)} if code else {})})
                   for name, code in item.candidates]
        lines.append("candidates = [" + "".join(f"\n  {entry}," for entry in entries) + ("\n]" if entries else "]"))
    return "\n".join(lines) + "\n"


def build_spec(data: WizardData, source: str = "new meeting") -> tuple[str, MeetingSpec]:
    """The TOML text and the checked spec; raises InputError naming the table and key at fault."""
    from coopvote.counting.weighting import WeightingScheme
    from coopvote.meeting.quorum import QuorumRule

    text = build_toml(data)
    spec = parse_spec(text, source)
    QuorumRule.from_mapping(dict(spec.rules.get("quorum", {})), where=f"{source}: [quorum]")
    WeightingScheme.from_mapping(spec.weighting)
    if not spec.items:
        from coopvote.errors import InputError

        raise InputError(f"{source}: the agenda has no items; add at least one resolution or election")
    return text, spec
