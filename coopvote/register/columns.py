"""Which column of a register holds what, whatever the membership secretary called it.

Registers arrive with headings in English or Welsh, in any case, with punctuation ("Member No.",
"E-bost"), sometimes with a title row above them. We match whole headings against a list of synonyms
after normalising case, accents-as-typed and punctuation, rather than guessing from partial words:
a wrong guess would silently import names as class codes.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

from coopvote.messages import Message, message
from coopvote.register.model import Status, at

_PUNCTUATION = str.maketrans({ch: " " for ch in ".,;:_-#()[]/\\*'’\"!?"})


def norm(text: str) -> str:
    """Casefolded, NFC, punctuation as spaces, single spaces: how headings, classes and statuses compare."""
    if not text.isascii():
        text = unicodedata.normalize("NFC", text.replace("\ufeff", ""))
    return " ".join(text.casefold().translate(_PUNCTUATION).split())


_SYNONYMS: dict[str, tuple[str, ...]] = {
    "number": ("number", "no", "membership number", "member number", "membership no", "member no", "mem no",
               "membership id", "member id", "id", "membership ref", "member ref", "reference", "ref",
               "rhif aelod", "rhif aelodaeth", "rhif yr aelod", "rhif", "cyfeirnod"),
    "name": ("name", "full name", "member name", "member", "names", "member s name", "enw", "enw llawn",
             "enw aelod", "enw r aelod"),
    "given": ("first name", "first names", "forename", "forenames", "given name", "given names", "enw cyntaf",
              "enwau cyntaf", "enw bedydd"),
    "family": ("surname", "last name", "family name", "cyfenw"),
    "class": ("class", "membership class", "member class", "class code", "category", "membership category",
              "membership type", "member type", "type", "stakeholder class", "stakeholder group", "dosbarth",
              "dosbarth aelodaeth", "dosbarth aelod", "categori", "math o aelodaeth", "math aelod"),
    "vote": ("vote value", "votes", "vote", "weight", "vote weight", "voting weight", "voting value",
             "number of votes", "value", "gwerth pleidlais", "pwysau", "pleidleisiau", "gwerth"),
    "status": ("status", "membership status", "member status", "state", "statws", "statws aelodaeth"),
    "email": ("email", "e mail", "email address", "e mail address", "mail", "e bost", "ebost",
              "cyfeiriad e bost"),
}
_HEADING_TO_FIELD = {norm(s): f for f, synonyms in _SYNONYMS.items() for s in synonyms}

def field_words(field_name: str) -> Message:
    """What a column is for, in a sentence: "membership number" / "rhif aelodaeth"."""
    keys = {"number": "register.field_number", "name": "register.field_name", "given": "register.field_given",
            "family": "register.field_family", "class": "register.field_class", "vote": "register.field_vote",
            "status": "register.field_status", "email": "register.field_email"}
    return message(keys[field_name])

_STATUS_WORDS: dict[str, Status] = {}
for _word in ("", "active", "current", "member", "full", "full member", "yes", "y", "true", "1", "live",
              "valid", "paid", "ok", "good standing", "in good standing", "a", "gweithredol", "cyfredol",
              "byw", "ie", "dilys", "aelod", "gweithgar"):
    _STATUS_WORDS[norm(_word)] = "active"
for _word in ("lapsed", "inactive", "not active", "expired", "ceased", "resigned", "suspended", "left",
              "unpaid", "no", "n", "false", "0", "l", "darfod", "wedi darfod", "dod i ben", "wedi dod i ben",
              "anweithredol", "ddim yn weithredol", "wedi ymddiswyddo", "wedi ei atal", "wedi gadael", "na",
              "nac ydy"):
    _STATUS_WORDS[norm(_word)] = "lapsed"
_status_cache: dict[str, Status | None] = {}


def status_lookup(raw: str) -> Status | None:
    """``"Lapsed"``, ``"wedi darfod"``, ``"no"`` -> lapsed; blank -> active; None if not understood."""
    found = _status_cache.get(raw, "?")
    if found == "?":
        found = _STATUS_WORDS.get(norm(raw))
        if len(_status_cache) < 1000:
            _status_cache[raw] = found
    return found  # type: ignore[return-value]


@dataclass
class ColumnMap:
    """Column positions (0-based) of each field, and the headings as written for messages."""

    headings: list[str]
    number: int | None = None
    name: int | None = None
    given: int | None = None
    family: int | None = None
    klass: int | None = None
    vote: int | None = None
    status: int | None = None
    email: int | None = None
    extra: list[tuple[int, str]] = field(default_factory=list)
    unnamed: list[int] = field(default_factory=list)

    @property
    def width(self) -> int:
        return len(self.headings)

    def heading(self, index: int | None) -> str | None:
        return self.headings[index] if index is not None and index < len(self.headings) else None

    def found_headings(self) -> dict[str, str]:
        found = {}
        for name in ("number", "name", "given", "family", "klass", "vote", "status", "email"):
            index = getattr(self, name)
            if index is not None:
                found["class" if name == "klass" else name] = self.headings[index]
        return found


def header_score(cells: Sequence[str]) -> int:
    """How many distinct register fields a row's cells name; used to pick the delimiter and the sheet."""
    return len({_HEADING_TO_FIELD[n] for n in map(norm, cells) if n in _HEADING_TO_FIELD})


def _map_columns(cells: Sequence[str]) -> tuple[ColumnMap, list[Message]]:
    headings = [" ".join(c.replace("\ufeff", "").split()) for c in cells]
    while headings and not headings[-1]:
        headings.pop()
    columns = ColumnMap(headings)
    notes: list[Message] = []
    for index, heading in enumerate(headings):
        if not heading:
            columns.unnamed.append(index)
            continue
        key = _HEADING_TO_FIELD.get(norm(heading))
        attribute = "klass" if key == "class" else key
        if attribute is None:
            columns.extra.append((index, heading))
        elif getattr(columns, attribute) is None:
            setattr(columns, attribute, index)
        else:
            assert key is not None  # attribute is only set from a key
            first = headings[getattr(columns, attribute)]
            notes.append(message("register.note_column_kept_as_extra", heading=heading, first=first,
                                 field=field_words(key)))
            columns.extra.append((index, heading))
    return columns, notes


def find_header(
    rows: Sequence[tuple[int, Sequence[str]]], *, default_class: str | None, unit: Literal["line", "row"] = "line"
) -> tuple[ColumnMap, int, list[Message]] | Message:
    """Find the heading row among the first rows, or say in plain words why there is none."""
    non_blank = [(line, cells) for line, cells in rows if any(c.strip() for c in cells)]
    if not non_blank:
        return message("register.file_empty")
    best: tuple[ColumnMap, int, list[Message], list[str]] | None = None
    for line, cells in non_blank:
        columns, notes = _map_columns(cells)
        missing = []
        if columns.number is None:
            missing.append("number")
        if columns.name is None and (columns.given is None or columns.family is None):
            missing.append("name")
        if columns.klass is None and default_class is None:
            missing.append("class")
        if not missing:
            if line != non_blank[0][0]:
                notes.insert(0, message("register.note_headings_below_rows", line=line, above=line - 1) if unit == "row"
                             else message("register.note_headings_below_lines", line=line, above=line - 1))
            if columns.klass is None:
                notes.append(message("register.note_no_class_column", code=default_class))
            return columns, line, notes
        if best is None or len(missing) < len(best[3]):
            best = (columns, line, notes, missing)
    assert best is not None
    columns, line, _, missing = best
    found: str | Message = ", ".join(f"“{h}”" for h in columns.headings if h) or message("register.none_found")
    return message("register.no_headings_found", wanted=[field_words(m) for m in missing], where=at(unit, line),
                   found=found)
