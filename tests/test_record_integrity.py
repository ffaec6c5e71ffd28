"""Integrity: the declared result is what was scanned, and a rewritten record fails against the close codes.

Each test is an attack from issue 11 by someone holding the meeting laptop or an exported archive (public
or PRIVATE), made with sqlite3 (or SQLAlchemy and the project's own ``entry_hash`` and sealing) behind the
service's back. The record has two chains (desk, ballot); the close entry is on the desk chain and names
the ballot chain's head, so a rewrite of the papers must rewrite the close entry, whose hash is the code.
Attacks on the public archive alone are in tests/test_record_integrity_public.py.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from coopvote.cli import main as cli
from coopvote.errors import RecordError
from coopvote.export.archive import export_meeting
from coopvote.export.container import write_zip
from coopvote.export.content import canonical_bytes, sha256_hex
from coopvote.export.verify import Discrepancy, verify_bytes
from coopvote.record.audit import BALLOT_CHAIN, DESK_CHAIN, GENESIS, canonical_json, entry_hash
from coopvote.record.models import AgendaItem, AuditEntry
from coopvote.record.transfer import transfer
from coopvote.service import MeetingService
from coopvote.service.papers import PrintedBatch
from coopvote.service.sealing import close_seal
from tests.helpers import small_meeting

REPO = Path(__file__).resolve().parent.parent


def voted(folder: Path, *, papers: int = 10, in_favour: int = 7) -> tuple[MeetingService, PrintedBatch, str]:
    """Item 1 voted on by ``papers`` papers, ``in_favour`` of them For (70% carries), then closed."""
    service = small_meeting(folder, station="teller-1")
    for number in ("P1", "P2", "E1", "E2"):
        service.desk.check_in(number)
    service.desk.appoint_proxy("E3", "E1")
    batch = service.papers.add_paper_batch(1, "EMP", papers + 5)
    service.voting.open_vote(1, not_quorate_reason="test meeting: nobody checked in")
    for index, serial in enumerate(batch.serials[:papers]):
        assert service.tellers.record_paper(batch.qr_text(serial), [1 if index < in_favour else 2]).accepted
    code = service.voting.close_vote(1)
    return service, batch, code


def sql(path: Path, statement: str, *args: Any) -> int:
    connection = sqlite3.connect(path)
    try:
        changed = connection.execute(statement, args).rowcount
        connection.commit()
    finally:
        connection.close()
    return changed


def rewrite_chains(path: Path, change: Callable[[AuditEntry], bool], *, fix_closes: bool = True) -> int:
    """The insider's consistent rewrite, as a real one would make it with the project's own code.

    Edit entries of either chain, recompute every hash of the ballot chain from its first entry; then (with
    ``fix_closes``) make each 'vote closed' entry name the rewritten ballot chain's head and seal the papers
    now in the file, and recompute every hash of the desk chain. Without ``fix_closes`` the desk chain is
    left as it was (only the entries ``change`` edits there are rehashed along with it).
    """
    engine = create_engine(f"sqlite:///{path}")
    edited = 0
    with Session(engine) as session, session.begin():
        rehashed: dict[int, str] = {0: GENESIS}
        for chain in (BALLOT_CHAIN, DESK_CHAIN):
            previous = GENESIS
            rows = session.scalars(select(AuditEntry).where(AuditEntry.chain == chain).order_by(AuditEntry.sequence))
            for entry in rows:
                if change(entry):
                    edited += 1
                details = entry.details or {}
                if chain == DESK_CHAIN and fix_closes and entry.action == "vote closed" and "ballot_head" in details:
                    head = details["ballot_head"]
                    item = session.scalar(select(AgendaItem).where(AgendaItem.number == details["item"]))
                    assert item is not None
                    entry.details = {**details, "ballot_head": {**head, "hash": rehashed[head["sequence"]]},
                                     **close_seal(session, item)}  # fmt: skip
                entry.previous_hash = previous
                entry.entry_hash = entry_hash(
                    sequence=entry.sequence, at=entry.at, actor=entry.actor, station=entry.station,
                    action=entry.action, details=entry.details, previous_hash=entry.previous_hash, chain=chain,
                )  # fmt: skip
                previous = entry.entry_hash
                if chain == BALLOT_CHAIN:
                    rehashed[entry.sequence] = entry.entry_hash
    engine.dispose()
    return edited


def test_marks_changed_with_sqlite_are_refused_everywhere(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    service, batch, _code = voted(tmp_path)
    assert service.results.item_result(1).resolution is not None and service.results.item_result(1).resolution.carried  # type: ignore[union-attr]
    path = tmp_path / "small.coopvote"
    changed = sql(path, "UPDATE recorded_ballot SET marks='[2]' WHERE id IN "
                        "(SELECT id FROM recorded_ballot WHERE marks='[1]' ORDER BY serial LIMIT 3)")  # fmt: skip
    assert changed == 3
    first = sorted(batch.serials[:7])[0]
    for attempt in (lambda: service.results.item_result(1), lambda: service.results.declare(1, "returning officer", reconciliation_reason="test meeting: papers recorded without packs")):
        with pytest.raises(RecordError, match=rf"item 1, paper {first}: .*marks \[2\].*recorded class EMP, marks \[1\]"):
            attempt()
    with pytest.raises(RecordError, match=f"item 1, paper {first}"):
        export_meeting(path, tmp_path / "record.zip")
    service.close()
    assert cli(["info", str(path)]) == RecordError.exit_code
    assert f"item 1, paper {first}" in capsys.readouterr().err
    assert cli(["results", str(path), "--item", "1"]) == RecordError.exit_code
    assert f"item 1, paper {first}" in capsys.readouterr().err


def test_deleted_and_inserted_papers_are_named(tmp_path: Path) -> None:
    service, batch, _code = voted(tmp_path)
    path = tmp_path / "small.coopvote"
    removed = sorted(batch.serials[:10])[:2]
    assert sql(path, "DELETE FROM recorded_ballot WHERE serial IN (?, ?)", *removed) == 2
    with pytest.raises(RecordError, match=rf"item 1, paper {removed[0]} was recorded by audit entry \d+ but is missing"):
        service.results.item_result(1)
    service.close()

    service, batch, _code = voted(tmp_path / "again")
    path = tmp_path / "again" / "small.coopvote"
    spare = batch.serials[12]
    sql(path, "INSERT INTO recorded_ballot (item_id, class_id, serial, source, marks, valid, reject_reason, station) "
              "SELECT item_id, class_id, ?, 'keyed', '[1]', 1, '', 'teller-1' FROM recorded_ballot LIMIT 1", spare)  # fmt: skip
    with pytest.raises(RecordError, match=rf"item 1, paper {spare} is in the meeting file .* but no audit entry recorded it"):
        service.results.declare(1, "returning officer", reconciliation_reason="test meeting: papers recorded without packs")
    service.close()


def test_a_changed_audit_entry_without_recomputed_hashes_is_refused(tmp_path: Path) -> None:
    service, _batch, _code = voted(tmp_path)
    path = tmp_path / "small.coopvote"
    changed = sql(path, "UPDATE audit_entry SET details=replace(details, '\"marks\": [1]', '\"marks\": [2]') "
                        "WHERE action='paper recorded' AND details LIKE '%\"marks\": [1]%'")  # fmt: skip
    assert changed == 7
    with pytest.raises(RecordError, match=r"audit entry \d+ of the ballot chain: was altered after it was written"):
        service.results.item_result(1)
    service.close()


def members_of(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {n: z.read(n) for n in z.namelist()}


def test_consistent_rewrite_of_papers_and_chain_fails_only_against_the_close_code(tmp_path: Path) -> None:
    """The insider edits recorded_ballot AND the papers' entries AND recomputes every later hash of both chains."""
    service, batch, close_code = voted(tmp_path)
    assert len(close_code.replace(" ", "")) == 16
    service.close()
    path = tmp_path / "small.coopvote"
    flipped = sorted(batch.serials[:7])[:3]
    sql(path, f"UPDATE recorded_ballot SET marks='[2]' WHERE serial IN ({','.join('?' * 3)})", *flipped)

    def flip(entry: AuditEntry) -> bool:
        paper = (entry.details or {}).get("paper")
        if entry.action == "paper recorded" and paper and paper["serial"] in flipped:
            entry.details = {**entry.details, "paper": {**paper, "marks": [2]}}
            return True
        return False

    # Rewriting the ballot chain alone is not enough: the close entry names the ballot chain's head.
    ballot_only = tmp_path / "ballot-only.coopvote"
    shutil.copyfile(path, ballot_only)
    assert rewrite_chains(ballot_only, flip, fix_closes=False) == 3
    alone = MeetingService.open(ballot_only, station="desk")
    with pytest.raises(RecordError, match=r"vote closed on item 1\) names ballot chain entry \d+ with a hash the ballot "
                                          r"chain does not have"):  # fmt: skip
        alone.results.declare(1, "returning officer", reconciliation_reason="test meeting: papers recorded without packs")
    alone.close()

    # So the insider rewrites the close entry too, and the desk chain after it.
    assert rewrite_chains(path, flip) == 3
    service = MeetingService.open(path, station="desk")
    result = service.results.declare(1, "returning officer", reconciliation_reason="test meeting: papers recorded without packs")  # consistent: the laptop alone cannot tell
    assert result["resolution"]["carried"] is False
    service.close()
    summary = export_meeting(path, tmp_path / "record.zip")
    assert summary.private_path is not None
    for archive in (summary.path, summary.private_path):
        data = archive.read_bytes()
        verify_bytes(data)  # every hash recomputes: only the witnessed code can tell
        with pytest.raises(Discrepancy, match="does not extend that witnessed head"):
            verify_bytes(data, code=close_code)
        assert cli(["verify", str(archive), "--code", close_code.replace(" ", "-")]) == 1


def test_swapped_check_in_rewritten_in_file_and_chain_fails_against_the_close_code(tmp_path: Path) -> None:
    service, _batch, close_code = voted(tmp_path)
    service.results.declare(1, "returning officer", reconciliation_reason="test meeting: papers recorded without packs")
    service.close()
    path = tmp_path / "small.coopvote"
    honest = export_meeting(path, tmp_path / "honest.zip")
    assert honest.private_path is not None
    report = verify_bytes(honest.private_path.read_bytes(), code=close_code)
    assert any("extends it exactly" in str(check) for check in report.checks)
    report = verify_bytes(honest.path.read_bytes(), code=close_code)
    assert any("seals exactly the papers in the ballots CSV" in str(check) for check in report.checks)

    sql(path, "UPDATE attendance SET member_id=(SELECT id FROM member WHERE number='E4') "
              "WHERE member_id=(SELECT id FROM member WHERE number='E2')")  # fmt: skip
    sql(path, "UPDATE member SET present = (number = 'E4') WHERE number IN ('E2', 'E4')")

    def swap(entry: AuditEntry) -> bool:
        if entry.action == "member checked in" and entry.details.get("member") == "E2":
            entry.details = {**entry.details, "member": "E4"}
            return True
        return False

    assert rewrite_chains(path, swap) == 1
    forged = export_meeting(path, tmp_path / "forged.zip")
    assert forged.private_path is not None
    for archive in (forged.private_path, forged.path):  # the public one too: the close entry's hash moved
        data = archive.read_bytes()
        verify_bytes(data)
        with pytest.raises(Discrepancy, match="does not extend that witnessed head"):
            verify_bytes(data, code=close_code)


def test_archive_papers_must_be_the_replayed_chain(tmp_path: Path) -> None:
    """A private archive whose ballot chain lost a paper's entry (rewritten, resealed) names the paper."""
    service, batch, _code = voted(tmp_path)
    service.results.declare(1, "returning officer", reconciliation_reason="test meeting: papers recorded without packs")
    service.close()
    summary = export_meeting(tmp_path / "small.coopvote", tmp_path / "record.zip")
    assert summary.private_path is not None
    data = summary.private_path.read_bytes()
    members = members_of(data)
    entries = [json.loads(line) for line in members["audit.jsonl"].decode().splitlines()]
    target = sorted(batch.serials[:10])[4]
    kept, previous, ballot_entries = [], GENESIS, 0
    for entry in entries:
        if entry["chain"] == BALLOT_CHAIN:
            if entry["action"] == "paper recorded" and entry["details"]["serial"] == target:
                continue
            ballot_entries += 1
            entry["sequence"] = ballot_entries
            entry["previous_hash"] = previous
            entry["entry_hash"] = previous = entry_hash(**{k: entry[k] for k in (
                "sequence", "at", "actor", "station", "action", "details", "previous_hash", "chain")})  # fmt: skip
        kept.append(entry)
    audit = "".join(canonical_json(e) + "\n" for e in kept).encode()
    forged = reseal(data, {"audit.jsonl": audit})
    with pytest.raises(Discrepancy, match=rf"item 1, paper {target} is in the ballots CSVs .* but no audit entry recorded it"):
        verify_bytes(forged, meeting_file=False)


def reseal(data: bytes, changes: dict[str, bytes]) -> bytes:
    """Apply changes to an archive and re-seal the manifest, keeping the zip comment, as a forger would."""
    members = members_of(data)
    updated = [(n, changes.get(n, d)) for n, d in members.items() if n != "manifest.json"]
    manifest = json.loads(members["manifest.json"])
    manifest["files"] = {n: {"sha256": sha256_hex(d), "bytes": len(d)} for n, d in updated}
    comment = zipfile.ZipFile(io.BytesIO(data)).comment
    return write_zip(updated + [("manifest.json", canonical_bytes(manifest) + b"\n")], comment)


RECORDER = """
import sys
from pathlib import Path
sys.path.insert(0, {repo!r})
from tests.helpers import small_meeting
service = small_meeting(Path({folder!r}))
batch = service.papers.add_paper_batch(1, "PS", 80)
service.voting.open_vote(1, not_quorate_reason="test meeting: nobody checked in")
for serial in batch.serials[:70]:
    assert service.tellers.record_paper(batch.qr_text(serial), [1]).accepted
print("recorded", flush=True)
sys.stdin.readline()
"""


def test_a_file_moved_mid_meeting_keeps_every_acknowledged_paper(tmp_path: Path) -> None:
    """70 papers acknowledged, the file moved, the station killed: the file where it is now holds all 70."""
    station = subprocess.Popen(
        [sys.executable, "-c", RECORDER.format(repo=str(REPO), folder=str(tmp_path))],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=REPO,
    )  # fmt: skip
    try:
        assert station.stdout is not None and station.stdout.readline().strip() == "recorded"
        os.rename(tmp_path / "small.coopvote", tmp_path / "moved.coopvote")
        os.kill(station.pid, signal.SIGKILL)
    finally:
        station.wait(timeout=30)
    moved = MeetingService.open(tmp_path / "moved.coopvote")
    try:
        assert moved.results.item_result(1).total_papers == 70
    finally:
        moved.close()


def test_following_the_moved_message_loses_nothing(tmp_path: Path) -> None:
    service = small_meeting(tmp_path)
    batch = service.papers.add_paper_batch(1, "PS", 80)
    service.voting.open_vote(1, not_quorate_reason="test meeting: nobody checked in")
    for serial in batch.serials[:70]:
        assert service.tellers.record_paper(batch.qr_text(serial), [1]).accepted
    os.rename(tmp_path / "small.coopvote", tmp_path / "moved.coopvote")
    with pytest.raises(RecordError, match="open the file where it is now: everything saved before the move is in it"):
        service.tellers.record_paper(batch.qr_text(batch.serials[70]), [1])
    service.close()
    moved = MeetingService.open(tmp_path / "moved.coopvote")
    try:
        assert moved.results.item_result(1).total_papers == 70
    finally:
        moved.close()


def test_the_source_of_a_transfer_is_read_only_and_names_where_the_meeting_lives(tmp_path: Path) -> None:
    service = small_meeting(tmp_path)
    batch = service.papers.add_paper_batch(1, "PS", 10)
    service.voting.open_vote(1, not_quorate_reason="test meeting: nobody checked in")
    assert service.tellers.record_paper(batch.qr_text(batch.serials[0]), [1]).accepted
    service.close()
    source, target = tmp_path / "small.coopvote", tmp_path / "live.coopvote"
    transfer(source, target)
    stale = MeetingService.open(source, station="forgotten teller")
    try:
        assert stale.results.item_result(1).total_papers == 1  # still readable
        with pytest.raises(RecordError, match=rf"moved to {target}.*read-only.*Open the meeting at {target}"):
            stale.tellers.record_paper(batch.qr_text(batch.serials[1]), [1])
    finally:
        stale.close()
    with pytest.raises(RecordError, match="already moved to"):
        transfer(source, tmp_path / "again.coopvote")
    live = MeetingService.open(target)
    try:
        assert live.tellers.record_paper(batch.qr_text(batch.serials[1]), [1]).accepted
        assert live.results.item_result(1).total_papers == 2
    finally:
        live.close()


def test_an_edited_entry_in_the_archived_meeting_file_is_named(tmp_path: Path) -> None:
    """The archive's copy of the meeting file must hold audit.jsonl's entries, not only its count and last hash."""
    service, _batch, _code = voted(tmp_path)
    service.results.declare(1, "returning officer", reconciliation_reason="test meeting: papers recorded without packs")
    service.close()
    summary = export_meeting(tmp_path / "small.coopvote", tmp_path / "record.zip")
    assert summary.private_path is not None  # the meeting file is in the private archive only
    data = summary.private_path.read_bytes()
    copy = tmp_path / "copy.coopvote"
    copy.write_bytes(members_of(data)["meeting.coopvote"])
    assert sql(copy, "UPDATE audit_entry SET details=replace(details, '\"E2\"', '\"E4\"') "
                     "WHERE action='member checked in' AND details LIKE '%\"E2\"%'") == 1  # fmt: skip
    with pytest.raises(Discrepancy, match=r"meeting.coopvote: its audit log differs from audit.jsonl at the desk chain "
                                          r"entry \d+"):  # fmt: skip
        verify_bytes(reseal(data, {"meeting.coopvote": copy.read_bytes()}))


def test_attendance_and_proxies_changed_in_the_tables_alone_are_refused(tmp_path: Path,
                                                                        capsys: pytest.CaptureFixture[str]) -> None:
    service, _batch, _code = voted(tmp_path)
    service.close()
    path = tmp_path / "small.coopvote"
    sql(path, "UPDATE member SET present = (number = 'E4') WHERE number IN ('E2', 'E4')")
    assert cli(["info", str(path)]) == RecordError.exit_code
    assert "member E2 was checked in by audit entry" in capsys.readouterr().err
    sql(path, "UPDATE member SET present = (number = 'E2') WHERE number IN ('E2', 'E4')")
    assert cli(["info", str(path)]) == 0
    capsys.readouterr()
    sql(path, "UPDATE proxy SET holder_id=(SELECT id FROM member WHERE number='P1')")
    service = MeetingService.open(path)
    try:
        with pytest.raises(RecordError, match=r"member E3's proxy: the meeting file has holder P1 .* appointed E1"):
            service.results.item_result(1)
    finally:
        service.close()


def test_cli_close_prints_the_close_code_that_verify_accepts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    service = small_meeting(tmp_path)
    service.desk.check_in("E1")
    batch = service.papers.add_paper_batch(1, "EMP", 3)
    service.voting.open_vote(1, not_quorate_reason="test meeting: nobody checked in")
    assert service.tellers.record_paper(batch.qr_text(batch.serials[0]), [1]).accepted
    service.close()
    path = tmp_path / "small.coopvote"
    assert cli(["close", str(path), "--item", "1"]) == 0
    out = capsys.readouterr().out
    line = next(line for line in out.splitlines() if line.startswith("Close code: "))
    code = line.removeprefix("Close code: ")
    assert "Write this code into the minutes by hand" in out
    summary = export_meeting(path, tmp_path / "record.zip")
    assert summary.private_path is not None
    assert cli(["verify", str(summary.private_path), "--code", code]) == 0
    assert "the archive extends it exactly" in capsys.readouterr().out
    assert cli(["verify", str(summary.path), "--code", code]) == 0  # the public archive has no audit log
    assert "seals exactly the papers in the ballots CSV" in capsys.readouterr().out
