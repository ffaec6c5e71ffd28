"""Export a meeting's record as two zips: a public archive anyone can recount, and a private one.

Everything is read from one consistent copy of the meeting file (SQLite's backup API), so results.json,
the ballots, the audit log and the copy itself describe the same moment even while tellers are still
scanning. The ballots CSVs name papers (item, class, serial, marks), never members; the serial is kept so
a scrutineer can find a physical paper.

The **public** archive holds what a recount needs and nothing that knows a member or a moment: no
register, no attendance, no audit log (its order and times are a timeline to line up with the desk's),
no copy of the meeting file and never the QR key; the manifest names the heads of both audit chains.
The **private** archive (``...-PRIVATE.zip``) adds the audit log and a copy of the meeting file with the
QR key wiped: it is for the returning officer. The working copy is made beside the target, never in the
system temp folder, and removed whatever happens. See docs/records.md.
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
from coopvote.export.container import write_zip
from coopvote.export.content import (
    RESULTS_FORMAT,
    MeetingRecord,
    canonical_bytes,
    collect,
    meeting_digest,
    sha256_hex,
)
from coopvote.export.readme import readme
from coopvote.export.recount import election_of
from coopvote.messages import message
from coopvote.record.audit import canonical_json
from coopvote.record.backup import sqlite_snapshot

ARCHIVE_FORMAT = "coopvote-archive-1"
MEETING_FILE = "meeting.coopvote"
PUBLIC = "public"
PRIVATE = "private"
PRIVATE_MARK = "PRIVATE"


@dataclass(frozen=True)
class ExportSummary:
    path: Path
    meeting_digest: str
    item_digests: dict[int, str]
    files: int
    size: int
    private_path: Path | None = None


def default_private_path(public: Path) -> Path:
    """``record.zip`` -> ``record-PRIVATE.zip``: the name itself says it is not for publishing."""
    return public.with_name(f"{public.stem}-{PRIVATE_MARK}{public.suffix}")


def audit_heads(audit: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The last entry of each chain, as the public manifest names them (a commitment, not a timeline)."""
    from coopvote.record.audit import CHAINS, GENESIS

    heads: dict[str, dict[str, Any]] = {chain: {"entries": 0, "entry_hash": GENESIS} for chain in CHAINS}
    for entry in audit:
        chain = str(entry.get("chain", "desk"))
        if int(entry["sequence"]) >= heads[chain]["entries"]:
            heads[chain] = {"entries": int(entry["sequence"]), "entry_hash": entry["entry_hash"]}
    return heads


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
            "close_entry": item.close_entry,
        }
        if item.definition["kind"] == "election":
            entry["blt_file"] = blt_name(item.number)
        items.append(entry)
    body = {"format": RESULTS_FORMAT, "meeting": record.meeting, "items": items}
    return (json.dumps(json.loads(canonical_json(body)), ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def build_archive(
    record: MeetingRecord, meeting_bytes: bytes | None, exported_at: str, kind: str = PRIVATE
) -> tuple[bytes, str]:
    """The archive's bytes and its meeting digest, from a collected record.

    A public archive leaves out the audit log and the meeting file whatever it is given.
    """
    from coopvote.reports.declaration import render_declaration
    from coopvote.reports.minutes import render_minutes

    results = results_json(record)
    ballots = {ballots_name(item.number): item.csv_bytes for item in record.items}
    digest = meeting_digest(results, ballots)
    members: list[tuple[str, bytes]] = [
        ("README.txt", readme(record, digest, exported_at, kind)),
        ("results.json", results),
    ]
    members += sorted(ballots.items())
    for item in record.items:
        if item.definition["kind"] == "election":
            election, _options = election_of(item.definition, item.ballots)
            members.append((blt_name(item.number), format_blt(election).encode("utf-8")))
    for item in record.items:
        members.append((declaration_name(item.number), render_declaration(record, item)))
    members.append(("minutes.pdf", render_minutes(record, digest)))
    if kind == PRIVATE:
        members.append(("audit.jsonl", "".join(canonical_json(e) + "\n" for e in record.audit).encode("utf-8")))
        if meeting_bytes is not None:
            members.append((MEETING_FILE, meeting_bytes))
    manifest: dict[str, Any] = {
        "format": ARCHIVE_FORMAT,
        "kind": kind,
        "meeting": record.code,
        "exported_at": exported_at,
        "coopvote_version": __version__,
        "meeting_digest": digest,
        "item_digests": {str(item.number): item.digest for item in record.items},
        "files": {name: {"sha256": sha256_hex(data), "bytes": len(data)} for name, data in members},
    }
    if kind == PUBLIC:
        manifest["audit_heads"] = audit_heads(record.audit)
    members.append(("manifest.json", canonical_bytes(manifest) + b"\n"))
    return write_zip(members, f"coopvote archive {record.code} {digest}".encode("ascii")), digest


def wipe_secret(copy: Path) -> None:
    """Overwrite the QR key in a copy of the meeting (and the freed pages it was on): the key never leaves
    the meeting file, so a code for an open vote cannot be forged from an export."""
    import sqlite3

    database = sqlite3.connect(copy)
    try:
        database.execute("PRAGMA secure_delete=ON")
        database.execute("UPDATE meeting SET secret = zeroblob(32)")
        database.commit()
        database.execute("VACUUM")
        # Opening the copy as a meeting put it in WAL mode; the archived copy is one self-contained file.
        database.execute("PRAGMA journal_mode=DELETE")
    finally:
        database.close()


def _write_atomically(target: Path, data: bytes, failed: str) -> None:
    """Write ``data`` to ``target`` all or nothing; ``failed`` is the key that says which archive was not written."""
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
        raise RecordError(message(failed, path=target, detail=error.strerror)) from error


def export_meeting(
    meeting: str | os.PathLike[str],
    out: str | os.PathLike[str],
    private_out: str | os.PathLike[str] | None = None,
    *,
    private: bool = True,
) -> ExportSummary:
    """Write the public archive to ``out`` and the private one to ``private_out`` (each all or nothing).

    ``private_out`` defaults to ``<out>-PRIVATE.zip``; its name must say PRIVATE. ``private=False`` writes
    the public archive alone.
    """
    from coopvote.service import MeetingService

    source = Path(meeting)
    target = Path(out)
    if target.suffix.lower() != ".zip":
        raise InputError("export.not_zip", path=target)
    private_target = Path(private_out) if private_out is not None else default_private_path(target)
    if private:
        if private_target.suffix.lower() != ".zip":
            raise InputError("export.private_not_zip", path=private_target)
        if PRIVATE_MARK not in private_target.name.upper():
            raise InputError(
                "export.private_unmarked", path=private_target, mark=PRIVATE_MARK,
                example=default_private_path(target).name,
            )
        if private_target.resolve() == target.resolve():
            raise InputError("export.private_same_name", path=private_target)
    exported_at = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise RecordError("export.folder_not_created", path=target.parent, detail=error.strerror) from error
    # The working copy holds the whole meeting: keep it beside the target (where the archive goes anyway),
    # never in the system temp folder, and remove it however the export ends.
    with tempfile.TemporaryDirectory(prefix=f".{target.stem}-export-", dir=target.parent) as work:
        copy = Path(work) / MEETING_FILE
        sqlite_snapshot(source, copy)
        service = MeetingService.open(copy, actor="export", station="export", backups=False)
        service.record.where = str(source)  # a refusal names the meeting file, not the working copy
        try:
            record = collect(service)
        finally:
            service.close()
        wipe_secret(copy)
        meeting_bytes = copy.read_bytes() if private else None
    data, digest = build_archive(record, None, exported_at, PUBLIC)
    _write_atomically(target, data, "export.not_written")
    if private:
        private_data, _same_digest = build_archive(record, meeting_bytes, exported_at, PRIVATE)
        _write_atomically(private_target, private_data, "export.private_not_written")
    files = len(zipfile.ZipFile(io.BytesIO(data)).namelist())
    return ExportSummary(
        target,
        digest,
        {item.number: item.digest for item in record.items},
        files,
        len(data),
        private_target if private else None,
    )
