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
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from coopvote.errors import InputError
from coopvote.record.audit import canonical_json, entry_as_dict
from coopvote.record.models import AgendaItem, AuditEntry, Declaration, MembershipClass, RecordedBallot
from coopvote.service.results import result_summary
from coopvote.service.views import ItemView, MeetingView

CSV_HEADER = ("item", "class", "serial", "valid", "reason", "marks")
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


def ballots_csv(rows: list[BallotRow]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    for row in sorted(rows, key=lambda r: (r.item, r.serial)):
        writer.writerow(
            [row.item, row.class_code, row.serial, "1" if row.valid else "0", row.reason, " ".join(map(str, row.marks))]
        )
    return buffer.getvalue().encode("utf-8")


def read_ballots_csv(data: bytes, source: str) -> list[BallotRow]:
    """Read a ballots CSV back; any row that is not as the exporter writes it is an InputError naming it."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InputError(f"{source}: not UTF-8 text (byte {error.start})") from None
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise InputError(f"{source}: empty file") from None
    except csv.Error as error:
        raise InputError(f"{source}, line 1: {error}") from None
    if tuple(header) != CSV_HEADER:
        raise InputError(f"{source}, line 1: the header should be {','.join(CSV_HEADER)}")
    rows: list[BallotRow] = []
    line = 1
    try:
        for record in reader:
            line += 1
            if len(record) != len(CSV_HEADER):
                raise InputError(f"{source}, line {line}: expected {len(CSV_HEADER)} fields, found {len(record)}")
            item, code, serial, valid, reason, marks = record
            if valid not in ("0", "1") or not item.isdigit() or not serial.isdigit():
                raise InputError(f"{source}, line {line}: item, serial and valid must be whole numbers")
            try:
                numbers = tuple(int(mark) for mark in marks.split())
            except ValueError:
                raise InputError(f"{source}, line {line}: marks {marks!r} are not whole numbers") from None
            rows.append(BallotRow(int(item), code, int(serial), valid == "1", reason, numbers))
    except csv.Error as error:
        raise InputError(f"{source}, line {line}: {error}") from None
    return rows


def item_definition(meeting: MeetingView, item: ItemView) -> dict[str, Any]:
    """Everything a recount needs besides the ballots: rule, seats, candidates, weighting, settings.

    The item's status is left out on purpose: it changes when the result is declared, and the record
    digest must not.
    """
    return {
        "number": item.number,
        "kind": item.kind,
        "title": {"cy": item.title_cy, "en": item.title_en},
        "text": {"cy": item.text_cy, "en": item.text_en},
        "special": item.special,
        "threshold": item.threshold,
        "by_head": item.by_head,
        "method": item.method,
        "seats": item.seats,
        "max_marks": item.max_marks,
        "candidates": [
            {"position": c.position, "name": c.name, "class": c.class_code, "withdrawn": c.withdrawn}
            for c in item.candidates
        ],
        "settings": dict(item.settings),
        "classes": [c.code for c in meeting.classes],
        "weighting": dict(meeting.weighting),
        "rules": dict(meeting.rules),
    }


def item_digest(meeting_code: str, definition: dict[str, Any], result: dict[str, Any] | None, csv_bytes: bytes) -> str:
    body = {
        "format": "coopvote-item-digest-1",
        "meeting": meeting_code,
        "item": definition["number"],
        "definition": definition,
        "result": result,
        "ballots_sha256": sha256_hex(csv_bytes),
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

    @property
    def code(self) -> str:
        return str(self.meeting["code"])

    def item(self, number: int) -> ItemRecord:
        for item in self.items:
            if item.number == number:
                return item
        raise InputError(f"the record has no item {number}; items: {', '.join(str(i.number) for i in self.items)}")


def meeting_header(view: MeetingView) -> dict[str, Any]:
    return {
        "code": view.code,
        "name": {"cy": view.name_cy, "en": view.name_en},
        "society": {"cy": view.society_cy, "en": view.society_en},
        "date": view.held_on.isoformat() if view.held_on else None,
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
        for ballot, number in session.execute(
            select(RecordedBallot, AgendaItem.number).join(AgendaItem, AgendaItem.id == RecordedBallot.item_id)
        ).all():
            rows.setdefault(number, []).append(
                BallotRow(number, classes[ballot.class_id], ballot.serial, bool(ballot.valid), ballot.reject_reason or "",
                          tuple(int(m) for m in ballot.marks))
            )
        if audit:
            record.audit = [
                entry_as_dict(e)
                for e in session.scalars(
                    select(AuditEntry).where(AuditEntry.meeting_id == service.record.meeting_id).order_by(AuditEntry.sequence)
                )
            ]
    for number in wanted:
        item_view = view.item(number)
        definition = item_definition(view, item_view)
        counted = service.results.item_result(number)
        definition["show_of_hands"] = _jsonable(counted.show_of_hands)
        if counted.directed:
            definition["directed"] = counted.directed  # directed proxy votes: a tally per class, no serial, no member
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
        ballots = rows.get(number, [])
        item = ItemRecord(definition, summary, declaration, reconciliation, ballots, ballots_csv(ballots))
        item.digest = item_digest(record.code, definition, _jsonable(item.declared_result), item.csv_bytes)
        record.items.append(item)
    return record


def _jsonable(value: Any) -> Any:
    """The value exactly as it reads back from canonical JSON (tuples become lists, keys text)."""
    import json

    return json.loads(canonical_json(value))
