"""The hash-chained audit log.

Each entry's hash covers its own content and the previous entry's hash, so altering, removing or
inserting an entry breaks the chain from that point on. ``verify_chain`` names the first entry where
the chain breaks; it works on plain dicts too, so the exported archive's JSON lines can be checked
without the database.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

GENESIS = "0" * 64


def canonical_json(value: Any) -> str:
    """One byte-exact rendering of a value, so the same entry always hashes the same on any machine."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def timestamp_text(at: datetime) -> str:
    return at.replace(tzinfo=None).isoformat(timespec="microseconds")


def entry_hash(
    *,
    sequence: int,
    at: datetime | str,
    actor: str,
    station: str,
    action: str,
    details: Mapping[str, Any],
    previous_hash: str,
) -> str:
    at_text = at if isinstance(at, str) else timestamp_text(at)
    body = canonical_json(
        {
            "sequence": sequence,
            "at": at_text,
            "actor": actor,
            "station": station,
            "action": action,
            "details": details,
            "previous_hash": previous_hash,
        }
    )
    return hashlib.sha256(body.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class ChainProblem:
    sequence: int
    problem: str

    def __str__(self) -> str:
        return f"audit entry {self.sequence}: {self.problem}"


def entry_as_dict(entry: Any) -> dict[str, Any]:
    """The exported shape of an audit entry (also what ``verify_chain`` reads)."""
    return {
        "sequence": entry.sequence,
        "at": timestamp_text(entry.at),
        "actor": entry.actor,
        "station": entry.station,
        "action": entry.action,
        "details": entry.details,
        "previous_hash": entry.previous_hash,
        "entry_hash": entry.entry_hash,
    }


def verify_chain(entries: Iterable[Mapping[str, Any]]) -> ChainProblem | None:
    """Return the first break in the chain, or None when every entry is intact and in place."""
    expected_previous = GENESIS
    expected_sequence = 1
    for entry in entries:
        sequence = int(entry["sequence"])
        if sequence != expected_sequence:
            if sequence > expected_sequence:
                return ChainProblem(expected_sequence, f"is missing (the next entry found is {sequence})")
            return ChainProblem(sequence, f"is out of place or inserted (expected entry {expected_sequence})")
        if entry["previous_hash"] != expected_previous:
            return ChainProblem(sequence, "does not follow the entry before it (an entry was removed or inserted)")
        recomputed = entry_hash(
            sequence=sequence,
            at=entry["at"],
            actor=entry["actor"],
            station=entry["station"],
            action=entry["action"],
            details=entry["details"],
            previous_hash=entry["previous_hash"],
        )
        if recomputed != entry["entry_hash"]:
            return ChainProblem(sequence, "was altered after it was written (its hash does not match)")
        expected_previous = entry["entry_hash"]
        expected_sequence += 1
    return None
