"""The papers as the audit chain tells them, and the witnessed points of the chain.

Every action that puts a paper on the record writes the paper's whole content (item, serial, class,
valid or rejected and why, marks) into its audit entry, in the same transaction; an undo names the
paper it takes back. Replaying the chain therefore gives the papers that must be in the meeting file,
so a paper edited, deleted or added behind the service's back is found and named, and results are
never computed from papers the chain does not vouch for.

Someone who can write the file can still rewrite the chain and recompute every hash after a change.
What stops that is a code people saw and wrote down: the short code of the chain's head when a vote
closes (printed again on the declaration and the minutes). A record whose chain no longer passes
through that head was rewritten. Everything here works on plain dicts, so the exported archive's
``audit.jsonl`` is checked by the same code as the live meeting.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from coopvote.record.audit import BALLOT_CHAIN, GENESIS

PAPER_KEY = "paper"
"""Audit details key holding the content of the paper an entry put on the record."""
CHANGED_KEY = "paper_changed"
"""Audit details key holding a paper's new content when an entry changes a paper already on the record
(the first of two contradictory slips from one sheet, rejected as more than one vote)."""
WITHDRAWN_KEY = "paper_withdrawn"
"""Audit details key naming the paper an entry took off the record (an undone scan)."""

LEGACY_ADDING = frozenset({"paper recorded", "sheet adjudicated", "paper rejected"})
"""Actions that recorded a paper before entries carried its content: replayed by presence only."""

CLOSE_ACTION = "vote closed"
UNOPPOSED_ACTION = "nominations closed"
"""Closing nominations: when it declares the seats filled unopposed (details ``elected_unopposed``), the entry
seals the item as a 'vote closed' entry does (docs/records.md), since no vote will ever close it."""
REOPEN_ACTION = "vote reopened"
MOVED_ACTION = "meeting moved"
DIRECTED_ACTION = "directed proxy entered"
"""A signed directed proxy form: appoints the proxy and adds its directed votes to the items' tallies."""
"""The last entry of a meeting copied elsewhere by ``coopvote transfer``: that copy is read-only from then on."""
WITNESS_DIGITS = 16
"""Hex digits of the head hash in a close code: 64 bits, so forging a rewritten chain that passes
through a written-down code takes about 2^64 hash attempts per entry of the chain."""


@dataclass(frozen=True)
class PaperContent:
    """A returned paper without its station or time: what a count reads."""

    class_code: str
    valid: bool
    reason: str
    marks: tuple[int, ...]

    def describe(self) -> str:
        if not self.valid:
            return f"class {self.class_code}, rejected ({self.reason or 'no reason'})"
        return f"class {self.class_code}, marks {list(self.marks)}"


def paper_details(item: int, serial: int, content: PaperContent) -> dict[str, Any]:
    """The ``paper`` value an audit entry carries for a paper it records."""
    return {
        "item": item,
        "serial": serial,
        "class": content.class_code,
        "valid": content.valid,
        "reason": content.reason,
        "marks": list(content.marks),
    }


@dataclass
class ReplayedPaper:
    sequence: int
    content: PaperContent | None
    """None when the entry predates paper contents in the chain (only the paper's presence is known)."""


class ReplayProblem(ValueError):
    """The chain itself contradicts itself about a paper (counted twice, undone when never counted)."""


def replay_papers(entries: Iterable[Mapping[str, Any]]) -> dict[tuple[int, int], ReplayedPaper]:
    """The papers the chain says are on the record, keyed by (item, serial)."""
    papers: dict[tuple[int, int], ReplayedPaper] = {}
    for entry in entries:
        details = entry.get("details") or {}
        if not isinstance(details, Mapping):
            continue
        sequence = int(entry["sequence"])
        changed = details.get(CHANGED_KEY)
        if isinstance(changed, Mapping):
            key = (int(changed["item"]), int(changed["serial"]))
            if key not in papers:
                raise ReplayProblem(
                    f"audit entry {sequence} changes paper {key[1]} of item {key[0]}, which no earlier entry recorded"
                )
            papers[key] = ReplayedPaper(sequence, PaperContent(
                str(changed["class"]), bool(changed["valid"]), str(changed.get("reason") or ""),
                tuple(int(m) for m in changed.get("marks") or ()),
            ))  # fmt: skip
            continue
        paper = details.get(PAPER_KEY)
        if isinstance(paper, Mapping):
            key = (int(paper["item"]), int(paper["serial"]))
            content: PaperContent | None = PaperContent(
                str(paper["class"]), bool(paper["valid"]), str(paper.get("reason") or ""),
                tuple(int(m) for m in paper.get("marks") or ()),
            )  # fmt: skip
        elif entry.get("action") in LEGACY_ADDING and details.get("serial") is not None and details.get("item") is not None:
            key, content = (int(details["item"]), int(details["serial"])), None
        else:
            withdrawn = details.get(WITHDRAWN_KEY)
            if isinstance(withdrawn, Mapping) or (entry.get("action") == "scan undone" and "serial" in details):
                source = withdrawn if isinstance(withdrawn, Mapping) else details
                key = (int(source["item"]), int(source["serial"]))
                if papers.pop(key, None) is None:
                    raise ReplayProblem(
                        f"audit entry {sequence} undoes paper {key[1]} of item {key[0]}, which no earlier entry recorded"
                    )
            continue
        if key in papers:
            raise ReplayProblem(
                f"audit entry {sequence} records paper {key[1]} of item {key[0]} again "
                f"(entry {papers[key].sequence} already recorded it)"
            )
        papers[key] = ReplayedPaper(sequence, content)
    return papers


def first_paper_difference(
    replayed: Mapping[tuple[int, int], ReplayedPaper],
    stored: Mapping[tuple[int, int], PaperContent],
    *,
    where: str = "the meeting file",
    items: Iterable[int] | None = None,
) -> str | None:
    """Name the first paper (by item, then serial) where the stored papers and the chain disagree."""
    wanted = None if items is None else set(items)
    keys = sorted(k for k in set(replayed) | set(stored) if wanted is None or k[0] in wanted)
    for key in keys:
        item, serial = key
        chained, kept = replayed.get(key), stored.get(key)
        if chained is None:
            assert kept is not None
            return (
                f"item {item}, paper {serial} is in {where} ({kept.describe()}) but no audit entry recorded it "
                "(added behind the audit log's back?)"
            )
        if kept is None:
            return (
                f"item {item}, paper {serial} was recorded by audit entry {chained.sequence} but is missing "
                f"from {where} (removed?)"
            )
        if chained.content is not None and chained.content != kept:
            return (
                f"item {item}, paper {serial}: {where} has {kept.describe()}, but audit entry {chained.sequence} "
                f"recorded {chained.content.describe()} (altered?)"
            )
    return None


def witness_code(entry_hash: str) -> str:
    """The code people copy at a close: the first 16 hex digits of the head hash, in groups of four."""
    head = entry_hash[:WITNESS_DIGITS].upper()
    return " ".join(head[i : i + 4] for i in range(0, WITNESS_DIGITS, 4))


def is_close(entry: Mapping[str, Any]) -> bool:
    """Whether an entry closes an item: a vote closed, or nominations closed declaring the seats unopposed."""
    details = entry.get("details") or {}
    if entry.get("action") == CLOSE_ACTION:
        return True
    return entry.get("action") == UNOPPOSED_ACTION and isinstance(details, Mapping) and "elected_unopposed" in details


def close_entries(entries: Iterable[Mapping[str, Any]]) -> dict[int, Mapping[str, Any]]:
    """Each item's last 'vote closed' entry: the point of the chain witnessed when its vote (last) closed.

    A vote reopened and closed again has several; the last one covers every paper, so it is the one the
    archive carries and checks. A vote reopened and not yet closed again has none: its papers are still
    coming, so no close vouches for them yet. ``entries`` are in chain order (these are all desk entries).
    """
    found: dict[int, Mapping[str, Any]] = {}
    for entry in entries:
        details = entry.get("details") or {}
        if not isinstance(details, Mapping) or "item" not in details:
            continue
        if is_close(entry):
            found[int(details["item"])] = entry
        elif entry.get("action") == REOPEN_ACTION:
            found.pop(int(details["item"]), None)
    return found


def ballot_head_problem(entries: Iterable[Mapping[str, Any]]) -> str | None:
    """Why some close entry does not name a point of the ballot chain, or None.

    A 'vote closed' entry is on the desk chain and names the ballot chain's head at that moment, so its
    hash (the close code) commits to both chains. Rewriting the papers' entries changes the ballot chain's
    hashes: this check then forces the close entry itself to be rewritten, which changes the close code.
    """
    listed = list(entries)
    ballot_hashes = {int(e["sequence"]): str(e["entry_hash"]) for e in listed if e.get("chain") == BALLOT_CHAIN}
    ballot_hashes[0] = GENESIS
    for entry in listed:
        details = entry.get("details") or {}
        head = details.get("ballot_head") if isinstance(details, Mapping) else None
        if not is_close(entry) or not isinstance(head, Mapping):
            continue
        if ballot_hashes.get(int(head.get("sequence", -1))) != head.get("hash"):
            return (
                f"audit entry {entry['sequence']} of the desk chain ({entry.get('action')} on item {details.get('item')}) names "
                f"ballot chain entry {head.get('sequence')} with a hash the ballot chain does not have "
                "(the papers' entries were rewritten?)"
            )
    return None


def find_witnessed(entries: Iterable[Mapping[str, Any]], code: str) -> Mapping[str, Any] | None:
    """The entry whose hash a written-down code names (all 16 digits must match), or None."""
    wanted = code.replace(" ", "").replace("-", "").lower()
    if len(wanted) < WITNESS_DIGITS:
        return None
    for entry in entries:
        if str(entry.get("entry_hash", "")).startswith(wanted):
            return entry
    return None


@dataclass
class Attendance:
    """Who is present and which proxies are live, as the chain tells it: number -> entry that made it so."""

    present: dict[str, int]
    proxies: dict[str, tuple[str, bool, int]]
    """Appointer number -> (holder number or 'chair', directed, entry)."""


def replay_attendance(entries: Iterable[Mapping[str, Any]]) -> Attendance:
    state = Attendance({}, {})
    for entry in entries:
        details = entry.get("details") or {}
        action = entry.get("action")
        if not isinstance(details, Mapping) or "member" not in details and "appointer" not in details:
            continue
        sequence = int(entry["sequence"])
        if action == "member checked in":
            state.present[str(details["member"])] = sequence
            if details.get("proxy_cancelled"):
                state.proxies.pop(str(details["member"]), None)
        elif action == "member checked out":
            state.present.pop(str(details["member"]), None)
        elif action == "proxy appointed":
            holder = str(details.get("holder") or "chair")
            state.proxies[str(details["appointer"])] = (holder, bool(details.get("directed")), sequence)
        elif action == DIRECTED_ACTION:
            state.proxies[str(details["appointer"])] = (str(details.get("holder") or "chair"), True, sequence)
        elif action == "proxy cancelled":
            state.proxies.pop(str(details["appointer"]), None)
    return state


def first_attendance_difference(
    replayed: Attendance, present: set[str], proxies: Mapping[str, tuple[str, bool]], *, where: str = "the meeting file"
) -> str | None:
    """Name the first member whose attendance or live proxy differs between the stored tables and the chain."""
    for number in sorted(set(replayed.present) | present):
        if number not in present:
            return f"member {number} was checked in by audit entry {replayed.present[number]} but is not present in {where}"
        if number not in replayed.present:
            return f"member {number} is present in {where} but no audit entry checked them in (altered?)"
    for appointer in sorted(set(replayed.proxies) | set(proxies)):
        chained, kept = replayed.proxies.get(appointer), proxies.get(appointer)
        if chained is None:
            return f"member {appointer}'s proxy is live in {where} but no audit entry appointed it (altered?)"
        if kept is None:
            return f"member {appointer}'s proxy appointed by audit entry {chained[2]} is missing from {where} (removed?)"
        if kept != chained[:2]:
            return (
                f"member {appointer}'s proxy: {where} has holder {kept[0]} (directed {kept[1]}), but audit entry "
                f"{chained[2]} appointed {chained[0]} (directed {chained[1]}) (altered?)"
            )
    return None
