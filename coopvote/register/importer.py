"""Reading a co-operative's membership register from CSV or XLSX, for a preview and then an import.

The register usually comes from whoever keeps the membership list, in whatever their spreadsheet wrote:
UTF-8 with or without a byte-order mark, Windows-1252 from an old Excel, semicolons from a European
locale, headings in English or Welsh. Rather than insisting on one format we read what they have, and
report every problem at once, with the line a person sees in their editor (heading = line 1), so that
the list can be fixed in one pass. Nothing here touches the database: the service layer imports the
rows only when ``RegisterPreview.ok`` is true, which makes the import all-or-nothing.

Content problems never raise: arbitrary bytes give a preview with errors. Only a file that cannot be
opened raises ``InputError``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from fractions import Fraction
from pathlib import Path
from typing import Literal

from coopvote.ballots.qrcodec import card_number_problem
from coopvote.errors import InputError
from coopvote.messages import Bilingual, Message, message
from coopvote.register.columns import ColumnMap, find_header, norm, status_lookup
from coopvote.register.model import Record, RegisterPreview, RegisterRow, RowProblem, Status, at
from coopvote.register.sample import sample_members, write_sample_register
from coopvote.register.text import cell_text, clean, parse_vote_value, read_csv_records
from coopvote.register.xlsx import read_xlsx_rows

__all__ = [
    "RegisterPreview",
    "RegisterRow",
    "RowProblem",
    "Status",
    "read_register",
    "sample_members",
    "write_sample_register",
]

HEADER_SEARCH_ROWS = 20
"""A title or a note above the headings is common in exported spreadsheets; look this far down."""

_XLS_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


ClassNames = Mapping[str, "str | Sequence[str]"]

MAX_NAME_CHARS = 300
"""Longer than any person's name; a cell of megabytes would otherwise be carried into every list."""


def read_register(
    source: str | os.PathLike[str] | bytes,
    *,
    known_classes: ClassNames | None = None,
    filename: str | None = None,
) -> RegisterPreview:
    """Read a register file (path or its bytes) into a preview; never raises for bad content.

    ``known_classes`` maps class code to its name, or to several names (English and Welsh, or one
    string "People supported / Pobl a gefnogir"). A class cell may hold the code or any name, in any
    case. With ``None`` any non-empty class code is accepted as written (for tools and tests).
    """
    if isinstance(source, bytes | bytearray):
        data = bytes(source)
        name = filename or "register"
    else:
        path = Path(source)
        name = filename or path.name
        try:
            data = path.read_bytes()
        except OSError as error:
            raise InputError("register.unreadable", path=path, detail=error.strerror or error) from error
    if data.startswith(b"PK\x03\x04") or (name.lower().endswith((".xlsx", ".xlsm")) and data):
        preview = RegisterPreview(filename=name, format="xlsx")
        _fill(preview, read_xlsx_rows(data, preview), known_classes)
        return preview
    preview = RegisterPreview(filename=name, format="csv")
    if data.startswith(_XLS_MAGIC):
        _whole_file(preview, message("register.old_xls"))
        return preview
    _fill(preview, read_csv_records(data, preview), known_classes)
    return preview


def _whole_file(preview: RegisterPreview, reason: Message) -> None:
    preview.errors.append(RowProblem(None, None, reason, preview.filename))


def _fill(preview: RegisterPreview, records: Iterable[Record] | None, known: ClassNames | None) -> None:
    """Turn records into rows and problems; shared by CSV and XLSX so both mean the same thing."""
    if records is None:  # the reader already reported why the file cannot be read
        return
    unit: Literal["line", "row"] = "row" if preview.format == "xlsx" else "line"
    it = iter(records)
    head: list[Record] = []
    for record in it:
        head.append(record)
        if len(head) >= HEADER_SEARCH_ROWS:
            break
    single_class = _single_class(known)
    found = find_header([(r[0], [cell_text(v) for v in r[2]]) for r in head], default_class=single_class, unit=unit)
    if isinstance(found, Message):
        _whole_file(preview, found)
        return
    columns, header_line, notes = found
    preview.columns = columns.found_headings()
    preview.warnings.extend(notes)
    builder = _RowBuilder(preview, columns, known, single_class, unit)
    for first, last, cells in _chain(head, it):
        if first > header_line:
            builder.add(first, last, cells)
    builder.finish()


def _chain(head: list[Record], rest: Iterator[Record]) -> Iterator[Record]:
    yield from head
    yield from rest


def _single_class(known: ClassNames | None) -> str | None:
    return next(iter(known)) if known is not None and len(known) == 1 else None


def _listing_of_classes(known: ClassNames | None) -> Bilingual | Message:
    """"PS (People supported), EMP (Employees)": what an unknown-class message offers instead.

    A class given as (English name, Welsh name) is listed by its Welsh name in the Welsh sentence."""
    if not known:
        return message("register.no_classes")
    listings = []
    for welsh in (True, False):
        parts = []
        for code, names in known.items():
            alternatives = [names] if isinstance(names, str) else [name for name in names if name]
            shown = alternatives[1] if welsh and len(alternatives) > 1 else next(iter(alternatives), "")
            parts.append(f"{code} ({shown})" if shown and norm(shown) != norm(code) else code)
        listings.append(", ".join(parts))
    return Bilingual(*listings)


def _class_lookup(known: ClassNames | None) -> dict[str, str] | None:
    """Normalised code or name -> code. Codes win over names if a name happens to equal another code."""
    if known is None:
        return None
    lookup: dict[str, str] = {}
    for code, names in known.items():
        alternatives = [names] if isinstance(names, str) else list(names)
        for name in alternatives:
            for part in [name, *name.split("/")]:
                if norm(part):
                    lookup.setdefault(norm(part), code)
    for code in known:
        lookup[norm(code)] = code
    return lookup


class _RowBuilder:
    """Checks one record at a time; keeps only dictionaries on the hot path (50,000 rows in well under 1 s)."""

    def __init__(
        self,
        preview: RegisterPreview,
        columns: ColumnMap,
        known: ClassNames | None,
        single_class: str | None,
        unit: Literal["line", "row"],
    ) -> None:
        self.preview = preview
        self.cols = columns
        self.classes = _class_lookup(known)
        self.single_class = single_class
        self.unit = unit
        self.seen: dict[str, int] = {}
        self.votes: dict[str, Fraction | Message] = {}
        self.class_cache: dict[str, str] = {}
        self.combos: dict[tuple[str, str, str], tuple[str, Fraction, Status, bool]] = {}
        """(class, vote, status) as written -> checked values: most rows repeat a handful of these."""
        self.blank_lines: list[int] = []
        self.ignored_lines: list[int] = []
        self.repeated_headings: list[int] = []
        self.first_heading = columns.headings[0] if columns.headings else ""
        self.zero_votes = 0
        self.unnamed = columns.unnamed
        empty = columns.width

        def at(index: int | None) -> int:
            return empty if index is None else index

        uses_split_name = columns.name is None
        self.index = (at(columns.number), at(columns.name), at(columns.given) if uses_split_name else -1,
                      at(columns.family), at(columns.klass), at(columns.status), at(columns.email))
        self.h_number = columns.heading(columns.number)
        self.h_name = columns.heading(columns.name) or " + ".join(
            h for h in (columns.heading(columns.given), columns.heading(columns.family)) if h)
        self.known_listing = _listing_of_classes(known)

    def problem(self, line: int, column: str | None, reason: Message) -> None:
        self.preview.errors.append(RowProblem(line, column, reason, self.preview.filename, self.unit))

    def add(self, first: int, last: int, cells: Sequence[object]) -> None:
        texts: list[str] = cells if self.unit == "line" else [cell_text(v) for v in cells]  # type: ignore[assignment]
        if not "".join(texts).strip():
            self.blank_lines.append(first)
            return
        width = self.cols.width
        if texts[0] == self.first_heading and [clean(t) for t in texts[:width]] == self.cols.headings:
            self.repeated_headings.append(first)  # registers pasted together repeat their headings
            return
        if len(texts) > width:
            if "".join(texts[width:]).strip():
                if self.unit == "line":
                    self.problem(first, None, message("register.too_many_values", values=len(texts), width=width,
                                                      delimiter=self.preview.delimiter or ","))
                    return
                self.ignored_lines.append(first)
            texts = texts[:width]
        if len(texts) == width:
            texts.append("")  # index ``width`` is an always-empty column for fields the file lacks
        else:
            texts = [*texts, *[""] * (width + 1 - len(texts))]
        if self.unnamed and "".join(texts[i] for i in self.unnamed).strip():
            self.ignored_lines.append(first)
        if last > first and self._multiline(first, last, texts):
            return  # an unclosed quote: every other complaint about this record would be noise
        errors_before = len(self.preview.errors)
        i_number, i_name, i_given, i_family, i_class, i_status, i_email = self.index
        number = clean(texts[i_number])
        name = clean(texts[i_name] if i_given < 0 else f"{texts[i_given]} {texts[i_family]}")
        raw_class = clean(texts[i_class])
        if not (number.isprintable() and name.isprintable() and raw_class.isprintable()):
            self._invisible(first, number, name, raw_class)
        if not number:
            self.problem(first, self.h_number, message("register.number_empty"))
        else:
            key = number.casefold()
            earlier = self.seen.get(key)
            if earlier is not None:
                self.problem(first, self.h_number,
                             message("register.number_duplicate", number=number, earlier=at(self.unit, earlier)))
            else:
                self.seen[key] = first
            unprintable = card_number_problem(number)
            if unprintable:
                self.problem(first, self.h_number, unprintable)
        if not name:
            self.problem(first, self.h_name, message("register.name_empty"))
        elif len(name) > MAX_NAME_CHARS:
            self.problem(first, self.h_name, message("register.name_too_long", length=len(name), limit=MAX_NAME_CHARS))
        vote_index = self.cols.vote
        raw_vote = None if vote_index is None or vote_index >= len(cells) else cells[vote_index]
        combo_key = (raw_class, raw_vote if isinstance(raw_vote, str) else repr(raw_vote), texts[i_status])
        combo = self.combos.get(combo_key)
        if combo is None:
            class_code = self._class(first, raw_class)
            vote = self._vote(first, raw_vote)
            status = self._status(first, clean(texts[i_status]))
            if class_code is None or vote is None or status is None:
                return
            combo = (class_code, vote, status, vote == 0)
            if len(self.combos) < 10_000:
                self.combos[combo_key] = combo
        class_code, vote, status, zero_vote = combo
        if len(self.preview.errors) != errors_before:
            return
        if zero_vote:
            self.zero_votes += 1
        email = clean(texts[i_email]) or None
        extra = {h: clean(texts[i]) for i, h in self.cols.extra if texts[i].strip()} if self.cols.extra else {}
        self.preview.rows.append(RegisterRow(first, number, name, class_code, vote, status, email, extra))

    def _invisible(self, line: int, number: str, name: str, raw_class: str) -> None:
        for column, value in ((self.h_number, number), (self.h_name, name), (self.cols.heading(self.cols.klass),
                                                                               raw_class)):
            bad = next((ch for ch in value if not ch.isprintable()), None)
            if bad is not None:
                self.problem(line, column, message("register.invisible_character", code=f"{ord(bad):04X}"))

    def _multiline(self, first: int, last: int, texts: list[str]) -> bool:
        """Report values that run over lines; True if one is a core field (then the row is unusable)."""
        core = {self.cols.number, self.cols.name, self.cols.given, self.cols.family, self.cols.klass,
                self.cols.vote, self.cols.status}
        broken = False
        for index, text in enumerate(texts):
            if "\n" in text or "\r" in text:
                heading = self.cols.heading(index)
                if index in core:
                    broken = True
                    self.problem(first, heading, message("register.value_runs_over_lines", first=first, last=last))
                else:
                    self.preview.warnings.append(message("register.note_value_runs_over", first=first, heading=heading,
                                                         last=last))
        return broken

    def _class(self, line: int, raw: str) -> str | None:
        if not raw:
            if self.cols.klass is None and self.single_class is not None:
                return self.single_class
            self.problem(line, self.cols.heading(self.cols.klass), message("register.class_empty"))
            return None
        if self.classes is None:
            return raw
        code = self.class_cache.get(raw)
        if code is None:
            code = self.classes.get(norm(raw))
            if code is not None and len(self.class_cache) < 1000:
                self.class_cache[raw] = code
        if code is None:
            self.problem(line, self.cols.heading(self.cols.klass),
                         message("register.unknown_class", raw=raw, classes=self.known_listing))
        return code

    def _vote(self, line: int, raw: object) -> Fraction | None:
        key = raw if isinstance(raw, str) else repr(raw)
        result = self.votes.get(key)
        if result is None:
            result = parse_vote_value(raw)
            self.votes[key] = result
        if isinstance(result, Message):
            self.problem(line, self.cols.heading(self.cols.vote), result)
            return None
        return result

    def _status(self, line: int, raw: str) -> Status | None:
        status = status_lookup(raw)
        if status is None:
            self.problem(line, self.cols.heading(self.cols.status), message("register.unknown_status", raw=raw))
        return status

    def finish(self) -> None:
        preview = self.preview
        if self.blank_lines:
            places = _listing(self.unit, self.blank_lines)
            count = len(self.blank_lines)
            preview.warnings.append(message("register.note_blank_rows_skipped", count=count, places=places)
                                    if self.unit == "row" else
                                    message("register.note_blank_lines_skipped", count=count, places=places))
        if self.repeated_headings:
            preview.warnings.append(message("register.note_headings_repeated",
                                            places=_listing(self.unit, self.repeated_headings)))
        if self.ignored_lines:
            preview.warnings.append(message("register.note_values_without_heading",
                                            places=_listing(self.unit, self.ignored_lines)))
        if self.zero_votes:
            preview.warnings.append(message("register.note_zero_votes", count=self.zero_votes))
        if not preview.rows and not preview.errors:
            _whole_file(preview, message("register.no_members_below_headings"))


def _listing(unit: Literal["line", "row"], lines: list[int], limit: int = 10) -> Message:
    """"line 4", "lines 4, 9 and 3 more", "rows 2, 5": where something was found, in the reader's language."""
    if len(lines) == 1:
        return at(unit, lines[0])
    shown = ", ".join(str(n) for n in lines[:limit])
    more: Message | str = message("register.and_more", more=len(lines) - limit) if len(lines) > limit else ""
    if unit == "row":
        return message("register.on_rows", shown=shown, more=more)
    return message("register.on_lines", shown=shown, more=more)
