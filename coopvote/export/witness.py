"""The archive's papers against its audit chain, and the chain against the codes people wrote down.

The ballots CSVs must be exactly the papers a replay of ``audit.jsonl`` gives, and each item's close
hash in results.json must be the entry that closed its vote. Those checks catch an edit to either
side alone. An insider who rewrites both and recomputes every hash is caught only by a close code
copied by hand when the vote closed: the rewritten chain no longer passes through it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from coopvote.export.content import read_ballots_csv
from coopvote.record.ledger import (
    PaperContent,
    ReplayProblem,
    close_entries,
    find_witnessed,
    first_paper_difference,
    replay_papers,
)


def audit_of(members: Mapping[str, bytes]) -> list[dict[str, Any]]:
    """The entries of audit.jsonl (already checked to be JSON lines with an intact chain)."""
    return [json.loads(line) for line in members["audit.jsonl"].decode("utf-8").splitlines() if line.strip()]


def papers_problem(members: Mapping[str, bytes], results: Mapping[str, Any]) -> str | None:
    """Why the ballots CSVs are not the papers the audit chain recorded, or None when they are."""
    entries = audit_of(members)
    try:
        replayed = replay_papers(entries)
    except (ReplayProblem, KeyError, TypeError, ValueError) as error:
        return f"audit.jsonl: {error}"
    stored: dict[tuple[int, int], PaperContent] = {}
    numbers = []
    for entry in results["items"]:
        numbers.append(int(entry["number"]))
        for row in read_ballots_csv(members[entry["ballots_file"]], entry["ballots_file"]):
            stored[(row.item, row.serial)] = PaperContent(row.class_code, row.valid, row.reason, row.marks)
    difference = first_paper_difference(replayed, stored, where="the ballots CSVs", items=numbers)
    if difference is not None:
        return f"the ballots CSVs do not match the audit log: {difference}"
    closes = close_entries(entries)
    for entry in results["items"]:
        close_hash = entry.get("close_hash") or ""
        number = int(entry["number"])
        closed = closes.get(number)
        if close_hash and (closed is None or closed["entry_hash"] != close_hash):
            return f"item {number}: its close hash in results.json is not the audit entry that closed its vote"
        if closed is not None and close_hash != closed["entry_hash"]:
            return f"item {number}: results.json does not carry the hash of audit entry {closed['sequence']}, which closed its vote"
    return None


def witnessed_entry(members: Mapping[str, bytes], code: str) -> Mapping[str, Any] | None:
    """The entry of the (intact) chain whose hash a written-down close code names, or None."""
    return find_witnessed(audit_of(members), code)


def describe_witnessed(entry: Mapping[str, Any]) -> str:
    details = entry.get("details") or {}
    what = str(entry.get("action", ""))
    if isinstance(details, Mapping) and "item" in details:
        what += f" on item {details['item']}"
    return f"audit entry {entry['sequence']} ({what})"


def first_audit_difference(rows: list[tuple[Any, ...]], lines: list[str]) -> str | None:
    """The first entry (by chain, then sequence) where the archive's copy of the meeting file and audit.jsonl differ.

    Comparing only the count and the last hash would let the copy's earlier entries (who checked in,
    which marks) be edited and the manifest resealed without notice.
    """
    for row, line in zip(rows, lines, strict=False):
        entry = json.loads(line)
        chain, sequence, action, details, previous_hash, digest = row
        stored = json.loads(details) if isinstance(details, str) else details
        if (str(chain), int(sequence), action, stored, previous_hash, digest) != (
            entry.get("chain", "desk"), entry["sequence"], entry["action"], entry["details"], entry["previous_hash"],
            entry["entry_hash"],
        ):
            return f"{chain} chain entry {int(sequence)}"
    if len(rows) != len(lines):
        return f"count ({len(rows)} in the meeting file, {len(lines)} in audit.jsonl)"
    return None
