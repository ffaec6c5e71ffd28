"""What a meeting's record holds, as plain data: item definitions, ballots, results, digests.

The declarations, the exported archive and the verifier must agree byte for byte on what an item's
record is, so it is built in one place. Everything here is JSON-ready (Fractions as text) and written
in one canonical form, so the same record always hashes the same.

The verification code printed on a declaration is the item's *record digest*: the SHA-256 of the
item's definition, its declared result and the SHA-256 of its ballots CSV. It is fixed once the vote
is closed and declared, so a declaration printed in the hall carries the same code as the copy in an
archive exported later; the archive's own code (the *meeting digest*) covers results.json and every
ballots CSV. See docs/records.md.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

from sqlalchemy import select

from coopvote.counting.weighting import WeightingScheme
from coopvote.errors import InputError
from coopvote.record.audit import canonical_json, entry_as_dict
from coopvote.record.ledger import close_entries
from coopvote.record.models import (
    AgendaItem,
    AuditEntry,
    BallotPaper,
    Declaration,
    MembershipClass,
    PaperBatch,
    RecordedBallot,
)
from coopvote.service.definition import item_definition as definition_of
from coopvote.service.results import result_summary
from coopvote.service.views import ItemView, MeetingView

CSV_HEADER = ("item", "class", "serial", "valid", "reason", "marks")
BAND_CSV_HEADER = (*CSV_HEADER, "value")
"""An item counted by members' own values adds each paper's band value (exact, e.g. ``5`` or ``5/2``);
every other item keeps the six columns, so its archive is unchanged."""
RESULTS_FORMAT = "coopvote-results-1"


def sha256_hex(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def canonical_bytes(value: Any) -> bytes:
    return canonical_json(value).encode("utf-8")


@dataclass(frozen=True)
class BallotRow:
    """One returned paper as exported: no member, no station, no time; just the paper and its marks."""

    item: int
    class_code: str
    serial: int
    valid: bool
    reason: str
    marks: tuple[int, ...]
    value: Fraction | None = None
    """The paper's band value (``per_member``): what the paper counts before class weighting."""


def scheme_of(definition: dict[str, Any]) -> WeightingScheme:
    """The item's weighting as counted: the meeting's, with the item's own override (the recount's too)."""
    override = definition.get("settings", {}).get("weighting")
    return WeightingScheme.from_mapping(definition.get("weighting", {}), override if isinstance(override, dict) else None)


def published_ballots(definition: dict[str, Any], rows: list[BallotRow], groups: dict[str, str]) -> list[BallotRow]:
    """The papers as published: a small class's papers carry their merged group, not the class, wherever
    the weight of a paper does not depend on its class (so the recount is the same; export/recount.py)."""
    from dataclasses import replace

    from coopvote.counting.privacy import weight_ignores_class

    if all(label == code for code, label in groups.items()) or not weight_ignores_class(scheme_of(definition)):
        return rows
    return [replace(row, class_code=groups.get(row.class_code, row.class_code)) for row in rows]


def published_directed(
    definition: dict[str, Any], directed: dict[str, dict[str, int]], groups: dict[str, str]
) -> dict[str, dict[str, int]]:
    """The directed tally as published: summed into a small class's group by the same rule as the papers."""
    from coopvote.counting.privacy import weight_ignores_class

    if all(label == code for code, label in groups.items()) or not weight_ignores_class(scheme_of(definition)):
        return directed
    merged: dict[str, dict[str, int]] = {}
    for code, counts in directed.items():
        row = merged.setdefault(groups.get(code, code), {})
        for key, count in counts.items():
            row[key] = row.get(key, 0) + int(count)
    return {label: dict(sorted(row.items())) for label, row in sorted(merged.items())}


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""A cell beginning with one of these is run as a formula when the CSV is opened in a spreadsheet."""


def ballots_csv(rows: list[BallotRow]) -> bytes:
    """The ballots CSV. Every cell comes from a closed alphabet (numbers, class codes, reason names), so
    no cell can begin a spreadsheet formula; that is checked here rather than escaped, because an escape
    would change the record's bytes and its verification code."""
    banded = any(row.value is not None for row in rows)
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(BAND_CSV_HEADER if banded else CSV_HEADER)
    for row in sorted(rows, key=lambda r: (r.item, r.serial)):
        cells = [str(row.item), row.class_code, str(row.serial), "1" if row.valid else "0", row.reason,
                 " ".join(map(str, row.marks))]
        if banded:
            cells.append("" if row.value is None else str(row.value))
        for heading, cell in zip(BAND_CSV_HEADER, cells, strict=False):
            if cell.startswith(FORMULA_STARTS):
                raise InputError("export.formula_cell", item=row.item, serial=row.serial, heading=heading,
                                 cell=cell[:40])
        writer.writerow(cells)
    return buffer.getvalue().encode("utf-8")


def read_ballots_csv(data: bytes, source: str) -> list[BallotRow]:
    """Read a ballots CSV back; any row that is not as the exporter writes it is an InputError naming it."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError("export.csv_not_utf8", source=source, byte=error.start) from None
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise InputError("export.csv_empty", source=source) from None
    except csv.Error as error:
        raise InputError("export.csv_line_problem", source=source, line=1, detail=error) from None
    if tuple(header) not in (CSV_HEADER, BAND_CSV_HEADER):
        raise InputError("export.csv_header", source=source, header=",".join(CSV_HEADER))
    width = len(header)
    rows: list[BallotRow] = []
    line = 1
    try:
        for record in reader:
            line += 1
            if len(record) != width:
                raise InputError("export.csv_width", source=source, line=line, width=width, found=len(record))
            item, code, serial, valid, reason, marks = record[:6]
            value = _band_value(record[6], source, line) if width == len(BAND_CSV_HEADER) else None
            if valid not in ("0", "1") or not item.isdigit() or not serial.isdigit():
                raise InputError("export.csv_numbers", source=source, line=line)
            try:
                numbers = tuple(int(mark) for mark in marks.split())
            except ValueError:
                raise InputError("export.csv_marks", source=source, line=line, marks=marks) from None
            rows.append(BallotRow(int(item), code, int(serial), valid == "1", reason, numbers, value))
    except csv.Error as error:
        raise InputError("export.csv_line_problem", source=source, line=line, detail=error) from None
    return rows


def _band_value(text: str, source: str, line: int) -> Fraction | None:
    """A paper's value as the exporter writes it: blank, or an exact fraction above 0 (``5``, ``5/2``)."""
    if not text:
        return None
    if not re.fullmatch(r"[1-9][0-9]*(/[1-9][0-9]*)?", text):
        raise InputError("export.csv_value", source=source, line=line, text=text)
    value = Fraction(text)
    if str(value) != text:
        raise InputError("export.csv_value_terms", source=source, line=line, text=text, value=value)
    return value


def item_definition(meeting: MeetingView, item: ItemView) -> dict[str, Any]:
    """Everything a recount needs besides the ballots (``service.definition``: the close seals the same shape)."""
    return definition_of(item, [c.code for c in meeting.classes], meeting.weighting, meeting.rules)


def item_digest(
    meeting_code: str, definition: dict[str, Any], result: dict[str, Any] | None, csv_bytes: bytes, close_hash: str = ""
) -> str:
    """The item's record digest. It names the close entry too, whose hash covers digests of the papers, so the
    code on a declaration and the close code written down at the meeting vouch for the same papers."""
    body = {
        "format": "coopvote-item-digest-2",
        "meeting": meeting_code,
        "item": definition["number"],
        "definition": definition,
        "result": result,
        "ballots_sha256": sha256_hex(csv_bytes),
        "close_hash": close_hash,
    }
    return sha256_hex(canonical_bytes(body))


def meeting_digest(results_json: bytes, ballot_files: dict[str, bytes]) -> str:
    """The archive's verification code: results.json and every ballots CSV, by name."""
    body = {
        "format": "coopvote-meeting-digest-1",
        "results.json": sha256_hex(results_json),
        "ballots": {name: sha256_hex(data) for name, data in sorted(ballot_files.items())},
    }
    return sha256_hex(canonical_bytes(body))


def short_code(digest: str) -> str:
    """The printed verification code: the first 16 hex digits in groups of four, upper case."""
    head = digest[:16].upper()
    return " ".join(head[i : i + 4] for i in range(0, 16, 4))


def qr_payload(meeting_code: str, item: int | None, digest: str) -> str:
    """QR alphanumeric text: ``CVD1-<MEETING>-<ITEM or M>-<DIGEST>``."""
    return f"CVD1-{meeting_code}-{item if item is not None else 'M'}-{digest.upper()}"


@dataclass
class ItemRecord:
    definition: dict[str, Any]
    result: dict[str, Any]
    declaration: dict[str, Any] | None
    reconciliation: list[dict[str, Any]]
    ballots: list[BallotRow]
    csv_bytes: bytes = b""
    digest: str = ""
    close_hash: str = ""
    """Hash of the audit entry that (last) closed the vote: the head witnessed at the close ('' while open)."""
    close_entry: dict[str, Any] | None = None
    """That whole entry (no secret: the close's time and station, and digests of the papers as published),
    so the close code can be checked against an archive that has no audit log."""

    @property
    def number(self) -> int:
        return int(self.definition["number"])

    @property
    def declared_result(self) -> dict[str, Any]:
        """The result as declared, or the current count when the item has not been declared yet."""
        return self.declaration["result"] if self.declaration else self.result


@dataclass
class MeetingRecord:
    meeting: dict[str, Any]
    items: list[ItemRecord] = field(default_factory=list)
    audit: list[dict[str, Any]] = field(default_factory=list)
    desk_audit: list[dict[str, Any]] = field(default_factory=list)
    """The desk chain's entries, always read: the minutes count attendance, proxies and the quorum at each
    opening from them, even when the whole log (``audit``) is not asked for."""
    rehearsals: list[dict[str, Any]] = field(default_factory=list)
    """Each rehearsal run (service/rehearsal.py): when, passed or not, sheets, problems; for the reports."""

    @property
    def code(self) -> str:
        return str(self.meeting["code"])

    def item(self, number: int) -> ItemRecord:
        for item in self.items:
            if item.number == number:
                return item
        raise InputError("export.no_item", item=number, items=", ".join(str(i.number) for i in self.items))



def meeting_header(view: MeetingView) -> dict[str, Any]:
    return {
        "code": view.code,
        "name": {"cy": view.name_cy, "en": view.name_en},
        "society": {"cy": view.society_cy, "en": view.society_en},
        "date": view.held_on.isoformat() if view.held_on else None,
        "notice_given": view.notice_given_on.isoformat() if view.notice_given_on else None,
        "place": view.place,
        "classes": [
            {"code": c.code, "name": {"cy": c.name_cy, "en": c.name_en}, "colour": c.colour} for c in view.classes
        ],
        "weighting": dict(view.weighting),
        "rules": dict(view.rules),
    }


def collect(service: Any, items: list[int] | None = None, *, audit: bool = True) -> MeetingRecord:
    """Read the record of a meeting through its service (one consistent read per part)."""
    view: MeetingView = service.setup.meeting()
    record = MeetingRecord(meeting_header(view))
    wanted = [i.number for i in view.items] if items is None else items
    with service.record.reading() as session:
        classes = {c.id: c.code for c in session.scalars(select(MembershipClass))}
        declared = {
            number: (d.result, d.declared_by, d.declared_at)
            for d, number in session.execute(
                select(Declaration, AgendaItem.number).join(AgendaItem, AgendaItem.id == Declaration.item_id)
            ).all()
        }
        rows: dict[int, list[BallotRow]] = {}
        bands = {
            (item_id, serial): value
            for item_id, serial, value in session.execute(
                select(BallotPaper.item_id, BallotPaper.serial, PaperBatch.band_value)
                .join(PaperBatch, PaperBatch.id == BallotPaper.batch_id)
                .where(PaperBatch.band_value.is_not(None))
            ).all()
        }
        for ballot, number in session.execute(
            select(RecordedBallot, AgendaItem.number).join(AgendaItem, AgendaItem.id == RecordedBallot.item_id)
        ).all():
            rows.setdefault(number, []).append(
                BallotRow(number, classes[ballot.class_id], ballot.serial, bool(ballot.valid), ballot.reject_reason or "",
                          tuple(int(m) for m in ballot.marks), bands.get((ballot.item_id, ballot.serial)))
            )
        entries = [
            entry_as_dict(e)
            for e in session.scalars(
                select(AuditEntry)
                .where(AuditEntry.meeting_id == service.record.meeting_id)
                .order_by(AuditEntry.chain.desc(), AuditEntry.sequence)
            )
        ]
        closes = close_entries(entries)
        record.rehearsals = [
            {"at": e["at"], "passed": bool(e["details"].get("passed")), "sheets": e["details"].get("sheets", 0),
             "problems": e["details"].get("problem_count", 0)}
            for e in entries if e["action"] == "rehearsal run"
        ]
        record.desk_audit = [e for e in entries if e.get("chain", "desk") == "desk"]
        if audit:
            record.audit = entries
    for number in wanted:
        item_view = view.item(number)
        definition = item_definition(view, item_view)
        counted = service.results.item_result(number)
        definition["show_of_hands"] = _jsonable(counted.show_of_hands)
        if counted.directed:
            # Directed proxy votes: a tally per class, no serial, no member; small classes merged like the papers.
            definition["directed"] = published_directed(definition, counted.directed, counted.class_groups)
        if counted.advance_serials:
            definition["advance_serials"] = list(counted.advance_serials)
        summary = _jsonable(result_summary(counted))
        declaration = None
        if number in declared:
            result, by, at = declared[number]
            declaration = {"result": result, "declared_by": by, "declared_at": at.isoformat(timespec="seconds")}
        reconciliation = [
            {
                "class": r.class_code, "printed": r.printed, "issued": r.issued, "spoilt": r.spoilt,
                "returned": r.returned, "valid": r.valid, "rejected": r.rejected, "not_returned": r.not_returned,
                "problems": list(r.problems), **({"sources": r.sources} if r.sources else {}),
            }
            for r in service.results.reconciliation(number)
        ]  # fmt: skip
        ballots = published_ballots(definition, rows.get(number, []), counted.class_groups)
        item = ItemRecord(definition, summary, declaration, reconciliation, ballots, ballots_csv(ballots))
        closed = closes.get(number)
        if closed is not None:
            item.close_entry = _jsonable(closed)
            item.close_hash = str(closed["entry_hash"])
        item.digest = item_digest(record.code, definition, _jsonable(item.declared_result), item.csv_bytes, item.close_hash)
        record.items.append(item)
    return record


def _jsonable(value: Any) -> Any:
    """The value exactly as it reads back from canonical JSON (tuples become lists, keys text)."""
    import json

    return json.loads(canonical_json(value))
