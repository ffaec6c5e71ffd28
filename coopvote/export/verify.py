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
from coopvote.messages import Message
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
    checks: list[str] = field(default_factory=list)
    meeting_digest: str = ""
    item_digests: dict[int, str] = field(default_factory=dict)
    items_recounted: int = 0
    ballots_recounted: int = 0
    warnings: list[Message] = field(default_factory=list)
    """What checks out but covers less than it might: an item whose close entry, written before coopvote
    sealed definitions, does not cover the rule its papers are counted by."""

    def passed(self, what: str) -> None:
        self.checks.append(what)


def _json(data: bytes, name: str) -> Any:
    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise Discrepancy(f"{name}: is not valid JSON ({error})") from None


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
        raise UnreadableArchive(str(error)) from None
    except InputError as error:
        raise Discrepancy(str(error)) from None
    report.passed(f"zip readable, {len(members_list)} files, every CRC matches")
    where = first_byte_difference(write_zip(members_list, comment), data)
    if where is not None:
        raise Discrepancy(f"{source}: the zip container was altered (byte {where} differs from how coopvote writes it)")
    report.passed("zip container exactly as written by coopvote")
    members = dict(members_list)
    manifest = _check_manifest(members, report)
    results = _check_digests(members, manifest, comment, report)
    public = manifest.get("kind") == "public" and "audit.jsonl" not in members
    if public:
        # A public archive carries no audit log (its order is a timeline); the manifest names the heads.
        report.passed("public archive: no audit log, no meeting file (they are in the private archive)")
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
    report.passed(
        "every close entry hashes to its close hash and seals the papers in its ballots CSV, the definition they "
        "are counted by (where the entry seals one) and the lot seed"
    )
    if not public:
        problem = papers_problem(members, results)
        if problem is not None:
            raise Discrepancy(problem)
        report.passed("every paper in the ballots CSVs is the one its audit entry recorded; close hashes match")
    if meeting_file and MEETING_FILE in members:
        _check_meeting_file(members, results, report)
    if code:
        _check_code(code, report, members, results)
    return report


def _check_manifest(members: dict[str, bytes], report: VerifyReport) -> dict[str, Any]:
    if "manifest.json" not in members:
        raise Discrepancy(f"{report.source}: has no manifest.json")
    raw = members["manifest.json"]
    manifest = _json(raw, "manifest.json")
    if not isinstance(manifest, dict) or manifest.get("format") != ARCHIVE_FORMAT:
        raise Discrepancy(f"manifest.json: not a {ARCHIVE_FORMAT} manifest")
    if canonical_bytes(manifest) + b"\n" != raw:
        raise Discrepancy("manifest.json: was edited (it is not in the form coopvote writes)")
    files = manifest.get("files")
    if not isinstance(files, dict):
        raise Discrepancy("manifest.json: has no list of files")
    for name, data in members.items():
        if name == "manifest.json":
            continue
        listed = files.get(name)
        if not isinstance(listed, dict):
            raise Discrepancy(f"{name}: is in the archive but not in the manifest (added?)")
        if listed.get("bytes") != len(data) or listed.get("sha256") != sha256_hex(data):
            raise Discrepancy(f"{name}: its SHA-256 does not match the manifest (altered)")
    for name in files:
        if name not in members:
            raise Discrepancy(f"{name}: is in the manifest but missing from the archive (removed?)")
    report.passed(f"manifest: {len(files)} files, every SHA-256 matches")
    return manifest


def _check_digests(members: dict[str, bytes], manifest: dict[str, Any], comment: bytes, report: VerifyReport) -> dict[str, Any]:
    if "results.json" not in members:
        raise Discrepancy("results.json: missing")
    results = _json(members["results.json"], "results.json")
    if not isinstance(results, dict) or results.get("format") != RESULTS_FORMAT or not isinstance(results.get("items"), list):
        raise Discrepancy(f"results.json: not a {RESULTS_FORMAT} file")
    code = str(results.get("meeting", {}).get("code", ""))
    ballots: dict[str, bytes] = {}
    for entry in results["items"]:
        name = entry.get("ballots_file", "")
        if name not in members:
            raise Discrepancy(f"item {entry.get('number')}: its ballots file {name!r} is missing")
        ballots[name] = members[name]
        declared = entry["declaration"]["result"] if entry.get("declaration") else entry.get("result")
        digest = item_digest(code, entry["definition"], declared, members[name], str(entry.get("close_hash") or ""))
        if digest != entry.get("digest"):
            raise Discrepancy(f"item {entry.get('number')}: its verification code does not recompute (record altered)")
        if manifest.get("item_digests", {}).get(str(entry.get("number"))) != digest:
            raise Discrepancy(f"item {entry.get('number')}: its verification code differs from the manifest's")
        report.item_digests[int(entry["number"])] = digest
    digest = meeting_digest(members["results.json"], ballots)
    if digest != manifest.get("meeting_digest"):
        raise Discrepancy("manifest.json: the meeting's verification code does not recompute")
    if comment != f"coopvote archive {code} {digest}".encode("ascii"):
        raise Discrepancy("the zip comment does not carry the meeting's verification code")
    report.meeting_digest = digest
    report.passed(f"verification codes recompute: meeting {digest[:16]}, {len(report.item_digests)} items")
    return results


def _check_audit(members: dict[str, bytes], report: VerifyReport) -> None:
    raw = members.get("audit.jsonl")
    if raw is None:
        raise Discrepancy("audit.jsonl: missing")
    entries = []
    for number, line in enumerate(raw.decode("utf-8", errors="replace").splitlines(), start=1):
        try:
            entry = json.loads(line)
            entries.append(entry)
        except json.JSONDecodeError:
            raise Discrepancy(f"audit.jsonl, line {number}: is not valid JSON") from None
    try:
        problem = verify_chain(entries)
    except (KeyError, TypeError, ValueError) as error:
        raise Discrepancy(f"audit.jsonl: an entry is malformed ({error})") from None
    if problem is not None:
        raise Discrepancy(f"audit.jsonl: {problem}")
    report.passed(f"audit chain intact: {len(entries)} entries")


def _check_item(entry: dict[str, Any], members: dict[str, bytes], report: VerifyReport) -> None:
    number = entry["number"]
    definition = entry["definition"]
    name = entry["ballots_file"]
    try:
        ballots = read_ballots_csv(members[name], name)
        figures = recount(definition, ballots)
    except CoopvoteError as error:
        raise Discrepancy(f"item {number}: {error}") from None
    sources = sources_problem(definition, entry.get("reconciliation") or [], ballots)
    if sources:
        raise Discrepancy(f"item {number}: {sources}")
    declared = entry["declaration"]["result"] if entry.get("declaration") else entry["result"]
    for label, expected in (("declared result", declared), ("result in results.json", entry["result"])):
        problem: str | None = None
        if label == "declared result" and declared_unopposed(declared):
            problem = unopposed_problem(declared, definition, ballots)
            if not problem and not entry.get("close_hash"):
                problem = ("declared unopposed, but results.json carries no close entry sealing the declaration "
                           "(the 'nominations closed' entry that declared it)")
        else:
            problem = first_difference(expected, figures)
        if problem:
            raise Discrepancy(f"item {number}: the recount differs from the {label}: {problem}")
    if definition["kind"] == "election":
        blt = members.get(entry.get("blt_file", ""))
        if blt is None:
            raise Discrepancy(f"item {number}: its BLT file is missing")
        try:
            from_blt = parse_blt(blt.decode("utf-8"), entry["blt_file"])
        except (CoopvoteError, UnicodeDecodeError) as error:
            raise Discrepancy(f"{entry['blt_file']}: cannot be read ({error})") from None
        if _same_contest(from_blt) != _same_contest(election_of(definition, ballots)[0]):
            raise Discrepancy(f"{entry['blt_file']}: does not hold the same ballots as {name}")
    pdf_name = f"declarations/item-{number:02d}.pdf"
    if pdf_name in members and f"coopvote-item-digest:{entry['digest']}".encode() not in members[pdf_name]:
        raise Discrepancy(f"{pdf_name}: does not carry item {number}'s verification code")
    report.items_recounted += 1
    report.ballots_recounted += len(ballots)
    compared = "same result as declared" if entry.get("declaration") else "same result as counted (not declared)"
    report.passed(f"item {number}: recounted {len(ballots)} papers, {compared}")


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
                raise Discrepancy(f"{MEETING_FILE}: fails SQLite's integrity check ({check[0] if check else '?'})")
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
        raise Discrepancy(f"{MEETING_FILE}: is not a readable meeting file ({error})") from None
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
        raise Discrepancy(f"{MEETING_FILE}: its papers differ from the ballots CSVs (first: {missing[:1]})")
    lines = members["audit.jsonl"].decode("utf-8").splitlines()
    differing = first_audit_difference(chain, lines)
    if differing is not None:
        raise Discrepancy(f"{MEETING_FILE}: its audit log differs from audit.jsonl at the {differing}")
    if audit_hashes != sorted(json.loads(line)["entry_hash"] for line in lines):
        raise Discrepancy(f"{MEETING_FILE}: its audit log differs from audit.jsonl")
    report.passed(f"{MEETING_FILE}: integrity check ok, same {len(from_file)} papers and {len(audit_hashes)} audit entries")


def _check_code(code: str, report: VerifyReport, members: dict[str, bytes], results: dict[str, Any]) -> None:
    wanted = code.replace(" ", "").replace("-", "").lower()
    if len(wanted) < 8 or any(c not in "0123456789abcdef" for c in wanted):
        raise InputError(f"--code {code!r}: a verification code is hexadecimal, at least 8 digits")
    if report.meeting_digest.startswith(wanted):
        report.passed("the code given is this record's meeting code")
        return
    for number, digest in report.item_digests.items():
        if digest.startswith(wanted):
            report.passed(f"the code given is item {number}'s verification code")
            return
    witnessed = witnessed_entry(members, results, wanted)
    if witnessed is not None:
        if "audit.jsonl" in members:
            report.passed(f"the code given is the head witnessed at {describe_witnessed(witnessed)}: the archive extends it exactly")
        else:
            report.passed(
                f"the code given is the close code of {describe_witnessed(witnessed)}: that entry is in results.json, "
                "hashes to the code and seals exactly the papers in the ballots CSV"
            )
        return
    where = "the audit chain does not pass through it" if "audit.jsonl" in members else "no item's close entry hashes to it"
    raise Discrepancy(
        f"the code {code} matches neither this record nor any of its items, and {where}: if it is a close code "
        "written down when a vote closed, this archive does not extend that witnessed head (the record was "
        "rewritten since); otherwise it belongs to a different record"
    )
