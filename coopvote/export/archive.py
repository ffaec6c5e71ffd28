"""Export a meeting's whole record as one zip a scrutineer can check without coopvote's database.

Everything in the archive is read from one consistent copy of the meeting file (SQLite's backup API),
so results.json, the ballots, the audit log and the copy itself describe the same moment even while
tellers are still scanning. The ballots CSVs name papers (item, class, serial, marks), never members;
the serial is kept so a scrutineer can find a physical paper, and nothing in the record links a serial
to a member. See docs/records.md for the layout and the verification codes.
"""

from __future__ import annotations

import io
import json
import os
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from coopvote import __version__
from coopvote.counting.blt import format_blt
from coopvote.errors import InputError, RecordError
from coopvote.export.backup import sqlite_snapshot
from coopvote.export.container import write_zip
from coopvote.export.content import (
    RESULTS_FORMAT,
    MeetingRecord,
    canonical_bytes,
    collect,
    meeting_digest,
    sha256_hex,
)
from coopvote.export.recount import election_of
from coopvote.record.audit import canonical_json

ARCHIVE_FORMAT = "coopvote-archive-1"
MEETING_FILE = "meeting.coopvote"


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    meeting_digest: str
    item_digests: dict[int, str]
    files: int
    size: int


def ballots_name(number: int) -> str:
    return f"ballots/item-{number:02d}.csv"


def blt_name(number: int) -> str:
    return f"blt/item-{number:02d}.blt"


def declaration_name(number: int) -> str:
    return f"declarations/item-{number:02d}.pdf"


def results_json(record: MeetingRecord) -> bytes:
    items = []
    for item in record.items:
        entry: dict[str, Any] = {
            "number": item.number,
            "definition": item.definition,
            "result": item.result,
            "declaration": item.declaration,
            "reconciliation": item.reconciliation,
            "ballots_file": ballots_name(item.number),
            "ballots_sha256": sha256_hex(item.csv_bytes),
            "digest": item.digest,
            "close_hash": item.close_hash,
        }
        if item.definition["kind"] == "election":
            entry["blt_file"] = blt_name(item.number)
        items.append(entry)
    body = {"format": RESULTS_FORMAT, "meeting": record.meeting, "items": items}
    return (json.dumps(json.loads(canonical_json(body)), ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def readme(record: MeetingRecord, digest: str, exported_at: str) -> bytes:
    name = record.meeting["name"]
    lines = [
        f"coopvote record of: {name['en']} / {name['cy']}",
        f"Meeting code: {record.code}    Exported: {exported_at} UTC    coopvote {__version__}",
        f"Verification code of this record (meeting digest): {digest}",
        "",
        "WHAT IS HERE",
        "  results.json        every agenda item: its definition (rule, seats, candidates, weighting,",
        "                      threshold, seed), the result as counted and as declared, the paper",
        "                      reconciliation, and the item's verification code (record digest).",
        "  ballots/item-NN.csv every returned paper: item, class, serial, valid, reason, marks.",
        "                      No member is named: nothing in this archive links a member to a serial.",
        "                      The serial lets a scrutineer find the physical paper.",
        "  blt/item-NN.blt     each election's weighted ballots in the BLT format other STV programs read.",
        "  declarations/       the declaration of each item as printed (PDF), with its verification code.",
        "  minutes.pdf         the minutes extract: every item and its outcome.",
        "  audit.jsonl         the meeting's hash-chained audit log, one entry per line.",
        f"  {MEETING_FILE:<19} a consistent copy of the meeting file (SQLite). It holds personal data",
        "                      (the register and attendance) and the key that sealed the ballot QR codes:",
        "                      keep the archive as you keep the register.",
        "  manifest.json       the SHA-256 of every other file, and the verification codes.",
        "",
        "HOW TO CHECK IT",
        "  coopvote verify THIS.zip [--code CODE]",
        "  recounts every item from the ballots CSVs and the definitions, compares with the declared",
        "  results, checks every hash, the audit chain and the zip itself, and names the first",
        "  discrepancy. --code checks a verification code printed on a declaration or the minutes,",
        "  or a close code: the code shown when each vote closed. A close code proves the audit log",
        "  (attendance, proxies, every paper) was not rewritten before that close, but only if it was",
        "  WRITTEN INTO THE MINUTES BY HAND at the meeting: check each handwritten close code with",
        "  coopvote verify THIS.zip --code CODE",
        "",
        "  By hand: sha256sum each file and compare with manifest.json; count the rows of a ballots",
        "  CSV by class and mark and compare with the declaration.",
        "",
        "CYMRAEG",
        "  Cofnod cyflawn y cyfarfod. I'w wirio: coopvote verify YR-ARCHIF.zip",
        "  Nid oes dim yma yn cysylltu aelod ag unrhyw bapur pleidleisio.",
        "  Gwiriwch bob cod cau a ysgrifennwyd â llaw yn y cofnodion: coopvote verify YR-ARCHIF.zip --code COD",
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


def build_archive(record: MeetingRecord, meeting_bytes: bytes | None, exported_at: str) -> tuple[bytes, str]:
    """The archive's bytes and its meeting digest, from a collected record."""
    from coopvote.reports.declaration import render_declaration
    from coopvote.reports.minutes import render_minutes

    results = results_json(record)
    ballots = {ballots_name(item.number): item.csv_bytes for item in record.items}
    digest = meeting_digest(results, ballots)
    members: list[tuple[str, bytes]] = [("README.txt", readme(record, digest, exported_at)), ("results.json", results)]
    members += sorted(ballots.items())
    for item in record.items:
        if item.definition["kind"] == "election":
            election, _options = election_of(item.definition, item.ballots)
            members.append((blt_name(item.number), format_blt(election).encode("utf-8")))
    for item in record.items:
        members.append((declaration_name(item.number), render_declaration(record, item)))
    members.append(("minutes.pdf", render_minutes(record, digest)))
    members.append(("audit.jsonl", "".join(canonical_json(e) + "\n" for e in record.audit).encode("utf-8")))
    if meeting_bytes is not None:
        members.append((MEETING_FILE, meeting_bytes))
    manifest = {
        "format": ARCHIVE_FORMAT,
        "meeting": record.code,
        "exported_at": exported_at,
        "coopvote_version": __version__,
        "meeting_digest": digest,
        "item_digests": {str(item.number): item.digest for item in record.items},
        "files": {name: {"sha256": sha256_hex(data), "bytes": len(data)} for name, data in members},
    }
    members.append(("manifest.json", canonical_bytes(manifest) + b"\n"))
    return write_zip(members, f"coopvote archive {record.code} {digest}".encode("ascii")), digest


def export_meeting(meeting: str | os.PathLike[str], out: str | os.PathLike[str]) -> ExportSummary:
    """Write the archive for the meeting file ``meeting`` to ``out`` (atomically: all or nothing)."""
    from coopvote.service import MeetingService

    source = Path(meeting)
    target = Path(out)
    if target.suffix.lower() != ".zip":
        raise InputError(f"{target}: the archive should be a .zip file")
    exported_at = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S")
    with tempfile.TemporaryDirectory(prefix="coopvote-export-") as work:
        copy = Path(work) / MEETING_FILE
        sqlite_snapshot(source, copy)
        meeting_bytes = copy.read_bytes()
        service = MeetingService.open(copy, actor="export", station="export")
        try:
            record = collect(service)
        finally:
            service.close()
    data, digest = build_archive(record, meeting_bytes, exported_at)
    partial = target.with_name(f".{target.name}.partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(partial, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, target)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise RecordError(f"{target}: the archive could not be written ({error.strerror})") from error
    files = len(zipfile.ZipFile(io.BytesIO(data)).namelist())
    return ExportSummary(target, digest, {item.number: item.digest for item in record.items}, files, len(data))
