"""The hash-chained audit log: two chains, one for the desk and one for the papers.

Each entry's hash covers its own content and the previous entry's hash, so altering, removing or
inserting an entry breaks the chain from that point on. ``verify_chain`` names the first entry where
a chain breaks; it works on plain dicts too, so the exported archive's JSON lines can be checked
without the database.

Why two chains: with one sequence (and a time on every entry) the desk's "pack issued to member X" and
the tellers' "paper 7 recorded" shared a timeline, and a late arrival's vote could be read off it. The
``desk`` chain holds what involves members and is timed; the ``ballot`` chain holds everything that
names a paper, in its own sequence and with no time. Nothing orders one chain against the other; the
close code commits to both heads (``chain_heads``). See docs/records.md.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from coopvote.messages import Bilingual, Message, message

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

GENESIS = "0" * 64
DESK_CHAIN = "desk"
BALLOT_CHAIN = "ballot"
CHAINS = (DESK_CHAIN, BALLOT_CHAIN)

BALLOT_ACTIONS = frozenset(
    {
        "papers printed",
        "paper spoilt",
        "paper recorded",
        "paper refused",
        "paper rejected",
        "contradictory slips rejected",
        "scan undone",
        "sheet queued for adjudication",
        "sheet adjudicated",
        "advance paper recorded",
        "advance paper refused",
    }
)
"""Actions that name a paper (a serial or a sheet): they go on the ballot chain, untimed."""


def chain_of(action: str) -> str:
    return BALLOT_CHAIN if action in BALLOT_ACTIONS else DESK_CHAIN


def canonical_json(value: Any) -> str:
    """One byte-exact rendering of a value, so the same entry always hashes the same on any machine."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def timestamp_text(at: datetime | None) -> str:
    """An entry's time as hashed and exported; '' for a ballot-chain entry, which has none."""
    return "" if at is None else at.replace(tzinfo=None).isoformat(timespec="microseconds")


def entry_hash(
    *,
    sequence: int,
    at: datetime | str | None,
    actor: str,
    station: str,
    action: str,
    details: Mapping[str, Any],
    previous_hash: str,
    chain: str = DESK_CHAIN,
) -> str:
    at_text = at if isinstance(at, str) else timestamp_text(at)
    body: dict[str, Any] = {
        "sequence": sequence,
        "at": at_text,
        "actor": actor,
        "station": station,
        "action": action,
        "details": details,
        "previous_hash": previous_hash,
    }
    if chain != DESK_CHAIN:
        # Desk entries hash as they did before the split, so a meeting made by schema 0001 still verifies.
        body["chain"] = chain
    return hashlib.sha256(canonical_json(body).encode("utf-8")).hexdigest()


CHAIN_NAMES = {DESK_CHAIN: Bilingual(cy="y ddesg", en=DESK_CHAIN), BALLOT_CHAIN: Bilingual(cy="y papurau pleidleisio", en=BALLOT_CHAIN)}
"""Each chain's name in a sentence: Welsh "cadwyn y ddesg", English "the desk chain"."""


def chain_name(chain: str) -> Bilingual:
    """A chain's name in both languages; a chain coopvote does not know keeps the name it was given."""
    return CHAIN_NAMES.get(chain, Bilingual(cy=chain, en=chain))


@dataclass(frozen=True)
class ChainProblem:
    """Where a chain breaks and how, kept as a catalogue message so a Welsh reader reads the finding in Welsh."""

    sequence: int
    problem: Message
    chain: str = DESK_CHAIN

    def message(self) -> Message:
        return message("record.chain.entry", sequence=self.sequence, chain=chain_name(self.chain), problem=self.problem)

    def __str__(self) -> str:
        return self.message().render()


@dataclass(frozen=True)
class ChainHead:
    """Where a chain ends: how many entries it has and the hash of the last (GENESIS when empty)."""

    chain: str
    sequence: int
    entry_hash: str


def entry_as_dict(entry: Any) -> dict[str, Any]:
    """The exported shape of an audit entry (also what ``verify_chain`` reads)."""
    return {
        "chain": getattr(entry, "chain", DESK_CHAIN) or DESK_CHAIN,
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
    """Return the first break in either chain, or None when every entry is intact and in place.

    Entries may come in any interleaving of the two chains; each chain's own entries must be in order.
    """
    expected_previous = {chain: GENESIS for chain in CHAINS}
    expected_sequence = {chain: 1 for chain in CHAINS}
    for entry in entries:
        chain = str(entry.get("chain", DESK_CHAIN))
        sequence = int(entry["sequence"])
        if chain not in expected_sequence:
            return ChainProblem(sequence, message("record.chain.unknown", chain=repr(chain)), chain)
        if sequence != expected_sequence[chain]:
            if sequence > expected_sequence[chain]:
                return ChainProblem(expected_sequence[chain], message("record.chain.missing", found=sequence), chain)
            return ChainProblem(sequence, message("record.chain.out_of_place", expected=expected_sequence[chain]), chain)
        if entry["previous_hash"] != expected_previous[chain]:
            return ChainProblem(sequence, message("record.chain.broken_link"), chain)
        if chain == BALLOT_CHAIN and entry["at"]:
            return ChainProblem(sequence, message("record.chain.timed_ballot_entry"), chain)
        recomputed = entry_hash(
            sequence=sequence,
            at=entry["at"],
            actor=entry["actor"],
            station=entry["station"],
            action=entry["action"],
            details=entry["details"],
            previous_hash=entry["previous_hash"],
            chain=chain,
        )
        if recomputed != entry["entry_hash"]:
            return ChainProblem(sequence, message("record.chain.altered"), chain)
        expected_previous[chain] = entry["entry_hash"]
        expected_sequence[chain] += 1
    return None


def chain_heads(session: Session, meeting_id: int) -> dict[str, ChainHead]:
    """The head of each chain, for a close code that must commit to the desk's record and the papers alike."""
    from sqlalchemy import select

    from coopvote.record.models import AuditEntry

    heads: dict[str, ChainHead] = {}
    for chain in CHAINS:
        last = session.execute(
            select(AuditEntry.sequence, AuditEntry.entry_hash)
            .where(AuditEntry.meeting_id == meeting_id, AuditEntry.chain == chain)
            .order_by(AuditEntry.sequence.desc())
            .limit(1)
        ).first()
        heads[chain] = ChainHead(chain, 0, GENESIS) if last is None else ChainHead(chain, last.sequence, last.entry_hash)
    return heads
