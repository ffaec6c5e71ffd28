"""Check an exported archive on its own: hashes, zip structure, audit chain, and a full recount.

The checks run from the outside in and stop at the first discrepancy, which is named (file, item,
figure) so a scrutineer knows where to look:

1. the zip reads and every member matches its CRC;
2. the container is exactly as coopvote writes it (so a changed header byte is caught too);
3. manifest.json lists every file with the right SHA-256 and size, and nothing more;
4. the verification codes (each item's record digest and the meeting digest) recompute;
5. each item's close entry (in results.json) hashes to its close hash and its digests seal exactly the
   papers in the ballots CSV and the item's definition, and its lot seed is the definition's (an entry
   from before definitions were sealed passes with a warning); in a private archive the audit log's hash chains are intact, its replay
   gives exactly the papers in the ballots CSVs, and each close entry is the chain's; with ``--code`` a
   close code written down at the meeting names a close entry (public) or a point the chain passes
   through (private);
6. every item is recounted from its ballots CSV and definition with coopvote.counting, independently
   of the meeting file, and compared figure by figure with the declared result; the BLT file holds the
   same ballots; each declaration PDF carries its item's code;
7. the copy of the meeting file passes SQLite's integrity check and holds the same papers and audit.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path
from typing import Any

from coopvote.counting.blt import parse_blt
from coopvote.counting.model import Election
from coopvote.counting.privacy import classes_in_group
from coopvote.errors import CoopvoteError, InputError
from coopvote.export.archive import ARCHIVE_FORMAT, MEETING_FILE
from coopvote.export.container import MAX_TOTAL_BYTES, UnreadableZip, read_zip, write_zip
from coopvote.export.container import first_difference as first_byte_difference
from coopvote.export.content import (
    RESULTS_FORMAT,
    canonical_bytes,
    item_digest,
    meeting_digest,
    read_ballots_csv,
    sha256_hex,
)
from coopvote.export.recount import election_of, first_difference, recount, sources_problem
from coopvote.export.unopposed import declared_unopposed, unopposed_problem
from coopvote.export.witness import (
    close_entry_problem,
    definition_warning,
    describe_witnessed,
    first_audit_difference,
    papers_problem,
    witnessed_entry,
)
from coopvote.messages import Message, message
from coopvote.record.audit import verify_chain


class Discrepancy(CoopvoteError):
    """The archive does not check out; the message names the first thing found wrong."""

    exit_code = 1


class UnreadableArchive(Discrepancy, InputError):
    """The file cannot be read as an archive at all (not a zip, or beyond the size limits): exit 2.

    Still a Discrepancy, so a caller that only asks "does it check out?" gets no; but the command line
    tells "this is not a readable archive" (2) apart from "this archive was altered" (1), as documented.
    """

    exit_code = 2


@dataclass
class VerifyReport:
    source: str
    checks: list[Message] = field(default_factory=list)
    meeting_digest: str = ""
    item_digests: dict[int, str] = field(default_factory=dict)
    items_recounted: int = 0
    ballots_recounted: int = 0
    warnings: list[Message] = field(default_factory=list)
    """What checks out but covers less than it might: an item whose close entry, written before coopvote
    sealed definitions, does not cover the rule its papers are counted by."""

    def passed(self, what: Message) -> None:
        self.checks.append(what)


def _json(data: bytes, name: str) -> Any:
    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise Discrepancy("verify.not_json", name=name, detail=error) from None


def verify_archive(path: str | Path, code: str | None = None) -> VerifyReport:
    target = Path(path)
    try:
        size = target.stat().st_size
        if size > MAX_TOTAL_BYTES + (1 << 20):
            raise UnreadableArchive("archive.larger_than_any", source=target, size=size)
        data = target.read_bytes()
    except FileNotFoundError:
        raise InputError("file.missing", path=target) from None
    except OSError as error:
        raise InputError("file.unreadable", path=target, detail=error.strerror) from None
    return verify_bytes(data, str(target), code=code)


def verify_bytes(data: bytes, source: str = "archive", *, code: str | None = None, meeting_file: bool = True) -> VerifyReport:
    """Run every check on an archive's bytes; raise Discrepancy naming the first failure."""
    report = VerifyReport(source)
    try:
        members_list, comment = read_zip(data, source)
    except UnreadableZip as error:
        raise UnreadableArchive(error.message) from None
    except InputError as error:
        raise Discrepancy(error.message) from None
    report.passed(message("verify.ok_zip", files=len(members_list)))
    where = first_byte_difference(write_zip(members_list, comment), data)
    if where is not None:
        raise Discrepancy("verify.container_altered", source=source, byte=where)
    report.passed(message("verify.ok_container"))
    members = dict(members_list)
    manifest = _check_manifest(members, report)
    results = _check_digests(members, manifest, comment, report)
    public = manifest.get("kind") == "public" and "audit.jsonl" not in members
    if public:
        # A public archive carries no audit log (its order is a timeline); the manifest names the heads.
        report.passed(message("verify.ok_public"))
    else:
        _check_audit(members, report)
    for entry in results["items"]:
        _check_item(entry, members, report)
    for entry in results["items"]:
        problem = close_entry_problem(entry, members)
        if problem is not None:
            raise Discrepancy(problem)
        warning = definition_warning(entry)
        if warning is not None:
            report.warnings.append(warning)
    report.passed(message("verify.ok_close_entries"))
    if not public:
        problem = papers_problem(members, results)
        if problem is not None:
            raise Discrepancy(problem)
        report.passed(message("verify.ok_papers"))
    if meeting_file and MEETING_FILE in members:
        _check_meeting_file(members, results, report)
    if code:
        _check_code(code, report, members, results)
    return report


def _check_manifest(members: dict[str, bytes], report: VerifyReport) -> dict[str, Any]:
    if "manifest.json" not in members:
        raise Discrepancy("verify.no_manifest", source=report.source)
    raw = members["manifest.json"]
    manifest = _json(raw, "manifest.json")
    if not isinstance(manifest, dict) or manifest.get("format") != ARCHIVE_FORMAT:
        raise Discrepancy("verify.manifest_wrong_format", format=ARCHIVE_FORMAT)
    if canonical_bytes(manifest) + b"\n" != raw:
        raise Discrepancy("verify.manifest_edited")
    files = manifest.get("files")
    if not isinstance(files, dict):
        raise Discrepancy("verify.manifest_no_files")
    for name, data in members.items():
        if name == "manifest.json":
            continue
        listed = files.get(name)
        if not isinstance(listed, dict):
            raise Discrepancy("verify.file_not_in_manifest", name=name)
        if listed.get("bytes") != len(data) or listed.get("sha256") != sha256_hex(data):
            raise Discrepancy("verify.file_altered", name=name)
    for name in files:
        if name not in members:
            raise Discrepancy("verify.file_removed", name=name)
    report.passed(message("verify.ok_manifest", files=len(files)))
    return manifest


def _check_digests(members: dict[str, bytes], manifest: dict[str, Any], comment: bytes, report: VerifyReport) -> dict[str, Any]:
    if "results.json" not in members:
        raise Discrepancy("verify.results_missing")
    results = _json(members["results.json"], "results.json")
    if not isinstance(results, dict) or results.get("format") != RESULTS_FORMAT or not isinstance(results.get("items"), list):
        raise Discrepancy("verify.results_wrong_format", format=RESULTS_FORMAT)
    code = str(results.get("meeting", {}).get("code", ""))
    ballots: dict[str, bytes] = {}
    for entry in results["items"]:
        name = entry.get("ballots_file", "")
        if name not in members:
            raise Discrepancy("verify.ballots_file_missing", item=entry.get("number"), name=name)
        ballots[name] = members[name]
        declared = entry["declaration"]["result"] if entry.get("declaration") else entry.get("result")
        digest = item_digest(code, entry["definition"], declared, members[name], str(entry.get("close_hash") or ""))
        if digest != entry.get("digest"):
            raise Discrepancy("verify.item_code_altered", item=entry.get("number"))
        if manifest.get("item_digests", {}).get(str(entry.get("number"))) != digest:
            raise Discrepancy("verify.item_code_differs", item=entry.get("number"))
        report.item_digests[int(entry["number"])] = digest
    digest = meeting_digest(members["results.json"], ballots)
    if digest != manifest.get("meeting_digest"):
        raise Discrepancy("verify.meeting_code_altered")
    if comment != f"coopvote archive {code} {digest}".encode("ascii"):
        raise Discrepancy("verify.zip_comment")
    report.meeting_digest = digest
    report.passed(message("verify.ok_codes", digest=digest[:16], items=len(report.item_digests)))
    return results


def _check_audit(members: dict[str, bytes], report: VerifyReport) -> None:
    raw = members.get("audit.jsonl")
    if raw is None:
        raise Discrepancy("verify.audit_missing")
    entries = []
    for number, line in enumerate(raw.decode("utf-8", errors="replace").splitlines(), start=1):
        try:
            entry = json.loads(line)
            entries.append(entry)
        except json.JSONDecodeError:
            raise Discrepancy("verify.audit_line_not_json", line=number) from None
    try:
        problem = verify_chain(entries)
    except (KeyError, TypeError, ValueError) as error:
        raise Discrepancy("verify.audit_malformed", detail=error) from None
    if problem is not None:
        raise Discrepancy("verify.audit_problem", problem=problem.message())
    report.passed(message("verify.ok_audit", entries=len(entries)))


def _check_item(entry: dict[str, Any], members: dict[str, bytes], report: VerifyReport) -> None:
    number = entry["number"]
    definition = entry["definition"]
    name = entry["ballots_file"]
    try:
        ballots = read_ballots_csv(members[name], name)
        figures = recount(definition, ballots)
    except CoopvoteError as error:
        raise Discrepancy("verify.item_problem", item=number, problem=error.message) from None
    sources = sources_problem(definition, entry.get("reconciliation") or [], ballots)
    if sources:
        raise Discrepancy("verify.item_problem", item=number, problem=sources)
    declared = entry["declaration"]["result"] if entry.get("declaration") else entry["result"]
    for key, expected in (("verify.recount_differs_declared", declared), ("verify.recount_differs_results", entry["result"])):
        problem: str | Message | None = None
        if key == "verify.recount_differs_declared" and declared_unopposed(declared):
            problem = unopposed_problem(declared, definition, ballots)
            if not problem and not entry.get("close_hash"):
                problem = ("declared unopposed, but results.json carries no close entry sealing the declaration "
                           "(the 'nominations closed' entry that declared it)")
        else:
            problem = first_difference(expected, figures)
        if problem:
            raise Discrepancy(message(key, item=number, problem=problem))
    if definition["kind"] == "election":
        blt = members.get(entry.get("blt_file", ""))
        if blt is None:
            raise Discrepancy("verify.blt_missing", item=number)
        try:
            from_blt = parse_blt(blt.decode("utf-8"), entry["blt_file"])
        except (CoopvoteError, UnicodeDecodeError) as error:
            detail = error.message if isinstance(error, CoopvoteError) else error
            raise Discrepancy("verify.blt_unreadable", name=entry["blt_file"], detail=detail) from None
        if _same_contest(from_blt) != _same_contest(election_of(definition, ballots)[0]):
            raise Discrepancy("verify.blt_differs", name=entry["blt_file"], ballots=name)
    pdf_name = f"declarations/item-{number:02d}.pdf"
    if pdf_name in members and f"coopvote-item-digest:{entry['digest']}".encode() not in members[pdf_name]:
        raise Discrepancy("verify.pdf_code_missing", name=pdf_name, item=number)
    report.items_recounted += 1
    report.ballots_recounted += len(ballots)
    compared = "verify.ok_item_declared" if entry.get("declaration") else "verify.ok_item_counted"
    report.passed(message(compared, item=number, papers=len(ballots)))


def _same_contest(election: Election) -> tuple[Any, ...]:
    """What a BLT file must hold: the contest and each ranking's total value.

    The BLT file has one line per ranking, so papers of the same ranking from different classes
    (different weights) are one line there and several groups in the recount.
    """
    values: dict[tuple[int, ...], Fraction] = {}
    for ballot in election.ballots:
        ranking = tuple(ballot.ranking)
        values[ranking] = values.get(ranking, Fraction(0)) + Fraction(ballot.value)
    kept = {ranking: value for ranking, value in values.items() if value}
    return election.candidates, election.seats, election.withdrawn, election.title, kept


def _check_meeting_file(members: dict[str, bytes], results: dict[str, Any], report: VerifyReport) -> None:
    # Read in memory: a private meeting copy is never written to the system temp folder.
    try:
        connection = sqlite3.connect(":memory:")
        try:
            connection.deserialize(members[MEETING_FILE])
            check = connection.execute("PRAGMA integrity_check").fetchone()
            if not check or check[0] != "ok":
                raise Discrepancy("verify.meeting_file_integrity", name=MEETING_FILE, detail=check[0] if check else "?")
            papers = connection.execute(
                "SELECT a.number, c.code, r.serial, r.valid, r.reject_reason, r.marks, b.band_value "
                "FROM recorded_ballot r "
                "JOIN agenda_item a ON a.id = r.item_id JOIN membership_class c ON c.id = r.class_id "
                "LEFT JOIN ballot_paper p ON p.item_id = r.item_id AND p.serial = r.serial "
                "LEFT JOIN paper_batch b ON b.id = p.batch_id"
            ).fetchall()
            audit_hashes = sorted(h for (h,) in connection.execute("SELECT entry_hash FROM audit_entry"))
            chain = connection.execute(
                "SELECT chain, sequence, action, details, previous_hash, entry_hash FROM audit_entry "
                "ORDER BY chain DESC, sequence"
            ).fetchall()
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise Discrepancy("verify.meeting_file_unreadable", name=MEETING_FILE, detail=error) from None
    from_csv: list[tuple[int, str, int, bool, str, tuple[int, ...], str]] = []
    published_as: dict[tuple[int, str], str] = {}  # a small class's papers are published under their group
    for entry in results["items"]:
        for b in read_ballots_csv(members[entry["ballots_file"]], entry["ballots_file"]):
            from_csv.append((b.item, b.class_code, b.serial, b.valid, b.reason, b.marks, str(b.value or "")))
            for code in classes_in_group(b.class_code, list(entry["definition"]["classes"])) or []:
                published_as[(b.item, code)] = b.class_code
    from_file = sorted(
        (int(n), published_as.get((int(n), str(c)), str(c)), int(s), bool(v), str(r or ""), tuple(json.loads(m)),
         str(band or ""))
        for n, c, s, v, r, m, band in papers
    )
    if from_file != sorted(from_csv):
        missing = sorted(set(from_csv) ^ set(from_file))
        raise Discrepancy("verify.meeting_file_papers", name=MEETING_FILE, first=missing[:1])
    lines = members["audit.jsonl"].decode("utf-8").splitlines()
    differing = first_audit_difference(chain, lines, MEETING_FILE)
    if differing is not None:
        raise Discrepancy(differing)
    if audit_hashes != sorted(json.loads(line)["entry_hash"] for line in lines):
        raise Discrepancy("verify.meeting_file_audit", name=MEETING_FILE)
    report.passed(message("verify.ok_meeting_file", name=MEETING_FILE, papers=len(from_file), entries=len(audit_hashes)))


def _check_code(code: str, report: VerifyReport, members: dict[str, bytes], results: dict[str, Any]) -> None:
    wanted = code.replace(" ", "").replace("-", "").lower()
    if len(wanted) < 8 or any(c not in "0123456789abcdef" for c in wanted):
        raise InputError("verify.code_not_hex", code=code)
    if report.meeting_digest.startswith(wanted):
        report.passed(message("verify.ok_code_meeting"))
        return
    for number, digest in report.item_digests.items():
        if digest.startswith(wanted):
            report.passed(message("verify.ok_code_item", item=number))
            return
    witnessed = witnessed_entry(members, results, wanted)
    if witnessed is not None:
        if "audit.jsonl" in members:
            report.passed(message("verify.ok_code_head", witnessed=describe_witnessed(witnessed)))
        else:
            report.passed(message("verify.ok_code_close", witnessed=describe_witnessed(witnessed)))
        return
    if "audit.jsonl" in members:
        raise Discrepancy("verify.code_unknown_private", code=code)
    raise Discrepancy("verify.code_unknown_public", code=code)
